import type { Command } from 'commander';
import type { Registrar } from './program.js';
import { dayFlag } from './options.js';
import { json, table, truncate } from './format.js';
import { displayPath } from '../store/paths.js';
import type { App } from './app.js';
import { dayOfVisit, type Visit } from '../core/visit.js';
import { noteDay } from '../core/filter.js';
import { DAY_FORMS } from '../core/dates.js';
import type { VisitSummary } from '../commands/visit.js';

interface StartFlags {
  facility: string;
  start?: string;
  end?: string;
  location?: string;
  proposal?: string;
  instrument?: string;
  title?: string;
}

/** The JSON form of a visit (`notes visit list --json`). */
export function visitJson(v: Visit, current: string | null) {
  return {
    name: v.name, title: v.title, facility: v.facility, location: v.location, start: v.start, end: v.end,
    proposal: v.proposal, instrument: v.instrument, hasIndex: v.hasIndex, index: v.indexPath,
    span: v.span, days: v.entries.length, current: v.name === current,
    entries: v.entries.map((e) => ({ path: e.path, day: noteDay(e), dayNumber: dayOfVisit(v, e), title: e.title })),
  };
}

const dates = (v: Visit) => `${v.start ?? '?'} → ${v.end ?? '?'}`;

function printSummary(app: App, s: VisitSummary): void {
  const { c } = app;
  const v = s.visit;
  const out: string[] = [];
  const field = (k: string, val: string | null) => { if (val) out.push(`${c.bold(`${k}:`.padEnd(12))}${val}`); };
  out.push(`${c.bold(v.title)} ${c.dim(`(${v.name})`)}${s.current ? c.green(' [current]') : ''}${v.hasIndex ? '' : c.yellow(' [no _index.md]')}`);
  field('facility', v.facility);
  field('location', v.location);
  field('dates', `${dates(v)}${v.span ? ` (${v.span} day${v.span === 1 ? '' : 's'})` : ''}, ${v.entries.length} day entr${v.entries.length === 1 ? 'y' : 'ies'}`);
  field('proposal', v.proposal);
  field('instrument', v.instrument);
  const more = (shown: number, total: number, cmd: string) => { if (total > shown) out.push(c.dim(`  … ${total - shown} more: ${cmd}`)); };
  if (v.entries.length) {
    out.push(c.bold('days:'));
    for (const e of v.entries.slice(0, 10)) {
      const n = dayOfVisit(v, e);
      out.push(`  ${c.cyan(noteDay(e) ?? '')}  ${(n === null ? '' : `day ${n}`).padEnd(7)}  ${truncate(e.title, 30).padEnd(12)}  ${c.dim(e.path)}`);
    }
    more(10, v.entries.length, `notes list --visit ${v.name}`);
  }
  out.push(c.bold(`people met (${s.people.length}):`));
  for (const p of s.people.slice(0, 12)) {
    out.push(`  ${p.name}${p.derived ? c.dim(' (name derived)') : ''}${p.groups.length ? ` — ${p.groups.join('; ')}` : ''}${p.emails.length ? c.dim(` <${p.emails[0]}>`) : ''}`);
  }
  more(12, s.people.length, `notes people --visit ${v.name}`);
  field('systems', s.systems.length ? truncate(s.systems.join(', '), 100) : null);
  field('tags', s.tags.length ? s.tags.map((t) => `${t.tag} (${t.count})`).join(', ') : null);
  out.push(c.bold(`follow-ups (${s.followUps.length} open):`));
  for (const f of s.followUps.slice(0, 8)) out.push(`  ${f.kind === 'task' ? '[ ] ' : ''}${truncate(f.text, 70)}  ${c.dim(`${f.path}:${f.line}`)}`);
  more(8, s.followUps.length, `notes todo --visit ${v.name}`);
  out.push(c.bold(`links (${s.links.length}):`));
  for (const l of s.links.slice(0, 8)) out.push(`  ${l.url}${l.places[0]!.context ? c.dim(`  ${truncate(l.places[0]!.context, 50)}`) : ''}`);
  more(8, s.links.length, `notes links --visit ${v.name}`);
  app.out(out.join('\n'));
}

