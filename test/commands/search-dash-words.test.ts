import { describe, it, expect, afterAll } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, REPO, tempDir, tempDirs } from '../helpers/run.js';

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

describe('the short flags after search, as the README lists them', () => {
  const temp = tempDirs('notes-dash-');
  /** One note per word, each also holding "slurm"; the one with `tags = ["hpc"]` and category "ess" is hpc.md. */
  const notebook = (...words: string[]) => {
    const dir = join(temp(), 'nb');
    mkdirSync(dir);
    for (const w of [...words, 'plain']) writeFileSync(join(dir, `${w.replace(/\W/g, '_')}.md`), `+++\ntitle = '${w}'\n+++\nslurm and ${w}\n`);
    writeFileSync(join(dir, 'hpc.md'), "+++\ntitle = 'hpc'\ntags = ['hpc']\ncategories = ['ess']\n+++\nslurm\n");
    return dir;
  };
  const paths = (r: { stdout: string }) => r.stdout.split('\n').filter(Boolean).sort();

  it.each([['-25Gb', '25Gb.md'], ['-2x', '2x.md'], ['-1.2PB', '1_2PB.md'], ['-3200', '3200.md']])('%s, starting with a digit, is an exclusion', async (word, excluded) => {
    const dir = notebook('25Gb', '2x', '1.2PB', '3200');
    const r = await run(['--dir', dir, 'search', 'slurm', word, '--paths'], { cwd: dir, env: { NOTES_CACHE_DIR: cache.dir } });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(paths(r)).toHaveLength(5);
    expect(paths(r)).not.toContain(excluded);
  });

  it('-t and -c filter, -h shows the help, -V is a query word', async () => {
    const dir = notebook('v');
    const go = (...args: string[]) => run(['--dir', dir, 'search', 'slurm', ...args, '--paths'], { cwd: dir, env: { NOTES_CACHE_DIR: cache.dir } });
    expect(paths(await go('-t', 'hpc'))).toEqual(['hpc.md']);
    expect(paths(await go('-c', 'ess'))).toEqual(['hpc.md']);
    const help = await go('-h');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: notes search/);
    expect(paths(await go('-V'))).toEqual(['hpc.md', 'plain.md']);
    expect((await run(['-V'])).stdout).toMatch(/^\d+\.\d+\.\d+/);
  });
});
