/**
 * `notes visit start|list|use|show`: visits are folders of day entries,
 * with an `_index.md` holding the visit's keys (core/visit.ts). The current
 * visit (where `notes new` files entries) is `current_visit` in `.notes.toml`.
 */
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import Fuse from 'fuse.js';
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import { notesMetadata, type NotesSourceAccess } from './notes-source.js';
import { insideRoot, relToRoot } from '../store/paths.js';
import { createFileExclusive, writeFileAtomic } from '../store/atomic-write.js';
import { withLock } from '../store/lock.js';
import { makeDirs } from '../store/make-dir.js';
import { CONFIG_NAME, CONFIG_TEMPLATE, setConfigString } from '../core/config.js';
import { NotesError, NoteExistsError, UsageError, RefError } from '../core/errors.js';
import { findVisits, renderVisitIndex, visitResolver, type Visit, type VisitFields } from '../core/visit.js';
import { parseNote, type Note } from '../core/note.js';
import { extractPeople, restrictPerson, type Person } from '../core/people.js';
import { extractFollowUps, type FollowUp } from '../core/followups.js';
import { extractLinks, type Link } from '../core/links.js';
import { extractSystems } from '../core/systems.js';

export interface StartVisitOptions extends Omit<VisitFields, 'title'> {
  name: string;
  title?: string;
}

export interface StartVisitResult {
  /** Folder of the visit, relative to the root. */
  name: string;
  /** Absolute path of the new `_index.md`. */
  indexPath: string;
  /** Absolute path of the config file that now names the visit. */
  configPath: string;
  createdConfig: boolean;
}

/** A visit name as a folder relative to the root; refuses the root itself and anything outside it. */
export function visitFolder(nb: Notebook, name: string): string {
  const trimmed = name.trim().replace(/\\/g, '/').replace(/^\.\/+|\/+$/g, '');
  if (!trimmed || trimmed === '.') throw new UsageError('a visit needs a folder name, such as ess-2023', 'e.g. notes visit start ess-2023 --facility ESS');
  const rel = relToRoot(nb.root, insideRoot(nb.root, trimmed, 'visit'))!;
  if (!rel || rel.split('/').some((seg) => seg.startsWith('.'))) {
    throw new UsageError(`visit "${name}" would be a hidden folder or the notebook root (Hugo and notes skip hidden folders)`, 'choose a folder name that does not start with a dot, such as ess-2023');
  }
  return rel;
}

/** Creates `<name>/_index.md` (never overwriting) and makes the visit the current one. */
export async function startVisit(nb: Notebook, opts: StartVisitOptions): Promise<StartVisitResult> {
  const name = visitFolder(nb, opts.name);
  if (opts.end && opts.end < opts.start) {
    throw new UsageError(`--end ${opts.end} is before --start ${opts.start}`, `give --end a day on or after ${opts.start}, or set --start (it defaults to today)`);
  }
  if (!opts.facility.trim()) throw new UsageError('--facility must not be empty', 'e.g. --facility ESS');
  const title = opts.title?.replace(/[\r\n\t]+/g, ' ').trim() || `${opts.facility.trim()} ${opts.start.slice(0, 4)}`;
  const text = renderVisitIndex({ ...opts, title, facility: opts.facility.trim() }, nb.config.format);
  const rel = `${name}/_index.md`;
  parseNote(rel, text); // a template bug must not reach the disk
  const folder = join(nb.root, name);
  makeDirs(folder);
  const indexPath = join(folder, '_index.md');
  try {
    createFileExclusive(indexPath, text);
  } catch (err) {
    if (err instanceof NoteExistsError) {
      throw new NotesError(`visit ${name} exists already (${rel})`, { hint: `make it the current visit with: notes visit use ${name}` });
    }
    throw err;
  }
  const cfg = await setCurrentVisit(nb, name);
  return { name, indexPath, ...cfg };
}

/**
 * Sets `current_visit` in `.notes.toml` with a one-line atomic edit (every
 * other byte kept), creating the file from the commented template when the
 * notebook has none.
 */
