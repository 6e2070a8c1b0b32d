/**
 * Quick capture during a visit: `notes add` (append a bullet to today's
 * entry) and `notes today` (where today's entry is).
 */
import type { Command } from 'commander';
import type { Registrar } from './program.js';
import { collect, dayFlag } from './options.js';
import { readStdin } from './context.js';
import { DAY_FORMS } from '../core/dates.js';
import { displayPath } from '../store/paths.js';
import { BrokenEntryError, NotesError, UsageError } from '../core/errors.js';
import { join } from 'node:path';

interface AddFlags {
  under?: string;
  date: string;
  time?: boolean;
  tag?: string[];
  visit?: string;
  printPath?: boolean;
}

interface TodayFlags {
  show?: boolean;
  edit?: boolean;
  date: string;
  visit?: string;
}

/** Stdin lines as bullets: blank lines dropped, a leading "- " taken as the bullet marker. */
export function stdinItems(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

export function registerCapture(program: Command, r: Registrar): void {
  program
    .command('add')
    .description("append a bullet to today's day entry of the current visit (creating the entry when needed)")
    .argument('[text...]', 'the bullet (default: stdin, one bullet a line)')
    .option('-u, --under <words>', 'nest it under the bullet these words match (fuzzily); made at the top level when none does')
    .option('--date <date>', `the day: ${DAY_FORMS}`, 'today')
    .option('--time', 'start the bullet with the local time (HH:MM)')
    .option('-t, --tag <tag>', 'also tag the entry (repeatable)', collect)
    .option('--visit <folder>', 'the visit folder (default: the current visit, else the notebook root)')
    .option('--print-path', "print the entry's path on stdout")
    .addHelpText('after', `
Examples:
  notes add "met the detector group"
  notes add --under "DST - Data Systems" "group leader since 2018"
  notes add --time --tag kafka "Kafka cluster: 3 brokers"
  pbpaste | notes add --under "Cool Tools"`)
    .action(r.action(async (app, words: string[], flags: AddFlags) => {
      const now = app.ctx.now();
      const day = dayFlag('--date', flags.date, now);
      let items = words.length ? [words.join(' ')] : [];
      if (!items.length) items = stdinItems((await readStdin(app.ctx)) ?? '');
      if (!items.length || !items.every((i) => i.trim())) {
        throw new UsageError('nothing to add', 'give the text as arguments (notes add "text") or on stdin');
      }
      const nb = app.notebook();
      const { addToEntry } = await import('../commands/add.js');
      const res = await addToEntry(nb, { day, now, items, under: flags.under, time: flags.time, tags: flags.tag, visit: flags.visit });
      const shown = displayPath(app.ctx.cwd, res.path);
      if (res.created) app.info(`notes: created day ${res.dayNumber} (${day}): ${shown}`);
      if (res.warning) app.warn(res.warning, 'switch visits with notes visit use <name>, or pass --visit <folder>');
      if (res.parent?.created) app.info(`notes: no bullet matches "${flags.under}": added it at the top level (line ${res.parent.line})`);
      else if (res.parent) app.info(`notes: under line ${res.parent.line}: ${res.parent.text}`);
      if (res.tagged.length) app.info(`notes: tagged ${res.tagged.join(', ')}`);
      for (const line of res.lines) app.info(`notes: added ${shown}:${line}`);
      if (flags.printPath) app.out(shown);
    }));

  program
    .command('today')
    .description("print the path of today's day entry of the current visit (exit 1 when there is none)")
    .option('-s, --show', 'print the entry instead')
    .option('-e, --edit', 'open it in $VISUAL / $EDITOR')
    .option('--date <date>', `another day: ${DAY_FORMS}`, 'today')
    .option('--visit <folder>', 'the visit folder (default: the current visit)')
    .addHelpText('after', '\nExamples:\n  notes today\n  notes today --show | grep -i kafka\n  code "$(notes today)"')
    .action(r.action(async (app, flags: TodayFlags) => {
      const day = dayFlag('--date', flags.date, app.ctx.now());
      const nb = app.notebook();
      const { findEntry } = await import('../commands/add.js');
      let found: ReturnType<typeof findEntry>;
      try {
        found = findEntry(nb, day, flags.visit);
      } catch (err) {
        // An entry that cannot be read is opened to be fixed, which is what --edit is for.
        if (!(flags.edit && err instanceof BrokenEntryError)) throw err;
        app.warn(err.message);
        const { openInEditor } = await import('../store/editor.js');
        await openInEditor(join(nb.root, err.path), app.ctx.env, nb.config.editor);
        return;
      }
      if (!found) {
        const where = flags.visit ?? nb.config.currentVisit;
        throw new NotesError(`no entry for ${day}${where ? ` in ${where}` : ''}`, {
          hint: 'start it with notes new, or add a first bullet with notes add "text"',
        });
      }
      if (flags.show) {
        const { readNoteText } = await import('../commands/show.js');
        app.ctx.stdout.write(readNoteText(found.path));
      } else if (!flags.edit) {
        app.out(displayPath(app.ctx.cwd, found.path));
      }
      if (flags.edit) {
        const { openInEditor } = await import('../store/editor.js');
        await openInEditor(found.path, app.ctx.env, nb.config.editor);
      }
    }));
}
