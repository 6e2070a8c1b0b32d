/**
 * `notes people [name]`: the people met, optionally narrowed by a fuzzy name.
 * People are extracted from the whole notebook (so that a prose mention in
 * one visit of someone met in another counts), then kept to the appearances
 * in the notes the filters choose.
 */
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import { matchesFilter, type NoteFilter } from '../core/filter.js';
import { extractPeople, restrictPerson, searchPeople, type Person } from '../core/people.js';
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
  const chosen = new Set(notes.filter((n) => matchesFilter(n, opts.filter)).map((n) => n.path));
  const people = extractPeople(notes, { visitOf: visitResolver(visits) })
    .map((p) => restrictPerson(p, (a) => chosen.has(a.path))).filter((p): p is Person => p !== null);
  return { people: opts.query ? searchPeople(people, opts.query) : people, visits, problems };
}
