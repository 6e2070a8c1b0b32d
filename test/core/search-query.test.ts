import { describe, expect, it } from 'vitest';
import { foldText, ftsExpression, normalizeToken, parseQuery, queryFromArgs, tokenize, type QueryTerm } from '../../src/core/search-query.js';
import { UsageError } from '../../src/core/errors.js';

describe('tokenize', () => {
  it.each([
    ['Kafka topics', ['kafka', 'topics']],
    ['event-formation unit', ['event', 'formation', 'unit']],
    ['Café Selknæs', ['cafe', 'selknaes']],
    ['Bjørn Łódź Straße Đorđe', ['bjorn', 'lodz', 'strasse', 'dorde']],
    ['C++ & HDF5, 4000 cores', ['c', 'hdf5', '4000', 'cores']],
    ['mailto:jane@example.org', ['mailto', 'jane', 'example', 'org']],
    ['--- !!', []],
  ])('%s', (text, tokens) => {
    expect(tokenize(text)).toEqual(tokens);
  });

  it('normalizes case and diacritics', () => {
    expect(normalizeToken('ÉPICS')).toBe('epics');
  });
});

describe('foldText (what the index stores)', () => {
  it('folds every script as query words are folded, so that each word of it is found as typed', () => {
    const text = 'Ελληνικά, Сергей; ガス ｋａｆｋａ ﬁle हिन्दी Café';
    expect(tokenize(foldText(text))).toEqual(tokenize(text));
    expect(foldText(text)).toBe('ελληνικα, сергеи; ガス kafka file हिन्दी cafe');
    expect(tokenize('ΟΔΟΣ οδός οδοσ')).toEqual(['οδοσ', 'οδοσ', 'οδοσ']);
  });

  it('keeps the marks that are part of a letter: other words are not folded into one', () => {
    for (const [a, b] of [['काम', 'कम'], ['ガス', 'カス'], ['バス', 'ハス'], ['ที่', 'ท']]) expect(normalizeToken(a)).not.toBe(normalizeToken(b));
    // Accents and vowel points go: Hebrew and Arabic written with or without them are one word.
    expect(normalizeToken('שָׁלוֹם')).toBe(normalizeToken('שלום'));
    expect(normalizeToken('كَتَبَ')).toBe(normalizeToken('كتب'));
    expect(normalizeToken('한국어')).toBe('한국어');
  });

  it('leaves ASCII text as it is (FTS5 folds its case)', () => {
    const text = 'Kafka EPICS\n- Jane (mailto:jane@example.org)';
    expect(foldText(text)).toBe(text);
  });
});

const brief = (t: QueryTerm) => `${t.negated ? '-' : ''}${t.field ? `${t.field}:` : ''}${t.phrase ? `"${t.tokens.join(' ')}"` : t.tokens[0]}`;

describe('parseQuery', () => {
  it.each([
    ['kafka', ['kafka']],
    ['Kafka EPICS', ['kafka', 'epics']],
    ['"event formation"', ['"event formation"']],
    ['"event formation" kafka', ['"event formation"', 'kafka']],
    ['kafka -epics', ['kafka', '-epics']],
    ['kafka -"event formation"', ['kafka', '-"event formation"']],
    ['tag:kafka', ['tag:kafka']],
    ['TAGS:Kafka', ['tag:kafka']],
    ['title:"retention meeting"', ['title:"retention meeting"']],
    ['-tag:draft slurm', ['-tag:draft', 'slurm']],
    ['event-formation', ['"event formation"']],
    ['foo:bar', ['"foo bar"']],
    ['"unclosed phrase', ['"unclosed phrase"']],
    ['kafka - !!', ['kafka']],
  ])('%s', (input, terms) => {
    expect(parseQuery(input).terms.map(brief)).toEqual(terms);
  });

  it.each([[''], ['   '], ['!! ??'], ['-kafka'], ['-kafka -epics'], ['-"event formation"']])('%j is a usage error', (input) => {
    expect(() => parseQuery(input)).toThrow(UsageError);
  });
});

describe('ftsExpression', () => {
  const exp = (t: QueryTerm) => (t.tokens[0] === 'kafak' ? ['kafka', 'kafkas'] : []);
  it.each([
    ['kafka', '"kafka"'],
    ['kafak', '("kafak" OR "kafka" OR "kafkas")'],
    ['kafak epics', '("kafak" OR "kafka" OR "kafkas") AND "epics"'],
    ['"event formation"', '"event formation"'],
    ['tag:kafak', '{tags} : ("kafak" OR "kafka" OR "kafkas")'],
    ['title:"retention meeting"', '{title} : "retention meeting"'],
    ['epics -kafak', '("epics") NOT ("kafak")'],
    ['epics -kafka -tag:draft', '("epics") NOT ("kafka" OR {tags} : "draft")'],
  ])('%s', (input, expr) => {
    expect(ftsExpression(parseQuery(input), exp)).toBe(expr);
  });
});

describe('queryFromArgs', () => {
  it.each([
    [['kafka'], 'kafka'],
    [['kafka', 'epics'], 'kafka epics'],
    [['event formation'], '"event formation"'],
    [['kafka -epics'], 'kafka -epics'],
    [['"event formation" kafka'], '"event formation" kafka'],
    [['tag:kafka epics'], 'tag:kafka epics'],
    [['kafka', '-epics'], 'kafka -epics'],
  ])('%j', (args, query) => {
    expect(queryFromArgs(args)).toBe(query);
  });
});
