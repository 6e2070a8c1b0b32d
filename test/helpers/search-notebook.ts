/**
 * A fresh copy of the `search` fixture notebook and an empty cache folder
 * for its index, for each test; both removed after it.
 */
import { afterEach, beforeEach } from 'vitest';
import { join } from 'node:path';
import { FIXTURES, copyOf, tempDir } from './run.js';

export interface SearchNotebook {
  /** The notebook root. */
  nb: string;
  /** The folder to pass as NOTES_CACHE_DIR. */
  cache: string;
  /** Cleanups to run after the test (add your own). */
  cleanups: (() => void)[];
}

/** Registers the hooks; read the fields inside tests (they change per test). */
export function useSearchNotebook(setup?: (s: SearchNotebook) => void): SearchNotebook {
  const s: SearchNotebook = { nb: '', cache: '', cleanups: [] };
  beforeEach(() => {
    const c = copyOf(join(FIXTURES, 'search'));
    const t = tempDir('notes-cache-');
    Object.assign(s, { nb: c.dir, cache: t.dir, cleanups: [c.cleanup, t.cleanup] });
    setup?.(s);
  });
  afterEach(() => s.cleanups.forEach((f) => f()));
  return s;
}
