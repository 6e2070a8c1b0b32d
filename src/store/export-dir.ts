/**
 * The folder `notes export --html` writes: created by us (marked with a
 * `.notes-export` file listing what we wrote), or refused when it holds
 * anything else, unless --force. Every path is checked to stay inside it:
 * `..`, absolute paths and symlinks (in the folder or on the way to a file)
 * cannot lead a write outside.
 *
 * Files are written plainly, not one by one atomically: the folder is
 * regenerated output, and an fsync per page would make a 10,000-page export
 * many times slower. The marker is written first, so a folder left half
 * written by a crash is still recognised as ours and rewritten next time.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep, isAbsolute } from 'node:path';
import { NotesError } from '../core/errors.js';
import { makeDirs } from './make-dir.js';
import type { ExportSink } from '../exporters/types.js';

/** The marker file of a folder `notes export` made. */
export const EXPORT_MARKER = '.notes-export';

export interface ExportFolder {
  /** Absolute, real path of the folder. */
  root: string;
  /** True when the folder existed with other files and --force let us in. */
  forced: boolean;
  sink: ExportSink;
  /** Writes the marker with the list of files, and removes files of the previous export that are gone. */
  finish(): { files: number; removed: number };
}

interface Manifest {
  by: string;
  files: string[];
}

function readManifest(path: string): string[] {
  try {
    const m = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
    return Array.isArray(m.files) ? m.files.filter((f) => typeof f === 'string') : [];
  } catch {
    return [];
  }
}

/** Throws unless `rel` is a plain relative path (no `..`, no absolute, no empty or dot segments). */
export function checkRelative(rel: string): void {
  const bad = !rel || rel.includes('\\') || rel.includes('\0') || rel.startsWith('/') || isAbsolute(rel)
    || rel.split('/').some((s) => s === '' || s === '.' || s === '..');
  if (bad) throw new NotesError(`refusing to write "${rel}": it is not a plain path inside the export folder`, { hint: 'this is a bug in notes; report it' });
}

/**
 * Opens (creating it when needed) the export folder `out`. Refuses a file,
 * and a non-empty folder without our marker unless `force`.
 */
export function openExportFolder(out: string, { force = false } = {}): ExportFolder {
  let fresh = true;
  let ours = false;
  let forced = false;
  let st;
  try { st = statSync(out); } catch { st = null; }
  if (st && !st.isDirectory()) {
    throw new NotesError(`--out ${out} is a file, not a folder`, { hint: 'name a folder for the site (it is created when missing)' });
  }
  if (st) {
    const entries = readdirSync(out);
    if (entries.length) {
      fresh = false;
      ours = entries.includes(EXPORT_MARKER) && lstatSync(join(out, EXPORT_MARKER)).isFile();
      if (!ours && !force) {
        throw new NotesError(`${out} is not empty and was not made by notes export; refusing to write into it`, {
          hint: 'choose another --out, empty the folder, or pass --force to write into it anyway',
        });
      }
      forced = !ours;
    }
  } else {
    makeDirs(out);
  }
  const root = realpathSync(out);
  const markerPath = join(root, EXPORT_MARKER);
  const previous = ours ? readManifest(markerPath) : [];
  const writeMarker = (files: string[]) => {
    if (!fresh) { try { if (lstatSync(markerPath).isSymbolicLink()) unlinkSync(markerPath); } catch { /* absent */ } }
    writeFileSync(markerPath, `${JSON.stringify({ by: 'notes export', files } satisfies Manifest)}\n`);
  };
  writeMarker(previous);

  const written = new Set<string>();
  const goodDirs = new Set<string>([root]);
  /** Makes the folder `dir` (absolute) and checks that no symlink leads it elsewhere. */
  const ensureDir = (dir: string) => {
    if (goodDirs.has(dir)) return;
    ensureDir(dirname(dir));
    try {
      const s = lstatSync(dir);
      if (!s.isDirectory()) {
        throw new NotesError(`refusing to write into ${dir}: it is ${s.isSymbolicLink() ? 'a symlink' : 'not a folder'}`, {
          hint: 'remove it, or export to another --out',
        });
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      mkdirSync(dir);
    }
    goodDirs.add(dir);
  };
  const target = (rel: string) => {
    checkRelative(rel);
    const abs = resolve(root, rel);
    const back = relative(root, abs);
    if (back.startsWith('..') || isAbsolute(back)) throw new NotesError(`refusing to write "${rel}" outside ${root}`, { hint: 'this is a bug in notes; run again with --verbose and report it' });
    return abs;
  };
  const sink: ExportSink = {
    write(rel, data) {
      const abs = target(rel);
      ensureDir(dirname(abs));
      // Replace, never truncate: unlinking first means no write goes through a
      // symlink a previous occupant left, and spares ext4's flush of truncated
      // files (auto_da_alloc), which made re-exports several times slower.
      if (!fresh) { try { unlinkSync(abs); } catch { /* absent */ } }
      writeFileSync(abs, data);
      written.add(rel);
    },
  };
  return {
    root,
    forced,
    sink,
    finish() {
      const files = [...written].sort();
      writeMarker(files);
      let removed = 0;
      const dirs = new Set<string>();
      for (const rel of previous) {
        if (written.has(rel)) continue;
        let abs: string;
        try { abs = target(rel); } catch { continue; }
        // Only files whose folders are real folders inside the export (no symlink on the way).
        try { if (realpathSync(dirname(abs)) !== dirname(abs)) continue; } catch { continue; }
        try {
          const s = lstatSync(abs);
          if (s.isFile() || s.isSymbolicLink()) { unlinkSync(abs); removed++; }
        } catch { continue; }
        for (let d = dirname(abs); d !== root && d.startsWith(root + sep); d = dirname(d)) dirs.add(d);
      }
      // Folders the removed files leave empty go too (deepest first).
      for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
        try { rmdirSync(d); } catch { /* not empty, or gone */ }
      }
      return { files: files.length, removed };
    },
  };
}
