import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { cacheDir } from '../../src/store/cache-dir.js';

describe('cacheDir', () => {
  it.each([
    [{ NOTES_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x', HOME: '/h' }, '/c'],
    [{ XDG_CACHE_HOME: '/x', HOME: '/h' }, '/x/notes'],
    [{ HOME: '/h' }, '/h/.cache/notes'],
    // A relative XDG_CACHE_HOME is ignored (XDG spec): from the working directory it could land in the notebook.
    [{ XDG_CACHE_HOME: 'cache', HOME: '/h' }, '/h/.cache/notes'],
    [{ XDG_CACHE_HOME: '', HOME: '/h' }, '/h/.cache/notes'],
  ])('%j → %s', (env, dir) => {
    expect(cacheDir(env)).toBe(resolve(dir));
  });
});
