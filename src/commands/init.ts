/**
 * `notes init [dir]`: makes a folder a notebook by writing its config file,
 * and nothing else (the folder stays a plain Hugo content folder).
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CONFIG_NAME, CONFIG_TEMPLATE } from '../core/config.js';
import { NotesError, NoteExistsError } from '../core/errors.js';
import { createFileExclusive } from '../store/atomic-write.js';
import { makeDirs } from '../store/make-dir.js';

export interface InitOptions {
  cwd: string;
  dir?: string;
  format?: 'toml' | 'yaml';
}

export interface InitResult {
  root: string;
  configPath: string;
}

/**
 * The nearest of `path` and the folders above it that exists, when it is
 * not a folder: mkdir would only say EEXIST or ENOTDIR, naming no culprit.
 */
function fileInTheWay(path: string): string | null {
  for (let p = path; dirname(p) !== p; p = dirname(p)) {
    let s;
    try { s = statSync(p); } catch { continue; } // missing, or below a file (ENOTDIR)
    return s.isDirectory() ? null : p;
  }
  return null;
}

export function initNotebook({ cwd, dir, format }: InitOptions): InitResult {
  const root = resolve(cwd, dir ?? '.');
  const file = fileInTheWay(root);
  if (file) {
    throw new NotesError(`${file} is a file, not a folder`, {
      hint: file === root ? 'name a folder for the notebook (a missing one is made), e.g. notes init ~/visits' : `name a folder that is not inside ${file}`,
    });
  }
  makeDirs(root);
  const configPath = join(root, CONFIG_NAME);
  if (existsSync(configPath)) {
    throw new NotesError(`${configPath} exists already: this folder is a notebook`, { hint: 'edit that file to change the settings' });
  }
  const text = format === 'yaml' ? CONFIG_TEMPLATE.replace('format = "toml"', 'format = "yaml"') : CONFIG_TEMPLATE;
  try {
    createFileExclusive(configPath, text);
  } catch (err) {
    if (err instanceof NoteExistsError) throw new NotesError(`${configPath} exists already`, { hint: 'edit that file to change the settings' });
    throw err;
  }
  return { root, configPath };
}
