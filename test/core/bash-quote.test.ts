import { describe, it, expect } from 'vitest';
import { readTypedWord, bashInsertion } from '../../src/core/bash-quote.js';

describe('readTypedWord: the word being completed, as bash will read it', () => {
  it.each([
    ['ün', { text: 'ün', quote: '', beforeQuote: '' }],
    ['ünï\\ c', { text: 'ünï c', quote: '', beforeQuote: '' }],
    ['"ünï c', { text: 'ünï c', quote: '"', beforeQuote: '' }],
    ["'it", { text: 'it', quote: "'", beforeQuote: '' }],
    ['"it\'s \\"', { text: 'it\'s "', quote: '"', beforeQuote: '' }],
    ["'it'\\''s", { text: "it's", quote: "'", beforeQuote: "it'" }],
    ['x"it', { text: 'xit', quote: '"', beforeQuote: 'x' }],
    ['"a b"c', { text: 'a bc', quote: '', beforeQuote: '' }],
    ['ab\\', { text: 'ab', quote: '', beforeQuote: '' }],
  ])('%s → %j', (raw, expected) => expect(readTypedWord(raw)).toEqual(expected));
});

describe('bashInsertion: one shell word, in the quote left open', () => {
  it.each([
    ['ünï cødé', 'ü', 'ünï\\ cødé'],
    ['it\'s "q"', 'it', 'it\\\'s\\ \\"q\\"'],
    ['a*b $x', 'a', 'a\\*b\\ \\$x'],
    ['~home #1', '', '\\~home\\ \\#1'],
    ['kafka', 'k', 'kafka'],
    ['2023-09-04', '', '2023-09-04'],
    ['ünï cødé', '"ü', 'ünï cødé'],
    ['it\'s "q" $x `y` \\', '"it', 'it\'s \\"q\\" \\$x \\`y\\` \\\\'],
    ['it\'s "q"', "'it", 'it\'\\\'\'s "q"'],
    ['xit s', 'x"it', 'it s'],
  ])('%s typed as %s → %s', (candidate, raw, expected) => {
    expect(bashInsertion(candidate, readTypedWord(raw))).toBe(expected);
  });
});
