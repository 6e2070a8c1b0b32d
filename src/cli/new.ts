import { Option, type Command } from 'commander';
import type { Registrar } from './program.js';
import { collect, dayFlag, positiveInt } from './options.js';
import { readStdin } from './context.js';
import { DAY_FORMS } from '../core/dates.js';
import { displayPath } from '../store/paths.js';

interface NewFlags {
  date: string;
  title?: string;
  tag?: string[];
  category?: string[];
  visit?: string;
  body?: string;
  edit?: boolean;
  format?: 'toml' | 'yaml';
  day?: number;
}

export function registerNew(program: Command, r: Registrar): void {
  program
    .command('new')
    .description("start a day entry (today's unless --date); prints its path, and never overwrites an entry")
    .option('--date <date>', `the day: ${DAY_FORMS}`, 'today')
    .option('--title <text>', 'title instead of the day number in words')
    .option('-t, --tag <tag>', 'a tag (repeatable)', collect)
    .option('-c, --category <category>', 'a category (repeatable)', collect)
    .option('--visit <folder>', 'the visit folder to file it in (default: the current visit, else the notebook root)')
    .option('--day <n>', 'the day number (weight), instead of the computed one', positiveInt('--day'))
    .option('--body <text>', 'the body (default: stdin when it is not a terminal)')
    .option('-e, --edit', 'open it in $VISUAL / $EDITOR afterwards')
    .addOption(new Option('--format <format>', 'front matter format (default: the notebook\'s)').choices(['toml', 'yaml']))
    .addHelpText('after', '\nExamples:\n  notes new --tag kafka --category ess\n  $EDITOR "$(notes new --date yesterday)"\n  echo "- met the DST group" | notes new')
    .action(r.action(async (app, flags: NewFlags) => {
      const now = app.ctx.now();
      const day = dayFlag('--date', flags.date, now);
      const nb = app.notebook();
      const body = flags.body ?? (await readStdin(app.ctx)) ?? undefined;
      const { newEntry } = await import('../commands/new.js');
      const res = await newEntry(nb, {
        day, now, title: flags.title, tags: flags.tag, categories: flags.category, visit: flags.visit,
        body, format: flags.format, dayNumber: flags.day,
      });
      const shown = displayPath(app.ctx.cwd, res.path);
      if (res.created) app.info(`notes: created day ${res.dayNumber} (${day}): ${shown}`);
      else app.info(`notes: ${day} has an entry already, left as it is: ${shown}`);
      if (res.warning) app.warn(res.warning, 'switch visits with notes visit use <name>, or pass --visit <folder>');
      app.out(shown);
      if (flags.edit) {
        const { openInEditor } = await import('../store/editor.js');
        await openInEditor(res.path, app.ctx.env, nb.config.editor);
      }
    }));
}
