/**
 * `notes people [name]`: the people met, optionally narrowed by a fuzzy name.
 */
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import { matchesFilter, type NoteFilter } from '../core/filter.js';
import { extractPeople, searchPeople, type Person } from '../core/people.js';
import { findVisits, visitResolver, type Visit } from '../core/visit.js';

export interface PeopleOptions {
  query?: string;
  filter: NoteFilter;
}

export interface PeopleResult {
  people: Person[];
  visits: Visit[];
  problems: NoteProblem[];
}

export function listPeople(nb: Notebook, opts: PeopleOptions): PeopleResult {
  const { notes, problems } = loadNotes(nb);
  const visits = findVisits(notes);
  const chosen = notes.filter((n) => matchesFilter(n, opts.filter));
  const people = extractPeople(chosen, { visitOf: visitResolver(visits) });
  return { people: opts.query ? searchPeople(people, opts.query) : people, visits, problems };
}
