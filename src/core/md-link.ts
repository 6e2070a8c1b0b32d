/**
 * Markdown inline links, `[text](destination "title")`, read as CommonMark
 * reads them (spec 0.31, "Links"): a destination is either `<...>` (spaces
 * allowed, no line break, no `<` or `>`) or a run without spaces in which
 * parentheses are balanced or backslash-escaped, so
 * `[Wiki](https://en.wikipedia.org/wiki/Foo_(bar))` links to `.../Foo_(bar)`
 * (a pattern that stopped at the first `)` cut it to `.../Foo_(bar`). The
 * title may be in "double", 'single' quotes or (parentheses). Pure.
 */

/** A character of a bare destination other than a parenthesis, or an escaped one. */
const PLAIN = String.raw`(?:[^\s()\\]|\\.)`;
/**
 * A bare destination: parentheses balanced two levels deep (CommonMark
 * allows 32; URLs in notes nest one). Each alternative starts with another
 * character, so the pattern stays linear on long lines.
 */
const BARE = String.raw`(?:${PLAIN}|\((?:${PLAIN}|\(${PLAIN}*\))*\))+`;
const ANGLE = String.raw`<([^<>\n]*)>`;
const TITLE = String.raw`(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\))`;

/**
 * A global pattern for inline links: group 1 is the text, group 2 the
 * destination in `<...>`, group 3 a bare one (read them with linkTarget).
 */
export function mdLinkPattern(): RegExp {
  return new RegExp(String.raw`\[([^\]\n]{0,500})\]\(\s*(?:${ANGLE}|(${BARE}))(?:\s+${TITLE})?\s*\)`, 'g');
}

/**
 * The destination of a match of mdLinkPattern, as a renderer links to it:
 * backslash escapes removed (`Foo_\(bar\)` → `Foo_(bar)`), and spaces, which
 * only `<...>` may hold, as `%20`.
 */
export function linkTarget(m: RegExpMatchArray): string {
  if (m[2] !== undefined) return m[2].replace(/ /g, '%20');
  const raw = m[3] ?? '';
  return raw.includes('\\') ? raw.replace(/\\([!-/:-@[-`{-~])/g, '$1') : raw;
}
