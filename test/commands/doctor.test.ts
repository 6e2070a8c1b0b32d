import { describe, it, expect, afterEach } from 'vitest';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, copyOf, FIXTURES, REPO, tempDir } from '../helpers/run.js';
import { indexFile } from '../../src/index/location.js';
import { BAD_INPUT } from '../helpers/bad-input.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

/** A cache folder of the test's own, so that no index from elsewhere is looked at. */
function cacheEnv(): { NOTES_CACHE_DIR: string } {
  const t = tempDir('notes-cache-');
  cleanups.push(t.cleanup);
  return { NOTES_CACHE_DIR: t.dir };
}

describe('notes doctor', () => {
  it('finds what is wrong in the bad-input notebook, with a fix for each, exit 1', async () => {
    const r = await run(['doctor', '--json', '--dir', BAD_INPUT], { env: cacheEnv() });
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as Array<{ code: string; path: string; severity: string; hint: string; line?: number }>;
    const by = (code: string) => findings.filter((f) => f.code === code).map((f) => f.path).sort();
    expect(by('unreadable')).toEqual(['binary.md', 'deep-yaml.md', 'invalid-toml.md', 'invalid-yaml.md', 'latin1.md', 'sub/loop', 'unclosed.md']);
    expect(by('date-without-offset')).toEqual(['no-offset.md']);
    expect(by('unknown-front-matter')).toEqual(['unknown-format.md']);
    expect(findings.every((f) => f.hint.length > 10)).toBe(true);
    expect(findings[0]!.severity).toBe('error');
  });

  it('flags what Hugo reads differently or refuses, and visit numbering problems', async () => {
    const t = copyOf(join(FIXTURES, 'basic')); cleanups.push(t.cleanup);
    mkdirSync(join(t.dir, 'trip'));
    const day = (d: string, w: number) => `+++\ntitle = 'X'\ndate = ${d}T10:00:00+02:00\nmenuTitle = "${d}"\nweight = ${w}\n+++\n`;
    writeFileSync(join(t.dir, 'trip/2024-06-01.md'), day('2024-06-01', 1));
    writeFileSync(join(t.dir, 'trip/2024-06-02.md'), day('2024-06-02', 1));
    writeFileSync(join(t.dir, 'trip/2024-06-02-again.md'), day('2024-06-02', 2));
    writeFileSync(join(t.dir, 'bullets.md'), '- a note that starts with a bullet\n');
    writeFileSync(join(t.dir, '.x.md.999999.abcd.notes-tmp'), 'half');
    const r = await run(['doctor', '--json', '--dir', t.dir], { env: cacheEnv() });
    const findings = JSON.parse(r.stdout) as Array<{ code: string; path: string }>;
    const codes = new Set(findings.map((f) => `${f.code} ${f.path}`));
    expect(codes).toContain('duplicate-day-number trip/2024-06-02.md');
    expect(codes).toContain('duplicate-day trip/2024-06-02.md');
    expect(codes).toContain('missing-index trip');
    expect(codes).toContain('hugo-delimiter bullets.md');
    expect(codes).toContain('tags-as-string visit-a/2024-05-06.md');
    expect(codes).toContain('leftover-temp-file .x.md.999999.abcd.notes-tmp');
    expect(codes).not.toContain('missing-index visit-a');
  });

  it('flags a note Hugo leaves out as future, and a current_visit that names no folder', async () => {
    const t = copyOf(join(FIXTURES, 'basic')); cleanups.push(t.cleanup);
    writeFileSync(join(t.dir, 'visit-a/2024-05-20.md'), "+++\ntitle = 'Later'\ndate = 2024-05-20T09:00:00+02:00\n+++\n");
    // Prepared for tomorrow: fine. A future date with a past publishDate: published.
    writeFileSync(join(t.dir, 'visit-a/2024-05-10.md'), "+++\ntitle = 'Tomorrow'\ndate = 2024-05-10T09:00:00+02:00\n+++\n");
    writeFileSync(join(t.dir, 'visit-a/2024-05-30.md'), "+++\ntitle = 'Pub'\ndate = 2024-05-30T09:00:00+02:00\npublishDate = 2024-05-01T09:00:00+02:00\n+++\n");
    writeFileSync(join(t.dir, '.notes.toml'), 'current_visit = "visit-b"\n');
    const r = await run(['doctor', '--json', '--dir', t.dir], { env: cacheEnv(), now: new Date('2024-05-09T12:00:00Z') });
    const codes = (JSON.parse(r.stdout) as Array<{ code: string; path: string }>).map((f) => `${f.code} ${f.path}`);
    expect(codes).toContain('future-date visit-a/2024-05-20.md');
    expect(codes).toContain('missing-current-visit .notes.toml');
    expect(codes.filter((c) => c.startsWith('future-date'))).toHaveLength(1);
  });

  it('prints findings for people on stdout, a summary on stderr', async () => {
    const r = await run(['doctor', '--dir', join(REPO, 'notes')], { env: cacheEnv() });
    expect(r.stdout).toMatch(/ess-2023\/2023-09-08\.md: warning: tags is a bare string.*\[tags-as-string\]\n  fix: write it as a list: tags = \["scicat"\]/);
    expect(r.stderr).toMatch(/notes checked: 0 errors, 1 warnings/);
    expect(r.code).toBe(1);
  });

  describe('the search index', () => {
    type F = { code: string; path: string; message: string; hint: string; severity: string };
    async function setup() {
      const nb = copyOf(join(FIXTURES, 'visits')); cleanups.push(nb.cleanup);
      const env = cacheEnv();
      expect((await run(['search', 'beam', '--dir', nb.dir], { env })).stderr).not.toMatch(/warning/);
      const file = indexFile(nb.dir, env);
      expect(existsSync(file)).toBe(true);
      const findings = async () => (JSON.parse((await run(['doctor', '--json', '--dir', nb.dir], { env })).stdout) as F[]).filter((f) => f.code.startsWith('index-'));
      return { dir: nb.dir, env, file, findings };
    }

    it('says nothing when the index is up to date, or only notes were touched', async () => {
      const s = await setup();
      expect(await s.findings()).toEqual([]);
      const later = new Date(Date.now() + 5000);
      utimesSync(join(s.dir, 'ess-2023/2023-09-04.md'), later, later);
      expect(await s.findings()).toEqual([]);
    });

    it('says nothing when there is no index', async () => {
      const nb = copyOf(join(FIXTURES, 'visits')); cleanups.push(nb.cleanup);
      const r = await run(['doctor', '--json', '--dir', nb.dir], { env: cacheEnv() });
      expect((JSON.parse(r.stdout) as F[]).filter((f) => f.code.startsWith('index-'))).toEqual([]);
    });

    it('reports a stale index (notes added, changed, removed since the last search), without refreshing it', async () => {
      const s = await setup();
      appendFileSync(join(s.dir, 'ess-2023/2023-09-04.md'), '\nA line added after the search.\n');
      writeFileSync(join(s.dir, 'new.md'), '+++\ntitle = "New"\n+++\n');
      rmSync(join(s.dir, 'ess-2023/2023-09-06.md'));
      const before = readFileSync(s.file);
      const [f, ...rest] = await s.findings();
      expect(rest).toEqual([]);
      expect(f).toMatchObject({ code: 'index-stale', severity: 'warning', path: s.file });
      expect(f!.message).toContain('1 added, 1 changed, 1 removed');
      expect(f!.hint).toMatch(/notes index/);
      expect(readFileSync(s.file).equals(before)).toBe(true);
      // Still stale: doctor refreshed nothing. A search brings it up to date.
      expect((await s.findings()).map((x) => x.code)).toEqual(['index-stale']);
      await run(['search', 'beam', '--dir', s.dir], { env: s.env });
      expect(await s.findings()).toEqual([]);
    });

    it('reports a corrupt index: garbage in the file', async () => {
      const s = await setup();
      await run(['index', '--dir', s.dir], { env: s.env }); // checkpoints the WAL into the file
      for (const f of [`${s.file}-wal`, `${s.file}-shm`]) rmSync(f, { force: true });
      writeFileSync(s.file, 'this is not a database '.repeat(400));
      const found = await s.findings();
      expect(found.map((f) => f.code)).toEqual(['index-corrupt']);
      expect(found[0]!.hint).toContain('notes index --rebuild');
      const r = await run(['doctor', '--dir', s.dir], { env: s.env });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/\[index-corrupt\]\n  fix: rebuild it: notes index --rebuild/);
    });

    it('reports a corrupt index: damaged pages in a real database', async () => {
      const s = await setup();
      await run(['index', '--dir', s.dir], { env: s.env });
      for (const f of [`${s.file}-wal`, `${s.file}-shm`]) rmSync(f, { force: true });
      const bytes = readFileSync(s.file);
      expect(bytes.length).toBeGreaterThan(8192);
      // Keep the header (page 1): damage every later page's contents.
      for (let i = 4096 + 8; i < bytes.length; i += 7) bytes[i] = 0xa5;
      writeFileSync(s.file, bytes);
      expect((await s.findings()).map((f) => f.code)).toEqual(['index-corrupt']);
    });
  });
});
