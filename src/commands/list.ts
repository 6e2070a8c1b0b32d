/**
 * `notes list`: the notes chosen by the filters, in order.
 */
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import { matchesFilter, sortNotes, type NoteFilter, type SortKey } from '../core/filter.js';
import type { Note } from '../core/note.js';

export interface ListOptions {
  filter: NoteFilter;
  sort?: SortKey;
  reverse?: boolean;
  limit?: number;
}

export interface ListResult {
  notes: Note[];
  problems: NoteProblem[];
}

export function listNotes(nb: Notebook, opts: ListOptions): ListResult {
  const { notes, problems } = loadNotes(nb);
  const chosen = sortNotes(notes.filter((n) => matchesFilter(n, opts.filter)), opts.sort, opts.reverse);
  return { notes: opts.limit ? chosen.slice(0, opts.limit) : chosen, problems };
}
