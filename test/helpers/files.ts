import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

/** Every file below `dir`, relative to it, sorted. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p); else out.push(relative(dir, p));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * Whether this platform and user can make symlinks (not Windows without
 * developer mode, say): tests that need one skip, saying so, without it.
 */
export const canSymlink: boolean = (() => {
  const dir = mkdtempSync(join(tmpdir(), 'notes-symlink-'));
  try {
    symlinkSync(join(dir, 'missing'), join(dir, 'link'));
    return true;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
})();