export async function setCurrentVisit(nb: Notebook, name: string): Promise<{ configPath: string; createdConfig: boolean }> {
  const configPath = join(nb.root, CONFIG_NAME);
  return withLock(nb.root, () => {
    if (!existsSync(configPath)) {
      const base = nb.config.format === 'yaml' ? CONFIG_TEMPLATE.replace('format = "toml"', 'format = "yaml"') : CONFIG_TEMPLATE;
      try {
        createFileExclusive(configPath, setConfigString(base, 'current_visit', name, configPath));
        return { configPath, createdConfig: true };
      } catch (err) {
        if (!(err instanceof NoteExistsError)) throw err;
      }
    }
    const text = readFileSync(configPath, 'utf8');
    const edited = setConfigString(text, 'current_visit', name, configPath);
    if (edited !== text) writeFileAtomic(configPath, edited);
    return { configPath, createdConfig: false };
  });
}

export interface VisitListResult {
  visits: Visit[];
  current: string | null;
  problems: NoteProblem[];
}

/** The visits (from the search index when it pays, see notes-source.ts: only front matter is needed). */
export async function listVisits(nb: Notebook, access: NotesSourceAccess): Promise<VisitListResult> {
  const { notes, problems } = await notesMetadata(nb, access);
  return { visits: findVisits(notes), current: nb.config.currentVisit, problems };
}

/** The visit a name stands for: its folder exactly, else a title or fuzzy match that is unique. */
export function resolveVisit(visits: Visit[], name: string): Visit {
  const key = name.trim().replace(/^\.\/+|\/+$/g, '');
  const exact = visits.find((v) => v.name === key) ?? visits.find((v) => v.name.toLowerCase() === key.toLowerCase());
  if (exact) return exact;
  const byTail = visits.filter((v) => v.name.split('/').pop()!.toLowerCase() === key.toLowerCase() || v.title.toLowerCase() === key.toLowerCase());
  if (byTail.length === 1) return byTail[0]!;
  const hits = new Fuse(visits, { keys: ['name', 'title', 'facility'], threshold: 0.35, ignoreLocation: true }).search(key).map((h) => h.item);
  if (hits.length === 1 && byTail.length === 0) return hits[0]!;
  const candidates = (byTail.length ? byTail : hits).map((v) => `${v.name} (${v.title})`);
  throw new RefError(candidates.length ? `"${name}" matches ${candidates.length} visits` : `no visit "${name}"`, candidates,
    visits.length ? `run notes visit list to see the visits (${visits.map((v) => v.name).slice(0, 5).join(', ')}${visits.length > 5 ? ', ...' : ''})` : 'start one with: notes visit start <name> --facility <facility>');
}

export interface UseVisitResult {
  visit: Visit;
  configPath: string;
  createdConfig: boolean;
}

/** Makes a known visit the current one. */
export async function useVisit(nb: Notebook, name: string, access: NotesSourceAccess): Promise<UseVisitResult & { problems: NoteProblem[] }> {
  const { visits, problems } = await listVisits(nb, access);
  const visit = resolveVisit(visits, name);
  return { visit, problems, ...(await setCurrentVisit(nb, visit.name)) };
}

export interface VisitSummary {
  visit: Visit;
  current: boolean;
  people: Person[];
  followUps: FollowUp[];
  links: Link[];
  tags: { tag: string; count: number }[];
  systems: string[];
  problems: NoteProblem[];
}

/** Everything `notes visit show` prints about one visit (default: the current one). */
export function showVisit(nb: Notebook, name?: string): VisitSummary {
  const { notes, problems } = loadNotes(nb);
  const visits = findVisits(notes);
  const wanted = name ?? nb.config.currentVisit;
  if (!wanted) throw new UsageError('no visit named and no current visit', 'name one: notes visit show <name> (see notes visit list)');
  const visit = resolveVisit(visits, wanted);
  const visitOf = visitResolver(visits);
  const mine = (n: Note) => visitOf(n) === visit.name;
  const inVisit = notes.filter(mine);
  const tagCounts = new Map<string, { tag: string; count: number }>();
  for (const n of inVisit) {
    for (const t of n.tags) {
      const e = tagCounts.get(t.toLowerCase()) ?? { tag: t, count: 0 };
      e.count++;
      tagCounts.set(t.toLowerCase(), e);
    }
  }
  return {
    visit,
    current: nb.config.currentVisit === visit.name,
    // People known anywhere in the notebook count when mentioned here.
    people: extractPeople(notes, { visitOf }).map((p) => restrictPerson(p, (a) => a.visit === visit.name)).filter((p): p is Person => p !== null),
    followUps: extractFollowUps(inVisit, { visitOf }),
    links: extractLinks(inVisit, { visitOf }),
    tags: [...tagCounts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)),
    systems: extractSystems(inVisit),
    problems,
  };
}
