/**
 * Day entries of a visit folder: which day a new entry gets, and whether the
 * day already has one. Pure: the store hands in the folder's notes.
 */
import type { Note } from './note.js';
import { noteDay } from './filter.js';
import { daysBetween, writtenDay } from './dates.js';
import { getKey } from './note.js';

/** The entry of `day` among a folder's notes, if there is one. */
export function entryForDay(notes: Note[], day: string): Note | undefined {
  return notes.find((n) => !n.isSection && noteDay(n) === day);
}

/** The visit's first and last day, from its `_index.md` (`start`, `end`), where set. */
export function visitRange(notes: Note[]): { start: string | null; end: string | null } {
  const index = notes.find((n) => n.isSection);
  const day = (key: string) => (index ? writtenDay(String(getKey(index.frontMatter, key) ?? '')) : null);
  return { start: day('start'), end: day('end') };
}

/**
 * Why `day` does not belong to the visit (before its start, after its end),
 * or null when it does or the visit has no dates: an entry dated outside its
 * visit is usually a forgotten `notes visit use`.
 */
export function outsideVisit(notes: Note[], day: string): string | null {
  const { start, end } = visitRange(notes);
  if (start && day < start) return `${day} is before the visit's start (${start})`;
  if (end && day > end) return `${day} is after the visit's end (${end})`;
  return null;
}

/**
 * The day number of a new entry for `day`: counted from the visit's start
 * date when the folder's `_index.md` has one and the day is within the visit
 * (the third calendar day is day Three even when day Two has no entry), else
 * the highest weight of the folder's entries + 1.
 */
export function nextDayNumber(notes: Note[], day: string): number {
  const { start } = visitRange(notes);
  if (start && !outsideVisit(notes, day)) return daysBetween(start, day) + 1;
  let max = 0;
  for (const n of notes) if (!n.isSection && n.weight !== null && n.weight > max) max = n.weight;
  return max + 1;
}
