/**
 * E-mail addresses in note text, found and removed for public reports
 * (`notes export --strip-emails`). Removal takes the whole construct with it:
 * `[Ann](mailto:ann@example.org)` keeps "Ann", `Ann (mailto:ann@example.org)`
 * and `<ann@example.org>` leave "Ann" and nothing, so no empty `()` remain.
 */

/** An address: a local part, `@`, a dotted domain with a letter TLD. */
export const EMAIL_SOURCE = String.raw`[A-Za-z0-9._%+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}`;

const GONE = '\uE002';
const MAILTO_LINK = new RegExp(String.raw`\[([^\]\n]*)\]\(\s*<?mailto:[^)\s>]*>?(?:\s+"[^"\n]*")?\s*\)`, 'gi');
const ADDRESS = new RegExp(String.raw`(?:mailto:)?${EMAIL_SOURCE}`, 'gi');
const BARE_MAILTO = /mailto:[^\s<>()[\]"']*/gi;

/** True when `text` may hold an address (a cheap test before the regexes). */
export function mayHoldEmail(text: string): boolean {
  return text.includes('@') || /mailto:/i.test(text);
}

/** `text` without e-mail addresses (and without the links and brackets that only held one). */
export function stripEmails(text: string): string {
  if (!mayHoldEmail(text)) return text;
  let s = text.replace(MAILTO_LINK, (_m, label: string) => (new RegExp(`^\\s*(?:mailto:)?${EMAIL_SOURCE}\\s*$`, 'i').test(label) ? GONE : label));
  s = s.replace(ADDRESS, GONE).replace(BARE_MAILTO, GONE);
  // Brackets that held only an address go with it, with the space before them.
  s = s.replace(new RegExp(`[ \\t]*(?:\\(\\s*${GONE}\\s*\\)|<\\s*${GONE}\\s*>|\\[\\s*${GONE}\\s*\\])`, 'g'), '');
  // A lone removed address: drop it and one neighbouring space.
  s = s.replace(new RegExp(`[ \\t]?${GONE}`, 'g'), '');
  return s;
}
