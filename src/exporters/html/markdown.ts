/**
 * Markdown to HTML for the site: markdown-it (CommonMark) with raw HTML
 * escaped (`html: false`: a note's `<script>` shows as text, never runs),
 * links between notes pointed at the exported pages, Hugo shortcodes
 * degraded (see shortcodes.ts), and bare URLs, `mailto:` and e-mail
 * addresses made links by a cheap pass of our own: markdown-it's `linkify`
 * option makes rendering ~3x slower (../shared/LIBRARY-NOTES.md).
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateCore from 'markdown-it/lib/rules_core/state_core.mjs';
import { expandShortcodes, MARK_CLOSE, MARK_OPEN, REF_SCHEME, type Marker } from './shortcodes.js';
import { EMAIL_SOURCE } from '../../core/emails.js';
import { escapeHtml } from './layout.js';
import { HeadingIds, parseHeadingAttributes } from './heading-ids.js';

/** Where a link of a note leads in the export. */
export type LinkTarget =
  | { href: string }
  /** A note that is not in this export: the link text stays, without a link. */
  | { missing: string }
  /** Not a link to a note: leave it as written. */
  | null;

/** What the renderer asks the site while rendering one note. */
export interface RenderEnv {
  /**
   * Resolves a link target: a `ref`/`relref` argument, or a relative URL of
   * the note, given as its path and fragment, both percent-decoded.
   */
  link(path: string, frag: string, kind: 'ref' | 'url'): LinkTarget;
  /** A relative image source (decoded path, without query or fragment): the URL to use, or null to leave it. */
  image(src: string): string | null;
}

