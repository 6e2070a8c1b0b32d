/**
 * `notes search` and `notes index`: ranked, typo-tolerant full-text search
 * over the persisted index (refreshed first), and maintenance of that index.
 */
import { readFileSync, statSync } from 'node:fs';
import { NotesError } from '../core/errors.js';
import { matchesFilter, noteDay, type ListedNote, type NoteFilter } from '../core/filter.js';
import { MAX_COMPLETIONS, allowedTypos, expandWord, isCompletableWord, isFuzzyWord } from '../core/fuzzy.js';
import { ftsExpression, parseQuery, type ParsedQuery, type QueryTerm } from '../core/search-query.js';
import { lineMatcher, matchingLines, phraseHolds, type MatchedLine } from '../core/search-text.js';
import type { ScanResult } from '../index/scan.js';
import { IndexBehindError, IndexSchemaError, SearchIndex, indexFile, isCorruption, removeIndex, rowToNote, type RefreshStats } from '../index/search-index.js';
import type { Notebook, NoteProblem } from '../store/notebook.js';
import type { Note } from '../core/note.js';
import { under } from '../store/paths.js';

export { IndexSchemaError, IndexBehindError };

/** How the index is found and what it may say while working. */
export interface IndexAccess {
  env: Record<string, string | undefined>;
  /** Called while many notes are (re)indexed. */
  onProgress?: (done: number, total: number) => void;
  /** A warning for the user (the index was rebuilt, or kept in memory). */
  warn: (message: string, hint?: string) => void;
}

export interface SearchOptions extends IndexAccess {
  query: string;
  /** No fuzzy matching: only the words as typed. */
  exact?: boolean;
  filter: NoteFilter;
  limit: number;
  /** Read each hit's matching lines (default true; off when only the paths matter). */
  lines?: boolean;
}

/** One note found, best first. */
export interface SearchHit {
  /** Relative to the notebook root, `/` separators. */
  path: string;
  title: string;
  /** The date as written in the front matter. */
  date: string | null;
  /** The calendar day (YYYY-MM-DD) of the note, for display. */
  day: string | null;
  /** Higher is better, relative to the best hit: exact hits score in (1, 2], fuzzy-only hits in (0, 1]. */
  score: number;
  /** True when the note matched the words as typed (not only their fuzzy expansions). */
  exact: boolean;
  matches: MatchedLine[];
}

export interface SearchResult {
  hits: SearchHit[];
  problems: NoteProblem[];
  /** The words each fuzzy query word was expanded to (for --verbose). */
  expansions: { word: string; to: string[] }[];
  refresh: RefreshStats;
  indexFile: string;
  /** Milliseconds spent in each phase (for --verbose). */
  timings: Record<'refresh' | 'expand' | 'query' | 'lines', number>;
}

/** Errors saying the cache folder cannot hold the index: a throwaway one in memory does instead. */
const UNWRITABLE = ['EACCES', 'EROFS', 'EPERM', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'SQLITE_CANTOPEN', 'SQLITE_READONLY', 'SQLITE_FULL'];

/**
 * Runs `fn` with the notebook's index open. An index that cannot be opened
 * or turns out corrupt is deleted and rebuilt (with a warning); when the
 * cache folder cannot be written at all, a throwaway in-memory index is used.
 */
