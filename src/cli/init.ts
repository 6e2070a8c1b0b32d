import { Option, type Command } from 'commander';
import type { Registrar } from './program.js';
import { displayPath } from '../store/paths.js';

export function registerInit(program: Command, r: Registrar): void {
  program
    .command('init')
    .description('make a folder a notebook: writes its config file, .notes.toml, and nothing else')
    .argument('[folder]', 'the folder (default: the current one; created when missing)')
    .addOption(new Option('--format <format>', 'front matter format of new notes').choices(['toml', 'yaml']))
    .addHelpText('after', '\nExample:\n  notes init ~/visits && cd ~/visits && notes new')
    .action(r.action(async (app, folder: string | undefined, opts: { format?: 'toml' | 'yaml' }) => {
      const { initNotebook } = await import('../commands/init.js');
      const res = initNotebook({ cwd: app.ctx.cwd, dir: folder, format: opts.format });
      app.info(`notes: created a notebook in ${res.root}`);
      app.out(displayPath(app.ctx.cwd, res.configPath));
    }));
}
