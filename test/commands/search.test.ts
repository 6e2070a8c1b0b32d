import { beforeEach, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, copyOf, run } from '../helpers/run.js';
import { useSearchNotebook } from '../helpers/search-notebook.js';
import { canSymlink } from '../helpers/files.js';
import { main } from '../../src/main.js';
import Database from 'better-sqlite3';
import { indexFile } from '../../src/index/search-index.js';

const s = useSearchNotebook();

const search = (args: string[], env: Record<string, string> = {}) =>
  run(['search', ...args], { cwd: s.nb, env: { NOTES_CACHE_DIR: s.cache, ...extraEnv, ...env } });
/** Extra environment for every search of the current test. */
let extraEnv: Record<string, string> = {};
beforeEach(() => { extraEnv = {}; });
const paths = async (...args: string[]) => {
  const r = await search(['--paths', ...args]);
  return r.stdout.split('\n').filter(Boolean);
};
const jsonOf = async (...args: string[]) => {
  const r = await search(['--json', ...args]);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { path: string; title: string; date: string | null; score: number; matches: { line: number; text: string }[] }[];
};

describe('notes search: matching', () => {
  it('finds a word in body, tags and title; drafts left out', async () => {
    expect((await paths('kafka')).sort()).toEqual(['lab-2023/2023-09-05.md', 'synchrotron-2024/2024-03-11.md', 'synchrotron-2024/2024-03-12.md']);
  });

  it.each([
    ['kafak', 'lab-2023/2023-09-05.md'], // two letters swapped
    ['holmqvst', 'lab-2023/2023-09-05.md'], // a person's name, a letter missing
    ['wrzesnak', 'lab-2023/2023-09-06.md'], // a name in a [link](mailto:)
    ['epcis', 'lab-2023/2023-09-06.md'],
    ['slurn', 'lab-2023/2023-09-06.md'],
    ['scicta', 'lab-2023/2023-09-07.md'],
    ['retnetion', 'synchrotron-2024/2024-03-12.md'],
    ['cafe', 'synchrotron-2024/2024-03-12.md'], // diacritics ignored
  ])('typo %s finds %s', async (word, path) => {
    expect(await paths(word)).toContain(path);
  });

  it('the beginning of a word finds the longer word (a name remembered by half), highlighted whole', async () => {
    const hits = await jsonOf('holmq');
    expect(hits.map((h) => h.path).sort()).toEqual(['lab-2023/2023-09-05.md', 'synchrotron-2024/2024-03-11.md']);
    expect(hits.every((h) => h.score <= 1)).toBe(true);
    expect(hits[0]!.matches[0]!.text).toMatch(/Holmqvist/);
    expect((await search(['holmq', '--exact'])).code).toBe(1);
    // Two letters begin too many words: only the word itself.
    expect((await search(['ho'])).code).toBe(1);
  });

  it('--exact turns typo tolerance off', async () => {
    const r = await search(['kafak', '--exact']);
    expect(r.code).toBe(1);
    expect(await paths('kafka', '--exact')).toHaveLength(3);
  });

  it('all plain words must match', async () => {
    expect(await paths('kafka', 'coffee')).toEqual(['synchrotron-2024/2024-03-12.md']);
    expect((await paths('kafka', 'retention')).sort()).toEqual(['lab-2023/2023-09-05.md', 'synchrotron-2024/2024-03-12.md']);
    expect(await paths('epics', 'slurm')).toEqual(['lab-2023/2023-09-06.md']);
    expect((await search(['epics', 'kafka'])).code).toBe(1);
  });

  it('finds words of the front matter\'s description, summary and keywords, and shows that line', async () => {
    writeFileSync(join(s.nb, 'page.md'), '---\ntitle: Render hooks\ndescription: Override the conversion of Markdown to HTML.\nkeywords: [hooks, zeppelin]\n---\nBody without those words.\n');
    const [hit] = await jsonOf('conversion');
    expect(hit).toMatchObject({ path: 'page.md', matches: [{ line: 3, text: 'description: Override the conversion of Markdown to HTML.' }] });
    expect(await paths('zeppelin')).toEqual(['page.md']);
    expect(await paths('"conversion of markdown"')).toEqual(['page.md']);
  });

  it('a phrase holds within one tag, one line or the title: not across two tags or two bullets', async () => {
    writeFileSync(join(s.nb, 'shopping.md'), '---\ntitle: Shopping\ntags: [data, systems]\n---\n- buy milk\n- cluster upgrade\n');
    writeFileSync(join(s.nb, 'real.md'), '---\ntitle: Real\ntags: [data systems]\n---\n- the milk cluster here\n');
    expect(await paths('tag:"data systems"')).toEqual(['real.md']);
    expect(await paths('"milk cluster"')).toEqual(['real.md']);
    expect(await paths('"data systems"')).toEqual(['real.md']);
    const [hit] = await jsonOf('"buy milk"');
    expect(hit).toMatchObject({ path: 'shopping.md', matches: [{ line: 5, text: '- buy milk' }] });
  });

  it('a phrase matches only the words in that order', async () => {
    expect(await paths('"event formation"')).toEqual(['lab-2023/2023-09-05.md']);
    expect((await search(['"formation event"'])).code).toBe(1);
    // A shell-quoted argument with spaces is a phrase too.
    expect(await paths('event formation')).toEqual(['lab-2023/2023-09-05.md']);
  });

  it('-word leaves notes out, and is not fuzzy', async () => {
    expect((await paths('kafka', '--', '-detectors')).sort()).toEqual(['synchrotron-2024/2024-03-12.md']);
    expect((await paths('kafka -coffee')).sort()).toEqual(['lab-2023/2023-09-05.md', 'synchrotron-2024/2024-03-11.md']);
    expect((await paths('kafka -cofee')).length).toBe(3);
    expect(await paths('kafka -"raw topics"')).toEqual(['synchrotron-2024/2024-03-11.md']);
  });

  it('tag: and title: look only in that field', async () => {
    expect(await paths('tag:kafka')).toEqual(['lab-2023/2023-09-05.md']);
    expect(await paths('title:kafka')).toEqual(['synchrotron-2024/2024-03-12.md']);
    expect(await paths('tag:kafak')).toEqual(['lab-2023/2023-09-05.md']);
    expect((await search(['tag:retention'])).code).toBe(1);
  });

  it('shares the filters of list', async () => {
    expect(await paths('kafka', '--since', '2024-01-01', '--until', '2024-03-11')).toEqual(['synchrotron-2024/2024-03-11.md']);
    expect(await paths('kafka', '--visit', 'lab-2023')).toEqual(['lab-2023/2023-09-05.md']);
    expect(await paths('kafka', '--tag', 'streaming')).toEqual(['lab-2023/2023-09-05.md']);
    expect(await paths('kafka', '--category', 'tour')).toEqual(['synchrotron-2024/2024-03-11.md']);
    expect((await paths('kafka', '--drafts'))).toContain('lab-2023/2023-09-08.md');
  });
});

