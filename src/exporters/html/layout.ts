/**
 * The page shell of the site and the small HTML pieces pages share. Every
 * text that comes from a note goes through escapeHtml.
 */
import { posix } from 'node:path';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and double- or single-quoted attributes. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESC[c]!);
}

/**
 * Defence in depth behind markdown-it's escaping: no inline script or
 * handler may run, scripts and styles come only from the site's own files
 * (`file:` is listed for browsers that give each local file its own origin),
 * images may come from anywhere a note links to.
 */
export const CSP = "default-src 'none'; script-src 'self' file:; style-src 'self' file:; img-src 'self' file: data: http: https:; form-action 'self' file:; base-uri 'none'";

/** A link in the header's navigation. */
export interface NavLink {
  label: string;
  /** Site-relative path of the page. */
  path: string;
}

export interface ShellOptions {
  /** Page title (plain text). */
  title: string;
  /** The notebook's name, shown in the header. */
  site: string;
  /** Prefix from this page to the site root (`''`, `../`, ...). */
  root: string;
  nav: NavLink[];
  /** The main content (HTML). */
  main: string;
  /** Scripts to load at the end, site-relative. */
  scripts?: string[];
  /** ISO time of the export, shown in the footer. */
  exportedAt: string;
  /** The page holds the search box itself (the index). */
  searchPage?: boolean;
}

/** `path` (site-relative) as seen from a page whose root prefix is `root`, URL-encoded. */
export function href(root: string, path: string): string {
  const [p, frag] = path.split('#', 2) as [string, string | undefined];
  return root + p.split('/').map(encodeURIComponent).join('/') + (frag !== undefined ? `#${frag}` : '');
}

/** The link from the page at `from` to the page at `to` (both site-relative). */
export function relativeHref(from: string, to: string, frag = ''): string {
  const dir = posix.dirname(from);
  const rel = posix.relative(dir === '.' ? '' : dir, to) || posix.basename(to);
  return href('', rel) + (frag ? `#${frag}` : '');
}

/** A link from the page at `from` to the page at `to` (site-relative), its text escaped. */
export const link = (from: string, to: string, text: string) => `<a href="${relativeHref(from, to)}">${escapeHtml(text)}</a>`;

/** A whole HTML page. */
export function shell(o: ShellOptions): string {
  const search = o.searchPage
    ? ''
    : `<form class="search" action="${href(o.root, 'index.html')}" role="search"><input type="search" name="q" placeholder="Search notes" aria-label="Search notes"></form>`;
  const nav = o.nav.map((n) => `<a href="${href(o.root, n.path)}">${escapeHtml(n.label)}</a>`).join('');
  const scripts = (o.scripts ?? []).map((s) => `<script src="${href(o.root, s)}"></script>`).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="notes export">
<title>${escapeHtml(o.title)} · ${escapeHtml(o.site)}</title>
<link rel="stylesheet" href="${href(o.root, 'assets/style.css')}">
</head>
<body>
<header class="site-header"><a class="site-name" href="${href(o.root, 'index.html')}">${escapeHtml(o.site)}</a><nav class="site-nav">${nav}</nav>${search}</header>
<main>
${o.main}
</main>
<footer class="site-footer">Exported with notes on <time datetime="${escapeHtml(o.exportedAt)}">${escapeHtml(o.exportedAt.slice(0, 10))}</time>.</footer>
${scripts}
</body>
</html>
`;
}
