import type { Command } from 'commander';
import type { Registrar } from './program.js';
import { addFilterOptions, toFilter, type FilterFlags } from './options.js';
import { json, truncate } from './format.js';

interface LinksFlags extends FilterFlags {
  json?: boolean;
  host?: string;
}

export function registerLinks(program: Command, r: Registrar): void {
  const cmd = program
    .command('links')
    .description('the URLs in notes, de-duplicated, with where they appear and the text around them');
  addFilterOptions(cmd)
    .option('--host <host>', 'only links to this host (and its subdomains)')
    .option('--json', 'print a JSON array (see README: visits)')
    .addHelpText('after', '\nExamples:\n  notes links --visit ess-2023\n  notes links --json | jq -r \'.[].url\'')
    .action(r.action(async (app, flags: LinksFlags) => {
      const filter = toFilter(flags, app.ctx.now(), () => app.notebook().root);
      const { listLinks } = await import('../commands/links.js');
      const res = listLinks(app.notebook(), { filter, host: flags.host });
      app.reportProblems(res.problems);
      if (flags.json) { app.ctx.stdout.write(json(res.links)); return 0; }
      if (!res.links.length) { app.info('notes: no links found'); return 0; }
      const { c } = app;
      const out: string[] = [];
      for (const l of res.links) {
        out.push(c.bold(l.url));
        for (const p of l.places) out.push(`  ${c.dim(`${p.path}:${p.line}`)}  ${c.cyan(p.day ?? '—')}  ${truncate(p.context, 80)}`);
      }
      app.out(out.join('\n'));
      return 0;
    }));
}
