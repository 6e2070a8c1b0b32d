/**
 * Finds every note below a notebook root: `*.md` files, skipping dot-files,
 * dot-folders and node_modules. Symlinked folders are followed once (by real
 * path), so a symlink loop ends instead of recursing forever.
 */
import { readdirSync, statSync, realpathSync, type Dirent } from 'node:fs';
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

export function walkNotes(root: string): WalkResult {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const temps: string[] = [];
  const seen = new Set<string>();
  // `real` is the folder's real path when known: a plain (not symlinked)
  // subfolder's is its parent's plus its name, which saves a realpath call
  // per folder (~4 ms of a search on hugo-docs).
  const visit = (dir: string, rel: string, knownReal?: string) => {
    let real: string;
    try { real = knownReal ?? realpathSync(dir); } catch (e) {
      problems.push({ path: rel || '.', reason: `cannot resolve folder: ${(e as Error).message}` });
      return;
    }
    if (seen.has(real)) {
      if (rel) problems.push({ path: rel, reason: 'symlink loop: this folder was already read, skipped', hint: 'remove the symlink, or point it outside the notebook' });
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
        if (!SKIP_DIRS.has(ent.name)) visit(abs, relPath, linked ? undefined : under(real, ent.name));
      } else if (isFile && /\.md$/i.test(ent.name)) {
        files.push(relPath);
      }
    }
  };
  visit(root, '');
  return { files, problems, temps };
}