async function withIndex<T>(nb: Notebook, access: IndexAccess, fn: (ix: SearchIndex) => Promise<T>, rebuild = false): Promise<T> {
  let file = indexFile(nb.root, access.env);
  for (let attempt = 0; ; attempt++) {
    let ix: SearchIndex | undefined;
    let opening = true;
    try {
      ix = SearchIndex.open(file, nb.root);
      opening = false;
      return await fn(ix);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      // Removed under us (`notes index --rebuild` in another process): open the new one.
      if (code === 'SQLITE_READONLY_DBMOVED' && attempt < 2) continue;
      // `--rebuild` is what the user is told to run on a damaged index: whatever
      // stopped the in-place rebuild (but another process holding the lock), start afresh.
      if (rebuild && attempt === 0 && file !== ':memory:' && !String(code).startsWith('SQLITE_BUSY')) {
        ix?.close();
        ix = undefined;
        removeIndex(file);
        continue;
      }
      // ENOENT while opening: the cache folder cannot be made (a dangling symlink
      // to an unplugged disk, a path under /proc); later, a note gone meanwhile is no cache problem.
      const unwritable = UNWRITABLE.includes(code ?? '') || (opening && code === 'ENOENT');
      if (attempt >= 2 || !(isCorruption(err) || (unwritable && file !== ':memory:'))) {
        if (isCorruption(err)) throw new NotesError(`the search index ${file} is still unreadable after a rebuild`, { hint: `remove it and try again: rm ${file}`, cause: err });
        throw err;
      }
      ix?.close();
      ix = undefined;
      if (unwritable) {
        access.warn(`cannot write the search index in ${file} (${code}); using a temporary one`, 'set NOTES_CACHE_DIR to a writable folder');
        file = ':memory:';
      } else {
        // An index from another version of notes is rebuilt silently; a damaged one with a warning.
        if (!(err instanceof IndexSchemaError)) access.warn(`the search index ${file} was unreadable (${(err as Error).message}); rebuilding it`);
        removeIndex(file);
      }
    } finally {
      ix?.close();
    }
  }
}

/**
 * NOTES_INDEX_SCAN=find|walk forces how the notebook is listed (tests and
 * benchmarks); by default GNU find for large notebooks, Node for small ones.
 */
function scanMethod(env: IndexAccess['env']): 'find' | 'walk' | 'auto' {
  const v = env.NOTES_INDEX_SCAN;
  return v === 'find' || v === 'walk' ? v : 'auto';
}

/**
 * For each single-word term (and `--exact` off), the real words it may
 * stand for: those it may be a typo of, then longer words it begins.
 */
function expandTerms(ix: SearchIndex, q: ParsedQuery): Map<QueryTerm, string[]> {
  const out = new Map<QueryTerm, string[]>();
  for (const t of q.positive) {
    const word = t.tokens[0]!;
    if (t.phrase || !isCompletableWord(word)) continue;
    const typos = isFuzzyWord(word) ? expandWord(word, ix.vocabulary(word, allowedTypos([...word].length))).filter((w) => ix.docs(w) > 0) : [];
    out.set(t, [...new Set([...typos, ...ix.completions(word, MAX_COMPLETIONS)])]);
  }
  return out;
}

/** bm25 ranks of two hits this close (relatively) are a tie, which the more recent note wins. */
const TIE = 1e-6;

interface Found {
  note: ReturnType<typeof rowToNote>;
  rank: number;
  exact: boolean;
}

/** Best first: bm25 rank (lower is better), the more recent note on a tie, then the path. */
function byRank(a: Found, b: Found): number {
  if (Math.abs(a.rank - b.rank) > TIE * Math.max(Math.abs(a.rank), Math.abs(b.rank))) return a.rank - b.rank;
  const ta = a.note.instant?.getTime() ?? -Infinity;
  const tb = b.note.instant?.getTime() ?? -Infinity;
  return tb - ta || (a.note.path < b.note.path ? -1 : a.note.path > b.note.path ? 1 : 0);
}

/**
 * A score that is higher for better hits: bm25 relative to the best hit of
 * its tier, plus 1 for exact hits, so exact hits (1, 2] come before fuzzy
 * ones (0, 1].
 */
function scores(found: Found[]): number[] {
  const best = (exact: boolean) => Math.max(0, ...found.filter((f) => f.exact === exact).map((f) => -f.rank));
  const top = { true: best(true), false: best(false) };
  return found.map((f) => {
    const b = top[`${f.exact}`];
    return Math.round(((f.exact ? 1 : 0) + (b > 0 ? -f.rank / b : 1)) * 1e4) / 1e4;
  });
}

