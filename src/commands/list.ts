/**
 * `notes list`: the notes chosen by the filters, in order.
 */
import type { NoteProblem } from '../store/notebook.js';
import type { Notebook } from '../store/notebook.js';
import { listedMatches, matchesFilter, sortListed, sortNotes, type ListedNote, type NoteFilter, type SortKey } from '../core/filter.js';
import type { Note } from '../core/note.js';
import { listedMetadata, notesMetadata, type NotesSourceAccess } from './notes-source.js';

export interface ListOptions extends NotesSourceAccess {
  filter: NoteFilter;
  sort?: SortKey;
  reverse?: boolean;
  limit?: number;
}

export interface ListResult {
  /** Without bodies (they may come from the search index). */
  notes: Note[];
  problems: NoteProblem[];
  from: 'index' | 'files';
}

export async function listNotes(nb: Notebook, opts: ListOptions): Promise<ListResult> {
  // Not sorted by path first: sortNotes breaks its ties by path anyway.
  const { notes, problems, from } = await notesMetadata(nb, opts, { sorted: false });
  const chosen = sortNotes(notes.filter((n) => matchesFilter(n, opts.filter)), opts.sort, opts.reverse);
  return { notes: opts.limit ? chosen.slice(0, opts.limit) : chosen, problems, from };
}

/**
 * listNotes for the table: the same notes in the same order, as `list`
 * prints them (no whole notes: from the search index, ~2x cheaper).
 */
export async function listListed(nb: Notebook, opts: ListOptions): Promise<{ notes: ListedNote[]; problems: NoteProblem[]; from: 'index' | 'files' }> {
  const { notes, problems, from } = await listedMetadata(nb, opts);
  const chosen = sortListed(notes.filter((n) => listedMatches(n, opts.filter)), opts.sort, opts.reverse);
  return { notes: opts.limit ? chosen.slice(0, opts.limit) : chosen, problems, from };
}
