/**
 * Writing an edit only when the file is still what was read: another
 * editor (or another notes process) may have saved it meanwhile, and its
 * change must not be lost (jrnl #502). The check compares the bytes on disk
 * with the bytes the edit started from, right before the atomic rename.
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from './atomic-write.js';

export type GuardedWriteResult = 'written' | 'changed' | 'gone';

/** Writes `after` to `path` atomically unless the file no longer holds `before`. */
export function writeIfUnchanged(path: string, before: Uint8Array, after: string): GuardedWriteResult {
  let now: Buffer;
  try { now = readFileSync(path); } catch { return 'gone'; }
  if (!now.equals(before)) return 'changed';
  writeFileAtomic(path, after);
  return 'written';
}
