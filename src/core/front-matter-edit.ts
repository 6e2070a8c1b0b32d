/**
 * Surgical edits of a note's `tags`: text in, text out. Only the value of the
 * top-level `tags` key changes; every other byte (other keys, their order,
 * quotes, comments, blank lines, date offsets, the body, CRLF, the BOM) is
 * kept. Serializers cannot do this: gray-matter's stringify rewrites dates
 * and quotes (../shared/LIBRARY-NOTES.md), Hugo's own tools reorder keys and
 * drop comments (Hugo #10937, #2230, #2745).
 *
 * How: find the top-level `tags` value in the raw front matter (TOML array,
 * multi-line included, or bare string; YAML flow list, block list or bare
 * scalar; JSON array or string), split it into items and the separators
 * between them, and rebuild only that span, in the style the note uses
 * (quotes and separators copied from neighbouring items). The result is
 * checked: anything but the tags differing is an error, never a write. The
 * check parses the whole result again (verifyTagEdit), except for a
 * one-line TOML value replaced by another, where parsing the new value and
 * cross-checking the old one is as sure (oneLineTomlSwap).
 */
import type { FrontMatterFormat } from './front-matter.js';
import { parseFrontMatterView, toList, type FrontMatterView } from './note.js';
import { parseToml } from './toml.js';
import { NotesError } from './errors.js';

/** A tag edit the note cannot take (an unusual tags value, or a failed check). */
export class TagEditError extends NotesError {}

export type TagOp =
  | { kind: 'add'; tags: string[] }
  | { kind: 'remove'; tags: string[] }
  | { kind: 'rename'; from: string; to: string };

export interface TagEditResult {
  text: string;
  before: string[];
  after: string[];
  changed: boolean;
}

export interface TagEditOptions {
  /** Format of the front matter to create when the note has none. */
  format?: FrontMatterFormat;
  /** Path for messages. */
  path?: string;
}

type Quote = '"' | "'" | '' | 'bare';

interface Item {
  start: number;
  end: number;
  value: string;
  quote: Quote;
}

/** A list value: `[a, b]` (array) or the items of a YAML block list (block). */
interface ListSpan {
  kind: 'array' | 'block';
  /** Region replaced when rebuilding (array: `[`..`]` inclusive). */
  start: number;
  end: number;
  prefix: string;
  items: Item[];
  seps: string[];
  suffix: string;
}

/** A single scalar (`tags = "x"`), or an empty value (`tags:`, `~`, `""`). */
interface ScalarSpan {
  kind: 'scalar';
  start: number;
  end: number;
  item: Item | null;
  /** Text to put before a value written into an empty span (YAML `tags:` → ` `). */
  lead: string;
}

type TagsSpan = ListSpan | ScalarSpan;

interface Located {
  span: TagsSpan | null;
  /** The key whose value the span is (TOML). */
  key?: string;
  /** Offset in raw where a new `tags` line goes. */
  insertAt: number;
  /** The new line goes before the line at insertAt (else after the line ending there). */
  insertBefore?: boolean;
  /** JSON: what goes between the last member and the new one. */
  jsonLead?: string;
}

const ci = (s: string) => s.toLowerCase();

// ---------------------------------------------------------------- operations

/** Which items stay (with a new text for renamed ones) and which tags are appended. */
interface Plan {
  keep: Array<{ index: number; replace?: string }>;
  append: string[];
}

function plan(values: string[], op: TagOp): Plan {
  const all = values.map((_, index) => ({ index } as { index: number; replace?: string }));
  switch (op.kind) {
    case 'add': {
      const have = new Set(values.map(ci));
      const append: string[] = [];
      for (const t of op.tags) if (!have.has(ci(t))) { have.add(ci(t)); append.push(t); }
      return { keep: all, append };
    }
    case 'remove': {
      const drop = new Set(op.tags.map(ci));
      return { keep: all.filter((k) => !drop.has(ci(values[k.index]!))), append: [] };
    }
    case 'rename': {
      const olds = all.filter((k) => ci(values[k.index]!) === ci(op.from));
      if (!olds.length) return { keep: all, append: [] };
      const hasNew = ci(op.from) !== ci(op.to) && values.some((v) => ci(v) === ci(op.to));
      const first = olds[0]!.index;
      const keep = all.filter((k) => !olds.includes(k) || (!hasNew && k.index === first));
      if (!hasNew) keep.find((k) => k.index === first)!.replace = op.to;
      return { keep, append: [] };
    }
  }
}

/** The tags after applying `op` to `values` (what the edit must produce). */
export function applyTagOp(values: string[], op: TagOp): string[] {
  const p = plan(values, op);
  return [...p.keep.map((k) => k.replace ?? values[k.index]!), ...p.append];
}

// ------------------------------------------------------------------ quoting

