/**
 * Runs Debian's hugo over a content folder, in a temp site with a minimal
 * config and a placeholder template for every shortcode the content uses
 * (Hugo refuses to build content whose shortcodes have no template).
 */
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { tempDir } from './run.js';

export const hasHugo = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;

function mdFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) mdFiles(p, out); else if (e.name.endsWith('.md')) out.push(p);
  }
  return out;
}

/** Parses RFC 4180 CSV (what Go's encoding/csv writes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; } else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

export interface HugoPage {
  path: string;
  title: string;
  date: string;
  draft: boolean;
}

/** `hugo list all` over `content`: the regular pages with title, date and draft flag. */
export function hugoListAll(content: string): HugoPage[] {
  const t = tempDir('notes-hugo-');
  try {
    const site = t.dir;
    writeFileSync(join(site, 'config.toml'), 'baseURL = "http://example.org/"\nrefLinksErrorLevel = "WARNING"\n');
    symlinkSync(content, join(site, 'content'));
    const closed = new Set<string>();
    const names = new Set<string>();
    for (const f of mdFiles(content)) {
      const text = readFileSync(f, 'utf8');
      // A closing tag ({{< /x >}}) or a self-closed one ({{< x />}}) needs a template using .Inner.
      for (const m of text.matchAll(/\{\{[<%]\s*\/?([\w./-]+)/g)) names.add(m[1]!);
      for (const m of text.matchAll(/\{\{[<%]\s*\/([\w./-]+)/g)) closed.add(m[1]!);
      for (const m of text.matchAll(/\{\{[<%]\s*([\w./-]+)(?:[^}]|\}(?!\}))*?\/\s*[>%]\}\}/g)) closed.add(m[1]!);
    }
    mkdirSync(join(site, 'layouts/shortcodes'), { recursive: true });
    for (const name of names) {
      if (name === 'ref' || name === 'relref') continue;
      mkdirSync(join(site, 'layouts/shortcodes', name, '..'), { recursive: true });
      writeFileSync(join(site, 'layouts/shortcodes', `${name}.html`), closed.has(name) ? '{{ .Inner }}' : '');
    }
    const r = spawnSync('hugo', ['list', 'all', '--source', site], { encoding: 'utf8', maxBuffer: 1 << 28 });
    if (r.status !== 0) throw new Error(`hugo list all failed: ${r.stderr}`);
    const [header, ...rows] = parseCsv(r.stdout);
    const col = (name: string) => header!.indexOf(name);
    return rows.filter((x) => x.length > 1).map((x) => ({
      path: x[col('path')]!.replace(/^content\//, ''),
      title: x[col('title')]!,
      date: x[col('date')]!,
      draft: x[col('draft')] === 'true',
    }));
  } finally {
    t.cleanup();
  }
}
