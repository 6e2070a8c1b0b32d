import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, nameParts, personToVCard } from '../../src/core/vcard.js';
import type { Person } from '../../src/core/people.js';

const person = (over: Partial<Person> = {}): Person => ({
  name: 'Piet van der Berg', derived: null, aliases: [], emails: ['piet@example.org'], urls: ['https://example.org/profile/piet'],
  groups: ['DST - Data; Systems, Technologies'], visits: ['ess-2023'], days: ['2023-09-08'], appearances: [], ...over,
});

describe('vCard 4.0', () => {
  it.each([['a,b;c\\d\ne', 'a\\,b\\;c\\\\d\\ne'], ['plain', 'plain']])('escapeText(%j)', (input, expected) => {
    expect(escapeText(input)).toBe(expected);
  });
  it.each([
    ['Piet van der Berg', { family: 'van der Berg', given: 'Piet', additional: [] }],
    ['Maja Rask Lindqvist', { family: 'Lindqvist', given: 'Maja', additional: ['Rask'] }],
    ['jdoe@example.org', { family: '', given: 'jdoe@example.org', additional: [] }],
    ['山田 太郎', { family: '山田', given: '太郎', additional: [] }], // family name first
    ['王 小明', { family: '王', given: '小明', additional: [] }],
    ['김 민수', { family: '김', given: '민수', additional: [] }],
  ])('nameParts(%s)', (name, expected) => {
    expect(nameParts(name)).toEqual(expected);
  });
  it('folds at 75 octets without splitting a UTF-8 character', () => {
    const line = `NOTE:${'ø'.repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
    expect(parts.slice(1).every((p) => p.startsWith(' '))).toBe(true);
    expect(parts.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line);
    expect(foldLine('short')).toBe('short');
  });
  it('leaves N out for a person known only by an address', () => {
    const card = personToVCard(person({ name: 'jdoe@example.org', emails: ['jdoe@example.org'], groups: [], urls: [] }));
    expect(card).toContain('FN:jdoe@example.org\r\nEMAIL:jdoe@example.org\r\n');
    expect(card).not.toMatch(/^N:/m);
  });
  it('writes a card with CRLF line ends and every field', () => {
    const card = personToVCard(person({ derived: 'url' }), { facilityOf: () => 'ESS' });
    expect(card.endsWith('\r\n')).toBe(true);
    expect(card.replace(/\r\n/g, '').includes('\n')).toBe(false);
    expect(card.split('\r\n').filter(Boolean)).toEqual([
      'BEGIN:VCARD', 'VERSION:4.0', 'FN:Piet van der Berg', 'N:van der Berg;Piet;;;', 'EMAIL:piet@example.org',
      'ORG:ESS;DST - Data\\; Systems\\, Technologies', 'URL:https://example.org/profile/piet',
      'NOTE:Met during ess-2023 on 2023-09-08 (name derived from a profile URL)', 'END:VCARD',
    ]);
  });
});
