// A throw-away Hugo site around a content folder, shared by the Hugo
// agreement test and the benchmarks: a minimal config, the content linked in,
// and a placeholder template for every shortcode the content uses (Hugo
// refuses to build content whose shortcodes have no template; one used with
// a closing tag or self-closed needs a template that evaluates .Inner).
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function mdFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) mdFiles(p, out); else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** Fills `site` (an empty folder) so that `hugo --source site` reads `content`. */
export function makeHugoSite(site, content, { layouts = {} } = {}) {
  writeFileSync(join(site, 'config.toml'), 'baseURL = "http://example.org/"\nrefLinksErrorLevel = "WARNING"\ndisableKinds = ["sitemap", "robotsTXT"]\n');
  symlinkSync(content, join(site, 'content'));
  const names = new Set();
  const closed = new Set();
  for (const f of mdFiles(content)) {
    const text = readFileSync(f, 'utf8');
    for (const m of text.matchAll(/\{\{[<%]\s*\/?([\w./-]+)/g)) names.add(m[1]);
    for (const m of text.matchAll(/\{\{[<%]\s*\/([\w./-]+)/g)) closed.add(m[1]);
    for (const m of text.matchAll(/\{\{[<%]\s*([\w./-]+)(?:[^}]|\}(?!\}))*?\/\s*[>%]\}\}/g)) closed.add(m[1]);
  }
  mkdirSync(join(site, 'layouts/shortcodes'), { recursive: true });
  for (const name of names) {
    if (name === 'ref' || name === 'relref') continue;
    const file = join(site, 'layouts/shortcodes', `${name}.html`);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, closed.has(name) ? '{{ .Inner }}' : '');
  }
  for (const [rel, text] of Object.entries(layouts)) {
    const file = join(site, 'layouts', rel);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
  }
  return site;
}
