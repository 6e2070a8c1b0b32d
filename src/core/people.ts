/**
 * People met, extracted from notes. A person is only ever taken from an
 * anchor that says "this is a person":
 *   - an e-mail address or a `mailto:` link, with the name next to it
 *     (`Jane Doe (mailto:jane.doe@example.org)`, `Jane Doe <jane@...>`,
 *     `[Jane Doe](mailto:...)`, `jane@... (Jane Doe)`), or on the bullet above;
 *   - a profile URL (`.../profile/jane-doe`, `.../people/...`, `linkedin.com/in/...`),
 *     named the same way, or by its slug when no name is written
 *     (`/profile/jane-doe` → "Jane Doe", marked as derived);
 *   - a `people` front matter key (strings, `Name <e-mail>`, or tables with
 *     name/email/group/url).
 * A name written in prose without an anchor ("put Alex X in touch with Y")
 * counts only when it matches a person already known from an anchor (same
 * last name, same or shortened first name). Capitalised phrases ("Cool
 * Tools", "Max 4", "Event formation unit") are never people on their own.
 * The group is the bullet heading above the anchor (`DST - Data Systems and
 * Technologies`), skipping "Contact"-like and sentence-like bullets.
 */
import Fuse from 'fuse.js';
import type { Note } from './note.js';
import { getKey } from './note.js';
import { noteDay } from './filter.js';
import { ancestors, noteOutline, type OutlineLine } from './outline.js';
import { findVisits, visitResolver } from './visit.js';
import { linkTarget, mdLinkPattern } from './md-link.js';
import { stripEmails } from './emails.js';

/** How a person's appearance in a note was recognised. */
export type PersonSource = 'email' | 'profile' | 'front-matter' | 'mention';

export interface PersonAppearance {
  path: string;
  /** 1-based line of the file. */
  line: number;
  visit: string | null;
  day: string | null;
  source: PersonSource;
}

export interface Person {
  /** The name shown: the longest name written next to an anchor, else a derived one. */
  name: string;
  /** Null when the name is written in a note; else what it was derived from. */
  derived: null | 'url' | 'email';
  /** Other spellings seen (shorter forms, prose mentions, derived forms). */
  aliases: string[];
  emails: string[];
  urls: string[];
  /** Group headings the person appears under, in order of first appearance. */
  groups: string[];
  visits: string[];
  /** Days (YYYY-MM-DD) of the notes the person appears in, sorted. */
  days: string[];
  appearances: PersonAppearance[];
}

export interface ExtractPeopleOptions {
  /** The visit of a note; default: the visit folders found among `notes`. */
  visitOf?: (note: Note) => string | null;
}

const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'di', 'du', 'del', 'della', 'la', 'le', 'ter', 'ten', 'af', 'av', 'bin', 'al', 'dos', 'das', 'do', 'zu', 'y']);

/** Words that are not (parts of) names, even when capitalised. */
const NOT_NAMES = new Set(`a an and or but if it its this that these those there here we i he she they you my our their his her
with without for from to in on at by of as is are was were be been not no yes so then also see via re fwd cc hi hello thanks dear
met meet meeting meetings talked talk talks spoke spoke asked ask call called contact contacts email e-mail mail mailto phone tel
web website homepage home profile profiles page group groups leader leaders lead head team teams manager director engineer
engineers scientist scientists software data system systems support service services lab labs laboratory university institute
department dept division facility center centre office project projects today tomorrow yesterday monday tuesday wednesday
thursday friday saturday sunday january february march april june july august september october november december acting
senior junior chief staff member members visit visits day days note notes thoughts tools tool cool max beamline instrument
instruments control controls experimental computing scientific science research technologies technology reduction modeling
modelling curation infrastructure network networks storage cluster admins admin users user list lists info desk help helpdesk
dev devs developers ops announce discuss secretary reception coordinator coordination operations operator operators physics physicist chemistry biology detector
detectors neutron neutrons source sources beam beams the viewer event formation unit writers writer file files
sign up login logout signup register settings edit account password reset new`.split(/\s+/));

/** Local parts of e-mail addresses that belong to roles, not people. */
const ROLE_ADDRESSES = /^(info|support|contact|contacts|admin|admins|help|helpdesk|servicedesk|office|noreply|no-reply|do-not-reply|webmaster|postmaster|sales|team|hello|mail|secretary|reception|user-?office|users|it|hr|press|news|list|lists)$/i;

