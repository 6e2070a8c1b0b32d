/**
 * Follow-ups: what a note promises to do later. Three kinds, each with the
 * note, its day and `path:line`:
 *   - task items: `- [ ] ...` (open) and `- [x] ...` (done), any bullet marker;
 *   - markers: a line with `TODO` or `FIXME` (upper case, as a word);
 *   - phrases: prose that defers something (FOLLOW_UP_PHRASES, below).
 * Lines in fenced code blocks never count. Ticking a task is a one-character
 * edit of the file text (tickTask).
 */
import type { Note } from './note.js';
import { noteDay } from './filter.js';
import { noteOutline, outlineOf, ancestors } from './outline.js';
import { splitNote } from './front-matter.js';
import { NotesError } from './errors.js';
import { findVisits, visitResolver } from './visit.js';

export type FollowUpKind = 'task' | 'marker' | 'phrase';

export interface FollowUp {
  path: string;
  /** 1-based line of the file. */
  line: number;
  kind: FollowUpKind;
  /** Ticked (`[x]`), or struck through as a whole line (`~~...~~`). */
  done: boolean;
  /** The line's text, without bullet marker and task box. */
  text: string;
  /** What made it a follow-up: `[ ]`, `TODO`, or the phrase matched. */
  trigger: string;
  /** The bullet it sits under, for context (or null at the top level). */
  under: string | null;
  title: string;
  day: string | null;
  visit: string | null;
}

/**
 * Phrases that mark a line as a follow-up (case-insensitive, whole words).
 * Chosen from visit logs: deferrals ("to come later", "get back to"),
 * intentions ("need to", "should ask", "remind me") and introductions to
 * make ("put X in touch with Y"). Intentions count in the first person or
 * at the start of the line only: "we need to open a large page" in an
 * explanation is not a promise (measured on the shared corpora).
 */
export const FOLLOW_UP_PHRASES: { label: string; re: RegExp }[] = [
  ['to come later', /\bto come later\b/],
  ['come back to', /\bcome back to\b/],
  ['get back to', /\bget back to\b/],
  ['follow up', /\bfollow[- ]?up\b/],
  ['check into', /\bcheck into\b/],
  ['check on', /\bcheck on\b/],
  ['look into', /\blook into\b/],
  ['find out', /\bfind out\b/],
  ['need to', /^need to\b|\bi (?:still |really )?need to\b|\bwe (?:still |really )?need to (?:ask|check|send|e-?mail|contact|talk|look|find|get|read|try|test|book|schedule|write|call|follow|request|order|set up)\b/],
  ['have to', /\b(?:might|may|i|i'll) have to\b/],
  ['should ask', /\bi should\b|\bshould (?:ask|check|follow|contact|e-?mail|send|try)\b/],
  ['ask about', /\bask (?:about|for|them|him|her)\b/],
  ['remind me', /\bremind me\b/],
  ["don't forget", /\b(?:don'?t|do not) forget\b/],
  ['in touch', /\b(?:put|get|got)\b.{0,60}\bin touch\b/],
  ['send', /\b(?:send|email|e-mail|mail) (?:them|him|her) \b/],
  ['later', /\b(?:try|test|read|do|revisit) (?:this |it |that )?later\b/],
].map(([label, re]) => ({ label: label as string, re: new RegExp((re as RegExp).source, 'i') }));

const MARKER = /\b(TODO|FIXME)\b/;
/** All phrases in one pattern: most lines match none, and one test is cheaper than seventeen. */
const ANY_PHRASE = new RegExp(FOLLOW_UP_PHRASES.map((p) => `(?:${p.re.source})`).join('|'), 'i');

/** The follow-ups of one note. */
export function noteFollowUps(note: Note, visit: string | null = null): FollowUp[] {
  const lines = noteOutline(note);
  const out: FollowUp[] = [];
  lines.forEach((l, i) => {
    if (l.inCode || l.kind === 'blank' || l.kind === 'heading') return;
    let kind: FollowUpKind | null = null;
    let trigger = '';
    if (l.task) { kind = 'task'; trigger = l.task === ' ' ? '[ ]' : '[x]'; }
    else {
      const m = MARKER.exec(l.text);
      if (m) { kind = 'marker'; trigger = m[1]!; }
      else {
        const prose = l.text.includes('://') ? l.text.replace(/\bhttps?:\/\/\S+/g, ' ') : l.text;
        const p = ANY_PHRASE.test(prose) ? FOLLOW_UP_PHRASES.find((f) => f.re.test(prose)) : undefined;
        if (p) { kind = 'phrase'; trigger = p.label; }
      }
    }
    if (!kind) return;
    const up = ancestors(lines, i)[0];
    out.push({
      // A line struck through as a whole (~~...~~) is done too.
      path: note.path, line: l.line, kind, done: l.task === 'x' || /^~~.*~~[.!]?$/.test(l.text), text: l.text, trigger,
      under: up ? up.text : null, title: note.title, day: noteDay(note), visit,
    });
  });
  return out;
}

export interface FollowUpOptions {
  /** Include ticked task items. */
  all?: boolean;
  visitOf?: (note: Note) => string | null;
}

/** The follow-ups of `notes`, by day then path and line; open ones only unless `all`. */
export function extractFollowUps(notes: Note[], opts: FollowUpOptions = {}): FollowUp[] {
  const visitOf = opts.visitOf ?? visitResolver(findVisits(notes));
  const out = notes.flatMap((n) => noteFollowUps(n, visitOf(n))).filter((f) => opts.all || !f.done);
  return out.sort((a, b) => ((a.day ?? '9999') < (b.day ?? '9999') ? -1 : (a.day ?? '9999') > (b.day ?? '9999') ? 1
    : a.path < b.path ? -1 : a.path > b.path ? 1 : a.line - b.line));
}

/** Thrown when `notes todo done` names a line that is not an open task item. */
export class NotATaskError extends NotesError {}

/**
 * Ticks the task item on 1-based `line` of a note's text: only its `[ ]`
 * becomes `[x]`; every other byte (BOM, CRLF, front matter) is kept.
 * Refuses lines that are not open task items of the body.
 */
export function tickTask(text: string, line: number, file = '<note>'): string {
  let start = 0;
  for (let n = 1; n < line; n++) {
    const nl = text.indexOf('\n', start);
    if (nl === -1) throw new NotATaskError(`${file} has no line ${line}`, { hint: 'run notes todo to see the open tasks and their lines' });
    start = nl + 1;
  }
  const split = splitNote(text, file);
  if (start < split.bodyStart) {
    throw new NotATaskError(`${file}:${line} is in the front matter, not a task item`, { hint: 'run notes todo to see the open tasks and their lines' });
  }
  const body = outlineOf(split.body, split.bodyLine);
  const l = body.find((x) => x.line === line);
  const hint = 'only open task items (- [ ] ...) can be ticked; run notes todo to see them';
  if (!l || l.inCode || l.task === null) throw new NotATaskError(`${file}:${line} is not a task item (- [ ] ...)`, { hint });
  if (l.task === 'x') throw new NotATaskError(`${file}:${line} is ticked already`, { hint });
  const box = /^[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[/.exec(text.slice(start))!;
  const at = start + box[0].length;
  return `${text.slice(0, at)}x${text.slice(at + 1)}`;
}
