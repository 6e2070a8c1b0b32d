/**
 * `notes export --md`: one Markdown visit report to paste into a wiki or a
 * mail: a title, the date range, then each day in order as a section headed
 * by its menuTitle/title and date, with the bodies as written and no front
 * matter. The visit's own page (`_index.md`) opens the report when chosen.
 * Notes of several visits get one `##` section per visit, days under `###`.
 * After the days come "People met" and "Follow-ups" (core/report-sections),
 * taken from the exported notes only, with `--strip-emails` honoured.
 */
import type { FileExporter, ExportInput } from './types.js';
import type { Note } from '../core/note.js';
import { noteDay } from '../core/filter.js';
import { stripEmails } from '../core/emails.js';

/** A day's label: its menuTitle unless that is just the date, else its title. */
export function dayLabel(n: Note): string {
  const menu = n.menuTitle?.trim();
  return menu && !/^\d{4}-\d{2}-\d{2}$/.test(menu) ? menu : n.title;
}

/** A body as written, with its line ends as LF and no blank lines around it. */
function cleanBody(body: string): string {
  return body.replace(/\r\n?/g, '\n').replace(/^(?:[ \t]*\n)+/, '').trimEnd();
}

/** The first and last day of the notes, as `YYYY-MM-DD – YYYY-MM-DD` (or one day), or null. */
export function dateRange(notes: Note[]): string | null {
  const days = notes.map(noteDay).filter((d): d is string => !!d).sort();
  if (!days.length) return null;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  return first === last ? first : `${first} – ${last}`;
}

interface VisitPart {
  section: string;
  index: Note | null;
  days: Note[];
}

function groupByVisit(notes: Note[]): VisitPart[] {
  const parts = new Map<string, VisitPart>();
  const part = (section: string) => {
    let p = parts.get(section);
    if (!p) parts.set(section, (p = { section, index: null, days: [] }));
    return p;
  };
  for (const n of notes) {
    if (n.isSection) part(n.section).index = n;
    else part(n.section).days.push(n);
  }
  return [...parts.values()];
}

function visitTitle(p: VisitPart, fallback: string): string {
  return p.index?.title ?? (p.section ? p.section.split('/').pop()! : fallback);
}

/** The Markdown of the "People met" and "Follow-ups" sections (core/report-sections.ts). */
export interface ReportExtras {
  people: string;
  followUps: string;
}

/** Renders the report, with the people and follow-ups sections after the days when given (exported for tests). */
export function renderReport(input: ExportInput, extras: ReportExtras | null = null): string {
  const clean = (s: string) => (input.stripEmails ? stripEmails(s) : s);
  const parts = groupByVisit(input.notes);
  const out: string[] = [];
  const days = input.notes.filter((n) => !n.isSection);
  const single = parts.length === 1 ? parts[0]! : null;
  const title = single ? visitTitle(single, input.notebook.name) : `Visit report: ${input.notebook.name}`;
  out.push(`# ${clean(title)}`);
  const range = dateRange(days);
  out.push(`${range ?? 'No dated days'} · ${days.length} ${days.length === 1 ? 'day' : 'days'}`);
  const section = (level: number, p: VisitPart) => {
    const hashes = '#'.repeat(level);
    if (p.index) {
      const body = cleanBody(clean(p.index.body));
      if (body) out.push(body);
    }
    for (const d of p.days) {
      const day = noteDay(d);
      out.push(`${hashes} ${clean(dayLabel(d))}${day ? ` — ${day}` : ''}`);
      const body = cleanBody(clean(d.body));
      if (body) out.push(body);
    }
  };
  if (single) section(2, single);
  else {
    for (const p of parts) {
      const r = dateRange(p.days);
      out.push(`## ${clean(visitTitle(p, input.notebook.name))}${r ? ` (${r})` : ''}`);
      section(3, p);
    }
  }
  if (extras) out.push(extras.people.trimEnd(), extras.followUps.trimEnd());
  return `${out.join('\n\n')}\n`;
}

export const mdExporter: FileExporter = {
  name: 'md',
  extension: '.md',
  description: 'one Markdown visit report: title, date range, each day as a section, bodies as written, people met, follow-ups',
  stripEmails: true,
  withVisitIndex: true,
  output: 'file',
  async render(input) {
    // Loaded here: people extraction brings fuse.js, which the cli must not load at start-up.
    const { reportSections } = await import('../core/report-sections.js');
    const extras = input.notes.length ? reportSections(input.notes, { stripEmails: input.stripEmails, level: 2 }) : null;
    return renderReport(input, extras);
  },
};
