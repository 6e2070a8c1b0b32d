/**
 * `npm install` builds the bundle (the `prepare` script): it must work
 * wherever the project lives, a folder with a space or non-ASCII letters in
 * its path included (common on macOS: ~/My Projects).
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, tempDir } from '../helpers/run.js';

describe('the build', () => {
  it('works from a path with a space, a percent sign and an accent', () => {
    const t = tempDir();
    try {
      const root = join(t.dir, 'My Notes 100% café', 'notes');
      mkdirSync(root, { recursive: true });
      for (const f of ['src', 'scripts', 'package.json', 'tsconfig.json']) cpSync(join(REPO, f), join(root, f), { recursive: true });
      symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'));
      const r = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: root, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      for (const f of ['notes.cjs', 'launch.cjs', 'render-worker.cjs']) expect(existsSync(join(root, 'dist', f)), f).toBe(true);
      cpSync(join(REPO, 'bin'), join(root, 'bin'), { recursive: true });
      const v = spawnSync(process.execPath, [join(root, 'bin/notes'), '--dir', join(REPO, 'notes'), 'list'], { encoding: 'utf8', env: { ...process.env, NOTES_CACHE_DIR: join(t.dir, 'cache') } });
      expect(v.status, v.stderr).toBe(0);
      expect(v.stdout).toContain('ess-2023/2023-09-04.md');
    } finally {
      t.cleanup();
    }
  });
});
