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

/** Sorts notes in place: by date then weight (undated last), or by the key given; path breaks ties. */
export function sortNotes(notes: Note[], key: SortKey = 'date', reverse = false): Note[] {
  // Each note's instant is worked out once, not at each of the n log n comparisons.
  const instants = new Map<Note, number | null>();
  return sortBy(notes, (n) => { let v = instants.get(n); if (v === undefined) instants.set(n, (v = sortInstant(n))); return v; }, key, reverse);
}

/** sortNotes for listed notes, whose instant is known. */
export function sortListed(notes: ListedNote[], key: SortKey = 'date', reverse = false): ListedNote[] {
  return sortBy(notes, (n) => n.sortAt, key, reverse);
}

function sortBy<T extends Listed>(notes: T[], t: (n: T) => number | null, key: SortKey, reverse: boolean): T[] {
  const cmp: Record<SortKey, (a: T, b: T) => number> = {
    // A visit page sorts before its days (it starts at midnight of its first day).
    date: (a, b) => byNullable(t(a), t(b), num) || Number(b.isSection) - Number(a.isSection) || byNullable(a.weight, b.weight, num),
    weight: (a, b) => byNullable(a.weight, b.weight, num) || byNullable(t(a), t(b), num),
    title: (a, b) => a.title.localeCompare(b.title),
    path: () => 0,
  };
  const by = cmp[key];
  notes.sort((a, b) => by(a, b) || str(a.path, b.path));
  if (reverse) notes.reverse();
  return notes;
}
