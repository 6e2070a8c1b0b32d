import { afterAll, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir } from '../helpers/run.js';

// Names and words in other scripts, as a visit log holds them: each must be
// found as typed, in any case, with or without its accents, and highlighted.
const nb = tempDir('notes-scripts-');
const cache = tempDir('notes-cache-');
afterAll(() => { nb.cleanup(); cache.cleanup(); });
mkdirSync(join(nb.dir, 'visit'));
writeFileSync(join(nb.dir, 'visit', '2024-05-06.md'), `+++
title = 'One'
date = 2024-05-06T09:00:00+02:00
+++
- Met Σωκράτης Παπαδόπουλος (Ελληνικά docs) and Сергей Иванов from Дубна
- ガス detector; 中性子散乱 group; ｋａｆｋａ ﬁle; हिन्दी notes
`);
writeFileSync(join(nb.dir, 'visit', '2024-05-07.md'), `+++
title = 'Two'
date = 2024-05-07T09:00:00+02:00
+++
- Kafka, EPICS and a café
`);

const search = (...args: string[]) => run(['--dir', '.', 'search', '--json', ...args], { cwd: nb.dir, env: { NOTES_CACHE_DIR: cache.dir } });

describe('notes search: words in other scripts', () => {
  it.each([
    'Ελληνικά', 'ελληνικα', 'ΕΛΛΗΝΙΚΆ', 'Παπαδόπουλος', 'παπαδοπουλος', // Greek, accents kept by FTS5's own folding
    'Сергей', 'сергей', 'Дубна', // Cyrillic й
    'ガス', // a kana voicing mark
    'हिन्दी', // Indic vowel signs, where FTS5 splits words
  ])('%s', async (word) => {
    const r = await search(word);
    expect(r.code, r.stderr).toBe(0);
    const hits = JSON.parse(r.stdout) as { path: string; matches: { line: number; text: string }[] }[];
    expect(hits.map((h) => h.path)).toEqual(['visit/2024-05-06.md']);
    expect(hits[0]!.matches[0]!.line).toBe(5 + Number(['ガス', 'हिन्दी'].includes(word)));
  });

  it('Chinese and Japanese words are found at the start of a run of text without spaces', async () => {
    const r = await search('中性子');
    expect((JSON.parse(r.stdout) as { matches: { text: string }[] }[])[0]!.matches[0]!.text).toMatch(/中性子散乱/);
    expect((await search('中性子', '--exact')).code).toBe(1);
  });

  it('full-width letters and ligatures are the plain words', async () => {
    const r = await search('kafka', '--exact');
    expect((JSON.parse(r.stdout) as { path: string }[]).map((h) => h.path).sort()).toEqual(['visit/2024-05-06.md', 'visit/2024-05-07.md']);
    expect((JSON.parse((await search('file')).stdout) as { path: string }[]).map((h) => h.path)).toEqual(['visit/2024-05-06.md']);
  });
});
