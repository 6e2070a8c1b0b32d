/**
 * What the search index holds of a note, and finding the lines of a note
 * that a query matched (with the ranges to highlight). Pure.
 */
import { getKey, type Note } from './note.js';
import { foldText, tokenSpans, type ParsedQuery, type QueryTerm, type TokenSpan } from './search-query.js';

/** The text of a note by index column; the column order is the index's. */
export interface IndexedText {
  title: string;
  tags: string;
  categories: string;
  people: string;
  headings: string;
  /** The front matter's description, summary and keywords: what a Hugo page says it is about. */
  summary: string;
  body: string;
}

/** FTS5 column order, and the bm25 weight of each: title, tags and headings above body text. */
export const COLUMNS: readonly (keyof IndexedText)[] = ['title', 'tags', 'categories', 'people', 'headings', 'summary', 'body'];
export const WEIGHTS: readonly number[] = [10, 6, 3, 4, 3, 3, 1];

/** Front matter keys whose text is searched (Hugo's page description, summary and keywords). */
const SUMMARY_KEYS = ['description', 'summary', 'keywords'];

/**
 * People named in a note: the text of `[Name](mailto:...)` links, and the
 * words before a bare `(mailto:...)` or `<name@host>` on an outline line
 * (`- Jane Doe (mailto:jane@example.org)`).
 */
export function extractPeople(body: string): string[] {
  const people = new Set<string>();
  for (const m of body.matchAll(/\[([^\]\n]+)\]\(mailto:[^)\s]*\)/gi)) people.add(m[1]!.trim());
  for (const m of body.matchAll(/^[ \t]*(?:[-*+]|\d+[.)])?[ \t]*([^\n[\]()<>]*?)[ \t]*(?:\(mailto:[^)\n]*\)|<(?:mailto:)?[^>\s@]+@[^>\s]+>)/gim)) {
    // Keep the name, not a label before it ("Contact: Jane Doe").
    const name = m[1]!.split(/:\s|\s[-–—]\s/).pop()!.trim().split(/\s+/).slice(-5).join(' ');
    if (name && /\p{L}/u.test(name)) people.add(name);
  }
  return [...people];
}

/** Markdown headings and the top-level bullets of an outline (a day entry's sections). */
export function extractHeadings(body: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) { fenced = !fenced; continue; }
    if (fenced) continue;
    const m = /^(?:#{1,6}\s+(.*?)\s*#*\s*|[-*+]\s+(.*?))\r?$/.exec(line);
    const text = m ? (m[1] ?? m[2]) : undefined;
    if (text) out.push(text);
  }
  return out;
}

/** The strings of the front matter's description, summary and keywords (each a string or a list of them). */
function summaryTexts(frontMatter: Record<string, unknown>): string[] {
  return SUMMARY_KEYS.flatMap((k) => {
    const v = getKey(frontMatter, k);
    if (typeof v === 'string') return [v];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  });
}

/** The columns the index stores for a note, folded as query words are (foldText). */
export function indexedText(note: Note): IndexedText {
  return {
    title: foldText(note.title),
    tags: foldText(note.tags.join('\n')),
    categories: foldText(note.categories.join('\n')),
    people: foldText(extractPeople(note.body).join('\n')),
    headings: foldText(extractHeadings(note.body).join('\n')),
    summary: foldText(summaryTexts(note.frontMatter).join('\n')),
    body: foldText(note.body),
  };
}

/** True when `tokens` come one after another in `spans` from position `j`. */
const runAt = (spans: TokenSpan[], j: number, tokens: string[]) => tokens.every((tok, k) => spans[j + k]?.token === tok);

/** True when `tokens` come one after another among the tokens of `text`. */
function holdsRun(text: string, tokens: string[]): boolean {
  // A line without the first word as a substring cannot hold the run (ASCII: case aside).
  if (!/[^\x00-\x7f]/.test(text) && !text.toLowerCase().includes(tokens[0]!)) return false;
  const spans = tokenSpans(text);
  for (let j = 0; j + tokens.length <= spans.length; j++) if (runAt(spans, j, tokens)) return true;
  return false;
}

