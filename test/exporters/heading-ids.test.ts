import { describe, expect, it } from 'vitest';
import { anchorize, HeadingIds, parseHeadingAttributes } from '../../src/exporters/html/heading-ids.js';

describe('anchorize (Hugo\'s "github" ids)', () => {
  it.each([
    ['Q & A', 'q--a'],
    ['a  b', 'a--b'],
    ['C++ / Rust', 'c--rust'],
    ['2024-05-01 — talk', '2024-05-01--talk'],
    ['  padded  ', 'padded'],
    ['The `kafka` cluster!', 'the-kafka-cluster'],
    ['under_score', 'under_score'],
    ['Tab\tinside', 'tabinside'],
    ['½ ² ٣', '--٣'],
    ['Cafe\u0301', 'cafe'],
    ['İstanbul Straße ΟΔΟΣ', 'istanbul-straße-οδοσ'],
    ['日本語 🎉', '日本語-'],
    ['!!', ''],
  ])('%j → %j', (text, id) => {
    expect(anchorize(text)).toBe(id);
  });
});

describe('HeadingIds', () => {
  it('numbers repeats from 1 and skips ids already used, explicit ones included', () => {
    const ids = new HeadingIds();
    ids.put('x-1');
    expect(['x', 'x', 'x', '', ''].map((t) => ids.generate(t))).toEqual(['x', 'x-2', 'x-3', 'heading', 'heading-1']);
  });
});

describe('parseHeadingAttributes', () => {
  it.each([
    ['Arrays {#arrays}', { text: 'Arrays', id: 'arrays', classes: [] }],
    ['Attr{#a.b}', { text: 'Attr', id: 'a.b', classes: [] }],
    ['H { .c1, .c2 #i2 }', { text: 'H', id: 'i2', classes: ['c1', 'c2'] }],
    ['K {#kv data-x=1 title="a b"}', { text: 'K', id: 'kv', classes: [] }],
    ['Multi {#a} {#b}', { text: 'Multi {#a}', id: 'b', classes: [] }],
    ['middle {#mid} more', null],
    ['Braces {not attrs', null],
    ['Escaped \\{#no}', null],
    ['`code {#c}`', null],
  ])('%j', (line, parsed) => {
    expect(parseHeadingAttributes(line)).toEqual(parsed);
  });
});
