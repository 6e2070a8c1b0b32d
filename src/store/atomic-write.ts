/**
 * Atomic writes: the new content goes to a temp file in the same folder, is
 * fsynced, then renamed over the target (or hard-linked, when the target must
 * not exist yet). A crash leaves either the old file or the new one, never a
 * truncated mix; a reader never sees a half-written note (jrnl #502).
 */
import { accessSync, constants, fchmodSync, fchownSync, lstatSync, openSync, realpathSync, writeSync, fsyncSync, closeSync, renameSync, linkSync, unlinkSync, statSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';
import { NoteExistsError } from '../core/errors.js';
import { alive } from './process.js';
import { under } from './paths.js';

/** Temp files are dot-files (Hugo and our walker skip them) with a recognisable suffix. */
export const TEMP_SUFFIX = '.notes-tmp';

/** A temp file name beside `path` (a dot-file our walker and Hugo skip). */
export function tempPathFor(path: string): string {
  // Not path.join: its normalizing costs more than the rest (a rename of 1,000 notes makes 1,000 of these).
  return under(dirname(path), `.${basename(path)}.${process.pid}.${Math.random().toString(16).slice(2, 10)}${TEMP_SUFFIX}`);
}

/** Flushes a folder's entries (a rename) to disk. */
export function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try { fsyncSync(fd); } finally { closeSync(fd); }
  } catch {
    // Some file systems refuse to fsync a directory; the rename is still atomic.
  }
}

/** What replacing a file must keep of it. */
export interface Replaced {
  /** The file to rename over: a symlinked note's target, so that the link stays a link. */
  target: string;
  /** Permission bits: a private note stays private, a shared one shared. */
  mode: number;
  uid: number;
  gid: number;
}

/**
 * The file a write to `path` replaces (null when there is none), followed
 * through a symlink, as an editor saving it would: a rename over the link
 * would put a copy in its place and leave the real note as it was. Throws
 * the error of access(2) (EACCES, or EPERM for an immutable file) when the
 * file may not be written: a rename needs only the folder's permission, and
 * would go around the file's.
 */
export function replacedFile(path: string): Replaced | null {
  let st = lstatSync(path, { throwIfNoEntry: false });
  if (!st) return null;
  let target = path;
  if (st.isSymbolicLink()) {
    target = realpathSync(path);
    st = statSync(target);
  }
  accessSync(target, constants.W_OK);
  return { target, mode: st.mode & 0o7777, uid: st.uid, gid: st.gid };
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * Gives a new file (open as `fd`) the permissions, the group (when we may)
 * and, when we are root, the owner of the file it replaces. open(2)'s mode
 * passes through the umask, so the mode is set again. As root, access(2)
 * lets every file be written: a 0444 note is written, an immutable one not.
 */
export function keepPermissions(fd: number, was: Replaced): void {
  if (isRoot) {
    if (was.uid !== 0 || was.gid !== 0) fchownSync(fd, was.uid, was.gid);
  } else if (was.gid !== process.getgid?.()) {
    // A note shared through a group keeps it, when we are in that group
    // (chown to any group of ours is allowed); else the file gets ours.
    try { fchownSync(fd, -1, was.gid); } catch { /* not a group of ours */ }
  }
  // After the owner: chown may clear the setgid bit.
  fchmodSync(fd, was.mode);
}

/** A new file's mode: the umask's to take away, as for any file a program creates. */
const NEW_FILE_MODE = 0o666;

function writeTemp(path: string, data: string | Uint8Array, was: Replaced | null = null): string {
  const tmp = tempPathFor(path);
  const fd = openSync(tmp, 'wx', was?.mode ?? NEW_FILE_MODE);
  try {
    if (was) keepPermissions(fd, was);
    const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
    let off = 0;
    while (off < buf.length) off += writeSync(fd, buf, off, buf.length - off);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw err;
  }
  closeSync(fd);
  return tmp;
}

/** Replaces (or creates) `path` atomically, keeping its permissions, owner and symlink (see replacedFile). */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const was = replacedFile(path);
  const target = was?.target ?? path;
  const tmp = writeTemp(target, data, was);
  try {
    renameSync(tmp, target);
  } catch (err) {
    try { unlinkSync(tmp); } catch { /* already gone */ }
    throw err;
  }
  fsyncDir(dirname(target));
}

/**
 * Creates `path` atomically and exclusively: throws NoteExistsError when it
 * exists, whoever created it first (link(2) fails with EEXIST), so that two
 * processes can never overwrite each other's new note.
 */
export function createFileExclusive(path: string, data: string | Uint8Array): void {
  const tmp = writeTemp(path, data);
  try {
    linkSync(tmp, path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new NoteExistsError(path);
    throw err;
  } finally {
    try { unlinkSync(tmp); } catch { /* already gone */ }
  }
  fsyncDir(dirname(path));
}

/** The pid a temp file name carries (`.<name>.<pid>.<random>.notes-tmp`). */
export function tempOwner(path: string): number | null {
  const m = /\.(\d+)\.[0-9a-f]+\.notes-tmp$/.exec(path);
  return m ? Number(m[1]) : null;
}


/**
 * Removes temp files (relative to `root`) whose writer is gone: its pid is
 * not running (it was killed mid-write), or the file is older than an hour
 * (the pid was reused). A live writer's temp file is left alone.
 */
export function removeStaleTemps(root: string, temps: string[], now = Date.now()): string[] {
  const removed: string[] = [];
  for (const rel of temps) {
    const p = join(root, rel);
    try {
      const pid = tempOwner(rel);
      if ((pid !== null && pid !== process.pid && !alive(pid)) || now - statSync(p).mtimeMs > 3_600_000) {
        unlinkSync(p);
        removed.push(rel);
      }
    } catch { /* raced with another cleaner */ }
  }
  return removed;
}