/**
 * True when a phrase holds within one piece of a note as a reader sees it:
 * its title, one tag or category, one line of its description, summary or
 * keywords, or one line of its body. The full-text
 * index holds a note's tags (and categories, people, headings) joined, and
 * its body's lines, as one run of words: it also matches `tag:"data
 * systems"` on the tags data and systems, and a phrase across two bullets.
 */
export function phraseHolds(t: QueryTerm, note: Pick<Note, 'title' | 'tags' | 'categories' | 'frontMatter'>, bodyLines: () => string[]): boolean {
  const inOne = (texts: string[]) => texts.some((x) => holdsRun(x, t.tokens));
  if (t.field === 'tag') return inOne(note.tags);
  if (holdsRun(note.title, t.tokens)) return true;
  if (t.field === 'title') return false;
  return inOne(note.tags) || inOne(note.categories) || inOne(summaryTexts(note.frontMatter).flatMap((x) => x.split('\n'))) || inOne(bodyLines());
}

/** A line of a note that matched, 1-based in the file, with the ranges to highlight. */
export interface MatchedLine {
  line: number;
  text: string;
  ranges: [number, number][];
}

/**
 * What to look for in the lines of a note: for each positive query term, the
 * tokens that count as it (the word and its fuzzy expansions) or its phrase.
 */
export interface LineMatcher {
  words: Map<string, number>;
  phrases: { tokens: string[]; term: number }[];
  /** Terms limited to a field (`title:x`, `tag:x`): they match front matter lines only. */
  fielded: Set<number>;
}

export function lineMatcher(q: ParsedQuery, expansions: (i: number) => string[]): LineMatcher {
  const words = new Map<string, number>();
  const phrases: LineMatcher['phrases'] = [];
  const fielded = new Set<number>();
  q.positive.forEach((t, i) => {
    if (t.field) fielded.add(i);
    if (t.phrase) phrases.push({ tokens: t.tokens, term: i });
    else for (const w of [t.tokens[0]!, ...expansions(i)]) if (!words.has(w)) words.set(w, i);
  });
  return { words, phrases, fielded };
}

/**
 * Up to `max` lines of `text` that match, in file order: the lines matching
 * the most distinct query terms first. Front matter lines (a title or tags
 * that matched) are shown only when no body line matches.
 */
export function matchingLines(text: string, m: LineMatcher, bodyLine = 1, max = 3): MatchedLine[] {
  const found: (MatchedLine & { score: number; body: boolean })[] = [];
  const lines = text.split('\n');
  // Only lines that hold a sought word as a substring need tokenizing (ASCII
  // lines, at least: case and accents may hide a match in the others).
  const needles = [...m.words.keys(), ...m.phrases.map((p) => p.tokens[0]!)];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (!line) continue;
    if (!/[^\x00-\x7f]/.test(line)) {
      const lower = line.toLowerCase();
      if (!needles.some((w) => lower.includes(w))) continue;
    }
    const spans = tokenSpans(line);
    if (!spans.length) continue;
    const lineNo = i + 1;
    // A title: or tag: term is not in the body: its word there is not what matched.
    const counts = lineNo >= bodyLine && m.fielded.size ? (term: number) => !m.fielded.has(term) : () => true;
    const terms = new Set<number>();
    const ranges: [number, number][] = [];
    for (let j = 0; j < spans.length; j++) {
      const s = spans[j]!;
      const term = m.words.get(s.token);
      if (term !== undefined && counts(term)) { terms.add(term); ranges.push([s.start, s.end]); }
      for (const p of m.phrases) {
        if (counts(p.term) && runAt(spans, j, p.tokens)) {
          terms.add(p.term);
          ranges.push([s.start, spans[j + p.tokens.length - 1]!.end]);
        }
      }
    }
    if (!terms.size) continue;
    found.push({ line: lineNo, text: line, ranges: mergeRanges(ranges), score: terms.size, body: lineNo >= bodyLine });
  }
  const inBody = found.filter((f) => f.body);
  return (inBody.length ? inBody : found)
    .sort((a, b) => b.score - a.score || a.line - b.line)
    .slice(0, max)
    .sort((a, b) => a.line - b.line)
    .map(({ line, text: t, ranges }) => ({ line, text: t, ranges }));
}

function mergeRanges(ranges: [number, number][]): [number, number][] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}
