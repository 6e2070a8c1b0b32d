/**
 * `notes show|path|edit <ref>`: find one note by path, file name, day or title.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import { relToRoot } from '../store/paths.js';
import { resolveRef } from '../core/ref.js';
import { resolveDay } from '../core/dates.js';
import type { Note } from '../core/note.js';

export interface FindResult {
  note: Note;
  /** Absolute path. */
  path: string;
  problems: NoteProblem[];
}

/** The notes a command works on, and the one a ref names. */
export function findNote(nb: Notebook, ref: string, cwd: string, now: Date, notes?: Note[]): FindResult {
  const loaded = notes ? { notes, problems: [] } : loadNotes(nb);
  const asPath = relToRoot(nb.root, resolve(cwd, ref)) ?? relToRoot(nb.root, resolve(nb.root, ref));
  const note = resolveRef(loaded.notes, ref, { asPath, asDay: resolveDay(ref, now) });
  return { note, path: join(nb.root, note.path), problems: loaded.problems };
}

/** The note's text exactly as it is on disk. */
export function readNoteText(path: string): string {
  return readFileSync(path, 'utf8');
}
