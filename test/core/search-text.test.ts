import { describe, expect, it } from 'vitest';
import { extractHeadings, extractPeople, indexedText, lineMatcher, matchingLines } from '../../src/core/search-text.js';
import { parseQuery } from '../../src/core/search-query.js';
import { parseNote } from '../../src/core/note.js';

describe('extractPeople', () => {
  it.each([
    ['- Jane Doe (mailto:jane@example.org)', ['Jane Doe']],
    ['  - Contact: Jane Doe (mailto:jane@example.org)', ['Jane Doe']],
    ['- [Jo Bloggs](mailto:jo@example.org) showed the IOCs', ['Jo Bloggs']],
    ['- Chat with Ines Carvalho <ines@example.org>', ['Chat with Ines Carvalho']],
    ['- Jane Doe (mailto:jane@example.org)\n- Jane Doe (mailto:jane@example.org)', ['Jane Doe']],
    ['- no address here', []],
    ['- (mailto:anon@example.org)', []],
    // Names in scripts without case are names too (they were in this column before people.ts found them).
    ['- 山田 太郎 (mailto:yamada@example.jp)', ['山田 太郎']],
    ['- محمد علي <m.ali@example.sa>', ['محمد علي']],
    ['- Zoë "Z" Smith (mailto:zoe@example.org)', ['Zoë "Z" Smith']],
  ])('%j', (body, people) => {
    expect(extractPeople(body)).toEqual(people);
  });
});

describe('extractHeadings', () => {
  it('takes Markdown headings and top-level bullets, not nested ones or code', () => {
    const body = '# Detectors\n- Data Streaming\n  - nested\n```\n# not a heading\n```\n## Compute ##\n* Thoughts\n';
    expect(extractHeadings(body)).toEqual(['Detectors', 'Data Streaming', 'Compute', 'Thoughts']);
  });
});

describe('indexedText', () => {
  it('puts title, tags, categories, people, headings, summary and body in their columns', () => {
    const note = parseNote('a.md', '+++\ntitle = "Day"\ntags = ["kafka", "epics"]\ncategories = "ops"\nDescription = "The day"\nkeywords = ["a", 1]\n+++\n- Controls\n  - Jo Bloggs (mailto:jo@example.org)\n');
    expect(indexedText(note)).toEqual({
      title: 'Day', tags: 'kafka\nepics', categories: 'ops', people: 'Jo Bloggs', headings: 'Controls', summary: 'The day\na',
      body: '- Controls\n  - Jo Bloggs (mailto:jo@example.org)\n',
    });
  });
});

describe('matchingLines', () => {
  const text = [
    '+++', 'title = "Kafka day"', '+++', // 1-3
    '- nothing here', // 4
    '- Kafka topics and the event formation unit', // 5
    '- kafak typo line', // 6
    '- formation alone', // 7
    '- KAFKA again', // 8
    '- and kafka once more', // 9
  ].join('\n');

  it('finds lines 1-based, most matched terms first, body before front matter, then in file order', () => {
    const q = parseQuery('kafka "event formation"');
    const lines = matchingLines(text, lineMatcher(q, () => []), 4);
    expect(lines.map((l) => l.line)).toEqual([5, 8, 9]);
    expect(lines[0]).toEqual({ line: 5, text: '- Kafka topics and the event formation unit', ranges: [[2, 7], [23, 38]] });
  });

  it('counts fuzzy expansions as the word', () => {
    const q = parseQuery('kafak');
    const lines = matchingLines(text, lineMatcher(q, () => ['kafka']), 4, 10);
    expect(lines.map((l) => l.line)).toEqual([5, 6, 8, 9]);
  });

  it('shows a front matter line when nothing in the body matches', () => {
    const q = parseQuery('day');
    expect(matchingLines(text, lineMatcher(q, () => []), 4)).toEqual([{ line: 2, text: 'title = "Kafka day"', ranges: [[15, 18]] }]);
  });

  it('a title: term shows the title line, not body lines holding the word', () => {
    const q = parseQuery('title:kafka');
    expect(matchingLines(text, lineMatcher(q, () => []), 4)).toEqual([{ line: 2, text: 'title = "Kafka day"', ranges: [[9, 14]] }]);
  });

  it('handles CRLF and highlights a word with diacritics', () => {
    const q = parseQuery('cafe');
    expect(matchingLines('one\r\nthe Café here\r\n', lineMatcher(q, () => []))).toEqual([{ line: 2, text: 'the Café here', ranges: [[4, 8]] }]);
  });
});
