// A throw-away Hugo site around a content folder, shared by the Hugo
// agreement test and the benchmarks: a config, the content linked in, and a
// placeholder template for every shortcode the content uses (Hugo refuses to
// build content whose shortcodes have no template; one used with a closing
// tag or self-closed needs a template that evaluates .Inner, and Hugo 0.111
// refuses such a template for a shortcode used unclosed).
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Every Markdown file below `dir`. */
export function mdFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) mdFiles(p, out); else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** Every shortcode name the content uses, mapped to whether it is ever closed or self-closed. */
export function shortcodeNames(content) {
  const names = new Map();
  for (const f of mdFiles(content)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\{\{[<%]\s*\/?([\w./-]+)/g)) if (!names.has(m[1])) names.set(m[1], false);
    for (const m of text.matchAll(/\{\{[<%]\s*\/([\w./-]+)/g)) names.set(m[1], true);
    for (const m of text.matchAll(/\{\{[<%]\s*([\w./-]+)(?:[^}]|\}(?!\}))*?\/\s*[>%]\}\}/g)) names.set(m[1], true);
  }
  for (const builtin of ['ref', 'relref']) names.delete(builtin);
  return names;
}

const EMPTY_SHORTCODE = (name, closed) => (closed ? '{{ .Inner }}' : '');

/**
 * Fills `site` (an empty folder) so that `hugo --source site` reads
 * `content`. `layouts` adds templates (path under layouts/ → text),
 * `shortcode(name, closed)` gives each placeholder's text, `config` adds
 * lines to config.toml, `disableKinds` replaces the default list.
 */
export function makeHugoSite(site, content, { layouts = {}, shortcode = EMPTY_SHORTCODE, config = [], disableKinds = ['sitemap', 'robotsTXT'] } = {}) {
  writeFileSync(join(site, 'config.toml'), [
    'baseURL = "http://example.org/"',
    'refLinksErrorLevel = "WARNING"',
    `disableKinds = ${JSON.stringify(disableKinds)}`,
    ...config,
    '',
  ].join('\n'));
  symlinkSync(content, join(site, 'content'));
  const files = { ...Object.fromEntries([...shortcodeNames(content)].map(([n, closed]) => [`shortcodes/${n}.html`, shortcode(n, closed)])), ...layouts };
  for (const [rel, text] of Object.entries(files)) {
    const file = join(site, 'layouts', rel);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return site;
}
