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

/**
 * The day number of a new entry for `day`: counted from the visit's start
 * date when the folder's `_index.md` has one (the third calendar day is day
 * Three even when day Two has no entry), else the highest weight of the
 * folder's entries + 1.
 */
export function nextDayNumber(notes: Note[], day: string): number {
  const index = notes.find((n) => n.isSection);
  const start = index ? writtenDay(String(getKey(index.frontMatter, 'start') ?? '')) : null;
  if (start && day >= start) return daysBetween(start, day) + 1;
  let max = 0;
  for (const n of notes) if (!n.isSection && n.weight !== null && n.weight > max) max = n.weight;
  return max + 1;
}
