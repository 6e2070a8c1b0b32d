import { describe, it, expect, afterEach } from 'vitest';
import { join } from 'node:path';
import { run, copyOf, FIXTURES } from '../helpers/run.js';

const BASIC = join(FIXTURES, 'basic');
const paths = (stdout: string) => JSON.parse(stdout).map((n: { path: string }) => n.path);
const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

describe('notes list', () => {
  it('lists every readable note, skips broken ones with one warning each, exit 0', async () => {
    const r = await run(['list', '--dir', BASIC]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^2024-02-03\s+Floating date\s+floating\.md$/);
    expect(lines[2]).toMatch(/^2024-05-06\s+One\s+kafka\s+visit-a\/2024-05-06\.md$/);
    expect(r.stdout).not.toMatch(/Hidden|not a note|JSON note/);
    const warnings = r.stderr.trim().split('\n');
    expect(warnings).toEqual([
      'notes: warning: skipped broken-toml.md:2: invalid TOML front matter: Unterminated string',
      'notes: warning: skipped unterminated.md:1: front matter opened with --- is never closed',
    ]);
  });

  it('--strict exits 1 when a note could not be read', async () => {
    expect((await run(['list', '--dir', BASIC, '--strict'])).code).toBe(1);
  });

  it('--json gives the documented fields, dates as written', async () => {
    const r = await run(['list', '--dir', BASIC, '--json', '--tag', 'windows']);
    const [n] = JSON.parse(r.stdout);
    expect(n).toEqual({
      path: 'visit-a/2024-05-08.md', title: 'Crlf note', date: '2024-05-08T10:00:00+02:00',
      instant: '2024-05-08T08:00:00.000Z', day: '2024-05-08', tags: ['windows', 'hpc'], categories: [],
      draft: false, weight: 3, menuTitle: null, linkTitle: null, section: 'visit-a', isSection: false,
      format: 'toml', frontMatter: { title: 'Crlf note', date: '2024-05-08T10:00:00+02:00', tags: ['windows', 'hpc'], weight: 3 },
    });
  });

  it.each([
    [['--tag', 'HPC'], ['visit-a/2024-05-07.md', 'visit-a/2024-05-08.md']],
    [['--tag', 'hpc', '--tag', 'epics'], ['visit-a/2024-05-07.md']],
    [['--category', 'content'], ['visit-a/2024-05-07.md']],
    [['--since', '2024-05-07', '--until', '2024-05-07'], ['visit-a/2024-05-07.md']],
    [['--visit', 'visit-a', '--sort', 'weight', '--reverse', '--limit', '3'], ['visit-a/_index.md', 'visit-a/2024-05-08.md', 'visit-a/2024-05-07.md']],
    [['--only-drafts'], ['json-note.md']],
    [['--drafts', '--sort', 'path', '--limit', '2'], ['floating.md', 'json-note.md']],
  ])('filters %j', async (args, expected) => {
    expect(paths((await run(['list', '--dir', BASIC, '--json', ...args])).stdout)).toEqual(expected);
  });

  it('colours only on a terminal, and never with NO_COLOR', async () => {
    expect((await run(['list', '--dir', BASIC])).stdout).not.toMatch(/\x1b\[/);
    expect((await run(['list', '--dir', BASIC], { tty: true })).stdout).toMatch(/\x1b\[/);
    expect((await run(['list', '--dir', BASIC], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toMatch(/\x1b\[/);
    expect((await run(['list', '--dir', BASIC], { env: { FORCE_COLOR: '1' } })).stdout).toMatch(/\x1b\[/);
  });

  it.each([
    [['list', '--sort', 'size'], /Allowed choices are date, weight, title, path/],
    [['list', '--limit', 'x'], /--limit must be a whole number/],
    [['list', '--drafts', '--only-drafts'], /cannot be used with/],
    [['list', '--since', '2024-02-01', '--until', '2024-01-01'], /is after --until/],
    [['list', '--bogus'], /unknown option '--bogus'/],
  ])('%j is a usage error (exit 2)', async (args, message) => {
    const r = await run([...args, '--dir', BASIC]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});

describe('notes show / path', () => {
  it.each([
    ['visit-a/2024-05-07.md', 'visit-a/2024-05-07.md'],
    ['2024-05-06', 'visit-a/2024-05-06.md'],
    ['yesterday', 'visit-a/2024-05-06.md'],
    ['floating', 'floating.md'],
    ['crlf nte', 'visit-a/2024-05-08.md'],
  ])('path %s → %s', async (ref, expected) => {
    const r = await run(['path', ref, '--dir', BASIC], { cwd: BASIC, now: new Date(2024, 4, 7, 12) });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`${expected}\n`);
  });

  it('show prints the file byte for byte', async () => {
    const r = await run(['show', 'visit-a/2024-05-06.md', '--dir', BASIC]);
    const { readFileSync } = await import('node:fs');
    expect(r.stdout).toBe(readFileSync(join(BASIC, 'visit-a/2024-05-06.md'), 'utf8'));
  });

  it('an ambiguous ref is an error listing the candidates', async () => {
    const t = copyOf(BASIC); cleanups.push(t.cleanup);
    await run(['new', '--date', '2024-05-06', '--visit', 'other'], { cwd: t.dir });
    const r = await run(['show', '2024-05-06'], { cwd: t.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/matches 2 notes/);
    expect(r.stderr).toMatch(/visit-a\/2024-05-06\.md/);
    expect(r.stderr).toMatch(/other\/2024-05-06\.md/);
  });
});

describe('--quiet and --verbose', () => {
  it('--quiet silences warnings and messages, never data or errors', async () => {
    const q = await run(['--quiet', 'list', '--dir', BASIC]);
    expect(q.stderr).toBe('');
    expect(q.stdout).toMatch(/visit-a\/2024-05-06\.md/);
    const err = await run(['-q', 'show', 'no-such-note-xyz', '--dir', BASIC]);
    expect(err.stderr).toMatch(/^notes: error: /);
  });

  it('--verbose adds the hint under each warning', async () => {
    const v = await run(['list', '--verbose', '--dir', BASIC]);
    expect(v.stderr).toMatch(/skipped unterminated\.md:1: .*\nhint: add a line with --- after the last front matter key/);
  });
});
