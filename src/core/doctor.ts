/**
 * `notes doctor` checks: what in a notebook is broken, or what Hugo would
 * read differently from what the author meant, each with how to fix it.
 * Pure: the command hands in the notes, the problems and the folder facts.
 */
import type { Note } from './note.js';
import { getKey } from './note.js';
import { hasOffset, parseHugoDate } from './dates.js';
import { noteDay } from './filter.js';

export type Severity = 'error' | 'warning';

export interface Finding {
  severity: Severity;
  /** A stable identifier of the kind of finding (documented in the README). */
  code: string;
  /** The note (or folder) concerned, relative to the root. */
  path: string;
  line?: number;
  message: string;
  hint: string;
}

/** Front matter lines that look like a delimiter Hugo does not know (`;;;`, `===`...). */
const UNKNOWN_DELIMITER = /^(?:;;;|===|~~~~*|\*\*\*)\s*$/;

const DAY_MS = 24 * 3600 * 1000;

/** When Hugo publishes a note: its publishDate, else its date. */
function publishInstant(n: Note): Date | null {
  const p = getKey(n.frontMatter, 'publishdate') ?? getKey(n.frontMatter, 'pubdate');
  const d = p instanceof Date ? p : typeof p === 'string' ? parseHugoDate(p) : null;
  return d ?? n.instant;
}

/** Checks one readable note; `now` for the dates Hugo would leave out as future. */
export function checkNote(n: Note, now: Date = new Date()): Finding[] {
  const out: Finding[] = [];
  const add = (severity: Severity, code: string, message: string, hint: string, line?: number) =>
    out.push({ severity, code, path: n.path, line, message, hint });
  if (n.format === null) {
    const first = n.body.replace(/^\uFEFF/, '').trimStart();
    if (first.startsWith('-') || first.startsWith('+')) {
      add('error', 'hugo-delimiter', `starts with "${first[0]}" but has no front matter: Hugo stops the build with "invalid ${first[0] === '-' ? 'YAML' : 'TOML'} delimiter"`,
        'add front matter at the top (+++ and +++ lines around at least a title)', 1);
    } else if (UNKNOWN_DELIMITER.test(first.split(/\r?\n/, 1)[0] ?? '')) {
      add('warning', 'unknown-front-matter', 'the first line looks like a front matter delimiter Hugo does not know; Hugo shows it as text',
        'use +++ (TOML), --- (YAML) or a JSON object', 1);
    }
  }
  if (n.date && !hasOffset(n.date)) {
    add('warning', 'date-without-offset', `date ${n.date} has no UTC offset: Hugo reads it as UTC`,
      `write the offset, e.g. ${n.date}+02:00`);
  }
  // Hugo publishes by publishDate, else date. An entry prepared for the next day (new --date tomorrow)
  // is the normal thing to do, and is published by then: only what lies further ahead is reported.
  const published = publishInstant(n);
  if (published && published.getTime() > now.getTime() + 2 * DAY_MS && !n.draft) {
    add('warning', 'future-date', `published ${published.toISOString().slice(0, 10)}, in the future: Hugo leaves it out of the site until then`,
      'set buildFuture = true in the site config to publish it now, or correct its date');
  }
  for (const key of ['tags', 'categories']) {
    if (typeof getKey(n.frontMatter, key) === 'string') {
      add('warning', `${key}-as-string`, `${key} is a bare string: Hugo reads it as a single term`,
        `write it as a list: ${key} = [${JSON.stringify(getKey(n.frontMatter, key))}]`);
    }
  }
  return out;
}

/**
 * Checks across the notes of each folder: duplicate day numbers, two entries
 * for one day, and folders of day entries that have no `_index.md` (a visit
 * page: Hugo Book then shows the days without a section).
 */
export function checkVisits(notes: Note[]): Finding[] {
  const out: Finding[] = [];
  const bySection = new Map<string, Note[]>();
  for (const n of notes) {
    const list = bySection.get(n.section) ?? [];
    list.push(n);
    bySection.set(n.section, list);
  }
  for (const [section, list] of bySection) {
    const days = list.filter((n) => !n.isSection && n.weight !== null && noteDay(n));
    const seen = (key: (n: Note) => string | number | null, code: string, what: string, hint: string) => {
      const groups = new Map<string | number, Note[]>();
      for (const n of days) {
        const k = key(n);
        if (k === null) continue;
        groups.set(k, [...(groups.get(k) ?? []), n]);
      }
      for (const [k, group] of groups) {
        if (group.length < 2) continue;
        for (const n of group.slice(1)) {
          out.push({ severity: 'warning', code, path: n.path, message: `${what} ${k} again (also ${group[0]!.path})`, hint });
        }
      }
    };
    seen((n) => n.weight, 'duplicate-day-number', 'day number', 'renumber one of them: change its weight and title');
    seen(noteDay, 'duplicate-day', 'a second entry for', 'merge the two entries into one');
    if (section && days.length >= 2 && !list.some((n) => n.isSection)) {
      out.push({ severity: 'warning', code: 'missing-index', path: section, message: `holds ${days.length} day entries but no _index.md (the visit's own page)`,
        hint: `create ${section}/_index.md, e.g. with notes visit start ${section.split('/').pop()} --facility <name>` });
    }
  }
  return out;
}
