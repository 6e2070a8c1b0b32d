/**
 * People as vCard 4.0 (RFC 6350), for an address book: one card per person
 * with FN, N, EMAIL, ORG (facility; group), URL and a NOTE listing the
 * visits and days. Lines end in CRLF and are folded at 75 octets without
 * splitting a UTF-8 character; text values are escaped (\\ \, \; \n).
 */
import type { Person } from './people.js';

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'ter', 'ten', 'af', 'av', 'bin', 'al', 'dos', 'das', 'do', 'zu', 'y']);

/** Escapes a text value (RFC 6350 3.4): backslash, comma, semicolon, newline. */
export function escapeText(s: string): string {
  return s.replace(/\\/g, '\\\\').replace(/,/g, '\\,').replace(/;/g, '\\;').replace(/\r\n|\r|\n/g, '\\n');
}

const utf8 = new TextEncoder();

/** Folds a content line at 75 octets: CRLF then a space, never inside a UTF-8 sequence. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let cur = '';
  let octets = 0;
  let limit = 75;
  for (const ch of line) {
    const n = utf8.encode(ch).length;
    if (octets + n > limit) {
      parts.push(cur);
      cur = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    cur += ch;
    octets += n;
  }
  parts.push(cur);
  return parts.join('\r\n ');
}

/** A word in Han, kana or Hangul: such names put the family name first. */
const FAMILY_FIRST = /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}\p{scx=Hangul}]+$/u;

/** N's components from a written name: family (with particles), given, additional. */
export function nameParts(name: string): { family: string; given: string; additional: string[] } {
  const ws = name.split(/\s+/).filter(Boolean);
  if (ws.length === 1 || ws[0]!.includes('@')) return { family: '', given: ws.join(' '), additional: [] };
  // Chinese, Japanese and Korean names are written family name first (山田 太郎: Yamada Taro).
  if (FAMILY_FIRST.test(ws[0]!)) return { family: ws[0]!, given: ws.slice(1).join(' '), additional: [] };
  let f = ws.length - 1;
  while (f > 1 && PARTICLES.has(ws[f - 1]!.toLowerCase())) f--;
  return { family: ws.slice(f).join(' '), given: ws[0]!, additional: ws.slice(1, f) };
}

export interface VCardOptions {
  /** Facility of each visit, to put before the group in ORG. */
  facilityOf?: (visit: string) => string | null;
}

/** One vCard 4.0 for a person. */
export function personToVCard(p: Person, opts: VCardOptions = {}): string {
  const { family, given, additional } = nameParts(p.name);
  const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(p.name)}`];
  // N is optional in vCard 4.0: left out when all we know is an address.
  if (!p.name.includes('@')) lines.push(`N:${[family, given, additional.map(escapeText).join(','), '', ''].map((x, i) => (i === 2 ? x : escapeText(x))).join(';')}`);
  p.emails.forEach((e, i) => lines.push(`EMAIL${i === 0 && p.emails.length > 1 ? ';PREF=1' : ''}:${escapeText(e)}`));
  const facility = p.visits.map((v) => opts.facilityOf?.(v) ?? null).find((f) => !!f) ?? null;
  for (const g of p.groups.length ? p.groups : facility ? [''] : []) {
    lines.push(`ORG:${[facility, g].filter((x) => x).map((x) => escapeText(x!)).join(';')}`);
  }
  for (const u of p.urls) lines.push(`URL:${u}`);
  const note: string[] = [];
  if (p.visits.length) note.push(`Met during ${p.visits.join(', ')}`);
  if (p.days.length) note.push(`on ${p.days.join(', ')}`);
  if (p.derived) note.push(`(name derived from ${p.derived === 'url' ? 'a profile URL' : 'the e-mail address'})`);
  if (note.length) lines.push(`NOTE:${escapeText(note.join(' '))}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}

/** All people as one vCard 4.0 file. */
export function peopleToVCards(people: Person[], opts: VCardOptions = {}): string {
  return people.map((p) => personToVCard(p, opts)).join('');
}
