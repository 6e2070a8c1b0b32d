import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED, hasShared, tempDir, FIXTURES } from '../helpers/run.js';
import { indexedNotes } from '../../src/commands/search.js';
import { loadNotes, type Notebook } from '../../src/store/notebook.js';
import { DEFAULT_CONFIG } from '../../src/core/config.js';

const notebook = (root: string): Notebook => ({ root, configPath: null, config: { ...DEFAULT_CONFIG } });

/** The index must hold the very metadata loadNotes gives (bodies aside), so filters need no re-parse. */
async function expectSameMetadata(root: string) {
  const t = tempDir('notes-cache-');
  try {
    const warnings: string[] = [];
    const access = { env: { NOTES_CACHE_DIR: t.dir }, warn: (m: string) => warnings.push(m) };
    // In no particular order (list sorts them anyway).
    const byPath = <T extends { path: string }>(items: T[]) => items.sort((a, b) => (a.path < b.path ? -1 : 1));
    const fromIndex = await indexedNotes(notebook(root), access);
    byPath(fromIndex.notes);
    const loaded = loadNotes(notebook(root));
    const strip = (n: (typeof loaded.notes)[number]) => ({ ...n, body: '' });
    expect(fromIndex.notes).toEqual(byPath(loaded.notes.map(strip)));
    expect(fromIndex.problems.map((p) => p.path).sort()).toEqual(loaded.problems.map((p) => p.path).sort());
    // A second, warm read gives the same without reading a note.
    expect(byPath((await indexedNotes(notebook(root), access)).notes)).toEqual(fromIndex.notes);
    expect(warnings).toEqual([]);
  } finally {
    t.cleanup();
  }
}

describe('the index holds the normalized metadata of every note', () => {
  it('on the search fixture', async () => {
    await expectSameMetadata(join(FIXTURES, 'search'));
  });

  const need = hasShared || process.env.NOTES_REQUIRE_EXTERNAL;
  it.skipIf(!need).each(['hugo-docs', 'benmezger-notes', 'hugo-book-exampleSite'])('on the %s corpus', async (name) => {
    const root = join(SHARED, 'corpora', name, 'content');
    expect(existsSync(root)).toBe(true);
    await expectSameMetadata(root);
  });
});
