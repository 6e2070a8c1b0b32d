/**
 * The site's search index: one row per page and, for every word of the
 * notes, the pages holding it (postings, delta-encoded in base 36). It is
 * written twice: `search-index.json` for scripts, and `search-index.js`
 * (assigning `window.NOTES_SEARCH_INDEX`) because browsers refuse fetch()
 * of local files, while a classic <script> loads from file://.
 */

/** One page: [URL relative to the site root (encoded), title, day, visit, tags, lowercase title]. */
export type SearchDoc = [string, string, string, string, string, string];

export interface SearchIndex {
  version: 1;
  docs: SearchDoc[];
  /** word → ascending page numbers, as base-36 deltas joined by commas. */
  words: Record<string, string>;
}

/**
 * A word: a run of anything but white space and punctuation (ASCII, Latin-1,
 * general and CJK punctuation), so letters of every script count. Faster than
 * a \p{L} regex with the u flag (measured ~1.6x on the corpora).
 */
export const WORD_CLASS = String.raw`[^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f\s\u00a0-\u00bf\u2000-\u206f\u3000-\u303f\ufeff]`;
const WORD = new RegExp(`${WORD_CLASS}+`, 'g');
const STOP = new Set(['the', 'and', 'for', 'are', 'but', 'not', 'you', 'all', 'any', 'can', 'had', 'her', 'was', 'one', 'our',
  'out', 'has', 'have', 'his', 'how', 'its', 'let', 'who', 'did', 'yes', 'this', 'that', 'with', 'from', 'they', 'will',
  'would', 'there', 'their', 'what', 'about', 'which', 'when', 'were', 'been', 'than', 'then', 'them', 'these', 'into',
  'also', 'only', 'some', 'such', 'more', 'other', 'your', 'each', 'should', 'could']);

/** The words of `text` worth indexing: lowercased, 2 to 30 characters, no stop words. */
export function indexWords(text: string): Set<string> {
  const out = new Set<string>();
  for (const w of text.toLowerCase().match(WORD) ?? []) {
    if (w.length >= 2 && w.length <= 30 && !STOP.has(w)) out.add(w);
  }
  return out;
}

/** Plain words of a Markdown body: no URLs, link targets or shortcode delimiters. */
export function searchableText(body: string): string {
  return body
    .replace(/\]\([^)\s]*\)/g, '] ')
    .replace(/\bhttps?:\/\/\S+/g, ' ')
    .replace(/\{\{[<%]\/?|[>%]\}\}/g, ' ');
}

/** Collects pages, then builds the index. */
export class SearchIndexBuilder {
  private docs: SearchDoc[] = [];
  private postings = new Map<string, number[]>();

  add(doc: [string, string, string, string, string], text: string): void {
    const id = this.docs.length;
    this.docs.push([doc[0], doc[1], doc[2], doc[3], doc[4], doc[1].toLowerCase()]);
    for (const w of indexWords(`${doc[1]} ${doc[4]} ${text}`)) {
      const p = this.postings.get(w);
      if (p) p.push(id); else this.postings.set(w, [id]);
    }
  }

  build(): SearchIndex {
    const words: Record<string, string> = {};
    for (const w of [...this.postings.keys()].sort()) {
      const ids = this.postings.get(w)!;
      let last = 0;
      words[w] = ids.map((id) => { const d = id - last; last = id; return d.toString(36); }).join(',');
    }
    return { version: 1, docs: this.docs, words };
  }
}

/** The index as a classic script; `<` is escaped so no text can close the script element. */
export function searchIndexScript(json: string): string {
  return `window.NOTES_SEARCH_INDEX = ${json.replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029')};\n`;
}
