import { describe, expect, it } from 'vitest';
import { fixtureCopies } from './fixture.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run } from '../helpers/run.js';

const fixture = fixtureCopies('visits');

describe('notes todo', () => {
  it('lists open follow-ups with path:line and day', async () => {
    const r = await run(['todo'], { cwd: fixture() });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'ess-2023/2023-09-04.md:13  2023-09-04  [ ] Send the signed safety form to the user office',
      'ess-2023/2023-09-04.md:20  2023-09-04  Need to ask about GPU quotas for the ML tests.  (need to)',
      'ess-2023/2023-09-06.md:15  2023-09-06  TODO: read the file writer docs https://docs.example.org/file-writer/',
      'ess-2023/2023-09-08.md:10  2023-09-08  SciCat fiddling to come later.  (to come later)',
      'ess-2023/2023-09-08.md:13  2023-09-08  It would make sense to put Sam Okafor in touch with Ingrid Holm about the ML approach.  (in touch)',
      'ess-2023/2023-09-08.md:15  2023-09-08  Check into cross-lab collaboration?  (check into)',
      'lab-trip/2024-03-11.md:12  2024-03-11  [ ] Follow up on the detector quote',
      'lab-trip/2024-03-12.md:5   2024-03-12  FIXME: the beam time numbers from day one are wrong',
      '',
    ].join('\n'));
  });

  it('narrows by --visit, includes done tasks with --all, prints JSON', async () => {
    const dir = fixture();
    const j = JSON.parse((await run(['todo', '--visit', 'lab-trip', '--json'], { cwd: dir })).stdout);
    expect(j.map((f: { path: string; line: number; kind: string }) => `${f.path}:${f.line}:${f.kind}`)).toEqual(['lab-trip/2024-03-11.md:12:task', 'lab-trip/2024-03-12.md:5:marker']);
    expect(Object.keys(j[0])).toEqual(['path', 'line', 'kind', 'done', 'text', 'trigger', 'under', 'title', 'day', 'visit']);
    const all = (await run(['todo', '--all', '--visit', 'ess-2023'], { cwd: dir })).stdout;
    expect(all).toMatch(/ess-2023\/2023-09-04\.md:14 {2}2023-09-04 {2}\[x\] Book the guest house/);
  });

  it('ticks a task with a one-character edit', async () => {
    const dir = fixture();
    const file = join(dir, 'ess-2023/2023-09-04.md');
    const crlf = readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    writeFileSync(file, crlf);
    const r = await run(['todo', 'done', 'ess-2023/2023-09-04.md:13'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('  - [x] Send the signed safety form to the user office\n');
    expect(readFileSync(file, 'utf8')).toBe(crlf.replace('- [ ] Send', '- [x] Send'));
    expect((await run(['todo', '--visit', 'ess-2023'], { cwd: dir })).stdout).not.toMatch(/Send the signed/);
  });

  it('accepts a path relative to the working directory', async () => {
    const dir = fixture();
    const r = await run(['--dir', dir, 'todo', 'done', '2024-03-11.md:12'], { cwd: join(dir, 'lab-trip') });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, 'lab-trip/2024-03-11.md'), 'utf8')).toMatch(/- \[x\] Follow up on the detector quote/);
  });

  it.each([
    ['ess-2023/2023-09-04.md:14', 1, /is ticked already/],
    ['ess-2023/2023-09-04.md:20', 1, /is not a task item/],
    ['ess-2023/2023-09-04.md:3', 1, /front matter/],
    ['ess-2023/2023-09-08.md:18', 1, /is not a task item/],
    ['nope.md:3', 1, /no note nope\.md/],
    ['ess-2023/2023-09-04.md', 2, /is not path:line/],
  ])('refuses %s and changes nothing', async (where, code, message) => {
    const dir = fixture();
    const before = readFileSync(join(dir, 'ess-2023/2023-09-04.md'), 'utf8');
    const r = await run(['todo', 'done', where], { cwd: dir });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint:/);
    expect(readFileSync(join(dir, 'ess-2023/2023-09-04.md'), 'utf8')).toBe(before);
  });
});
