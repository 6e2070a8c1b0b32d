/**
 * Listing a notebook's notes with a "stamp" each (modification time, change
 * time, size), grouped by folder with a fingerprint per folder, so that the
 * index can tell which folders changed without reading its own rows for the
 * others.
 *
 * Stat-ing every note is most of the cost of a search on a large notebook
 * (Node's statSync: ~5 µs a file, ~1 s at 100,000 notes). GNU find does the
 * same walk in C about 3x faster, so it is used when present and the
 * notebook holds no symlinked folders or notes (whose handling, followed
 * once by real path, only walkNotes implements); otherwise walkNotes and
 * statSync.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { walkNotes } from '../store/walk.js';
import type { NoteProblem } from '../store/notebook.js';

/** The notes of one folder: file name → stamp. */
export type FolderScan = Map<string, string>;

export interface ScanResult {
  /** Folder (relative, '' for the root) → its notes. */
  folders: Map<string, FolderScan>;
  problems: NoteProblem[];
  /** How the notebook was listed (for --verbose and tests). */
  method: 'find' | 'walk';
}

/** Splits a relative path into folder and file name. */
export function splitPath(path: string): [string, string] {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? ['', path] : [path.slice(0, slash), path.slice(slash + 1)];
}

/**
 * An order-independent fingerprint of a folder's (name, stamp) pairs: equal
 * fingerprints mean (but for a 2^-64 chance) the same notes, unchanged.
 */
export function fingerprint(entries: Iterable<[string, string]>): string {
  let a = 0;
  let b = 0;
  let n = 0;
  for (const [name, stamp] of entries) {
    let h1 = 0x811c9dc5;
    let h2 = 5381;
    const s = `${name}\0${stamp}`;
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = (Math.imul(h2, 33) + c) | 0;
    }
    a = (a + h1) | 0;
    b = (b + Math.imul(h2, 0x9e3779b1)) | 0;
    n++;
  }
  return `${n}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

function add(folders: Map<string, FolderScan>, path: string, stamp: string): void {
  const [dir, name] = splitPath(path);
  let f = folders.get(dir);
  if (!f) folders.set(dir, (f = new Map()));
  f.set(name, stamp);
}

/** A time in nanoseconds as GNU find's %T@ prints it, so that both listings give the same stamps. */
export function findTime(ns: bigint): string {
  return `${ns / 1_000_000_000n}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}0`;
}

let findWorks: boolean | undefined;

/** From about this many notes on, GNU find lists faster than Node. */
export const FIND_FROM = 2000;

/** The GNU find listing, or null when find is missing, fails, or meets a symlink that matters. */
function scanWithFind(root: string): Map<string, FolderScan> | null {
  if (findWorks === false || process.platform === 'win32') return null;
  // Loaded here, not at the top: node:child_process costs ~2.5 ms to load,
  // which a search of a small notebook (walked from Node) should not pay.
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const r = spawnSync('find', ['-H', root, '-mindepth', '1',
    '(', '-name', '.*', '-o', '(', '-name', 'node_modules', '-type', 'd', ')', ')', '-prune',
    '-o', '-type', 'l', '(', '-xtype', 'd', '-o', '-iname', '*.md', ')', '-printf', 'L\\0%P\\0',
    '-o', '-type', 'f', '-iname', '*.md', '-printf', 'F\\0%P\\0%T@ %C@ %s\\0',
  ], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  if (r.error || r.status !== 0) {
    if (r.error || r.status === 127) findWorks = false;
    return null;
  }
  const parts = r.stdout.split('\0');
  const folders = new Map<string, FolderScan>();
  for (let i = 0; i + 1 < parts.length;) {
    const kind = parts[i];
    if (kind === 'F') { add(folders, parts[i + 1]!, parts[i + 2]!); i += 3; }
    else return null; // a symlink (or output we do not understand): let walkNotes handle it
  }
  return folders;
}

/**
 * Lists the notes of the notebook at `root` with their stamps. For a small
 * notebook (`expected` notes, from the last listing) starting find costs
 * more than it saves.
 */
export function scanNotebook(root: string, expected = Infinity): ScanResult {
  const found = expected >= FIND_FROM ? scanWithFind(root) : null;
  if (found) return { folders: found, problems: [], method: 'find' };
  const { files, problems } = walkNotes(root);
  const folders = new Map<string, FolderScan>();
  for (const path of files) {
    const st = statSync(join(root, path), { bigint: true, throwIfNoEntry: false });
    if (st) add(folders, path, `${findTime(st.mtimeNs)} ${findTime(st.ctimeNs)} ${st.size}`);
  }
  return { folders, problems: problems.map((p) => ({ ...p })), method: 'walk' };
}
