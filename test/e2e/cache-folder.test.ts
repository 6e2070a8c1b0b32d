/**
 * A cache folder that cannot be made must never stop a command: the search
 * index falls back to a temporary one in memory (with a warning), the
 * compiled-code cache is simply not written. Real processes, with a
 * timeout: the failure this guards against was a hang at 100% CPU (Node
 * 20's recursive mkdir under /proc, see src/store/make-dir.ts), which no
 * in-process test could survive.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO, runBin, tempDirs } from '../helpers/run.js';

const built = existsSync(join(REPO, 'dist/launch.cjs'));
const hasProc = process.platform === 'linux' && existsSync('/proc/self');
const temp = tempDirs('notes-cache-folder-');
const notebook = join(REPO, 'notes');
/** Far beyond a command's time, far below vitest's patience. */
const TIMEOUT = 20_000;

describe.skipIf(!built || !hasProc)(`a cache folder under /proc${!built ? ' (skipped: run npm run build first)' : !hasProc ? ' (skipped: no Linux /proc here)' : ''}`, () => {
  const env = (codeCache: string) => ({ NOTES_CACHE_DIR: '/proc/notes-test-cache', NOTES_CODE_CACHE: codeCache, NOTES_LIST_INDEX: 'always' });

  it.each([['on', ''], ['off', '0']])('search ends at once with the temporary index (code cache %s)', (_what, codeCache) => {
    const r = runBin(['--dir', notebook, 'search', 'scicat', '--paths'], { env: env(codeCache), timeout: TIMEOUT, cwd: temp() });
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 0, signal: null });
    expect(r.stdout.split('\n')[0]).toBe(join(notebook, 'ess-2023/2023-09-08.md'));
    expect(r.stderr).toBe('notes: warning: cannot write the search index in /proc/notes-test-cache/'
      + `${r.stderr.match(/index-[0-9a-f]+\.sqlite/)?.[0]} (ENOENT); using a temporary one\n`);
  });

  it.each([['on', ''], ['off', '0']])('list ends at once and reads the notes (code cache %s)', (_what, codeCache) => {
    const r = runBin(['--dir', notebook, 'list'], { env: env(codeCache), timeout: TIMEOUT });
    expect({ status: r.status, signal: r.signal }).toEqual({ status: 0, signal: null });
    expect(r.stdout).toBe(runBin(['--dir', notebook, 'list'], { env: { NOTES_CACHE_DIR: temp() } }).stdout);
  });

  it('notes init of a folder under /proc says it cannot make it', () => {
    const r = runBin(['init', '/proc/notes-test-notebook'], { env: { NOTES_CACHE_DIR: temp() }, timeout: TIMEOUT });
    expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({
      status: 1, signal: null, stderr: 'notes: error: cannot mkdir /proc/notes-test-notebook: ENOENT\nhint: check that the path exists\n',
    });
  });
});
