/**
 * Agreement with Hugo: after tag edits of every kind (TOML, YAML block list,
 * JSON, a note without front matter, a CRLF + BOM note), Hugo builds the
 * notebook and files every page under the same tags as notes reads.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, FIXTURES, run, tempDir } from '../helpers/run.js';

const hasHugo = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).status === 0;
const need = hasHugo || !!process.env.NOTES_REQUIRE_EXTERNAL;
let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

describe.skipIf(!need)('hugo reads the tags notes wrote', () => {
  it('agrees on every tag and its pages after rename, add and remove', async () => {
    const site = tempDir();
    cleanups.push(site.cleanup);
    const { dir: content, cleanup } = copyOf(join(FIXTURES, 'tag-notebook'));
    cleanups.push(cleanup);
    writeFileSync(join(content, 'visit-a/crlf.md'), '\uFEFF+++\r\ntitle = "Five"\r\ndraft = false\r\ntags = [\r\n  "kafka",\r\n]\r\n+++\r\n- CRLF body');
    const steps = [
      ['tag', 'rename', 'kafka', 'streaming'],
      ['tag', 'add', 'follow-up', '--to', '2024-03-05', '2024-03-06', 'misc/plain.md', 'Five'],
      ['tag', 'remove', 'hpc', '--from', '2024-03-04'],
      ['tag', 'add', 'wrap-up', '--to', '2024-03-07'],
    ];
    for (const s of steps) expect((await run(s, { cwd: content, env: { NOTES_DIR: content } })).code).toBe(0);

    writeFileSync(join(site.dir, 'hugo.toml'), `baseURL = "http://example.org/"\ntitle = "t"\ncontentDir = ${JSON.stringify(content)}\ndisableKinds = ["RSS", "sitemap", "robotsTXT", "404"]\n[outputs]\nhome = ["JSON"]\nsection = ["JSON"]\npage = ["JSON"]\ntaxonomy = ["JSON"]\nterm = ["JSON"]\n`);
    mkdirSync(join(site.dir, 'layouts/_default'), { recursive: true });
    writeFileSync(join(site.dir, 'layouts/_default/single.json'), '{}');
    writeFileSync(join(site.dir, 'layouts/_default/list.json'), '{"pages": [{{ range $i, $p := .Pages }}{{ if $i }},{{ end }}{{ $p.File.Path | jsonify }}{{ end }}]}');
    const h = spawnSync('hugo', ['--quiet', '--buildDrafts', '-d', 'out'], { cwd: site.dir, encoding: 'utf8' });
    expect(h.stderr).toBe('');
    expect(h.status).toBe(0);

    const tagsDir = join(site.dir, 'out/tags');
    const hugo: Record<string, string[]> = {};
    for (const term of readdirSync(tagsDir)) {
      const f = join(tagsDir, term, 'index.json');
      if (existsSync(f)) hugo[term] = (JSON.parse(readFileSync(f, 'utf8')) as { pages: string[] }).pages.sort();
    }
    expect(hugo).toEqual({
      'beam': ['visit-a/2024-03-06.md'],
      'follow-up': ['misc/plain.md', 'visit-a/2024-03-05.md', 'visit-a/2024-03-06.md', 'visit-a/crlf.md'],
      'people': ['visit-a/2024-03-05.md'],
      'streaming': ['misc/idea.md', 'visit-a/2024-03-04.md', 'visit-a/2024-03-05.md', 'visit-a/crlf.md'],
      'streams': ['misc/idea.md'],
      'wrap-up': ['visit-a/2024-03-07.md'],
    });
    const list = await run(['tag', 'list', '--json', '--drafts'], { cwd: content, env: { NOTES_DIR: content } });
    const ours = Object.fromEntries((JSON.parse(list.stdout) as Array<{ tag: string; count: number }>).map((t) => [t.tag.toLowerCase(), t.count]));
    expect(ours).toEqual(Object.fromEntries(Object.entries(hugo).map(([k, v]) => [k, v.length])));
  });
});
