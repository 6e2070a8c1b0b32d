import { describe, expect, it } from 'vitest';
import { allowedTypos, closeLetters, expandWord, isFuzzyWord, letterSignature, signatureDistance, typoDistance } from '../../src/core/fuzzy.js';

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

describe('letterSignature / signatureDistance', () => {
  it.each([
    ['kafka', 'kafak', 0], ['slurn', 'slurm', 2], ['selknas', 'selknaes', 0], ['kafka', 'kafkas', 1], ['kafka', 'slurm', 8],
  ])('%s vs %s: %i bits', (a, b, bits) => {
    expect(signatureDistance(letterSignature(a), letterSignature(b))).toBe(bits);
  });

  it('never rules out a word within k typos (random edits)', () => {
    let seed = 42;
    const rand = (n: number) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
    const letters = 'abcdefghijklmnopqrstuvwxyzæøåé';
    for (let i = 0; i < 2000; i++) {
      const len = 4 + rand(8);
      const word = Array.from({ length: len }, () => letters[rand(letters.length)]).join('');
      let typo = word;
      const k = 1 + rand(2);
      for (let e = 0; e < k; e++) {
        const at = rand(typo.length);
        const c = letters[rand(letters.length)]!;
        const kind = rand(4);
        typo = kind === 0 ? typo.slice(0, at) + c + typo.slice(at + 1)
          : kind === 1 ? typo.slice(0, at) + typo.slice(at + 1)
            : kind === 2 ? typo.slice(0, at) + c + typo.slice(at)
              : typo.slice(0, at) + (typo[at + 1] ?? '') + typo[at] + typo.slice(at + 2);
      }
      const d = typoDistance(word, typo);
      expect(signatureDistance(letterSignature(word), letterSignature(typo)), `${word} -> ${typo}`).toBeLessThanOrEqual(2 * d);
      expect(closeLetters(word, typo, d), `${word} -> ${typo}`).toBe(true);
    }
  });
});
