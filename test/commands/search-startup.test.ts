import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { REPO } from '../helpers/run.js';

const ENTRY = join(REPO, 'dist/notes.js');

/** The files a module loads before running: its static imports, followed through the bundle's chunks. */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/^\s*import\s+(?:[^'"]*?\s+from\s+)?["'](\.{1,2}\/[^"']+)["']/gm)) staticClosure(resolve(dirname(file), m[1]!), seen);
  return seen;
}

describe.skipIf(!existsSync(ENTRY))('start-up stays cheap', () => {
  it('better-sqlite3 and fuse.js are loaded only by the search command', () => {
    const loaded = [...staticClosure(ENTRY)];
    expect(loaded.length).toBeGreaterThan(1);
    const text = loaded.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toMatch(/better-sqlite3/);
    expect(text).not.toMatch(/class Fuse\b|Fuse\.version/);
    // ...but the search chunk does load them.
    const all = readFileSync(ENTRY, 'utf8');
    expect(all).toMatch(/import\("\.\/chunks\/search-[A-Z0-9]+\.js"\)/);
  });
});
