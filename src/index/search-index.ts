/**
 * The persisted search index: one SQLite database per notebook, with an FTS5
 * table of the notes' text and a table of their normalized metadata, kept in
 * the user's cache folder (never in the notebook, never the source of truth:
 * deleting it loses nothing). Like zk and dnote, it is refreshed from the
 * files' modification times before each query; only new, changed (mtime,
 * ctime or size differ, then the content hash differs) and deleted notes are
 * read again.
 *
 * Concurrency: WAL mode lets searches read while another process writes;
 * writes happen in short IMMEDIATE transactions that re-check each note
 * inside the transaction, so two refreshing processes never index a note
 * twice or lose an edit.
 */
import Database from 'better-sqlite3';
import { existsSync, readFileSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Note } from '../core/note.js';
import { NoteParseError } from '../core/errors.js';
import { COLUMNS, WEIGHTS, indexedText } from '../core/search-text.js';
import { noteDay, sortInstant, type ListedNote } from '../core/filter.js';
import { tokenize } from '../core/search-query.js';
import { letterSignature, signatureDistance, type VocabWord } from '../core/fuzzy.js';
import { fingerprint, scanNotebook, scanNotebookAsync, splitPath, type ScanResult } from './scan.js';
import type { NoteProblem } from '../store/notebook.js';
import { under } from '../store/paths.js';
import { makeDirs } from '../store/make-dir.js';

type DB = Database.Database;

/**
 * Bumped whenever the schema or what is indexed changes: an older index is
 * rebuilt (silently). 6: notes are read as Hugo reads them in more cases
 * (YAML 1.1 booleans, TOML dates and times @iarna/toml misread, spaces
 * after a front matter delimiter), so rows an older version wrote may hold
 * other values for unchanged files. 7: the text is folded by foldText, not
 * by FTS5 (whose remove_diacritics is off: there is nothing left for it),
 * and tags given as a map or nested lists are read as Hugo reads them. 8: a
 * column for the front matter's description, summary and keywords. 9: ø,
 * ł, ß, æ and the like folded (normalizeToken). 10: only accents are
 * dropped, not the marks that are part of a letter, and FTS5 keeps marks
 * inside words. 11: words with such marks are in the typo vocabulary, and
 * the Hebrew maqaf separates words again.
 */
export const SCHEMA_VERSION = '11';

export { cacheDir, indexFile } from './location.js';
import { legacyIndexFile } from './location.js';

/** True for the errors that mean the database file is damaged or not a database. */
export function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (err instanceof IndexSchemaError) return true;
  if (typeof code === 'string' && (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB'))) return true;
  // A damaged header can also read as a plain SQLITE_ERROR, e.g. "unsupported file format".
  return code === 'SQLITE_ERROR' && /unsupported file format|malformed|file is not a database/i.test((err as Error).message ?? '');
}

/** The index was written by another version of notes, or for another notebook. */
export class IndexSchemaError extends Error {}

/** A refresh given `maxToRead` found more notes to (re)index than that: nothing was changed. */
export class IndexBehindError extends Error {
  constructor(readonly pending: number) {
    super(`${pending} notes to index`);
  }
}

let binding: string | undefined | null = null;

/**
 * better-sqlite3's compiled addon, found directly: left to itself, it finds
 * it through the `bindings` package, which probes a dozen paths and reads
 * a stack trace (~2 ms of every search). Undefined (let it search) when
 * the addon is not where `npm install` builds it.
 */
function nativeBinding(): string | undefined {
  if (binding === null) {
    binding = undefined;
    try {
      const file = join(require.resolve('better-sqlite3/package.json'), '..', 'build', 'Release', 'better_sqlite3.node');
      if (existsSync(file)) binding = file;
    } catch { /* not resolvable from here: let better-sqlite3 look */ }
  }
  return binding;
}

/** Removes an index file and its WAL companions. */
export function removeIndex(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) {
    try { unlinkSync(f); } catch { /* not there */ }
  }
}

