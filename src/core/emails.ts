/**
 * E-mail addresses in note text, found and removed for public reports
 * (`notes export --strip-emails`). Removal takes the whole construct with it:
 * `[Ann](mailto:ann@example.org)` keeps "Ann", `Ann (mailto:ann@example.org)`
 * and `<ann@example.org>` leave "Ann" and nothing, so no empty `()` remain.
 */

/** An address: a local part, `@`, a dotted domain with a letter TLD. */
export const EMAIL_SOURCE = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}`;

// The domain of an address, in letters and digits of any script.
const DOMAIN_ANY = String.raw`@[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?(?:\.[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?)*\.\p{L}{2,}`;
/**
 * EMAIL_SOURCE with letters and digits of any script (an internationalized
 * address, `lüdwig@exämple.de`), for a regex with the u flag: what
 * stripEmails removes, so that --strip-emails leaves none of them either.
 * The local part is at most 64 long (RFC 5321): unbounded, every character
 * of a long run without spaces (a Chinese or Japanese paragraph) started a
 * try that ran to its end, quadratic. Bounded, a run of more than 64 letters
 * written straight into an address loses its last 64 with it: removing too
 * much text beats leaving an address in a report meant to have none.
 */
const EMAIL_SOURCE_ANY = String.raw`[\p{L}\p{N}._%+-]{1,64}${DOMAIN_ANY}`;
/** The same, starting where the run of local-part characters starts: the whole address when it is one. */
const WHOLE_ADDRESS = String.raw`(?<![\p{L}\p{N}._%+-])${EMAIL_SOURCE_ANY}`;

const GONE = '\uE002';
const MAILTO_LINK = new RegExp(String.raw`\[([^\]\n]*)\]\(\s*<?mailto:[^)\s>]*>?(?:\s+"[^"\n]*")?\s*\)`, 'gi');
// Whole addresses first; then what is left of one whose run began more than 64 characters before its @.
const ADDRESS = new RegExp(String.raw`(?:mailto:)?${WHOLE_ADDRESS}`, 'giu');
const ADDRESS_TAIL = new RegExp(String.raw`(?:mailto:)?${EMAIL_SOURCE_ANY}`, 'giu');
const ONLY_ADDRESS = new RegExp(String.raw`^\s*(?:mailto:)?${EMAIL_SOURCE_ANY}\s*$`, 'iu');
const BARE_MAILTO = /mailto:[^\s<>()[\]"']*/gi;

/** `text` with each address (as stripEmails finds them: whole ones first) replaced by `by`. */
export function replaceAddresses(text: string, by: string): string {
  return text.replace(ADDRESS, by).replace(ADDRESS_TAIL, by);
}

/** True when `text` may hold an address (a cheap test before the regexes). */
export function mayHoldEmail(text: string): boolean {
  return text.includes('@') || /mailto:/i.test(text);
}

/** A reference definition whose destination is an address: `[jo]: mailto:jo@example.org "Jo"`. */
const MAILTO_DEFINITION = new RegExp(String.raw`^[ \t]{0,3}\[([^\]\n]+)\]:[ \t]*<?(?:mailto:)?${EMAIL_SOURCE_ANY}>?[^\n]*(?:\n|$)`, 'gimu');

/**
 * Drops reference definitions that point to an address, and turns the
 * links that used them into their text (`[Jo][jo]`, `[jo][]`, `[jo]` → Jo,
 * jo): the definition's line would otherwise be left as `[jo]:`.
 */
function dropMailtoReferences(text: string): string {
  const labels = new Set<string>();
  let s = text.replace(MAILTO_DEFINITION, (_m, label: string) => { labels.add(label.trim().toLowerCase()); return ''; });
  if (!labels.size) return text;
  // `[x]` not followed by `(` (an inline link) or `:` (a definition); a task's box (`- [x] done`) is no link.
  s = s.replace(/(^[ \t]*(?:[-*+]|\d+[.)])[ \t]+)?\[([^\]\n]+)\](?:\[([^\]\n]*)\]|(?![(:]))/gm, (m, marker: string | undefined, text1: string, label?: string) =>
    (marker && label === undefined && /^[ xX]$/.test(text1)) || !labels.has((label || text1).trim().toLowerCase()) ? m : `${marker ?? ''}${text1}`);
  return s;
}

/** `text` without e-mail addresses (and without the links and brackets that only held one). */
export function stripEmails(text: string): string {
  if (!mayHoldEmail(text)) return text;
  let s = dropMailtoReferences(text).replace(MAILTO_LINK, (_m, label: string) => (ONLY_ADDRESS.test(label) ? GONE : label));
  s = replaceAddresses(s, GONE).replace(BARE_MAILTO, GONE);
  // Brackets (and a code span) that held only an address go with it, with the space before them.
  s = s.replace(new RegExp(`[ \\t]*(?:\\(\\s*${GONE}\\s*\\)|<\\s*${GONE}\\s*>|\\[\\s*${GONE}\\s*\\]|(\`+)\\s*${GONE}\\s*\\1)`, 'g'), '');
  // A lone removed address: drop it and one neighbouring space.
  s = s.replace(new RegExp(`[ \\t]?${GONE}`, 'g'), '');
  return s;
}
