import type { Command } from 'commander';
import type { Registrar } from './program.js';
import { displayPath } from '../store/paths.js';
import { DAY_FORMS } from '../core/dates.js';

const REF_HELP = `a path, a file name, a date (${DAY_FORMS}) or words of the title`;

export function registerShow(program: Command, r: Registrar): void {
  program
    .command('show')
    .description('print a note as it is on disk')
    .argument('<ref>', REF_HELP)
    .addHelpText('after', '\nExamples:\n  notes show today\n  notes show "ess day five"')
    .action(r.action(async (app, ref: string) => {
      const { findNote, readNoteText } = await import('../commands/show.js');
      const found = findNote(app.notebook(), ref, app.ctx.cwd, app.ctx.now());
      app.ctx.stdout.write(readNoteText(found.path));
    }));
  program
    .command('path')
    .description("print a note's path")
    .argument('<ref>', REF_HELP)
    .addHelpText('after', '\nExample:\n  code "$(notes path yesterday)"')
    .action(r.action(async (app, ref: string) => {
      const { findNote } = await import('../commands/show.js');
      app.out(displayPath(app.ctx.cwd, findNote(app.notebook(), ref, app.ctx.cwd, app.ctx.now()).path));
    }));
  program
    .command('edit')
    .description('open a note in $VISUAL / $EDITOR')
    .argument('<ref>', REF_HELP)
    .addHelpText('after', '\nExample:\n  EDITOR="code --wait" notes edit today')
    .action(r.action(async (app, ref: string) => {
      const { findNote } = await import('../commands/show.js');
      const nb = app.notebook();
      const found = findNote(nb, ref, app.ctx.cwd, app.ctx.now());
      const { openInEditor } = await import('../store/editor.js');
      await openInEditor(found.path, app.ctx.env, nb.config.editor);
    }));
}
