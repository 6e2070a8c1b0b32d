/**
 * `notes doctor`'s look at the search index (issue 7: "a stale or corrupt
 * index"): opens it read-only, refreshes nothing, and says whether it is
 * damaged or behind the notes. Nothing when it is fine or absent (the first
 * search builds it).
 */
import { existsSync } from 'node:fs';
import { indexFile } from '../index/location.js';
import type { Finding } from '../core/doctor.js';
import type { Notebook } from '../store/notebook.js';

export async function indexFindings(nb: Notebook, env: Record<string, string | undefined>): Promise<Finding[]> {
  const file = indexFile(nb.root, env);
  if (!existsSync(file)) return [];
  let inspect: typeof import('../index/search-index.js')['inspectIndex'];
  try {
    ({ inspectIndex: inspect } = await import('../index/search-index.js'));
  } catch {
    return []; // without better-sqlite3 there is no index to speak of
  }
  const state = inspect(file, nb.root);
  if (state.kind === 'corrupt') {
    return [{ severity: 'warning', code: 'index-corrupt', path: file, message: `the search index cannot be read (${state.reason})`,
      hint: 'rebuild it: notes index --rebuild (it holds nothing the notes do not)' }];
  }
  if (state.kind === 'stale') {
    const what = state.schema
      ? `the search index was built by another version of notes (${state.schema})`
      : `the search index is behind the notes: ${state.added} added, ${state.changed} changed, ${state.removed} removed since it was last refreshed`;
    return [{ severity: 'warning', code: 'index-stale', path: file, message: what,
      hint: 'the next notes search refreshes it; or run notes index now' }];
  }
  return [];
}
