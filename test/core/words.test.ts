import { describe, it, expect } from 'vitest';
import { numberToWords, wordsToNumber } from '../../src/core/day-number.js';
import { slugify } from '../../src/core/slug.js';
import { shellWords } from '../../src/core/shell-words.js';
import { quote, quoteList, renderTemplate, TOML_TEMPLATE, YAML_TEMPLATE } from '../../src/core/template.js';
import { parseNote } from '../../src/core/note.js';

describe('day numbers in words', () => {
  it.each([
    [1, 'One'], [5, 'Five'], [12, 'Twelve'], [20, 'Twenty'], [21, 'Twenty-one'], [99, 'Ninety-nine'],
    [100, 'One Hundred'], [105, 'One Hundred Five'], [342, 'Three Hundred Forty-two'],
  ])('%d → %s', (n, w) => {
    expect(numberToWords(n)).toBe(w);
    expect(wordsToNumber(w)).toBe(n);
  });
});

describe('slugify: safe file names from any title', () => {
  it.each([
    ['Kafka & EPICS day', 'kafka-epics-day'],
    ['../../etc/passwd', 'etc-passwd'],
    ['Café Ørsted', 'cafe-rsted'],
    ['$(rm -rf ~); <script>', 'rm-rf-script'],
    ['a\u0000b\nc', 'a-b-c'],
    ['///', ''],
  ])('%j → %j', (title, slug) => expect(slugify(title)).toBe(slug));

  it('is bounded in length', () => expect(slugify('word '.repeat(100)).length).toBeLessThanOrEqual(60));
});

describe('shellWords: $EDITOR split as a shell would', () => {
  it.each([
    ['vim', ['vim']],
    ['code --wait', ['code', '--wait']],
    ["'/opt/My Editor/ed' -n", ['/opt/My Editor/ed', '-n']],
    ['"/a b/c" "x\\"y"', ['/a b/c', 'x"y']],
    ['emacs\\ client -nw', ['emacs client', '-nw']],
  ])('%s', (line, argv) => expect(shellWords(line)).toEqual(argv));
});

describe('templates', () => {
  it.each([
    ['Five', "'Five'"],
    ["Tom's day", '"Tom\'s day"'],
    ['back\\slash', '"back\\\\slash"'],
  ])('quote(%j)', (s, q) => expect(quote(s)).toBe(q));

  it.each([
    ['toml', TOML_TEMPLATE],
    ['yaml', YAML_TEMPLATE],
  ])('the built-in %s template renders a note that parses back to the values', (_f, template) => {
    const title = `It's "odd" \\ <b>&`;
    const text = renderTemplate(template, {
      title, date: '2023-09-08T22:09:28+02:00', menuTitle: '2023-09-08', weight: 5,
      tags: ['a"b', "c'd"], categories: ['x'], body: '- first bullet\n',
    });
    const n = parseNote('x.md', text);
    expect(n).toMatchObject({ title, date: '2023-09-08T22:09:28+02:00', weight: 5, tags: ['a"b', "c'd"], categories: ['x'], draft: false });
    expect(n.body).toBe('- first bullet\n');
    expect(quoteList([])).toBe('[]');
  });
});
