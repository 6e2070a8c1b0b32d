/**
 * Splitting a note into front matter and body exactly as Hugo's page lexer
 * does (hugo/parser/pageparser), and parsing the front matter.
 *
 * Hugo's rules, mirrored here:
 * - blank space and a UTF-8 BOM may come before the front matter;
 * - `+++` opens TOML and `---` opens YAML; the front matter ends at the first
 *   later line that starts with the same delimiter; `---`/`+++` lines after
 *   that are body (code blocks, thematic breaks);
 * - `{` opens a JSON object that ends at its matching brace (quotes and
 *   backslash escapes respected);
 * - anything else means there is no front matter.
 * Offsets are into the decoded text (BOM included), so that editors can
 * splice the text without touching any other byte.
 */
import { parseToml } from './toml.js';
import { parseYaml } from './yaml.js';
import { NoteParseError } from './errors.js';

export type FrontMatterFormat = 'toml' | 'yaml' | 'json';

export interface SplitNote {
  /** The front matter format, or null when the note has none. */
  format: FrontMatterFormat | null;
  /** Text of the front matter between the delimiters (JSON: the whole object). */
  raw: string;
  /** Offset of `raw` in the text. */
  rawStart: number;
  /** 1-based line of the first line of `raw`. */
  rawLine: number;
  /** Offset where the body starts. */
  bodyStart: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
  body: string;
  /** The line end the file uses (the first one found). */
  eol: '\n' | '\r\n';
  hasBom: boolean;
}

const DELIMITERS: Record<string, FrontMatterFormat> = { '+++': 'toml', '---': 'yaml' };

/** Counts line ends before `offset` (1-based line number of `offset`). */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Skips one line end (CRLF or LF) at `pos`, as Hugo's consumeCRLF does. */
function skipEol(text: string, pos: number): number {
  if (text.startsWith('\r\n', pos)) return pos + 2;
  if (text[pos] === '\n' || text[pos] === '\r') return pos + 1;
  return pos;
}

/**
 * Splits `text` into front matter and body. Throws NoteParseError (with the
 * line of the opening delimiter) when front matter is opened but never closed.
 */
export function splitNote(text: string, file = '<note>'): SplitNote {
  const hasBom = text.charCodeAt(0) === 0xfeff;
  const firstNl = text.indexOf('\n');
  const eol: '\n' | '\r\n' = firstNl > 0 && text[firstNl - 1] === '\r' ? '\r\n' : '\n';
  let pos = hasBom ? 1 : 0;
  while (pos < text.length && /[ \t\r\n]/.test(text[pos]!)) pos++;
  const none = (): SplitNote => ({
    format: null, raw: '', rawStart: 0, rawLine: 1, bodyStart: hasBom ? 1 : 0, bodyLine: 1,
    body: text.slice(hasBom ? 1 : 0), eol, hasBom,
  });
  const delim = text.slice(pos, pos + 3);
  const format = DELIMITERS[delim];
  if (format) {
    // The delimiter alone on the opening line, but for spaces after it,
    // which Hugo reads as part of the front matter (where they do nothing).
    // Other text after it (`---title`, a `----` rule) makes Hugo fail; the
    // note is read as one without front matter instead.
    let afterOpen = pos + 3;
    while (text[afterOpen] === ' ' || text[afterOpen] === '\t') afterOpen++;
    const rawStart = skipEol(text, afterOpen);
    if (rawStart === afterOpen && afterOpen < text.length) return none();
    const openLine = lineAt(text, pos);
    let close = -1;
    for (let lineStart = rawStart; ; ) {
      if (text.startsWith(delim, lineStart)) { close = lineStart; break; }
      const nl = text.indexOf('\n', lineStart);
      if (nl === -1) break;
      lineStart = nl + 1;
    }
    if (close === -1) {
      throw new NoteParseError(file, `front matter opened with ${delim} is never closed`, openLine,
        `add a line with ${delim} after the last front matter key`);
    }
    // The raw text excludes the line end before the closing delimiter.
    let rawEnd = close;
    if (text[rawEnd - 1] === '\n') rawEnd--;
    if (text[rawEnd - 1] === '\r') rawEnd--;
    if (rawEnd < rawStart) rawEnd = rawStart;
    const bodyStart = skipEol(text, close + 3);
    return {
      format, raw: text.slice(rawStart, rawEnd), rawStart, rawLine: openLine + 1,
      bodyStart, bodyLine: lineAt(text, bodyStart), body: text.slice(bodyStart), eol, hasBom,
    };
  }
  if (text[pos] === '{') {
    let level = 0;
    let inQuote = false;
    let i = pos;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\\') { i++; continue; }
      if (c === '"') inQuote = !inQuote;
      else if (!inQuote && c === '{') level++;
      else if (!inQuote && c === '}') level--;
      if (level === 0) break;
    }
    if (level !== 0) {
      throw new NoteParseError(file, 'JSON front matter opened with { is never closed', lineAt(text, pos),
        'close the JSON object with a matching }');
    }
    const bodyStart = skipEol(text, i + 1);
    return {
      format: 'json', raw: text.slice(pos, i + 1), rawStart: pos, rawLine: lineAt(text, pos),
      bodyStart, bodyLine: lineAt(text, bodyStart), body: text.slice(bodyStart), eol, hasBom,
    };
  }
  return none();
}

