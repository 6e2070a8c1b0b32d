import { describe, expect, it } from 'vitest';
import { appendBullet, findBullet, indentUnit, parseBullets, bulletItem } from '../../src/core/bullets.js';
import { RefError } from '../../src/core/errors.js';

const FM = '+++\ntitle = "x"\n+++\n';
const entry = `${FM}- A group\n  - a child\n    - a grandchild\n\n- B group\n  - b child\n`;

describe('parseBullets / indentUnit', () => {
  it('reads bullets with their lines, skipping fenced code', () => {
    const bs = parseBullets(`${FM}- one\n\`\`\`\n- not a bullet\n\`\`\`\n  * two\n`);
    expect(bs.map((b) => [b.line, b.indent, b.marker, b.text])).toEqual([[4, '', '-', 'one'], [8, '  ', '*', 'two']]);
  });
  it.each([
    [entry, '  '],
    [`${FM}- a\n    - b\n`, '    '],
    [`${FM}- a\n\t- b\n`, '\t'],
    [`${FM}- a\n`, '  '],
  ])('unit of %j is %j', (text, unit) => {
    expect(indentUnit(parseBullets(text))).toBe(unit);
  });
});

describe('findBullet', () => {
  const bs = parseBullets(entry);
  it.each([
    ['a group', 'A group'],
    ['B GR', 'B group'],
    ['grandchild', 'a grandchild'],
    ['b chld', 'b child'],
    ['zzz qqq', null],
  ])('%j -> %j', (words, text) => {
    expect(findBullet(bs, words)?.text ?? null).toBe(text);
  });
  it('lists the candidates when several match as well', () => {
    expect(() => findBullet(bs, 'group')).toThrow(RefError);
    try { findBullet(bs, 'group'); } catch (e) { expect((e as RefError).candidates).toEqual(['line 4: A group', 'line 8: B group']); }
  });
});

describe('appendBullet', () => {
  it.each<[string, string, string, string | null, string, number]>([
    ['top level, blank line kept as the entry separates groups', entry, 'C', null, `${entry.slice(0, -1)}\n\n- C\n`, 11],
    ['under a top-level bullet: last child (depth 1)', entry, 'b2', 'B group', `${entry}  - b2\n`, 10],
    ['under a depth-1 bullet (depth 2), before the next group', entry, 'a2', 'a child', entry.replace('    - a grandchild\n', '    - a grandchild\n    - a2\n'), 7],
    ['under a leaf: one unit deeper', entry, 'deep', 'b child', `${entry}    - deep\n`, 10],
    ['no spacing between groups: none added', `${FM}- a\n- b\n`, 'c', null, `${FM}- a\n- b\n- c\n`, 6],
    ['CRLF, no final newline', `${FM.replace(/\n/g, '\r\n')}- a\r\n  - b`, 'c', null, `${FM.replace(/\n/g, '\r\n')}- a\r\n  - b\r\n- c`, 6],
    ['empty body', FM, 'first', null, `${FM}- first\n`, 4],
    ['empty body, no newline after the front matter', FM.slice(0, -1), 'first', null, `${FM}- first\n`, 4],
    ['trailing blank lines stay after', `${FM}- a\n\n\n`, 'b', null, `${FM}- a\n- b\n\n\n`, 5],
  ])('%s', (_n, text, item, parent, expected, line) => {
    const p = parent ? parseBullets(text).find((b) => b.text === parent)! : null;
    const r = appendBullet(text, item, p);
    expect(r.text).toBe(expected);
    expect(r.line).toBe(line);
    expect(r.text.split(/\r?\n/)[line - 1]).toMatch(new RegExp(`- ${item}$`));
  });
});

describe('bulletItem: what the user typed, as a bullet', () => {
  it.each([
    ['met the DST group', undefined, 'met the DST group'],
    ['- met the DST group', undefined, 'met the DST group'],
    ['* starred', undefined, 'starred'],
    ['[ ] send the config', '14:05', '[ ] 14:05 send the config'],
    ['- [x] done thing', '09:00', '[x] 09:00 done thing'],
    ['plain', '14:05', '14:05 plain'],
    ['-5 degrees in the hall', undefined, '-5 degrees in the hall'],
  ])('%j (time %s) → %j', (typed, time, expected) => {
    expect(bulletItem(typed, time)).toBe(expected);
  });
});
