import type { Command } from 'commander';
import type { Registrar } from './program.js';
import { addFilterOptions, toFilter, type FilterFlags } from './options.js';
import { json, table } from './format.js';

interface TodoFlags extends FilterFlags {
  json?: boolean;
  all?: boolean;
}

export function registerTodo(program: Command, r: Registrar): void {
  const todo = program
    .command('todo')
    .description('open follow-ups: task items (- [ ]), TODO/FIXME lines, and phrases such as "to come later", "follow up", "check into"');
  addFilterOptions(todo)
    .option('--all', 'include ticked task items (- [x])')
    .option('--json', 'print a JSON array (see README: visits)')
    .addHelpText('after', '\nExamples:\n  notes todo --visit ess-2023\n  notes todo done ess-2023/2023-09-08.md:14')
    .action(r.action(async (app, flags: TodoFlags) => {
      const filter = toFilter(flags, app.ctx.now(), () => app.notebook().root);
      const { listFollowUps } = await import('../commands/todo.js');
      const res = listFollowUps(app.notebook(), { filter, all: flags.all });
      app.reportProblems(res.problems);
      if (flags.json) { app.ctx.stdout.write(json(res.followUps)); return 0; }
      if (!res.followUps.length) { app.info('notes: no open follow-ups'); return 0; }
      const { c } = app;
      const rows = res.followUps.map((f) => [
        c.dim(`${f.path}:${f.line}`), c.cyan(f.day ?? '—'),
        (f.kind === 'task' ? (f.done ? c.green('[x] ') : '[ ] ') : f.kind === 'marker' ? '' : '') + f.text
          + (f.kind === 'phrase' ? c.dim(`  (${f.trigger})`) : ''),
      ]);
      app.ctx.stdout.write(table(rows));
      return 0;
    }));
  todo
    .command('done')
    .description('tick the task item at path:line (only its [ ] becomes [x]; the file is otherwise untouched)')
    .argument('<path:line>', 'as printed by notes todo')
    .addHelpText('after', '\nExample:\n  notes todo done ess-2023/2023-09-04.md:31')
    .action(r.action(async (app, where: string) => {
      const { markDone } = await import('../commands/todo.js');
      const res = await markDone(app.notebook(), app.ctx.cwd, where);
      app.info(`notes: ticked ${res.path}:${res.line}`);
      app.out(res.text);
    }));
}
