import { describe, expect, it } from 'vitest';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURES, copyOf } from '../helpers/run.js';
import { findTime, fingerprint, scanNotebook, scanNotebookAsync, splitPath } from '../../src/index/scan.js';
import { walkNotes } from '../../src/store/walk.js';

const gnuFind = spawnSync('find', ['--version'], { encoding: 'utf8' }).stdout?.includes('GNU') ?? false;

describe('fingerprint', () => {
  const a: [string, string][] = [['a.md', '1 1 10'], ['b.md', '2 2 20']];
  it('does not depend on the order', () => {
    expect(fingerprint(a)).toBe(fingerprint([...a].reverse()));
  });
  it.each([
    [[['a.md', '1 1 10'], ['b.md', '2 2 21']]], // a size changed
    [[['a.md', '1 1 10'], ['c.md', '2 2 20']]], // renamed
    [[['a.md', '1 1 10']]], // deleted
    [[...a, ['c.md', '3 3 30']]], // added
    [[['a.md', '2 2 20'], ['b.md', '1 1 10']]], // stamps swapped between files
  ])('changes when a note does (%#)', (other) => {
    expect(fingerprint(other as [string, string][])).not.toBe(fingerprint(a));
  });
});

describe('splitPath', () => {
  it.each([['a.md', ['', 'a.md']], ['v/a.md', ['v', 'a.md']], ['v/w/a.md', ['v/w', 'a.md']]])('%s', (p, parts) => {
    expect(splitPath(p)).toEqual(parts);
  });
});

describe('scanNotebook', () => {
  const setup = () => {
    const c = copyOf(join(FIXTURES, 'search'));
    mkdirSync(join(c.dir, 'node_modules'));
    writeFileSync(join(c.dir, 'node_modules', 'x.md'), 'skipped');
    mkdirSync(join(c.dir, '.hidden'));
    writeFileSync(join(c.dir, '.hidden', 'x.md'), 'skipped');
    writeFileSync(join(c.dir, '.dot.md'), 'skipped');
    writeFileSync(join(c.dir, 'UPPER.MD'), 'kept');
    writeFileSync(join(c.dir, 'notes.txt'), 'not a note');
    return c;
  };
  const listed = (r: ReturnType<typeof scanNotebook>) =>
    [...r.folders].flatMap(([dir, files]) => [...files.keys()].map((n) => (dir ? `${dir}/${n}` : n))).sort();

  it.skipIf(!gnuFind && !process.env.NOTES_REQUIRE_EXTERNAL)('lists with GNU find the very notes walkNotes lists', () => {
    const c = setup();
    try {
      const r = scanNotebook(c.dir);
      expect(r.method).toBe('find');
      expect(listed(r)).toEqual(walkNotes(c.dir).files.sort());
      expect(listed(r)).toContain('UPPER.MD');
    } finally { c.cleanup(); }
  });

  it.skipIf(!gnuFind && !process.env.NOTES_REQUIRE_EXTERNAL)('gives the same stamps with GNU find and with Node', () => {
    const c = setup();
    try {
      const byFind = scanNotebook(c.dir, Infinity);
      const byWalk = scanNotebook(c.dir, 0);
      expect([byFind.method, byWalk.method]).toEqual(['find', 'walk']);
      expect(byWalk.folders).toEqual(byFind.folders);
      expect([...byFind.folders.get('lab-2023')!.values()][0]).toMatch(/^\d+\.\d{10} \d+\.\d{10} \d+$/);
    } finally { c.cleanup(); }
  });

  it.skipIf(!gnuFind && !process.env.NOTES_REQUIRE_EXTERNAL)('finds the same temp files of atomic writes with GNU find, with Node, and in the background', async () => {
    const c = setup();
    try {
      writeFileSync(join(c.dir, 'lab-2023', '.2023-09-05.md.123.abcd.notes-tmp'), 'half written');
      writeFileSync(join(c.dir, '.top.md.9.ff.notes-tmp'), 'half written');
      writeFileSync(join(c.dir, '.hidden', '.x.md.1.2.notes-tmp'), 'inside a dot folder: not ours');
      const expected = ['.top.md.9.ff.notes-tmp', 'lab-2023/.2023-09-05.md.123.abcd.notes-tmp'];
      const background = await scanNotebookAsync(c.dir, Infinity);
      expect(background.method).toBe('find');
      expect(background.folders).toEqual(scanNotebook(c.dir, 0).folders);
      for (const r of [scanNotebook(c.dir, Infinity), scanNotebook(c.dir, 0), background]) expect(r.temps.sort()).toEqual(expected);
    } finally { c.cleanup(); }
  });

  it('falls back to walkNotes when a folder is a symlink (followed once, by real path)', () => {
    const c = setup();
    try {
      symlinkSync(join(c.dir, 'lab-2023'), join(c.dir, 'linked'));
      const r = scanNotebook(c.dir, Infinity);
      expect(r.method).toBe('walk');
      expect(listed(r)).toEqual(walkNotes(c.dir).files.sort());
      expect(listed(r)).toContain('UPPER.MD');
      expect(listed(r)).not.toContain('node_modules/x.md');
    } finally { c.cleanup(); }
  });
});

describe('findTime', () => {
  it('prints nanoseconds as GNU find prints %T@ (seconds, nine digits of fraction, a trailing 0)', () => {
    expect(findTime(1693814400123456789n)).toBe('1693814400.1234567890');
    expect(findTime(1693814400000000005n)).toBe('1693814400.0000000050');
    expect(findTime(1000000000n)).toBe('1.0000000000');
    expect(findTime(999999999n)).toBe('0.9999999990');
    expect(findTime(0n)).toBe('0.0000000000');
  });
});
