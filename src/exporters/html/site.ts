/**
 * The HTML site: a model of the export (pages, visits, tags, links between
 * them), then a list of page builders that each emit pages from the model.
 * To add pages (people, follow-ups...), write a PageBuilder and add it to
 * PAGE_BUILDERS: it gets the whole model, may add a link to the header's
 * navigation, and its pages share the shell, stylesheet and search form.
 *
 * Layout of the output (site-relative paths, no server needed):
 *   index.html                       visits, then every day in order; the search box
 *   notes/<folder>/<file>.html       one page per note (the notebook's folders kept)
 *   notes/<folder>/index.html        one page per visit (folder; its _index.md)
 *   tags/index.html, tags/<tag>.html one page per tag
 *   people.html, follow-ups.html     people met, open follow-ups (people-pages.ts)
 *   search-index.json, search-index.js, assets/{style.css,fuse.js,search.js}
 */
import { posix } from 'node:path';
import type MarkdownIt from 'markdown-it';
import type { ExportInput, ExportSink, ExportStats } from '../types.js';
import type { Note } from '../../core/note.js';
import { noteDay } from '../../core/filter.js';
import { slugify } from '../../core/slug.js';
import { stripEmails } from '../../core/emails.js';
import { extractPeople, withoutAddresses, type Person } from '../../core/people.js';
import { extractFollowUps, type FollowUp } from '../../core/followups.js';
import { createRenderer, renderMarkdown, renderMarkdownInline, type LinkTarget, type RenderEnv } from './markdown.js';
import { escapeHtml, href, link, relativeHref, shell, type NavLink } from './layout.js';
import { fuseScript, SEARCH_JS, STYLE_CSS } from './assets.js';
import { SearchIndexBuilder, searchableText, searchIndexScript } from './search-index.js';
import { followUpsPage, peoplePage } from './people-pages.js';

/** A note as the site shows it. */
export interface SiteNote {
  note: Note;
  /** Site-relative path of its page (a visit's `_index.md`: the visit page). */
  path: string;
  day: string | null;
  group: SiteGroup;
  prev: SiteNote | null;
  next: SiteNote | null;
}

/** A folder of notes: a visit when it has an `_index.md`. */
export interface SiteGroup {
  section: string;
  title: string;
  path: string;
  /** The folder's `_index.md`, when exported. */
  index: SiteNote | null;
  /** Its other notes, in order. */
  days: SiteNote[];
  first: string | null;
  last: string | null;
}

export interface SiteTag {
  name: string;
  path: string;
  notes: SiteNote[];
}

/** Everything a page builder may use. */
export interface SiteModel {
  name: string;
  exportedAt: string;
  /** Every exported note, in order. */
  notes: SiteNote[];
  /** Visits (folders with `_index.md`) first, then other folders; each by first day. */
  groups: SiteGroup[];
  tags: SiteTag[];
  /** Tags by lowercase name. */
  tagByKey: Map<string, SiteTag>;
  /** The notebook root's `_index.md`, shown on the index page. */
  home: SiteNote | null;
  /** The body of a note as HTML, its links relative to the page at `from` (default: the note's own page). */
  bodyHtml(sn: SiteNote, from?: string): string;
  /** One line of a note as inline HTML (escaped like a body), its links relative to the page at `from`. */
  inlineHtml(sn: SiteNote, text: string, from: string): string;
  /** The people met in the exported notes (extracted on first use; without e-mail addresses under --strip-emails). */
  people(): SitePerson[];
  /** The open follow-ups of the exported notes (extracted on first use; text without addresses under --strip-emails). */
  followUps(): SiteFollowUp[];
  /** Whether --strip-emails applies. */
  stripEmails: boolean;
  /** Links the home page shows, from the builders' `home` (filled by renderSite). */
  homeLinks: HomeLink[];
}

/** A person met, as the site shows them. */
export interface SitePerson {
  /** From core/people.ts; under --strip-emails its e-mails are empty and no text holds an address. */
  person: Person;
  /** The anchor of the person on people.html. */
  id: string;
  /** The exported pages the person appears on, in site order. */
  notes: SiteNote[];
}

