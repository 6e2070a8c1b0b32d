/**
 * notes export --html: every link the site makes resolves, whatever the
 * notebook's names (a tag called "index", files with `?` or `#`, no visits,
 * site-root links). Each test writes a small notebook to a temp dir.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { run, tempDir } from '../helpers/run.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

/** A notebook of `files` (path → text) exported with --html; the site's pages by path, and the run. */
async function exportOf(files: Record<string, string>) {
  const t = tempDir();
  cleanups.push(t.cleanup);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(dirname(join(t.dir, 'nb', rel)), { recursive: true });
    writeFileSync(join(t.dir, 'nb', rel), text);
  }
  const r = await run(['--dir', join(t.dir, 'nb'), 'export', '--html', '--out', join(t.dir, 'site')], { now: NOW, cwd: t.dir });
  return { r, page: (p: string) => readFileSync(join(t.dir, 'site', p), 'utf8'), site: join(t.dir, 'site') };
}

const note = (title: string, body: string, extra = '') => `---\ntitle: "${title}"\ndate: 2024-05-01\n${extra}---\n${body}\n`;

describe('notes export --html: names the site reserves', () => {
  it('a tag named "index" does not replace the tags overview', async () => {
    const { r, page } = await exportOf({ 'n.md': note('T', 'body', 'tags: ["index", "kafka"]\n') });
    expect(r.code).toBe(0);
    expect(page('tags/index.html')).toContain('<h1>Tags</h1>');
    expect(page('tags/index.html')).toContain('<a href="index-2.html">index</a>');
    expect(page('tags/index-2.html')).toContain('<h1>Tag: index</h1>');
    expect(page('notes/n.html')).toContain('<a href="../tags/index-2.html">index</a>');
  });
});

describe('notes export --html: file names with ? and #', () => {
  it('percent-encoded links reach the notes and images, copied under safe names', async () => {
    const { r, page, site } = await exportOf({
      'v/what?.md': note('Q', 'q'),
      'v/a#b.md': note('H', 'h'),
      'v/q?.png': 'png',
      'v/a#b.png': 'png',
      'v/l.md': note('L', '[1](what%3F.md) [2](a%23b.md#h) ![i](q%3F.png) ![j](a%23b.png)'),
    });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('not in this export');
    const body = /<p>.*<\/p>/.exec(page('notes/v/l.html'))![0];
    expect(body).toMatch(/^<p><a href="what-.html">1<\/a> <a href="a-b.html#h">2<\/a> <img src="q--[0-9a-z]+\.png" alt="i"> <img src="a-b-[0-9a-z]+\.png" alt="j"><\/p>$/);
    for (const src of body.matchAll(/src="([^"]+)"/g)) expect(readFileSync(join(site, 'notes/v', src[1]!), 'utf8')).toBe('png');
  });
});

describe('notes export --html: the header\'s links', () => {
  it('"Visits" lands on the home page\'s visits section, also when there are none', async () => {
    const { r, page } = await exportOf({ 'n.md': note('N', 'body') });
    expect(r.code).toBe(0);
    expect(page('notes/n.html')).toContain('<a href="../index.html#notes-visits">Visits</a>');
    expect(page('index.html')).toContain('<h2 id="notes-visits">Visits</h2>\n<p class="meta">No visits');
  });
});

describe('notes export --html: site-root links', () => {
  it('reach the page in a content.<lang> folder as Hugo serves it, else keep their text with a warning', async () => {
    const { r, page } = await exportOf({
      'content.en/docs/a.md': note('A', '[b](/docs/b/) [s](/docs/sec/) [gone](/docs/gone/) [pdf](/files/x.pdf)'),
      'content.en/docs/b.md': note('B', 'b'),
      'content.en/docs/sec/_index.md': note('S', 's'),
      'content.zh/docs/b.md': note('B zh', 'b'),
    });
    expect(r.code).toBe(0);
    expect(page('notes/content.en/docs/a.html')).toContain('<p><a href="b.html">b</a> <a href="sec/index.html">s</a> <a class="missing-link" title="not in this export: /docs/gone/">gone</a> <a class="missing-link" title="not in this export: /files/x.pdf">pdf</a></p>');
    expect(r.stderr).toContain('2 links point to notes that are not in this export');
  });
});
