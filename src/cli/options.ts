/**
 * Flags shared between commands, parsed once: the list filters (used by
 * list, search, tag, export) and value parsers that turn bad input into
 * usage errors (exit 2) that say what is expected.
 */
import { isAbsolute } from 'node:path';
import { visitRel } from '../store/paths.js';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { DAY_FORMS, resolveDay } from '../core/dates.js';
import type { NoteFilter } from '../core/filter.js';

export const collect = (value: string, previous: string[] = []) => [...previous, value];

export function positiveInt(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`${name} must be a whole number of 1 or more, not "${value}"`, `e.g. ${name} 3`);
    return Number(value);
  };
}

export interface FilterFlags {
  tag?: string[];
  category?: string[];
  since?: string;
  until?: string;
  visit?: string;
  drafts?: boolean;
  onlyDrafts?: boolean;
}

/** Adds --tag, --category, --since, --until, --visit, --drafts to a command. */
export function addFilterOptions(cmd: Command, { onlyDrafts = false } = {}): Command {
  cmd
    .option('-t, --tag <tag>', 'only notes with this tag (repeatable: all must match)', collect)
    .option('-c, --category <category>', 'only notes in this category (repeatable)', collect)
    .option('--since <date>', `only notes on or after this day (${DAY_FORMS})`)
    .option('--until <date>', 'only notes on or before this day')
    .option('--visit <folder>', 'only notes of this visit (folder)')
    .option('--drafts', 'include drafts');
  if (onlyDrafts) cmd.addOption(new Option('--only-drafts', 'only drafts').conflicts('drafts'));
  return cmd;
}

/** A day flag's value as YYYY-MM-DD, or a usage error naming the flag. */
export function dayFlag(flag: string, value: string, now: Date): string {
  const day = resolveDay(value, now);
  if (!day) throw new UsageError(`${flag} takes a date as ${DAY_FORMS}, not "${value}"`, `e.g. ${flag} 2023-09-04, or ${flag} yesterday`);
  return day;
}

/**
 * The filter the flags ask for. `root` gives the notebook's root, asked for
 * only when --visit is an absolute path: as for `new --visit`, a folder of
 * the notebook named by its full path (see visitRel).
 */
export function toFilter(f: FilterFlags, now: Date, root?: () => string): NoteFilter {
  const filter: NoteFilter = {
    tags: f.tag,
    categories: f.category,
    since: f.since === undefined ? undefined : dayFlag('--since', f.since, now),
    until: f.until === undefined ? undefined : dayFlag('--until', f.until, now),
    visit: f.visit !== undefined && root && isAbsolute(f.visit) ? visitRel(root(), f.visit) : f.visit,
    drafts: f.onlyDrafts ? 'only' : f.drafts ? 'include' : 'exclude',
  };
  if (filter.since && filter.until && filter.since > filter.until) {
    throw new UsageError(`--since ${filter.since} is after --until ${filter.until}`, 'swap them: --since takes the first day, --until the last');
  }
  return filter;
}