/** An open follow-up, as the site shows it. */
export interface SiteFollowUp {
  /** From core/followups.ts; under --strip-emails its text holds no address. */
  followUp: FollowUp;
  /** The page of the note it is in. */
  note: SiteNote;
}

/** A link the home page shows for a family of pages (people, follow-ups). */
export interface HomeLink {
  label: string;
  path: string;
  /** A short count, e.g. "4 people". */
  detail: string;
}

/** One page to write. */
export interface SitePage {
  path: string;
  title: string;
  /** The content of <main>. */
  main: string;
  scripts?: string[];
  searchPage?: boolean;
}

/** A family of pages. */
export interface PageBuilder {
  /** A link in every page's header, if any. */
  nav?: NavLink;
  /** A link on the home page (index.html), if any. */
  home?(site: SiteModel): HomeLink | null;
  /**
   * Work to do before the pages, while a worker thread renders note bodies
   * (extracting people costs seconds on large notebooks: done here, it
   * overlaps with the worker instead of adding to the export's time).
   */
  prepare?(site: SiteModel): void;
  /** Entries for the search index besides the notes (people, ...). */
  search?(site: SiteModel): Iterable<SearchEntry>;
  pages(site: SiteModel): Iterable<SitePage>;
}

/** A row of the search index: what the result shows, and the text whose words find it. */
export interface SearchEntry {
  path: string;
  title: string;
  day: string;
  visit: string;
  tags: string;
  text: string;
}

// ---------------------------------------------------------------- paths

const WINDOWS_RESERVED = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/i;