describe('notes search: ranking', () => {
  it('ranks exact matches above fuzzy ones', async () => {
    writeFileSync(join(s.nb, 'kafak-note.md'), '+++\ntitle = "Kafak Kafak"\ntags = ["kafak"]\n+++\nkafak kafak kafak\n');
    const hits = await jsonOf('kafka');
    expect(hits.map((h) => h.path).slice(0, 3).sort()).toEqual(['lab-2023/2023-09-05.md', 'synchrotron-2024/2024-03-11.md', 'synchrotron-2024/2024-03-12.md']);
    expect(hits[3]!.path).toBe('kafak-note.md');
    expect(hits[2]!.score).toBeGreaterThan(1);
    expect(hits[3]!.score).toBeLessThanOrEqual(1);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  });

  it('ranks a title match above a body match', async () => {
    writeFileSync(join(s.nb, 'filler.md'), 'nothing to see\n'.repeat(5));
    writeFileSync(join(s.nb, 'filler2.md'), 'still nothing\n');
    const hits = await jsonOf('retention');
    expect(hits[0]!.path).toBe('synchrotron-2024/2024-03-12.md'); // in its title
    expect(hits[1]!.path).toBe('lab-2023/2023-09-05.md'); // in its body only
  });

  // The body note holds the word three times, the other once (twice for a
  // heading or a name, which are body text too): only the column weights
  // can put the other first.
  it.each([
    ['the title', '+++\ntitle = "Zeppelin"\ndate = 2020-01-01\n+++\nsome other words here\n'],
    ['a heading', '+++\ndate = 2020-01-01\n+++\n# Zeppelin\n\nsome words here, and more words, and more words to make it as long\n'],
    ['a top-level bullet', '+++\ndate = 2020-01-01\n+++\n- Zeppelin\n  - some words here\n'],
    ['a tag', '+++\ntags = ["zeppelin"]\ndate = 2020-01-01\n+++\nsome words here\n'],
    ["a person's name", '+++\ndate = 2020-01-01\n+++\n- met Ada Zeppelin (mailto:ada@example.org)\n'],
  ])('ranks a word in %s above the same word in body text', async (_what, text) => {
    writeFileSync(join(s.nb, 'a-body.md'), '+++\ntitle = "Body"\ndate = 2030-01-01\n+++\nzeppelin here\n  - zeppelin there\n  - and zeppelin\n');
    writeFileSync(join(s.nb, 'b-special.md'), text);
    expect(await paths('zeppelin', '--exact')).toEqual(['b-special.md', 'a-body.md']);
  });

  it('lets the more recent note win a tie', async () => {
    writeFileSync(join(s.nb, 'old.md'), '+++\ntitle = "x"\ndate = 2020-01-01\n+++\nzeppelin\n');
    writeFileSync(join(s.nb, 'new.md'), '+++\ntitle = "x"\ndate = 2025-01-01\n+++\nzeppelin\n');
    writeFileSync(join(s.nb, 'mid.md'), '+++\ntitle = "x"\ndate = 2022-01-01\n+++\nzeppelin\n');
    expect(await paths('zeppelin')).toEqual(['new.md', 'mid.md', 'old.md']);
  });
});

