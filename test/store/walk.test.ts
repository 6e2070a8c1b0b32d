/**
 * walkNotes and symlinked folders: each folder is read once, under its real
 * place when the notebook holds it; only a link to a folder that holds the
 * link (a real loop) is reported.
 */
import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { walkNotes } from '../../src/store/walk.js';
import { tempDirs } from '../helpers/run.js';
import { canSymlink } from '../helpers/files.js';

const temp = tempDirs('notes-walk-');

/**
 * A notebook (`nb` in a temp folder) from a layout: `name.md` is a note,
 * `name -> target` a symlink (target relative to the link's folder); beside
 * it, `outside/o.md`, a folder the notebook does not hold.
 */
function notebook(layout: string[]): string {
  const base = temp();
  mkdirSync(join(base, 'outside'));
  writeFileSync(join(base, 'outside', 'o.md'), '# outside\n');
  const root = join(base, 'nb');
  mkdirSync(root);
  for (const entry of layout) {
    const [path, target] = entry.split(' -> ');
    mkdirSync(dirname(join(root, path!)), { recursive: true });
    if (target !== undefined) symlinkSync(target, join(root, path!));
    else writeFileSync(join(root, path!), '# note\n');
  }
  return root;
}

describe.skipIf(!canSymlink)(`walkNotes and symlinked folders${canSymlink ? '' : ' (skipped: this platform cannot make symlinks)'}`, () => {
  it.each([
    ['a link sorting before its target', ['zreal/r.md', 'alink -> zreal'], ['zreal/r.md'], []],
    ['a link sorting after its target', ['areal/r.md', 'zlink -> areal'], ['areal/r.md'], []],
    ['a link to a subfolder, from a deeper folder', ['b/deep/x.md', 'a/c/link -> ../../b/deep', 'a/c/n.md'], ['a/c/n.md', 'b/deep/x.md'], []],
    ['a link to a folder outside the notebook is read under its name', ['in/n.md', 'in/out -> ../../outside'], ['in/n.md', 'in/out/o.md'], []],
    ['a link to the parent folder: a loop', ['sub/good.md', 'sub/loop -> ..'], ['sub/good.md'], ['sub/loop']],
    ['a link to its own folder: a loop', ['a/n.md', 'a/self -> .'], ['a/n.md'], ['a/self']],
    ['a link to the root from deep down: a loop', ['a/b/n.md', 'a/b/up -> ../..'], ['a/b/n.md'], ['a/b/up']],
  ])('%s', (_what, layout, files, loops) => {
    const r = walkNotes(notebook(layout));
    expect(r.files).toEqual(files);
    expect(r.problems.map((p) => p.path)).toEqual(loops);
    for (const p of r.problems) expect(p.reason).toMatch(/^symlink loop/);
  });

  it('keeps the order of a walk by name when links are read last', () => {
    const root = notebook(['b/n.md', 'a.md', 'c.md', 'a/x.md', 'l -> ../outside', 'm.md']);
    expect(walkNotes(root).files).toEqual(['a/x.md', 'a.md', 'b/n.md', 'c.md', 'l/o.md', 'm.md']);
  });
});
