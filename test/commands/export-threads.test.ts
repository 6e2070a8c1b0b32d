/**
 * The HTML export renders on two threads for large exports, from the built
 * bundle only (a worker cannot load the TypeScript sources): the real
 * binary must write the same site on one thread and on two.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runBin, tempDir } from '../helpers/run.js';
import { listFiles } from '../helpers/files.js';
import { PARALLEL_FROM } from '../../src/exporters/html/site.js';

const built = existsSync(join(REPO, 'dist/notes.cjs'));

const files = listFiles;

describe.skipIf(!built)('notes export --html on two threads (built binary; run npm run build first)', () => {
  let t: { dir: string; cleanup: () => void };
  beforeAll(() => {
    t = tempDir();
    for (let v = 0; v < 4; v++) {
      mkdirSync(join(t.dir, 'nb', `visit-${v}`), { recursive: true });
      writeFileSync(join(t.dir, 'nb', `visit-${v}`, '_index.md'), `+++\ntitle = "Visit ${v}"\n+++\nVisit ${v}.\n`);
    }
    const n = PARALLEL_FROM + 20;
    for (let i = 0; i < n; i++) {
      const v = i % 4;
      const link = i > 4 ? `[the day before](day-${String(i - 4).padStart(4, '0')}.md), ` : '';
      writeFileSync(join(t.dir, 'nb', `visit-${v}`, `day-${String(i).padStart(4, '0')}.md`),
        `+++\ntitle = "Day ${i}"\ndate = 2024-01-${String(1 + (i % 28)).padStart(2, '0')}\ntags = ["t${i % 7}"]\n+++\n- ${link}see https://example.org/${i} and [gone](missing-${i}.md)\n- ![plot](plot.png)\n`);
    }
    writeFileSync(join(t.dir, 'nb', 'visit-1', 'plot.png'), 'png');
  });
  afterAll(() => t.cleanup());

  it('writes the same site on one thread and on two', () => {
    const one = runBin(['-v', '--dir', join(t.dir, 'nb'), 'export', '--html', '--out', join(t.dir, 'one')], { env: { NOTES_EXPORT_THREADS: '1' } });
    const two = runBin(['-v', '--dir', join(t.dir, 'nb'), 'export', '--html', '--out', join(t.dir, 'two')], { env: { NOTES_EXPORT_THREADS: '2' } });
    expect(one.status).toBe(0);
    expect(two.status).toBe(0);
    expect(one.stderr).toContain('rendered on 1 thread');
    expect(two.stderr).toContain('rendered on 2 threads');
    const same = (stderr: string, out: string) => stderr.replace(/rendered on \d threads?/, '').replaceAll(join(t.dir, out), '<out>');
    expect(same(two.stderr, 'two')).toBe(same(one.stderr, 'one'));
    const list = files(join(t.dir, 'one'));
    expect(files(join(t.dir, 'two'))).toEqual(list);
    expect(list).toContain('notes/visit-1/plot.png');
    const footer = /<footer[^\n]*\n/;
    for (const f of list.filter((f) => f !== '.notes-export')) {
      expect(readFileSync(join(t.dir, 'two', f), 'utf8').replace(footer, ''), f).toBe(readFileSync(join(t.dir, 'one', f), 'utf8').replace(footer, ''));
    }
  });
});
