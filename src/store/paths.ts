/**
 * Paths inside the notebook: nothing a user types (a visit name, a ref, a
 * title) may lead outside the notebook root; paths the program builds from
 * known parts are joined cheaply (under).
 */
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { UsageError } from '../core/errors.js';

/** Resolves `rel` (relative to `root`) and refuses anything outside the root. */
export function insideRoot(root: string, rel: string, what: string): string {
  const abs = resolve(root, rel);
  const back = relative(root, abs);
  if (back.startsWith('..') || isAbsolute(back)) {
    throw new UsageError(`${what} "${rel}" is outside the notebook (${root})`, 'name a folder inside the notebook');
  }
  return abs;
}

/**
 * A visit folder as typed (`ess-2023`, `./ess-2023/`, `/ess-2023`, or an
 * absolute path inside the notebook) relative to the root, with `/`
 * separators; '' for the root. Refuses a real folder outside the notebook:
 * an absolute path must not become a folder of that name under the root.
 */
export function visitRel(root: string, typed: string): string {
  let t = typed.replace(/\\/g, '/');
  // `/ess-2023` that is no real folder outside: the notebook's folder, as the list filters read it.
  if (t.startsWith('/') && relToRoot(root, resolve(t)) === null && !existsSync(t)) t = t.replace(/^\/+/, '');
  return relToRoot(root, insideRoot(root, t, 'visit folder'))!;
}

/** `abs` relative to the root with `/` separators, or null when outside. */
export function relToRoot(root: string, abs: string): string | null {
  const back = relative(root, abs);
  if (back.startsWith('..') || isAbsolute(back)) return null;
  return back.split(sep).join('/');
}

/** A path to show the user: relative to the working directory when inside it, else absolute. */
export function displayPath(cwd: string, abs: string): string {
  const back = relative(cwd, abs);
  return back && !back.startsWith('..') && !isAbsolute(back) ? back : abs;
}

/**
 * `name` (or a relative path with `/` separators) in folder `dir`, a path
 * without `.`/`..` parts: a plain join, where path.join would normalize
 * (most of the cost of walking or writing many notes in a short-lived
 * process). The platform's separator joins them: on Windows the walk
 * compares these with realpathSync's paths.
 */
export const under = (dir: string, name: string) => (dir.endsWith('/') || dir.endsWith(sep) ? dir + name : dir + sep + name);
