/**
 * Quoting for bash completion. bash inserts the words a completion function
 * puts in COMPREPLY exactly as they are (it quotes only file names), so a
 * candidate such as the tag `ünï cødé` would become two words, and `it's`
 * an open quote. And bash hands the function the word being completed as
 * typed, quotes and backslashes included (`"ün`, `ünï\ c`). So the typed
 * word is read the way bash will read it, candidates are matched against
 * that, and each is escaped for the quote the user left open, if any.
 */

/** The word being completed, read as bash will read it once it is finished. */
export interface TypedWord {
  /** Its text so far, quotes and escapes removed. */
  text: string;
  /** The quote still open at the end (`'` or `"`), or '' when none is. */
  quote: "'" | '"' | '';
  /**
   * The text before that quote: readline replaces only what follows an
   * open quote, so a candidate is inserted without this part.
   */
  beforeQuote: string;
}

/** Reads a partly typed bash word (an unclosed quote and a trailing backslash are fine). */
export function readTypedWord(raw: string): TypedWord {
  let text = '';
  let quote: TypedWord['quote'] = '';
  let beforeQuote = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote === "'") {
      if (c === "'") quote = ''; else text += c;
    } else if (quote === '"') {
      if (c === '"') quote = '';
      else if (c === '\\' && i + 1 < raw.length && '"\\$`'.includes(raw[i + 1]!)) text += raw[++i];
      else text += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      beforeQuote = text;
    } else if (c === '\\') {
      if (i + 1 < raw.length) text += raw[++i];
    } else {
      text += c;
    }
  }
  return { text, quote, beforeQuote: quote ? beforeQuote : '' };
}

/** Characters that are one word as they are, outside quotes (anything beyond ASCII is). */
const PLAIN = /^[A-Za-z0-9_./:@%+,=\u{80}-\u{10ffff}-]$/u;

/**
 * The text bash should insert for `candidate`, which starts with
 * `word.text`: escaped so that it stays one word with the text before it.
 * In '…' a quote is closed, escaped and reopened (`'\''`); in "…" only
 * `\ " $ \`` are escaped; outside quotes every other character is.
 */
export function bashInsertion(candidate: string, word: TypedWord): string {
  const rest = candidate.slice(word.beforeQuote.length);
  if (word.quote === "'") return rest.replace(/'/g, "'\\''");
  if (word.quote === '"') return rest.replace(/["\\$`]/g, '\\$&');
  return [...rest].map((c) => (PLAIN.test(c) ? c : `\\${c}`)).join('');
}
