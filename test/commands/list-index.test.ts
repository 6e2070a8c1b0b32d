/**
 * `notes list` reads the search index when one exists: its output must be
 * byte-identical to reading the files, broken notes must still be reported
 * (one warning each, from what the index remembers), and a missing, damaged
 * or unloadable index must only ever fall back to reading the files.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, SHARED, copyOf, hasShared, run, tempDir } from '../helpers/run.js';
import { indexFile } from '../../src/index/location.js';
import { EARLY_LISTING_BYTES } from '../../src/commands/notes-source.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function cache(): string {
  const t = tempDir('notes-cache-');
  cleanups.push(t.cleanup);
  return t.dir;
}

const list = (dir: string, cacheDir: string, mode: string, extra: string[] = []) =>
  run(['list', '--json', '--drafts', ...extra, '--dir', dir], { env: { NOTES_CACHE_DIR: cacheDir, NOTES_LIST_INDEX: mode } });

/** The JSON and the table, from the files and from the index (cold, then warm), must be the same bytes. */
async function expectSameOutput(dir: string, extra: string[] = []) {
  let json;
  for (const shape of ['json', 'table']) {
    const c = cache();
    const listed = (mode: string) => shape === 'json'
      ? list(dir, c, mode, [...extra, '--verbose'])
      : run(['list', '--drafts', ...extra, '--verbose', '--dir', dir], { env: { NOTES_CACHE_DIR: c, NOTES_LIST_INDEX: mode } });
    const files = await listed('never');
    expect(files.stderr).toMatch(/notes read from the files/);
    files.stderr = files.stderr.replace(/^.*notes read from.*\n/m, '');
    for (const pass of ['cold', 'warm']) {
      const ix = await listed('always');
      expect(ix.code, `${shape} ${pass}`).toBe(files.code);
      expect(ix.stdout, `${shape} ${pass}`).toBe(files.stdout);
      expect(ix.stderr.replace(/^.*notes read from.*\n/m, ''), `${shape} ${pass}`).toBe(files.stderr);
      expect(ix.stderr, `${shape} ${pass}`).toMatch(/notes read from the search index/);
    }
    json ??= files;
  }
  return json!;
}