/** Searches the notebook: refreshes the index, then ranks exact hits above fuzzy ones. */
export async function searchNotes(nb: Notebook, opts: SearchOptions): Promise<SearchResult> {
  const q = parseQuery(opts.query);
  return withIndex(nb, opts, async (ix) => {
    // process.hrtime, not performance.now(): the latter loads perf_hooks (~1 ms) for a --verbose detail.
    const clock = () => { let t = process.hrtime.bigint(); return () => { const was = t; t = process.hrtime.bigint(); return Number((t - was) / 1_000_000n); }; };
    const lap = clock();
    const timings = { refresh: 0, expand: 0, query: 0, lines: 0 };
    // Expand and query while the notebook is listed; again if the listing shows changes (readFresh).
    // A phrase is checked against the note itself (see phraseHolds); the texts read are kept for the lines.
    const phrases = q.positive.filter((t) => t.phrase);
    let texts = new Map<string, string | null>();
    const textOf = (path: string) => {
      let t = texts.get(path);
      if (t === undefined) {
        try { t = readFileSync(under(nb.root, path), 'utf8'); } catch { t = null; /* deleted since the refresh */ }
        texts.set(path, t);
      }
      return t;
    };
    const query = () => {
      const step = clock();
      texts = new Map();
      const found: Found[] = [];
      const seen = new Set<number>();
      const addTier = (expr: string, exact: boolean) => {
        const tier: Found[] = [];
        for (const hit of ix.hits(expr)) {
          if (seen.has(hit.id) || hit.problem) continue;
          const note = rowToNote(hit);
          if (!matchesFilter(note, opts.filter)) continue;
          if (phrases.length) {
            let lines: string[] | undefined;
            const bodyLines = () => (lines ??= (textOf(note.path) ?? '').split('\n').slice((note.bodyLine ?? 1) - 1));
            if (!phrases.every((t) => phraseHolds(t, note, bodyLines))) continue;
          }
          seen.add(hit.id);
          tier.push({ note, rank: hit.rank, exact });
          if (found.length + tier.length >= opts.limit) break;
        }
        found.push(...tier.sort(byRank));
      };
      addTier(ftsExpression(q), true);
      timings.query = step();
      // Typo and prefix expansions only when the words as typed leave room
      // under the limit: their hits rank below anyway (a few ms per word).
      let expanded = new Map<QueryTerm, string[]>();
      if (!opts.exact && found.length < opts.limit) {
        expanded = expandTerms(ix, q);
        timings.expand = step();
        if ([...expanded.values()].some((x) => x.length)) addTier(ftsExpression(q, (t) => expanded.get(t) ?? []), false);
        timings.query += step();
      }
      return { expanded, found };
    };
    const { value: { expanded, found }, stats: refresh } = await ix.readFresh(query, { onProgress: opts.onProgress, scanWith: scanMethod(opts.env) });
    timings.refresh = Math.max(0, lap() - timings.expand - timings.query);
    const score = scores(found);
    const matcher = lineMatcher(q, (i) => expanded.get(q.positive[i]!) ?? []);
    const hits = found.map(({ note: row, exact }, i): SearchHit => {
      let matches: MatchedLine[] = [];
      const text = opts.lines === false ? null : textOf(row.path);
      // null: deleted since the refresh, still a hit, without lines.
      if (text !== null) matches = matchingLines(text, matcher, row.bodyLine);
      return { path: row.path, title: row.title, date: row.date, day: noteDay(row), score: score[i]!, exact, matches };
    });
    timings.lines = lap();
    return {
      hits,
      timings,
      problems: [...refresh.walkProblems, ...ix.problems()],
      expansions: [...expanded].filter(([, to]) => to.length).map(([t, to]) => ({ word: t.tokens[0]!, to })),
      refresh,
      indexFile: ix.file,
    };
  });
}

/** How indexedNotes and indexedListed read the index. */
export interface IndexedReadOptions {
  /** Rebuild an index that cannot be opened (default); else throw, for the caller to read the files. */
  repair?: boolean;
  /** Refuse (IndexBehindError) to re-index more notes than this, given how many the index holds. */
  maxToRead?: (indexed: number) => number;
  /** A listing of the notebook already under way (see FreshReadOptions). */
  listing?: Promise<ScanResult>;
}

/** Runs `fn` on the notebook's index as it is on disk: no repair, closed afterwards. */
async function withIndexAsIs<T>(nb: Notebook, access: IndexAccess, fn: (ix: SearchIndex) => Promise<T>): Promise<T> {
  const ix = SearchIndex.open(indexFile(nb.root, access.env), nb.root);
  try {
    return await fn(ix);
  } finally {
    ix.close();
  }
}

