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
import { closeSync, fstatSync, openSync, readSync, statSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkNotes } from '../store/walk.js';
import { under } from '../store/paths.js';
import { TEMP_SUFFIX } from '../store/atomic-write.js';
import type { NoteProblem } from '../store/notebook.js';

/** The notes of one folder: file name → stamp. */
export type FolderScan = Map<string, string>;

export interface ScanResult {
  /** Folder (relative, '' for the root) → its notes. */
  folders: Map<string, FolderScan>;
  problems: NoteProblem[];
  /** Temp files of atomic writes (`.*.notes-tmp`), as walkNotes finds them. */
  temps: string[];
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
    // The hash of `${name}\0${stamp}`, without making that string (10,000 of them in a list).
    let h1 = 0x811c9dc5;
    let h2 = 5381;
    for (let i = 0; i < name.length; i++) {
      const c = name.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 16777619);
      h2 = (Math.imul(h2, 33) + c) | 0;
    }
    h1 = Math.imul(h1, 16777619);
    h2 = Math.imul(h2, 33) | 0;
    for (let i = 0; i < stamp.length; i++) {
      const c = stamp.charCodeAt(i);
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
  // One BigInt to string, then string slices: BigInt division is slow in cold code (~2 µs a file).
  const digits = ns.toString();
  if (digits.length <= 9 || ns < 0n) return `${ns / 1_000_000_000n}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}0`;
  return `${digits.slice(0, -9)}.${digits.slice(-9)}0`;
}

let findWorks: boolean | undefined;

/** From about this many notes on, GNU find lists faster than Node. */
export const FIND_FROM = 2000;

/** GNU find's arguments: every note with its stamp, and any symlink that matters (then walkNotes takes over). */
function findArgs(root: string): string[] {
  return ['-H', root, '-mindepth', '1',
    '-type', 'f', '-name', `.*${TEMP_SUFFIX}`, '-printf', 'T\\0%P\\0', '-o',
    '(', '-name', '.*', '-o', '(', '-name', 'node_modules', '-type', 'd', ')', ')', '-prune',
    '-o', '-type', 'l', '(', '-xtype', 'd', '-o', '-iname', '*.md', ')', '-printf', 'L\\0%P\\0',
    '-o', '-type', 'f', '-iname', '*.md', '-printf', 'F\\0%P\\0%T@ %C@ %s\\0',
  ];
}

interface FindListing {
  folders: Map<string, FolderScan>;
  temps: string[];
}

/**
 * find's listing, or null when it names a symlink (or something we do not
 * understand): also a name with U+FFFD, maybe one that is not valid UTF-8,
 * which walkNotes reports.
 */
function parseFind(out: string): FindListing | null {
  if (out.includes('\uFFFD')) return null;
  const parts = out.split('\0');
  const folders = new Map<string, FolderScan>();
  const temps: string[] = [];
  for (let i = 0; i + 1 < parts.length;) {
    const kind = parts[i];
    if (kind === 'F') { add(folders, parts[i + 1]!, parts[i + 2]!); i += 3; }
    else if (kind === 'T') { temps.push(parts[i + 1]!); i += 2; }
    else return null;
  }
  return { folders, temps };
}

const childProcess = () => require('node:child_process') as typeof import('node:child_process');

/** The GNU find listing, or null when find is missing, fails, or meets a symlink that matters. */
function scanWithFind(root: string): FindListing | null {
  if (findWorks === false || process.platform === 'win32') return null;
  // Loaded here, not at the top: node:child_process costs ~2.5 ms to load,
  // which a search of a small notebook (walked from Node) should not pay.
  const r = childProcess().spawnSync('find', findArgs(root), { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'ignore'] });
  if (r.error || r.status !== 0) {
    if (r.error || r.status === 127) findWorks = false;
    return null;
  }
  return parseFind(r.stdout);
}

/**
 * The same listing from a find running beside this process, so that the
 * caller can read the index meanwhile (two cores: ~30 ms of a list or search
 * of 10,000 notes). find writes to an unlinked temp file, not a pipe: a pipe
 * holds 64 KB and the listing of 10,000 notes is ~750 KB, so find would wait
 * for this (busy) thread to read it.
 */
function scanWithFindAsync(root: string): Promise<FindListing | null> {
  if (findWorks === false || process.platform === 'win32') return Promise.resolve(null);
  let fd: number;
  try {
    const tmp = join(tmpdir(), `.notes-scan-${process.pid}-${Math.random().toString(36).slice(2)}`);
    fd = openSync(tmp, 'wx+', 0o600);
    unlinkSync(tmp);
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    let settled = false;
    const done = (listing: FindListing | null) => {
      if (settled) return;
      settled = true;
      try { closeSync(fd); } catch { /* already closed */ }
      resolve(listing);
    };
    try {
      const child = childProcess().spawn('find', findArgs(root), { stdio: ['ignore', fd, 'ignore'] });
      child.once('error', () => { findWorks = false; done(null); });
      child.once('exit', (code) => {
        if (code !== 0) { if (code === 127) findWorks = false; done(null); return; }
        try {
          const size = fstatSync(fd).size;
          const buf = Buffer.allocUnsafe(size);
          let got = 0;
          while (got < size) { const n = readSync(fd, buf, got, size - got, got); if (!n) break; got += n; }
          done(parseFind(buf.toString('utf8', 0, got)));
        } catch {
          done(null);
        }
      });
    } catch {
      done(null);
    }
  });
}

/**
 * Lists the notes of the notebook at `root` with their stamps. For a small
 * notebook (`expected` notes, from the last listing) starting find costs
 * more than it saves.
 */
export function scanNotebook(root: string, expected = Infinity): ScanResult {
  const found = expected >= FIND_FROM ? scanWithFind(root) : null;
  if (found) return { ...found, problems: [], method: 'find' };
  return scanWithWalk(root);
}

/** As scanNotebook, but find (when used) runs while the caller goes on: see scanWithFindAsync. */
export async function scanNotebookAsync(root: string, expected = Infinity): Promise<ScanResult> {
  const found = expected >= FIND_FROM ? await scanWithFindAsync(root) : null;
  if (found) return { ...found, problems: [], method: 'find' };
  return scanWithWalk(root);
}

function scanWithWalk(root: string): ScanResult {
  const { files, problems, temps } = walkNotes(root);
  const folders = new Map<string, FolderScan>();
  for (const path of files) {
    const st = statSync(under(root, path), { bigint: true, throwIfNoEntry: false });
    if (st) add(folders, path, `${findTime(st.mtimeNs)} ${findTime(st.ctimeNs)} ${st.size}`);
  }
  return { folders, problems: problems.map((p) => ({ ...p })), temps, method: 'walk' };
}
