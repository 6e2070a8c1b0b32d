import { describe, expect, it } from 'vitest';
import { indexWords, SearchIndexBuilder, searchIndexScript, searchableText } from '../../src/exporters/html/search-index.js';

describe('indexWords', () => {
  it.each([
    ['Kafka brokers, six nodes.', ['kafka', 'brokers', 'six', 'nodes']],
    ['the and for with', []],
    ['HDF5 file_writer a b', ['hdf5', 'file_writer']],
    ['Café Zürich — naïve “quotes”', ['café', 'zürich', 'naïve', 'quotes']],
    ['東京 Москва', ['東京', 'москва']],
  ])('%j', (text, words) => {
    expect([...indexWords(text)]).toEqual(words);
  });
});

describe('SearchIndexBuilder', () => {
  it('stores pages and delta-encoded base-36 postings', () => {
    const b = new SearchIndexBuilder();
    for (let i = 0; i < 40; i++) b.add([`p${i}.html`, `Page ${i}`, '', '', ''], i % 2 ? 'kafka' : 'epics');
    const idx = b.build();
    expect(idx.docs[3]).toEqual(['p3.html', 'Page 3', '', '', '', 'page 3']);
    const decode = (s: string) => { let last = 0; return s.split(',').map((x) => (last += parseInt(x, 36))); };
    expect(decode(idx.words.kafka!)).toEqual(Array.from({ length: 20 }, (_, i) => 2 * i + 1));
    expect(decode(idx.words.page!).length).toBe(40);
  });

  it('strips URLs and link targets from the searchable text', () => {
    expect(searchableText('see [doc](http://x.org/secret-path) and https://y.org/other')).toBe('see [doc]  and  ');
  });

  it('writes a script no note text can break out of', () => {
    expect(searchIndexScript('{"t":"</script><script>alert(1)</script>\u2028"}')).toBe('window.NOTES_SEARCH_INDEX = {"t":"\\u003c/script>\\u003cscript>alert(1)\\u003c/script>\\u2028"};\n');
  });
});
