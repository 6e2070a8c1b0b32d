/**
 * Choosing and ordering notes: the filters shared by list, search, tag and
 * export (`--tag`, `--category`, `--since`, `--until`, `--visit`, drafts).
 */
import { getKey, type Note } from './note.js';
import { parseHugoDate, writtenDay } from './dates.js';

export type DraftMode = 'exclude' | 'include' | 'only';

export interface NoteFilter {
  /** Every tag must be present (case-insensitive, as Hugo lowercases terms). */
  tags?: string[];
  /** Every category must be present. */
  categories?: string[];
  /** Inclusive bounds on the note's calendar day (YYYY-MM-DD). */
  since?: string;
  until?: string;
  /** Folder (relative to the root) of a visit; its subfolders count too. */
  visit?: string;
  drafts?: DraftMode;
}

/** A visit page (`_index.md`) without a date is dated by its `start` key. */
function visitStart(note: Note): string | null {
  if (!note.isSection || note.date) return null;
  const start = getKey(note.frontMatter, 'start');
  return typeof start === 'string' ? start : null;
}

/** The calendar day of a note: a YYYY-MM-DD menuTitle, else its date as written (a visit: its start). */
export function noteDay(note: Note): string | null {
  if (note.menuTitle && /^\d{4}-\d{2}-\d{2}$/.test(note.menuTitle.trim())) return note.menuTitle.trim();
  return writtenDay(note.date ?? visitStart(note));
}

/** The instant a note sorts by: its date, else a visit's start. */
export function sortInstant(note: Note): number | null {
  if (note.instant) return note.instant.getTime();
  const start = visitStart(note);
  const d = start ? parseHugoDate(start) : null;
  return d ? d.getTime() : null;
}

const lowerAll = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

/** True when `section` is the visit folder `visit` or inside it. */
export function inVisit(section: string, visit: string): boolean {
  const v = visit.replace(/^\.?\/+|\/+$/g, '');
  return v === '' || section === v || section.startsWith(`${v}/`);
}

/** What filters and sorting look at: a Note has it all but the day and the instant, which they work out. */
export interface Listed {
  path: string;
  title: string;
  tags: string[];
  categories: string[];
  draft: boolean;
  weight: number | null;
  section: string;
  isSection: boolean;
}

/**
 * The fields `list` prints and filters and sorts on, with the note's day and
 * sort instant worked out (the search index stores both, so that listing
 * 10,000 notes from it builds no whole notes).
 */
export interface ListedNote extends Listed {
  day: string | null;
  sortAt: number | null;
}

export function listedNote(n: Note): ListedNote {
  return {
    path: n.path, title: n.title, tags: n.tags, categories: n.categories, draft: n.draft, weight: n.weight,
    section: n.section, isSection: n.isSection, day: noteDay(n), sortAt: sortInstant(n),
  };
}

export function matchesFilter(note: Note, f: NoteFilter): boolean {
  return matches(note, () => noteDay(note), f);
}

export function listedMatches(n: ListedNote, f: NoteFilter): boolean {
  return matches(n, () => n.day, f);
}

function matches(note: Listed, dayOf: () => string | null, f: NoteFilter): boolean {
  const drafts = f.drafts ?? 'exclude';
  if (drafts === 'exclude' && note.draft) return false;
  if (drafts === 'only' && !note.draft) return false;
  if (f.tags?.length) {
    const have = lowerAll(note.tags);
    if (!f.tags.every((t) => have.has(t.toLowerCase()))) return false;
  }
  if (f.categories?.length) {
    const have = lowerAll(note.categories);
    if (!f.categories.every((c) => have.has(c.toLowerCase()))) return false;
  }
  if (f.since || f.until) {
    const day = dayOf();
    if (!day) return false;
    if (f.since && day < f.since) return false;
    if (f.until && day > f.until) return false;
  }
  if (f.visit !== undefined && !inVisit(note.section, f.visit)) return false;
  return true;
}

export type SortKey = 'date' | 'weight' | 'title' | 'path';

const byNullable = <T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number) =>
  a === null ? (b === null ? 0 : 1) : b === null ? -1 : cmp(a, b);
const num = (a: number, b: number) => a - b;
const str = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Sorts notes in place: by day (as shown: a YYYY-MM-DD menuTitle, else the
 * date as written), then the instant, then weight (undated last); or by the
 * key given; path breaks ties.
 */
export function sortNotes(notes: Note[], key: SortKey = 'date', reverse = false): Note[] {
  // Each note's instant and day are worked out once, not at each of the n log n comparisons.
  const memo = new Map<Note, [number | null, string | null]>();
  const of = (n: Note) => { let v = memo.get(n); if (!v) memo.set(n, (v = [sortInstant(n), noteDay(n)])); return v; };
  return sortBy(notes, (n) => of(n)[0], (n) => of(n)[1], key, reverse);
}

/** sortNotes for listed notes, whose instant and day are known. */
export function sortListed(notes: ListedNote[], key: SortKey = 'date', reverse = false): ListedNote[] {
  return sortBy(notes, (n) => n.sortAt, (n) => n.day, key, reverse);
}

/**
 * For each folder, the first day of the notes in it or below: the day a
 * visit page without a date of its own sorts on, so that it comes before
 * its days rather than after every dated note.
 */
function firstDays<T extends Listed>(notes: T[], day: (n: T) => string | null): Map<string, string> {
  const first = new Map<string, string>();
  for (const n of notes) {
    const d = day(n);
    if (!d) continue;
    for (let s: string | null = n.section; s !== null; s = s ? s.slice(0, Math.max(0, s.lastIndexOf('/'))) : null) {
      const had = first.get(s);
      if (had !== undefined && had <= d) break; // so are the folders above
      first.set(s, d);
    }
  }
  return first;
}

function sortBy<T extends Listed>(notes: T[], t: (n: T) => number | null, day: (n: T) => string | null, key: SortKey, reverse: boolean): T[] {
  const first = key === 'date' ? firstDays(notes, day) : null;
  // The notebook's own home page (the root's _index.md) is no visit: undated, it stays last.
  const dayOf = (n: T) => day(n) ?? (n.isSection && n.section ? first?.get(n.section) ?? null : null);
  const cmp: Record<SortKey, (a: T, b: T) => number> = {
    // The day as shown first: an instant in UTC would put a day entry dated
    // the next morning (or in another time zone) among the wrong day's. A
    // visit page sorts before the notes of its day.
    date: (a, b) => byNullable(dayOf(a), dayOf(b), str) || Number(b.isSection) - Number(a.isSection)
      || byNullable(t(a), t(b), num) || byNullable(a.weight, b.weight, num),
    weight: (a, b) => byNullable(a.weight, b.weight, num) || byNullable(t(a), t(b), num),
    title: (a, b) => a.title.localeCompare(b.title),
    path: () => 0,
  };
  const by = cmp[key];
  notes.sort((a, b) => by(a, b) || str(a.path, b.path));
  if (reverse) notes.reverse();
  return notes;
}
