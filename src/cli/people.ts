import type { Command } from 'commander';
import type { Registrar } from './program.js';
import { addFilterOptions, toFilter, type FilterFlags } from './options.js';
import { json, table } from './format.js';
import type { App } from './app.js';
import type { Person } from '../core/people.js';

interface PeopleFlags extends FilterFlags {
  json?: boolean;
  vcard?: boolean;
}

const SOURCE = { email: 'e-mail', profile: 'profile URL', 'front-matter': 'front matter', mention: 'mentioned' } as const;

function printCard(app: App, p: Person): void {
  const { c } = app;
  const lines = [`${c.bold(p.name)}${p.derived ? c.dim(` (name derived from ${p.derived === 'url' ? 'the profile URL' : 'the e-mail address'})`) : ''}`];
  const field = (k: string, vals: string[]) => { if (vals.length) lines.push(`  ${`${k}:`.padEnd(9)}${vals.join(', ')}`); };
  field('e-mail', p.emails);
  field('group', p.groups);
  field('url', p.urls);
  field('also', p.aliases);
  field('visits', p.visits);
  field('days', p.days);
  lines.push('  seen:');
  for (const a of p.appearances) lines.push(`    ${c.dim(`${a.path}:${a.line}`)}  ${a.day ?? ''}  ${SOURCE[a.source]}`);
  app.out(lines.join('\n'));
}

export function registerPeople(program: Command, r: Registrar): void {
  const cmd = program
    .command('people')
    .description('people met: names next to e-mails or profile URLs, or in a people front matter key; with groups, visits and days')
    .argument('[name]', 'narrow to people whose name matches (fuzzy: misspellings are fine)');
  addFilterOptions(cmd)
    .option('--json', 'print a JSON array (see README: visits)')
    .option('--vcard', 'print the people as vCard 4.0 (for an address book)')
    .addHelpText('after', '\nExamples:\n  notes people\n  notes people holmqvst          # finds a misspelt name (Holmqvist)\n  notes people --visit ess-2023 --vcard > ess-2023.vcf')
    .action(r.action(async (app, name: string | undefined, flags: PeopleFlags) => {
      const filter = toFilter(flags, app.ctx.now(), () => app.notebook().root);
      const { listPeople } = await import('../commands/people.js');
      const res = listPeople(app.notebook(), { query: name, filter });
      app.reportProblems(res.problems);
      if (flags.vcard) {
        const { peopleToVCards } = await import('../core/vcard.js');
        const facility = new Map(res.visits.map((v) => [v.name, v.facility]));
        app.ctx.stdout.write(peopleToVCards(res.people, { facilityOf: (v) => facility.get(v) ?? null }));
      } else if (flags.json) {
        app.ctx.stdout.write(json(res.people));
      } else if (name && res.people.length === 1) {
        printCard(app, res.people[0]!);
      } else if (res.people.length) {
        const { c } = app;
        const tty = !!app.ctx.stdout.isTTY;
        const rows = res.people.map((p) => [
          c.bold(p.name) + (p.derived ? c.dim('*') : ''), p.groups.join('; ') || '—', p.emails.join(', ') || '—',
          c.cyan(p.visits.join(', ') || p.days.join(', ') || '—'),
        ]);
        app.ctx.stdout.write(table(rows, tty ? ['NAME', 'GROUP', 'E-MAIL', 'VISITS'].map((h) => c.bold(h)) : undefined));
        if (res.people.some((p) => p.derived)) app.info('notes: * name derived from a profile URL or an e-mail address');
      }
      if (!res.people.length) {
        app.info(name ? `notes: nobody matches "${name}"` : 'notes: no people found (names next to e-mail addresses or profile URLs)');
        return name ? 1 : 0;
      }
      return 0;
    }));
}
