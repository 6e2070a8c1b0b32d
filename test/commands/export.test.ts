import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, FIXTURES, run, tempDir } from '../helpers/run.js';
import { listFiles } from '../helpers/files.js';

const NOW = new Date('2024-05-01T12:00:00Z');
const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function notebook() {
  const nb = copyOf(join(FIXTURES, 'export-visits'));
  cleanups.push(nb.cleanup);
  return nb.dir;
}

const files = listFiles;

const exp = (dir: string, args: string[], opts: { cwd?: string } = {}) => run(['--dir', dir, 'export', ...args], { now: NOW, cwd: opts.cwd ?? dir });

describe('notes export: choosing the format', () => {
  it.each([
    [[], 'choose a format'],
    [['--html', '--json'], 'choose one format, not --html and --json'],
    [['--md', '--format', 'json'], 'choose one format, not --md and --json'],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const dir = notebook();
    const r = await exp(dir, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).toContain('hint: pass one of --html, --json, --md (or --format <name>)');
  });

  it('rejects an unknown --format with the choices', async () => {
    const r = await exp(notebook(), ['--format', 'pdf']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('html, json, md');
  });

  it('--format md is the same as --md', async () => {
    const dir = notebook();
    expect((await exp(dir, ['--format', 'md'])).stdout).toBe((await exp(dir, ['--md'])).stdout);
  });

  it('refuses --strip-emails with --json and --force without a folder', async () => {
    const dir = notebook();
    expect((await exp(dir, ['--json', '--strip-emails'])).code).toBe(2);
    expect((await exp(dir, ['--md', '--force'])).code).toBe(2);
  });

  it('refuses to write a report over one of the notebook\'s notes', async () => {
    const dir = notebook();
    const before = readFileSync(join(dir, 'ideas.md'), 'utf8');
    for (const format of ['--md', '--json']) {
      const r = await exp(dir, [format, '--out', 'ideas.md']);
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^notes: error: --out ideas\.md is a note of this notebook/);
    }
    expect(readFileSync(join(dir, 'ideas.md'), 'utf8')).toBe(before);
    // Nor through a symlink outside the notebook that points to a note.
    const out = tempDir(); cleanups.push(out.cleanup);
    symlinkSync(join(dir, 'ideas.md'), join(out.dir, 'report.md'));
    expect((await exp(dir, ['--md', '--out', join(out.dir, 'report.md')])).code).toBe(1);
    expect(readFileSync(join(dir, 'ideas.md'), 'utf8')).toBe(before);
    // A new file inside the notebook is written, with a warning: Hugo would publish it.
    const inside = await exp(dir, ['--md', '--out', 'report.md']);
    expect(inside.code).toBe(0);
    expect(inside.stderr).toMatch(/warning: the export is inside the notebook \(report\.md\): Hugo publishes it/);
  });

  it('help lists the formats from the registry', async () => {
    const r = await run(['export', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
  });
});

describe('notes export --json', () => {
  it('writes {exportedAt, notebook, notes} with fields, front matter and body; no drafts', async () => {
    const dir = notebook();
    const r = await exp(dir, ['--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.exportedAt).toBe(NOW.toISOString());
    expect(doc.notebook.root).toBe(dir);
    expect(doc.notes.map((n: { path: string }) => n.path)).not.toContain('ess-2023/day-4.md');
    expect(r.stdout.replaceAll(dir, '<root>')).toMatchSnapshot();
  });

  it('--drafts includes drafts; filters choose notes', async () => {
    const dir = notebook();
    const all = JSON.parse((await exp(dir, ['--json', '--drafts'])).stdout);
    expect(all.notes.map((n: { path: string }) => n.path)).toContain('ess-2023/day-4.md');
    const kafka = JSON.parse((await exp(dir, ['--json', '--tag', 'kafka', '--visit', 'ess-2023'])).stdout);
    expect(kafka.notes.map((n: { path: string }) => n.path)).toEqual(['ess-2023/day-1.md', 'ess-2023/day-3.md']);
  });

  it('--out writes the file and says so on stderr', async () => {
    const dir = notebook();
    const r = await exp(dir, ['--json', '--out', 'out.json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8')).notes.length).toBe(9);
    expect(r.stderr).toContain('exported 9 notes to out.json');
  });
});

describe('notes export --md', () => {
  it('writes one visit report: title, date range, days in order, no front matter', async () => {
    const dir = notebook();
    const r = await exp(dir, ['--md', '--visit', 'ess-2023']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
    expect(r.stdout).not.toContain('+++');
    expect(r.stdout).not.toContain('Not ready to share');
    expect(r.stdout.indexOf('## One — 2023-09-04')).toBeLessThan(r.stdout.indexOf('## Two — 2023-09-05'));
  });

  it('groups several visits under their own headings', async () => {
    const r = await exp(notebook(), ['--md']);
    expect(r.stdout).toMatchSnapshot();
  });

  it('--strip-emails removes every address', async () => {
    const r = await exp(notebook(), ['--md', '--strip-emails']);
    expect(r.stdout).not.toMatch(/@|mailto/);
    expect(r.stdout).toContain('- Ada Example leads the file writers.');
  });
});

describe('notes export --html', () => {
  it('writes the site: index, a page per note, visit and tag, search index, assets', async () => {
    const dir = notebook();
    const r = await exp(dir, ['--html']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('export/html/index.html\n');
    const out = join(dir, 'export/html');
    expect(files(out)).toMatchSnapshot();
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toMatchSnapshot();
    expect(readFileSync(join(out, 'notes/ess-2023/day-2.html'), 'utf8')).toMatchSnapshot();
    const day1 = readFileSync(join(out, 'notes/ess-2023/day-1.html'), 'utf8');
    expect(day1).toContain('<a href="day-2.html">day two</a>');
    expect(day1).toContain('<a href="day-3.html">day three</a>');
    expect(day1).toContain('<a href="mailto:ada.example@example.org">');
    expect(day1).toContain('<a class="next" rel="next" href="day-2.html">');
    expect(existsSync(join(out, 'notes/ess-2023/day-4.html'))).toBe(false);
    const index = JSON.parse(readFileSync(join(out, 'search-index.json'), 'utf8'));
    // 9 notes, then the 4 people of people.html.
    expect(index.docs.length).toBe(13);
    expect(index.docs.slice(9).map((d: string[]) => d[0])).toEqual(['people.html#person-ada-example', 'people.html#person-bo-sample', 'people.html#person-cy-person', 'people.html#person-dee-example']);
    expect(readFileSync(join(out, 'search-index.js'), 'utf8')).toMatch(/^window\.NOTES_SEARCH_INDEX = \{/);
    expect(readFileSync(join(out, 'assets/fuse.js'), 'utf8')).toContain('window.Fuse');
    expect(r.stderr).toContain('1 links point to notes that are not in this export');
  });

  it('--strip-emails leaves no address in any page or in the search index', async () => {
    const dir = notebook();
    await exp(dir, ['--html', '--strip-emails', '--out', 'site']);
    for (const f of files(join(dir, 'site')).filter((f) => !f.startsWith('assets/') && !f.endsWith('.png'))) {
      expect(readFileSync(join(dir, 'site', f), 'utf8'), f).not.toMatch(/example\.org\b(?!\/)|mailto:/);
    }
  });

  it('refuses a non-empty folder it did not create, unless --force', async () => {
    const dir = notebook();
    mkdirSync(join(dir, 'site'));
    writeFileSync(join(dir, 'site', 'keep.txt'), 'mine');
    const r = await exp(dir, ['--html', '--out', 'site']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is not empty and was not made by notes export');
    expect(r.stderr).toContain('--force');
    expect(files(join(dir, 'site'))).toEqual(['keep.txt']);
    const forced = await exp(dir, ['--html', '--out', 'site', '--force']);
    expect(forced.code).toBe(0);
    expect(existsSync(join(dir, 'site/index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'site', 'keep.txt'), 'utf8')).toBe('mine');
  });

  it('refuses --out that is a file', async () => {
    const dir = notebook();
    writeFileSync(join(dir, 'site'), 'x');
    const r = await exp(dir, ['--html', '--out', 'site']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('is a file');
  });

  it('writes again into a folder it made, removing pages of notes no longer exported', async () => {
    const dir = notebook();
    expect((await exp(dir, ['--html', '--out', 'site'])).code).toBe(0);
    expect(existsSync(join(dir, 'site/notes/maxiv-2024/day-1.html'))).toBe(true);
    const again = await exp(dir, ['--html', '--out', 'site', '--visit', 'ess-2023']);
    expect(again.code).toBe(0);
    expect(existsSync(join(dir, 'site/notes/maxiv-2024'))).toBe(false);
    expect(existsSync(join(dir, 'site/notes/ess-2023/day-1.html'))).toBe(true);
    expect(again.stderr).toMatch(/old ones removed/);
  });

  it('never writes outside --out: a symlinked folder inside it is refused, a symlinked file replaced', async () => {
    const dir = notebook();
    const outside = tempDir();
    cleanups.push(outside.cleanup);
    mkdirSync(join(dir, 'site'));
    symlinkSync(outside.dir, join(dir, 'site', 'notes'));
    const r = await exp(dir, ['--html', '--out', 'site', '--force']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('a symlink');
    expect(readdirSync(outside.dir)).toEqual([]);

    const dir2 = notebook();
    mkdirSync(join(dir2, 'site'));
    writeFileSync(join(outside.dir, 'victim.html'), 'untouched');
    symlinkSync(join(outside.dir, 'victim.html'), join(dir2, 'site', 'index.html'));
    expect((await exp(dir2, ['--html', '--out', 'site', '--force'])).code).toBe(0);
    expect(readFileSync(join(outside.dir, 'victim.html'), 'utf8')).toBe('untouched');
    expect(lstatSync(join(dir2, 'site', 'index.html')).isSymbolicLink()).toBe(false);
  });

  it('keeps note file names that are hostile to file systems and URLs inside the site', async () => {
    const dir = notebook();
    mkdirSync(join(dir, 'odd #1'));
    writeFileSync(join(dir, 'odd #1', 'a?b:c.md'), '+++\ntitle = "Odd <b>name</b>"\ndate = 2024-01-01\n+++\nLink to [one](../ess-2023/day-1.md).\n');
    expect((await exp(dir, ['--html', '--out', 'site'])).code).toBe(0);
    const page = join(dir, 'site/notes/odd -1/a-b-c.html');
    expect(existsSync(page)).toBe(true);
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('<h1>Odd &lt;b&gt;name&lt;/b&gt;</h1>');
    expect(html).toContain('<a href="../ess-2023/day-1.html">one</a>');
    expect(readFileSync(join(dir, 'site/index.html'), 'utf8')).toContain('href="notes/odd%20-1/a-b-c.html"');
  });
});

describe('notes export: progress', () => {
  it('shows progress on a terminal stderr for more than a few hundred notes, not otherwise', async () => {
    const { main } = await import('../../src/main.js');
    const t = tempDir();
    cleanups.push(t.cleanup);
    mkdirSync(join(t.dir, 'v'));
    for (let i = 0; i < 320; i++) writeFileSync(join(t.dir, 'v', `d${i}.md`), `+++\ntitle = "Day ${i}"\ndate = 2024-01-01\n+++\nbody ${i}\n`);
    const go = async (tty: boolean) => {
      let stderr = '';
      const code = await main(['--dir', t.dir, 'export', '--html', '--out', join(t.dir, `site-${tty}`)], {
        cwd: t.dir, env: {}, now: () => NOW, stdin: null,
        stdout: { write: () => {} },
        stderr: { write: (s: string) => { stderr += s; }, isTTY: tty },
      });
      return { code, stderr };
    };
    const tty = await go(true);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toContain('\rnotes: exporting 320/320 notes\n');
    const pipe = await go(false);
    expect(pipe.stderr).not.toContain('exporting');
  });

  it('--html --out - is a usage error', async () => {
    const r = await exp(notebook(), ['--html', '--out', '-']);
    expect(r.code).toBe(2);
  });
});

describe('notes export --html: a forged marker', () => {
  it('removes only files inside the folder, never through a symlink or ..', async () => {
    const dir = notebook();
    const outside = tempDir();
    cleanups.push(outside.cleanup);
    writeFileSync(join(outside.dir, 'precious.txt'), 'keep');
    mkdirSync(join(dir, 'site'));
    symlinkSync(outside.dir, join(dir, 'site', 'link'));
    writeFileSync(join(dir, 'site', '.notes-export'), JSON.stringify({ by: 'notes export', files: ['link/precious.txt', '../../precious.txt', '/etc/hostname'] }));
    const r = await exp(dir, ['--html', '--out', 'site']);
    expect(r.code).toBe(0);
    expect(readFileSync(join(outside.dir, 'precious.txt'), 'utf8')).toBe('keep');
  });
});

describe('notes export: the visit page comes along', () => {
  it('--md and --html keep the visit _index.md when filters leave it out; --json does not', async () => {
    const dir = notebook();
    const md = await exp(dir, ['--md', '--visit', 'ess-2023', '--since', '2023-09-05']);
    expect(md.stdout).toMatch(/^# ESS visit, September 2023\n\n2023-09-05 – 2023-09-06 · 2 days\n\nA week at the European/);
    expect((await exp(dir, ['--html', '--tag', 'hdf5', '--out', 'site'])).code).toBe(0);
    expect(readFileSync(join(dir, 'site/notes/ess-2023/day-2.html'), 'utf8')).toContain('<p class="crumbs"><a href="index.html">ESS visit, September 2023</a></p>');
    const json = JSON.parse((await exp(dir, ['--json', '--tag', 'hdf5'])).stdout);
    expect(json.notes.map((n: { path: string }) => n.path)).toEqual(['ess-2023/day-2.md']);
  });
});

describe('notes export --html: the home page', () => {
  it("shows the root _index.md with links relative to index.html", async () => {
    const dir = notebook();
    await exp(dir, ['--html', '--out', 'site']);
    const index = readFileSync(join(dir, 'site/index.html'), 'utf8');
    expect(index).toContain('<h1>Facility visits</h1>');
    expect(index).toContain('<a href="notes/ess-2023/index.html">ESS visit</a>');
    expect(index).toContain('<img src="notes/ess-2023/beamline.png" alt="a plot">');
    expect(readFileSync(join(dir, 'site/notes/index.html'), 'utf8')).toContain('<a href="ess-2023/index.html">ESS visit</a>');
  });
});

describe('notes export --html: images', () => {
  it('copies images a note shows, never other files of the notebook', async () => {
    const dir = notebook();
    writeFileSync(join(dir, 'ideas.md'), '![cfg](.notes.toml) ![note](ess-2023/day-1.md) ![up](../outside.png) ![ok](ess-2023/beamline.png)\n');
    await exp(dir, ['--html', '--out', 'site']);
    const all = files(join(dir, 'site'));
    expect(all.filter((f) => !f.endsWith('.html') && !f.startsWith('assets/') && !f.startsWith('search-index'))).toEqual(['.notes-export', 'notes/ess-2023/beamline.png']);
  });
});

describe('notes export: people met and follow-ups (issue 6)', () => {
  const read = (dir: string, f: string) => readFileSync(join(dir, 'site', f), 'utf8');

  it('--html writes people.html: name, group, mailto, profile URL, and links to the day pages; only exported notes count', async () => {
    const dir = notebook();
    expect((await exp(dir, ['--html', '--out', 'site'])).code).toBe(0);
    const people = read(dir, 'people.html');
    const row = (id: string) => people.match(new RegExp(`<tr id="${id}">.*</tr>`))?.[0] ?? '';
    expect(row('person-cy-person')).toContain('<strong>Cy Person</strong>');
    expect(row('person-cy-person')).toContain('<span class="meta">DST - Data Systems and Technologies</span>');
    expect(row('person-cy-person')).toContain('<a href="mailto:cy.person@example.org">cy.person@example.org</a>');
    expect(row('person-cy-person')).toContain('<a href="notes/maxiv-2024/index.html">MAX IV visit, 2024</a>: <a href="notes/maxiv-2024/day-2.html">2024-03-12 · Data management</a>');
    expect(row('person-dee-example')).toContain('(name from profile URL)');
    expect(row('person-dee-example')).toContain('<a href="https://example.org/people/dee-example" rel="noreferrer">');
    expect(row('person-ada-example')).toContain('<a href="notes/ess-2023/day-1.html">2023-09-04 · One</a>');
    // Eve Secret is met only in a draft, which is not exported.
    expect(people).not.toContain('Eve Secret');
    expect([...people.matchAll(/<tr id="([^"]+)"/g)].map((m) => m[1])).toEqual(['person-ada-example', 'person-bo-sample', 'person-cy-person', 'person-dee-example']);
    // Linked from the header of every page and from the index.
    expect(read(dir, 'notes/ess-2023/day-1.html')).toContain('<a href="../../people.html">People</a><a href="../../follow-ups.html">Follow-ups</a>');
    expect(read(dir, 'index.html')).toContain('<li><a href="people.html">People met</a> <span class="meta">· 4 people</span></li>');
    expect(read(dir, 'people.html')).toContain('<link rel="stylesheet" href="assets/style.css">');
  });

  it('--html writes follow-ups.html: open items by visit and day, linked to the day pages, hostile text escaped', async () => {
    const dir = notebook();
    expect((await exp(dir, ['--html', '--out', 'site'])).code).toBe(0);
    const page = read(dir, 'follow-ups.html');
    expect(page).toMatchSnapshot();
    expect(page.indexOf('<h2><a href="notes/ess-2023/index.html">ESS visit')).toBeLessThan(page.indexOf('<h2><a href="notes/maxiv-2024/index.html">MAX IV'));
    expect(page).toContain('<h3><a href="notes/ess-2023/day-3.html">2023-09-06 · Three</a></h3>');
    expect(page).toContain('TODO: ask Bo Sample for the <strong>chopper</strong> timing logs.');
    expect(page).toContain('Send the &lt;script&gt;alert(1)&lt;/script&gt; ingestion notes');
    expect(page).not.toContain('<script>alert');
    // A link in the line points at the exported page, relative to follow-ups.html.
    expect(page).toContain('see <a href="notes/maxiv-2024/day-1.html">day one</a>.');
    expect(page).toContain('<a class="where" href="notes/maxiv-2024/day-2.html">maxiv-2024/day-2.md:11</a>');
    expect(page).not.toContain('SciCat API token'); // ticked
    expect(page).not.toContain('draft follow-up'); // in a draft
    expect(read(dir, 'index.html')).toContain('<li><a href="follow-ups.html">Follow-ups</a> <span class="meta">· 3 open items</span></li>');
  });

  it('filters and --drafts choose what the pages show', async () => {
    const dir = notebook();
    expect((await exp(dir, ['--html', '--out', 'site', '--visit', 'maxiv-2024'])).code).toBe(0);
    expect([...read(dir, 'people.html').matchAll(/<tr id="([^"]+)"/g)].map((m) => m[1])).toEqual(['person-cy-person', 'person-dee-example']);
    expect(read(dir, 'follow-ups.html')).not.toContain('chopper');
    expect((await exp(dir, ['--html', '--out', 'site', '--drafts'])).code).toBe(0);
    expect(read(dir, 'people.html')).toContain('<strong>Eve Secret</strong>');
    expect(read(dir, 'follow-ups.html')).toContain('Keep the draft follow-up private.');
  });

  it('escapes hostile group headings and follow-up lines; no javascript: link', async () => {
    const dir = notebook();
    mkdirSync(join(dir, 'hx'));
    writeFileSync(join(dir, 'hx', 'd.md'), '+++\ntitle = "Hostile"\ndate = 2024-01-02\n+++\n- Detectors <img src=x onerror=alert(1)> & "Co"\n  - Ann Other (mailto:ann.other@example.org) builds it.\n- [ ] Ask <b onmouseover=alert(1)>Ann</b> about `<script>` [x](javascript:alert(1))\n');
    expect((await exp(dir, ['--html', '--out', 'site'])).code).toBe(0);
    const people = read(dir, 'people.html');
    expect(people).toContain('<span class="meta">Detectors &lt;img src=x onerror=alert(1)&gt; &amp; &quot;Co&quot;</span>');
    expect(people).not.toMatch(/<img src=x/);
    const fu = read(dir, 'follow-ups.html');
    expect(fu).toContain('Ask &lt;b onmouseover=alert(1)&gt;Ann&lt;/b&gt; about <code>&lt;script&gt;</code> [x](javascript:alert(1))');
    expect(fu).not.toMatch(/<b onmouseover|href="javascript:/);
  });

  it('--html --strip-emails: people keep their names and groups, lose their addresses', async () => {
    const dir = notebook();
    expect((await exp(dir, ['--html', '--out', 'site', '--strip-emails'])).code).toBe(0);
    const people = read(dir, 'people.html');
    expect(people).toContain('<strong>Cy Person</strong><br><span class="meta">DST - Data Systems and Technologies</span></td>');
    expect(people).not.toMatch(/@|mailto/);
    expect(people).toContain('e-mail addresses left out');
    expect(read(dir, 'follow-ups.html')).toContain('Send the &lt;script&gt;alert(1)&lt;/script&gt; ingestion notes to <span class="meta">');
    expect(read(dir, 'search-index.json')).not.toMatch(/@|mailto/);
  });

  it('--strip-emails leaves out people known only by their address, or by a name made from it', async () => {
    const dir = notebook();
    writeFileSync(join(dir, 'ideas.md'), '# Ideas\n\n- Write to zed.q@example.org about samples.\n- Ask x9@example.org too.\n- Asked jane.q.private@example.org about the beamline.\n');
    await exp(dir, ['--html', '--out', 'site']);
    const withAddresses = read(dir, 'people.html');
    expect(withAddresses).toContain('x9@example.org');
    expect([...withAddresses.matchAll(/<tr id="([^"]+)"/g)].map((m) => m[1])).toContain('person-x9-example-org');
    await exp(dir, ['--html', '--out', 'site', '--strip-emails']);
    const stripped = read(dir, 'people.html');
    expect(stripped).not.toMatch(/@|x9|zed|private/i);
    expect([...stripped.matchAll(/<tr id="([^"]+)"><td><strong>([^<]*)</g)].map((m) => m[2])).toEqual(['Ada Example', 'Bo Sample', 'Cy Person', 'Dee Example']);
    expect(read(dir, 'search-index.json')).not.toMatch(/private/i);
    expect((await exp(dir, ['--md', '--strip-emails'])).stdout).not.toMatch(/private/i);
    expect((await exp(dir, ['--md'])).stdout).toContain('Jane Q Private');
  });

  it('--md ends with "People met" and "Follow-ups" after the days', async () => {
    const r = await exp(notebook(), ['--md']);
    expect(r.code).toBe(0);
    const people = r.stdout.indexOf('\n## People met\n');
    const follow = r.stdout.indexOf('\n## Follow-ups\n');
    expect(people).toBeGreaterThan(r.stdout.indexOf('### Data management — 2024-03-12'));
    expect(follow).toBeGreaterThan(people);
    expect(r.stdout.slice(people)).toContain('- **Cy Person**, DST - Data Systems and Technologies <cy.person@example.org> (maxiv-2024, 2024-03-12)');
    expect(r.stdout.slice(follow)).toContain('- [ ] Send the <script>alert(1)</script> ingestion notes to cy.person@example.org (2024-03-12, `maxiv-2024/day-2.md:11`)');
    expect(r.stdout).not.toContain('Eve Secret');
  });

  it('--md --strip-emails strips the sections too', async () => {
    const r = await exp(notebook(), ['--md', '--strip-emails']);
    const tail = r.stdout.slice(r.stdout.indexOf('\n## People met\n'));
    expect(tail).toContain('- **Cy Person**, DST - Data Systems and Technologies (maxiv-2024, 2024-03-12)');
    expect(tail).toContain('ingestion notes to [e-mail removed]');
    expect(tail).not.toMatch(/@|mailto/);
  });
});