const YAML_RESERVED = /^(?:true|false|yes|no|on|off|y|n|null|~|[-+]?(?:\.inf|\.nan)|[-+]?[0-9][0-9_.:eE+-]*|0x[0-9a-f]+|0o[0-7]+)$/i;

function basic(s: string): string {
  // JSON's escapes are valid TOML basic strings and YAML double-quoted ones.
  return JSON.stringify(s).replace(/\u007f/g, '\\u007f');
}

/** A tag as a literal of `format`, in `quote` style where the tag allows it. */
function render(format: FrontMatterFormat, tag: string, quote: Quote, inFlow: boolean): string {
  if (format === 'json') return basic(tag);
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u001f\u007f]/.test(tag);
  if (quote === "'" && !control) {
    if (format === 'toml' && !tag.includes("'")) return `'${tag}'`;
    if (format === 'yaml') return `'${tag.replace(/'/g, "''")}'`;
  }
  if (format === 'yaml' && quote === '' && !control && isPlainYaml(tag, inFlow)) return tag;
  return basic(tag);
}

function isPlainYaml(s: string, inFlow: boolean): boolean {
  if (!s || s !== s.trim() || YAML_RESERVED.test(s)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(s)) return false;
  if (/: |\s#|:$/.test(s)) return false;
  if (inFlow && /[,[\]{}]/.test(s)) return false;
  return true;
}

// ----------------------------------------------------------------- scanning

function fail(path: string, what: string): never {
  throw new TagEditError(`${path}: cannot edit its tags: ${what}`, { hint: 'edit the tags of this note by hand' });
}

function skipQuoted(raw: string, i: number, path: string): number {
  const q = raw[i]!;
  if (raw.startsWith(q.repeat(3), i) && q !== '`') {
    // A multi-line string: a backslash escapes the next character in a
    // basic one (a quote after it does not end the string), and up to two
    // more quotes may stand just inside the closing delimiter.
    for (let j = i + 3; j < raw.length; j++) {
      if (q === '"' && raw[j] === '\\') { j++; continue; }
      if (raw.startsWith(q.repeat(3), j)) {
        let e = j + 3;
        while (raw[e] === q && e < j + 5) e++;
        return e;
      }
    }
    return fail(path, 'an unclosed multi-line string');
  }
  for (let j = i + 1; j < raw.length; j++) {
    if (raw[j] === '\\' && q === '"') { j++; continue; }
    if (raw[j] === q) {
      if (q === "'" && raw[j + 1] === "'" && raw.length > j + 1) { j++; continue; } // YAML '' escape
      return j + 1;
    }
    if (raw[j] === '\n' && q !== '"') break;
  }
  return fail(path, 'an unclosed string');
}

/** A TOML single-quoted string ends at the next quote (no '' escape there). */
function skipTomlString(raw: string, i: number, path: string): number {
  if (raw[i] === "'" && !raw.startsWith("'''", i)) {
    const end = raw.indexOf("'", i + 1);
    if (end === -1) fail(path, 'an unclosed string');
    return end + 1;
  }
  return skipQuoted(raw, i, path);
}

/** Escapes of TOML and YAML double-quoted strings that JSON lacks, as JSON escapes. */
const NON_JSON_ESCAPES: Record<string, string> = {
  '0': '\\u0000', a: '\\u0007', e: '\\u001b', v: '\\u000b', N: '\\u0085', _: '\\u00a0', L: '\\u2028', P: '\\u2029', ' ': ' ', '\t': '\\t',
};

/**
 * A double-quoted string's value: its escapes (`\u0061`, TOML's `\U0001F600`,
 * YAML's `\x61`, `\e`...) decoded through JSON. Each backslash is taken with
 * the character after it, so `\\x61` stays a backslash and `x61`. An escape
 * that cannot be decoded leaves the text as written (the edit's check then
 * refuses the note rather than guess).
 */
function unquoteDouble(text: string): string {
  const json = text.replace(/\\(x[0-9a-fA-F]{2}|U[0-9a-fA-F]{8}|[\s\S])/g, (all, e: string) => {
    if (e[0] === 'x' && e.length === 3) return `\\u00${e.slice(1)}`;
    if (e[0] === 'U' && e.length === 9) {
      const cp = parseInt(e.slice(1), 16);
      return cp <= 0x10ffff ? JSON.stringify(String.fromCodePoint(cp)).slice(1, -1) : all;
    }
    return NON_JSON_ESCAPES[e] ?? all;
  });
  try { return JSON.parse(json) as string; } catch { return text.slice(1, -1); }
}

function unquote(text: string, quote: Quote, format: FrontMatterFormat): string {
  if (quote === '"') return unquoteDouble(text);
  if (quote === "'") return format === 'yaml' ? text.slice(1, -1).replace(/''/g, "'") : text.slice(1, -1);
  return text;
}

/**
 * Splits a flow array `[ ... ]` starting at `open` into items and separators.
 * Strings and plain scalars are items; nested lists or tables are refused.
 */
function scanArray(raw: string, open: number, format: FrontMatterFormat, path: string): ListSpan {
  const items: Item[] = [];
  let i = open + 1;
  for (;;) {
    while (i < raw.length && /[\s,]/.test(raw[i]!)) i++;
    if (raw[i] === '#' && format !== 'json') { while (i < raw.length && raw[i] !== '\n') i++; continue; }
    if (i >= raw.length) fail(path, 'an unclosed list');
    const c = raw[i]!;
    if (c === ']') break;
    if (c === '[' || c === '{') fail(path, 'a nested list or table among the tags');
    const start = i;
    let quote: Quote;
    if (c === '"' || c === "'") {
      i = format === 'toml' ? skipTomlString(raw, i, path) : skipQuoted(raw, i, path);
      if (raw.startsWith(c.repeat(3), start)) fail(path, 'a multi-line string among the tags');
      quote = c;
    } else {
      while (i < raw.length && !/[,\]\n\r]/.test(raw[i]!) && !(raw[i] === '#' && /\s/.test(raw[i - 1]!))) i++;
      while (i > start && /\s/.test(raw[i - 1]!)) i--;
      quote = format === 'yaml' ? '' : 'bare';
    }
    const text = raw.slice(start, i);
    items.push({ start, end: i, value: quote === 'bare' ? text : unquote(text, quote, format), quote });
  }
  const close = i;
  return withSeps({ kind: 'array', start: open, end: close + 1, items, prefix: '', seps: [], suffix: '' }, raw, open + 1, close);
}

