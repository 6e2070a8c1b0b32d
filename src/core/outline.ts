/**
 * A note's body read as an outline: the lines with their bullet depth and
 * their parent (the bullet or heading they sit under). Visit logs are nested
 * bullet lists (../shared/reference/visit-day.md): a contact's group is the
 * bullet above it, a link's meaning is often the bullet above it. Lines in
 * fenced code blocks are marked, so extractors can leave them out.
 */
import type { Note } from './note.js';

export type LineKind = 'bullet' | 'heading' | 'text' | 'blank';

export interface OutlineLine {
  /** 1-based line of the file (front matter counted). */
  line: number;
  /** The line as written, without its line end. */
  raw: string;
  /** The text after the bullet marker, the task box or the heading marks. */
  text: string;
  kind: LineKind;
  /** Columns before the bullet marker or text (a tab counts 4). */
  indent: number;
  /** Heading level (1-6) of a heading, else 0. */
  level: number;
  /** Index (in the outline) of the bullet or heading this line sits under, or -1. */
  parent: number;
  /** `' '` for an open task item (`- [ ]`), `'x'` for a ticked one, else null. */
  task: ' ' | 'x' | null;
  /** True inside a fenced code block (and for the fence lines). */
  inCode: boolean;
}

const BULLET = /^([ \t]*)(?:[-*+]|\d{1,9}[.)])(?:[ \t]+|$)(.*)$/;
const TASK = /^\[([ xX])\](?:[ \t]+|$)(.*)$/;
const HEADING = /^[ \t]{0,3}(#{1,6})(?:[ \t]+|$)(.*)$/;

/** A heading's text without the optional closing `#`s (done by hand: a pattern for it is quadratic on long lines). */
function headingText(rest: string): string {
  let t = rest.trimEnd();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end < t.length && (end === 0 || t[end - 1] === ' ' || t[end - 1] === '\t')) t = t.slice(0, end);
  return t.trim();
}
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

function leadingColumns(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 32) n++;
    else if (ch === 9) n += 4 - (n % 4);
    else break;
  }
  return n;
}

function mk(line: number, raw: string, text: string, kind: LineKind, indent: number, level: number, parent: number, task: ' ' | 'x' | null, inCode: boolean): OutlineLine {
  return { line, raw, text, kind, indent, level, parent, task, inCode };
}

/** Parses a body (starting at file line `firstLine`) into outline lines. */
export function outlineOf(body: string, firstLine = 1): OutlineLine[] {
  const out: OutlineLine[] = [];
  const stack: number[] = [];
  let fence: string | null = null;
  const lines = body.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    const rawLine = lines[i]!;
    const raw = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const line = firstLine + i;
    const indent = leadingColumns(raw);
    const first = raw.charAt(raw.length - raw.trimStart().length);
    const f = first === '`' || first === '~' ? FENCE.exec(raw) : null;
    if (fence !== null || f) {
      if (fence === null) fence = f![1]!;
      else if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && raw.trim() === f[1]) fence = null;
      out.push(mk(line, raw, raw.trim(), 'text', indent, 0, -1, null, true));
      continue;
    }
    if (first === '') {
      out.push(mk(line, raw, '', 'blank', 0, 0, -1, null, false));
      continue;
    }
    const idx = out.length;
    const h = first === '#' ? HEADING.exec(raw) : null;
    if (h) {
      const level = h[1]!.length;
      while (stack.length) {
        const top = out[stack[stack.length - 1]!]!;
        if (top.kind === 'heading' && top.level < level) break;
        stack.pop();
      }
      out.push(mk(line, raw, headingText(h[2]!), 'heading', 0, level, stack.length ? stack[stack.length - 1]! : -1, null, false));
      stack.push(idx);
      continue;
    }
    const b = first === '-' || first === '*' || first === '+' || (first >= '0' && first <= '9') ? BULLET.exec(raw) : null;
    if (b) {
      while (stack.length) {
        const top = out[stack[stack.length - 1]!]!;
        if (top.kind === 'heading' || top.indent < indent) break;
        stack.pop();
      }
      let text = b[2]!;
      let task: ' ' | 'x' | null = null;
      if (text.charAt(0) === '[') {
        const t = TASK.exec(text);
        if (t) { task = t[1] === ' ' ? ' ' : 'x'; text = t[2]!; }
      }
      out.push(mk(line, raw, text.trim(), 'bullet', indent, 0, stack.length ? stack[stack.length - 1]! : -1, task, false));
      stack.push(idx);
      continue;
    }
    // A paragraph line: under the nearest bullet indented less, else the heading.
    let parent = -1;
    for (let s = stack.length - 1; s >= 0; s--) {
      const cand = out[stack[s]!]!;
      if (cand.kind === 'heading' || cand.indent < indent) { parent = stack[s]!; break; }
    }
    out.push(mk(line, raw, raw.trim(), 'text', indent, 0, parent, null, false));
  }
  return out;
}

/** The outline of a note's body, with file line numbers. */
export function noteOutline(note: Note): OutlineLine[] {
  return outlineOf(note.body, note.bodyLine);
}

/** The bullets and headings above line `i`, nearest first. */
export function ancestors(lines: OutlineLine[], i: number): OutlineLine[] {
  const out: OutlineLine[] = [];
  for (let p = lines[i]!.parent; p !== -1; p = lines[p]!.parent) out.push(lines[p]!);
  return out;
}
