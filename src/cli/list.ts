import { Option, type Command } from 'commander';
import type { Registrar } from './program.js';
import { addFilterOptions, positiveInt, toFilter, type FilterFlags } from './options.js';
import { json, noteJson, printable, table, truncate } from './format.js';
import type { ListedNote, SortKey } from '../core/filter.js';
import type { Note } from '../core/note.js';

interface ListFlags extends FilterFlags {
  limit?: number;
  sort: SortKey;
  reverse?: boolean;
  json?: boolean;
  strict?: boolean;
}

export function registerList(program: Command, r: Registrar): void {
  const cmd = program
    .command('list')
    .alias('ls')
    .description('list notes: date, title, tags and path, by date then day number');
  addFilterOptions(cmd, { onlyDrafts: true })
    .option('-n, --limit <n>', 'at most n notes', positiveInt('--limit'))
    .addOption(new Option('--sort <key>', 'order by').choices(['date', 'weight', 'title', 'path']).default('date'))
    .option('-r, --reverse', 'reverse the order')
    .option('--json', 'print a JSON array (see README: "JSON output")')
    .option('--strict', 'exit 1 when any note could not be read')
    .addHelpText('after', '\nExamples:\n  notes list --visit ess-2023 --tag kafka\n  notes list --json | jq -r \'.[].path\'')
    .action(r.action(async (app, flags: ListFlags) => {
      const filter = toFilter(flags, app.ctx.now(), () => app.notebook().root);
      const { listNotes, listListed } = await import('../commands/list.js');
      const opts = { filter, sort: flags.sort, reverse: flags.reverse, limit: flags.limit, env: app.ctx.env, warn: (m: string, h?: string) => app.warn(m, h) };
      // --json needs whole notes (every front matter key); the table only what it prints.
      const { notes, problems, from } = flags.json ? await listNotes(app.notebook(), opts) : await listListed(app.notebook(), opts);
      app.debug(`notes read from ${from === 'index' ? 'the search index' : 'the files'}`);
      app.reportProblems(problems);
      if (flags.json) {
        app.ctx.stdout.write(json((notes as Note[]).map(noteJson)));
      } else if (notes.length) {
        const { c } = app;
        const tty = !!app.ctx.stdout.isTTY;
        // Without colour, no chalk call at all: 40,000 of them for 10,000 notes.
        const plain = (s: string) => s;
        const [cyan, bold, dim, yellow, green] = c.level ? [c.cyan, c.bold, c.dim, c.yellow, c.green] : [plain, plain, plain, plain, plain];
        const rows = (notes as ListedNote[]).map((n) => [
          cyan(n.day ?? '—'.padEnd(10)),
          (n.isSection ? bold : plain)(printable(tty ? truncate(n.title, 40) : n.title)) + (n.isSection ? dim(' [visit]') : '') + (n.draft ? yellow(' [draft]') : ''),
          green(printable(n.tags.join(', '))),
          dim(printable(n.path)),
        ]);
        app.ctx.stdout.write(table(rows, tty ? [c.bold('DATE'), c.bold('TITLE'), c.bold('TAGS'), c.bold('PATH')] : undefined));
      } else {
        app.info('notes: no notes match');
      }
      return flags.strict && problems.length ? 1 : 0;
    }));
}
