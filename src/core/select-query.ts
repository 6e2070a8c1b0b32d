/**
 * `--where <query>` for commands that act on a selection of notes (tag add,
 * tag remove). For now a plain query: every word must occur, case-insensitively,
 * in the note's title, tags or body. The notebook search (its own issue)
 * replaces this one function when it lands; callers only see selectByQuery.
 */
import type { Note } from './note.js';

/** The notes matching `query` (all words, case-insensitive, title/tags/body). */
export function selectByQuery(notes: Note[], query: string): Note[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return notes;
  return notes.filter((n) => {
    const hay = `${n.title}\n${n.tags.join(' ')}\n${n.body}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
