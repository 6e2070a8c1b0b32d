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
const HEADING = /^[ \t]{0,3}(#{1,6})(?:[ \t]+|$)(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^[ \t]*(`{3,}|~{3,})/;

function columns(ws: string): number {
  let n = 0;
  for (const ch of ws) n += ch === '\t' ? 4 - (n % 4) : 1;
  return n;
}

/** Parses a body (starting at file line `firstLine`) into outline lines. */
export function outlineOf(body: string, firstLine = 1): OutlineLine[] {
  const out: OutlineLine[] = [];
  const stack: number[] = [];
  let fence: string | null = null;
  const lines = body.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((rawLine, i) => {
    const raw = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    const base = { line: firstLine + i, raw, level: 0, task: null, parent: -1 } as const;
    const f = FENCE.exec(raw);
    if (fence !== null || f) {
      if (fence === null) fence = f![1]!;
      else if (f && f[1]![0] === fence[0] && f[1]!.length >= fence.length && raw.trim() === f[1]) fence = null;
      out.push({ ...base, text: raw.trim(), kind: 'text', indent: columns(/^[ \t]*/.exec(raw)![0]), inCode: true });
      return;
    }
    if (!raw.trim()) {
      out.push({ ...base, text: '', kind: 'blank', indent: 0, inCode: false });
      return;
    }
    const idx = out.length;
    const h = HEADING.exec(raw);
    if (h) {
      const level = h[1]!.length;
      while (stack.length) {
        const top = out[stack[stack.length - 1]!]!;
        if (top.kind === 'heading' && top.level < level) break;
        stack.pop();
      }
      out.push({ ...base, text: h[2]!.trim(), kind: 'heading', indent: 0, level, parent: stack.length ? stack[stack.length - 1]! : -1, inCode: false });
      stack.push(idx);
      return;
    }
    const b = BULLET.exec(raw);
    if (b) {
      const indent = columns(b[1]!);
      while (stack.length) {
        const top = out[stack[stack.length - 1]!]!;
        if (top.kind === 'heading' || top.indent < indent) break;
        stack.pop();
      }
      let text = b[2]!;
      let task: ' ' | 'x' | null = null;
      const t = TASK.exec(text);
      if (t) { task = t[1] === ' ' ? ' ' : 'x'; text = t[2]!; }
      out.push({ ...base, text: text.trim(), kind: 'bullet', indent, task, parent: stack.length ? stack[stack.length - 1]! : -1, inCode: false });
      stack.push(idx);
      return;
    }
    // A paragraph line: under the nearest bullet indented less, else the heading.
    const indent = columns(/^[ \t]*/.exec(raw)![0]);
    let parent = -1;
    for (let s = stack.length - 1; s >= 0; s--) {
      const cand = out[stack[s]!]!;
      if (cand.kind === 'heading' || cand.indent < indent) { parent = stack[s]!; break; }
    }
    out.push({ ...base, text: raw.trim(), kind: 'text', indent, parent, inCode: false });
  });
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
