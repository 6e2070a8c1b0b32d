import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REPO } from '../helpers/run.js';

const DIST = join(REPO, 'dist');
const ENTRY = join(DIST, 'notes.js');

/**
 * The files a bundle module loads before any command runs: its static
 * imports, and the dynamic imports of the CLI itself (`main`, `context`
 * chunks, when the entry loads the CLI lazily), followed through the chunks.
 */
function loadedFiles(file: string, follow: (spec: string) => boolean, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/gm)) loadedFiles(resolve(dirname(file), m[1]!), follow, seen);
  for (const m of text.matchAll(/import\(["'](\.{1,2}\/[^"']+)["']\)/g)) if (follow(m[1]!)) loadedFiles(resolve(dirname(file), m[1]!), follow, seen);
  return seen;
}

const cliOnly = (spec: string) => /(^|\/)(main|context)-[A-Z0-9]+\.js$/.test(spec);
const text = (files: Set<string>) => [...files].map((f) => readFileSync(f, 'utf8')).join('\n');

describe.skipIf(!existsSync(ENTRY))('start-up stays cheap', () => {
  it('better-sqlite3 and fuse.js are loaded only by the search command', () => {
    const startup = loadedFiles(ENTRY, cliOnly);
    expect(startup.size).toBeGreaterThan(1);
    expect(text(startup)).not.toMatch(/better-sqlite3/);
    expect(text(startup)).not.toMatch(/class Fuse\b|Fuse\.version/);
    // ...and the search command's own module does load them.
    const searchChunk = readdirSync(join(DIST, 'chunks')).find((f) => /^search-[A-Z0-9]+\.js$/.test(f) && text(new Set([join(DIST, 'chunks', f)])).includes('searchNotes'));
    expect(searchChunk).toBeDefined();
    const search = loadedFiles(join(DIST, 'chunks', searchChunk!), () => false);
    expect(text(search)).toMatch(/better-sqlite3/);
    expect(text(search)).toMatch(/class Fuse\b|Fuse\.version/);
  });
});

describe.skipIf(!existsSync(ENTRY))('gray-matter loads lazily', () => {
  const bundle = () => text(new Set(readdirSync(join(DIST, 'chunks')).map((f) => join(DIST, 'chunks', f)).concat(ENTRY)));

  it('the bundle initialises gray-matter (js-yaml, esprima) only inside a function, on the first YAML front matter', () => {
    const all = bundle();
    // esbuild wraps CommonJS modules: `require_x()` runs x's top-level code.
    // At column 0 it would run when the chunk loads, i.e. at start-up.
    const calls = [...all.matchAll(/^(.*)\brequire_(gray_matter|js_yaml|esprima)\(\)/gm)];
    expect(calls.some((m) => m[2] === 'gray_matter')).toBe(true);
    for (const m of calls) expect(m[1], m[0]).toMatch(/^\s+\S/);
    expect(all).not.toMatch(/^var \w+ = __toESM\(require_gray_matter\(\)/m);
  });
});
