/**
 * The bad-input notebook: test/fixtures/bad-input (committed) plus what git
 * cannot hold well, made at test time: a 20 MB note, a note with a
 * 100,000-character line, and a note nobody may read.
 */
import { chmodSync, cpSync, existsSync, lchownSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyOf, FIXTURES, REPO, tempDir } from './run.js';

export const BAD_INPUT = join(FIXTURES, 'bad-input');

/** Readable notes every command must still handle, by path. */
export const GOOD_NOTES = [
  'big.md', 'bom-crlf.md', 'empty.md', 'future.md', 'long-line.md', 'metachars.md', 'no-offset.md',
  'only-front-matter.md', 'sub/good.md', 'toml-with-yaml-blocks.md', 'unknown-format.md',
];

/** Bad files: each must give exactly one warning naming it. */
export const BAD_NOTES = ['binary.md', 'deep-yaml.md', 'invalid-toml.md', 'invalid-yaml.md', 'latin1.md', 'unclosed.md', 'unreadable.md'];

export function badInputNotebook(): { dir: string; cleanup: () => void } {
  const t = copyOf(BAD_INPUT);
  const line = 'kafka '.repeat(20_000); // 120,000 characters on one line
  writeFileSync(join(t.dir, 'long-line.md'), `+++\ntitle = "A very long line"\ndate = 2024-03-07T09:00:00+01:00\n+++\n${line}\n`);
  const para = '- Slurm and GPFS and EPICS and more text to fill the note up to twenty megabytes.\n';
  writeFileSync(join(t.dir, 'big.md'), `+++\ntitle = "A 20 MB note"\ndate = 2024-03-08T09:00:00+01:00\n+++\n${para.repeat(Math.ceil(20e6 / para.length))}- scicat at the very end\n`);
  writeFileSync(join(t.dir, 'unreadable.md'), '+++\ntitle = "Unreadable"\n+++\n');
  chmodSync(join(t.dir, 'unreadable.md'), 0o000);
  // When root, the tests run the binary as nobody (see asNobody): give it the notebook.
  if (process.getuid?.() === 0) chownTree(t.dir, 65534, 65534);
  // Other users (the test of unreadable files runs the binary as nobody when we are root).
  chmodSync(join(t.dir, '..'), 0o755);
  return t;
}

function chownTree(dir: string, uid: number, gid: number): void {
  lchownSync(dir, uid, gid);
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) chownTree(p, uid, gid); else lchownSync(p, uid, gid);
  }
}

/** As root nothing is unreadable: the tests then run the binary as nobody (setpriv, util-linux). */
export const asNobody = process.getuid?.() === 0 ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];

/**
 * A copy of the built program (bin/ and dist/ are self-contained) that nobody
 * can run, wherever the repository is checked out; and a cache folder nobody
 * can write to.
 */
export function runnableCopy(): { bin: string; cacheDir: string; cleanup: () => void } {
  const t = tempDir('notes-app-');
  chmodSync(t.dir, 0o755);
  for (const d of ['bin', 'dist']) cpSync(join(REPO, d), join(t.dir, d), { recursive: true });
  // What the bundle loads from node_modules at run time: the native SQLite
  // binding (search) and fuse.js's browser build (copied into exported sites).
  const nm = (p: string) => join(REPO, 'node_modules', p);
  for (const p of ['bindings', 'file-uri-to-path', 'fuse.js', 'better-sqlite3/package.json', 'better-sqlite3/lib', 'better-sqlite3/build/Release/better_sqlite3.node']) {
    if (existsSync(nm(p))) cpSync(nm(p), join(t.dir, 'node_modules', p), { recursive: true });
  }
  writeFileSync(join(t.dir, 'package.json'), '{"type": "module"}\n');
  const cacheDir = join(t.dir, 'cache');
  mkdirSync(cacheDir, { mode: 0o777 });
  chmodSync(cacheDir, 0o777);
  return { bin: join(t.dir, 'bin/notes'), cacheDir, cleanup: t.cleanup };
}
