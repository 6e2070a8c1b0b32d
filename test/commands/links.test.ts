import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { run, FIXTURES } from '../helpers/run.js';

const VISITS = join(FIXTURES, 'visits');

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
