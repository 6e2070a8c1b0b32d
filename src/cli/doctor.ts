import type { Command } from 'commander';
import type { Registrar } from './program.js';
import { json, printable } from './format.js';

export function registerDoctor(program: Command, r: Registrar): void {
  program
    .command('doctor')
    .description('check the notebook: unreadable notes, what Hugo would read differently, day numbering, visit pages; exit 1 when anything is wrong')
    .option('--json', 'print the findings as a JSON array')
    .addHelpText('after', '\nExamples:\n  notes doctor\n  notes doctor --json | jq -r \'.[] | select(.severity == "error") | .path\'')
    .action(r.action(async (app, flags: { json?: boolean }) => {
      const [{ doctor }, { indexFindings }] = await Promise.all([import('../commands/doctor.js'), import('../commands/index-check.js')]);
      const nb = app.notebook();
      const { findings, notes } = doctor(nb, await indexFindings(nb, app.ctx.env), app.ctx.now());
      if (flags.json) {
        app.ctx.stdout.write(json(findings));
      } else {
        const { c } = app;
        for (const f of findings) {
          const where = `${f.path}${f.line ? `:${f.line}` : ''}`;
          const sev = f.severity === 'error' ? c.red('error') : c.yellow('warning');
          app.out(`${c.bold(printable(where))}: ${sev}: ${printable(f.message)} [${f.code}]\n  fix: ${f.hint}`);
        }
        const errors = findings.filter((f) => f.severity === 'error').length;
        app.info(findings.length
          ? `notes: ${notes} notes checked: ${errors} errors, ${findings.length - errors} warnings`
          : `notes: ${notes} notes checked, nothing wrong`);
      }
      return findings.length ? 1 : 0;
    }));
}
