import { describe, expect, it } from 'vitest';
import { extractLinks, trimUrl, urlsOf } from '../../src/core/links.js';
import { dayNote } from './helpers.js';

describe('links', () => {
  it.each([
    ['https://example.org/a.', 'https://example.org/a'],
    ['https://example.org/a),', 'https://example.org/a'],
    ['https://en.example.org/wiki/Foo_(bar)', 'https://en.example.org/wiki/Foo_(bar)'],
    ['https://example.org/?q=1!', 'https://example.org/?q=1'],
  ])('trimUrl(%s) = %s', (input, expected) => {
    expect(trimUrl(input)).toBe(expected);
  });
  it('reads bare, autolinked and Markdown links', () => {
    expect(urlsOf('see [the docs](https://docs.example.org/x "t"), <https://a.example.org/> and https://b.example.org/y.').map((u) => [u.url, u.label]))
      .toEqual([['https://docs.example.org/x', 'the docs'], ['https://a.example.org/', null], ['https://b.example.org/y', null]]);
  });
  it.each([
    ['- [Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) here', [['https://en.wikipedia.org/wiki/Foo_(bar)', 'Wiki']], 'Wiki here'],
    ['- [A](<https://a.example.org/x> "T") and [B](https://b.example.org/p (t)).', [['https://a.example.org/x', 'A'], ['https://b.example.org/p', 'B']], 'A and B.'],
    ['- [notes](other.md) https://c.example.org/c', [['https://c.example.org/c', null]], '[notes](other.md)'],
  ])('reads a Markdown link as CommonMark does: %s', (line, urls, context) => {
    expect(urlsOf(line).map((u) => [u.url, u.label])).toEqual(urls);
    expect(extractLinks([dayNote('v/2023-09-08.md', line)])[0]!.places[0]!.context).toBe(context);
  });
  it('de-duplicates across notes and keeps every place with its context', () => {
    const notes = [
      dayNote('v/2023-09-09.md', '- Saw the stand: https://lab.example.org/stand/', '2023-09-09'),
      dayNote('v/2023-09-08.md', '- Cool Tools\n  - HDF5 Viewer\n    - https://LAB.example.org/stand\n```\nhttps://code.example.org\n```'),
    ];
    const links = extractLinks(notes);
    expect(links).toHaveLength(1);
    expect(links[0]!.url).toBe('https://LAB.example.org/stand');
    expect(links[0]!.host).toBe('lab.example.org');
    expect(links[0]!.places.map((p) => [p.path, p.line, p.day, p.visit, p.context])).toEqual([
      ['v/2023-09-08.md', 8, '2023-09-08', 'v', 'HDF5 Viewer'],
      ['v/2023-09-09.md', 6, '2023-09-09', 'v', 'Saw the stand'],
    ]);
  });
});
