/**
 * `notes tag list|add|remove|rename`: counting tags, and changing them on
 * chosen notes with surgical front matter edits (src/core/front-matter-edit.ts).
 * Each file is written atomically, and only when it still holds what was
 * read; a file changed meanwhile is skipped and reported, the rest go on.
 */
import { readFileSync } from 'node:fs';
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import { walkNotes } from '../store/walk.js';
import { under } from '../store/paths.js';
import { filesHolding } from '../store/scan.js';
import { writeAllIfUnchanged, type GuardedWrite, type GuardedWriteResult } from '../store/guarded-write.js';
import { removeStaleTemps } from '../store/atomic-write.js';
import { findNote } from './show.js';
import { fromIndex, notesMetadata, type NotesSourceAccess } from './notes-source.js';
import type { Note } from '../core/note.js';
import { noteTextOf } from '../store/note-text.js';
import { applyTagOp, editTags, TagEditError, type TagOp } from '../core/front-matter-edit.js';
import { splitNote } from '../core/front-matter.js';
import { inVisit, matchesFilter, type NoteFilter } from '../core/filter.js';
import { countTags, type TagCount, type TagSort } from '../core/tag-count.js';
import { unifiedDiff } from '../core/diff.js';
import { NoteParseError, UsageError } from '../core/errors.js';

export interface TagListOptions {
  filter: NoteFilter;
  sort?: TagSort;
}

/** Every tag of the notes the filter keeps, with its count (from the search index when it pays, see notes-source.ts). */
export async function tagList(nb: Notebook, opts: TagListOptions & NotesSourceAccess): Promise<{ tags: TagCount[]; problems: NoteProblem[] }> {
  const { notes, problems } = await notesMetadata(nb, opts);
  return { tags: countTags(notes.filter((n) => matchesFilter(n, opts.filter)), opts.sort), problems };
}

/** Which notes `tag add` / `tag remove` work on. */
export interface TagSelection {
  /** Refs as `show` takes them (path, file name, day, title words). */
  refs?: string[];
  /** A search query, in the language of `notes search` (typo-tolerant unless `exact`). */
  where?: string;
  /** `--where` without typo tolerance (search's --exact). */
  exact?: boolean;
  /** The list filters. */
  filter?: NoteFilter;
  /** True when a filter flag was given (the filter alone always drops drafts). */
  filtered?: boolean;
  /** Every note. */
  all?: boolean;
}

export interface TagChangeOptions {
  op: TagOp;
  /** Omitted for rename, which looks at every note of the notebook. */
  selection?: TagSelection;
  dryRun?: boolean;
  cwd: string;
  now: Date;
  /** Test seam: runs between reading a note and writing it. */
  beforeWrite?: (absPath: string) => void;
  /** How `--where` finds the search index, and what it may say about it. */
  index?: { env: Record<string, string | undefined>; warn: (message: string, hint?: string) => void };
}

export interface TagChange {
  path: string;
  before: string[];
  after: string[];
  /** The unified diff (dry runs only). */
  diff?: string;
}

export interface TagChangeResult {
  changed: TagChange[];
  skipped: Array<{ path: string; reason: string }>;
  /** Notes selected that needed no change. */
  unchanged: number;
  problems: NoteProblem[];
  /**
   * Notes that could not be read and may have been meant (a rename, or a
   * selection by filter or query, not by ref): the edit is not known to be
   * whole, as for a skipped note.
   */
  unread: number;
  /** Where the notes to edit were found: the search index (rename with one), else the files. */
  from: 'index' | 'files';
}

interface Target {
  rel: string;
  bytes?: Buffer;
}

