/**
 * A folder reached both directly and through a symlink: list and search
 * (the index listing the notebook from Node, or asked to use GNU find, which
 * hands symlinks over to the walk) give its notes under the real folder,
 * with no warning; a real loop is still reported.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDirs } from '../helpers/run.js';
import { canSymlink } from '../helpers/files.js';

const temp = tempDirs('notes-symlinked-');

describe.skipIf(!canSymlink)(`symlinked folders in list and search${canSymlink ? '' : ' (skipped: this platform cannot make symlinks)'}`, () => {
  const setup = () => {
    const base = temp();
    const nb = join(base, 'sl');
    mkdirSync(join(nb, 'zreal'), { recursive: true });
    writeFileSync(join(nb, 'zreal', 'r.md'), '---\ntitle: Real\n---\nwombat\n');
    symlinkSync('zreal', join(nb, 'alink'));
    return { base, nb, env: { NOTES_CACHE_DIR: join(base, 'cache') } };
  };

  it.each(['walk', 'find'])('a link sorting before its target is no loop (search listing with %s; list)', async (scan) => {
    const { base, env } = setup();
    for (let i = 0; i < 2; i++) { // and again, with the index made
      const s = await run(['--dir', 'sl', 'search', 'wombat', '--paths'], { cwd: base, env: { ...env, NOTES_INDEX_SCAN: scan } });
      expect(s).toEqual({ code: 0, stdout: 'sl/zreal/r.md\n', stderr: '' });
    }
    const l = await run(['--dir', 'sl', 'list', '--json'], { cwd: base, env });
    expect({ code: l.code, stderr: l.stderr, paths: JSON.parse(l.stdout).map((n: { path: string }) => n.path) }).toEqual({ code: 0, stderr: '', paths: ['zreal/r.md'] });
  });

  it('a link to a folder above it is still a loop, reported by list and search alike', async () => {
    const { base, nb, env } = setup();
    symlinkSync('..', join(nb, 'zreal', 'up'));
    const warning = 'notes: warning: skipped zreal/up: symlink loop: this folder was already read, skipped\n';
    expect(await run(['--dir', 'sl', 'search', 'wombat', '--paths'], { cwd: base, env })).toEqual({ code: 0, stdout: 'sl/zreal/r.md\n', stderr: warning });
    expect((await run(['--dir', 'sl', 'list'], { cwd: base, env })).stderr).toBe(warning);
  });
});
