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

  it('letters such as ø, ł and ß are found as their plain spellings, as typed words and in phrases', async () => {
    writeFileSync(join(nb.dir, 'visit', '2024-05-08.md'), "+++\ntitle = 'Three'\ndate = 2024-05-08T09:00:00+02:00\n+++\n- Met Bjørn Łukasiewicz at the Straße café in Łódź\n");
    for (const q of [['--exact', 'bjorn'], ['--exact', 'lodz'], ['--exact', 'strasse'], ['"bjorn lukasiewicz"'], ['"Bjørn Łukasiewicz"']]) {
      const r = await search(...q);
      expect((JSON.parse(r.stdout) as { path: string; matches: { line: number }[] }[]).map((h) => [h.path, h.matches[0]!.line]), q.join(' ')).toEqual([['visit/2024-05-08.md', 5]]);
    }
  });

  it('Indic and Thai words keep typo tolerance and prefixes; Hebrew words joined by a maqaf are two', async () => {
    writeFileSync(join(nb.dir, 'visit', '2024-05-09.md'), "+++\ntitle = 'Four'\ndate = 2024-05-09T09:00:00+02:00\n+++\n- प्रयोगशाला visit; ห้องปฏิบัติการ tour; ביקור בית־ספר היום\n");
    for (const q of ['प्रयोग', 'प्रयोगशाल', 'ห้องปฏิบัติ', 'ספר', 'בית־ספר']) {
      const r = await search(q);
      expect(r.code, q).toBe(0);
      expect((JSON.parse(r.stdout) as { path: string; matches: { line: number }[] }[]).map((h) => [h.path, h.matches[0]?.line]), q).toEqual([['visit/2024-05-09.md', 5]]);
    }
  });

  it('full-width letters and ligatures are the plain words', async () => {
    const r = await search('kafka', '--exact');
    expect((JSON.parse(r.stdout) as { path: string }[]).map((h) => h.path).sort()).toEqual(['visit/2024-05-06.md', 'visit/2024-05-07.md']);
    expect((JSON.parse((await search('file')).stdout) as { path: string }[]).map((h) => h.path)).toEqual(['visit/2024-05-06.md']);
  });
});

describe('notes search: note text that would drive the terminal', () => {
  it('shows escape sequences and other control characters as ?, keeping tabs and the highlighted word', async () => {
    mkdirSync(join(nb.dir, 'ctl'), { recursive: true });
    writeFileSync(join(nb.dir, 'ctl', 'e.md'), '---\ntitle: "Evil \\u001b[31mRED\\u001b]0;pwned\\u0007"\n---\n- ocelot \x1b[2J\x1b]0;owned\x07 line\n-\tocelot\ttabbed\n');
    const r = await run(['--dir', '.', 'search', 'ocelot'], { cwd: nb.dir, env: { NOTES_CACHE_DIR: cache.dir } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
    expect(r.stdout).toContain('Evil ?[31mRED?]0;pwned?');
    expect(r.stdout).toContain('ctl/e.md:4:- ocelot ?[2J?]0;owned? line');
    expect(r.stdout).toContain('ctl/e.md:5:-\tocelot\ttabbed');
  });
});

describe('notes tag list: tags that would drive the terminal', () => {
  it('shows a tag\'s control characters as ?', async () => {
    mkdirSync(join(nb.dir, 'ctl2'), { recursive: true });
    writeFileSync(join(nb.dir, 'ctl2', 'e.md'), '---\ntitle: t\ntags: ["t\\u001b[2Jx"]\n---\nx\n');
    const r = await run(['--dir', '.', 'tag', 'list'], { cwd: nb.dir, env: { NOTES_CACHE_DIR: cache.dir } });
    expect(r.stdout).toContain('t?[2Jx');
    expect(r.stdout).not.toMatch(/\x1b/);
  });
});