async function selectTargets(nb: Notebook, opts: TagChangeOptions): Promise<{ targets: Target[]; problems: NoteProblem[]; temps: string[]; from?: 'index' }> {
  const { op, selection } = opts;
  if (op.kind === 'rename') {
    // Only front matter can hold tags: a mention in the body alone is no reason
    // to parse the note. A backslash in front matter may be an escape spelling
    // the tag (`"k\u0061fka"`): such notes are parsed too, as the index would.
    const needle = op.from.toLowerCase();
    const inFrontMatter = (b: Buffer, rel: string) => {
      try {
        const split = splitNote(b.toString('utf8'), rel);
        return split.format !== null && (split.raw.toLowerCase().includes(needle) || split.raw.includes('\\'));
      } catch {
        return true; // unclosed front matter: let the edit report it
      }
    };
    // With a search index, the notes that carry the tag are known without
    // opening the others (a rename across 10,000 notes reads ~1,000).
    const access = { env: opts.index?.env ?? process.env, warn: opts.index?.warn ?? (() => {}) };
    const renamed = (tags: string[]) => { const after = applyTagOp(tags, op); return after.length !== tags.length || after.some((t, i) => t !== tags[i]); };
    const held = await fromIndex(nb, access, (search, _max, listing) => search.indexedTagHolders(nb, access, op.from, renamed, listing));
    if (held) {
      // What the index does not know (notes new or changed since it was
      // refreshed, or that it could not read) is looked at as a scan would.
      const unknown = filesHolding(nb.root, held.unknown, op.from, { orEscape: true });
      const targets: Target[] = [...held.paths.map((rel) => ({ rel })), ...unknown.hits.filter((h) => inFrontMatter(h.bytes, h.rel))]
        .sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
      return { targets, problems: [...held.walkProblems, ...unknown.problems], temps: held.temps, from: 'index' };
    }
    // Every note; only those whose text holds the old tag can change, so
    // the rest are never parsed.
    const { files, problems, temps } = walkNotes(nb.root);
    const scan = filesHolding(nb.root, files, op.from, { orEscape: true });
    problems.push(...scan.problems);
    const targets: Target[] = scan.hits.filter((h) => inFrontMatter(h.bytes, h.rel));
    return { targets, problems, temps };
  }
  const sel = selection ?? {};
  const { notes, problems, temps } = loadNotes(nb);
  let chosen: Note[];
  const flag = op.kind === 'add' ? '--to' : '--from';
  if (sel.refs?.length) {
    if (sel.where !== undefined || sel.filtered || sel.all) {
      throw new UsageError('name notes by ref, or select them with --where / filters / --all, not both',
        `keep one: ${flag} <ref>... alone, or --where / --tag / --visit / --since / --until / --all without ${flag}`);
    }
    const seen = new Set<string>();
    chosen = [];
    for (const ref of sel.refs) {
      const { note } = findNote(nb, ref, opts.cwd, opts.now, notes);
      if (!seen.has(note.path)) { seen.add(note.path); chosen.push(note); }
    }
  } else if (sel.where !== undefined || sel.filtered || sel.all) {
    chosen = sel.filter ? notes.filter((n) => matchesFilter(n, sel.filter!)) : notes;
    if (sel.where !== undefined) {
      // The notebook search: same query language, ranking aside (every hit is taken).
      const { searchNotes } = await import('./search.js');
      const { hits } = await searchNotes(nb, {
        query: sel.where, exact: sel.exact, filter: sel.filter ?? {}, limit: Infinity, lines: false,
        env: opts.index?.env ?? process.env, warn: opts.index?.warn ?? (() => {}),
      });
      const found = new Set(hits.map((h) => h.path));
      chosen = chosen.filter((n) => found.has(n.path));
    }
  } else {
    throw new UsageError(`say which notes to ${op.kind === 'add' ? 'tag' : 'untag'}`,
      `name them with ${flag} <ref>..., or select them with --where <query>, --tag/--visit/--since/--until, or --all`);
  }
  return { targets: chosen.map((n) => ({ rel: n.path })), problems, temps };
}

/** Adds, removes or renames tags on the selected notes. */
export async function tagChange(nb: Notebook, opts: TagChangeOptions): Promise<TagChangeResult> {
  const { targets, problems, temps, from = 'files' } = await selectTargets(nb, opts);
  // Temp files of a writer that was killed mid-write: its notes are intact
  // (old or new version), only the temp file is left to clean.
  if (!opts.dryRun) removeStaleTemps(nb.root, temps);
  const byRef = opts.op.kind !== 'rename' && !!opts.selection?.refs?.length;
  // A broken note outside the visit selected (--visit) cannot have been meant.
  const visit = opts.op.kind === 'rename' ? undefined : opts.selection?.filter?.visit;
  const meant = (p: NoteProblem) => visit === undefined || inVisit(p.path.slice(0, Math.max(0, p.path.lastIndexOf('/'))), visit);
  const result: TagChangeResult = { changed: [], skipped: [], unchanged: 0, problems, unread: byRef ? 0 : problems.filter(meant).length, from };
  const jobs: Array<GuardedWrite & { change: TagChange }> = [];
  for (const t of targets) {
    const abs = under(nb.root, t.rel);
    try {
      const bytes = t.bytes ?? readFileSync(abs);
      const text = noteTextOf(bytes, t.rel);
      const edit = editTags(text, opts.op, { format: nb.config.format, path: t.rel });
      // A rename selects the notes that carry the tag: one that needed no change was not selected.
      if (!edit.changed) { if (opts.op.kind !== 'rename') result.unchanged++; continue; }
      const change: TagChange = { path: t.rel, before: edit.before, after: edit.after };
      if (opts.dryRun) result.changed.push({ ...change, diff: unifiedDiff(text, edit.text, t.rel) });
      else jobs.push({ path: abs, before: bytes, after: edit.text, change });
    } catch (err) {
      if (err instanceof TagEditError || err instanceof NoteParseError) {
        result.skipped.push({ path: t.rel, reason: err instanceof NoteParseError ? err.reason : err.message.replace(`${t.rel}: `, '') });
        continue;
      }
      const code = (err as NodeJS.ErrnoException).code;
      if (code) { result.skipped.push({ path: t.rel, reason: `cannot read (${code})` }); continue; }
      throw err;
    }
  }
  const outcomes = await writeAllIfUnchanged(jobs, { beforeCommit: opts.beforeWrite });
  outcomes.forEach((o, k) => {
    const { change } = jobs[k]!;
    if (o === 'written') result.changed.push(change);
    else result.skipped.push({ path: change.path, reason: skipReason(o) });
  });
  return result;
}

/** Why a note was not written (shown after its path). */
function skipReason(o: Exclude<GuardedWriteResult, 'written'>): string {
  if (o === 'changed') return 'it changed on disk after it was read; run the command again';
  if (o === 'gone') return 'it was removed after it was read';
  return `cannot write it (${o.failed.code ?? o.failed.message}); nothing else changed in it`;
}
