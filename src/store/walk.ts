/**
 * Finds every note below a notebook root: `*.md` files, skipping dot-files,
 * dot-folders and node_modules. Symlinked folders are followed once (by real
 * path), so a symlink loop ends instead of recursing forever.
 *
 * Symlinked folders are read after every plain folder, so that a folder
 * reached both directly and through a link (`latest -> ess-2023`) is listed
 * where it really is, whichever name sorts first; the link is then skipped
 * without a word. Only a link to a folder that holds it (itself, a parent)
 * is reported, as a loop.
 */
import { lstatSync, readdirSync, statSync, realpathSync, type Dirent } from 'node:fs';
import { under } from './paths.js';
import { TEMP_SUFFIX } from './atomic-write.js';

export interface WalkProblem {
  path: string;
  reason: string;
  hint?: string;
}

export interface WalkResult {
  /** Paths relative to the root, `/` separators, sorted. */
  files: string[];
  problems: WalkProblem[];
  /** Temp files of atomic writes (`.*.notes-tmp`), left by a writer that died or still writing. */
  temps: string[];
}

const SKIP_DIRS = new Set(['node_modules']);

/**
 * Whether a name readdir gave cannot be opened because it is not valid
 * UTF-8: Node decodes such a name with U+FFFD for the bad bytes, a name no
 * file has (an open gives ENOENT). Checked only for names holding U+FFFD,
 * which a valid name may hold too (then the file is there).
 */
const mangledName = (name: string, abs: string) => name.includes('\uFFFD') && !lstatSync(abs, { throwIfNoEntry: false });

/** Whether `folder` is `dir` or holds it (both real paths). */
const holds = (folder: string, dir: string) => dir === folder || dir.startsWith(folder.endsWith('/') ? folder : `${folder}/`);

/** Paths in the order of a walk reading each folder's entries by name (`a/b.md` before `a.md`). */
function byTree(a: string, b: string): number {
  const x = a.split('/');
  const y = b.split('/');
  for (let i = 0; i < x.length && i < y.length; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
  return x.length - y.length;
}

export function walkNotes(root: string): WalkResult {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const temps: string[] = [];
  const seen = new Set<string>();
  /** Symlinked folders met so far, read once the plain folders are: with the real path of the folder holding each. */
  const links: { abs: string; rel: string; within: string }[] = [];
  // `real` is the folder's real path when known: a plain (not symlinked)
  // subfolder's is its parent's plus its name, which saves a realpath call
  // per folder (~4 ms of a search on hugo-docs).
  const visit = (dir: string, rel: string, knownReal?: string, within?: string) => {
    let real: string;
    try { real = knownReal ?? realpathSync(dir); } catch (e) {
      problems.push({ path: rel || '.', reason: `cannot resolve folder: ${(e as Error).message}` });
      return;
    }
    if (seen.has(real)) {
      if (within !== undefined && holds(real, within)) problems.push({ path: rel, reason: 'symlink loop: this folder was already read, skipped', hint: 'remove the symlink, or point it outside the notebook' });
      return;
    }
    seen.add(real);
    let entries: Dirent[];
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch (e) {
      problems.push({ path: rel || '.', reason: `cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, hint: 'check its permissions' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      if (ent.name.startsWith('.')) {
        if (ent.name.endsWith(TEMP_SUFFIX)) temps.push(rel ? `${rel}/${ent.name}` : ent.name);
        continue;
      }
      // Plain joins: `dir` is absolute and normalized, and path.join's normalizing costs ~1 µs a file.
      const abs = under(dir, ent.name);
      const relPath = rel ? `${rel}/${ent.name}` : ent.name;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      const linked = ent.isSymbolicLink();
      if ((isDir || /\.md$/i.test(ent.name)) && mangledName(ent.name, abs)) {
        problems.push({ path: relPath, reason: `its name is not valid UTF-8${isDir ? ': the notes in this folder are skipped' : ''}`, hint: 'rename it (convmv -f latin1 -t utf8 --notest <name> converts a Latin-1 name)' });
        continue;
      }
      if (linked) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          if (/\.md$/i.test(ent.name)) problems.push({ path: relPath, reason: 'broken symlink, skipped', hint: 'remove the symlink or restore its target' });
          continue;
        }
      }
      if (isDir) {
        if (SKIP_DIRS.has(ent.name)) continue;
        if (linked) links.push({ abs, rel: relPath, within: real });
        else visit(abs, relPath, under(real, ent.name), real);
      } else if (isFile && /\.md$/i.test(ent.name)) {
        files.push(relPath);
      }
    }
  };
  visit(root, '');
  // Links met in linked folders join the queue: each is read after everything met before it.
  for (let i = 0; i < links.length; i++) visit(links[i]!.abs, links[i]!.rel, undefined, links[i]!.within);
  if (links.length) files.sort(byTree);
  return { files, problems, temps };
}