/** `rows` of the refreshed index, with the notes it could not read and what the listing could not follow. */
async function indexedRows<T>(nb: Notebook, access: IndexAccess, rows: (ix: SearchIndex) => T[], { repair = true, maxToRead, listing }: IndexedReadOptions): Promise<{ notes: T[]; problems: NoteProblem[] }> {
  const read = async (ix: SearchIndex) => {
    const { value: notes, stats } = await ix.readFresh(() => rows(ix), { onProgress: access.onProgress, scanWith: scanMethod(access.env), maxToRead: maxToRead?.(ix.count()), listing });
    return { notes, problems: [...stats.walkProblems, ...ix.problems()] };
  };
  return repair ? withIndex(nb, access, read) : withIndexAsIs(nb, access, read);
}

/**
 * The notebook's notes as the (refreshed) index holds them: the normalized
 * metadata of `loadNotes` without reading or parsing any unchanged note, and
 * without bodies, in no particular order. For commands that only filter and
 * sort (see notes-source.ts).
 */
export function indexedNotes(nb: Notebook, access: IndexAccess, opts: IndexedReadOptions = {}): Promise<{ notes: Note[]; problems: NoteProblem[] }> {
  return indexedRows(nb, access, (ix) => ix.notes(), opts);
}

/** indexedNotes, as `list` prints them (see SearchIndex.listedNotes). */
export function indexedListed(nb: Notebook, access: IndexAccess, opts: IndexedReadOptions = {}): Promise<{ notes: ListedNote[]; problems: NoteProblem[] }> {
  return indexedRows(nb, access, (ix) => ix.listedNotes(), opts);
}

/**
 * The notes holding a tag spelt `word` (ignoring case) that `wanted` accepts, as far as the index knows, without
 * refreshing it (see readAsIs): also the notes it does not know as they
 * are now (`unknown`: new, changed, or unreadable when indexed), which the
 * caller must look at itself; what the listing could not follow, and the
 * temp files it met.
 */
export function indexedTagHolders(nb: Notebook, access: IndexAccess, word: string, wanted: (tags: string[]) => boolean, listing?: Promise<ScanResult>): Promise<{ paths: string[]; unknown: string[]; walkProblems: NoteProblem[]; temps: string[] }> {
  return withIndexAsIs(nb, access, async (ix) => {
    const { value, changed, gone, walkProblems, temps } = await ix.readAsIs(() => ({
      holders: ix.taggedNotes(word).filter(([, tags]) => wanted(tags)).map(([path]) => path),
      unread: ix.problems().map((p) => p.path),
    }), { scanWith: scanMethod(access.env), listing });
    const stale = new Set([...changed, ...gone]);
    const unknown = [...new Set([...changed, ...value.unread.filter((p) => !stale.has(p))])];
    return { paths: value.holders.filter((p) => !stale.has(p)), unknown, walkProblems, temps };
  });
}

export interface IndexOptions extends IndexAccess {
  /** Drop the index and build it again from the notes. */
  rebuild?: boolean;
}

export interface IndexResult {
  refresh: RefreshStats;
  problems: NoteProblem[];
  indexFile: string;
  /** Size on disk in bytes (with its WAL), 0 for an in-memory index. */
  bytes: number;
}

/** `notes index`: refreshes (or rebuilds) the index and says how big it is. */
export async function indexNotes(nb: Notebook, opts: IndexOptions): Promise<IndexResult> {
  return withIndex(nb, opts, async (ix) => {
    const refresh = opts.rebuild ? await ix.rebuild(opts.onProgress, scanMethod(opts.env)) : await ix.refresh(opts.onProgress, scanMethod(opts.env));
    ix.db.pragma('wal_checkpoint(TRUNCATE)');
    let bytes = 0;
    for (const f of [ix.file, `${ix.file}-wal`]) bytes += statSync(f, { throwIfNoEntry: false })?.size ?? 0;
    return { refresh, problems: [...refresh.walkProblems, ...ix.problems()], indexFile: ix.file, bytes };
  }, opts.rebuild);
}
