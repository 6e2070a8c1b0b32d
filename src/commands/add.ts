/**
 * `notes add`: quick capture into a day entry. Appends bullets to the day's
 * entry of the current visit (creating the entry as `notes new` would),
 * optionally under a bullet found by its words, and optionally tags the
 * entry. The read-modify-write runs under the notebook lock and ends in an
 * atomic write, so concurrent `notes add` calls all land (jrnl #502).
 */
import { join } from 'node:path';
import type { Notebook } from '../store/notebook.js';
import { withLock } from '../store/lock.js';
import { writeAllIfUnchanged } from '../store/guarded-write.js';
import { readForEdit } from '../store/note-text.js';
import { newEntry, folderNotes } from './new.js';
import { appendBullet, bulletItem, findBullet, parseBullets, type Bullet } from '../core/bullets.js';
import { editTags } from '../core/front-matter-edit.js';
import { entryForDay } from '../core/day-entry.js';
import { existsSync } from 'node:fs';
import { NotesError } from '../core/errors.js';
import { visitRel } from '../store/paths.js';

export interface AddOptions {
  /** YYYY-MM-DD */
  day: string;
  now: Date;
  /** One bullet each. */
  items: string[];
  /** Words of the bullet to nest under. */
  under?: string;
  /** Prefix each bullet with the local time (HH:MM). */
  time?: boolean;
  tags?: string[];
  visit?: string;
  /** Test seam: runs after the new text is on disk, before the check and the rename. */
  beforeWrite?: (absPath: string) => void;
}

export interface AddResult {
  /** Absolute path of the entry. */
  path: string;
  rel: string;
  /** The entry was created for this call. */
  created: boolean;
  dayNumber: number | null;
  /** Why a new entry's day is outside its visit's dates, when it is. */
  warning?: string;
  /** 1-based lines of the new bullets. */
  lines: number[];
  /** The parent (for --under): its line and text, and whether it was made now. */
  parent: { line: number; text: string; created: boolean } | null;
  tagged: string[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local time of day as HH:MM. */
export function clock(now: Date): string {
  return `${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

export async function addToEntry(nb: Notebook, opts: AddOptions): Promise<AddResult> {
  const entry = await newEntry(nb, { day: opts.day, now: opts.now, visit: opts.visit });
  // The lock keeps other `notes add` out; the guarded write also keeps an
  // editor's (or `notes tag`'s) save made meanwhile: then the append is redone.
  return withLock(nb.root, async () => {
    for (let attempt = 1; ; attempt++) {
      const { bytes, text } = readForEdit(entry.path, entry.rel);
      const r = appendAll(text, nb, entry.rel, opts);
      if (r.text === text) return { ...base(entry), ...r.result };
      const [outcome] = await writeAllIfUnchanged([{ path: entry.path, before: bytes, after: r.text }], { beforeCommit: opts.beforeWrite });
      if (typeof outcome === 'object') throw outcome.failed;
      if (outcome === 'written') return { ...base(entry), ...r.result };
      if (outcome === 'gone' || attempt === 5) {
        throw new NotesError(`${entry.rel} ${outcome === 'gone' ? 'was removed' : 'keeps changing'} while adding to it; nothing added`, { hint: 'run the command again' });
      }
    }
  });
}

const base = (e: { path: string; rel: string; created: boolean; dayNumber: number | null; warning?: string }) =>
  ({ path: e.path, rel: e.rel, created: e.created, dayNumber: e.dayNumber, warning: e.warning });

/** The entry's new text with the tags and bullets added (pure). */
function appendAll(text: string, nb: Notebook, rel: string, opts: AddOptions): { text: string; result: Pick<AddResult, 'lines' | 'parent' | 'tagged'> } {
  let cur = text;
  let tagged: string[] = [];
  // Tags first: a new tags line shifts the body, and the lines reported must be final.
  if (opts.tags?.length) {
    const r = editTags(cur, { kind: 'add', tags: opts.tags }, { format: nb.config.format, path: rel });
    cur = r.text;
    tagged = r.after.filter((t) => !r.before.some((b) => b.toLowerCase() === t.toLowerCase()));
  }
  let parent: Bullet | null = null;
  let parentInfo: AddResult['parent'] = null;
  if (opts.under !== undefined) {
    parent = findBullet(parseBullets(cur), opts.under);
    if (!parent) {
      const made = appendBullet(cur, opts.under);
      cur = made.text;
      parent = parseBullets(cur).find((b) => b.line === made.line)!;
      parentInfo = { line: made.line, text: parent.text, created: true };
    } else {
      parentInfo = { line: parent.line, text: parent.text, created: false };
    }
  }
  const lines: number[] = [];
  const time = opts.time ? clock(opts.now) : undefined;
  for (const item of opts.items) {
    const r = appendBullet(cur, bulletItem(item, time), parent);
    cur = r.text;
    lines.push(r.line);
  }
  return { text: cur, result: { lines, parent: parentInfo, tagged } };
}

/** Today's (or `day`'s) entry of the current visit, or null. */
export function findEntry(nb: Notebook, day: string, visit?: string): { path: string; rel: string } | null {
  const folderRel = visitRel(nb.root, visit ?? nb.config.currentVisit ?? '');
  if (!existsSync(join(nb.root, folderRel))) return null;
  const found = entryForDay(folderNotes(nb.root, folderRel, day), day);
  return found ? { path: join(nb.root, found.path), rel: found.path } : null;
}
