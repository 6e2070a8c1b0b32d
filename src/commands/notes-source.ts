/**
 * The notebook's notes for commands that only filter, sort and print their
 * metadata (`list`, `tag list`, `visit list`, completion): read from the
 * search index when the notebook has one (built by `notes search` or
 * `notes index`) and is large enough for SQLite to pay for itself, else
 * parsed from the files with loadNotes. Both give the same notes (bodies
 * aside: the index holds none) and the same problems.
 *
 * The index is only an accelerator: when it is missing, out of date, of an
 * older schema, damaged, or better-sqlite3 cannot be loaded, the notes are
 * read from the files (with one warning when something is wrong with it).
 */
import { statSync } from 'node:fs';
import { indexFile } from '../index/location.js';
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import type { Note } from '../core/note.js';
import type { ScanResult } from '../index/scan.js';
import { listedNote, type ListedNote } from '../core/filter.js';

export interface NotesSourceAccess {
  env: Record<string, string | undefined>;
  warn: (message: string, hint?: string) => void;
}

export interface SourcedNotes {
  /** Without bodies when read from the index. */
  notes: Note[];
  problems: NoteProblem[];
  from: 'index' | 'files';
}

/**
 * Smallest index file (bytes) worth opening. Loading better-sqlite3 and
 * refreshing costs a fixed ~15 ms; parsing a note ~0.1-0.3 ms. An index
 * below this size holds a few dozen notes, read faster from the files.
 */
export const MIN_INDEX_BYTES = 256 * 1024;

/**
 * From this index size (~1,500 notes, about where GNU find starts to list
 * faster than Node) the notebook's listing starts before SQLite loads:
 * measured at 10,000 notes, `list` otherwise waited ~18 ms for find after
 * reading the index.
 */
export const EARLY_LISTING_BYTES = 2 * 1024 * 1024;

/**
 * How many new or changed notes the index may take in before it is read:
 * indexing a note (~0.6 ms, with its full text) costs ~5x parsing it, while
 * reading an unchanged one from the index saves ~0.1 ms. Beyond a fifth of
 * the notebook (and 200 notes), reading the files is faster.
 */
export const catchUpLimit = (indexed: number): number => Math.max(200, Math.floor(indexed / 5));

/** NOTES_LIST_INDEX=always|never overrides the choice (tests, benchmarks). */
function mode(env: NotesSourceAccess['env']): 'always' | 'never' | 'auto' {
  const v = env.NOTES_LIST_INDEX;
  return v === 'always' || v === 'never' ? v : 'auto';
}

/**
 * Runs `read` on the notebook's search index when there is one worth
 * reading (see MIN_INDEX_BYTES; NOTES_LIST_INDEX=always|never decides
 * instead), with the refresh limit catchUpLimit; null when there is none,
 * or when it cannot be used, after at most one warning.
 */
export async function fromIndex<T>(nb: Notebook, access: NotesSourceAccess,
  read: (search: typeof import('./search.js'), maxToRead: ((indexed: number) => number) | undefined, listing?: Promise<ScanResult>) => Promise<T>): Promise<T | null> {
  const m = mode(access.env);
  let size = 0;
  try {
    if (m !== 'never') size = statSync(indexFile(nb.root, access.env), { throwIfNoEntry: false })?.size ?? 0;
  } catch { /* the cache folder is not a folder: no index */ }
  if (!(m === 'always' || (m === 'auto' && size >= MIN_INDEX_BYTES))) return null;
  // A large notebook is listed by GNU find in another process: started now,
  // it runs while SQLite loads and the index opens (see EARLY_LISTING_BYTES).
  const listing = size >= EARLY_LISTING_BYTES && access.env.NOTES_INDEX_SCAN !== 'walk'
    ? (await import('../index/scan.js')).scanNotebookAsync(nb.root, Infinity) : undefined;
  let search: typeof import('./search.js') | undefined;
  try {
    search = await import('./search.js');
    return await read(search, m === 'auto' ? catchUpLimit : undefined, listing);
  } catch (err) {
    // An index of an older notes is rebuilt by the next search: no news for the user.
    // Far behind the notes (a pull, a first index of a big folder): the files are
    // faster than indexing them, and the next search catches up. No news either.
    if (!(search && (err instanceof search.IndexSchemaError || err instanceof search.IndexBehindError))) {
      access.warn(`the search index cannot be used (${(err as Error)?.message ?? String(err)}); reading the notes instead`,
        'rebuild it with: notes index --rebuild');
    }
    return null;
  }
}

/**
 * The notes of the notebook, without bodies when they come from the index,
 * in path order (unless `sorted` is false: `list` sorts them its own way).
 * At most one warning, when the index exists but cannot be used.
 */
export async function notesMetadata(nb: Notebook, access: NotesSourceAccess, { sorted = true } = {}): Promise<SourcedNotes> {
  const indexed = await fromIndex(nb, access, (search, maxToRead, listing) =>
    search.indexedNotes(nb, { env: access.env, warn: access.warn }, { repair: false, maxToRead, listing }));
  if (indexed) return { notes: sorted ? byPath(indexed.notes) : indexed.notes, problems: byPath(indexed.problems), from: 'index' };
  const { notes, problems } = loadNotes(nb);
  return { notes: byPath(notes), problems: byPath(problems), from: 'files' };
}

/**
 * The notes as `list` prints them (see ListedNote), in no particular order:
 * from the search index as notesMetadata decides, else from the files.
 */
export async function listedMetadata(nb: Notebook, access: NotesSourceAccess): Promise<{ notes: ListedNote[]; problems: NoteProblem[]; from: 'index' | 'files' }> {
  const indexed = await fromIndex(nb, access, (search, maxToRead, listing) => search.indexedListed(nb, { env: access.env, warn: access.warn }, { repair: false, maxToRead, listing }));
  if (indexed) return { notes: indexed.notes, problems: byPath(indexed.problems), from: 'index' };
  const { notes, problems } = loadNotes(nb);
  return { notes: notes.map(listedNote), problems: byPath(problems), from: 'files' };
}

/** Notes and problems in one path order (UTF-16, as JS compares), whichever way they were read. */
function byPath<T extends { path: string }>(items: T[]): T[] {
  return items.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
