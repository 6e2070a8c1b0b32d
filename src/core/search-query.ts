/**
 * The search query language, pure: tokenizing and folding text the way the
 * index stores it (see foldText), parsing a query
 * (`plain words`, `"exact phrase"`, `-word`, `tag:x`, `title:x`), and turning
 * it into an FTS5 MATCH expression once fuzzy expansions are known.
 */
import { UsageError } from './errors.js';

/** A run of letters, digits (and combining marks, removed by normalization). */
const TOKEN = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

/**
 * Letters that Unicode does not split into a letter and a mark, so that
 * NFKD keeps them, folded as search engines' ASCII folding does (`bjorn`
 * finds Bjørn, `lodz` Łódź, `strasse` Straße). Greek final sigma folds to σ,
 * as Unicode case folding (and FTS5) does: toLowerCase writes `ΟΔΟΣ` as
 * `οδος`, and `οδοσ` must find it.
 */
const FOLDS: Record<string, string> = {
  '\u00f8': 'o', '\u0142': 'l', '\u0111': 'd', '\u0127': 'h', '\u0131': 'i', '\u0167': 't', '\u00df': 'ss',
  '\u00e6': 'ae', '\u0153': 'oe', '\u00fe': 'th', '\u00f0': 'd', '\u03c2': '\u03c3',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`);
const FOLDABLE_ALL = new RegExp(FOLDABLE.source, 'g');

/**
 * The marks that are accents on a letter, dropped by folding: the
 * combining diacritics blocks, and Hebrew and Arabic vowel points. Not the
 * marks that are part of a letter, which would make other words of them:
 * Indic vowel signs (काम is not कम), the kana voicing mark (ガス is not カス),
 * Thai vowels and tones.
 */
// Hebrew: the points and cantillation marks, not the maqaf (U+05BE, a hyphen
// between words) and other punctuation of that block.
const ACCENTS = /[\u0300-\u036f\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7\u064b-\u065f\u0670\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;

/**
 * Lower case, accents removed and the letters of FOLDS folded: `Café` is
 * `cafe`, `Selknæs` `selknaes`, `ｋａｆｋａ` `kafka`. NFKD splits letters
 * from their accents (and undoes compatibility forms); NFC puts back
 * together what is left (ガ, Hangul syllables).
 */
export function normalizeToken(raw: string): string {
  const s = raw.normalize('NFKD').replace(ACCENTS, '').normalize('NFC').toLowerCase();
  return FOLDABLE.test(s) ? s.replace(FOLDABLE_ALL, (c) => FOLDS[c]!) : s;
}

const NON_ASCII = /[^\x00-\x7f]/;

/**
 * Text as the index stores it: folded as normalizeToken folds each query
 * word, so that both sides agree in every script. FTS5's own folding
 * (unicode61 remove_diacritics) agrees with it only on Latin letters: it
 * keeps Greek accents (`Ελληνικά`), Cyrillic `й` and full-width letters, so
 * that `ελληνικα` or `сергей` typed as written found nothing. (FTS5 is
 * told to keep marks inside words, as TOKEN does: it would split Indic
 * words at their vowel signs.) ASCII text is left to FTS5, whose case
 * folding of it is toLowerCase's.
 */
export function foldText(text: string): string {
  return NON_ASCII.test(text) ? normalizeToken(text) : text;
}

/** A token of a text and where it is (offsets into the original text). */
export interface TokenSpan {
  token: string;
  start: number;
  end: number;
}

/** The tokens of `text` with their positions, as the index sees them. */
export function tokenSpans(text: string): TokenSpan[] {
  const out: TokenSpan[] = [];
  for (const m of text.matchAll(TOKEN)) {
    const token = normalizeToken(m[0]);
    if (token) out.push({ token, start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

/** The normalized tokens of `text`. */
export function tokenize(text: string): string[] {
  return tokenSpans(text).map((s) => s.token);
}

/** The fields a term may be restricted to. */
export type QueryField = 'tag' | 'title';

/** One term of a query. */
export interface QueryTerm {
  /** What the user typed for this term (without `-` and field prefix). */
  raw: string;
  /** Normalized tokens: one for a plain word, several for a phrase. */
  tokens: string[];
  /** A quoted phrase, or a word that the tokenizer splits (`event-formation`): matched exactly, in order. */
  phrase: boolean;
  field: QueryField | null;
  /** `-word`: notes containing it are left out. */
  negated: boolean;
}

export interface ParsedQuery {
  terms: QueryTerm[];
  /** The terms that must match. */
  positive: QueryTerm[];
  negative: QueryTerm[];
}

const FIELDS: Record<string, QueryField> = { tag: 'tag', tags: 'tag', title: 'title' };

/**
 * Parses a query. Throws UsageError when nothing is left to search for:
 * an empty query, or one made only of exclusions.
 */
export function parseQuery(input: string): ParsedQuery {
  const terms: QueryTerm[] = [];
  const re = /(-?)(?:([A-Za-z]+):)?(?:"([^"]*)"?|(\S+))/g;
  for (const m of input.matchAll(re)) {
    const [, minus, fieldName, quoted, bare] = m;
    const field = fieldName ? FIELDS[fieldName.toLowerCase()] ?? null : null;
    // An unknown `foo:bar` is plain text.
    let raw = quoted ?? bare ?? '';
    if (fieldName && !field) raw = `${fieldName}:${raw}`;
    const tokens = tokenize(raw);
    if (!tokens.length) continue;
    terms.push({ raw, tokens, phrase: quoted !== undefined || tokens.length > 1, field, negated: minus === '-' });
  }
  const positive = terms.filter((t) => !t.negated);
  const negative = terms.filter((t) => t.negated);
  if (!terms.length) {
    throw new UsageError('the search query is empty', 'give words to search for, e.g. notes search kafka');
  }
  if (!positive.length) {
    throw new UsageError('the search query only excludes words', 'add a word that must match, e.g. notes search kafka -epics; to find a word that starts with -, quote it: notes search \'"-25"\'');
  }
  return { terms, positive, negative };
}

/** The FTS5 column a field searches. */
const COLUMN: Record<QueryField, string> = { tag: 'tags', title: 'title' };

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * The FTS5 expression for a parsed query. `expansions(term)` gives the
 * tokens a single-word term may also match (fuzzy); none for an exact search.
 */
export function ftsExpression(q: ParsedQuery, expansions: (t: QueryTerm) => string[] = () => []): string {
  const one = (t: QueryTerm, fuzzy: boolean): string => {
    let expr: string;
    if (t.phrase) {
      expr = quote(t.tokens.join(' '));
    } else {
      const alts = [t.tokens[0]!, ...(fuzzy ? expansions(t) : []).filter((x) => x !== t.tokens[0])];
      expr = alts.length === 1 ? quote(alts[0]!) : `(${alts.map(quote).join(' OR ')})`;
    }
    return t.field ? `{${COLUMN[t.field]}} : ${expr}` : expr;
  };
  const pos = q.positive.map((t) => one(t, true)).join(' AND ');
  if (!q.negative.length) return pos;
  // Exclusions are exact: `-kafka` must not drop notes about "kafak".
  return `(${pos}) NOT (${q.negative.map((t) => one(t, false)).join(' OR ')})`;
}

/**
 * The query from the command line's words. A shell-quoted argument with
 * spaces and no query syntax (`notes search "event formation"`) is a phrase;
 * otherwise the arguments are joined and read in the query language.
 */
export function queryFromArgs(args: string[]): string {
  return args
    .map((a) => (/\s/.test(a.trim()) && !/["]|(^|\s)-\S|\b[A-Za-z]+:\S/.test(a) ? `"${a.trim()}"` : a))
    .join(' ');
}
