/**
 * Resolving a ref (what `show`, `edit`, `path` and `tag --to` take) to one
 * note: a path, a file stem, a day, or a fuzzy title match. Anything that
 * matches more than one note is an error listing the candidates.
 */
import Fuse from 'fuse.js';
import type { Note } from './note.js';
import { RefError } from './errors.js';
import { noteDay } from './filter.js';

export interface RefOptions {
  /** The ref as a path relative to the notebook root, when it can be read as one. */
  asPath?: string | null;
  /** The ref as a day (YYYY-MM-DD), when it can be read as one (today, yesterday...). */
  asDay?: string | null;
}

const describe = (n: Note) => `${n.path}${noteDay(n) ? ` (${noteDay(n)}, ${n.title})` : ` (${n.title})`}`;

function one(ref: string, found: Note[]): Note {
  if (found.length === 1) return found[0]!;
  throw new RefError(`"${ref}" matches ${found.length} notes`, found.map(describe),
    'name one of them by its path');
}

/** Finds the notes a ref names, most specific reading first. */
export function resolveRef(notes: Note[], ref: string, opts: RefOptions = {}): Note {
  const trimmed = ref.trim();
  if (!trimmed) throw new RefError('an empty ref names no note', [], 'give a path, a file name, a date or words of a title');
  if (opts.asPath) {
    const p = opts.asPath;
    const byPath = notes.filter((n) => n.path === p || n.path === `${p}.md`);
    if (byPath.length) return one(ref, byPath);
  }
  const stem = trimmed.replace(/\.md$/i, '').toLowerCase();
  const byStem = notes.filter((n) => {
    const base = n.path.slice(n.path.lastIndexOf('/') + 1).replace(/\.md$/i, '').toLowerCase();
    return base === stem || n.path.replace(/\.md$/i, '').toLowerCase() === stem;
  });
  if (byStem.length) return one(ref, byStem);
  if (opts.asDay) {
    const byDay = notes.filter((n) => !n.isSection && noteDay(n) === opts.asDay);
    if (byDay.length) return one(ref, byDay);
    throw new RefError(`no note for ${opts.asDay}`, [], 'run notes list to see the days there are, or notes new to start one');
  }
  const byTitle = notes.filter((n) => n.title.toLowerCase() === trimmed.toLowerCase());
  if (byTitle.length) return one(ref, byTitle);
  const fuse = new Fuse(notes, {
    keys: [{ name: 'title', weight: 3 }, { name: 'menuTitle', weight: 1 }, { name: 'linkTitle', weight: 1 }, { name: 'path', weight: 1 }],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.35,
  });
  const hits = fuse.search(trimmed);
  if (!hits.length) {
    throw new RefError(`no note matches "${ref}"`, [], 'run notes list to see the notes, or notes search to search their text');
  }
  const best = hits[0]!.score ?? 0;
  const close = hits.filter((h) => (h.score ?? 0) - best < 0.05).map((h) => h.item);
  return one(ref, close);
}
