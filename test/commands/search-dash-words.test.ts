import { describe, it, expect, afterAll } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, REPO, tempDir } from '../helpers/run.js';

const cache = tempDir('notes-cache-');
afterAll(() => cache.cleanup());
const NOTES = join(REPO, 'notes');
const search = (...args: string[]) => run(['--dir', NOTES, ...args], { env: { NOTES_CACHE_DIR: cache.dir } });

describe('query words that start with a dash', () => {
  it.each([
    [['search', 'slurm', '-gpfs', '--paths']],
    [['search', '-gpfs', 'slurm', '--paths']],
    [['s', '-n', '5', 'slurm', '-gpfs', '--paths']],
  ])('%j excludes, and is not taken for an option', async (args) => {
    const r = await search(...args);
    expect(r.code).toBe(0);
    const paths = r.stdout.trim().split('\n');
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      const text = readFileSync(join(NOTES, p.replace(/^notes\//, '')), 'utf8').toLowerCase();
      expect(text).toMatch(/slurm/);
      expect(text).not.toMatch(/gpfs/);
    }
  });

  it('-detectors is a word, not -d etectors', async () => {
    const r = await search('search', 'kafka', '-detectors', '--paths');
    expect(r.stderr).not.toMatch(/etectors/);
    expect(r.code).toBe(0);
  });

  it('real options still work, and an unknown --long option is still an error', async () => {
    expect((await search('search', 'kafka', '-n', '1', '--paths')).stdout.trim().split('\n')).toHaveLength(1);
    const bad = await search('search', 'kafka', '--bogus');
    expect(bad.code).toBe(2);
  });
});
