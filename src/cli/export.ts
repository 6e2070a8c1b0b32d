import { Option, type Command } from 'commander';
import type { Registrar } from './program.js';
import { addFilterOptions, toFilter, type FilterFlags } from './options.js';
import { EXPORTERS, findExporter } from '../exporters/registry.js';
import { UsageError } from '../core/errors.js';
import { displayPath } from '../store/paths.js';

interface ExportFlags extends FilterFlags {
  format?: string;
  out?: string;
  force?: boolean;
  stripEmails?: boolean;
  [format: string]: unknown;
}

/** Exports with more notes than this show progress on a terminal. */
const PROGRESS_FROM = 300;

const names = (pred: (e: (typeof EXPORTERS)[number]) => boolean) => EXPORTERS.filter(pred).map((e) => `--${e.name}`).join(', ');

export function registerExport(program: Command, r: Registrar): void {
  const cmd = program
    .command('export')
    .description(`export notes as ${EXPORTERS.map((e) => e.name).join(', ')}: exactly one format flag (or --format); drafts only with --drafts`);
  for (const e of EXPORTERS) {
    cmd.option(`--${e.name}`, `${e.description}${e.output === 'folder' ? ` (a folder; default --out ${e.defaultOut})` : ' (stdout unless --out)'}`);
  }
  cmd.addOption(new Option('--format <name>', 'the format, instead of its flag').choices(EXPORTERS.map((e) => e.name)));
  addFilterOptions(cmd)
    .option('-o, --out <path>', 'where to write: the folder of a site, or the file of a document ("-" for stdout)')
    .option('--force', 'write into a non-empty folder that notes export did not create')
    .option('--strip-emails', `remove e-mail addresses (with ${names((e) => e.stripEmails)})`)
    .addHelpText('after', `
Examples:
  notes export --html                              a site in ./export/html; open index.html
  notes export --html --visit ess-2023 --out trip  one visit's site in ./trip
  notes export --md --visit ess-2023 --strip-emails > report.md
  notes export --json --tag kafka | jq '.notes[].title'`)
    .action(r.action(async (app, flags: ExportFlags) => {
      const chosen = EXPORTERS.filter((e) => flags[e.name] === true).map((e) => e.name);
      if (flags.format && !chosen.includes(flags.format)) chosen.push(flags.format);
      if (chosen.length !== 1) {
        throw new UsageError(chosen.length ? `choose one format, not ${chosen.map((c) => `--${c}`).join(' and ')}` : 'choose a format',
          `pass one of ${EXPORTERS.map((e) => `--${e.name}`).join(', ')} (or --format <name>)`);
      }
      const exporter = findExporter(chosen[0]!)!;
      const filter = toFilter(flags, app.ctx.now(), () => app.notebook().root);
      const { exportNotes } = await import('../commands/export.js');
      const stderr = app.ctx.stderr;
      let shown = 0;
      const progress = stderr.isTTY && !app.globals.quiet
        ? (done: number, total: number) => {
          if (total <= PROGRESS_FROM) return;
          const now = Date.now();
          if (done < total && now - shown < 100) return;
          shown = now;
          stderr.write(`\rnotes: exporting ${done}/${total} notes${done === total ? '\n' : ''}`);
        }
        : undefined;
      const res = await exportNotes(app.notebook(), {
        exporter, filter, out: flags.out, force: flags.force, stripEmails: flags.stripEmails,
        cwd: app.ctx.cwd, now: app.ctx.now(), progress,
        threads: /^\d+$/.test(app.ctx.env.NOTES_EXPORT_THREADS ?? '') ? Math.max(1, Number(app.ctx.env.NOTES_EXPORT_THREADS)) : undefined,
      });
      app.reportProblems(res.problems);
      app.debug(`rendered on ${res.threads} ${res.threads === 1 ? 'thread' : 'threads'}`);
      if (!res.count) app.warn('no notes match: the export is empty');
      for (const w of res.warnings) app.warn(w);
      if (res.text !== null) app.ctx.stdout.write(res.text);
      else if (res.destination) {
        const where = displayPath(app.ctx.cwd, res.destination);
        if (exporter.output === 'folder') {
          app.info(`notes: exported ${res.count} notes to ${where}/ (${res.files} files${res.removed ? `, ${res.removed} old ones removed` : ''}${res.forced ? ', written into an existing folder (--force)' : ''})`);
          app.out(`${where}/index.html`);
        } else {
          app.info(`notes: exported ${res.count} notes to ${where}`);
        }
      }
      return 0;
    }));
}