/** Counts of one refresh. */
export interface RefreshStats {
  /** Notes (and unreadable notes) in the index after the refresh. */
  total: number;
  added: number;
  changed: number;
  removed: number;
  /** Touched (stamp changed) but with the same content: only the stamp was updated. */
  touched: number;
  /** Folders or links the walk could not follow (not stored: found again on each walk). */
  walkProblems: NoteProblem[];
  /** Temp files of atomic writes the listing met (see walkNotes). */
  temps: string[];
  /** How the notebook was listed: GNU find, or walking it from Node. */
  scan: ScanResult['method'];
}

/** A row of the notes table. */
export interface NoteRow {
  id: number;
  path: string;
  problem: string | null;
  title: string | null;
  date: string | null;
  instant: number | null;
  tags: string | null;
  categories: string | null;
  draft: number | null;
  weight: number | null;
  menu_title: string | null;
  link_title: string | null;
  section: string | null;
  is_section: number | null;
  format: string | null;
  body_line: number | null;
  front_matter: string | null;
}

/** A hit of an FTS query, with bm25's rank (lower is better). */
export interface IndexHit extends NoteRow {
  rank: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS notes(
  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, dir TEXT NOT NULL,
  stamp TEXT NOT NULL, hash TEXT NOT NULL,
  problem TEXT,
  title TEXT, date TEXT, instant INTEGER, tags TEXT, categories TEXT, draft INTEGER, weight INTEGER,
  menu_title TEXT, link_title TEXT, section TEXT, is_section INTEGER, format TEXT, body_line INTEGER,
  front_matter TEXT, day TEXT, sort_at INTEGER);
CREATE INDEX IF NOT EXISTS notes_dir ON notes(dir);
CREATE INDEX IF NOT EXISTS notes_problem ON notes(path) WHERE problem IS NOT NULL;
CREATE TABLE IF NOT EXISTS folders(dir TEXT PRIMARY KEY, fingerprint TEXT NOT NULL) WITHOUT ROWID;
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(${COLUMNS.join(', ')},
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0 categories ''L* N* Co M*''');
CREATE VIRTUAL TABLE IF NOT EXISTS fts_vocab USING fts5vocab(fts, 'row');
CREATE TABLE IF NOT EXISTS terms(len INTEGER NOT NULL, term TEXT NOT NULL, docs INTEGER NOT NULL, sig INTEGER NOT NULL, PRIMARY KEY (len, term)) WITHOUT ROWID;
`;

/** The note parser, loaded on demand. */
type NoteReader = Pick<typeof import('../core/note.js'), 'parseNote' | 'decodeNote'>;

/** Words kept for fuzzy matching: a letter, then letters and marks (Indic vowel signs), 3 or more. */
const VOCAB_WORD = /^\p{L}[\p{L}\p{M}]{2,}$/u;
/** Above this many changed notes, the fuzzy vocabulary is rebuilt whole rather than patched. */
const VOCAB_REBUILD_AT = 500;
const BATCH = 500;


let createHash: typeof import('node:crypto').createHash | undefined;

/**
 * A note's content hash. node:crypto is loaded on the first note read, not
 * at start-up: ~2.5 ms that a search finding nothing changed need not pay.
 */
function contentHash(bytes: Buffer): string {
  createHash ??= (require('node:crypto') as typeof import('node:crypto')).createHash;
  return createHash('sha1').update(bytes).digest('hex');
}

/** TOML integers beyond 2^53 come back from @iarna/toml as BigInt, which JSON cannot hold: keep their digits. */
const jsonSafe = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);

const parseList = (s: string | null): string[] => (s ? (JSON.parse(s) as string[]) : []);

/** The note a row stands for (no body: enough for filters, sorting and output). */
export function rowToNote(r: Omit<NoteRow, 'id' | 'problem'>): Note {
  return makeNote(r, parseList(r.tags), parseList(r.categories));
}

type NoteFields = Omit<NoteRow, 'id' | 'problem' | 'tags' | 'categories'>;

function makeNote(r: NoteFields, tags: string[], categories: string[]): Note {
  const raw = r.front_matter;
  let frontMatter: Record<string, unknown> | undefined;
  return {
    path: r.path,
    title: r.title ?? r.path,
    date: r.date,
    instant: r.instant === null ? null : new Date(r.instant),
    tags,
    categories,
    draft: !!r.draft,
    weight: r.weight,
    menuTitle: r.menu_title,
    linkTitle: r.link_title,
    section: r.section ?? '',
    isSection: !!r.is_section,
    format: r.format as Note['format'],
    // Parsed on first use: a table (list without --json) never needs it.
    get frontMatter() { return (frontMatter ??= raw ? (JSON.parse(raw) as Record<string, unknown>) : {}); },
    set frontMatter(v) { frontMatter = v; },
    body: '',
    bodyLine: r.body_line ?? 1,
  };
}

/**
 * What `notes()` reads of a row: its fields as one JSON array (tags and
 * categories as arrays), and the front matter apart, parsed only if used.
 * One JSON string per row instead of 15 values: better-sqlite3 makes a JS
 * value of each, and at 10,000 notes that is ~30 ms against ~19 ms.
 */
const NOTE_ROW = `json_array(path, title, date, instant, json(tags), json(categories), draft, weight, menu_title,
  link_title, section, is_section, format, body_line), front_matter`;

/** The folder fingerprints the index holds (folder → fingerprint). */
function storedPrints(db: DB): Map<string, string> {
  return new Map(db.prepare('SELECT dir, fingerprint FROM folders').raw().all() as [string, string][]);
}

/** How many notes the scan should expect, which picks how to list them (see scanNotebook). */
function expectedNotes(stored: Map<string, string>, scanWith: ScanResult['method'] | 'auto'): number {
  if (scanWith === 'find') return Infinity;
  if (scanWith === 'walk') return 0;
  if (!stored.size) return Infinity;
  // A fingerprint starts with its folder's note count.
  let expected = 0;
  for (const print of stored.values()) expected += parseInt(print, 10);
  return expected;
}

/** The folders whose fingerprint differs between the listing and the index. */
function dirtyFolders(stored: Map<string, string>, scan: ScanResult): string[] {
  const dirty: string[] = [];
  for (const [dir, files] of scan.folders) if (stored.get(dir) !== fingerprint(files)) dirty.push(dir);
  for (const dir of stored.keys()) if (!scan.folders.has(dir)) dirty.push(dir);
  return dirty;
}

/** Lists the notebook and finds the folders whose fingerprint differs from the index's. */
function scanDirty(db: DB, root: string, scanWith: ScanResult['method'] | 'auto'): { scan: ScanResult; dirty: string[] } {
  const stored = storedPrints(db);
  const scan = scanNotebook(root, expectedNotes(stored, scanWith));
  return { scan, dirty: dirtyFolders(stored, scan) };
}

/** In the dirty folders: the notes new or with another stamp (`todo`, `known` says which), and those gone. */
function pendingChanges(db: DB, scan: ScanResult, dirty: string[]): { todo: { path: string; stamp: string; known: boolean }[]; gone: string[] } {
  const todo: { path: string; stamp: string; known: boolean }[] = [];
  const gone: string[] = [];
  const rowsOf = db.prepare('SELECT path, stamp FROM notes WHERE dir = ?').raw();
  for (const dir of dirty) {
    const files = scan.folders.get(dir) ?? new Map<string, string>();
    const known = new Map(rowsOf.all(dir) as [string, string][]);
    for (const [name, stamp] of files) {
      const path = dir ? `${dir}/${name}` : name;
      if (known.get(path) !== stamp) todo.push({ path, stamp, known: known.has(path) });
      known.delete(path);
    }
    gone.push(...known.keys());
  }
  return { todo, gone };
}

/** What `inspectIndex` found. */
export type IndexState =
  | { kind: 'fine' }
  | { kind: 'corrupt'; reason: string }
  /** Notes added, changed (stamp differs: maybe only touched) or removed since the last refresh; or another schema. */
  | { kind: 'stale'; added: number; changed: number; removed: number; schema?: string };

/**
 * Looks at an index without changing it (read-only, no refresh): is it
 * readable and whole (SQLite's quick_check), of this version, and up to
 * date with the notebook's files?
 */
export function inspectIndex(file: string, root: string): IndexState {
  let db: DB | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') return { kind: 'corrupt', reason: `integrity check: ${String(check)}` };
    const hasMeta = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    const schema = hasMeta ? (db.prepare("SELECT value FROM meta WHERE key = 'schema'").pluck().get() as string | undefined) : undefined;
    if (schema !== SCHEMA_VERSION) return { kind: 'stale', added: 0, changed: 0, removed: 0, schema: `schema ${schema ?? 'none'}, expected ${SCHEMA_VERSION}` };
    const { scan, dirty } = scanDirty(db, root, 'auto');
    const { todo, gone } = pendingChanges(db, scan, dirty);
    // A note only touched (same bytes, new stamp) is no news: the next refresh just notes its stamp.
    const hashOf = db.prepare('SELECT hash FROM notes WHERE path = ?').pluck();
    const edited = todo.filter((t) => {
      if (!t.known) return true;
      try {
        return hashOf.get(t.path) !== contentHash(readFileSync(under(root, t.path)));
      } catch {
        return true;
      }
    });
    if (!edited.length && !gone.length) return { kind: 'fine' };
    const changed = edited.filter((t) => t.known).length;
    return { kind: 'stale', added: edited.length - changed, changed, removed: gone.length };
  } catch (err) {
    // Whatever stops SQLite from reading it: unreadable is all the user needs to know.
    const code = (err as { code?: string }).code;
    return { kind: 'corrupt', reason: `${(err as Error)?.message ?? String(err)}${code && !String((err as Error)?.message).includes(code) ? ` (${code})` : ''}` };
  } finally {
    db?.close();
  }
}

/** How readFresh and readAsIs list the notebook. */
export interface FreshReadOptions {
  onProgress?: (done: number, total: number) => void;
  scanWith?: ScanResult['method'] | 'auto';
  /** readFresh: refuse (IndexBehindError) to re-index more notes than this. */
  maxToRead?: number;
  /**
   * A listing already under way (scanNotebookAsync), started before the
   * index was opened: its time then overlaps loading SQLite too. The
   * freshness it gives is that of its own start, as for any listing.
   */
  listing?: Promise<ScanResult>;
}

export class SearchIndex {
  readonly db: DB;
  readonly file: string;
  readonly root: string;

  private constructor(db: DB, file: string, root: string) {
    this.db = db;
    this.file = file;
    this.root = root;
  }

  /**
   * Opens (creating if needed) the index of the notebook at `root` in `file`
   * (':memory:' for a throwaway one). Throws an error `isCorruption` accepts
   * when the file is damaged or from another schema.
   */
  static open(file: string, root: string): SearchIndex {
    if (file !== ':memory:') {
      makeDirs(join(file, '..'));
      if (!existsSync(file)) removeIndex(legacyIndexFile(root, join(file, '..')));
    }
    const db = new Database(file, { timeout: 120_000, nativeBinding: nativeBinding() });
    try {
      db.function('notes_sig_distance', { deterministic: true }, (a, b) => signatureDistance(Number(a), Number(b)));
      db.pragma('journal_mode = WAL');
      db.pragma('synchronous = NORMAL');
      const ix = new SearchIndex(db, file, root);
      ix.ensureSchema();
      return ix;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  private ensureSchema(): void {
    const hasMeta = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get();
    if (hasMeta) {
      const version = this.meta('schema');
      if (version === SCHEMA_VERSION) return;
      if (version !== undefined) throw new IndexSchemaError(`index schema ${version}, expected ${SCHEMA_VERSION}`);
    }
    this.db.transaction(() => {
      this.db.exec(SCHEMA);
      if (this.meta('schema') === undefined) {
        const set = this.db.prepare('INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)');
        set.run('schema', SCHEMA_VERSION);
        set.run('root', this.root);
        this.db.prepare("INSERT INTO fts(fts, rank) VALUES ('rank', ?)").run(`bm25(${WEIGHTS.join(', ')})`);
      }
    }).immediate();
  }

  private meta(key: string): string | undefined {
    return (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /** Notes (readable or not) in the index. */
  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n;
  }

  /**
   * Brings the index up to date with the notebook: lists every note with its
   * stamp (mtime, ctime, size); in the folders whose fingerprint changed,
   * reads only the notes that are new or whose stamp changed, re-indexes
   * them when their content hash changed, and drops deleted ones.
   */
  async refresh(onProgress?: (done: number, total: number) => void, scanWith: ScanResult['method'] | 'auto' = 'auto', maxToRead = Infinity): Promise<RefreshStats> {
    const { scan, dirty } = scanDirty(this.db, this.root, scanWith);
    const stats: RefreshStats = { total: 0, added: 0, changed: 0, removed: 0, touched: 0, walkProblems: scan.problems, temps: scan.temps, scan: scan.method };
    if (dirty.length) await this.apply(scan, dirty, stats, onProgress, maxToRead);
    stats.total = this.count();
    return stats;
  }

  /**
   * `read` on an up-to-date index, sooner: `read` runs on the index as it
   * is while the notebook is listed (by GNU find, in another process, for a
   * large notebook), in the same snapshot as the folder fingerprints the
   * listing is compared with. When the listing shows that nothing changed,
   * that is the answer; otherwise the index is refreshed and `read` runs
   * again. Saves the listing's time (~30 ms at 10,000 notes) when nothing
   * changed, costs one more `read` when something did.
   */
  async readFresh<T>(read: () => T, { onProgress, scanWith = 'auto', maxToRead = Infinity, listing }: FreshReadOptions = {}): Promise<{ value: T; stats: RefreshStats }> {
    let stored = new Map<string, string>();
    let scanning: Promise<ScanResult> | undefined;
    let value: T | undefined;
    this.db.transaction(() => {
      stored = storedPrints(this.db);
      scanning = listing ?? scanNotebookAsync(this.root, expectedNotes(stored, scanWith));
      value = read();
    })();
    const scan = await scanning!;
    const stats: RefreshStats = { total: 0, added: 0, changed: 0, removed: 0, touched: 0, walkProblems: scan.problems, temps: scan.temps, scan: scan.method };
    if (dirtyFolders(stored, scan).length) {
      // Compared again with the index as it is now: another process may have refreshed it meanwhile.
      const dirty = dirtyFolders(storedPrints(this.db), scan);
      if (dirty.length) await this.apply(scan, dirty, stats, onProgress, maxToRead);
      value = read();
    }
    stats.total = this.count();
    return { value: value as T, stats };
  }

  /**
   * `read` on the index as it is, with what it does not know: the notes
   * new or changed since their rows were written (`changed`) and the rows
   * of notes that are gone. Nothing is written (no refresh): for a command
   * that reads those few notes itself, and would otherwise wait for them
   * to be indexed. One read transaction spans `read`, the listing (which
   * runs meanwhile, see readFresh) and the comparison, so all three see
   * the same index whatever other processes write.
   */
  async readAsIs<T>(read: () => T, { scanWith = 'auto', listing }: Pick<FreshReadOptions, 'scanWith' | 'listing'> = {}): Promise<{ value: T; changed: string[]; gone: string[]; walkProblems: NoteProblem[]; temps: string[] }> {
    this.db.exec('BEGIN');
    try {
      const stored = storedPrints(this.db);
      const scanning = listing ?? scanNotebookAsync(this.root, expectedNotes(stored, scanWith));
      const value = read();
      const scan = await scanning;
      const { todo, gone } = pendingChanges(this.db, scan, dirtyFolders(stored, scan));
      return { value, changed: todo.map((t) => t.path), gone, walkProblems: scan.problems, temps: scan.temps };
    } finally {
      this.db.exec('COMMIT');
    }
  }

  /**
   * Builds the index again from the notes, in place and in one transaction:
   * a search running meanwhile in another process keeps reading the old
   * index (WAL snapshot) until the new one is committed whole. Deleting the
   * file instead would pull it and its WAL from under those readers (SQLite
   * "disk I/O error").
   */
  async rebuild(onProgress?: (done: number, total: number) => void, scanWith: ScanResult['method'] | 'auto' = 'auto'): Promise<RefreshStats> {
    await import('../core/note.js');
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const t of ['fts_vocab', 'fts', 'terms', 'folders', 'notes', 'meta']) this.db.exec(`DROP TABLE IF EXISTS ${t}`);
      this.ensureSchema();
      const stats = await this.refresh(onProgress, scanWith);
      this.db.exec('COMMIT');
      return stats;
    } catch (err) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw err;
    }
  }

  private async apply(scan: ScanResult, dirty: string[], stats: RefreshStats, onProgress?: (done: number, total: number) => void, maxToRead = Infinity): Promise<void> {
    const { todo, gone } = pendingChanges(this.db, scan, dirty);
    if (todo.length > maxToRead) throw new IndexBehindError(todo.length);
    const rowsOf = this.db.prepare('SELECT path, stamp FROM notes WHERE dir = ?').raw();
    const total = todo.length + gone.length;
    // The note parser (gray-matter, js-yaml, @iarna/toml) is loaded only when a note must be read.
    const reader: NoteReader = todo.length ? await import('../core/note.js') : { parseNote: () => { throw new Error('unreachable'); }, decodeNote: () => '' };
    const vocab = todo.length < VOCAB_REBUILD_AT ? new Set<string>() : null;
    for (let i = 0; i < todo.length; i += BATCH) {
      this.db.transaction(() => {
        todo.slice(i, i + BATCH).forEach((item, j) => {
          this.update(reader, item.path, item.stamp, stats, vocab);
          if ((i + j + 1) % 50 === 0) onProgress?.(i + j + 1, total);
        });
      }).immediate();
    }
    this.db.transaction(() => {
      for (const path of gone) {
        // Re-created meanwhile (by a rename back, say): the next refresh sees it.
        if (existsSync(under(this.root, path))) continue;
        if (this.remove(path)) stats.removed++;
      }
      // Fingerprints are computed from the rows as they now are, so they
      // match a later scan exactly when every row is up to date.
      const setPrint = this.db.prepare('INSERT OR REPLACE INTO folders(dir, fingerprint) VALUES (?, ?)');
      const dropPrint = this.db.prepare('DELETE FROM folders WHERE dir = ?');
      for (const dir of dirty) {
        const rows = rowsOf.all(dir) as [string, string][];
        if (!rows.length) dropPrint.run(dir);
        else setPrint.run(dir, fingerprint(rows.map(([path, stamp]) => [splitPath(path)[1], stamp])));
      }
    }).immediate();
    onProgress?.(total, total);
    if (stats.added + stats.changed + stats.removed) {
      if (!vocab) this.rebuildVocabulary();
      else this.patchVocabulary(vocab);
    }
  }

  /** (Re)indexes one note, re-checking inside the transaction what another process may have done. */
  private update({ parseNote, decodeNote }: NoteReader, path: string, stamp: string, stats: RefreshStats, vocab: Set<string> | null): void {
    const row = this.db.prepare('SELECT id, stamp, hash FROM notes WHERE path = ?').get(path) as
      { id: number; stamp: string; hash: string } | undefined;
    if (row?.stamp === stamp) return;
    let bytes: Buffer;
    try {
      bytes = readFileSync(under(this.root, path));
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') { if (row && this.remove(path)) stats.removed++; return; }
      this.store(row?.id, path, stamp, '', { path, reason: `cannot read (${code ?? (err as Error).message})` }, stats);
      return;
    }
    const hash = contentHash(bytes);
    if (row && row.hash === hash) {
      this.db.prepare('UPDATE notes SET stamp = ? WHERE id = ?').run(stamp, row.id);
      stats.touched++;
      return;
    }
    let parsed: Note | NoteProblem;
    try {
      parsed = parseNote(path, decodeNote(bytes, path));
    } catch (err) {
      // Whatever a note holds, it must not stop the others from being indexed.
      parsed = err instanceof NoteParseError
        ? { path, line: err.line, reason: err.reason, hint: err.hint }
        : { path, reason: `cannot be read (${(err as Error)?.message ?? String(err)})` };
    }
    const id = this.store(row?.id, path, stamp, hash, parsed, stats);
    if (!('reason' in parsed)) {
      const text = indexedText(parsed);
      this.db.prepare(`INSERT INTO fts(rowid, ${COLUMNS.join(', ')}) VALUES (?${', ?'.repeat(COLUMNS.length)})`)
        .run(id, ...COLUMNS.map((c) => text[c]));
      if (vocab) for (const c of COLUMNS) for (const t of tokenize(text[c])) if (VOCAB_WORD.test(t)) vocab.add(t);
    }
  }

  /** Writes a note's row (and drops its old text from the full-text table). Returns its id. */
  private store(id: number | undefined, path: string, stamp: string, hash: string, n: Note | NoteProblem, stats: RefreshStats): number {
    const problem = 'reason' in n;
    const note = problem ? null : n;
    const values = [
      path, splitPath(path)[0], stamp, hash,
      problem ? JSON.stringify(n) : null,
      note?.title ?? null, note?.date ?? null, note?.instant ? note.instant.getTime() : null,
      note ? JSON.stringify(note.tags) : null, note ? JSON.stringify(note.categories) : null,
      note ? Number(note.draft) : null, note?.weight ?? null, note?.menuTitle ?? null, note?.linkTitle ?? null,
      note?.section ?? null, note ? Number(note.isSection) : null, note?.format ?? null, note?.bodyLine ?? null,
      note ? JSON.stringify(note.frontMatter, jsonSafe) : null,
      note ? noteDay(note) : null, note ? sortInstant(note) : null,
    ];
    const cols = 'path, dir, stamp, hash, problem, title, date, instant, tags, categories, draft, weight, menu_title, link_title, section, is_section, format, body_line, front_matter, day, sort_at';
    if (id === undefined) {
      stats.added++;
      return Number(this.db.prepare(`INSERT INTO notes(${cols}) VALUES (${cols.split(',').map(() => '?').join(', ')})`).run(...values).lastInsertRowid);
    }
    stats.changed++;
    this.db.prepare('DELETE FROM fts WHERE rowid = ?').run(id);
    this.db.prepare(`UPDATE notes SET ${cols.split(', ').map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...values, id);
    return id;
  }

  private remove(path: string): boolean {
    const row = this.db.prepare('SELECT id FROM notes WHERE path = ?').get(path) as { id: number } | undefined;
    if (!row) return false;
    this.db.prepare('DELETE FROM fts WHERE rowid = ?').run(row.id);
    this.db.prepare('DELETE FROM notes WHERE id = ?').run(row.id);
    return true;
  }

  /** Refills the fuzzy vocabulary from the full-text index's own (fts5vocab). */
  private rebuildVocabulary(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM terms');
      const insert = this.db.prepare('INSERT INTO terms(term, len, docs, sig) VALUES (?, ?, ?, ?)');
      for (const r of this.db.prepare('SELECT term, doc FROM fts_vocab').all() as { term: string; doc: number }[]) {
        if (VOCAB_WORD.test(r.term)) insert.run(r.term, [...r.term].length, r.doc, letterSignature(r.term));
      }
    }).immediate();
  }

  /**
   * Adds the words of the notes just indexed to the fuzzy vocabulary (their
   * note counts are looked up at query time, in `docs()`). Words that left
   * the notebook stay until the next rebuild; `docs()` drops them then too.
   */
  private patchVocabulary(words: Set<string>): void {
    if (!words.size) return;
    this.db.transaction(() => {
      const add = this.db.prepare('INSERT OR IGNORE INTO terms(len, term, docs, sig) VALUES (?, ?, 1, ?)');
      for (const w of words) add.run([...w].length, w, letterSignature(w));
    }).immediate();
  }

  /**
   * The vocabulary words `word` may be a typo of, as far as their length and
   * letters tell (see letterSignature): the candidates fuse.js then compares.
   */
  vocabulary(word: string, typos: number): VocabWord[] {
    const n = [...word].length;
    return this.db.prepare('SELECT term, docs FROM terms WHERE len BETWEEN ? AND ? AND notes_sig_distance(sig, ?) <= ?')
      .all(n - typos, n + typos, letterSignature(word), 2 * typos) as VocabWord[];
  }

  /**
   * The words of the notes that begin with `prefix` and are longer, most
   * common first, at most `max`. fts5vocab answers a term range from the
   * index's own b-tree, without reading the rest of the vocabulary.
   */
  completions(prefix: string, max: number): string[] {
    // U+10FFFF sorts after every character in SQLite's byte order (UTF-8).
    return this.db.prepare('SELECT term FROM fts_vocab WHERE term > ? AND term < ? ORDER BY doc DESC, term LIMIT ?')
      .pluck().all(prefix, `${prefix}\u{10FFFF}`, max) as string[];
  }

  /** How many notes hold `term` (0 when none). */
  docs(term: string): number {
    return (this.db.prepare('SELECT doc FROM fts_vocab WHERE term = ?').pluck().get(term) as number | undefined) ?? 0;
  }

  /**
   * The notes an FTS5 expression matches, best first: bm25 with the column
   * weights, then the most recent.
   */
  hits(expression: string): IterableIterator<IndexHit> {
    return this.db.prepare(`
      SELECT n.*, fts.rank AS rank FROM fts JOIN notes n ON n.id = fts.rowid
      WHERE fts MATCH ? ORDER BY fts.rank, n.instant IS NULL, n.instant DESC, n.path`)
      .iterate(expression) as IterableIterator<IndexHit>;
  }

  /**
   * Every readable note, as stored (no body), in no particular order: SQLite
   * sorting 10,000 paths costs ~15 ms, the callers sort them anyway.
   */
  notes(): Note[] {
    const rows = this.db.prepare(`SELECT ${NOTE_ROW} FROM notes WHERE problem IS NULL`).raw().all() as [string, string | null][];
    return rows.map(([fields, front_matter]) => {
      const [path, title, date, instant, tags, categories, draft, weight, menu_title, link_title, section, is_section, format, body_line] = JSON.parse(fields) as unknown[];
      return makeNote({ path, title, date, instant, draft, weight, menu_title, link_title, section, is_section, format, body_line, front_matter } as NoteFields,
        (tags ?? []) as string[], (categories ?? []) as string[]);
    });
  }

  /**
   * Every readable note as `list` prints it (day and sort instant worked
   * out when indexed), in no particular order: no whole notes, no dates,
   * no front matter (~2x cheaper than notes() at 10,000 notes).
   */
  listedNotes(): ListedNote[] {
    const rows = this.db.prepare(`SELECT json_array(path, title, json(tags), json(categories), draft, weight, section, is_section, day, sort_at)
      FROM notes WHERE problem IS NULL`).pluck().all() as string[];
    return rows.map((r) => {
      const [path, title, tags, categories, draft, weight, section, isSection, day, sortAt] = JSON.parse(r) as
        [string, string | null, string[] | null, string[] | null, number, number | null, string | null, number, string | null, number | null];
      return { path, title: title ?? path, tags: tags ?? [], categories: categories ?? [], draft: !!draft, weight, section: section ?? '', isSection: !!isSection, day, sortAt };
    });
  }

  /**
   * The readable notes with at least one tag: path and tags (for `tag
   * rename`, without building whole notes). With `word`, only those whose
   * tags may hold it, ignoring case: a superset, found by SQLite in the
   * tags' JSON text (lower() folds ASCII only, so tags with any other
   * character are all kept, for the caller to compare exactly).
   */
  taggedNotes(word?: string): [string, string[]][] {
    const rows = word === undefined
      ? this.db.prepare("SELECT path, tags FROM notes WHERE problem IS NULL AND tags <> '[]'").raw().all()
      : this.db.prepare("SELECT path, tags FROM notes WHERE problem IS NULL AND tags <> '[]' AND (instr(lower(tags), ?) > 0 OR tags GLOB '*[^ -~]*')")
        .raw().all(JSON.stringify(word.toLowerCase()).slice(1, -1));
    return (rows as [string, string][]).map(([path, tags]) => [path, JSON.parse(tags) as string[]]);
  }

  /** The notes that could not be read when last indexed. */
  problems(): NoteProblem[] {
    return (this.db.prepare('SELECT problem FROM notes WHERE problem IS NOT NULL ORDER BY path').pluck().all() as string[])
      .map((p) => JSON.parse(p) as NoteProblem);
  }
}
