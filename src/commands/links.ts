/**
 * `notes links`: the URLs in notes, de-duplicated, with where they appear.
 */
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import { matchesFilter, type NoteFilter } from '../core/filter.js';
import { extractLinks, type Link } from '../core/links.js';
import { findVisits, visitResolver } from '../core/visit.js';

export interface LinksResult {
  links: Link[];
  problems: NoteProblem[];
}

export function listLinks(nb: Notebook, opts: { filter: NoteFilter; host?: string }): LinksResult {
  const { notes, problems } = loadNotes(nb);
  const visitOf = visitResolver(findVisits(notes));
  let links = extractLinks(notes.filter((n) => matchesFilter(n, opts.filter)), { visitOf });
  if (opts.host) {
    const h = opts.host.toLowerCase();
    links = links.filter((l) => l.host === h || l.host.endsWith(`.${h}`));
  }
  return { links, problems };
}
