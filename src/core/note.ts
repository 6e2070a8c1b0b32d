/**
 * The normalized note model: one shape for TOML, YAML, JSON and
 * front-matter-less notes, with the values Hugo would see.
 */
import { splitNote, parseFrontMatter, type FrontMatterFormat, type SplitNote } from './front-matter.js';
import { parseHugoDate } from './dates.js';
import { NoteParseError } from './errors.js';

export interface Note {
  /** Relative to the notebook root, `/` separators. */
  path: string;
  /** Front matter title; else the first `# heading`; else the file name. */
  title: string;
  /** The date as written in the front matter (Hugo's date keys, in Hugo's order), or null. */
  date: string | null;
  /** The instant `date` stands for (a date without offset is UTC, as in Hugo). */
  instant: Date | null;
  tags: string[];
  categories: string[];
  draft: boolean;
  weight: number | null;
  menuTitle: string | null;
  linkTitle: string | null;
  /** The folder the note is in, relative to the root ('' for the root). */
  section: string;
  /** True for `_index.md`: the section's own page (a visit). */
  isSection: boolean;
  format: FrontMatterFormat | null;
  /** Every front matter key; dates as written. */
  frontMatter: Record<string, unknown>;
  body: string;
  /** 1-based line of the file where the body starts. */
  bodyLine: number;
}

/** Hugo's default front matter keys for `.Date`, in the order it tries them. */
const DATE_KEYS = ['date', 'publishdate', 'pubdate', 'published', 'lastmod', 'modified'];

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes a note's bytes as UTF-8. A file with NUL bytes is taken as binary;
 * invalid UTF-8 is an error that says how to convert it.
 */
export function decodeNote(bytes: Uint8Array, file: string): string {
  if (bytes.subarray(0, 8192).includes(0)) {
    throw new NoteParseError(file, 'not a text file (it holds NUL bytes)', undefined, 'move binary files out of the notebook or rename them');
  }
  try {
    return utf8.decode(bytes);
  } catch {
    let bad = 0;
    for (let i = 0, line = 1; i < bytes.length; i++) {
      if (bytes[i] === 10) line++;
      else if (bytes[i]! >= 0x80) { bad = line; break; }
    }
    throw new NoteParseError(file, 'not UTF-8 text', bad || undefined, `convert it, e.g. iconv -f latin1 -t utf-8`);
  }
}

/** Looks a key up case-insensitively, as Hugo does for front matter. */
export function getKey(data: Record<string, unknown>, key: string): unknown {
  if (key in data) return data[key];
  const lower = key.toLowerCase();
  for (const k of Object.keys(data)) if (k.toLowerCase() === lower) return data[k];
  return undefined;
}

/** A case-insensitive view of front matter keys, built once per note. */
function keyLookup(data: Record<string, unknown>): (key: string) => unknown {
  const byLower = new Map<string, unknown>();
  for (const [k, v] of Object.entries(data)) {
    const l = k.toLowerCase();
    if (!byLower.has(l) || k === l) byLower.set(l, v);
  }
  return (key) => byLower.get(key.toLowerCase());
}

/**
 * The text of a top-level scalar as written in the raw front matter
 * (`date = 2023-09-08T22:09:28+02:00` gives that string, offset kept).
 */
export function rawScalar(format: FrontMatterFormat, raw: string, key: string): string | null {
  const lower = key.toLowerCase();
  for (const line of raw.split(/\r?\n/)) {
    if (format === 'toml' && /^\s*\[/.test(line)) return null; // a table: top level is over
    const m = format === 'toml'
      ? /^\s*(?:"([^"]+)"|'([^']+)'|([A-Za-z0-9_-]+))\s*=\s*(.*)$/.exec(line)
      : format === 'yaml'
        ? /^(?:"([^"]+)"|'([^']+)'|([^\s:#][^:]*?))\s*:\s+(.*)$/.exec(line)
        : /^\s*"((?:[^"\\]|\\.)*)"\s*:\s*(.*?),?\s*$/.exec(line);
    if (!m) continue;
    const name = format === 'json' ? m[1]! : (m[1] ?? m[2] ?? m[3])!;
    if (name.toLowerCase() !== lower) continue;
    let value = (format === 'json' ? m[2]! : m[4]!).trim();
    if (/^["']/.test(value)) {
      const q = value[0]!;
      const end = value.indexOf(q, 1);
      return end > 0 ? value.slice(1, end) : value.slice(1);
    }
    value = value.replace(/\s+#.*$/, '').trim();
    return value;
  }
  return null;
}

/**
 * A bare string becomes a one-item list; other scalars become strings. As
 * in Hugo, a map holds no terms and a list inside the list is left out
 * (`tags: [[a, b], c]` is `c`): String() would make `[object Object]` and `a,b`.
 */
export function toList(value: unknown): string[] {
  if (value === undefined || value === null || value === '') return [];
  const items = Array.isArray(value) ? value : [value];
  return items.filter((v) => v !== null && v !== undefined && v !== '' && (typeof v !== 'object' || v instanceof Date)).map((v) => String(v));
}

function toBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  // A string as Hugo reads it (Go's strconv.ParseBool): these spellings only, untrimmed.
  if (typeof value === 'string') {
    if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(value)) return true;
    if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(value)) return false;
  }
  return undefined;
}

function toStr(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'object' ? null : String(value);
}

/** Replaces Date values of the parsed front matter by the text as written. */
function keepDatesAsWritten(format: FrontMatterFormat, raw: string, data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(data)) {
    out[k] = v instanceof Date ? rawScalar(format, raw, k) ?? v.toISOString() : normalizeNested(v);
  }
  return out;
}

function normalizeNested(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  // TOML integers beyond 2^53 come back as BigInt, which JSON cannot hold:
  // a number when exact, else the digits as a string.
  if (typeof v === 'bigint') return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (Array.isArray(v)) return v.map(normalizeNested);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, normalizeNested(x)]));
  return v;
}

/** Deeper front matter than this is refused: nothing real nests so deep, and printing it would overflow the stack. */
export const MAX_DEPTH = 100;

/** The nesting depth of a parsed value, computed without recursion. */
function depthOf(value: unknown): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (d > max) max = d;
    if (max > MAX_DEPTH) return max;
    if (v && typeof v === 'object' && !(v instanceof Date)) for (const x of Object.values(v)) stack.push([x, d + 1]);
  }
  return max;
}

/** Title of a note without one: its first `# heading`, else the file name. */
function fallbackTitle(body: string, path: string): string {
  const m = /^#\s+(.+?)\s*#*\s*$/m.exec(body);
  if (m) return m[1]!;
  const base = path.split('/').pop()!.replace(/\.md$/i, '');
  return base === '_index' ? path.split('/').slice(-2, -1)[0] ?? base : base;
}

/** A note's parts and its front matter as the parser gives it, refused when nested too deep. */
function splitAndParse(path: string, text: string): { split: SplitNote; data: Record<string, unknown> } {
  const split = splitNote(text, path);
  const data = split.format ? parseFrontMatter(split.format, split.raw, path, split.rawLine) : {};
  if (depthOf(data) > MAX_DEPTH) {
    throw new NoteParseError(path, `front matter nested deeper than ${MAX_DEPTH} levels`, split.rawLine, 'flatten the front matter');
  }
  return { split, data };
}

/** What a front matter edit needs of a note: its parts, its parsed front matter, and its tags. */
export interface FrontMatterView {
  split: SplitNote;
  /** The front matter as the parser gives it (dates as Date objects, big integers as BigInt). */
  data: Record<string, unknown>;
  /** The key `tags` is read from (Hugo's case-insensitive lookup), if any. */
  tagKey: string | undefined;
  /** As Note.tags. */
  tags: string[];
}

/**
 * The front matter of a note, without the rest of parseNote's work (dates,
 * title, the body's heading): a tag edit parses every note it touches twice,
 * and on 1,000 notes that work was a fifth of the command's time. Same
 * errors as parseNote; the tags are the ones parseNote gives.
 */
export function parseFrontMatterView(path: string, text: string): FrontMatterView {
  const { split, data } = splitAndParse(path, text);
  let tagKey: string | undefined = 'tags' in data ? 'tags' : undefined;
  if (!tagKey) for (const k of Object.keys(data)) if (k.toLowerCase() === 'tags') { tagKey = k; break; }
  let value = tagKey === undefined ? undefined : data[tagKey];
  // As keepDatesAsWritten would have it (a date as a tag: rare, but the same answer as parseNote).
  if (value instanceof Date) value = rawScalar(split.format!, split.raw, tagKey!) ?? value.toISOString();
  else value = normalizeNested(value);
  return { split, data, tagKey, tags: toList(value) };
}

/** Parses a note's text into the normalized model. Throws NoteParseError. */
export function parseNote(path: string, text: string): Note {
  const { split, data: parsed } = splitAndParse(path, text);
  const fm = split.format ? keepDatesAsWritten(split.format, split.raw, parsed) : {};
  const get = keyLookup(fm);
  let date: string | null = null;
  for (const key of DATE_KEYS) {
    const v = get(key);
    if (v === undefined || v === null || v === '' || typeof v === 'boolean') continue;
    date = typeof v === 'object' ? null : String(v);
    if (date) break;
  }
  const title = toStr(get('title'));
  const rawWeight = get('weight');
  const weight = Number(rawWeight);
  const draft = toBool(get('draft'));
  const published = toBool(get('published'));
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1);
  return {
    path,
    title: title && title.trim() ? title : fallbackTitle(split.body, path),
    date,
    instant: date ? parseHugoDate(date) : null,
    tags: toList(get('tags')),
    categories: toList(get('categories')),
    draft: draft ?? (published === undefined ? false : !published),
    weight: Number.isFinite(weight) && rawWeight !== undefined && rawWeight !== null && rawWeight !== '' ? Math.trunc(weight) : null,
    menuTitle: toStr(get('menuTitle')),
    linkTitle: toStr(get('linkTitle')),
    section: slash === -1 ? '' : path.slice(0, slash),
    isSection: file === '_index.md',
    format: split.format,
    frontMatter: fm,
    body: split.body,
    bodyLine: split.bodyLine,
  };
}
