/**
 * `mkdir -p` that always ends. Its own module, with no dependency, because
 * the launcher (src/launch.ts) needs it before anything else is loaded.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const isDir = (dir: string) => statSync(dir).isDirectory();

/**
 * Makes `dir` and its missing parents, one level at a time, and throws the
 * first error that a missing parent does not explain.
 *
 * Why not mkdirSync(dir, { recursive: true }): on Node 20 it spins at 100%
 * CPU forever when a folder exists but cannot hold a child it is asked for:
 * under /proc (mkdir answers ENOENT there, not EPERM), Node takes the
 * ENOENT for a missing parent, finds the parent there (EEXIST) and tries
 * the child again, endlessly. Here a child is tried at most twice, once
 * before and once after its parent was made (or found).
 *
 * A parent that is a dangling symlink (a cache folder on an unplugged disk)
 * throws ENOENT, from following it; one that is a file, EEXIST.
 */
export function makeDirs(dir: string): void {
  const target = resolve(dir);
  try {
    mkdirSync(target);
    return;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') {
      if (isDir(target)) return;
      throw err;
    }
    const parent = dirname(target);
    if (code !== 'ENOENT' || parent === target) throw err;
    makeDirs(parent);
  }
  try {
    mkdirSync(target);
  } catch (err) {
    // Made meanwhile by another process: as good.
    if (!((err as NodeJS.ErrnoException).code === 'EEXIST' && isDir(target))) throw err;
  }
}