function withSeps(span: ListSpan, raw: string, innerStart: number, innerEnd: number): ListSpan {
  const { items } = span;
  if (!items.length) return { ...span, prefix: raw.slice(innerStart, innerEnd) };
  span.prefix = raw.slice(innerStart, items[0]!.start);
  span.seps = items.slice(1).map((it, k) => raw.slice(items[k]!.end, it.start));
  span.suffix = raw.slice(items[items.length - 1]!.end, innerEnd);
  return span;
}

const lineEndAt = (raw: string, i: number) => { const n = raw.indexOf('\n', i); return n === -1 ? raw.length : n; };
const stripCr = (raw: string, end: number) => (raw[end - 1] === '\r' ? end - 1 : end);

// TOML ----------------------------------------------------------------------

/** End of a TOML value starting at `i` (strings, arrays, inline tables, scalars). */
function skipTomlValue(raw: string, i: number, path: string): number {
  const c = raw[i];
  if (c === '"' || c === "'") return skipTomlString(raw, i, path);
  if (c === '[' || c === '{') {
    let depth = 0;
    for (let j = i; j < raw.length; j++) {
      const d = raw[j]!;
      if (d === '"' || d === "'") { j = skipTomlString(raw, j, path) - 1; continue; }
      if (d === '#') { j = lineEndAt(raw, j) - 1; continue; }
      if (d === '[' || d === '{') depth++;
      else if (d === ']' || d === '}') { depth--; if (depth === 0) return j + 1; }
    }
    return fail(path, 'an unclosed list or table');
  }
  let end = stripCr(raw, lineEndAt(raw, i));
  const hash = raw.slice(i, end).indexOf('#');
  if (hash !== -1) end = i + hash;
  while (end > i && /\s/.test(raw[end - 1]!)) end--;
  return end;
}

interface Entry { key: string; lineStart: number; valueStart: number; valueEnd: number; lineEnd: number }

