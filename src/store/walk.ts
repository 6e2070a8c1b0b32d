/**
 * Finds every note below a notebook root: `*.md` files, skipping dot-files,
 * dot-folders and node_modules. Symlinked folders are followed once (by real
 * path), so a symlink loop ends instead of recursing forever.
 */
import { readdirSync, statSync, realpathSync, type Dirent } from 'node:fs';
import { join } from 'node:path';

export interface WalkProblem {
  path: string;
  reason: string;
}

export interface WalkResult {
  /** Paths relative to the root, `/` separators, sorted. */
  files: string[];
  problems: WalkProblem[];
}

const SKIP_DIRS = new Set(['node_modules']);

export function walkNotes(root: string): WalkResult {
  const files: string[] = [];
  const problems: WalkProblem[] = [];
  const seen = new Set<string>();
  const visit = (dir: string, rel: string) => {
    let real: string;
    try { real = realpathSync(dir); } catch (e) {
      problems.push({ path: rel || '.', reason: `cannot resolve folder: ${(e as Error).message}` });
      return;
    }
    if (seen.has(real)) {
      if (rel) problems.push({ path: rel, reason: 'symlink loop: this folder was already read, skipped' });
      return;
    }
    seen.add(real);
    let entries: Dirent[];
    try { entries = readdirSync(dir, { withFileTypes: true }); } catch (e) {
      problems.push({ path: rel || '.', reason: `cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const ent of entries) {
      if (ent.name.startsWith('.')) continue;
      const abs = join(dir, ent.name);
      const relPath = rel ? `${rel}/${ent.name}` : ent.name;
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (ent.isSymbolicLink()) {
        try {
          const st = statSync(abs);
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          if (/\.md$/i.test(ent.name)) problems.push({ path: relPath, reason: 'broken symlink, skipped' });
          continue;
        }
      }
      if (isDir) {
        if (!SKIP_DIRS.has(ent.name)) visit(abs, relPath);
      } else if (isFile && /\.md$/i.test(ent.name)) {
        files.push(relPath);
      }
    }
  };
  visit(root, '');
  return { files, problems };
}
