/**
 * makeDirs: `mkdir -p` that ends, also where Node 20's recursive mkdir spins
 * forever (a path under /proc).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirs } from '../../src/store/make-dir.js';
import { tempDirs } from '../helpers/run.js';
import { canSymlink } from '../helpers/files.js';

const temp = tempDirs('notes-make-dir-');
/** Linux's procfs, where mkdir of a new name answers ENOENT. */
const hasProc = process.platform === 'linux' && existsSync('/proc/self');

const codeOf = (f: () => void) => { try { f(); return 'made'; } catch (err) { return (err as NodeJS.ErrnoException).code; } };

describe('makeDirs', () => {
  it.each([
    ['a missing folder', (_d: string) => {}, 'a', 'made'],
    ['three missing levels', () => {}, 'a/b/c', 'made'],
    ['an existing folder', (d: string) => mkdirSync(join(d, 'a')), 'a', 'made'],
    ['below a file', (d: string) => writeFileSync(join(d, 'f'), ''), 'f/a', 'ENOTDIR'],
    ['a file', (d: string) => writeFileSync(join(d, 'f'), ''), 'f', 'EEXIST'],
  ])('%s', (_what, setup, rel, expected) => {
    const dir = temp();
    setup(dir);
    expect(codeOf(() => makeDirs(join(dir, rel)))).toBe(expected);
    if (expected === 'made') expect(statSync(join(dir, rel)).isDirectory()).toBe(true);
  });

  it.skipIf(!canSymlink)(`below a dangling symlink: ENOENT, nothing made where it points${canSymlink ? '' : ' (skipped: no symlinks here)'}`, () => {
    const dir = temp();
    symlinkSync(join(dir, 'unplugged'), join(dir, 'link'));
    expect(codeOf(() => makeDirs(join(dir, 'link')))).toBe('ENOENT');
    expect(codeOf(() => makeDirs(join(dir, 'link', 'a', 'b')))).toBe('ENOENT');
    expect(existsSync(join(dir, 'unplugged'))).toBe(false);
  });

  it.skipIf(!hasProc)(`under /proc: ENOENT at once${hasProc ? '' : ' (skipped: no Linux /proc here)'}`, () => {
    expect(codeOf(() => makeDirs('/proc/notes-test-cache'))).toBe('ENOENT');
    expect(codeOf(() => makeDirs('/proc/notes-test-cache/a/b'))).toBe('ENOENT');
  });
});
