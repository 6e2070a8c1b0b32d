import { describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, FIXTURES, tempDirs } from '../helpers/run.js';

const VISITS = join(FIXTURES, 'visits');
const tempFolder = tempDirs();

describe('notes links', () => {
  it('lists each URL once with every place and its context', async () => {
    const r = await run(['--dir', VISITS, 'links', '--visit', 'lab-trip']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'https://lab.example.org/teststand',
      '  lab-trip/2024-03-11.md:13  2024-03-11  Saw the test stand',
      '  lab-trip/2024-03-12.md:6  2024-03-12  Met Kofi Mensah again, see.',
      '',
    ].join('\n'));
  });
  it('keeps balanced parentheses in a Markdown link destination', async () => {
    const dir = join(tempFolder(), 'nb');
    mkdirSync(join(dir, 't'), { recursive: true });
    writeFileSync(join(dir, 't/a.md'), '+++\ntitle = "One"\ndate = 2024-01-02T10:00:00+01:00\n+++\n- [Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) here\n');
    const r = await run(['--dir', dir, 'links'], { env: { NOTES_CACHE_DIR: join(dir, '..', 'cache') } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('https://en.wikipedia.org/wiki/Foo_(bar)\n  t/a.md:5  2024-01-02  Wiki here\n');
  });
  it('prints JSON and filters by host', async () => {
    const j = JSON.parse((await run(['--dir', VISITS, 'links', '--json', '--host', 'example.org'])).stdout);
    expect(j.map((l: { url: string }) => l.url)).toEqual([
      'https://facility.example.org/profile/piet-van-der-berg', 'https://docs.example.org/file-writer/',
      'https://marketplace.example.org/items?itemName=h5web.vscode-h5web', 'https://lab.example.org/search/profiles/samuel-okafor.shtml',
      'https://lab.example.org/teststand', 'https://example.org/ideas',
    ]);
    expect(j[0].places[0]).toEqual({ path: 'ess-2023/2023-09-06.md', line: 10, day: '2023-09-06', visit: 'ess-2023', label: null, context: 'ECDC - Experimental Control and Data Curation' });
    const docs = JSON.parse((await run(['--dir', VISITS, 'links', '--json', '--host', 'docs.example.org'])).stdout);
    expect(docs).toHaveLength(1);
  });
});