/** A file or folder name that is safe on every file system a USB stick may have, and in a file:// URL. */
export function safeSegment(s: string): string {
  let t = s.replace(/[<>:"\\|?*#%\x00-\x1f\x7f]/g, '-').replace(/[. ]+$/, '');
  if (!t) t = '_';
  if (WINDOWS_RESERVED.test(t)) t = `_${t}`;
  return t;
}

/** A site path with safe segments. */
const safePath = (p: string) => p.split('/').filter(Boolean).map(safeSegment).join('/');

/** Hands out unique paths (case-insensitively: FAT and macOS file systems fold case). */
class PathAllocator {
  private used = new Set<string>();
  take(path: string): string {
    let p = path;
    for (let i = 2; this.used.has(p.toLowerCase()); i++) p = path.replace(/(\.[a-z]+)?$/, `-${i}$1`);
    this.used.add(p.toLowerCase());
    return p;
  }
}

export { relativeHref } from './layout.js';

/** Prefix from a page to the site root. */
export const rootOf = (path: string) => '../'.repeat(path.split('/').length - 1);

// ---------------------------------------------------------------- model

function stripped(n: Note): Note {
  return { ...n, title: stripEmails(n.title), menuTitle: n.menuTitle && stripEmails(n.menuTitle), body: stripEmails(n.body), tags: n.tags.map(stripEmails).filter((t) => t.trim() !== '') };
}

const STEM = /\.md$/i;
/** The page listing the tags (tag pages are beside it). */
const TAGS_INDEX = 'tags/index.html';
/** Files a note's images may be copied from (never notes, dot-files or anything else of the notebook). */
const IMAGE = /\.(png|jpe?g|gif|svg|webp|avif|bmp|ico|tiff?)$/i;

interface Resolver {
  byKey: Map<string, SiteNote>;
  byStem: Map<string, SiteNote[]>;
  /** Keys inside a content dir without its `content.xx/` (see inContentDir): built once, not per link. */
  byContentKey: Map<string, SiteNote[]>;
}

/**
 * A notebook folder that is a Hugo content dir of its own (`content.en/`,
 * `content.zh/`: a multilingual site's `contentDir` per language), whose
 * pages Hugo serves from the site root: `/docs/x/` is `content.en/docs/x.md`.
 */
const CONTENT_DIR = /^content(\.[\w-]+)?\//;

/** The note a site-root path names inside a content dir, preferring the linking note's own (its language). */
function inContentDir(r: Resolver, from: Note, key: string): SiteNote | null {
  const own = CONTENT_DIR.exec(from.path.toLowerCase())?.[0];
  if (own) return r.byKey.get(own + key) ?? null;
  const hits = r.byContentKey.get(key);
  return hits?.length === 1 ? hits[0]! : null;
}

function buildResolver(notes: SiteNote[]): Resolver {
  const byKey = new Map<string, SiteNote>();
  const byStem = new Map<string, SiteNote[]>();
  for (const sn of notes) {
    const key = sn.note.path.replace(STEM, '').toLowerCase();
    byKey.set(key, sn);
    const base = key.slice(key.lastIndexOf('/') + 1);
    if (base === '_index' || base === 'index') {
      const folder = key.slice(0, Math.max(0, key.lastIndexOf('/')));
      if (base === '_index' || !byKey.has(folder)) byKey.set(folder, sn);
    } else {
      const list = byStem.get(base);
      if (list) list.push(sn); else byStem.set(base, [sn]);
    }
  }
  const byContentKey = new Map<string, SiteNote[]>();
  for (const [k, sn] of byKey) {
    if (!CONTENT_DIR.test(k)) continue;
    const key = k.replace(CONTENT_DIR, '');
    const list = byContentKey.get(key);
    // One note under two keys (its path and its folder's, for _index) is one hit.
    if (!list) byContentKey.set(key, [sn]); else if (!list.includes(sn)) list.push(sn);
  }
  return { byKey, byStem, byContentKey };
}

/** Finds the note a link or ref names, as Hugo does: relative to the page, then from the root, then by unique name. */
function findNote(r: Resolver, from: Note, target: string, kind: 'ref' | 'url'): SiteNote | null {
  const p = target.trim();
  const rooted = p.startsWith('/');
  const clean = (s: string) => posix.normalize(s).replace(/^\/+|\/+$/g, '').replace(STEM, '').toLowerCase();
  const tries: string[] = [];
  if (!rooted) {
    const rel = posix.normalize(posix.join(from.section || '.', p));
    if (!rel.startsWith('..')) tries.push(clean(rel));
  }
  if (rooted || kind === 'ref') tries.push(clean(p));
  for (const t of tries) {
    const hit = r.byKey.get(t === '.' ? '' : t);
    if (hit) return hit;
  }
  if (rooted) {
    const hit = inContentDir(r, from, clean(p));
    if (hit) return hit;
  }
  if (kind === 'ref' && !p.includes('/')) {
    const list = r.byStem.get(clean(p));
    if (list?.length === 1) return list[0]!;
  }
  return null;
}

/** A short, stable hash of a text (FNV-1a, base 36). */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * Where an image of the notebook is copied: its own path, or when that is not
 * safe (`q?.png`) the safe path with a hash of the original (`q--1k2j3.png`),
 * so that `q?.png`, `q#.png` and `q-.png` stay three files. A function of the
 * path alone: the worker thread and the main thread must agree (parallel.ts).
 */
export function imagePath(rel: string): string {
  const safe = safePath(rel);
  return `notes/${safe === rel ? safe : safe.replace(/(\.[^./]*)?$/, (ext) => `-${shortHash(rel)}${ext}`)}`;
}

function groupTitle(section: string, index: Note | null): string {
  return index?.title ?? (section ? section.split('/').pop()! : 'Other notes');
}

/** Builds the site model from the chosen notes. */
export function buildModel(input: ExportInput, md: MarkdownIt, sink: ExportSink, problems: { missing: Set<string> }): SiteModel & { copyImage(rel: string): string | null } {
  const notes = input.stripEmails ? input.notes.map(stripped) : input.notes;
  const paths = new PathAllocator();
  const groups = new Map<string, SiteGroup>();
  const groupOf = (section: string) => {
    let g = groups.get(section);
    if (!g) {
      g = { section, title: '', path: paths.take(section ? `notes/${safePath(section)}/index.html` : 'notes/index.html'), index: null, days: [], first: null, last: null };
      groups.set(section, g);
    }
    return g;
  };
  // Visit pages first, so that a note named index.md gives way to them.
  for (const n of notes) groupOf(n.section);
  const siteNotes: SiteNote[] = [];
  let home: SiteNote | null = null;
  for (const n of notes) {
    const g = groupOf(n.section);
    const sn: SiteNote = {
      note: n,
      path: n.isSection ? g.path : paths.take(`notes/${safePath(n.path.replace(STEM, ''))}.html`),
      day: noteDay(n),
      group: g,
      prev: null,
      next: null,
    };
    if (n.isSection) { g.index = sn; if (!n.section) home = sn; } else g.days.push(sn);
    siteNotes.push(sn);
  }
  for (const g of groups.values()) {
    g.title = groupTitle(g.section, g.index?.note ?? null);
    g.days.forEach((d, i) => { d.prev = g.days[i - 1] ?? null; d.next = g.days[i + 1] ?? null; });
    const days = g.days.map((d) => d.day).filter((d): d is string => !!d).sort();
    g.first = days[0] ?? g.index?.day ?? null;
    g.last = days[days.length - 1] ?? g.first;
  }
  const ordered = [...groups.values()].sort((a, b) => {
    const visit = Number(!a.index) - Number(!b.index);
    if (visit) return visit;
    if (a.first !== b.first) return a.first === null ? 1 : b.first === null ? -1 : a.first < b.first ? -1 : 1;
    return a.section < b.section ? -1 : a.section > b.section ? 1 : 0;
  });
  const tagMap = new Map<string, SiteTag>();
  const tagPaths = new PathAllocator();
  // The overview is taken first, so that a tag named "index" gets tags/index-2.html.
  tagPaths.take(TAGS_INDEX);
  for (const sn of siteNotes) {
    for (const key of new Set(sn.note.tags.map((t) => t.toLowerCase()))) {
      let tag = tagMap.get(key);
      if (!tag) {
        const name = sn.note.tags.find((t) => t.toLowerCase() === key)!;
        tagMap.set(key, (tag = { name, path: tagPaths.take(`tags/${slugify(name) || 'tag'}.html`), notes: [] }));
      }
      tag.notes.push(sn);
    }
  }
  const tags = [...tagMap.values()].sort((a, b) => a.name.localeCompare(b.name));
  const resolver = buildResolver(siteNotes);
  const images = new Map<string, string | null>();
  /** Copies an image of the notebook into the site once; its site path, or null when there is no such file. */
  const copyImage = (rel: string): string | null => {
    let out = images.get(rel);
    if (out === undefined) {
      const data = input.resources.notebookFile(rel);
      out = data ? imagePath(rel) : null;
      if (data && out) sink.write(out, data);
      images.set(rel, out);
    }
    return out;
  };
  const envFor = (sn: SiteNote, from: string): RenderEnv => ({
    link(path, frag, kind): LinkTarget {
      if (!path) return kind === 'ref' ? { href: from === sn.path ? `#${encodeURIComponent(frag)}` : relativeHref(from, sn.path, encodeURIComponent(frag)) } : null;
      const hit = findNote(resolver, sn.note, path, kind);
      if (hit) return { href: relativeHref(from, hit.path, frag ? encodeURIComponent(frag) : '') };
      // A site-root link that names no page here would be dead under file://.
      if (kind === 'ref' || STEM.test(path) || path.startsWith('/')) {
        problems.missing.add(`${sn.note.path} → ${path}`);
        return { missing: path };
      }
      return null;
    },
    image(src) {
      const rel = posix.normalize(src.startsWith('/') ? src.slice(1) : posix.join(sn.note.section || '.', src));
      if (rel.startsWith('..') || !IMAGE.test(rel) || rel.split('/').some((seg) => seg.startsWith('.'))) return null;
      const out = copyImage(rel);
      return out ? relativeHref(from, out) : null;
    },
  });
  const bodyHtml = (sn: SiteNote, from = sn.path): string => renderMarkdown(md, sn.note.body, envFor(sn, from));
  const inlineHtml = (sn: SiteNote, text: string, from: string): string => renderMarkdownInline(md, text, envFor(sn, from));
  const byPath = new Map(siteNotes.map((sn) => [sn.note.path, sn]));
  let people: SitePerson[] | undefined;
  let followUps: SiteFollowUp[] | undefined;
  const strip = input.stripEmails;
  const site = {
    name: input.notebook.name, exportedAt: input.now.toISOString(), notes: siteNotes, groups: ordered, tags, tagByKey: tagMap, home,
    bodyHtml, inlineHtml, copyImage, stripEmails: strip, homeLinks: [] as HomeLink[],
    // Extracted from the notes as written (an address is what makes someone a person), then stripped.
    people: () => (people ??= sitePeople(extractPeople(input.notes), byPath, strip)),
    followUps: () => (followUps ??= extractFollowUps(input.notes).flatMap((f) => {
      const note = byPath.get(f.path);
      return note ? [{ followUp: strip ? { ...f, text: stripEmails(f.text), under: f.under && stripEmails(f.under), title: stripEmails(f.title) } : f, note }] : [];
    })),
  };
  return site;
}

/** The people as the site shows them: each with an anchor and the pages they appear on; addresses removed under --strip-emails. */
function sitePeople(people: Person[], byPath: Map<string, SiteNote>, strip: boolean): SitePerson[] {
  const ids = new PathAllocator();
  const order = new Map([...byPath.values()].map((sn, i) => [sn, i]));
  const out: SitePerson[] = [];
  for (const p of people) {
    const person = strip ? withoutAddresses(p) : p;
    if (!person) continue;
    const notes = [...new Set(p.appearances.map((a) => byPath.get(a.path)).filter((sn): sn is SiteNote => !!sn))]
      .sort((a, b) => order.get(a)! - order.get(b)!);
    out.push({ person, id: ids.take(`person-${slugify(person.name) || 'someone'}`), notes });
  }
  return out;
}

// ---------------------------------------------------------------- pages


function tagList(from: string, site: SiteModel, tags: string[]): string {
  if (!tags.length) return '';
  return `<ul class="tags">${tags.map((t) => {
    const tag = site.tagByKey.get(t.toLowerCase());
    return `<li>${tag ? link(from, tag.path, t) : escapeHtml(t)}</li>`;
  }).join('')}</ul>`;
}

function range(g: SiteGroup): string {
  if (!g.first) return '';
  return g.first === g.last || !g.last ? g.first : `${g.first} – ${g.last}`;
}

/** A table of notes: date, title (linked), tags; optionally the visit. */
function noteTable(from: string, site: SiteModel, notes: SiteNote[], withVisit = false): string {
  if (!notes.length) return '<p class="meta">No days.</p>';
  const rows = notes.map((sn) => `<tr><td class="date">${escapeHtml(sn.day ?? '')}</td><td>${link(from, sn.path, sn.note.title)}${sn.note.draft ? ' <span class="tag">draft</span>' : ''}${withVisit ? ` <span class="meta">· ${link(from, sn.group.path, sn.group.title)}</span>` : ''}</td><td class="tags-cell">${tagList(from, site, sn.note.tags)}</td></tr>`);
  return `<table class="list">\n${rows.join('\n')}\n</table>`;
}

/** index.html: the search box, the visits, then every day in order. */
export const homePage: PageBuilder = {
  *pages(site) {
    const path = 'index.html';
    const parts: string[] = [`<h1>${escapeHtml(site.home?.note.title ?? site.name)}</h1>`];
    if (site.home) parts.push(`<div class="body">${site.bodyHtml(site.home, path)}</div>`);
    parts.push(`<section id="notes-search"><input type="search" id="notes-q" placeholder="Search notes (typos are fine)" aria-label="Search notes" autocomplete="off">
<p id="notes-search-status" class="search-status" aria-live="polite"></p><ol id="notes-results"></ol></section>`);
    const visits = site.groups.filter((g) => g.index && g.section);
    // Always there: every page's header links to it.
    parts.push('<h2 id="notes-visits">Visits</h2>');
    if (!visits.length) parts.push('<p class="meta">No visits (folders with an <code>_index.md</code>).</p>');
    else {
      parts.push(`<table class="list">\n${visits.map((g) => `<tr><td class="date">${escapeHtml(range(g))}</td><td>${link(path, g.path, g.title)} <span class="meta">· ${g.days.length} ${g.days.length === 1 ? 'day' : 'days'}</span></td><td class="tags-cell">${tagList(path, site, g.index!.note.tags)}</td></tr>`).join('\n')}\n</table>`);
    }
    if (site.homeLinks.length) {
      parts.push(`<ul class="home-links">\n${site.homeLinks.map((l) => `<li>${link(path, l.path, l.label)} <span class="meta">· ${escapeHtml(l.detail)}</span></li>`).join('\n')}\n</ul>`);
    }
    parts.push('<h2 id="notes-days">Days</h2>');
    for (const g of site.groups) {
      if (!g.days.length) continue;
      parts.push(`<h3>${link(path, g.path, g.title)} <span class="meta">${escapeHtml(range(g))}</span></h3>`);
      parts.push(noteTable(path, site, g.days));
    }
    yield { path, title: 'Index', main: parts.join('\n'), scripts: ['assets/fuse.js', 'search-index.js', 'assets/search.js'], searchPage: true };
  },
};

/** One page per note, with previous/next day links within its visit. */
export const notePages: PageBuilder = {
  *pages(site) {
    for (const sn of site.notes) {
      if (sn.note.isSection) continue;
      const n = sn.note;
      const p = sn.path;
      const meta = [
        sn.day ? `<time datetime="${escapeHtml(sn.day)}">${escapeHtml(sn.day)}</time>` : '',
        n.menuTitle && n.menuTitle !== sn.day ? escapeHtml(n.menuTitle) : '',
        n.categories.length ? `in ${n.categories.map(escapeHtml).join(', ')}` : '',
        n.draft ? '<span class="tag">draft</span>' : '',
      ].filter(Boolean).join(' · ');
      const nav = sn.prev || sn.next
        ? `<nav class="prevnext">${sn.prev ? `<a class="prev" rel="prev" href="${relativeHref(p, sn.prev.path)}">← ${escapeHtml(sn.prev.day ? `${sn.prev.day} · ` : '')}${escapeHtml(sn.prev.note.title)}</a>` : ''}${sn.next ? `<a class="next" rel="next" href="${relativeHref(p, sn.next.path)}">${escapeHtml(sn.next.day ? `${sn.next.day} · ` : '')}${escapeHtml(sn.next.note.title)} →</a>` : ''}</nav>`
        : '';
      const main = `<p class="crumbs">${link(p, sn.group.path, sn.group.title)}</p>
<article class="note">
<h1>${escapeHtml(n.title)}</h1>
<p class="meta">${meta}</p>
${tagList(p, site, n.tags)}
<div class="body">
${site.bodyHtml(sn)}</div>
</article>
${nav}`;
      yield { path: p, title: sn.day ? `${n.title} (${sn.day})` : n.title, main };
    }
  },
};

/** One page per visit (folder): its `_index.md` and its days. */
export const visitPages: PageBuilder = {
  *pages(site) {
    for (const g of site.groups) {
      const p = g.path;
      const main = `<h1>${escapeHtml(g.title)}</h1>
<p class="meta">${escapeHtml(range(g))}${g.days.length ? ` · ${g.days.length} ${g.days.length === 1 ? 'day' : 'days'}` : ''}</p>
${g.index ? `${tagList(p, site, g.index.note.tags)}<div class="body">${site.bodyHtml(g.index)}</div>` : ''}
<h2>Days</h2>
${noteTable(p, site, g.days)}`;
      yield { path: p, title: g.title, main };
    }
  },
};

/** A page per tag, and a page listing the tags. */
export const tagPages: PageBuilder = {
  nav: { label: 'Tags', path: TAGS_INDEX },
  *pages(site) {
    const list = site.tags.map((t) => `<li>${link(TAGS_INDEX, t.path, t.name)} <span class="meta">(${t.notes.length})</span></li>`);
    yield { path: TAGS_INDEX, title: 'Tags', main: `<h1>Tags</h1>\n${list.length ? `<ul>\n${list.join('\n')}\n</ul>` : '<p class="meta">No tags.</p>'}` };
    for (const t of site.tags) {
      yield { path: t.path, title: `Tag: ${t.name}`, main: `<h1>Tag: ${escapeHtml(t.name)}</h1>\n${noteTable(t.path, site, t.notes, true)}` };
    }
  },
};

const visitsNav: PageBuilder = { nav: { label: 'Visits', path: 'index.html#notes-visits' }, pages: () => [] };

/** Every family of pages, in the order of the header's links. */
export const PAGE_BUILDERS: PageBuilder[] = [visitsNav, homePage, notePages, visitPages, tagPages, peoplePage, followUpsPage];

// ---------------------------------------------------------------- render

/**
 * Exports with fewer notes render on one thread: starting a worker (module,
 * notes, model) costs about what it saves at 1,000 notes (measured on hugo-docs).
 */
export const PARALLEL_FROM = 1000;

/** Renders the whole site into `sink`. */
export async function renderSite(input: ExportInput, sink: ExportSink, builders: PageBuilder[] = PAGE_BUILDERS): Promise<ExportStats> {
  const md = createRenderer();
  const problems = { missing: new Set<string>() };
  const site = buildModel(input, md, sink, problems);
  const nav = builders.flatMap((b) => (b.nav ? [b.nav] : []));
  const search = new SearchIndexBuilder();
  const total = site.notes.length;
  let files = 0;
  let threads = 1;
  // Bodies rendered ahead (half of them by a worker thread when there is one), by note.
  const bodies = new Map<SiteNote, string>();
  const progress = () => input.progress?.(bodies.size, total);
  if ((input.threads ?? 1) > 1 && total >= PARALLEL_FROM) {
    // Both threads take the next note from one shared counter, so neither
    // waits for the other however long the worker takes to start.
    const { renderInWorker } = await import('./parallel.js');
    const next = new Int32Array(new SharedArrayBuffer(4));
    const job = renderInWorker(input, next, (i, html) => { bodies.set(site.notes[i]!, html); });
    if (job) {
      for (const b of builders) b.prepare?.(site);
      for (let i = Atomics.add(next, 0, 1), n = 1; i < total; i = Atomics.add(next, 0, 1), n++) {
        bodies.set(site.notes[i]!, site.bodyHtml(site.notes[i]!));
        if (n % 32 === 0) { progress(); await new Promise((r) => setImmediate(r)); }
      }
      const done = await job.catch(() => null);
      if (done) {
        threads = 2;
        for (const m of done.missing) problems.missing.add(m);
        for (const rel of done.images) site.copyImage(rel);
      }
      progress();
    }
  }
  const counted: SiteModel = {
    ...site,
    bodyHtml(sn, from) {
      const ahead = from === undefined || from === sn.path ? bodies.get(sn) : undefined;
      if (ahead !== undefined) return ahead;
      const html = site.bodyHtml(sn, from);
      if (!bodies.has(sn) && (from === undefined || from === sn.path)) { bodies.set(sn, html); progress(); }
      return html;
    },
  };
  for (const sn of site.notes) {
    search.add([href('', sn.path), sn.note.title, sn.day ?? '', sn.note.isSection ? '' : sn.group.title, sn.note.tags.join(', ')], searchableText(sn.note.body));
  }
  for (const b of builders) {
    for (const e of b.search?.(counted) ?? []) search.add([href('', e.path), e.title, e.day, e.visit, e.tags], e.text);
  }
  counted.homeLinks = builders.flatMap((b) => { const l = b.home?.(counted); return l ? [l] : []; });
  for (const b of builders) {
    for (const page of b.pages(counted)) {
      sink.write(page.path, shell({
        title: page.title, site: site.name, root: rootOf(page.path), nav, main: page.main,
        scripts: page.scripts, exportedAt: site.exportedAt, searchPage: page.searchPage,
      }));
      files++;
    }
  }
  const json = JSON.stringify(search.build());
  sink.write('search-index.json', json);
  sink.write('search-index.js', searchIndexScript(json));
  sink.write('assets/style.css', STYLE_CSS);
  sink.write('assets/search.js', SEARCH_JS);
  sink.write('assets/fuse.js', fuseScript(input.resources.packageFile('fuse.js/min')));
  files += 5;
  const warnings: string[] = [];
  if (problems.missing.size) {
    const examples = [...problems.missing].sort().slice(0, 3).join('; ');
    warnings.push(`${problems.missing.size} links point to notes that are not in this export (shown as plain text), e.g. ${examples}`);
  }
  return { files, warnings, threads };
}
