/**
 * Visits: a visit is a folder of day entries. Either it has an `_index.md`
 * (a Hugo section page, `bookCollapseSection = true`) whose front matter
 * holds `title`, `facility`, `location`, `start`, `end` and optionally
 * `proposal` and `instrument`; or it is a plain folder that holds day
 * entries, as found in the wild. Pure: the store hands in the notes.
 */
import type { Note } from './note.js';
import { getKey } from './note.js';
import { noteDay } from './filter.js';
import { daysBetween, writtenDay } from './dates.js';
import { quote } from './template.js';

export interface Visit {
  /** The folder, relative to the notebook root (`/` separators). */
  name: string;
  title: string;
  facility: string | null;
  location: string | null;
  /** YYYY-MM-DD as written in `_index.md`, else the first entry's day. */
  start: string | null;
  /** YYYY-MM-DD as written in `_index.md`, else the last entry's day. */
  end: string | null;
  proposal: string | null;
  instrument: string | null;
  /** True when the folder has an `_index.md`. */
  hasIndex: boolean;
  /** Path of `_index.md`, or null. */
  indexPath: string | null;
  /** The day entries (notes with a day, not `_index.md`), by day then path. */
  entries: Note[];
  /** Days of the visit: end - start + 1 when both are known, else null. */
  span: number | null;
}

/** The fields `notes visit start` writes into `_index.md`. */
export interface VisitFields {
  title: string;
  facility: string;
  start: string;
  end?: string;
  location?: string;
  proposal?: string;
  instrument?: string;
}

const str = (v: unknown): string | null => {
  if (v === undefined || v === null || typeof v === 'object') return null;
  const s = String(v).trim();
  return s || null;
};

/** An `_index.md` that says it is a visit (it has a facility or a start date). */
function isVisitIndex(n: Note): boolean {
  return n.isSection && n.section !== '' && (str(getKey(n.frontMatter, 'facility')) !== null || str(getKey(n.frontMatter, 'start')) !== null);
}

/** A day entry: a page (not a section) with a day. */
export function isDayEntry(n: Note): boolean {
  return !n.isSection && noteDay(n) !== null;
}

/**
 * Finds the visits among the notes: folders whose `_index.md` names a
 * facility or start date, and folders (not the root) that directly hold day
 * entries. A note belongs to the deepest visit folder that contains it.
 */
export function findVisits(notes: Note[]): Visit[] {
  const indexes = new Map<string, Note>();
  const names = new Set<string>();
  const plain = new Set<string>();
  for (const n of notes) {
    if (n.isSection && n.section) indexes.set(n.section, n);
    if (isVisitIndex(n)) names.add(n.section);
    else if (isDayEntry(n) && n.section) plain.add(n.section);
  }
  // A plain folder of day entries is a visit unless it sits inside one
  // (day entries in ess-2023/extra/ belong to ess-2023).
  const depth = (s: string) => s.split('/').length;
  for (const folder of [...plain].sort((a, b) => depth(a) - depth(b) || (a < b ? -1 : 1))) {
    if (deepestVisit(names, folder) === null) names.add(folder);
  }
  const sorted = [...names].sort();
  const entries = new Map<string, Note[]>(sorted.map((v) => [v, []]));
  for (const n of notes) {
    if (!isDayEntry(n)) continue;
    const v = deepestVisit(names, n.section);
    if (v !== null) entries.get(v)!.push(n);
  }
  const visits = sorted.map((name): Visit => {
    const index = indexes.get(name) ?? null;
    const fm = index?.frontMatter ?? {};
    const days = entries.get(name)!.sort((a, b) => (noteDay(a)! < noteDay(b)! ? -1 : noteDay(a)! > noteDay(b)! ? 1 : a.path < b.path ? -1 : 1));
    const start = writtenDay(str(getKey(fm, 'start'))) ?? (days.length ? noteDay(days[0]!) : null);
    const end = writtenDay(str(getKey(fm, 'end'))) ?? (days.length ? noteDay(days[days.length - 1]!) : null);
    return {
      name,
      title: index ? index.title : name.split('/').pop()!,
      facility: str(getKey(fm, 'facility')),
      location: str(getKey(fm, 'location')),
      start,
      end,
      proposal: str(getKey(fm, 'proposal')),
      instrument: str(getKey(fm, 'instrument')),
      hasIndex: index !== null,
      indexPath: index?.path ?? null,
      entries: days,
      span: start && end && end >= start ? daysBetween(start, end) + 1 : null,
    };
  });
  return visits.sort((a, b) => (a.start ?? '9999') < (b.start ?? '9999') ? -1 : (a.start ?? '9999') > (b.start ?? '9999') ? 1 : a.name < b.name ? -1 : 1);
}

function deepestVisit(names: Iterable<string>, section: string): string | null {
  const set = names instanceof Set ? names as Set<string> : new Set(names);
  for (let s = section; s; s = s.includes('/') ? s.slice(0, s.lastIndexOf('/')) : '') {
    if (set.has(s)) return s;
  }
  return null;
}

/** A function giving the visit (folder) a note belongs to, or null. */
export function visitResolver(visits: Visit[]): (note: Note) => string | null {
  const names = new Set(visits.map((v) => v.name));
  return (note) => deepestVisit(names, note.section);
}

/**
 * The day number of an entry within its visit: counted from the start date
 * of `_index.md`; in a folder without one, its weight, else counted from the
 * first entry's day.
 */
export function dayOfVisit(visit: Visit, entry: Note): number | null {
  const day = noteDay(entry);
  const fromStart = visit.start && day && day >= visit.start ? daysBetween(visit.start, day) + 1 : null;
  return visit.hasIndex ? fromStart ?? entry.weight : entry.weight ?? fromStart;
}

/**
 * The text of a visit's `_index.md`: Hugo Book section front matter with the
 * visit keys, in TOML (`+++`) or YAML (`---`). Dates are written bare (TOML
 * local dates, YAML dates); strings are quoted so any input stays valid.
 */
export function renderVisitIndex(f: VisitFields, format: 'toml' | 'yaml' = 'toml'): string {
  const rows: [string, string][] = [
    ['title', quote(f.title)],
    ['bookCollapseSection', 'true'],
    ['facility', quote(f.facility)],
  ];
  if (f.location) rows.push(['location', quote(f.location)]);
  rows.push(['start', f.start]);
  if (f.end) rows.push(['end', f.end]);
  if (f.proposal) rows.push(['proposal', quote(f.proposal)]);
  if (f.instrument) rows.push(['instrument', quote(f.instrument)]);
  const delim = format === 'toml' ? '+++' : '---';
  const sep = format === 'toml' ? ' = ' : ': ';
  return `${delim}\n${rows.map(([k, v]) => `${k}${sep}${v}`).join('\n')}\n${delim}\n`;
}
