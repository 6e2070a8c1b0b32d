/**
 * The user's cache folder for notes (search indexes, the compiled-code
 * cache). Its own module, with no dependency, because the launcher needs it
 * before anything else is loaded.
 */
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

/**
 * The cache folder: NOTES_CACHE_DIR, else $XDG_CACHE_HOME/notes, else
 * ~/.cache/notes. A relative XDG_CACHE_HOME is ignored, as the XDG spec
 * says: taken from the working directory, it could put the index inside
 * the notebook.
 */
export function cacheDir(env: Record<string, string | undefined>): string {
  if (env.NOTES_CACHE_DIR) return resolve(env.NOTES_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME;
  const base = xdg && isAbsolute(xdg) ? xdg : join(env.HOME || homedir(), '.cache');
  return resolve(base, 'notes');
}
