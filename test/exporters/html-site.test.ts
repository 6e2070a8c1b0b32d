import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { PAGE_BUILDERS, renderSite, safeSegment, relativeHref, imagePath, type PageBuilder } from '../../src/exporters/html/site.js';
import { parseNote } from '../../src/core/note.js';
import type { ExportInput } from '../../src/exporters/types.js';
import { REPO } from '../helpers/run.js';

function input(notes: [string, string][]): ExportInput {
  return {
    notes: notes.map(([path, text]) => parseNote(path, text)),
    notebook: { root: '/nb', name: 'nb' },
    now: new Date('2024-01-01T00:00:00Z'),
    stripEmails: false,
    resources: {
      packageFile: () => readFileSync(join(REPO, 'node_modules/fuse.js/dist/fuse.min.cjs'), 'utf8'),
      notebookFile: () => null,
    },
  };
}

function memorySink() {
  const files = new Map<string, string>();
  return { files, sink: { write: (p: string, d: string | Uint8Array) => { files.set(p, String(d)); } } };
}

describe('the html site', () => {
  it('takes extra page builders: their pages and header links appear (how people/follow-up pages plug in)', async () => {
    const people: PageBuilder = {
      nav: { label: 'People', path: 'people/index.html' },
      *pages(site) {
        const names = site.notes.flatMap((sn) => [...sn.note.body.matchAll(/Dr\. (\w+)/g)].map((m) => m[1]!));
        yield { path: 'people/index.html', title: 'People', main: `<h1>People</h1><p>${names.join(', ')}</p>` };
      },
    };
    const { files, sink } = memorySink();
    await renderSite(input([['v/d1.md', '+++\ntitle = "D1"\ndate = 2024-01-01\n+++\nMet Dr. Example.\n']]), sink, [...PAGE_BUILDERS, people]);
    expect(files.get('people/index.html')).toContain('<p>Example</p>');
    expect(files.get('notes/v/d1.html')).toContain('<a href="../../people/index.html">People</a>');
    expect(files.get('people/index.html')).toContain('<link rel="stylesheet" href="../assets/style.css">');
  });

  it('people and follow-ups pages come from PAGE_BUILDERS: without them, no page, header link, index link or search row', async () => {
    const notes: [string, string][] = [['v/d1.md', '+++\ntitle = "D1"\ndate = 2024-01-01\n+++\n- Ann Other (mailto:ann.other@example.org)\n- [ ] Call Ann.\n']];
    const all = memorySink();
    await renderSite(input(notes), all.sink);
    expect(all.files.get('people.html')).toContain('<tr id="person-ann-other">');
    expect(all.files.get('follow-ups.html')).toContain('Call Ann.');
    expect(JSON.parse(all.files.get('search-index.json')!).docs.map((d: string[]) => d[0])).toEqual(['notes/v/d1.html', 'people.html#person-ann-other']);
    const some = memorySink();
    await renderSite(input(notes), some.sink, PAGE_BUILDERS.filter((b) => !['People', 'Follow-ups'].includes(b.nav?.label ?? '')));
    expect(some.files.has('people.html')).toBe(false);
    expect(some.files.get('index.html')).not.toMatch(/people\.html|follow-ups\.html/);
    expect(JSON.parse(some.files.get('search-index.json')!).docs.length).toBe(1);
  });

  it('gives colliding page names distinct files (case-insensitively) and keeps visit pages', async () => {
    const { files, sink } = memorySink();
    await renderSite(input([
      ['v/_index.md', '+++\ntitle = "Visit"\n+++\n'],
      ['v/index.md', '+++\ntitle = "Leaf"\n+++\n'],
      ['v/Day.md', '+++\ntitle = "Upper"\n+++\n'],
      ['v/day.md', '+++\ntitle = "Lower"\n+++\n'],
    ]), sink);
    expect(files.get('notes/v/index.html')).toContain('<h1>Visit</h1>');
    expect(files.get('notes/v/index-2.html')).toContain('<h1>Leaf</h1>');
    const days = [...files.keys()].filter((f) => /notes\/v\/day(-2)?\.html$/i.test(f));
    expect(days.length).toBe(2);
  });

  it.each([
    ['plain', 'plain'],
    ['a:b?c*d', 'a-b-c-d'],
    ['trailing. ', 'trailing'],
    ['CON', '_CON'],
    ['nul.txt', '_nul.txt'],
    ['#%', '--'],
    ['', '_'],
  ])('safeSegment(%j) = %j', (name, safe) => {
    expect(safeSegment(name)).toBe(safe);
  });

  it.each([
    ['index.html', 'notes/a/b.html', 'notes/a/b.html'],
    ['notes/a/b.html', 'notes/a/c.html', 'c.html'],
    ['notes/a/b.html', 'tags/x y.html', '../../tags/x%20y.html'],
    ['notes/a/b.html', 'notes/a/b.html', 'b.html'],
  ])('relativeHref(%j, %j) = %j', (from, to, href) => {
    expect(relativeHref(from, to)).toBe(href);
  });
});

describe('imagePath', () => {
  it.each([
    ['v/plot.png', 'notes/v/plot.png'],
    ['v/q?.png', 'notes/v/q--awsfn7.png'],
    ['v/a#b.png', 'notes/v/a-b-zvsudd.png'],
    ['v/q-.png', 'notes/v/q-.png'],
  ])('%j → %j', (rel, out) => {
    expect(imagePath(rel)).toBe(out);
  });
});
