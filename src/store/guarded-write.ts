/**
 * Writing edits only when each file is still what was read: another editor
 * (or another notes process) may have saved it meanwhile, and its change must
 * not be lost (jrnl #502). Each new text goes to a temp file beside the note,
 * is fsynced, and is renamed over the note only when the note's bytes still
 * equal the bytes the edit started from (checked right before the rename).
 *
 * A batch runs several files at once: fsync is what costs (about 0.5-1 ms a
 * file here), and overlapping them on libuv's thread pool makes a 1,000-note
 * rename about twice as fast; folders are flushed once at the end. Creating
 * the temp file and the rename go to the pool too: while other files' fsyncs
 * commit the journal, each waits for the commit (ext4; ~0.2 ms a rename on
 * a 1,000-note tag rename), which blocked the main thread from starting the
 * next files (a rename of 1,000 of 10,000 notes, round robin: 546 -> 507 ms,
 * open too: -> 502). The check stays right before the rename, and the rename
 * must never wait in the pool's queue (behind other files' fsyncs, tens of
 * ms each on slow storage), where another editor's save could land and be
 * overwritten: no more files are in flight than the pool has threads, and a
 * file has one call at a time on the pool (writeConcurrency). As for every
 * replaced file (see replacedFile), the new one keeps the note's mode and
 * symlink, and a note that may not be written is a failure.
 */
import { closeSync, fsync, open, readFileSync, rename, unlinkSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { fsyncDir, keepPermissions, replacedFile, tempPathFor, type Replaced } from './atomic-write.js';

/** What became of one write; a failure carries the error (its code says what). */
export type GuardedWriteResult = 'written' | 'changed' | 'gone' | { failed: NodeJS.ErrnoException };

export interface GuardedWrite {
  path: string;
  /** The bytes the edit was made from. */
  before: Uint8Array;
  after: string;
}

export interface BatchOptions {
  /** Files in flight at once; at most writeConcurrency() (more would queue a rename behind other files' calls). */
  concurrency?: number;
  /** Test seam: runs after the new text is on disk, before the check and the rename. */
  beforeCommit?: (path: string) => void;
}

/**
 * The size of libuv's thread pool, read from UV_THREADPOOL_SIZE as libuv
 * reads it (C's atoi: leading digits, else 0; 0 means 1 thread, beyond 1,024
 * means 1,024), 4 when unset.
 */
export function poolSize(env: Record<string, string | undefined> = process.env): number {
  const v = env.UV_THREADPOOL_SIZE;
  if (v === undefined) return 4;
  const n = Number(/^\s*([+-]?\d+)/.exec(v)?.[1] ?? 0);
  if (n === 0) return 1;
  return n < 0 || n > 1024 ? 1024 : n; // libuv holds it unsigned: a negative count is huge
}

/**
 * How many files may be in flight at once: up to 8 (fsyncs overlap on the
 * disk), and never more than the pool has threads (the launcher asks for
 * 8), so that a file's next call always finds a free thread.
 */
export function writeConcurrency(env: Record<string, string | undefined> = process.env): number {
  return Math.min(8, poolSize(env));
}

const fsyncAsync = (fd: number) => new Promise<void>((resolve, reject) => fsync(fd, (err) => (err ? reject(err) : resolve())));
const openAsync = (path: string, mode: number) => new Promise<number>((resolve, reject) => open(path, 'wx', mode, (err, fd) => (err ? reject(err) : resolve(fd))));
const renameAsync = (from: string, to: string) => new Promise<void>((resolve, reject) => rename(from, to, (err) => (err ? reject(err) : resolve())));

/** The file (or a folder above it) is no longer there. */
const isGone = (err: unknown) => ['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '');

const closeQuietly = (fd: number) => { try { closeSync(fd); } catch { /* nothing left to flush: it was fsynced or is dropped */ } };
const removeQuietly = (path: string) => { try { unlinkSync(path); } catch { /* never made, or already gone */ } };

/**
 * One file: the calls that wait for the journal go to the thread pool; the
 * small ones stay synchronous. Never throws: a failure is an outcome, and
 * the temp file is gone unless it became the note.
 */
async function writeOne(job: GuardedWrite, dirs: Set<string>, beforeCommit?: (path: string) => void): Promise<GuardedWriteResult> {
  let tmp = '';
  let outcome: GuardedWriteResult = 'written';
  let created = false; // a temp path that exists but is not ours (EEXIST) is left alone
  try {
    // Through a symlink, with the note's permissions; a read-only note is a failure (see replacedFile).
    let was: Replaced | null;
    try {
      was = replacedFile(job.path);
    } catch (err) {
      if (!isGone(err)) throw err;
      was = null;
    }
    if (!was) return 'gone';
    tmp = tempPathFor(was.target);
    const fd = await openAsync(tmp, was.mode);
    created = true;
    try {
      keepPermissions(fd, was);
      const buf = Buffer.from(job.after, 'utf8');
      for (let off = 0; off < buf.length; ) off += writeSync(fd, buf, off, buf.length - off);
      await fsyncAsync(fd);
    } finally {
      closeQuietly(fd);
    }
    beforeCommit?.(job.path);
    let now: Buffer | null = null;
    try {
      now = readFileSync(job.path);
    } catch (err) {
      if (!isGone(err)) throw err; // unreadable is a failure, not a removal
      outcome = 'gone';
    }
    if (now && !now.equals(job.before)) outcome = 'changed';
    if (outcome === 'written') {
      await renameAsync(tmp, was.target);
      dirs.add(dirname(was.target));
    }
  } catch (err) {
    outcome = { failed: err as NodeJS.ErrnoException };
  }
  if (outcome !== 'written' && created) removeQuietly(tmp);
  return outcome;
}

/**
 * Writes every job whose file is unchanged; returns one outcome per job, in
 * order. A file that cannot be written (a name too long, a full disk) is
 * an outcome like a changed one: the others are still written, and each
 * folder renamed into is flushed once all are done.
 */
export async function writeAllIfUnchanged(jobs: GuardedWrite[], opts: BatchOptions = {}): Promise<GuardedWriteResult[]> {
  const results: GuardedWriteResult[] = new Array(jobs.length);
  const dirs = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      results[k] = await writeOne(jobs[k]!, dirs, opts.beforeCommit);
    }
  };
  const most = writeConcurrency();
  await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? most, most, jobs.length) }, worker));
  for (const d of dirs) fsyncDir(d);
  return results;
}
