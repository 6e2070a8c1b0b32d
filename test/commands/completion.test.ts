import { describe, it, expect, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, REPO, BIN } from '../helpers/run.js';

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