/** An engine that refuses: gray-matter's `js` engine would eval note text. */
const refuse = {
  parse(): never {
    throw new Error('JavaScript front matter is not allowed: a note must never run code');
  },
};

const MATTER_OPTIONS: Record<'yaml', object> = {
  // Passing options also turns off gray-matter's content cache, which would
  // otherwise hand out the same (mutable) data object to every caller.
  // The YAML engine reads YAML 1.1 booleans as Hugo does (yaml.ts).
  yaml: { language: 'yaml', delimiters: '---', engines: { yaml: parseYaml, js: refuse, javascript: refuse } as never },
};

/** gray-matter's call, typed loosely: its typings insist on literal delimiters. */
type MatterFn = (text: string, options: object) => { data: unknown };
let matterFn: MatterFn | undefined;

/**
 * gray-matter, loaded on the first YAML front matter: loading it (with
 * js-yaml and esprima) costs ~20 ms of start-up that commands reading no
 * YAML note should not pay. A plain `require` on purpose: esbuild bundles it
 * as a CommonJS module whose initialisation runs at this call, not when the
 * chunk loads (the bundle defines `require` in its banner, scripts/build.mjs;
 * vitest and Node's CommonJS loader provide their own).
 */
function parseMatter(text: string, options: object): { data: unknown } {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  matterFn ??= require('gray-matter') as MatterFn;
  return matterFn(text, options);
}

interface PositionedError {
  line?: number;
  mark?: { line?: number };
  message?: string;
  reason?: string;
}

/**
 * Parses the raw front matter: TOML with @iarna/toml, YAML through gray-matter
 * (js-yaml's safe loader), JSON with JSON.parse. Throws NoteParseError with
 * the 1-based file line of the problem when the parser reports one.
 */
export function parseFrontMatter(format: FrontMatterFormat, raw: string, file = '<note>', rawLine = 2): Record<string, unknown> {
  try {
    let data: unknown;
    if (format === 'json') {
      data = JSON.parse(raw);
    } else if (format === 'toml') {
      // @iarna/toml directly (gray-matter would only hand it the same text,
      // at ~50 µs more per note; its line numbers then count from raw's first
      // line). It refuses a CR before the line end of a comment ("control
      // characters are not allowed in comments"): CRLF notes are read as LF.
      data = parseToml(raw);
    } else {
      data = parseMatter(`---\n${raw}\n---\n`, MATTER_OPTIONS.yaml).data;
    }
    if (data === null || data === undefined) return {};
    if (typeof data !== 'object' || Array.isArray(data)) {
      throw Object.assign(new Error('front matter is not a table of keys and values'), { line: 0 });
    }
    return data as Record<string, unknown>;
  } catch (err) {
    const e = err as PositionedError;
    let line: number | undefined;
    // gray-matter (YAML) hands the parser the text after the opening
    // delimiter, starting with its line end: parser line 1 (0-based) is raw's
    // first line. @iarna/toml is given raw itself.
    const shift = format === 'yaml' ? -1 : 0;
    if (typeof e.line === 'number') line = rawLine + e.line + shift;
    else if (typeof e.mark?.line === 'number') line = rawLine + e.mark.line + shift;
    else {
      const m = /position (\d+)/.exec(e.message ?? '');
      if (m) line = rawLine + lineAt(raw, Number(m[1])) - 1;
    }
    if (err instanceof RangeError) {
      throw new NoteParseError(file, 'front matter nested too deeply to read', rawLine, 'flatten the front matter');
    }
    const reason = (e.reason ?? e.message ?? String(err)).split('\n')[0]!.replace(/ at row \d+, col \d+, pos \d+:?$/, '');
    const what = { toml: 'TOML', yaml: 'YAML', json: 'JSON' }[format];
    throw new NoteParseError(file, `invalid ${what} front matter: ${reason}`, line, `fix the front matter, then run the command again`);
  }
}
