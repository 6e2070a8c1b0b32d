/**
 * The executable's first step: bin/notes requires the build of this file
 * (dist/launch.cjs), which answers `--version` at once and otherwise loads
 * the bundle (dist/notes.cjs) and runs it.
 *
 * Why not a plain require: compiling the ~1 MB bundle costs ~15 ms of every
 * start, about a quarter of what `node -e 0` costs, and commands are run
 * from shell aliases all day. V8 can save the compiled code and reuse it
 * (Node 22 does this with module.enableCompileCache(); Node 20 has no such
 * switch), so the bundle is compiled through vm.Script with a code cache
 * kept in the user's cache folder. The cache is named after the bundle's
 * content hash (set at build time) and the Node version: V8 itself only
 * checks the source length, so a cache of another bundle must never be
 * offered. A cache V8 rejects, or one that cannot be written, only costs
 * the compile it would have saved. NOTES_CODE_CACHE=0 turns it off.
 */
import { closeSync, openSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import { cacheDir } from './store/cache-dir.js';
import { makeDirs } from './store/make-dir.js';

declare const __NOTES_VERSION__: string;
declare const __NOTES_BUNDLE_HASH__: string;

type Run = (argv: string[]) => Promise<number>;

const CACHE_PREFIX = 'code-';

const V8_MAJOR = parseInt(process.versions.v8, 10);

/**
 * The V8 versions known to have --verify-snapshot-checksum (Node 20 to 24):
 * on another one the cache is not used, as setting an unknown flag prints
 * an error.
 */
const CHECKSUMMED_V8 = (major: number) => major >= 9 && major <= 13;

/** This bundle on this Node: the caches of other ones are stale. */
const OURS = `${CACHE_PREFIX}${__NOTES_BUNDLE_HASH__}-${process.version}-${process.arch}`;

/**
 * Node's own options change V8's flags, and V8 rejects a cache made under
 * other flags: one cache per set of options, so that `node --inspect` now
 * and then does not make every other start compile again.
 */
function optionsKey(): string {
  const options = `${process.execArgv.join(' ')}|${process.env.NODE_OPTIONS ?? ''}`;
  if (options === '|') return '';
  let h = 0x811c9dc5;
  for (let i = 0; i < options.length; i++) h = Math.imul(h ^ options.charCodeAt(i), 16777619);
  return `-${(h >>> 0).toString(16)}`;
}

/**
 * V8 flags by V8 major version, set with the cache's. On Node 20 (V8 11),
 * with the code cache, a short command often stalled ~15 ms at its very
 * end, idle, before exiting, when a function reached its tier-up budget as
 * the work ended (seen in CPU profiles, gone with a larger budget). Four
 * times V8's default budget (67,584) removed the stall: warm searches of
 * hugo-docs 126 -> 110 ms (phrase) and 127 -> 115 ms (typo), with no change
 * to a one-word search, `list` of 10,000 notes or parsing 10,000 notes
 * (round-robin medians). Other V8 versions were not measured: left as they are.
 */
const TIERING: Record<number, string> = { 11: ' --interrupt-budget=270336' };

function cacheFile(): string | null {
  if (process.env.NOTES_CODE_CACHE === '0' || !CHECKSUMMED_V8(V8_MAJOR)) return null;
  try {
    return join(cacheDir(process.env), `${OURS}${optionsKey()}.bin`);
  } catch {
    return null;
  }
}

/**
 * Another bundle's or Node version's cache not written for this long is
 * stale: two installs sharing the cache folder (a global one and a
 * project's, two Node versions under nvm) would otherwise delete each
 * other's at every start.
 */
const STALE_MS = 7 * 24 * 3600 * 1000;

/** Writes the compiled code atomically, and drops stale caches of other bundles or Node versions. */
function saveCache(file: string, data: () => Buffer): void {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    const dir = dirname(file);
    makeDirs(dir);
    // The temp file first: in a folder that cannot be written, V8 is not asked to serialize (~5 ms) for nothing.
    const fd = openSync(tmp, 'wx', 0o644);
    try { writeFileSync(fd, data()); } finally { closeSync(fd); }
    renameSync(tmp, file);
    const now = Date.now();
    for (const name of readdirSync(dir)) {
      if (!name.startsWith(CACHE_PREFIX)) continue;
      // Temp files of a writer that died (a full folder, say) after an hour; other caches when stale.
      const maxAge = /\.bin\.tmp-\d+$/.test(name) ? 3600 * 1000 : name.endsWith('.bin') && !name.startsWith(OURS) ? STALE_MS : Infinity;
      const other = join(dir, name);
      if (now - (statSync(other, { throwIfNoEntry: false })?.mtimeMs ?? now) > maxAge) unlinkSync(other);
    }
  } catch {
    // A read-only or full cache folder: the next start compiles again, nothing else.
    try { unlinkSync(tmp); } catch { /* never written */ }
  }
}

/** Loads dist/notes.cjs as CommonJS would, through the code cache. */
function loadBundle(bundle: string): { run: Run } {
  const source = readFileSync(bundle, 'utf8');
  const cache = cacheFile();
  // V8 checks a code cache's version, flags and source length, but its
  // content only with this flag: without it, a damaged cache file (a disk
  // error, a crash while it was written) crashes the process. With it, V8
  // writes a checksum into the cache and rejects one that does not match,
  // natively (~0.2 ms; the same check in JavaScript costs ~2.5 ms).
  if (cache) setFlagsFromString(`--verify-snapshot-checksum${TIERING[V8_MAJOR] ?? ''}`);
  let cached: Buffer | undefined;
  if (cache) {
    try { cached = readFileSync(cache); } catch { /* first start */ }
  }
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundle,
    cachedData: cached,
  });
  const mod = { exports: {} as { run: Run } };
  (script.runInThisContext() as (...args: unknown[]) => void)
    .call(mod.exports, mod.exports, createRequire(bundle), mod, bundle, dirname(bundle));
  if (cache && (!cached || script.cachedDataRejected)) {
    // At exit, so that the functions this run compiled lazily are in the cache too.
    process.once('exit', (code) => { if (code === 0 || code === 1) saveCache(cache, () => script.createCachedData()); });
  }
  return mod.exports;
}

export function launch(argv: string[]): void {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    // As for every command (src/entry.ts): a reader gone before the answer is no error.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(0);
      throw err;
    });
    process.stdout.write(`${__NOTES_VERSION__}\n`);
    return;
  }
  // Before anything uses libuv's thread pool (its size is read then): 8
  // threads, so that the batch writes of src/store/guarded-write.ts can keep
  // 8 files in flight with no call ever queued behind another file's (see
  // writeConcurrency there). A size the user set is kept. Not on Windows,
  // where libuv may not see a variable set from here (it reads the C
  // runtime's copy of the environment): there the pool keeps its size, and
  // writeConcurrency reads the same.
  if (process.platform !== 'win32') process.env.UV_THREADPOOL_SIZE ||= '8';
  const { run } = loadBundle(join(__dirname, 'notes.cjs'));
  void run(argv).then((code) => { process.exitCode = code; });
}