describe('notes list from the search index', () => {
  const fixtures = readdirSync(FIXTURES).filter((f) => !f.startsWith('.'));
  it.each(fixtures)('gives the same JSON and warnings as the files on the %s fixture', async (name) => {
    await expectSameOutput(join(FIXTURES, name));
  });

  it('with filters, sorting and a limit', async () => {
    for (const extra of [['--tag', 'kafka'], ['--since', '2023-09-05', '--sort', 'title', '-r'], ['--sort', 'weight', '-n', '3'], ['--visit', 'ess-2023']]) {
      await expectSameOutput(join(FIXTURES, 'visits'), extra);
    }
  });

  it('reports each broken note once, also when the index does not read it again', async () => {
    const c = cache();
    const files = await list(join(FIXTURES, 'bad-input'), c, 'never');
    const warnings = files.stderr.split('\n').filter((l) => l.includes('warning: skipped'));
    expect(warnings.length).toBeGreaterThanOrEqual(3);
    expect(new Set(warnings).size).toBe(warnings.length);
    await list(join(FIXTURES, 'bad-input'), c, 'always');
    const warm = await list(join(FIXTURES, 'bad-input'), c, 'always');
    expect(warm.stderr).toBe(files.stderr);
    expect(warm.stdout).toBe(files.stdout);
  });

  it('sees notes edited, added and removed since the index was last refreshed', async () => {
    const nb = copyOf(join(FIXTURES, 'visits'));
    cleanups.push(nb.cleanup);
    const c = cache();
    await list(nb.dir, c, 'always');
    const note = join(nb.dir, 'ess-2023', '2023-09-04.md');
    writeFileSync(note, readFileSync(note, 'utf8').replace("title = 'One'", "title = 'Retitled'"));
    rmSync(join(nb.dir, 'ess-2023', '2023-09-06.md'));
    writeFileSync(join(nb.dir, 'new.md'), '+++\ntitle = "Brand new"\ndate = 2030-01-01\n+++\n');
    writeFileSync(join(nb.dir, 'broken.md'), '+++\ntitle = \n+++\n');
    const files = await expectSameOutput(nb.dir);
    expect(files.stdout).toMatch(/Retitled/);
    expect(files.stdout).toMatch(/Brand new/);
    expect(files.stdout).not.toMatch(/2023-09-06\.md/);
    expect(files.stderr).toMatch(/skipped broken\.md/);
  });

  it('falls back to the files, with one warning, when the index is damaged', async () => {
    const c = cache();
    const dir = join(FIXTURES, 'visits');
    const files = await list(dir, c, 'never');
    await list(dir, c, 'always');
    const file = indexFile(dir, { NOTES_CACHE_DIR: c });
    expect(existsSync(file)).toBe(true);
    for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) writeFileSync(f, 'this is not a database '.repeat(500));
    const r = await list(dir, c, 'always');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(files.stdout);
    expect(r.stderr.match(/warning: the search index cannot be used/g)).toHaveLength(1);
  });

  it('falls back to the files silently when the index is from another version of notes', async () => {
    const c = cache();
    const dir = join(FIXTURES, 'visits');
    const files = await list(dir, c, 'never');
    await list(dir, c, 'always');
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(indexFile(dir, { NOTES_CACHE_DIR: c }));
    db.prepare("UPDATE meta SET value = '0' WHERE key = 'schema'").run();
    db.close();
    const r = await list(dir, c, 'always', ['--verbose']);
    expect(r.stdout).toBe(files.stdout);
    expect(r.stderr).toMatch(/notes read from the files/);
    expect(r.stderr).not.toMatch(/warning/);
  });

  it('falls back to the files when the cache folder cannot hold an index', async () => {
    const c = cache();
    const blocker = join(c, 'file');
    writeFileSync(blocker, 'not a folder');
    const dir = join(FIXTURES, 'visits');
    const files = await list(dir, c, 'never');
    const r = await run(['list', '--json', '--drafts', '--dir', dir], { env: { NOTES_CACHE_DIR: blocker, NOTES_LIST_INDEX: 'always' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(files.stdout);
    expect(r.stderr).toMatch(/warning: the search index cannot be used/);
  });

  it('by default reads the files of a small notebook, even when it has an index', async () => {
    const c = cache();
    const dir = join(FIXTURES, 'visits');
    await run(['index', '--dir', dir], { env: { NOTES_CACHE_DIR: c } });
    expect(existsSync(indexFile(dir, { NOTES_CACHE_DIR: c }))).toBe(true);
    const r = await run(['list', '--verbose', '--dir', dir], { env: { NOTES_CACHE_DIR: c } });
    expect(r.stderr).toMatch(/notes read from the files/);
  });

  it('by default reads the files when there is no index, and does not create one', async () => {
    const c = cache();
    const dir = join(FIXTURES, 'visits');
    const r = await run(['list', '--verbose', '--dir', dir], { env: { NOTES_CACHE_DIR: c } });
    expect(r.stderr).toMatch(/notes read from the files/);
    expect(readdirSync(c)).toEqual([]);
  });

  it('by default reads the files when the index is far behind them, and leaves the index alone', async () => {
    const nb = tempDir();
    cleanups.push(nb.cleanup);
    const c = cache();
    const env = { NOTES_CACHE_DIR: c };
    const note = (i: number) => `+++\ntitle = "Note ${i}"\ndate = 2024-01-01T10:00:00+01:00\ntags = ["t${i % 7}"]\n+++\n${Array.from({ length: 60 }, (_, j) => `w${i}x${j}`).join(' ')}\n`;
    for (let i = 0; i < 300; i++) writeFileSync(join(nb.dir, `n${i}.md`), note(i));
    await run(['index', '--dir', nb.dir], { env });
    const source = async () => (await run(['list', '--verbose', '--dir', nb.dir], { env })).stderr.match(/notes read from the (\w+( \w+)?)/)![1];
    expect(await source()).toBe('search index');
    for (let i = 300; i < 520; i++) writeFileSync(join(nb.dir, `n${i}.md`), note(i));
    const r = await run(['list', '--json', '--verbose', '--dir', nb.dir], { env });
    expect(r.stderr).toMatch(/notes read from the files/);
    expect(r.stderr).not.toMatch(/warning/);
    expect(JSON.parse(r.stdout)).toHaveLength(520);
    expect(await source()).toBe('files'); // still behind: list did not index them
    await run(['index', '--dir', nb.dir], { env });
    expect(await source()).toBe('search index');
  });

  const need = hasShared || process.env.NOTES_REQUIRE_EXTERNAL;
  it.skipIf(!need)('by default reads the index of a large notebook (hugo-docs, once indexed)', async () => {
    const c = cache();
    const dir = join(SHARED, 'corpora', 'hugo-docs', 'content');
    await run(['index', '--dir', dir], { env: { NOTES_CACHE_DIR: c } });
    const r = await run(['list', '--verbose', '--dir', dir], { env: { NOTES_CACHE_DIR: c } });
    expect(r.stderr).toMatch(/notes read from the search index/);
  });

  describe('tag list, visit list and completion read it too, with the same output', () => {
    const commands: string[][] = [
      ['tag', 'list', '--json', '--drafts'], ['tag', 'list', '--sort', 'name', '--visit', 'ess-2023'],
      ['visit', 'list', '--json'], ['visit', 'list'],
      ['__complete', 'list', '--tag', ''], ['__complete', 'list', '--visit', ''], ['__complete', 'show', ''], ['__complete', 'tag', 'remove', ''],
    ];
    async function same(dir: string) {
      const c = cache();
      for (const args of commands) {
        const env = (mode: string) => ({ env: { NOTES_CACHE_DIR: c, NOTES_LIST_INDEX: mode } });
        // __complete completes its last word: --dir goes first.
        const argv = args[0] === '__complete' ? ['__complete', '--dir', dir, ...args.slice(1)] : [...args, '--dir', dir];
        const files = await run(argv, env('never'));
        if (args[1] === 'show') expect(files.stdout, args.join(' ')).not.toBe('');
        for (const pass of ['cold', 'warm']) {
          const ix = await run(argv, env('always'));
          expect(ix.stdout, `${args.join(' ')} (${pass})`).toBe(files.stdout);
          expect(ix.stderr, `${args.join(' ')} (${pass})`).toBe(files.stderr);
          expect(ix.code).toBe(files.code);
        }
      }
    }
    it.each(['visits', 'tag-notebook', 'bad-input', 'export-visits'])('on the %s fixture', async (name) => {
      await same(join(FIXTURES, name));
    });
    it.skipIf(!need)('on the hugo-docs corpus', async () => {
      await same(join(SHARED, 'corpora', 'hugo-docs', 'content'));
    });
  });
});

describe('notes list from a large index (GNU find started before SQLite loads)', () => {
  const need = hasShared || process.env.NOTES_REQUIRE_EXTERNAL;
  it.skipIf(!need)('gives the files\' output, also right after notes changed', async () => {
    // Two copies of hugo-docs: ~2,000 notes, an index above EARLY_LISTING_BYTES.
    const t = tempDir();
    cleanups.push(t.cleanup);
    const dir = join(t.dir, 'nb');
    for (const half of ['a', 'b']) cpSync(join(SHARED, 'corpora', 'hugo-docs', 'content'), join(dir, half), { recursive: true });
    const c = cache();
    expect((await run(['index', '--dir', dir], { env: { NOTES_CACHE_DIR: c } })).code).toBe(0);
    expect(statSync(indexFile(dir, { NOTES_CACHE_DIR: c })).size).toBeGreaterThan(EARLY_LISTING_BYTES);
    const page = join(dir, 'a', 'about', 'introduction.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace(/^title: .*$/m, 'title: Retitled after the index'));
    rmSync(join(dir, 'b', 'about'), { recursive: true });
    for (const shape of [['--json'], []]) {
      const args = ['list', '--drafts', ...shape, '--verbose', '--dir', dir];
      const files = await run(args, { env: { NOTES_CACHE_DIR: c, NOTES_LIST_INDEX: 'never' } });
      const ix = await run(args, { env: { NOTES_CACHE_DIR: c, NOTES_LIST_INDEX: 'auto' } });
      expect(ix.stderr).toMatch(/notes read from the search index/);
      expect(ix.stdout).toBe(files.stdout);
      expect(ix.stdout).toContain('Retitled after the index');
      expect(ix.stdout).not.toContain('b/about/');
    }
  });
});
