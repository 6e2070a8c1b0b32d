/**
 * `notes todo`: open follow-ups; `notes todo done <path:line>`: ticks a task item.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import { relToRoot, insideRoot } from '../store/paths.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import { withLock } from '../store/lock.js';
import { matchesFilter, type NoteFilter } from '../core/filter.js';
import { extractFollowUps, tickTask, type FollowUp } from '../core/followups.js';
import { findVisits, visitResolver } from '../core/visit.js';
import { UsageError, NotesError } from '../core/errors.js';

export interface TodoOptions {
  filter: NoteFilter;
  all?: boolean;
}

export interface TodoResult {
  followUps: FollowUp[];
  problems: NoteProblem[];
}

export function listFollowUps(nb: Notebook, opts: TodoOptions): TodoResult {
  const { notes, problems } = loadNotes(nb);
  const visitOf = visitResolver(findVisits(notes));
  const chosen = notes.filter((n) => matchesFilter(n, opts.filter));
  return { followUps: extractFollowUps(chosen, { all: opts.all, visitOf }), problems };
}

export interface DoneResult {
  /** Relative to the notebook root. */
  path: string;
  line: number;
  /** The ticked line, as it is now. */
  text: string;
}

/** Reads `path:line` (relative to the working directory or the notebook root). */
export function parseLocation(nb: Notebook, cwd: string, where: string): { abs: string; rel: string; line: number } {
  const m = /^(.+):(\d+)$/.exec(where.trim());
  if (!m || Number(m[2]) < 1) throw new UsageError(`"${where}" is not path:line`, 'copy it from notes todo, e.g. notes todo done ess-2023/2023-09-08.md:14');
  const line = Number(m[2]);
  for (const abs of [resolve(cwd, m[1]!), resolve(nb.root, m[1]!)]) {
    const rel = relToRoot(nb.root, abs);
    if (rel !== null && /\.md$/i.test(rel)) {
      try { readFileSync(abs); return { abs, rel, line }; } catch { /* try the other reading */ }
    }
  }
  insideRoot(nb.root, m[1]!, 'note');
  throw new NotesError(`no note ${m[1]} in the notebook`, { hint: 'copy path:line from notes todo' });
}

/** Ticks the open task item at `path:line`: only its `[ ]` becomes `[x]`, written atomically. */
export async function markDone(nb: Notebook, cwd: string, where: string): Promise<DoneResult> {
  const loc = parseLocation(nb, cwd, where);
  return withLock(nb.root, () => {
    const text = readFileSync(loc.abs, 'utf8');
    const edited = tickTask(text, loc.line, loc.rel);
    writeFileAtomic(loc.abs, edited);
    const lineText = edited.split('\n')[loc.line - 1]!.replace(/\r$/, '');
    return { path: loc.rel, line: loc.line, text: lineText };
  });
}
