/**
 * Where a notebook's search index lives. Kept apart from search-index.ts so
 * that commands can ask whether an index exists without loading SQLite.
 */
import { createHash } from 'node:crypto';
import { realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The cache folder: NOTES_CACHE_DIR, else $XDG_CACHE_HOME/notes, else ~/.cache/notes. */
export function cacheDir(env: Record<string, string | undefined>): string {
  if (env.NOTES_CACHE_DIR) return resolve(env.NOTES_CACHE_DIR);
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return resolve(base, 'notes');
}

/** The index file of a notebook: keyed by a hash of the root's real path. */
export function indexFile(root: string, env: Record<string, string | undefined>): string {
  let real = root;
  try { real = realpathSync(root); } catch { /* keep as given */ }
  const key = createHash('sha256').update(real).digest('hex').slice(0, 16);
  return join(cacheDir(env), `index-${key}.sqlite`);
}
