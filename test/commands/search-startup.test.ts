import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, REPO, tempDirs } from '../helpers/run.js';

const BUNDLE = join(REPO, 'dist/notes.cjs');
const tempFolder = tempDirs();

/**
 * Which of the bundle's modules a command initialised. In the bundle (one
 * CommonJS file), each module reached through a dynamic import() or a lazy
 * require() is wrapped in a function named after its source file, run when
 * first needed; V8's coverage (NODE_V8_COVERAGE) says which ran.
 */
function initialised(args: string[], dir: string): Map<string, boolean> {
  const cov = join(dir, `cov-${args.join('-').replace(/\W+/g, '')}`);
  const r = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NODE_V8_COVERAGE: cov, NOTES_CODE_CACHE: '0', NOTES_CACHE_DIR: join(dir, 'cache') },
  });
  expect(r.status, r.stderr).toBe(0);
  const ran = new Map<string, boolean>();
  for (const f of readdirSync(cov)) {
    const { result } = JSON.parse(readFileSync(join(cov, f), 'utf8')) as { result: { url: string; functions: { functionName: string; ranges: { count: number }[] }[] }[] };
    for (const script of result.filter((s) => s.url.endsWith('dist/notes.cjs'))) {
      for (const fn of script.functions) if (/^(src|node_modules)\//.test(fn.functionName)) ran.set(fn.functionName, (ran.get(fn.functionName) ?? false) || fn.ranges[0]!.count > 0);
    }
  }
  return ran;
}

describe.skipIf(!existsSync(BUNDLE))('start-up stays cheap: heavy modules load only in the commands that need them', () => {
  it('help and list (TOML notes) load neither SQLite, fuse.js nor gray-matter; search loads SQLite and fuse.js', () => {
    const dir = tempFolder();
    const nb = join(dir, 'nb');
    mkdirSync(nb);
    writeFileSync(join(nb, 'day.md'), "+++\ntitle = 'One'\ndate = 2024-03-04T09:00:00+01:00\n+++\n- met the kafka team\n");
    const help = initialised(['--help'], dir);
    const list = initialised(['--dir', nb, 'list'], dir);
    const search = initialised(['--dir', nb, 'search', 'kafka'], dir);
    // The names exist: the test would pass vacuously otherwise.
    for (const name of ['src/index/search-index.ts', 'node_modules/fuse.js/dist/fuse.mjs', 'node_modules/gray-matter/index.js']) expect(list.has(name), name).toBe(true);
    expect(list.get('src/commands/list.ts')).toBe(true);
    for (const ran of [help, list]) {
      expect(ran.get('src/index/search-index.ts')).toBe(false);
      expect(ran.get('node_modules/fuse.js/dist/fuse.mjs')).toBe(false);
      expect(ran.get('node_modules/gray-matter/index.js')).toBe(false);
    }
    expect(search.get('src/index/search-index.ts')).toBe(true);
    expect(search.get('node_modules/fuse.js/dist/fuse.mjs')).toBe(true);
    expect(search.get('node_modules/gray-matter/index.js')).toBe(false);
  });

  it('a YAML note loads gray-matter, but not esprima (js-yaml\'s !!js/function, which notes never runs)', () => {
    const dir = tempFolder();
    const nb = join(dir, 'nb');
    mkdirSync(nb);
    writeFileSync(join(nb, 'day.md'), '---\ntitle: One\n---\n- met the kafka team\n');
    writeFileSync(join(nb, 'code.md'), '---\ntitle: !!js/function "function () { return 1 }"\n---\n- a note that tries to run code\n');
    expect(initialised(['--dir', nb, 'list'], dir).get('node_modules/gray-matter/index.js')).toBe(true);
    // A preloaded probe records, at exit, every CommonJS module loaded from disk.
    const probe = join(dir, 'probe.cjs');
    const out = join(dir, 'loaded.json');
    writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));`);
    const r = spawnSync(process.execPath, ['--require', probe, BIN, '--dir', nb, 'list'], { encoding: 'utf8', env: { ...process.env, NOTES_CACHE_DIR: join(dir, 'cache') } });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('day.md');
    expect(r.stderr).toMatch(/skipped code\.md/);
    expect((JSON.parse(readFileSync(out, 'utf8')) as string[]).filter((f) => f.includes('esprima'))).toEqual([]);
  });

  it('the bundle is ASCII, so that reading it at each start is cheap', () => {
    expect(readFileSync(BUNDLE, 'utf8')).not.toMatch(/[^\x00-\x7f]/);
  });
});
