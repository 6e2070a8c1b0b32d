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
import { writeFileAtomic } from '../store/atomic-write.js';
import { readForEdit } from '../store/note-text.js';
import { newEntry, folderNotes } from './new.js';
import { appendBullet, findBullet, parseBullets, type Bullet } from '../core/outline.js';
import { editTags } from '../core/front-matter-edit.js';
import { entryForDay } from '../core/day-entry.js';
import { existsSync } from 'node:fs';
import { insideRoot } from '../store/paths.js';

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
}

export interface AddResult {
  /** Absolute path of the entry. */
  path: string;
  rel: string;
  /** The entry was created for this call. */
  created: boolean;
  dayNumber: number | null;
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
  return withLock(nb.root, () => {
    const { text } = readForEdit(entry.path, entry.rel);
    let cur = text;
    let tagged: string[] = [];
    // Tags first: a new tags line shifts the body, and the lines reported must be final.
    if (opts.tags?.length) {
      const r = editTags(cur, { kind: 'add', tags: opts.tags }, { format: nb.config.format, path: entry.rel });
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
    const prefix = opts.time ? `${clock(opts.now)} ` : '';
    for (const item of opts.items) {
      const r = appendBullet(cur, prefix + item, parent);
      cur = r.text;
      lines.push(r.line);
    }
    if (cur !== text) writeFileAtomic(entry.path, cur);
    return { path: entry.path, rel: entry.rel, created: entry.created, dayNumber: entry.dayNumber, lines, parent: parentInfo, tagged };
  });
}

/** Today's (or `day`'s) entry of the current visit, or null. */
export function findEntry(nb: Notebook, day: string, visit?: string): { path: string; rel: string } | null {
  const folderRel = (visit ?? nb.config.currentVisit ?? '').replace(/^\.?\/+|\/+$/g, '');
  if (!existsSync(insideRoot(nb.root, folderRel, 'visit folder'))) return null;
  const found = entryForDay(folderNotes(nb.root, folderRel), day);
  return found ? { path: join(nb.root, found.path), rel: found.path } : null;
}
