import { describe, it, expect } from 'vitest';
import { parseHugoDate, hasOffset, formatLocalDateTime, resolveDay, daysBetween, writtenDay, DAY_FORMS } from '../../src/core/dates.js';

describe('parseHugoDate: the instant Hugo reads', () => {
  it.each([
    ['2023-09-08T22:09:28+02:00', '2023-09-08T20:09:28.000Z'],
    ['2023-09-08T22:09:28Z', '2023-09-08T22:09:28.000Z'],
    ['2023-09-08T22:09:28', '2023-09-08T22:09:28.000Z'], // no offset: UTC, as Hugo
    ['2023-09-08 22:09:28 -0700', '2023-09-09T05:09:28.000Z'],
    ['2023-09-08T22:09:28.5-03:30', '2023-09-09T01:39:28.500Z'],
    ['2023-09-08', '2023-09-08T00:00:00.000Z'],
    ['Fri, 08 Sep 2023 22:09:28 +0200', '2023-09-08T20:09:28.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseHugoDate(input)?.toISOString()).toBe(iso);
  });

  it.each(['', 'soon', '2023-02-30', '2023-13-01'])('%j is not a date', (input) => {
    expect(parseHugoDate(input)).toBeNull();
  });

  it.each([
    ['2023-09-08T22:09:28+02:00', true],
    ['2023-09-08T22:09:28', false],
    ['2023-09-08', true],
  ])('hasOffset(%s) = %s', (input, expected) => expect(hasOffset(input)).toBe(expected));
});

describe('local dates', () => {
  it('writes the local offset to the second', () => {
    const s = formatLocalDateTime(new Date(2023, 8, 8, 22, 9, 28));
    expect(s).toMatch(/^2023-09-08T22:09:28[+-]\d{2}:\d{2}$/);
    expect(parseHugoDate(s)?.getTime()).toBe(new Date(2023, 8, 8, 22, 9, 28).getTime());
  });

  it.each([
    ['today', '2024-03-01'],
    ['yesterday', '2024-02-29'],
    ['Tomorrow', '2024-03-02'],
    ['2023-09-08', '2023-09-08'],
    ['2023-02-29', null],
    ['next week', null],
    ['constructor', null], // not a word of the table's prototype
    ['__proto__', null],
  ])('resolveDay(%s)', (input, day) => {
    expect(resolveDay(input, new Date(2024, 2, 1, 10))).toBe(day);
  });

  it('DAY_FORMS names exactly the words resolveDay takes', () => {
    expect(DAY_FORMS).toBe('YYYY-MM-DD, today, yesterday or tomorrow');
    for (const word of DAY_FORMS.split(/, | or /).slice(1)) expect(resolveDay(word, new Date())).not.toBeNull();
  });

  it.each([
    ['2023-09-04', '2023-09-08', 4],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-03-25', '2023-03-27', 2], // across a DST change
  ])('daysBetween(%s, %s) = %d', (a, b, n) => expect(daysBetween(a, b)).toBe(n));

  it('writtenDay keeps the day as written, not as UTC', () => {
    expect(writtenDay('2023-09-08T01:00:00+09:00')).toBe('2023-09-08');
  });
});
