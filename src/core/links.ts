/**
 * Links: the web addresses written in notes, de-duplicated, each with every
 * place it appears and the text around it. Bare URLs, `<...>` autolinks and
 * Markdown links `[text](url)` count; fenced code blocks do not.
 */
import type { Note } from './note.js';
import { noteDay } from './filter.js';
import { noteOutline, ancestors } from './outline.js';
import { findVisits, visitResolver } from './visit.js';
import { linkTarget, mdLinkPattern } from './md-link.js';

export interface LinkPlace {
  path: string;
  /** 1-based line of the file. */
  line: number;
  day: string | null;
  visit: string | null;
  /** The link text of a Markdown link, else null. */
  label: string | null;
  /** The line without the URL, or the bullet above when the line is only the URL. */
  context: string;
}

export interface Link {
  url: string;
  host: string;
  places: LinkPlace[];
}

const MD_LINK = mdLinkPattern();
const URL_RE = /\bhttps?:\/\/[^\s<>"'`\]]+/g;

/** Trims what prose puts after a URL: final punctuation and an unbalanced `)`. */
export function trimUrl(url: string): string {
  const punct = /[.,;:!?*_'"]/;
  let end = url.length;
  while (end > 0 && punct.test(url[end - 1]!)) end--;
  let open = 0;
  let close = 0;
  for (let i = 0; i < end; i++) { if (url[i] === '(') open++; else if (url[i] === ')') close++; }
  while (end > 0 && url[end - 1] === ')' && open < close) {
    end--;
    close--;
    while (end > 0 && /[.,;:!?]/.test(url[end - 1]!)) end--;
  }
  return url.slice(0, end);
}

/** The key two spellings of a URL share: host lowercased, no trailing slash. */
function urlKey(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}${u.search}${u.hash}`;
  } catch { return url; }
}

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The URLs of one line, with their Markdown labels. */
export function urlsOf(text: string): { url: string; label: string | null; start: number; end: number }[] {
  const out: { url: string; label: string | null; start: number; end: number }[] = [];
  if (text.includes('](')) {
    for (const m of text.matchAll(MD_LINK)) {
      const target = linkTarget(m);
      // Other links (`[a](other.md)`) are not web addresses; a URL in their text still is.
      if (/^https?:\/\//i.test(target)) out.push({ url: trimUrl(target), label: m[1]!.trim() || null, start: m.index!, end: m.index! + m[0].length });
    }
  }
  for (const m of text.matchAll(URL_RE)) {
    const s = m.index!;
    if (out.some((o) => s >= o.start && s < o.end)) continue;
    const url = trimUrl(m[0]);
    out.push({ url, label: null, start: s, end: s + url.length });
  }
  return out.sort((a, b) => a.start - b.start);
}

/** The links of `notes`, in order of first appearance (by day, then path and line). */
export function extractLinks(notes: Note[], opts: { visitOf?: (n: Note) => string | null } = {}): Link[] {
  const visitOf = opts.visitOf ?? visitResolver(findVisits(notes));
  const byKey = new Map<string, Link>();
  const ordered = [...notes].sort((a, b) => ((noteDay(a) ?? '9999') < (noteDay(b) ?? '9999') ? -1 : (noteDay(a) ?? '9999') > (noteDay(b) ?? '9999') ? 1 : a.path < b.path ? -1 : 1));
  for (const note of ordered) {
    const lines = noteOutline(note);
    lines.forEach((l, i) => {
      if (l.inCode || l.kind === 'blank') return;
      const urls = urlsOf(l.text);
      if (!urls.length) return;
      let rest = l.text;
      for (const u of [...urls].reverse()) rest = rest.slice(0, u.start) + (u.label ?? '') + rest.slice(u.end);
      // Context is for reading: a long line is cut (which also keeps the clean-up linear).
      rest = squash(rest.slice(0, 1000).replace(/[<>]/g, ' ')).replace(/\s+([.,;:!?])/g, '$1').replace(/^[-–—:,;()\s]+|[-–—:,;(\s]+$/g, '');
      const up = ancestors(lines, i)[0];
      const context = rest || (up ? squash(up.text) : '');
      for (const u of urls) {
        const key = urlKey(u.url);
        let link = byKey.get(key);
        if (!link) {
          let host = '';
          try { host = new URL(u.url).host.toLowerCase(); } catch { /* not parseable: no host */ }
          link = { url: u.url, host, places: [] };
          byKey.set(key, link);
        }
        if (link.places.some((p) => p.path === note.path && p.line === l.line)) continue;
        link.places.push({ path: note.path, line: l.line, day: noteDay(note), visit: visitOf(note), label: u.label, context });
      }
    });
  }
  return [...byKey.values()];
}
