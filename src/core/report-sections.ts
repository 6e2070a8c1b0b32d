/**
 * Markdown sections for the export report: "People met" and "Follow-ups",
 * for a set of notes. Pure, for `notes export` (and `notes visit show`) to
 * call; with `stripEmails` no e-mail address appears anywhere in them (the
 * export's `--strip-emails`).
 */
import type { Note } from './note.js';
import { extractPeople, withoutAddresses, type Person } from './people.js';
import { replaceAddresses } from './emails.js';
import { extractFollowUps, type FollowUp } from './followups.js';
import { findVisits, visitResolver } from './visit.js';

export interface ReportSectionOptions {
  /** Leave every e-mail address out. */
  stripEmails?: boolean;
  /** Heading level of the section title (default 2: `##`). */
  level?: number;
  /** Visit of a note; default: the visit folders found among the notes. */
  visitOf?: (note: Note) => string | null;
}

/** Escapes Markdown's inline specials in plain text. */
export function mdEscape(s: string): string {
  return s.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** Removes e-mail addresses (and their `mailto:`) from a text. */
export function stripEmailsFrom(s: string): string {
  // The same addresses as from the bodies (stripEmails), shown as removed: a follow-up line keeps its sense.
  return replaceAddresses(s.replace(/\(\s*(?:mailto:)?[^()\s]+@[^()\s]+\)/gi, '').replace(/mailto:/gi, ''), '[e-mail removed]').replace(/\s{2,}/g, ' ').trim();
}

function personLine(person: Person, stripEmails: boolean): string | null {
  const p = stripEmails ? withoutAddresses(person) : person;
  if (!p) return null;
  let s = `- **${mdEscape(p.name)}**`;
  if (p.derived === 'url') s += ' (name from profile URL)';
  if (p.groups.length) s += `, ${p.groups.map(mdEscape).join('; ')}`;
  if (!stripEmails && p.emails.length) s += ` <${p.emails.join('>, <')}>`;
  const where = [...p.visits, ...p.days].join(', ');
  if (where) s += ` (${where})`;
  return s;
}

/** The "People met" section for people already extracted. */
export function renderPeopleSection(people: Person[], opts: ReportSectionOptions = {}): string {
  const h = '#'.repeat(opts.level ?? 2);
  const rows = people.map((p) => personLine(p, !!opts.stripEmails)).filter((r): r is string => r !== null);
  return `${h} People met\n\n${rows.length ? rows.join('\n') : '_Nobody recorded._'}\n`;
}

/** The "Follow-ups" section for follow-ups already extracted (open ones first). */
export function renderFollowUpsSection(items: FollowUp[], opts: ReportSectionOptions = {}): string {
  const h = '#'.repeat(opts.level ?? 2);
  const rows = items.map((f) => {
    const text = opts.stripEmails ? stripEmailsFrom(f.text) : f.text;
    const box = f.kind === 'task' ? (f.done ? '[x] ' : '[ ] ') : '';
    return `- ${box}${text} (${f.day ? `${f.day}, ` : ''}\`${f.path}:${f.line}\`)`;
  });
  return `${h} Follow-ups\n\n${rows.length ? rows.join('\n') : '_None open._'}\n`;
}

/** Both sections for a set of notes, ready to append to a Markdown report. */
export function reportSections(notes: Note[], opts: ReportSectionOptions = {}): { people: string; followUps: string } {
  const visitOf = opts.visitOf ?? visitResolver(findVisits(notes));
  return {
    people: renderPeopleSection(extractPeople(notes, { visitOf }), opts),
    followUps: renderFollowUpsSection(extractFollowUps(notes, { visitOf }), opts),
  };
}
