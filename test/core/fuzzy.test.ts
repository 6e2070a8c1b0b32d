import { describe, expect, it } from 'vitest';
import { allowedTypos, closeLetters, expandWord, isFuzzyWord, typoDistance } from '../../src/core/fuzzy.js';

const vocab = ['kafka', 'kafkas', 'kafkaesque', 'fake', 'flake', 'selknaes', 'slurm', 'slurmd', 'epics', 'event', 'events',
  'formation', 'information', 'scicat', 'gpfs', 'holmqvist', 'template', 'templates', 'temple', 'cores', 'core']
  .map((term, i) => ({ term, docs: 100 - i }));

describe('expandWord', () => {
  it.each([
    ['kafak', 'kafka'], // two letters swapped
    ['kafka', 'kafkas'], // the word itself is left out, its neighbours found
    ['selknas', 'selknaes'], // a letter missing
    ['slurn', 'slurm'], // a wrong letter
    ['epcis', 'epics'],
    ['evnet', 'event'],
    ['formaiton', 'formation'],
    ['holmkvist', 'holmqvist'],
    ['scicta', 'scicat'],
    ['tempalte', 'template'],
  ])('%s finds %s first', (word, first) => {
    expect(expandWord(word, vocab)[0]).toBe(first);
  });

  it.each([
    ['kafak', 'kafkaesque'], // far longer: not a typo
    ['gpfs', 'epics'],
    ['slurm', 'selknaes'],
    ['cores', 'gpfs'],
    ['epics', 'topics'], // two typos in five letters: too far
    ['flakes', 'fake'],
  ])('%s does not expand to %s', (word, not) => {
    expect(expandWord(word, vocab)).not.toContain(not);
  });

  it('does not expand words under four letters', () => {
    expect(expandWord('gpf', [{ term: 'gpfs', docs: 1 }])).toEqual([]);
  });

  it('keeps at most max words, closest first', () => {
    const many = Array.from({ length: 30 }, (_, i) => ({ term: `kafk${String.fromCharCode(97 + (i % 26))}`, docs: i }));
    expect(expandWord('kafka', many, 5)).toHaveLength(5);
  });
});

describe('typoDistance', () => {
  it.each([
    ['kafka', 'kafka', 0], ['kafak', 'kafka', 1], ['selknas', 'selknaes', 1], ['slurn', 'slurm', 1],
    ['epics', 'topics', 2], ['abc', '', 3], ['ca', 'abc', 3], ['holmkvist', 'holmqvist', 1], ['Selknæs', 'Selknaes', 2],
  ])('%s -> %s: %i', (a, b, d) => {
    expect(typoDistance(a, b)).toBe(d);
    expect(typoDistance(b, a)).toBe(d);
  });
  it('gives up early above max', () => {
    expect(typoDistance('abcdefgh', 'zyxwvuts', 2)).toBe(3);
  });
});

describe('allowedTypos / isFuzzyWord / closeLetters', () => {
  it.each([[2, 0], [3, 0], [4, 1], [5, 1], [6, 1], [7, 2], [12, 2]])('%i letters: %i typos', (n, k) => {
    expect(allowedTypos(n)).toBe(k);
  });
  it.each([['kafka', true], ['gpf', false], ['hdf5', false], ['selknæs', true]])('%s fuzzy: %s', (w, yes) => {
    expect(isFuzzyWord(w)).toBe(yes);
  });
  it.each([['kafak', 'kafka', 1, true], ['kafka', 'flake', 2, true], ['kafka', 'slurm', 2, false], ['abcd', 'abxy', 1, false]])(
    '%s ~ %s within %i: %s', (a, b, k, yes) => {
      expect(closeLetters(a, b, k)).toBe(yes);
    });
});
