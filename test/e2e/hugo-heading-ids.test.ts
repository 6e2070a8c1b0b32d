/**
 * Agreement with Hugo on heading ids: hugo 0.111 builds a fixture of tricky
 * headings (punctuation, unicode, emphasis, links and code inside, duplicates,
 * `{#id .class}` blocks, setext headings) and every heading of the exported
 * page must get the id, classes and text Hugo gives it, in order, so that
 * `#anchor` links written for the Hugo site keep working.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, run, tempDir } from '../helpers/run.js';
import { hasHugo } from '../helpers/hugo.js';
import { makeHugoSite } from '../../scripts/hugo-site.mjs';

const required = !!process.env.NOTES_REQUIRE_EXTERNAL;
if (!hasHugo && !required) console.warn('skipping the Hugo heading id test: hugo is not installed');

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

/** The headings of a page as `id | class | inner HTML`, raw HTML (which Hugo omits and we escape) left out. */
function headings(html: string): string[] {
  return [...html.matchAll(/<h([2-6])([^>]*)>([\s\S]*?)<\/h\1>/g)].map(([, , attrs, inner]) => {
    const id = /\bid="([^"]*)"/.exec(attrs!)?.[1] ?? '';
    const cls = /\bclass="([^"]*)"/.exec(attrs!)?.[1] ?? '';
    return `${id} | ${cls} | ${inner!.replace(/<!-- raw HTML omitted -->|&lt;\/?span&gt;/g, '')}`;
  });
}

describe.skipIf(!hasHugo && !required)('heading ids agree with hugo', () => {
  it('gives every heading of the fixture the id, classes and text Hugo gives it', async () => {
    const content = join(FIXTURES, 'heading-ids');
    const site = tempDir('notes-hugo-');
    const out = tempDir('notes-export-');
    const cache = tempDir('notes-cache-');
    cleanups.push(site.cleanup, out.cleanup, cache.cleanup);
    makeHugoSite(site.dir, content, { layouts: { '_default/single.html': '{{ .Content }}', '_default/list.html': '' }, disableKinds: ['sitemap', 'robotsTXT', 'RSS', 'taxonomy', 'term'] });
    const h = spawnSync('hugo', ['--quiet', '--source', site.dir, '-d', join(site.dir, 'public')], { encoding: 'utf8' });
    expect(h.stderr).toBe('');
    const r = await run(['--dir', content, 'export', '--html', '--out', join(out.dir, 'site')], { env: { NOTES_CACHE_DIR: cache.dir } });
    expect(r.code).toBe(0);
    for (const page of ['tricky', 'more']) {
      const hugo = headings(readFileSync(join(site.dir, 'public', page, 'index.html'), 'utf8'));
      const ours = headings(readFileSync(join(out.dir, 'site', 'notes', `${page}.html`), 'utf8'));
      expect(hugo.length).toBeGreaterThan(10);
      expect(ours).toEqual(hugo);
    }
  });
});
