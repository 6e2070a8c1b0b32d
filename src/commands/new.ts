/**
 * `notes new`: starts a day entry in the visit-day convention
 * (../shared/reference/visit-day.md). Never overwrites: when the day has an
 * entry, that entry's path comes back with created = false.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Notebook } from '../store/notebook.js';
import { readNote, isProblem } from '../store/notebook.js';
import { insideRoot, visitRel } from '../store/paths.js';
import { withLock } from '../store/lock.js';
import { makeDirs } from '../store/make-dir.js';
import { createFileExclusive } from '../store/atomic-write.js';
import { atTimeOfDay, formatLocalDateTime } from '../core/dates.js';
import { numberToWords } from '../core/day-number.js';
import { entryForDay, nextDayNumber, outsideVisit } from '../core/day-entry.js';
import { slugify } from '../core/slug.js';
import { renderTemplate, TOML_TEMPLATE, YAML_TEMPLATE } from '../core/template.js';
import { parseNote, type Note } from '../core/note.js';
import { BrokenEntryError, NotesError, NoteExistsError, NoteParseError, UsageError } from '../core/errors.js';
import { typoDistance } from '../core/fuzzy.js';

export interface NewOptions {
  /** The day, YYYY-MM-DD (already resolved from today/yesterday). */
  day: string;
  now: Date;
  title?: string;
  tags?: string[];
  categories?: string[];
  /** Folder of the visit, relative to the root; default: the current visit, else the root. */
  visit?: string;
  body?: string;
  format?: 'toml' | 'yaml';
  /** Day number to use instead of the computed one. */
  dayNumber?: number;
}

export interface NewResult {
  /** Absolute path of the entry (new or existing). */
  path: string;
  /** Relative to the notebook root. */
  rel: string;
  created: boolean;
  dayNumber: number | null;
  /** Why the new entry's day is outside its visit's dates, when it is. */
  warning?: string;
}

/**
 * The notes directly in a folder (relative to the root). Throws when the
 * day's entry may be among the notes that cannot be read (a file named
 * after `day`): a day's log must not be split over a second file because
 * a typo hid the first.
 */
export function folderNotes(root: string, folderRel: string, day?: string): Note[] {
  const dir = join(root, folderRel);
  const notes: Note[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.') || !/\.md$/i.test(name)) continue;
    const r = readNote(root, folderRel ? `${folderRel}/${name}` : name);
    if (!isProblem(r)) notes.push(r);
    else if (day && name.startsWith(day)) {
      throw new BrokenEntryError(r.path, `${r.path}${r.line ? `:${r.line}` : ''}: ${r.reason}; it may be the entry of ${day}`,
        'fix that file first (notes today --edit opens it; notes doctor shows what is wrong), then run the command again');
    }
  }
  return notes;
}

function loadTemplate(nb: Notebook, format: 'toml' | 'yaml', explicit: boolean): { text: string; source: string } {
  const builtIn = { text: format === 'yaml' ? YAML_TEMPLATE : TOML_TEMPLATE, source: 'the built-in template' };
  if (!nb.config.template) return builtIn;
  const file = insideRoot(nb.root, nb.config.template, 'template');
  let text: string;
  try { text = readFileSync(file, 'utf8'); } catch (e) {
    throw new NotesError(`cannot read the template ${file} (${(e as NodeJS.ErrnoException).code})`, {
      hint: `fix template in ${nb.configPath}, or set it to "" for the built-in one`,
    });
  }
  const templateFormat = text.trimStart().startsWith('---') ? 'yaml' : 'toml';
  return explicit && templateFormat !== format ? builtIn : { text, source: file };
}

/**
 * A visit folder one typo away from an existing one (`ess2026` for
 * `ess-2026`), or null: a new folder is made for a new visit, but a
 * mistyped --visit or current_visit must not start one silently.
 */
function nearMiss(root: string, folderRel: string): string | null {
  const parent = join(root, folderRel, '..');
  const name = folderRel.slice(folderRel.lastIndexOf('/') + 1);
  const plain = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  let entries: string[];
  try { entries = readdirSync(parent, { withFileTypes: true }).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name); } catch { return null; }
  // A different number is another visit (ess-2024 after ess-2023, maxiv-2024-06 after -05), not a typo.
  const digits = (s: string) => s.replace(/\D+/g, ' ').trim();
  return entries.find((e) => plain(e) === plain(name)
    || (name.length >= 4 && digits(e) === digits(name) && typoDistance(e.toLowerCase(), name.toLowerCase(), 1) <= 1)) ?? null;
}

export async function newEntry(nb: Notebook, opts: NewOptions): Promise<NewResult> {
  const folderRel = visitRel(nb.root, opts.visit ?? nb.config.currentVisit ?? '');
  const folder = join(nb.root, folderRel);
  if (folderRel && !existsSync(folder)) {
    const near = nearMiss(nb.root, folderRel);
    if (near) {
      const from = opts.visit !== undefined ? '--visit' : 'current_visit';
      throw new UsageError(`${from} ${folderRel}: no such folder; did you mean ${near}?`, `to start a new visit there, create it first: notes visit start ${folderRel} --facility <facility>`);
    }
  }
  makeDirs(folder);
  const format = opts.format ?? nb.config.format;
  const template = loadTemplate(nb, format, opts.format !== undefined);

  // Numbering reads the folder, then creates a file: two processes must not
  // interleave there, or they would hand out the same day number.
  return withLock(nb.root, () => {
    const notes = folderNotes(nb.root, folderRel, opts.day);
    const existing = entryForDay(notes, opts.day);
    if (existing) {
      return { path: join(nb.root, existing.path), rel: existing.path, created: false, dayNumber: existing.weight };
    }
    const dayNumber = opts.dayNumber ?? nextDayNumber(notes, opts.day);
    const outside = outsideVisit(notes, opts.day);
    const warning = outside ? `${outside} in ${folderRel || 'the notebook root'}; the entry is filed there all the same` : undefined;
    const title = opts.title?.replace(/[\r\n\t]+/g, ' ').trim() || numberToWords(dayNumber);
    const text = renderTemplate(template.text, {
      title,
      date: formatLocalDateTime(atTimeOfDay(opts.day, opts.now)),
      menuTitle: opts.day,
      weight: dayNumber,
      tags: unique([...nb.config.tags, ...(opts.tags ?? [])]),
      categories: unique([...nb.config.categories, ...(opts.categories ?? [])]),
      body: opts.body ?? '',
    });
    const slug = opts.title ? slugify(opts.title) : '';
    const stem = slug ? `${opts.day}-${slug}` : opts.day;
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${stem}.md` : `${stem}-${n}.md`;
      const noteRel = folderRel ? `${folderRel}/${name}` : name;
      try {
        parseNote(noteRel, text);
      } catch (err) {
        if (err instanceof NoteParseError) {
          throw new NotesError(`${template.source} makes an invalid note: ${err.reason}`, { hint: 'fix the template, or set template = "" in the config' });
        }
        throw err;
      }
      const abs = join(folder, name);
      if (existsSync(abs)) continue;
      try {
        createFileExclusive(abs, text);
        return { path: abs, rel: noteRel, created: true, dayNumber, warning };
      } catch (err) {
        if (!(err instanceof NoteExistsError)) throw err;
      }
    }
  });
}

const unique = (xs: string[]) => xs.filter((x, i) => xs.findIndex((y) => y.toLowerCase() === x.toLowerCase()) === i);
