/**
 * A notebook-wide lock for read-compute-write sequences that must not
 * interleave between processes (numbering a new day entry, so that 20
 * `notes new` at once never hand out the same day number). The lock is a
 * dot-file in the notebook root holding the owner's pid; a lock whose owner
 * is dead, or that is older than `staleMs`, is taken over.
 */
import { openSync, writeSync, closeSync, readFileSync, unlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { NotesError } from '../core/errors.js';
import { alive } from './process.js';

export const LOCK_NAME = '.notes.lock';

/** How old the lock of a dead owner must be before it is broken (see tryTake). */
const DEAD_OWNER_GRACE_MS = 2000;


function tryTake(path: string, staleMs: number): boolean {
  try {
    const fd = openSync(path, 'wx');
    writeSync(fd, String(process.pid));
    closeSync(fd);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  try {
    const pid = Number(readFileSync(path, 'utf8'));
    // The age is that of the lock file there now, which may be a newer one
    // than the pid was read from: its owner released it and exited, and a
    // third process took the lock meanwhile. A dead pid alone would then
    // delete a live lock (seen: 20 `notes new` at once handed out one day
    // number twice). A dead owner's lock is broken once it is a little old.
    const age = Date.now() - statSync(path).mtimeMs;
    if ((pid && !alive(pid) && age > DEAD_OWNER_GRACE_MS) || age > staleMs) unlinkSync(path);
  } catch { /* released meanwhile */ }
  return false;
}

/** Runs `fn` while holding the notebook lock in `root`. */
export async function withLock<T>(root: string, fn: () => T | Promise<T>, { timeoutMs = 15_000, staleMs = 30_000 } = {}): Promise<T> {
  const path = join(root, LOCK_NAME);
  const start = Date.now();
  let wait = 5;
  while (!tryTake(path, staleMs)) {
    if (Date.now() - start > timeoutMs) {
      throw new NotesError(`the notebook is locked by another notes process (${path})`, {
        hint: `wait for it to finish; if none is running, remove ${path}`,
      });
    }
    await new Promise((r) => setTimeout(r, wait + Math.random() * wait));
    wait = Math.min(wait * 2, 100);
  }
  try {
    return await fn();
  } finally {
    try { unlinkSync(path); } catch { /* taken over as stale */ }
  }
}
