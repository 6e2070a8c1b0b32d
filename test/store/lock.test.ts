import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDirs } from '../helpers/run.js';
import { LOCK_NAME, withLock } from '../../src/store/lock.js';

const folder = tempDirs('notes-lock-');

/** The pid of a process that has exited. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

describe('the notebook lock', () => {
  it('is taken over from an owner that died a while ago', async () => {
    const dir = folder();
    const lock = join(dir, LOCK_NAME);
    writeFileSync(lock, String(deadPid()));
    const past = Date.now() / 1000 - 10;
    utimesSync(lock, past, past);
    expect(await withLock(dir, () => 'ran', { timeoutMs: 1000 })).toBe('ran');
    expect(existsSync(lock)).toBe(false);
  });

  it('is not broken just because the pid read from it is dead: the file may be a newer owner\'s', async () => {
    // The race: a waiter reads the old owner's pid; the owner releases and exits; a third process
    // takes the lock; the waiter sees the old pid dead. The lock file there is then fresh.
    const dir = folder();
    writeFileSync(join(dir, LOCK_NAME), String(deadPid()));
    await expect(withLock(dir, () => 'ran', { timeoutMs: 300 })).rejects.toThrow(/locked by another notes process/);
  });

  it('waits for a live owner, and is released after use', async () => {
    const dir = folder();
    writeFileSync(join(dir, LOCK_NAME), String(process.pid));
    await expect(withLock(dir, () => 'ran', { timeoutMs: 300 })).rejects.toThrow(/locked by another notes process/);
    const past = Date.now() / 1000 - 60;
    utimesSync(join(dir, LOCK_NAME), past, past);
    expect(await withLock(dir, () => 'ran', { timeoutMs: 1000, staleMs: 30_000 })).toBe('ran'); // hung owner: stale
    expect(existsSync(join(dir, LOCK_NAME))).toBe(false);
  });
});
