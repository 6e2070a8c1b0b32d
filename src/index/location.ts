/**
 * Where a notebook's search index lives. Kept apart from search-index.ts so
 * that commands can ask whether an index exists without loading SQLite.
 */
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir } from '../store/cache-dir.js';

export { cacheDir };

/**
 * FNV-1a, 64 bits, as 16 hex digits: names the index file after the
 * notebook's path. Not a cryptographic hash on purpose: loading node:crypto
 * costs ~3 ms of every search's start-up, and a file name needs none of it.
 */
export function pathKey(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const byte of Buffer.from(text, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(byte)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

function realRoot(root: string): string {
  try { return realpathSync(root); } catch { return root; }
}

/** The index file of a notebook: keyed by a hash of the root's real path. */
export function indexFile(root: string, env: Record<string, string | undefined>): string {
  return join(cacheDir(env), `index-${pathKey(realRoot(root))}.sqlite`);
}

/**
 * Where notes 0.1.0 kept the index of the same notebook, in the same cache
 * folder (named after a SHA-256 of the path): removed when the index is
 * first made under its new name, so that upgrading leaves no orphan.
 */
export function legacyIndexFile(root: string, folder: string): string {
  const { createHash } = require('node:crypto') as typeof import('node:crypto');
  return join(folder, `index-${createHash('sha256').update(realRoot(root)).digest('hex').slice(0, 16)}.sqlite`);
}
