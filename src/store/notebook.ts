/**
 * The notebook on disk: where it is, its config, and its notes.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_NAME, DEFAULT_CONFIG, parseConfig, type NotebookConfig } from '../core/config.js';
import { NotebookNotFoundError, NoteParseError } from '../core/errors.js';
import { decodeNote, parseNote, type Note } from '../core/note.js';
import { walkNotes } from './walk.js';
import { under } from './paths.js';

export interface Notebook {
  /** Absolute path of the notebook root. */
  root: string;
  /** Absolute path of the config file, or null when the notebook has none. */
  configPath: string | null;
  config: NotebookConfig;
}

/** A note that could not be read; every other note is still handled. */
export interface NoteProblem {
  path: string;
  line?: number;
  reason: string;
  hint?: string;
}

export interface LocateOptions {
  dir?: string;
  env: Record<string, string | undefined>;
  cwd: string;
}

function isDir(p: string): boolean {
  return kindOf(p) === 'folder';
}

/** What is at `p`, following symlinks: a folder, something else (a file), or nothing. */
function kindOf(p: string): 'folder' | 'other' | 'none' {
  try { return statSync(p).isDirectory() ? 'folder' : 'other'; } catch { return 'none'; }
}

function open(root: string): Notebook {
  const configPath = join(root, CONFIG_NAME);
  if (!existsSync(configPath)) return { root, configPath: null, config: { ...DEFAULT_CONFIG } };
  return { root, configPath, config: parseConfig(readFileSync(configPath, 'utf8'), configPath) };
}

/** True when `dir` holds this program's own sources (its package.json names it). */
function isToolClone(dir: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown; bin?: unknown };
    return pkg.name === 'notes' && typeof pkg.bin === 'object' && pkg.bin !== null && 'notes' in pkg.bin;
  } catch {
    return false;
  }
}

/**
 * Finds the notebook: `--dir` > NOTES_DIR > the nearest ancestor of the
 * working directory holding `.notes.toml` > `./notes/` > an error saying how
 * to create one.
 */
export function locateNotebook({ dir, env, cwd }: LocateOptions): Notebook {
  const named = dir ?? env.NOTES_DIR;
  if (named) {
    const root = resolve(cwd, named);
    const kind = kindOf(root);
    if (kind === 'other') {
      // Often a note's path, pasted for its folder: name the folder, not "create it".
      const [what, folder] = dir ? ['--dir', `--dir ${dirname(named)}`] : ['NOTES_DIR', `NOTES_DIR=${dirname(named)}`];
      throw new NotebookNotFoundError(`${what} ${root} is a file, not a notebook folder`, {
        hint: `name the folder that holds the notes, e.g. ${folder}`,
      });
    }
    if (kind === 'none') {
      throw new NotebookNotFoundError(`notebook folder ${root} does not exist`, {
        hint: `create it with: notes init ${named}`,
      });
    }
    return open(root);
  }
  for (let d = resolve(cwd); ; d = dirname(d)) {
    if (existsSync(join(d, CONFIG_NAME))) return open(d);
    if (dirname(d) === d) break;
  }
  const local = join(resolve(cwd), 'notes');
  if (isDir(local)) {
    // `git clone` of this tool makes a folder named notes too: it is no notebook.
    if (isToolClone(local)) {
      throw new NotebookNotFoundError(`${local} is a copy of the notes program, not a notebook`, {
        hint: 'make a notebook with notes init <folder> (e.g. ~/visits), or pass --dir <folder> (or set NOTES_DIR)',
      });
    }
    return open(local);
  }
  throw new NotebookNotFoundError('no notebook found here', {
    hint: 'run notes init to make this folder a notebook, or pass --dir <folder> (or set NOTES_DIR)',
  });
}

export interface LoadResult {
  notes: Note[];
  problems: NoteProblem[];
  /** Temp files of atomic writes found on the way (see removeStaleTemps). */
  temps: string[];
}

/** Reads and parses one note; a problem instead of a note when it cannot be read. */
export function readNote(root: string, rel: string): Note | NoteProblem {
  try {
    return parseNote(rel, decodeNote(readFileSync(under(root, rel)), rel));
  } catch (err) {
    if (err instanceof NoteParseError) return { path: rel, line: err.line, reason: err.reason, hint: err.hint };
    const code = (err as NodeJS.ErrnoException).code;
    return { path: rel, reason: `cannot read (${code ?? (err as Error).message})`, hint: code === 'EACCES' ? 'check its permissions' : undefined };
  }
}

export function isProblem(x: Note | NoteProblem): x is NoteProblem {
  return 'reason' in x;
}

/** Reads every note of the notebook; broken ones come back as problems. */
export function loadNotes(nb: Notebook): LoadResult {
  const { files, problems: walkProblems, temps } = walkNotes(nb.root);
  const notes: Note[] = [];
  const problems: NoteProblem[] = walkProblems.map((p) => ({ ...p }));
  for (const rel of files) {
    const r = readNote(nb.root, rel);
    if (isProblem(r)) problems.push(r); else notes.push(r);
  }
  return { notes, problems, temps };
}
