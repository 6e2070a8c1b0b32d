/**
 * The notebook config file, `.notes.toml` in the notebook root: a dot-file,
 * so Hugo ignores it. Parsing and defaults live here; reading the file is
 * the store's job.
 */
import { parseToml } from './toml.js';
import { NotesError } from './errors.js';
import { lineAt } from './front-matter.js';

export const CONFIG_NAME = '.notes.toml';

export interface NotebookConfig {
  /** Front matter format of new notes. */
  format: 'toml' | 'yaml';
  /** Tags and categories every new note starts with. */
  tags: string[];
  categories: string[];
  /** Template file for new notes, relative to the notebook root; null: the built-in one. */
  template: string | null;
  /** Folder (relative to the root) that new day entries go to; null: the root. */
  currentVisit: string | null;
  /** Editor command; null: $VISUAL, then $EDITOR, then vi. */
  editor: string | null;
}

export const DEFAULT_CONFIG: NotebookConfig = {
  format: 'toml', tags: [], categories: [], template: null, currentVisit: null, editor: null,
};

/** The config file `notes init` writes: every key, commented. */
export const CONFIG_TEMPLATE = `# notes: notebook settings. This file marks the notebook root; Hugo ignores dot-files.

# Front matter format of new notes: "toml" (+++) or "yaml" (---).
format = "toml"

# Tags and categories every new note starts with.
tags = []
categories = []

# Template for new notes, relative to this folder ("" for the built-in one).
# Placeholders: {{title}} {{date}} {{menuTitle}} {{weight}} {{day}} {{tags}} {{categories}} {{body}}
template = ""

# Editor for \`notes edit\` and \`notes new --edit\` ("" for $VISUAL, then $EDITOR).
editor = ""

# The visit (folder) that new day entries go to; set by \`notes visit use\`.
current_visit = ""
`;

function strings(v: unknown, key: string, file: string): string[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return v ? [v] : [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw new NotesError(`${file}: ${key} must be a list of strings`, { hint: `write it as ${key} = ["a", "b"]` });
}

/** Parses config text; unknown keys are kept out of the way (ignored). */
export function parseConfig(text: string, file: string): NotebookConfig {
  let data: Record<string, unknown>;
  try {
    data = parseToml(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    const e = err as { line?: number; message: string; pos?: number };
    const line = typeof e.line === 'number' ? e.line + 1 : e.pos !== undefined ? lineAt(text, e.pos) : undefined;
    throw new NotesError(`${file}${line ? `:${line}` : ''}: invalid TOML: ${e.message.split('\n')[0]}`, {
      hint: 'fix the config file (it is TOML), or delete it and run notes init',
    });
  }
  const format = data.format ?? 'toml';
  if (format !== 'toml' && format !== 'yaml') {
    throw new NotesError(`${file}: format must be "toml" or "yaml", not ${JSON.stringify(format)}`, { hint: 'set format = "toml"' });
  }
  const str = (k: string) => (typeof data[k] === 'string' && data[k] ? (data[k] as string) : null);
  return {
    format,
    tags: strings(data.tags, 'tags', file),
    categories: strings(data.categories, 'categories', file),
    template: str('template'),
    currentVisit: str('current_visit'),
    editor: str('editor'),
  };
}

/**
 * Sets a top-level string key of the config text with a one-line edit: the
 * value of the existing `key = ...` line is replaced (key spelling, spacing
 * and a trailing comment kept); a missing key is added as one line before
 * the first [table] (or at the end). Every other byte stays as it is (BOM,
 * CRLF line ends, comments, key order). The result is checked by parsing.
 */
export function setConfigString(text: string, key: string, value: string, file = CONFIG_NAME): string {
  const literal = JSON.stringify(value);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const keyRe = new RegExp(`^(\\s*(?:${key}|"${key}"|'${key}')\\s*=\\s*)("(?:[^"\\\\]|\\\\.)*"|'[^']*'|[^#\\r\\n]*?)(\\s*(?:#.*)?)$`);
  let out: string | null = null;
  let pos = 0;
  let firstTable = -1;
  while (pos <= text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const lineEnd = end > pos && text[end - 1] === '\r' ? end - 1 : end;
    const line = text.slice(pos, lineEnd).replace(/^\uFEFF/, '');
    const offset = pos + (text.slice(pos, lineEnd).length - line.length);
    if (/^\s*\[/.test(line)) { firstTable = pos; break; }
    const m = keyRe.exec(line);
    if (m) {
      const start = offset + m[1]!.length;
      // A literal string ('...') stays one where TOML allows it (no quote, line break or control character).
      const kept = m[2]!.startsWith("'") && !/['\x00-\x08\x0a-\x1f\x7f]/.test(value) ? `'${value}'` : literal;
      out = text.slice(0, start) + kept + text.slice(start + m[2]!.length);
      break;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  if (out === null) {
    const add = `${key} = ${literal}${eol}`;
    if (firstTable !== -1) out = text.slice(0, firstTable) + add + eol + text.slice(firstTable);
    else out = text + (text.length && !text.endsWith('\n') ? eol : '') + add;
  }
  const check = parseConfig(out, file);
  if (key === 'current_visit' && check.currentVisit !== (value || null)) {
    throw new NotesError(`${file}: could not set ${key} safely (the edit did not read back)`, { hint: `set ${key} = ${literal} by hand` });
  }
  return out;
}
