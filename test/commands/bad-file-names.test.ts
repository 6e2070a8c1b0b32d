/**
 * A note whose file name is not valid UTF-8 (a Latin-1 `café.md` copied
 * from an old disk) cannot be opened by its decoded name: every command
 * says so, once, instead of dropping it silently (search) or calling it
 * missing (list).
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDirs } from '../helpers/run.js';

const temp = tempDirs('notes-bad-names-');

/** `café` in Latin-1 (0xE9): not UTF-8. Some file systems (APFS) refuse such names. */
const latin1 = (dir: string, name: string) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name, 'latin1')]);
const canMakeLatin1Names = (() => {
  const dir = temp();
  try { writeFileSync(latin1(dir, 'caf\u00e9'), ''); return true; } catch { return false; } finally { rmSync(dir, { recursive: true, force: true }); }
})();

describe.skipIf(!canMakeLatin1Names)(`file names that are not valid UTF-8${canMakeLatin1Names ? '' : ' (skipped: this file system refuses them)'}`, () => {
  const setup = () => {
    const base = temp();
    const nb = join(base, 'fn');
    mkdirSync(nb);
    writeFileSync(latin1(nb, 'caf\u00e9.md'), '---\ntitle: L\n---\nmarmoset\n');
    mkdirSync(latin1(nb, 'd\u00e9j\u00e0'));
    writeFileSync(Buffer.concat([latin1(nb, 'd\u00e9j\u00e0'), Buffer.from('/n.md')]), 'marmoset\n');
    writeFileSync(join(nb, 'ok.md'), 'another animal\n');
    return { base, env: { NOTES_CACHE_DIR: join(base, 'cache') } };
  };
  const warnings = 'notes: warning: skipped caf\uFFFD.md: its name is not valid UTF-8\n'
    + 'notes: warning: skipped d\uFFFDj\uFFFD: its name is not valid UTF-8: the notes in this folder are skipped\n';

  it.each(['walk', 'find'])('search warns about them (listing with %s)', async (scan) => {
    const { base, env } = setup();
    const r = await run(['--dir', 'fn', 'search', 'marmoset'], { cwd: base, env: { ...env, NOTES_INDEX_SCAN: scan } });
    expect(r).toEqual({ code: 1, stdout: '', stderr: `${warnings}notes: no notes match "marmoset"\n` });
  });

  it('list and doctor say why', async () => {
    const { base, env } = setup();
    const l = await run(['--dir', 'fn', 'list'], { cwd: base, env });
    expect({ code: l.code, stderr: l.stderr }).toEqual({ code: 0, stderr: warnings });
    const d = await run(['--dir', 'fn', 'doctor', '--json'], { cwd: base, env });
    expect(JSON.parse(d.stdout).map((f: { code: string; path: string; hint: string }) => [f.code, f.path, f.hint])).toEqual([
      ['unreadable', 'caf\uFFFD.md', expect.stringMatching(/^rename it/)],
      ['unreadable', 'd\uFFFDj\uFFFD', expect.stringMatching(/^rename it/)],
    ]);
  });
});