describe('notes search: output', () => {
  it('prints date, title and path, then path:line: lines', async () => {
    const r = await search(['event formation']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '2023-09-05  One  lab-2023/2023-09-05.md\n' +
      'lab-2023/2023-09-05.md:15:  - Event formation unit turns raw readouts into neutron events.\n');
    expect(r.stderr).toBe('');
  });

  it('shows at most three lines per note', async () => {
    const r = await search(['epics', 'slurm', 'gpfs']);
    expect(r.stdout.split('\n').filter((l) => l.startsWith('lab-2023/2023-09-06.md:'))).toHaveLength(3);
  });

  it('--json gives path, title, date, score and 1-based file lines', async () => {
    const hits = await jsonOf('scicat');
    expect(hits).toEqual([{ path: 'lab-2023/2023-09-07.md', title: 'Three', date: '2023-09-07', score: 2, matches: [
      { line: 9, text: '  - SciCat stores the metadata of every dataset.' },
    ] }]);
    const file = readFileSync(join(s.nb, 'lab-2023/2023-09-07.md'), 'utf8').split('\n');
    expect(file[8]).toBe(hits[0]!.matches[0]!.text);
  });

  it('paths are relative to the working directory', async () => {
    const r = await run(['search', 'scicat', '--paths'], { cwd: join(s.nb, 'lab-2023'), env: { NOTES_CACHE_DIR: s.cache } });
    expect(r.stdout).toBe('2023-09-07.md\n');
    const outside = await run(['--dir', s.nb, 'search', 'scicat', '--paths'], { cwd: s.cache, env: { NOTES_CACHE_DIR: s.cache } });
    expect(outside.stdout).toBe(`${join(s.nb, 'lab-2023/2023-09-07.md')}\n`);
  });

  it('--limit keeps the best n', async () => {
    expect(await paths('kafka', '--limit', '2')).toHaveLength(2);
    expect((await search(['kafka', '--limit', '0'])).code).toBe(2);
  });

  it('highlights matched words only on a terminal', async () => {
    const plain = await search(['scicat']);
    expect(plain.stdout).not.toContain('\x1b[');
    const tty = await run(['search', 'scicat'], { cwd: s.nb, env: { NOTES_CACHE_DIR: s.cache, FORCE_COLOR: '1' }, tty: true });
    expect(tty.stdout).toContain('\x1b[1m\x1b[31mSciCat\x1b[39m\x1b[22m');
  });

  it('no hit: exit 1 and one line on stderr', async () => {
    const r = await search(['zebrafish']);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'notes: no notes match "zebrafish"\n' });
    expect(await search(['zebrafish', '--json'])).toEqual({ code: 1, stdout: '[]\n', stderr: 'notes: no notes match "zebrafish"\n' });
  });

  it.each([[['']], [['!!!']], [['--', '-kafka']], [['--', '-kafka', '-tag:epics']]])('%j is a usage error (exit 2)', async (args) => {
    const r = await search(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^notes: error: the search query/);
  });

  it('indexes a note whose front matter holds an integer too big for JSON', async () => {
    writeFileSync(join(s.nb, 'big.md'), '+++\ntitle = "Big"\nserial = 12345678901234567890\n+++\n- a quasar\n');
    const r = await search(['quasar', '--paths']);
    expect(r).toEqual({ code: 0, stdout: 'big.md\n', stderr: '' });
  });

  it('reports unreadable notes once each and still searches the rest', async () => {
    writeFileSync(join(s.nb, 'broken.md'), '+++\ntitle = "kafka\n+++\nkafka\n');
    const r = await search(['kafka']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^notes: warning: skipped broken\.md:\d+: invalid TOML front matter/);
    expect(r.stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});

describe('notes search: the index', () => {
  it('lives in NOTES_CACHE_DIR, never in the notebook', async () => {
    const before = readdirSync(s.nb, { recursive: true }).sort();
    await search(['kafka']);
    expect(readdirSync(s.nb, { recursive: true }).sort()).toEqual(before);
    expect(existsSync(indexFile(s.nb, { NOTES_CACHE_DIR: s.cache }))).toBe(true);
  });

  it('defaults to $XDG_CACHE_HOME/notes, else ~/.cache/notes', async () => {
    const r = await run(['search', 'kafka'], { cwd: s.nb, env: { XDG_CACHE_HOME: s.cache } });
    expect(r.code).toBe(0);
    expect(readdirSync(join(s.cache, 'notes')).some((f) => f.endsWith('.sqlite'))).toBe(true);
    const home = join(s.cache, 'home');
    expect((await run(['search', 'kafka'], { cwd: s.nb, env: { HOME: home, XDG_CACHE_HOME: undefined } })).code).toBe(0);
    expect(readdirSync(join(home, '.cache/notes')).some((f) => f.endsWith('.sqlite'))).toBe(true);
  });

  it('keeps one index per notebook', async () => {
    const other = copyOf(join(FIXTURES, 'search'));
    s.cleanups.push(other.cleanup);
    expect(indexFile(s.nb, { NOTES_CACHE_DIR: s.cache })).not.toBe(indexFile(other.dir, { NOTES_CACHE_DIR: s.cache }));
    rmSync(join(other.dir, 'lab-2023'), { recursive: true });
    expect((await run(['search', 'scicat'], { cwd: other.dir, env: { NOTES_CACHE_DIR: s.cache } })).code).toBe(1);
    expect((await search(['scicat'])).code).toBe(0);
  });

  it.each(['find', 'walk'])('sees a note added, edited, renamed and deleted (notebook listed with %s)', async (method) => {
    extraEnv = { NOTES_INDEX_SCAN: method };
    if (method === 'walk') {
      // A symlinked folder makes the index list the notebook with walkNotes.
      mkdirSync(join(s.cache, 'elsewhere'));
      writeFileSync(join(s.cache, 'elsewhere', 'outside.md'), '- linked in\n');
      symlinkSync(join(s.cache, 'elsewhere'), join(s.nb, 'linked'));
      expect(await paths('linked')).toEqual(['linked/outside.md']);
    }
    const v = await search(['-v', 'kafka'], { NOTES_INDEX_SCAN: method });
    if (method === 'walk' || process.env.NOTES_REQUIRE_EXTERNAL || process.platform === 'linux') expect(v.stderr).toContain(`(listed with ${method})`);
    expect((await search(['zeppelin'])).code).toBe(1);
    writeFileSync(join(s.nb, 'added.md'), '+++\ntitle = "Added"\n+++\n- a zeppelin over the hall\n');
    expect(await paths('zeppelin')).toEqual(['added.md']);

    const one = join(s.nb, 'lab-2023/2023-09-05.md');
    writeFileSync(one, readFileSync(one, 'utf8').replace('Kafka topics', 'zeppelin topics'));
    expect((await paths('zeppelin')).sort()).toEqual(['added.md', 'lab-2023/2023-09-05.md']);
    expect(await paths('kafka', '--visit', 'lab-2023', '--exact')).toEqual(['lab-2023/2023-09-05.md']); // still in its tags
    expect((await jsonOf('zeppelin', '--visit', 'lab-2023'))[0]!.matches).toEqual([{ line: 14, text: '  - The detectors publish events to zeppelin topics.' }]);

    renameSync(join(s.nb, 'added.md'), join(s.nb, 'lab-2023/moved.md'));
    expect((await paths('zeppelin')).sort()).toEqual(['lab-2023/2023-09-05.md', 'lab-2023/moved.md']);

    unlinkSync(join(s.nb, 'lab-2023/moved.md'));
    expect(await paths('zeppelin')).toEqual(['lab-2023/2023-09-05.md']);
    rmSync(join(s.nb, 'lab-2023'), { recursive: true });
    expect((await search(['zeppelin'])).code).toBe(1);
  });

  it.each(['find', 'walk'])('sees an edit that keeps the size and the modification time (listed with %s)', async (method) => {
    extraEnv = { NOTES_INDEX_SCAN: method };
    const two = join(s.nb, 'lab-2023/2023-09-06.md');
    await search(['slurm']);
    const t = new Date('2023-09-06T12:00:00Z');
    utimesSync(two, t, t);
    await search(['slurm']);
    writeFileSync(two, readFileSync(two, 'utf8').replace('Slurm', 'Torus'));
    utimesSync(two, t, t); // ctime still changes: the hash is checked
    expect(await paths('torus', '--exact')).toEqual(['lab-2023/2023-09-06.md']);
    expect((await search(['slurm', '--exact'])).code).toBe(1);
  });

  it('re-reads only what changed (notes index reports it)', async () => {
    const first = await run(['index'], { cwd: s.nb, env: { NOTES_CACHE_DIR: s.cache } });
    expect(first.stderr).toMatch(/index of 8 notes up to date in \d+ ms \(8 added, 0 changed, 0 removed\)/);
    const touched = join(s.nb, 'ideas.md');
    const later = new Date(Date.now() + 5000);
    utimesSync(touched, later, later);
    writeFileSync(join(s.nb, 'lab-2023/2023-09-06.md'), '- changed\n');
    const second = await run(['index'], { cwd: s.nb, env: { NOTES_CACHE_DIR: s.cache } });
    expect(second.stderr).toMatch(/index of 8 notes up to date in \d+ ms \(0 added, 1 changed, 0 removed\)/);
  });

  it('is rebuilt when deleted between runs', async () => {
    await search(['kafka']);
    const file = indexFile(s.nb, { NOTES_CACHE_DIR: s.cache });
    rmSync(s.cache, { recursive: true, force: true });
    const r = await search(['kafka']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(existsSync(file)).toBe(true);
  });

  it.each([
    ['garbage', (f: string) => writeFileSync(f, 'this is not a database at all, just text '.repeat(200))],
    ['truncated', (f: string) => { const b = readFileSync(f); writeFileSync(f, b.subarray(0, 2048)); }],
    ['zeroed pages', (f: string) => { const b = readFileSync(f); b.fill(0x5a, 4096, b.length); writeFileSync(f, b); }],
    // SQLite reads this one as "unsupported file format", a plain SQLITE_ERROR.
    ['header fields', (f: string) => { const b = readFileSync(f); for (let i = 40; i < 48; i++) b[i]! ^= 0xff; writeFileSync(f, b); }],
  ])('is rebuilt with a warning when corrupt (%s)', async (_name, damage) => {
    await run(['index'], { cwd: s.nb, env: { NOTES_CACHE_DIR: s.cache } });
    const file = indexFile(s.nb, { NOTES_CACHE_DIR: s.cache });
    for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    damage(file);
    const r = await search(['scicat', '--paths']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('lab-2023/2023-09-07.md\n');
    expect(r.stderr).toMatch(/^notes: warning: the search index .* was unreadable .*; rebuilding it\n$/);
    const again = await search(['scicat']);
    expect(again.stderr).toBe('');
  });

  it('notes index --rebuild repairs a damaged index, as the warnings tell users to', async () => {
    await run(['index'], { cwd: s.nb, env: { NOTES_CACHE_DIR: s.cache } });
    const file = indexFile(s.nb, { NOTES_CACHE_DIR: s.cache });
    for (const f of [`${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
    const b = readFileSync(file);
    for (let i = 40; i < 48; i++) b[i]! ^= 0xff;
    writeFileSync(file, b);
    const r = await run(['index', '--rebuild'], { cwd: s.nb, env: { NOTES_CACHE_DIR: s.cache } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/index of 8 notes up to date/);
    expect((await search(['scicat', '--paths'])).stdout).toBe('lab-2023/2023-09-07.md\n');
  });

  it('is rebuilt silently when written by another version of notes', async () => {
    await search(['kafka']);
    const file = indexFile(s.nb, { NOTES_CACHE_DIR: s.cache });
    const db = new Database(file);
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'schema'").run();
    db.prepare('DELETE FROM notes').run(); // what an old version would hold does not matter
    db.close();
    const r = await search(['scicat', '--paths']);
    expect(r).toEqual({ code: 0, stdout: 'lab-2023/2023-09-07.md\n', stderr: '' });
  });

  it('falls back to a temporary index when the cache folder cannot be written', async () => {
    const file = join(s.cache, 'not-a-folder');
    writeFileSync(file, '');
    const r = await search(['scicat', '--paths'], { NOTES_CACHE_DIR: join(file, 'sub') });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('lab-2023/2023-09-07.md\n');
    expect(r.stderr).toMatch(/notes: warning: cannot write the search index/);
  });

  // A cache folder on a disk that is not mounted: following the symlink gives ENOENT.
  describe.skipIf(!canSymlink)(`when the cache folder is a dangling symlink${canSymlink ? '' : ' (skipped: this platform cannot make symlinks)'}`, () => {
    const dangling = () => {
      const link = join(s.cache, 'unplugged');
      symlinkSync(join(s.cache, 'no-such-disk', 'cache'), link);
      return link;
    };

    it.each([['search', 'scicat', '--paths'], ['index']])('notes %s falls back to a temporary index', async (...args) => {
      const r = await run(args, { cwd: s.nb, env: { NOTES_CACHE_DIR: dangling() } });
      expect(r.stderr).toMatch(/^notes: warning: cannot write the search index in .*unplugged.* \(ENOENT\); using a temporary one\n/);
      expect(r.code, r.stderr).toBe(0);
      if (args[0] === 'search') expect(r.stdout).toBe('lab-2023/2023-09-07.md\n');
      expect(existsSync(join(s.cache, 'no-such-disk'))).toBe(false);
    });

    it('also as ~/.cache, with NOTES_CACHE_DIR and XDG_CACHE_HOME unset', async () => {
      const home = join(s.cache, 'home');
      mkdirSync(home);
      symlinkSync(join(s.cache, 'no-such-disk'), join(home, '.cache'));
      const r = await run(['search', 'scicat', '--paths'], { cwd: s.nb, env: { HOME: home, XDG_CACHE_HOME: '' } });
      expect(r).toEqual({ code: 0, stdout: 'lab-2023/2023-09-07.md\n', stderr: expect.stringMatching(/^notes: warning: cannot write the search index in .*home\/\.cache\/notes\/.*\(ENOENT\)/) });
    });
  });

  it('notes index --rebuild rebuilds it; --path says where it is', async () => {
    await search(['kafka']);
    const r = await run(['index', '--rebuild'], { cwd: s.nb, env: { NOTES_CACHE_DIR: s.cache } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/\(8 added, 0 changed, 0 removed\)/);
    const p = await run(['index', '--path'], { cwd: s.nb, env: { NOTES_CACHE_DIR: s.cache } });
    expect(p.stdout).toBe(`${indexFile(s.nb, { NOTES_CACHE_DIR: s.cache })}\n`);
  });

  it('shows no progress when stderr is not a terminal', async () => {
    for (let i = 0; i < 250; i++) writeFileSync(join(s.nb, `bulk-${i}.md`), `note ${i} about kafka\n`);
    const r = await search(['kafka', '--limit', '1']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });
});

describe('notes search: progress', () => {
  it('shows progress of a large (re)indexing on stderr when stderr is a terminal, and clears it', async () => {
    for (let i = 0; i < 250; i++) writeFileSync(join(s.nb, `bulk-${i}.md`), `note ${i} about kafka\n`);
    let stderr = '';
    let stdout = '';
    const code = await main(['search', 'kafka', '--paths', '--limit', '1'], {
      cwd: s.nb,
      env: { NOTES_CACHE_DIR: s.cache, PATH: process.env.PATH },
      now: () => new Date(),
      stdout: { write: (t: string) => { stdout += t; }, isTTY: false },
      stderr: { write: (t: string) => { stderr += t; }, isTTY: true },
      stdin: null,
    });
    expect(code).toBe(0);
    expect(stdout.split('\n').filter(Boolean)).toHaveLength(1);
    const plain = stderr.replace(/\x1b\[\d+m/g, '');
    expect(plain).toMatch(/^\rnotes: indexing 50\/258 notes…\rnotes: indexing 100\/258 notes…/);
    expect(stderr.endsWith('\r\x1b[K')).toBe(true);
    expect(stdout).not.toContain('indexing');
  });
});