/** Words in a local part that make it a list or a role (`ecdc-dev@`, `users-announce@`). */
const ROLE_TOKENS = new Set(['dev', 'devs', 'developers', 'users', 'user', 'announce', 'discuss', 'list', 'lists', 'team', 'group', 'support',
  'help', 'info', 'admin', 'admins', 'ops', 'staff', 'all', 'general', 'office', 'noreply', 'bounce', 'notifications', 'alerts',
  'alarms', 'beamline', 'instrument', 'station', 'lab', 'facility', 'controls', 'operations', 'operator', 'operators', 'safety', 'shipping']);

/** True for an address that belongs to a role or a list, not a person. */
export function isRoleAddress(local: string): boolean {
  return ROLE_ADDRESSES.test(local) || local.toLowerCase().split(/[-_.+]+/).some((t) => ROLE_TOKENS.has(t));
}

// \u2019 is the typographic apostrophe (O’Neill); written as an escape, which
// the RegExp reads, so that the bundle stays ASCII (scripts/build.mjs).
/**
 * A letter of a script without case (Han, kana, Hangul, Arabic, Hebrew,
 * Devanagari...): `\p{Lo}` less the ordinal signs ª and º. Such names
 * cannot start with a capital, so a capital-only test finds none of them
 * (山田 太郎, محمد علي next to an address were listed as bare addresses).
 */
const UNCASED = String.raw`[^\P{Lo}\u00aa\u00ba]`;
/** A word of an uncased script; \p{Lm} inside for 々 (佐々木) and ー, ・ between the parts of a name in katakana. */
const UNCASED_WORD = String.raw`${UNCASED}[\p{Lo}\p{Lm}\p{M}]*(?:\u30fb${UNCASED}[\p{Lo}\p{Lm}\p{M}]*)*`;
const WORD = String.raw`(?:\p{Lu}\.|\p{Lu}[\p{L}\p{M}'\u2019]*(?:-\p{Lu}?[\p{L}\p{M}'\u2019]+)*|${UNCASED_WORD})`;
/**
 * A word of a script without case that says the name comes after it: an
 * Arabic preposition or conjunction (تواصل مع محمد علي: "contact with
 * Mohamed Ali"), or a Japanese word ending in a particle (詳細は 担当者:
 * "for details, the person in charge").
 */
// (Not على, "on", also the Egyptian spelling of the name Ali.)
const UNCASED_LEAD = /^(?:\u0645\u0639|\u0625\u0644\u0649|\u0627\u0644\u0649|\u0645\u0646|\u0641\u064a|\u0639\u0646|\u0648|\u0644\u062f\u0649)$|[\u306f\u304c\u3092\u306b\u306e\u3067\u3068\u3078\u3082]$/u;
/** A word that may start a name: capitalised, or in a script without case. */
const NAME_START = new RegExp(String.raw`^(?:\p{Lu}|${UNCASED})`, 'u');
/** A nickname in quotes between two names (`Zoë "Z" Smith`): dropped, as an address book files her as Zoë Smith. */
const NICKNAME = /(?<=\S)[ \t]+(?:"[^"\n]{1,30}"|\u201c[^\u201d\n]{1,30}\u201d)(?=[ \t]+\S)/gu;
/** Text with quoted nicknames between names dropped (`Zoë "Z" Smith` → `Zoë Smith`). */
export const dropNicknames = (text: string): string => (text.includes('"') || text.includes('\u201c') ? text.replace(NICKNAME, '') : text);
const PART = String.raw`(?:${[...PARTICLES].join('|')})`;
/** A run of capitalised words, particles allowed between them. */
const RUN = String.raw`${WORD}(?:[ \t]+(?:${PART}[ \t]+)*${WORD}){0,5}`;
const RUN_AT_END = new RegExp(`(?:^|[^\\p{L}\\p{M}'’.-])(${RUN})$`, 'u');
const RUN_AT_START = new RegExp(`^(${RUN})(?![\\p{L}\\p{M}])`, 'u');
const RUN_G = new RegExp(`(?<![\\p{L}\\p{M}'’-])${RUN}`, 'gu');
const TITLES = /^(?:dr|prof|professor|mr|mrs|ms|mx|sir|dame)\.?$/i;

/**
 * An e-mail address (global: use with matchAll or replace). The parts are
 * bounded (RFC 5321: 64 for the local part, 63 per label) so that a long line
 * costs linear time: unbounded, a 40,000-character line took 1.7 s.
 */