const AUTOLINK = new RegExp(String.raw`\b(?:https?://|www\.)[^\s<>"'\`]+|\bmailto:[^\s<>()"'\`]+|${EMAIL_SOURCE}`, 'gi');
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** Trailing punctuation is not part of a bare URL (a closing paren only when unbalanced). */
function trimUrl(url: string): string {
  let u = url.replace(/[.,;:!?'"*_]+$/, '');
  while (u.endsWith(')') && (u.match(/\(/g)?.length ?? 0) < (u.match(/\)/g)?.length ?? 0)) u = u.slice(0, -1).replace(/[.,;:!?]+$/, '');
  return u;
}

function safeDecode(s: string): string {
  try { return decodeURIComponent(s); } catch { return s; }
}

/**
 * Gives each heading Hugo's id (see heading-ids.ts): run before the inline
 * rules, so that a trailing `{#id .class}` leaves the heading's text and the
 * auto id comes from the raw source line, as goldmark reads it.
 */
function headingIds(state: StateCore): void {
  const ids = new HeadingIds();
  state.tokens.forEach((open, i) => {
    const inline = state.tokens[i + 1];
    if (open.type !== 'heading_open' || inline?.type !== 'inline') return;
    // A setext heading spans lines: goldmark looks at the last one only.
    const cut = inline.content.lastIndexOf('\n') + 1;
    const attrs = parseHeadingAttributes(inline.content.slice(cut));
    if (attrs) {
      inline.content = inline.content.slice(0, cut) + attrs.text;
      if (attrs.classes.length) open.attrSet('class', attrs.classes.join(' '));
    }
    if (attrs?.id !== undefined) ids.put(attrs.id);
    open.attrSet('id', attrs?.id ?? ids.generate(inline.content.slice(cut)));
  });
}

/**
 * A relative URL's path and fragment, each percent-decoded, the query
 * dropped. Split before decoding: `what%3F.md` and `a%23b.md` name the notes
 * `what?.md` and `a#b.md`, not `what` with a query or `a` with an anchor.
 */
export function splitUrl(url: string): { path: string; frag: string } {
  const hash = url.indexOf('#');
  const path = (hash === -1 ? url : url.slice(0, hash)).replace(/\?.*$/, '');
  return { path: safeDecode(path), frag: hash === -1 ? '' : safeDecode(url.slice(hash + 1)) };
}

/**
 * A link or image whose destination is a shortcode other than ref/relref
 * (`[t]({{% eturl rss %}})`) has no URL in the export: the destination is
 * removed (markdown-it had percent-encoded the marker into it, a dead href)
 * and the link keeps its text, with the shortcode in its title (the marker
 * there becomes the shortcode's text, see replaceMarkers). True when done.
 */
function dropShortcodeUrl(t: Token, attr: 'href' | 'src'): boolean {
  const url = safeDecode(t.attrGet(attr) ?? '');
  if (!url.includes(MARK_OPEN)) return false;
  t.attrs = (t.attrs ?? []).filter(([k]) => k !== attr);
  t.attrSet('class', 'missing-link');
  t.attrSet('title', `Hugo shortcode, not rendered in this export: ${url}`);
  return true;
}

/** Makes the markdown-it instance used for every note of an export. */
export function createRenderer(): MarkdownIt {
  const md = new MarkdownIt({ html: false, linkify: false, typographer: false });

  const linkTokens = (state: StateCore, text: string, level: number): Token[] | null => {
    AUTOLINK.lastIndex = 0;
    const out: Token[] = [];
    let pos = 0;
    for (let m = AUTOLINK.exec(text); m; m = AUTOLINK.exec(text)) {
      const raw = trimUrl(m[0]);
      if (!raw) continue;
      const isMail = !HAS_SCHEME.test(raw) && !raw.toLowerCase().startsWith('www.');
      const url = isMail ? `mailto:${raw}` : raw.toLowerCase().startsWith('www.') ? `http://${raw}` : raw;
      const href = md.normalizeLink(url);
      if (!md.validateLink(href) || raw === 'mailto:') continue;
      if (m.index > pos) out.push(Object.assign(new state.Token('text', '', 0), { content: text.slice(pos, m.index), level }));
      const open = new state.Token('link_open', 'a', 1);
      open.attrs = [['href', href]];
      open.markup = 'linkify';
      open.info = 'auto';
      open.level = level;
      out.push(open);
      out.push(Object.assign(new state.Token('text', '', 0), { content: raw, level: level + 1 }));
      out.push(Object.assign(new state.Token('link_close', 'a', -1), { markup: 'linkify', info: 'auto', level }));
      pos = m.index + raw.length;
      AUTOLINK.lastIndex = pos;
    }
    if (!out.length) return null;
    if (pos < text.length) out.push(Object.assign(new state.Token('text', '', 0), { content: text.slice(pos), level }));
    return out;
  };

  const rewriteLink = (t: Token, env: RenderEnv) => {
    const href = t.attrGet('href');
    if (!href) return;
    if (dropShortcodeUrl(t, 'href')) return;
    let target: LinkTarget = null;
    if (href.startsWith(REF_SCHEME)) {
      // A ref's argument is plain text (shortcodes.ts encoded it whole): `#` starts its anchor.
      const ref = safeDecode(href.slice(REF_SCHEME.length));
      const hash = ref.indexOf('#');
      target = hash === -1 ? env.link(ref.replace(/\?.*$/, ''), '', 'ref') : env.link(ref.slice(0, hash).replace(/\?.*$/, ''), ref.slice(hash + 1), 'ref');
    } else if (!HAS_SCHEME.test(href) && !href.startsWith('//') && !href.startsWith('#')) {
      const { path, frag } = splitUrl(href);
      target = env.link(path, frag, 'url');
    }
    if (!target) return;
    if ('href' in target) t.attrSet('href', target.href);
    else {
      t.attrs = (t.attrs ?? []).filter(([k]) => k !== 'href');
      t.attrSet('class', 'missing-link');
      t.attrSet('title', `not in this export: ${target.missing}`);
    }
  };

  md.core.ruler.after('block', 'notes_heading_ids', headingIds);
  md.core.ruler.push('notes_links', (state) => {
    const env = state.env as RenderEnv;
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let inLink = 0;
      let changed = false;
      const out: Token[] = [];
      for (const t of block.children) {
        if (t.type === 'link_open') { inLink++; rewriteLink(t, env); } else if (t.type === 'link_close') inLink--;
        else if (t.type === 'image') {
          const src = t.attrGet('src');
          if (dropShortcodeUrl(t, 'src')) { /* left without a source */ } else if (src && !HAS_SCHEME.test(src) && !src.startsWith('//')) {
            const to = env.image(splitUrl(src).path);
            if (to) t.attrSet('src', to);
          }
        } else if (t.type === 'text' && !inLink && (t.content.includes(':') || t.content.includes('@') || t.content.includes('www.'))) {
          const split = linkTokens(state, t.content, t.level);
          if (split) { out.push(...split); changed = true; continue; }
        }
        out.push(t);
      }
      if (changed) block.children = out;
    }
  });
  return md;
}

/** Replaces marker sentinels: a styled span in text; plain (escaped) text inside a tag or for escaped shortcodes. */
function replaceMarkers(html: string, markers: Marker[]): string {
  const re = new RegExp(`${MARK_OPEN}(\\d+)${MARK_CLOSE}`, 'g');
  return html.replace(re, (_m, i: string, offset: number) => {
    const marker = markers[Number(i)];
    const text = escapeHtml(marker?.text ?? '');
    const insideTag = html.lastIndexOf('<', offset) > html.lastIndexOf('>', offset);
    return insideTag || marker?.literal ? text : `<span class="shortcode" title="Hugo shortcode, not rendered in this export">${text}</span>`;
  });
}

/** Renders one note body to HTML. */
export function renderMarkdown(md: MarkdownIt, body: string, env: RenderEnv): string {
  const { markdown, markers } = expandShortcodes(body);
  const html = md.render(markdown, env);
  return markers.length ? replaceMarkers(html, markers) : html;
}

/** Renders one line of a note (a follow-up) as inline HTML: the same escaping, links and shortcodes as a body, no paragraph. */
export function renderMarkdownInline(md: MarkdownIt, text: string, env: RenderEnv): string {
  const { markdown, markers } = expandShortcodes(text);
  const html = md.renderInline(markdown, env);
  return markers.length ? replaceMarkers(html, markers) : html;
}
