/**
 * Writing edits only when each file is still what was read: another editor
 * (or another notes process) may have saved it meanwhile, and its change must
 * not be lost (jrnl #502). Each new text goes to a temp file beside the note,
 * is fsynced, and is renamed over the note only when the note's bytes still
 * equal the bytes the edit started from (checked right before the rename).
 *
 * A batch runs several files at once: fsync is what costs (about 0.5-1 ms a
 * file here), and overlapping them on libuv's thread pool makes a 1,000-note
 * rename about twice as fast; folders are flushed once at the end.
 */
import { open, readFile, rename, unlink } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fsyncDir, tempPathFor } from './atomic-write.js';

export type GuardedWriteResult = 'written' | 'changed' | 'gone';

export interface GuardedWrite {
  path: string;
  /** The bytes the edit was made from. */
  before: Uint8Array;
  after: string;
}

export interface BatchOptions {
  concurrency?: number;
  /** Test seam: runs after the new text is on disk, before the check and the rename. */
  beforeCommit?: (path: string) => void;
}

async function writeOne(job: GuardedWrite, beforeCommit?: (path: string) => void): Promise<GuardedWriteResult> {
  const tmp = tempPathFor(job.path);
  const fh = await open(tmp, 'wx', 0o644);
  try {
    await fh.writeFile(job.after, 'utf8');
    await fh.sync();
  } finally {
    await fh.close();
  }
  let outcome: GuardedWriteResult = 'written';
  try {
    beforeCommit?.(job.path);
    let now: Buffer | null = null;
    try { now = await readFile(job.path); } catch { outcome = 'gone'; }
    if (now && !now.equals(job.before)) outcome = 'changed';
    if (outcome === 'written') await rename(tmp, job.path);
  } finally {
    if (outcome !== 'written') await unlink(tmp).catch(() => undefined);
  }
  return outcome;
}

/** Writes every job whose file is unchanged; returns one outcome per job, in order. */
export async function writeAllIfUnchanged(jobs: GuardedWrite[], opts: BatchOptions = {}): Promise<GuardedWriteResult[]> {
  const results: GuardedWriteResult[] = new Array(jobs.length);
  const dirs = new Set<string>();
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const k = next++;
      results[k] = await writeOne(jobs[k]!, opts.beforeCommit);
      if (results[k] === 'written') dirs.add(dirname(jobs[k]!.path));
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(opts.concurrency ?? 8, jobs.length) }, worker));
  } finally {
    for (const d of dirs) fsyncDir(d);
  }
  return results;
}
