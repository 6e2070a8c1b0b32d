import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, copyOf, run, tempDir } from '../helpers/run.js';
import { indexFile } from '../../src/index/location.js';

describe('upgrading from notes 0.1.0', () => {
  it('removes the index kept under the old name (a SHA-256 of the path) when the new one is made', async () => {
    const nb = copyOf(join(FIXTURES, 'search'));
    const cache = tempDir('notes-cache-');
    try {
      const old = join(cache.dir, `index-${createHash('sha256').update(realpathSync(nb.dir)).digest('hex').slice(0, 16)}.sqlite`);
      for (const f of [old, `${old}-wal`, `${old}-shm`]) writeFileSync(f, 'an index of notes 0.1.0');
      const other = join(cache.dir, 'index-0123456789abcdef.sqlite');
      writeFileSync(other, 'the index of another notebook');
      const r = await run(['index'], { cwd: nb.dir, env: { NOTES_CACHE_DIR: cache.dir } });
      expect(r.code, r.stderr).toBe(0);
      expect(existsSync(indexFile(nb.dir, { NOTES_CACHE_DIR: cache.dir }))).toBe(true);
      expect([old, `${old}-wal`, `${old}-shm`].filter(existsSync)).toEqual([]);
      expect(existsSync(other)).toBe(true);
    } finally {
      nb.cleanup();
      cache.cleanup();
    }
  });
});