export const EMAIL_RE = /(?<![A-Za-z0-9._%+'-])[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63}){0,8}\.[A-Za-z]{2,24}(?![A-Za-z0-9-])/g;
const MD_LINK = mdLinkPattern();
const URL_RE = /\bhttps?:\/\/[^\s<>"'`\])]+(?:\([^\s()]*\)[^\s<>"'`\])]*)*/g;

const PROFILE_SEGMENTS = /^(?:profiles?|people|persons?|staff|members?|employees?|directory|researchers?|scientists?|authors?|users?|contacts?|team|speakers?|presenters?|faculty)$/i;

/** Folds case and diacritics, for comparing names. */
export function foldName(s: string): string {
  let f = foldCache.get(s);
  if (f === undefined) {
    f = s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
    if (foldCache.size > 50_000) foldCache.clear();
    foldCache.set(s, f);
  }
  return f;
}
/** Names and words repeat across a notebook: fold each spelling once. */
const foldCache = new Map<string, string>();

const words = (name: string) => name.split(/\s+/).filter(Boolean);
const isAcronym = (w: string) => w.length >= 2 && w === w.toUpperCase() && /\p{Lu}.*\p{Lu}/u.test(w);

/**
 * Cleans a candidate name (titles and non-name words at the start dropped)
 * and says whether it is a name: 1-6 capitalised words, no acronyms, no
 * digits, none of the non-name words. Returns the name or null.
 */
export function asName(candidate: string, { single = false } = {}): string | null {
  let ws = words(candidate.replace(/[,;:]+$/, ''));
  while (ws.length && (TITLES.test(ws[0]!) || NOT_NAMES.has(ws[0]!.toLowerCase()))) ws = ws.slice(1);
  // In scripts without case no capital says where a name starts: it starts after the last word that is no name.
  // (Never the last word: まこと, あやの are given names that end like a particle.)
  for (let i = ws.length - 2; i >= 0; i--) if (UNCASED_LEAD.test(ws[i]!)) { ws = ws.slice(i + 1); break; }
  if (!ws.length) return null;
  const core = ws.filter((w) => !PARTICLES.has(w));
  if (core.length < (single ? 1 : 2) || core.length > 6) return null;
  if (!NAME_START.test(ws[0]!) || !NAME_START.test(ws[ws.length - 1]!)) return null;
  for (const w of core) {
    if (!NAME_START.test(w) || /\d/.test(w) || isAcronym(w.replace(/\.$/, '')) || NOT_NAMES.has(w.toLowerCase())) return null;
  }
  if (core.length === 1 && core[0]!.length < 2) return null;
  return ws.join(' ');
}

const titleCase = (w: string) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase();

/** Splits a slug or an e-mail local part into name words: `jane.doe`, `jane-doe-12ab`, `JaneDoe`. */
function slugWords(slug: string): string[] | null {
  const parts = slug.replace(/\.(s?html?|php|aspx?|jsp)$/i, '').split(/[-_.+\s]+/)
    .flatMap((p) => p.split(/(?<=\p{Ll})(?=\p{Lu})/u)).filter(Boolean);
  while (parts.length && /\d/.test(parts[parts.length - 1]!)) parts.pop();
  if (parts.length < 2 || parts.length > 4) return null;
  if (!parts.every((p, i) => /^\p{L}+$/u.test(p) && (p.length >= 2 || (i > 0 && i < parts.length - 1)))) return null;
  return parts;
}

/**
 * A person as an export without e-mail addresses (--strip-emails) may show
 * them, or null when nothing would be left that is not an address: someone
 * known only by an address, or by a name made from one (jane.q.private@ →
 * "Jane Q Private", which spells the address out). Other spellings made
 * from an address go too; so do mailto links and addresses in any text.
 */
export function withoutAddresses(p: Person): Person | null {
  if (p.derived === 'email' || p.name.includes('@')) return null;
  const fromAddress = new Set(p.emails.map((e) => nameFromSlug(e.slice(0, e.lastIndexOf('@')))).filter((n): n is string => n !== null));
  return {
    ...p,
    name: stripEmails(p.name),
    aliases: p.aliases.filter((a) => !a.includes('@') && !fromAddress.has(a)).map(stripEmails),
    emails: [],
    urls: p.urls.filter((u) => !/^mailto:/i.test(u)).map(stripEmails),
    groups: p.groups.map(stripEmails),
  };
}

/** A name derived from a slug or local part ("jane-doe" → "Jane Doe"), or null. */
export function nameFromSlug(slug: string): string | null {
  let decoded = slug;
  try { decoded = decodeURIComponent(slug); } catch { /* keep as is */ }
  const parts = slugWords(decoded);
  if (!parts) return null;
  return asName(parts.map((p) => (PARTICLES.has(p.toLowerCase()) ? p.toLowerCase() : titleCase(p))).join(' '));
}

/** The slug of a profile URL (`https://x.org/profile/jane-doe` → `jane-doe`), or null when it is not one. */
export function profileSlug(url: string): string | null {
  let u: URL;
  try { u = new URL(url); } catch { return null; }
  const segs = u.pathname.split('/').filter(Boolean).filter((s) => !/^index\.\w+$/i.test(s));
  const host = u.hostname.toLowerCase();
  if (/(^|\.)linkedin\.com$/.test(host)) return segs[0] === 'in' && segs[1] ? segs[1] : null;
  if (/(^|\.)orcid\.org$/.test(host)) return segs[0] && /^\d{4}-/.test(segs[0]) ? segs[0] : null;
  if (segs.length >= 1 && /^~[\w.-]+$/.test(segs[segs.length - 1]!)) return segs[segs.length - 1]!.slice(1);
  for (let i = 0; i < segs.length - 1; i++) {
    if (PROFILE_SEGMENTS.test(segs[i]!) && i + 1 === segs.length - 1) return segs[i + 1]!;
  }
  return null;
}

/** Bullets that introduce contacts or hold thoughts, not groups. */
const NOT_GROUPS = /^(?:contacts?|people|persons|who|met|team members|thoughts|notes|misc|miscellaneous|links|todo|to ?do|follow[- ]?ups?|questions|ideas|summary|agenda|other|others|general)\b/i;

/**
 * The group a line sits under: the nearest bullet or heading above that
 * looks like `ACRONYM - Name`, else the nearest short one (at most 8 words,
 * not a sentence, not "Contact", "Thoughts" and the like).
 */
export function groupOf(lines: OutlineLine[], i: number, person?: string): string | null {
  const own = person ? foldName(person) : null;
  // A level-1 heading is the page's title, not a group.
  const above = ancestors(lines, i).filter((a) => !(a.kind === 'heading' && a.level === 1) && foldName(stripParen(cleanGroup(a.text))) !== own);
  const acronymed = above.find((a) => /^\p{Lu}[\p{Lu}\p{N}&/]{1,11}\s+[-–—:]\s+\S/u.test(a.text));
  if (acronymed) return cleanGroup(acronymed.text);
  for (const a of above) {
    const t = cleanGroup(a.text);
    if (!t || NOT_GROUPS.test(t) || /https?:|@/.test(t)) continue;
    if (words(t).length > 8 || /[.?!]$/.test(t)) continue;
    return t;
  }
  return null;
}

const GROUP_WORDS = String.raw`([Gg]roup|[Tt]eam|[Ss]ection|[Dd]ivision|[Dd]epartment|[Uu]nit)`;
const CAPS = String.raw`((?:\p{Lu}[\p{L}\p{N}&-]{0,40}[ \t]+){1,4})`;
const GROUP_BEFORE = new RegExp(String.raw`(?<![\p{L}\p{N}&-])${CAPS}${GROUP_WORDS}[ \t]*:`, 'u');
const GROUP_AFTER = new RegExp(String.raw`\b(?:head|leader|lead|member|manager|part|coordinator) of (?:the |our )?${CAPS}${GROUP_WORDS}\b`, 'u');

/**
 * A group named on the line itself: before a colon ("Meeting with the Data
 * Curation group: ..." → "Data Curation"), or after the person ("..., head
 * of the Neutron Optics group" → "Neutron Optics").
 */
export function groupInLine(before: string, after = ''): string | null {
  const m = GROUP_BEFORE.exec(before) ?? GROUP_AFTER.exec(after);
  if (!m) return null;
  const name = m[1]!.trim().replace(/^(?:The|Our|Their|With|Met|Meeting|From)\s+/, '');
  if (!name) return null;
  return /^\p{Lu}/u.test(m[2]!) ? `${name} ${m[2]}` : name;
}

const stripParen = (s: string) => s.replace(/\s*\([^()]*\)\s*$/, '');
const cleanGroup = (t: string) => t.replace(/[*_`]+/g, '').replace(/:\s*$/, '').trim();

interface Sighting {
  name: string;
  derived: null | 'url' | 'email';
  email?: string;
  url?: string;
  group: string | null;
  at: PersonAppearance;
}

interface Anchor {
  start: number;
  end: number;
  email?: string;
  url?: string;
  linkText?: string;
}

/** E-mail addresses and profile URLs on a line, in order. */
function anchorsOf(text: string): Anchor[] {
  const out: Anchor[] = [];
  const taken: [number, number][] = [];
  const free = (s: number, e: number) => !taken.some(([a, b]) => s < b && e > a);
  const hasAt = text.includes('@');
  const hasUrl = text.includes('://');
  if (!hasAt && !hasUrl) return out;
  for (const m of (text.includes('](') ? text.matchAll(MD_LINK) : [])) {
    const target = linkTarget(m);
    const s = m.index!;
    const e = s + m[0].length;
    taken.push([s, e]);
    if (/^mailto:/i.test(target)) {
      const email = target.slice(7).split('?')[0]!;
      if (/^[^@\s]+@[^@\s]+\.[A-Za-z]{2,}$/.test(email)) out.push({ start: s, end: e, email, linkText: m[1] });
    } else if (/^https?:/i.test(target) && profileSlug(target)) {
      out.push({ start: s, end: e, url: target, linkText: m[1] });
    } else {
      // Text of ordinary links may still hold an address.
      taken.pop();
    }
  }
  for (const m of (hasUrl ? text.matchAll(URL_RE) : [])) {
    const url = m[0].replace(/[.,;:!?]+$/, '');
    const s = m.index!;
    if (!free(s, s + url.length)) continue;
    taken.push([s, s + url.length]);
    if (profileSlug(url)) out.push({ start: s, end: s + url.length, url });
  }
  for (const m of (hasAt ? text.matchAll(EMAIL_RE) : [])) {
    const s = m.index!;
    const e = s + m[0].length;
    if (!free(s, e)) continue;
    const email = m[0].replace(/^['.]+|[.']+$/g, '');
    const mailto = /mailto:\s*$/i.test(text.slice(Math.max(0, s - 8), s)) ? text.slice(0, s).search(/mailto:\s*$/i) : s;
    out.push({ start: mailto, end: e, email });
  }
  return out.sort((a, b) => a.start - b.start);
}


/** Text before an address that says it belongs to a team or a list: "The SAXS team (saxs@...)". */
const ROLE_BEFORE = /\b(?:team|group|list|office|desk|support|channel|committee|helpdesk|mailing|lab|facility|service)\W*$/i;

/** Every name written on a line (runs of capitalised words, and "Last, First"). */
function lineNames(text: string): string[] {
  const plain = text.replace(URL_RE, ' ').replace(EMAIL_RE, ' ');
  const out: string[] = [];
  for (const m of plain.matchAll(RUN_G)) {
    const n = asName(m[0]);
    if (n) out.push(n);
  }
  for (const m of plain.matchAll(/(?<![\p{L}\p{M}'’-])(\p{Lu}[\p{L}\p{M}'’-]{1,40}),[ \t]{1,4}(\p{Lu}[\p{L}\p{M}'’-]{1,40})(?![\p{L}\p{M}])/gu)) {
    const n = asName(`${m[2]} ${m[1]}`);
    if (n) out.push(n);
  }
  return out;
}

/** True when an address or slug spells part of the name (jane.doe, jdoe, doej for Jane Doe). */
function agrees(name: string, key: string): boolean {
  if (!key) return false;
  const k = foldName(key).replace(/[^a-z]/g, '');
  const ws = words(foldName(name)).filter((w) => !PARTICLES.has(w)).map((w) => w.replace(/[^a-z]/g, '')).filter(Boolean);
  if (!ws.length) return false;
  const last = ws[ws.length - 1]!;
  return (last.length >= 2 && k.includes(last)) || (ws[0]!.length >= 3 && k.includes(ws[0]!));
}

/** The name written next to an anchor, from the text before it (or after it). */
function nameNear(before: string, after: string, single: boolean): string | null {
  let pre = before.replace(/(?:[\s(<[:,;|/–—-]|\b(?:mailto|e-?mail|mail|at|is|via)\b)*$/i, '');
  for (let k = 0; k < 2; k++) {
    const m = RUN_AT_END.exec(pre);
    if (m) {
      const n = asName(m[1]!, { single });
      if (n) return n;
    }
    const stripped = stripParen(pre).replace(/[\s,:;–—-]+$/, '');
    if (stripped === pre) break;
    pre = stripped;
  }
  const post = after.replace(/^[\s)>\],:;|–—-]*\(?/, '');
  const m = RUN_AT_START.exec(post);
  return m ? asName(m[1]!, { single }) : null;
}

function appearance(note: Note, line: number, visit: string | null, source: PersonSource): PersonAppearance {
  return { path: note.path, line, visit, day: noteDay(note), source };
}

/** The sightings of people on one note's anchors and front matter. */
function sightingsOf(note: Note, visit: string | null): Sighting[] {
  const out: Sighting[] = [];
  const fmPeople = getKey(note.frontMatter, 'people');
  if (fmPeople !== undefined && fmPeople !== null) {
    for (const item of Array.isArray(fmPeople) ? fmPeople : [fmPeople]) {
      const at = appearance(note, 1, visit, 'front-matter');
      if (typeof item === 'string') {
        const m = /^\s*(.*?)\s*<([^<>@\s]+@[^<>\s]+)>\s*$/.exec(item);
        const name = (m ? m[1]! : item).trim();
        if (name) out.push({ name, derived: null, email: m?.[2], group: null, at });
      } else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        const s = (k: string) => (typeof getKey(o, k) === 'string' ? (getKey(o, k) as string).trim() : undefined);
        const name = s('name') ?? (s('email') ? nameFromSlug(s('email')!.split('@')[0]!) ?? s('email') : undefined);
        if (name) out.push({ name, derived: s('name') ? null : 'email', email: s('email'), url: s('url'), group: s('group') ?? null, at });
      }
    }
  }
  const lines = noteOutline(note);
  lines.forEach((l, i) => {
    if (l.inCode || l.kind === 'blank') return;
    // Every position below is in this text, nicknames dropped (`Zoë "Z" Smith`).
    const text = dropNicknames(l.text);
    const anchors = anchorsOf(text);
    if (!anchors.length) return;
    let lineFound: Sighting | null = null;
    let names: string[] | null = null;
    const inline = groupInLine(text.slice(Math.max(0, anchors[0]!.start - 200), anchors[0]!.start), text.slice(anchors[0]!.end, anchors[0]!.end + 200));
    anchors.forEach((a, k) => {
      // A name next to an anchor is within a few words of it; bounding the
      // text also keeps the patterns below linear on very long lines.
      const before = text.slice(Math.max(k ? anchors[k - 1]!.end : 0, a.start - 200), a.start);
      const after = text.slice(a.end, Math.min(k + 1 < anchors.length ? anchors[k + 1]!.start : text.length, a.end + 200));
      // Plus-addressing (me+spam@) tags the box, not the person.
      const local = a.email ? a.email.split('@')[0]!.replace(/\+.*$/, '') : '';
      const slug = a.url ? profileSlug(a.url)! : '';
      // One word is a name only when the address spells it (Jane, jane@). Not
      // an unspaced 王伟 either: 連絡先 ("contact") before an address looks the same.
      const single = (n: string | null) => n && (words(n).length > 1 || (local && foldName(local).startsWith(foldName(n)))) ? n : null;
      const key = a.email ? local : slug;
      let name: string | null = null;
      if (a.linkText && !/@|https?:/.test(a.linkText)) name = single(asName(a.linkText.trim(), { single: true }));
      if (!name) {
        // The name next to the anchor, unless another name on the line fits the
        // address better ("Ana Silva & Tomás Ruiz — ana.silva@..., tomas.ruiz@...").
        const near = single(nameNear(before, after, true));
        const better = (names ??= lineNames(text)).filter((n) => agrees(n, key) && !out.some((o) => o.at.line === l.line && o.name === n));
        if (near && agrees(near, key)) name = better.find((n) => words(n).length > words(near).length && foldName(n).includes(foldName(near))) ?? near;
        else name = better[0] ?? near;
      }
      if (!name && a.email && ROLE_BEFORE.test(before)) return;
      if (!name && k === 0 && before.trim() === '' && l.parent !== -1) {
        const parent = lines[l.parent]!;
        if (!anchorsOf(parent.text).length) name = asName(stripParen(dropNicknames(parent.text).replace(/[*_]+/g, '').trim()));
      }
      let derived: Sighting['derived'] = null;
      if (!name) {
        name = a.email ? (isRoleAddress(local) ? null : nameFromSlug(local)) : nameFromSlug(slug);
        derived = a.email ? 'email' : 'url';
      }
      if (!name && lineFound) {
        // An address or profile of a person already named on this line.
        if (a.email) lineFound.email ??= a.email; else lineFound.url ??= a.url;
        return;
      }
      if (!name && a.email && !isRoleAddress(local)) name = a.email;
      if (!name) return;
      const s: Sighting = { name, derived, email: a.email, url: a.url, group: inline ?? groupOf(lines, i, name), at: appearance(note, l.line, visit, a.email ? 'email' : 'profile') };
      out.push(s);
      lineFound ??= s;
    });
  });
  return out;
}

/** First name and last name of a name, folded; particles skipped. */
function firstLast(name: string): [string, string] | null {
  const ws = words(foldName(name)).filter((w) => !PARTICLES.has(w));
  return ws.length >= 2 ? [ws[0]!.replace(/\.$/, ''), ws[ws.length - 1]!] : null;
}

/** True when two first names are the same or one shortens the other (Alex, Alexander). */
function sameFirst(a: string, b: string): boolean {
  if (a === b) return true;
  const [s, l] = a.length < b.length ? [a, b] : [b, a];
  return s.length >= 3 && l.startsWith(s);
}

/** True when `a` and `b` may name the same person: same last name, same or shortened first name. */
export function namesMatch(a: string, b: string): boolean {
  if (foldName(a) === foldName(b)) return true;
  const x = firstLast(a);
  const y = firstLast(b);
  return !!x && !!y && x[1] === y[1] && sameFirst(x[0], y[0]);
}

class UnionFind {
  private parent: number[] = [];
  add(): number { this.parent.push(this.parent.length); return this.parent.length - 1; }
  find(i: number): number { while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!; return i; }
  union(a: number, b: number): void { this.parent[this.find(a)] = this.find(b); }
}

const uniq = <T>(xs: T[]) => [...new Set(xs)];

function buildPerson(group: Sighting[]): Person {
  const written = group.filter((s) => !s.derived);
  const pool = written.length ? written : group;
  const counts = new Map<string, number>();
  for (const s of pool) counts.set(s.name, (counts.get(s.name) ?? 0) + 1);
  const name = [...counts.keys()].sort((a, b) => words(b).length - words(a).length || counts.get(b)! - counts.get(a)! || b.length - a.length)[0]!;
  const emails = uniq(group.map((s) => s.email?.toLowerCase()).filter((e): e is string => !!e));
  return {
    name,
    derived: written.length ? null : group[0]!.derived,
    aliases: uniq(group.map((s) => s.name)).filter((n) => n !== name && !emails.includes(n.toLowerCase())),
    emails: uniq(group.map((s) => s.email).filter((e): e is string => !!e).map((e) => emails.find((x) => x === e.toLowerCase()) ? e : e))
      .filter((e, i, all) => all.findIndex((x) => x.toLowerCase() === e.toLowerCase()) === i),
    urls: uniq(group.map((s) => s.url).filter((u): u is string => !!u)),
    groups: uniq(group.map((s) => s.group).filter((g): g is string => !!g)),
    visits: [],
    days: [],
    appearances: group.map((s) => s.at),
  };
}

/** Merges sightings into people: same e-mail, same profile URL, or matching names without conflicting e-mails. */
function mergeSightings(all: Sighting[]): Person[] {
  const uf = new UnionFind();
  const byKey = new Map<string, number>();
  const emails = new Map<number, Set<string>>();
  const union = (a: number, b: number) => {
    const ra = uf.find(a);
    const rb = uf.find(b);
    if (ra === rb) return;
    uf.union(ra, rb);
    const merged = new Set([...(emails.get(ra) ?? []), ...(emails.get(rb) ?? [])]);
    emails.delete(ra);
    emails.set(uf.find(rb), merged);
  };
  all.forEach((s, i) => {
    uf.add();
    emails.set(i, new Set(s.email ? [s.email.toLowerCase()] : []));
    for (const key of [s.email && `e:${s.email.toLowerCase()}`, s.url && `u:${s.url.replace(/\/+$/, '').toLowerCase()}`]) {
      if (!key) continue;
      const j = byKey.get(key);
      if (j === undefined) byKey.set(key, i); else union(i, j);
    }
  });
  const conflict = (a: number, b: number) => {
    const ea = emails.get(uf.find(a))!;
    const eb = emails.get(uf.find(b))!;
    return ea.size > 0 && eb.size > 0 && ![...ea].some((e) => eb.has(e));
  };
  // Same names (Jane Doe), then matching ones (Jo Berg, Jo Rask Berg), merge
  // unless both sides carry e-mail addresses and those differ. Only names in
  // the same bucket (exact name, then last name) are compared.
  for (const exact of [true, false]) {
    const buckets = new Map<string, number[]>();
    all.forEach((s, i) => {
      const key = exact ? foldName(s.name) : firstLast(s.name)?.[1];
      if (!key) return;
      const b = buckets.get(key);
      if (b) b.push(i); else buckets.set(key, [i]);
    });
    for (const members of buckets.values()) {
      const reps: number[] = [];
      for (const i of members) {
        if (reps.some((r) => uf.find(r) === uf.find(i))) continue;
        const into = reps.find((r) => !conflict(r, i) && (exact || namesMatch(all[r]!.name, all[i]!.name)));
        if (into === undefined) reps.push(i); else union(into, i);
      }
    }
  }
  const clusters = new Map<number, Sighting[]>();
  all.forEach((s, i) => {
    const r = uf.find(i);
    const c = clusters.get(r);
    if (c) c.push(s); else clusters.set(r, [s]);
  });
  return [...clusters.values()].map(buildPerson);
}

/** Adds prose mentions of known people (a written name without an anchor). */
function addMentions(people: Person[], notes: Note[], visitOf: (n: Note) => string | null): void {
  // Last name → the people and first names it may stand for.
  const byLast = new Map<string, { p: Person; first: string; full: string }[]>();
  const index = (p: Person, n: string) => {
    const fl = firstLast(n);
    if (!fl) return;
    const list = byLast.get(fl[1]) ?? [];
    if (!list.some((e) => e.p === p && e.first === fl[0])) list.push({ p, first: fl[0], full: foldName(n) });
    byLast.set(fl[1], list);
  };
  for (const p of people) for (const n of [p.name, ...p.aliases]) index(p, n);
  if (!byLast.size) return;
  const seen = new Map<Person, Set<string>>(people.map((p) => [p, new Set(p.appearances.map((a) => `${a.path}:${a.line}`))]));
  for (const note of notes) {
    for (const l of noteOutline(note)) {
      if (l.inCode || l.kind === 'blank') continue;
      const text = l.text.includes('://') || l.text.includes('@') ? l.text.replace(URL_RE, ' ').replace(EMAIL_RE, ' ') : l.text;
      for (const m of text.matchAll(RUN_G)) {
        const ws = words(m[0]);
        // Most runs hold no known last name: skip them before trying sub-runs.
        if (ws.length < 2 || !ws.some((w) => byLast.has(foldName(w)))) continue;
        for (let i = 0; i < ws.length; i++) {
          for (let j = ws.length; j >= i + 2; j--) {
            const cand = ws.slice(i, j).join(' ');
            const fl = firstLast(cand);
            if (!fl) continue;
            const full = foldName(cand);
            const hit = (byLast.get(fl[1]) ?? []).find((e) => e.full === full || sameFirst(e.first, fl[0]))?.p;
            if (!hit) continue;
            const at = `${note.path}:${l.line}`;
            if (!seen.get(hit)!.has(at)) {
              seen.get(hit)!.add(at);
              hit.appearances.push(appearance(note, l.line, visitOf(note), 'mention'));
            }
            if (cand !== hit.name && !hit.aliases.includes(cand)) { hit.aliases.push(cand); index(hit, cand); }
            i = j - 1;
            break;
          }
        }
      }
    }
  }
}

/**
 * The people met in `notes`, sorted by name, each with e-mails, profile
 * URLs, groups, visits, days and every appearance (path:line).
 */
export function extractPeople(notes: Note[], opts: ExtractPeopleOptions = {}): Person[] {
  const visitOf = opts.visitOf ?? visitResolver(findVisits(notes));
  const sightings = notes.flatMap((n) => sightingsOf(n, visitOf(n)));
  const people = mergeSightings(sightings);
  addMentions(people, notes, visitOf);
  for (const p of people) {
    p.appearances.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
    p.visits = uniq(p.appearances.map((a) => a.visit).filter((v): v is string => !!v)).sort();
    p.days = uniq(p.appearances.map((a) => a.day).filter((d): d is string => !!d)).sort();
  }
  return people.sort((a, b) => a.name.localeCompare(b.name));
}

/** The person with only the appearances `keep` accepts (visits and days recomputed), or null when none is left. */
export function restrictPerson(p: Person, keep: (a: PersonAppearance) => boolean): Person | null {
  const appearances = p.appearances.filter(keep);
  if (!appearances.length) return null;
  if (appearances.length === p.appearances.length) return p;
  const sorted = (xs: (string | null)[]) => uniq(xs.filter((x): x is string => !!x)).sort();
  return { ...p, appearances, visits: sorted(appearances.map((a) => a.visit)), days: sorted(appearances.map((a) => a.day)) };
}

/**
 * People whose name (or another spelling, e-mail or group) matches `query`,
 * fuzzily: `lindkvist` finds "Maja Rask Lindqvist". Exact substring matches
 * of the name come first and, when there are any, alone.
 */
export function searchPeople(people: Person[], query: string): Person[] {
  const q = foldName(query);
  if (!q) return people;
  const exact = people.filter((p) => [p.name, ...p.aliases, ...p.emails].some((n) => foldName(n).includes(q)));
  if (exact.length) return exact;
  // Swapped letters ("lindqivst" for "lindqvist") cost Fuse's bitap two errors: compare words by edit distance too.
  const qWords = words(q);
  const close = people.map((p) => {
    const nameWords = [p.name, ...p.aliases].flatMap((n) => words(foldName(n)));
    let total = 0;
    for (const w of qWords) {
      const best = Math.min(...nameWords.map((n) => (n.startsWith(w) && w.length >= 3 ? 0 : editDistance(w, n))));
      if (best > (w.length <= 4 ? 1 : w.length <= 8 ? 2 : 3)) return null;
      total += best;
    }
    return { p, total };
  }).filter((x): x is { p: Person; total: number } => x !== null).sort((a, b) => a.total - b.total).map((x) => x.p);
  const fuse = new Fuse(people.map((p) => ({ p, names: [p.name, ...p.aliases].map(foldName), emails: p.emails.map((e) => e.toLowerCase()) })), {
    keys: [{ name: 'names', weight: 3 }, { name: 'emails', weight: 1 }],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  return uniq([...close, ...fuse.search(q).map((h) => h.item.p)]);
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
