/**
 * Bullets of a day entry, for editing (`notes add`; reading outlines for
 * extraction is src/core/outline.ts; the format: ../shared/reference/visit-day.md):
 * nested by indentation. Reading it, finding a bullet by words (fuzzily,
 * with fuse.js), and appending bullets surgically: the new lines are
 * inserted and every other byte of the note stays as it was (front matter,
 * CRLF line ends, a missing final newline). Pure: text in, text out.
 */
import Fuse from 'fuse.js';
import { splitNote } from './front-matter.js';
import { RefError } from './errors.js';

export interface Bullet {
  /** Offsets into the whole note text: start of the line, end of the line (before its line end). */
  start: number;
  end: number;
  /** 1-based line in the note. */
  line: number;
  indent: string;
  marker: string;
  text: string;
}

interface Line { start: number; end: number; text: string }

function bodyLines(text: string): { lines: Line[]; firstLine: number; eol: string } {
  const split = splitNote(text);
  const lines: Line[] = [];
  let s = split.bodyStart;
  while (s < text.length) {
    const nl = text.indexOf('\n', s);
    const end = nl === -1 ? text.length : nl;
    const e = text[end - 1] === '\r' ? end - 1 : end;
    lines.push({ start: s, end: e, text: text.slice(s, e) });
    if (nl === -1) break;
    s = nl + 1;
  }
  return { lines, firstLine: split.bodyLine, eol: split.eol };
}

const BULLET = /^([ \t]*)([-*+])[ \t]+(.*)$/;

/** The bullets of a note's body, outside fenced code blocks. */
export function parseBullets(text: string): Bullet[] {
  const { lines, firstLine } = bodyLines(text);
  const out: Bullet[] = [];
  let fence: string | null = null;
  lines.forEach((l, k) => {
    const f = /^\s*(`{3,}|~{3,})/.exec(l.text);
    if (f) { if (!fence) fence = f[1]!; else if (f[1]!.startsWith(fence)) fence = null; return; }
    if (fence) return;
    const m = BULLET.exec(l.text);
    if (m) out.push({ start: l.start, end: l.end, line: firstLine + k, indent: m[1]!, marker: m[2]!, text: m[3]!.trim() });
  });
  return out;
}

const width = (indent: string) => indent.replace(/\t/g, '    ').length;

/** The indentation step the entry uses (smallest child-minus-parent indent), else two spaces. */
export function indentUnit(bullets: Bullet[]): string {
  let best: string | null = null;
  const stack: Bullet[] = [];
  for (const b of bullets) {
    while (stack.length && width(stack[stack.length - 1]!.indent) >= width(b.indent)) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && b.indent.startsWith(parent.indent)) {
      const step = b.indent.slice(parent.indent.length);
      if (step && (best === null || width(step) < width(best))) best = step;
    }
    stack.push(b);
  }
  return best ?? '  ';
}

/**
 * The bullet `words` names: an exact (case-insensitive) text first, then a
 * unique prefix, then a unique substring, then the best fuzzy match. Several
 * equally good matches are an error listing them; no match gives null.
 */
export function findBullet(bullets: Bullet[], words: string): Bullet | null {
  const w = words.trim().toLowerCase();
  if (!w) return null;
  const describe = (b: Bullet) => `line ${b.line}: ${b.text}`;
  const pick = (found: Bullet[]): Bullet | null => {
    if (found.length <= 1) return found[0] ?? null;
    throw new RefError(`"${words}" matches ${found.length} bullets`, found.map(describe), 'use more of the words of the bullet you mean');
  };
  for (const test of [(t: string) => t === w, (t: string) => t.startsWith(w), (t: string) => t.includes(w)]) {
    const found = bullets.filter((b) => test(b.text.toLowerCase()));
    if (found.length) return pick(found);
  }
  const fuse = new Fuse(bullets, { keys: ['text'], includeScore: true, ignoreLocation: true, ignoreFieldNorm: true, threshold: 0.3 });
  const hits = fuse.search(words.trim());
  if (!hits.length) return null;
  const best = hits[0]!.score ?? 0;
  return pick(hits.filter((h) => (h.score ?? 0) - best < 0.05).map((h) => h.item));
}

export interface AppendResult {
  text: string;
  /** 1-based line of the new bullet. */
  line: number;
}

function lineOf(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * Appends `- item` to the note: as the last top-level bullet, or as the last
 * child of `parent` (indented one unit deeper, with the marker its other
 * children use). A blank line goes before a new top-level bullet when the
 * entry already separates its top-level bullets with blank lines.
 */
export function appendBullet(text: string, item: string, parent?: Bullet | null): AppendResult {
  const { lines, eol } = bodyLines(text);
  const bullets = parseBullets(text);
  const content = item.replace(/[\r\n]+/g, ' ').trim();
  let at: number;
  let lead = eol;
  let line: string;
  if (parent) {
    const child = bullets.find((b) => b.start > parent.start && width(b.indent) > width(parent.indent));
    const unit = indentUnit(bullets);
    const sub = lines.filter((l) => l.start > parent.start);
    let last: Line | undefined;
    for (const l of sub) {
      if (!l.text.trim()) continue;
      if (width(/^[ \t]*/.exec(l.text)![0]) <= width(parent.indent)) break;
      last = l;
    }
    at = (last ?? { end: parent.end }).end;
    const nextChild = child && child.start <= at ? child : null;
    line = `${nextChild ? nextChild.indent : parent.indent + unit}${nextChild ? nextChild.marker : parent.marker} ${content}`;
  } else {
    const tops = bullets.filter((b) => width(b.indent) === 0);
    const lastText = [...lines].reverse().find((l) => l.text.trim());
    const spaced = tops.length >= 2 && tops.slice(1).every((b) => {
      const idx = lines.findIndex((l) => l.start === b.start);
      return idx > 0 && !lines[idx - 1]!.text.trim();
    });
    const marker = tops[tops.length - 1]?.marker ?? '-';
    line = `${marker} ${content}`;
    if (lastText) {
      at = lastText.end;
      if (spaced && tops.length) lead = eol + eol;
    } else {
      // An empty body: the bullet goes at the end, on a line of its own.
      at = text.length;
      lead = text.length && !text.endsWith('\n') ? eol : '';
      const out = `${text}${lead}${line}${eol}`;
      return { text: out, line: lineOf(out, text.length + lead.length) };
    }
  }
  const out = text.slice(0, at) + lead + line + text.slice(at);
  return { text: out, line: lineOf(out, at + lead.length) };
}

/**
 * The text of a bullet to add, from what the user typed: a bullet marker
 * they typed themselves (`- text`) is dropped (the bullet gets one anyway),
 * and the time, when asked for, goes after a task box so that
 * `- [ ] 14:05 send the config` stays a task item.
 */
export function bulletItem(typed: string, time?: string): string {
  const text = typed.trim().replace(/^[-*+][ \t]+/, '');
  if (!time) return text;
  const box = /^\[[ xX]\][ \t]+/.exec(text);
  return box ? `${box[0]}${time} ${text.slice(box[0].length)}` : `${time} ${text}`;
}