export function registerVisit(program: Command, r: Registrar): void {
  const visit = program
    .command('visit')
    .description('visits: folders of day entries with an _index.md (start, list, use, show)')
    .addHelpText('after', '\nExamples:\n  notes visit start ess-2023 --facility ESS --start 2023-09-04 --end 2023-09-08 --location "Lund, Sweden"\n  notes visit list\n  notes visit use maxiv-2024\n  notes visit show ess-2023');

  visit
    .command('start')
    .description('create <name>/_index.md for a new visit and make it the current visit')
    .argument('<name>', 'the visit folder, e.g. ess-2023')
    .requiredOption('--facility <facility>', 'the facility visited, e.g. ESS')
    .option('--start <date>', `first day: ${DAY_FORMS}`, 'today')
    .option('--end <date>', `last day: ${DAY_FORMS}`)
    .option('--location <place>', 'where, e.g. "Lund, Sweden"')
    .option('--proposal <id>', 'proposal or experiment number')
    .option('--instrument <name>', 'instrument or beamline')
    .option('--title <text>', 'title of the visit page (default: "<facility> <year>")')
    .addHelpText('after', '\nExample:\n  notes visit start ess-2023 --facility ESS --start 2023-09-04 --end 2023-09-08')
    .action(r.action(async (app, name: string, flags: StartFlags) => {
      const now = app.ctx.now();
      const start = dayFlag('--start', flags.start ?? 'today', now);
      const end = flags.end === undefined ? undefined : dayFlag('--end', flags.end, now);
      const { startVisit } = await import('../commands/visit.js');
      const res = await startVisit(app.notebook(), {
        name, facility: flags.facility, start, end, location: flags.location, proposal: flags.proposal,
        instrument: flags.instrument, title: flags.title,
      });
      app.info(`notes: started visit ${res.name}; it is now the current visit (${displayPath(app.ctx.cwd, res.configPath)}${res.createdConfig ? ', created' : ''})`);
      app.out(displayPath(app.ctx.cwd, res.indexPath));
    }));

  visit
    .command('list', { isDefault: true })
    .alias('ls')
    .description('list the visits with their dates and day counts (the current one starred)')
    .option('--json', 'print a JSON array (see README: visits)')
    .addHelpText('after', '\nExamples:\n  notes visit list\n  notes visit list --json | jq -r \'.[].name\'')
    .action(r.action(async (app, flags: { json?: boolean }) => {
      const { listVisits } = await import('../commands/visit.js');
      const res = await listVisits(app.notebook(), { env: app.ctx.env, warn: (m, h) => app.warn(m, h) });
      app.reportProblems(res.problems);
      if (flags.json) { app.ctx.stdout.write(json(res.visits.map((v) => visitJson(v, res.current)))); return 0; }
      if (!res.visits.length) { app.info('notes: no visits yet; start one with: notes visit start <name> --facility <facility>'); return 0; }
      const { c } = app;
      const tty = !!app.ctx.stdout.isTTY;
      const rows = res.visits.map((v) => [
        v.name === res.current ? c.green('*') : ' ', c.bold(v.name), v.title, v.facility ?? '—', c.cyan(v.start ?? '—'), c.cyan(v.end ?? '—'),
        v.span === null ? '—' : `${v.span} days`, `${v.entries.length} entr${v.entries.length === 1 ? 'y' : 'ies'}`,
      ]);
      app.ctx.stdout.write(table(rows, tty ? ['', 'VISIT', 'TITLE', 'FACILITY', 'START', 'END', 'SPAN', 'ENTRIES'].map((h) => c.bold(h)) : undefined));
      return 0;
    }));

  visit
    .command('use')
    .description('make a visit the current one (where notes new files day entries)')
    .argument('<name>', 'the visit folder (or its title)')
    .addHelpText('after', '\nExample:\n  notes visit use maxiv-2024 && notes new')
    .action(r.action(async (app, name: string) => {
      const { useVisit } = await import('../commands/visit.js');
      const res = await useVisit(app.notebook(), name, { env: app.ctx.env, warn: (m, h) => app.warn(m, h) });
      app.reportProblems(res.problems);
      app.info(`notes: the current visit is now ${res.visit.name} (${displayPath(app.ctx.cwd, res.configPath)}${res.createdConfig ? ', created' : ''})`);
      app.out(res.visit.name);
    }));

  visit
    .command('show')
    .description('one-screen summary: facility, dates, days, people met, systems, tags, open follow-ups, links')
    .argument('[name]', 'the visit folder (default: the current visit)')
    .option('--json', 'print the summary as JSON')
    .addHelpText('after', '\nExamples:\n  notes visit show\n  notes visit show ess-2023 --json')
    .action(r.action(async (app, name: string | undefined, flags: { json?: boolean }) => {
      const { showVisit } = await import('../commands/visit.js');
      const nb = app.notebook();
      const s = showVisit(nb, name);
      app.reportProblems(s.problems);
      if (flags.json) {
        const { problems: _p, visit: v, ...rest } = s;
        app.ctx.stdout.write(json({ visit: visitJson(v, nb.config.currentVisit), ...rest }));
      } else {
        printSummary(app, s);
      }
    }));
}