function tomlEntries(raw: string, path: string): { entries: Entry[]; tableAt: number } {
  const entries: Entry[] = [];
  let i = 0;
  while (i < raw.length) {
    const lineStart = i;
    while (raw[i] === ' ' || raw[i] === '\t') i++;
    const c = raw[i];
    if (c === undefined) break;
    if (c === '\n' || c === '\r' || c === '#') { i = lineEndAt(raw, i) + 1; continue; }
    if (c === '[') return { entries, tableAt: lineStart };
    const keyRe = /(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([A-Za-z0-9_-]+))(\s*\.\s*(?:"(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+))*\s*=[ \t]*/y;
    keyRe.lastIndex = i;
    const m = keyRe.exec(raw);
    if (!m) fail(path, `cannot read the TOML line ${raw.slice(lineStart, lineEndAt(raw, lineStart)).trim()}`);
    const key = m[4] ? '' : (m[1] ?? m[2] ?? m[3])!; // dotted keys are never the top-level tags
    const valueStart = keyRe.lastIndex;
    const valueEnd = skipTomlValue(raw, valueStart, path);
    const lineEnd = stripCr(raw, lineEndAt(raw, valueEnd));
    entries.push({ key, lineStart, valueStart, valueEnd, lineEnd });
    i = lineEnd === raw.length ? raw.length : lineEndAt(raw, valueEnd) + 1;
  }
  return { entries, tableAt: -1 };
}

function pickKey<T extends { key: string }>(entries: T[]): T | undefined {
  return entries.find((e) => e.key === 'tags') ?? entries.find((e) => ci(e.key) === 'tags');
}

function locateToml(raw: string, path: string): Located {
  const { entries, tableAt } = tomlEntries(raw, path);
  const last = entries[entries.length - 1];
  if (!last) return { span: null, insertAt: tableAt === -1 ? raw.length : tableAt, insertBefore: tableAt !== -1 || !raw.trim() };
  const insertAt = last.lineEnd;
  const e = pickKey(entries);
  if (!e) return { span: null, insertAt };
  const c = raw[e.valueStart];
  if (c === '[') return { span: scanArray(raw, e.valueStart, 'toml', path), key: e.key, insertAt };
  if (c === '"' || c === "'") {
    if (raw.startsWith(c.repeat(3), e.valueStart)) fail(path, 'tags written as a multi-line string');
    const text = raw.slice(e.valueStart, e.valueEnd);
    const value = unquote(text, c, 'toml');
    return { span: { kind: 'scalar', start: e.valueStart, end: e.valueEnd, item: value ? { start: e.valueStart, end: e.valueEnd, value, quote: c } : null, lead: '' }, key: e.key, insertAt };
  }
  return fail(path, `tags is not a list or a string (${raw.slice(e.valueStart, e.valueEnd)})`);
}

// YAML ----------------------------------------------------------------------

const YAML_KEY = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"\-?:,[\]{}&*!|>%@`][^#]*?|-[^\s#][^#]*?))[ \t]*:(?=[ \t]|\r?$)/;

function locateYaml(raw: string, path: string): Located {
  const lines: Array<{ start: number; end: number; text: string }> = [];
  for (let s = 0; s <= raw.length; ) {
    const n = lineEndAt(raw, s);
    lines.push({ start: s, end: stripCr(raw, n), text: raw.slice(s, stripCr(raw, n)) });
    if (n >= raw.length) break;
    s = n + 1;
  }
  let insertAt = -1;
  let found: { line: number; after: number } | null = null;
  for (let k = 0; k < lines.length; k++) {
    const { text, start, end } = lines[k]!;
    if (text.trim() && !/^\s*#/.test(text)) insertAt = end;
    if (found || /^[\s#]/.test(text) || !text) continue;
    const m = YAML_KEY.exec(text);
    if (!m) continue;
    const key = m[1] ?? m[2] ?? m[3]!;
    if (key === 'tags' || (ci(key) === 'tags' && !found)) found = { line: k, after: start + m[0].length };
  }
  if (!found) return insertAt === -1 ? { span: null, insertAt: 0, insertBefore: true } : { span: null, insertAt };
  const line = lines[found.line]!;
  let v = found.after;
  while (raw[v] === ' ' || raw[v] === '\t') v++;
  const c = raw[v];
  const restEnd = line.end;
  const isEmpty = v >= restEnd || c === '#';
  if (isEmpty) {
    // A block list on the next lines, or nothing (null).
    const items: Item[] = [];
    let indent: string | null = null;
    // The end of the last item's line: its comment, if any, belongs to it (see rebuildBlock).
    let lastEnd = found.after;
    for (let k = found.line + 1; k < lines.length; k++) {
      const { text, start } = lines[k]!;
      if (!text.trim() || /^\s*#/.test(text)) continue;
      const m = /^([ \t]*)-(?:[ \t]+|$)/.exec(text);
      if (!m || (indent !== null && m[1] !== indent)) {
        if (indent !== null && /^[ \t]/.test(text) && text.match(/^[ \t]*/)![0].length > indent.length) fail(path, 'a tags list item that spans lines');
        break;
      }
      if (indent === null) {
        if (m[1]!.length === 0 && /^[ \t]/.test(text)) break;
        indent = m[1]!;
      }
      const itemStart = start + m[0].length;
      const item = yamlScalar(raw, itemStart, lines[k]!.end, path);
      if (!item) fail(path, 'an empty tags list item');
      items.push(item);
      lastEnd = lines[k]!.end;
    }
    if (!items.length) return { span: { kind: 'scalar', start: found.after, end: found.after, item: null, lead: ' ' }, insertAt };
    const span = withSeps({ kind: 'block', start: found.after, end: lastEnd, items, prefix: '', seps: [], suffix: '' }, raw, found.after, lastEnd);
    return { span, insertAt };
  }
  if (c === '[') return { span: scanArray(raw, v, 'yaml', path), insertAt };
  if (c && '{&*!|>'.includes(c)) fail(path, `tags written as YAML ${c === '{' ? 'map' : c === '&' || c === '*' ? 'anchor or alias' : c === '!' ? 'with a type tag' : 'block scalar'}`);
  const next = lines[found.line + 1];
  if (next && /^[ \t]+\S/.test(next.text) && !/^\s*#/.test(next.text)) fail(path, 'tags written over several lines');
  const item = yamlScalar(raw, v, restEnd, path);
  if (!item || (item.quote === '' && /^(?:~|null)$/i.test(item.value))) {
    return { span: { kind: 'scalar', start: v, end: item ? item.end : v, item: null, lead: item ? '' : ' ' }, insertAt };
  }
  return { span: { kind: 'scalar', start: v, end: item.end, item: item.value ? item : null, lead: '' }, insertAt };
}

/** One YAML scalar between `i` and `lineEnd` (quoted or plain, comment excluded). */
function yamlScalar(raw: string, i: number, lineEnd: number, path: string): Item | null {
  const c = raw[i];
  if (c === '"' || c === "'") {
    const end = skipQuoted(raw, i, path);
    if (end > lineEnd) fail(path, 'a quoted tag over several lines');
    const text = raw.slice(i, end);
    return { start: i, end, value: unquote(text, c, 'yaml'), quote: c };
  }
  if (c && '[{&*!|>'.includes(c)) fail(path, 'a tags list item that is not a plain tag');
  let end = i;
  while (end < lineEnd && !(raw[end] === '#' && /\s/.test(raw[end - 1]!))) end++;
  while (end > i && /\s/.test(raw[end - 1]!)) end--;
  if (end === i) return null;
  return { start: i, end, value: raw.slice(i, end), quote: '' };
}

// JSON ----------------------------------------------------------------------

function skipJsonValue(raw: string, i: number, path: string): number {
  const c = raw[i];
  if (c === '"') return skipQuoted(raw, i, path);
  if (c === '[' || c === '{') {
    let depth = 0;
    for (let j = i; j < raw.length; j++) {
      const d = raw[j]!;
      if (d === '"') { j = skipQuoted(raw, j, path) - 1; continue; }
      if (d === '[' || d === '{') depth++;
      else if (d === ']' || d === '}') { depth--; if (depth === 0) return j + 1; }
    }
    return fail(path, 'an unclosed JSON value');
  }
  let j = i;
  while (j < raw.length && !/[\s,}\]]/.test(raw[j]!)) j++;
  return j;
}

function locateJson(raw: string, path: string): Located {
  const entries: Entry[] = [];
  let i = raw.indexOf('{') + 1;
  let lastEnd = i;
  const open = i - 1;
  for (;;) {
    while (i < raw.length && /[\s,]/.test(raw[i]!)) i++;
    if (i >= raw.length || raw[i] === '}') break;
    if (raw[i] !== '"') fail(path, 'cannot read the JSON front matter');
    const keyEnd = skipQuoted(raw, i, path);
    const key = unquote(raw.slice(i, keyEnd), '"', 'json');
    let j = keyEnd;
    while (/\s/.test(raw[j] ?? '')) j++;
    if (raw[j] !== ':') fail(path, 'cannot read the JSON front matter');
    j++;
    while (/\s/.test(raw[j] ?? '')) j++;
    const valueEnd = skipJsonValue(raw, j, path);
    let ls = i;
    while (ls > 0 && raw[ls - 1] !== '\n') ls--;
    entries.push({ key, lineStart: ls, valueStart: j, valueEnd, lineEnd: i }); // lineEnd: where the key starts
    lastEnd = valueEnd;
    i = valueEnd;
  }
  const e = pickKey(entries);
  if (!e) {
    const last = entries[entries.length - 1];
    if (!last) return { span: null, insertAt: open + 1, jsonLead: raw.includes('\n') ? '\n  ' : '' };
    // Multi-line objects get the new member on its own line, indented like the last one.
    const lead = last.lineStart > open ? `,\n${/^[ \t]*/.exec(raw.slice(last.lineStart, last.lineEnd))![0]}` : ', ';
    return { span: null, insertAt: lastEnd, jsonLead: lead };
  }
  const c = raw[e.valueStart];
  if (c === '[') return { span: scanArray(raw, e.valueStart, 'json', path), insertAt: lastEnd };
  if (c === '"') {
    const text = raw.slice(e.valueStart, e.valueEnd);
    const value = unquote(text, '"', 'json');
    return { span: { kind: 'scalar', start: e.valueStart, end: e.valueEnd, item: value ? { start: e.valueStart, end: e.valueEnd, value, quote: '"' } : null, lead: '' }, insertAt: lastEnd };
  }
  if (raw.slice(e.valueStart, e.valueEnd) === 'null') return { span: { kind: 'scalar', start: e.valueStart, end: e.valueEnd, item: null, lead: '' }, insertAt: lastEnd };
  return fail(path, `tags is not a list or a string (${raw.slice(e.valueStart, e.valueEnd)})`);
}

// -------------------------------------------------------------- rebuilding

/** The separator to put between two appended items of a flow array (block lists: rebuildBlock). */
function joiner(span: ListSpan): string {
  if (span.seps.length) return span.seps[span.seps.length - 1]!;
  const nl = span.prefix.lastIndexOf('\n');
  if (nl !== -1) return `,${span.prefix.slice(span.prefix[nl - 1] === '\r' ? nl - 1 : nl)}`;
  return ', ';
}

function freshList(format: FrontMatterFormat, tags: string[], quote: Quote): string {
  const q: Quote = format === 'yaml' ? quote : quote === '' || quote === 'bare' ? '"' : quote;
  return `[${tags.map((t) => render(format, t, q, true)).join(', ')}]`;
}


function rebuildList(raw: string, span: ListSpan, p: Plan, format: FrontMatterFormat): string {
  const { items } = span;
  const inFlow = span.kind === 'array';
  const parts: string[] = [];
  const styleOf = (k: number) => items[k]!.quote;
  for (let n = 0; n < p.keep.length; n++) {
    const k = p.keep[n]!;
    const it = items[k.index]!;
    parts.push(k.replace === undefined ? raw.slice(it.start, it.end) : render(format, k.replace, it.quote === 'bare' ? '"' : it.quote, inFlow));
  }
  // New tags in an empty list get double quotes, as `notes new` writes them.
  const lastQuote: Quote = items.length ? styleOf(items.length - 1) : '"';
  for (const t of p.append) parts.push(render(format, t, lastQuote === 'bare' ? '"' : lastQuote, inFlow));
  // A block list emptied: `tags: []`, keeping a comment on the `tags:` line.
  if (!parts.length) return span.kind === 'block' ? ` []${lineRest(span.prefix)}` : '[]';
  if (!items.length) {
    // An empty array: keep its inner spacing only when it spans lines.
    return `[${parts.join(', ')}]`;
  }
  if (span.kind === 'block') return rebuildBlock(span, parts, p);
  const lastKept = p.keep[p.keep.length - 1];
  const nl = span.suffix.lastIndexOf('\n');
  if (span.kind === 'array' && p.append.length && lastKept?.index === items.length - 1 && nl !== -1) {
    // A multi-line array: new items go on lines of their own after the last
    // one, which keeps its comment; a trailing comma stays trailing.
    const cut = span.suffix[nl - 1] === '\r' ? nl - 1 : nl;
    const head = span.suffix.slice(0, cut);
    const tail = span.suffix.slice(cut);
    const trailing = head.trimStart().startsWith(',');
    const j = joiner(span);
    const lineLead = j.slice(j.lastIndexOf('\n') - (j[j.lastIndexOf('\n') - 1] === '\r' ? 1 : 0));
    const kept = parts.slice(0, p.keep.length);
    const added = parts.slice(p.keep.length);
    let out = span.prefix;
    kept.forEach((part, n) => { out += part + (n < kept.length - 1 ? span.seps[p.keep[n]!.index]! : ''); });
    out += trailing ? head : `,${head}`;
    out += added.map((a) => lineLead + a).join(',');
    return `[${out}${trailing ? ',' : ''}${tail}]`;
  }
  let out = span.prefix;
  for (let n = 0; n < parts.length; n++) {
    out += parts[n];
    if (n === parts.length - 1) break;
    const k = p.keep[n];
    // What followed this item: whole, when the next kept item followed it too;
    // else without the comment lines that stood before a removed item.
    const next = p.keep[n + 1];
    if (!k || k.index === items.length - 1) {
      // After the last item, or between new ones: no item's comment to copy.
      out += withoutComments(joiner(span));
      continue;
    }
    const orig = span.seps[k.index]!;
    out += next && next.index === k.index + 1 ? orig : withoutCommentLines(orig);
  }
  out += span.suffix;
  return `[${out}]`;
}

/** A separator with every comment taken out (the whole lines, and one after an item on its line). */
function withoutComments(sep: string): string {
  return withoutCommentLines(sep).replace(/[ \t]*#[^\r\n]*/, '');
}

/**
 * A separator between two items without the whole lines inside it (comment
 * lines): what ends the first item's line (a comma, its comment), the line
 * break, and what leads the next item's line. Unchanged on one line.
 */
function withoutCommentLines(sep: string): string {
  const first = sep.indexOf('\n');
  return first === -1 ? sep : sep.slice(0, first + 1) + sep.slice(sep.lastIndexOf('\n') + 1);
}

/** The part of `s` before its first line break: what ends the line it starts on (a comment). */
function lineRest(s: string): string {
  const nl = s.indexOf('\n');
  return nl === -1 ? s : s.slice(0, s[nl - 1] === '\r' ? nl - 1 : nl);
}

/**
 * A YAML block list, one item a line. Each kept item keeps the rest of its
 * line (a comment: seps hold it, and the suffix the last item's) and the
 * comment lines right above it, which are about it; a removed item takes
 * both with it. New items go on lines of their own after the last item's
 * line, with the list's indentation and `- `, and no copy of any comment.
 */
function rebuildBlock(span: ListSpan, parts: string[], p: Plan): string {
  const { items, seps } = span;
  const last = items.length - 1;
  const ownLine = (k: number) => lineRest(k < last ? seps[k]! : span.suffix);
  // The line break before item j, the comment lines above it, and its `- `.
  const before = (j: number) => { const s = j === 0 ? span.prefix : seps[j - 1]!; return s.slice(lineRest(s).length); };
  const lastSep = seps.length ? seps[seps.length - 1]! : span.prefix;
  const nl = lastSep.lastIndexOf('\n');
  const newLine = (lastSep[nl - 1] === '\r' ? '\r\n' : '\n') + lastSep.slice(nl + 1);
  // The rest of the `tags:` line (its comment) stays whatever goes.
  let out = lineRest(span.prefix);
  for (let n = 0; n < parts.length; n++) {
    const k = p.keep[n];
    out += (k ? before(k.index) : newLine) + parts[n]!;
    if (k) out += ownLine(k.index);
  }
  return out;
}

function newKeyLine(format: FrontMatterFormat, tags: string[]): string {
  if (format === 'toml') return `tags = ${freshList('toml', tags, '"')}`;
  if (format === 'yaml') return `tags: ${freshList('yaml', tags, '"')}`;
  return `"tags": ${freshList('json', tags, '"')}`;
}

/**
 * Applies `op` to the tags of the note `text` and returns the new text,
 * changed only in the tags value (or by a new `tags` key, or by new front
 * matter in `opts.format` when the note has none). Throws TagEditError when
 * the tags value has a form it cannot edit safely, or when the re-parsed
 * result differs in anything but the tags.
 */
export function editTags(text: string, op: TagOp, opts: TagEditOptions = {}): TagEditResult {
  const path = opts.path ?? '<note>';
  const before = parseFrontMatterView(path, text);
  const { split } = before;
  const beforeTags = before.tags;
  const wanted = applyTagOp(beforeTags, op);
  if (same(wanted, beforeTags)) return { text, before: beforeTags, after: beforeTags, changed: false };

  let out: string;
  // Set when the one-line TOML check (oneLineTomlSwap) has checked the edit already.
  let checked = false;
  if (!split.format) {
    const format = opts.format ?? 'toml';
    const { eol } = split;
    const fm = format === 'toml' ? `+++${eol}${newKeyLine('toml', wanted)}${eol}+++${eol}`
      : format === 'yaml' ? `---${eol}${newKeyLine('yaml', wanted)}${eol}---${eol}`
        : `{${eol}  ${newKeyLine('json', wanted)}${eol}}${eol}`;
    const at = split.hasBom ? 1 : 0;
    out = text.slice(0, at) + fm + text.slice(at);
  } else {
    const raw = split.raw;
    const format = split.format;
    const loc = format === 'toml' ? locateToml(raw, path) : format === 'yaml' ? locateYaml(raw, path) : locateJson(raw, path);
    let newRaw: string;
    let newValue: string | undefined;
    const span = loc.span;
    if (!span) {
      const line = newKeyLine(format, wanted);
      const at = loc.insertAt;
      if (loc.jsonLead !== undefined) newRaw = raw.slice(0, at) + loc.jsonLead.replace('\n', split.eol) + line + raw.slice(at);
      else if (format === 'json') newRaw = raw.slice(0, at) + line + raw.slice(at);
      else if (!raw) newRaw = line;
      else if (loc.insertBefore) newRaw = raw.slice(0, at) + line + split.eol + raw.slice(at);
      else newRaw = raw.slice(0, at) + split.eol + line + raw.slice(at);
    } else if (span.kind === 'scalar') {
      const values = span.item ? [span.item.value] : [];
      const p = plan(values, op);
      const tags = [...p.keep.map((k) => k.replace ?? values[k.index]!), ...p.append];
      const quote: Quote = span.item ? span.item.quote : '"';
      let value: string;
      if (tags.length === 1 && span.item) value = p.keep.length === 1 && p.keep[0]!.replace === undefined ? raw.slice(span.item.start, span.item.end) : render(format, tags[0]!, quote, false);
      else value = freshList(format, tags, quote);
      newValue = span.lead + value;
      newRaw = raw.slice(0, span.start) + newValue + raw.slice(span.end);
    } else {
      const p = plan(span.items.map((it) => it.value), op);
      newValue = rebuildList(raw, span, p, format);
      newRaw = raw.slice(0, span.start) + newValue + raw.slice(span.end);
    }
    checked = format === 'toml' && span !== null && newValue !== undefined && loc.key === before.tagKey && oneLineTomlSwap(raw, span, newValue, before.tags, wanted);
    // An empty raw sits right at the closing delimiter: keep a line end before it.
    if (!raw && newRaw) newRaw += split.eol;
    out = text.slice(0, split.rawStart) + newRaw + text.slice(split.rawStart + raw.length);
  }
  if (!checked) verifyTagEdit(out, before, wanted, path);
  return { text: out, before: beforeTags, after: wanted, changed: out !== text };
}

/**
 * The check of verifyTagEdit without parsing the note again, where TOML's
 * grammar makes it sure: one value on one line (`tags = [...]` at the top
 * level) replaced by another value on one line changes that key's value and
 * nothing else. What is checked: the span held exactly the tags the parser
 * read from the key the locator found (so the locator found the real value,
 * not, say, a line inside a multi-line string), and the new value, parsed
 * alone, holds the wanted tags (so quoting and escapes are right). Saves
 * the second parse of every note a rename touches (a tenth of a rename of
 * 1,000 notes); anything else gets the full check.
 */
function oneLineTomlSwap(raw: string, span: TagsSpan, newValue: string, tags: string[], wanted: string[]): boolean {
  if (newValue.includes('\n') || raw.slice(span.start, span.end).includes('\n')) return false;
  // A multi-line string is where a line that looks like the tags key can hide: the full check then.
  if (raw.includes('"""') || raw.includes("'''")) return false;
  const held = span.kind === 'scalar' ? (span.item ? [span.item.value] : []) : span.items.map((it) => it.value);
  if (!same(held, tags)) return false;
  try {
    return same(toList(parseToml(`tags = ${newValue}`).tags), wanted);
  } catch {
    return false; // the full check says what is wrong
  }
}

function same(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Parses the result again: the tags must be `wanted`, everything else as
 * before. The bytes outside the edited span are the same by construction;
 * this catches an edit put in the wrong place (a value that looked like
 * the tags key), which would change what Hugo reads.
 */
export function verifyTagEdit(out: string, before: FrontMatterView, wanted: string[], path: string): void {
  let after: FrontMatterView;
  try {
    after = parseFrontMatterView(path, out);
  } catch (err) {
    throw new TagEditError(`${path}: the tag edit would break the front matter (${(err as Error).message}); nothing written`, { hint: 'edit the tags of this note by hand, and report this as a bug' });
  }
  const problems: string[] = [];
  if (!same(after.tags, wanted)) problems.push(`tags would be ${JSON.stringify(after.tags)}, not ${JSON.stringify(wanted)}`);
  if (!sameEntries(after.data, after.tagKey, before.data, before.tagKey)) problems.push('other front matter keys would change');
  if (after.split.body !== before.split.body) problems.push('the body would change');
  if (problems.length) {
    throw new TagEditError(`${path}: the tag edit failed its check (${problems.join('; ')}); nothing written`, { hint: 'edit the tags of this note by hand, and report this as a bug' });
  }
}

/** The same keys in the same order, with equal values, but for each side's tags key. */
function sameEntries(a: Record<string, unknown>, aSkip: string | undefined, b: Record<string, unknown>, bSkip: string | undefined): boolean {
  const ka = Object.keys(a).filter((k) => k !== aSkip);
  const kb = Object.keys(b).filter((k) => k !== bSkip);
  return ka.length === kb.length && ka.every((k, i) => k === kb[i] && sameValue(a[k], b[k]));
}

/**
 * Deep equality of two parsed front matter values (plain data: scalars,
 * BigInt, dates, arrays, tables). Its depth is bounded: the `before` side
 * was checked against MAX_DEPTH when it was parsed.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'number') return Number.isNaN(a) && Number.isNaN(b);
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Object.getPrototypeOf(a) !== Object.getPrototypeOf(b)) return false;
  // Dates, local dates and times (@iarna/toml's Date kinds print as written).
  if (a instanceof Date) {
    const x = a.getTime();
    const y = (b as Date).getTime();
    if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y);
    return x === y && a.toISOString() === (b as Date).toISOString();
  }
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => sameValue(x, (b as unknown[])[i]));
  return sameEntries(a as Record<string, unknown>, undefined, b as Record<string, unknown>, undefined);
}
