/**
 * Without a loadable better-sqlite3 (no prebuilt binary, a failed build),
 * `notes list` reads the files, with one warning, and never crashes.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, run, tempDir } from '../helpers/run.js';

vi.mock('better-sqlite3', () => { throw new Error('Could not locate the bindings file'); });

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

describe('notes list without better-sqlite3', () => {
  it('falls back to reading the files', async () => {
    const t = tempDir('notes-cache-');
    cleanups.push(t.cleanup);
    const dir = join(FIXTURES, 'visits');
    const env = { NOTES_CACHE_DIR: t.dir };
    const files = await run(['list', '--json', '--dir', dir], { env: { ...env, NOTES_LIST_INDEX: 'never' } });
    const r = await run(['list', '--json', '--dir', dir], { env: { ...env, NOTES_LIST_INDEX: 'always' } });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(files.stdout);
    expect(r.stderr.match(/warning: the search index cannot be used/g)).toHaveLength(1);
  });
});
