// `notes export --html` next to `hugo` building the same content with a
// minimal layout (single, list, taxonomy and term templates written here, no
// theme; every shortcode the content uses gets a placeholder template that
// keeps its inner content, as our export does), on the hugo-docs corpus and
// a generated 10,000-note notebook. Goal: faster than hugo. Also saves
// screenshots of the exported index and a day page under bench/out/.
import { mkdirSync, rmSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { BIN, OUT, QUICK, corpus, have, time, report, generateNotebook, peakMemoryMB } from './lib.mjs';
import { makeHugoSite, mdFiles } from '../scripts/hugo-site.mjs';

const runs = QUICK ? 3 : 5;

/**
 * Like lib's time(), but also the CPU time (user + system, from
 * /usr/bin/time) of each run: on a shared machine the wall time varies with
 * the load, the CPU time much less.
 */
function timeWithCpu(cmd, args) {
  if (!existsSync('/usr/bin/time')) return { wall: time(cmd, args, { runs }), cpu: null };
  const wall = [];
  const cpu = [];
  for (let i = 0; i <= runs; i++) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', cmd, ...args], { env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    const [u, sys] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    if (i > 0) { wall.push(ms); cpu.push((u + sys) * 1000); }
  }
  return { wall, cpu };
}

const HEAD = '<!doctype html><html><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>';
const TAIL = '</body></html>';
const LAYOUTS = {
  '_default/single.html': `${HEAD}<a href="{{ .Site.Home.RelPermalink }}">home</a><h1>{{ .Title }}</h1><p>{{ .Date.Format "2006-01-02" }} {{ range .Params.tags }}<a href="{{ (printf "/tags/%s/" (. | urlize)) | relURL }}">{{ . }}</a> {{ end }}</p>{{ .Content }}{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}{{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}${TAIL}`,
  '_default/list.html': `${HEAD}<h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li>{{ .Date.Format "2006-01-02" }} <a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ range .Params.tags }}{{ . }} {{ end }}</li>{{ end }}</ul>${TAIL}`,
  '_default/terms.html': `${HEAD}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>${TAIL}`,
  '_default/taxonomy.html': `${HEAD}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>${TAIL}`,
  'index.html': `${HEAD}<h1>{{ .Site.Title }}</h1>{{ .Content }}<ul>{{ range .Site.RegularPages }}<li>{{ .Date.Format "2006-01-02" }} <a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ range .Params.tags }}{{ . }} {{ end }}</li>{{ end }}</ul>${TAIL}`,
};

/** A minimal Hugo site (config + layouts) whose content is `content`. */
function hugoSite(name, content) {
  const site = join(OUT, `hugo-site-${name}`);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  return makeHugoSite(site, content, {
    layouts: LAYOUTS,
    shortcode: (_n, closed) => (closed ? '{{ with .Inner }}{{ . }}{{ else }}<span class="shortcode">{{ .Name }}</span>{{ end }}' : '<span class="shortcode">{{ .Name }}</span>'),
    // RSS stays defined (some pages ask for it) but no list renders it by default.
    disableKinds: ['sitemap', 'robotsTXT', '404'],
    config: [
      `title = "${name}"`,
      'enableGitInfo = false',
      '[outputs]', '  home = ["HTML"]', '  section = ["HTML"]', '  taxonomy = ["HTML"]', '  term = ["HTML"]',
      '[taxonomies]', '  tag = "tags"', '  category = "categories"',
    ],
  });
}

async function screenshots(site, dayPage, prefix) {
  if (!existsSync('/usr/bin/chromium')) { console.log('(no chromium: screenshots skipped)'); return; }
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  const dir = join(OUT, 'screenshots');
  mkdirSync(dir, { recursive: true });
  const shots = [
    ['index', 'index.html', {}],
    ['day', dayPage, {}],
    ['day-dark-phone', dayPage, { colorScheme: 'dark', viewport: { width: 390, height: 844 } }],
  ];
  for (const [name, page, opts] of shots) {
    const ctx = await browser.newContext(opts);
    const p = await ctx.newPage();
    await p.goto(pathToFileURL(join(site, page)).href);
    if (name === 'index') { await p.fill('#notes-q', 'kafak'); await p.waitForTimeout(300); }
    await p.screenshot({ path: join(dir, `${prefix}-${name}.png`), fullPage: name !== 'index' });
    await ctx.close();
  }
  await browser.close();
  console.log(`screenshots: ${dir}/${prefix}-{index,day,day-dark-phone}.png`);
}

if (!have('hugo')) {
  console.error('export bench: hugo is not installed');
  process.exit(1);
}

const cases = [
  ['hugo-docs', corpus('hugo-docs')],
  ['gen-10000', generateNotebook(10_000)],
];
for (const [name, content] of cases) {
  const out = join(OUT, `export-html-${name}`);
  rmSync(out, { recursive: true, force: true });
  const notes = timeWithCpu(process.execPath, [BIN, '--dir', content, 'export', '--html', '--out', out]);
  const site = hugoSite(name, content);
  const dest = join(OUT, `hugo-public-${name}`);
  const hugoArgs = ['--source', site, '--destination', dest, '--quiet', '--cacheDir', join(OUT, 'hugo-cache')];
  const check = spawnSync('hugo', hugoArgs, { encoding: 'utf8' });
  if (check.status !== 0) { console.error(check.stderr); process.exit(1); }
  const hugo = timeWithCpu('hugo', hugoArgs);
  const json = time(process.execPath, [BIN, '--dir', content, 'export', '--json', '--out', join(OUT, `export-${name}.json`)], { runs });
  const md = time(process.execPath, [BIN, '--dir', content, 'export', '--md', '--out', join(OUT, `export-${name}.md`)], { runs });
  const mem = peakMemoryMB(process.execPath, [BIN, '--dir', content, 'export', '--html', '--out', out]);
  const hugoMem = peakMemoryMB('hugo', hugoArgs);
  report(`export ${name} (${mdFiles(content).length} notes); peak RSS notes ${mem?.toFixed(0)} MB, hugo ${hugoMem?.toFixed(0)} MB`, [
    { name: 'hugo (minimal layout)', times: hugo.wall },
    { name: 'notes export --html', times: notes.wall, ratioTo: 'hugo (minimal layout)', goal: '< 1x hugo' },
    { name: 'notes export --json', times: json, ratioTo: 'hugo (minimal layout)' },
    { name: 'notes export --md', times: md, ratioTo: 'hugo (minimal layout)' },
  ]);
  if (hugo.cpu && notes.cpu) {
    report(`export ${name}: CPU time (user + system), the same runs`, [
      { name: 'hugo CPU', times: hugo.cpu },
      { name: 'notes export --html CPU', times: notes.cpu, ratioTo: 'hugo CPU' },
    ]);
  }
}

// Screenshots of a visit notebook (the test fixture) and of hugo-docs.
const fixtureOut = join(OUT, 'export-html-fixture');
rmSync(fixtureOut, { recursive: true, force: true });
spawnSync(process.execPath, [BIN, '--dir', join(dirname(BIN), '../test/fixtures/export-visits'), 'export', '--html', '--out', fixtureOut], { stdio: 'ignore' });
await screenshots(fixtureOut, 'notes/ess-2023/day-1.html', 'fixture');
await screenshots(join(OUT, 'export-html-hugo-docs'), 'notes/functions/strings/Truncate.html', 'hugo-docs');
