import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, REPO, BIN, tempDirs } from '../helpers/run.js';

const NOTES = join(REPO, 'notes');
const complete = async (...words: string[]) =>
  (await run(['__complete', ...words], { cwd: REPO })).stdout.split('\n').filter(Boolean);

describe('completion', () => {
  it.each([
    [['lis'], ['list']],
    [['list', '--vi'], ['--visit']],
    [['list', '--tag', 'ka'], ['kafka']],
    [['list', '--visit', 'm'], ['maxiv-2024']],
    [['show', '2023-09-0'], ['2023-09-04', '2023-09-05', '2023-09-06', '2023-09-07', '2023-09-08']],
    [['--dir', NOTES, 'path', 'maxiv-2024/2024'], ['maxiv-2024/2024-03-11', 'maxiv-2024/2024-03-12']],
    [['completion', ''], ['bash', 'zsh', 'fish']],
    [['list', '--limit', ''], []],
    [['export', '--format', ''], ['html', 'json', 'md']],
    [['new', '--format', ''], ['toml', 'yaml']],
    [['new', '--date', 't'], ['today', 'tomorrow']],
    [['list', '--since', ''], ['today', 'yesterday', 'tomorrow']],
  ])('%j → %j', async (words, expected) => {
    expect(await complete(...words)).toEqual(expected);
  });

  it('offers every command but the hidden helper', async () => {
    const all = await complete('');
    expect(all).toEqual(expect.arrayContaining(['new', 'list', 'show', 'doctor', 'completion']));
    expect(all).not.toContain('__complete');
  });

  const bin = mkdtempSync(join(tmpdir(), 'notes-bin-'));
  afterAll(() => rmSync(bin, { recursive: true, force: true }));
  it('the bash script completes through a real bash', () => {
    writeFileSync(join(bin, 'notes'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'notes'), 0o755);
    const script = 'source <(notes completion bash); COMP_WORDS=(notes list --tag ep); COMP_CWORD=3; _notes; printf "%s\\n" "${COMPREPLY[@]}"';
    const r = spawnSync('bash', ['-c', script], { cwd: REPO, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
    expect(r.stdout).toBe('epics\n');
  });

  it.each(['zsh', 'fish'])('prints a %s script that asks notes __complete', async (shell) => {
    const r = await run(['completion', shell]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/notes __complete/);
  });

  it('an unknown shell is a usage error', async () => {
    const r = await run(['completion', 'tcsh']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Allowed choices are bash, zsh, fish/);
  });
});

/** Tags that bash would split or leave with an open quote if inserted as they are. */
const ODD_TAGS = ['ünï cødé', 'ünï x', 'it\'s "q"', 'a*b $x'];
const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;

describe('completed values stay one shell word', () => {
  const temp = tempDirs();
  const notebook = async () => {
    const nb = join(temp(), 'nb');
    mkdirSync(nb);
    await run(['init', nb]);
    const tags = ODD_TAGS.flatMap((t) => ['--tag', t]);
    expect((await run(['-d', nb, 'new', '--date', '2023-09-04', '--visit', 'my visit', ...tags], { env: { NOTES_CACHE_DIR: temp() } })).code).toBe(0);
    return nb;
  };

  it.each([
    ['ü', ['ünï\\ cødé', 'ünï\\ x']],
    ['ünï\\ c', ['ünï\\ cødé']],
    ['"ünï c', ['ünï cødé']],
    ["'it", ["it'\\''s \"q\""]],
    ['a', ['a\\*b\\ \\$x']],
  ])('__complete --bash escapes tags: %s → %j', async (typed, expected) => {
    const nb = await notebook();
    const r = await run(['__complete', '--bash', '--dir', nb, 'list', '--tag', typed], { env: { NOTES_CACHE_DIR: temp() } });
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(expected);
  });

  it('__complete --bash escapes visits too, and reads the words before as typed', async () => {
    const nb = await notebook();
    const r = await run(['__complete', '--bash', '--dir', `"${nb}"`, 'list', '--visit', 'my'], { env: { NOTES_CACHE_DIR: temp() } });
    expect(r.stdout).toBe('my\\ visit\n');
  });

  it('without --bash (zsh, fish) the values are printed as they are', async () => {
    const nb = await notebook();
    const r = await run(['__complete', '--dir', nb, 'list', '--tag', 'it'], { env: { NOTES_CACHE_DIR: temp() } });
    expect(r.stdout).toBe('it\'s "q"\n');
  });

  // What readline does with a reply: it keeps what the user typed up to an
  // open quote, inserts the reply, and closes the quote. The line is then
  // read back by bash: each reply must give one word, the tag itself.
  it.skipIf(!hasBash).each([
    ['ü', '', '', ['ünï cødé', 'ünï x']],
    ['"ü', '"', '"', ['ünï cødé', 'ünï x']],
    ['ünï\\ c', '', '', ['ünï cødé']],
    ["'it", "'", "'", ['it\'s "q"']],
    ['it', '', '', ['it\'s "q"']],
    ['"it\'s \\"', '"', '"', ['it\'s "q"']],
    ['a', '', '', ['a*b $x']],
  ])('a real bash inserts one word for %s (skipped where bash is missing)', async (typed, kept, close, expected) => {
    const nb = await notebook();
    const bin = temp();
    writeFileSync(join(bin, 'notes'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
    chmodSync(join(bin, 'notes'), 0o755);
    writeFileSync(join(bin, 'comp.bash'), (await run(['completion', 'bash'])).stdout);
    const script = `source "$0"; COMP_WORDS=(notes list --tag "$1"); COMP_CWORD=3; _notes
      kept=$2 close=$3
      for reply in "\${COMPREPLY[@]}"; do eval "set -- $kept$reply$close"; printf '%s\\n' "$# $1"; done`;
    const r = spawnSync('bash', ['-c', script, join(bin, 'comp.bash'), typed, kept, close], {
      cwd: nb, encoding: 'utf8', env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, NOTES_CACHE_DIR: temp() },
    });
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').filter(Boolean)).toEqual(expected.map((t) => `1 ${t}`));
  });
});
