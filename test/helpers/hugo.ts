/**
 * Runs Debian's hugo over a content folder, in a temp site with a minimal
 * config and a placeholder template for every shortcode the content uses
 * (Hugo refuses to build content whose shortcodes have no template).
 */
import { spawnSync } from 'node:child_process';
import { tempDir } from './run.js';
import { makeHugoSite } from '../../scripts/hugo-site.mjs';

export const hasHugo = spawnSync('hugo', ['version'], { encoding: 'utf8' }).status === 0;

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
    makeHugoSite(site, content);
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
