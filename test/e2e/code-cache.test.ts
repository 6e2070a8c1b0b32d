/**
 * The launcher keeps V8's compiled code of the bundle in the cache folder
 * (src/launch.ts). A damaged cache file must never break a command: V8
 * rejects it (its checksum, --verify-snapshot-checksum) and a new one is
 * written.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, REPO, runBin, tempDirs } from '../helpers/run.js';

const built = existsSync(join(REPO, 'dist/launch.cjs'));
const cacheFolder = tempDirs('notes-code-cache-');

const codeFiles = (dir: string) => readdirSync(dir).filter((f) => /^code-.*\.bin$/.test(f));
const list = (cache: string, extra: Record<string, string> = {}) =>
  runBin(['--dir', join(REPO, 'notes'), 'list'], { env: { NOTES_CACHE_DIR: cache, ...extra } });

describe.skipIf(!built)('the compiled-code cache', () => {
  it('is written by the first command and used by the next, with the same output', () => {
    const cache = cacheFolder();
    const first = list(cache);
    expect(first.status, first.stderr).toBe(0);
    expect(codeFiles(cache)).toHaveLength(1);
    const bytes = readFileSync(join(cache, codeFiles(cache)[0]!));
    const second = list(cache);
    expect(second.stdout).toBe(first.stdout);
    expect(readFileSync(join(cache, codeFiles(cache)[0]!))).toEqual(bytes); // accepted, not written again
  });

  it.each([
    ['truncated', (b: Buffer) => b.subarray(0, b.length >> 1)],
    ['one byte flipped', (b: Buffer) => { const c = Buffer.from(b); c[c.length >> 1]! ^= 0xff; return c; }],
    ['a block zeroed', (b: Buffer) => { const c = Buffer.from(b); c.fill(0, 4096, 8192); return c; }],
    ['garbage after the header', (b: Buffer) => { const c = Buffer.from(b); for (let i = 64; i < c.length; i += 7) c[i] = (i * 31) & 0xff; return c; }],
    ['empty', () => Buffer.alloc(0)],
  ])('damaged (%s) is rejected and written again; the command works', (_what, damage) => {
    const cache = cacheFolder();
    const good = list(cache);
    const file = join(cache, codeFiles(cache)[0]!);
    const damaged = damage(readFileSync(file));
    writeFileSync(file, damaged);
    const r = list(cache);
    expect({ status: r.status, stderr: r.stderr, signal: r.signal }).toEqual({ status: 0, stderr: '', signal: null });
    expect(r.stdout).toBe(good.stdout);
    expect(readFileSync(file).equals(damaged)).toBe(false);
    expect(list(cache).stdout).toBe(good.stdout);
  });

  it('is kept per set of Node options, so that starting Node another way does not throw the usual one away', () => {
    const cache = cacheFolder();
    expect(list(cache).status).toBe(0);
    const other = spawnSync(process.execPath, ['--max-old-space-size=1000', BIN, '--dir', join(REPO, 'notes'), 'list'], { encoding: 'utf8', env: { ...process.env, NOTES_CACHE_DIR: cache } });
    expect(other.status, other.stderr).toBe(0);
    expect(codeFiles(cache)).toHaveLength(2);
    const usual = codeFiles(cache).map((f) => readFileSync(join(cache, f)));
    expect(list(cache).status).toBe(0);
    expect(codeFiles(cache).map((f) => readFileSync(join(cache, f)))).toEqual(usual);
  });

  it('leaves the caches of other installs alone while they are in use, removes stale ones and dead temp files', () => {
    const cache = cacheFolder();
    const day = 24 * 3600;
    const ago = (file: string, seconds: number) => { writeFileSync(join(cache, file), 'x'); const t = Date.now() / 1000 - seconds; utimesSync(join(cache, file), t, t); };
    ago('code-0000000000000001-v20.0.0-x64.bin', day); // another install, used yesterday
    ago('code-0000000000000002-v18.0.0-x64.bin', 8 * day); // not written for a week
    ago('code-0000000000000003-v20.0.0-x64.bin.tmp-12345', 2 * 3600); // a writer that died
    ago('index-0123456789abcdef.sqlite', 30 * day); // not a code cache
    expect(list(cache).status).toBe(0);
    expect(readdirSync(cache).sort()).toEqual([
      'code-0000000000000001-v20.0.0-x64.bin', ...codeFiles(cache).filter((f) => !f.startsWith('code-000')), 'index-0123456789abcdef.sqlite',
    ].sort());
  });

  it('is not used with NOTES_CODE_CACHE=0, and its folder being unwritable changes nothing', () => {
    const cache = cacheFolder();
    expect(list(cache, { NOTES_CODE_CACHE: '0' }).status).toBe(0);
    expect(codeFiles(cache)).toEqual([]);
    const file = join(cache, 'not-a-folder');
    writeFileSync(file, '');
    const r = list(file);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe(list(cache).stdout);
  });
});
