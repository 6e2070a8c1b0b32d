import { Option, type Command } from 'commander';
import type { Registrar } from './program.js';
import type { App } from './app.js';
import { addFilterOptions, toFilter, type FilterFlags } from './options.js';
import { json, printable, table } from './format.js';
import type { TagOp } from '../core/front-matter-edit.js';
import { UsageError } from '../core/errors.js';
import type { TagChangeResult, TagSelection } from '../commands/tag.js';

interface ListFlags extends FilterFlags {
  json?: boolean;
  sort: 'count' | 'name';
}

interface ChangeFlags extends FilterFlags {
  to?: string[];
  from?: string[];
  where?: string;
  exact?: boolean;
  all?: boolean;
  dryRun?: boolean;
}

/** A tag is one line of text, not blank. */
function checkTags(tags: string[]): string[] {
  for (const t of tags) {
    // eslint-disable-next-line no-control-regex
    if (!t.trim() || /[\u0000-\u001f\u007f]/.test(t)) throw new UsageError(`not a tag: ${JSON.stringify(t)}`, 'a tag is a word or words on one line, e.g. follow-up');
  }
  return tags;
}

const FILTER_KEYS: Array<keyof FilterFlags> = ['tag', 'category', 'since', 'until', 'visit', 'drafts'];

function selection(flags: ChangeFlags, refs: string[] | undefined, now: Date, root: () => string): TagSelection {
  const filtered = FILTER_KEYS.some((k) => flags[k] !== undefined);
    if (flags.exact && flags.where === undefined) throw new UsageError('--exact goes with --where', 'e.g. notes tag add x --where "beam time" --exact');
  return { refs, where: flags.where, exact: flags.exact, filter: toFilter(flags, now, root), filtered, all: flags.all };
}

/** Prints diffs (dry run) on stdout and the summary on stderr; exit 1 when a note was skipped or could not be read. */
function report(app: App, what: string, res: TagChangeResult, dryRun: boolean): number {
  app.reportProblems(res.problems);
  app.debug(`notes to edit found ${res.from === 'index' ? 'from the search index' : 'by reading the files'}`);
  for (const c of res.changed) {
    if (c.diff) app.ctx.stdout.write(c.diff);
    else app.debug(`${c.path}: [${c.before.join(', ')}] -> [${c.after.join(', ')}]`);
  }
  for (const s of res.skipped) app.warn(`skipped ${s.path}: ${s.reason}`);
  const n = res.changed.length;
  const notes = (k: number) => `${k} note${k === 1 ? '' : 's'}`;
  const parts = [dryRun ? `${notes(n)} would change (dry run: nothing written)` : `${notes(n)} changed`];
  if (res.unchanged) parts.push(`${res.unchanged} already as asked`);
  if (res.skipped.length) parts.push(`${res.skipped.length} skipped`);
  if (res.unread) parts.push(`${res.unread} unreadable (see above)`);
  app.info(`notes: ${what}: ${parts.join(', ')}`);
  return res.skipped.length || res.unread ? 1 : 0;
}

export function registerTag(program: Command, r: Registrar): void {
  const tag = program
    .command('tag')
    .description('list tags, or add, remove and rename them (only the tags value of each note is edited)')
    .addHelpText('after', '\nExamples:\n  notes tag list\n  notes tag add follow-up --to today\n  notes tag rename hpc HPC --dry-run');

  addFilterOptions(tag.command('list', { isDefault: true }).description('every tag with its note count, most used first'))
    .addOption(new Option('--sort <key>', 'order by').choices(['count', 'name']).default('count'))
    .option('--json', 'print a JSON array: [{"tag": ..., "count": ...}]')
    .addHelpText('after', '\nExamples:\n  notes tag list\n  notes tag list --visit ess-2023 --sort name --json')
    .action(r.action(async (app, flags: ListFlags) => {
      const { tagList } = await import('../commands/tag.js');
      const { tags, problems } = await tagList(app.notebook(), { filter: toFilter(flags, app.ctx.now(), () => app.notebook().root), sort: flags.sort, env: app.ctx.env, warn: (m, h) => app.warn(m, h) });
      app.reportProblems(problems);
      if (flags.json) app.ctx.stdout.write(json(tags));
      // A tag is note text: its control characters made visible, as in list and search.
      else if (tags.length) app.ctx.stdout.write(table(tags.map((t) => [String(t.count).padStart(5), app.c.green(printable(t.tag))])));
      else app.info('notes: no tags');
    }));

  const change = (name: 'add' | 'remove', refFlag: 'to' | 'from', desc: string, example: string) =>
    addFilterOptions(tag.command(name).description(desc).argument('<tags...>', 'the tags'))
      .option(`--${refFlag} <refs...>`, 'the notes: paths, file names, dates or title words (as in show)')
      .option('-w, --where <query>', 'the notes matching this search query (as notes search: typos allowed, words begun, "phrase", -word, tag:x)')
      .option('-e, --exact', 'with --where: no typo tolerance or words begun, only the words as typed')
      .option('--all', 'every note (drafts only with --drafts)')
      .option('-n, --dry-run', 'print a unified diff of what would change; write nothing')
      .addHelpText('after', `\nExamples:\n${example}`)
      .action(r.action(async (app, tags: string[], flags: ChangeFlags) => {
        const { tagChange } = await import('../commands/tag.js');
        const op: TagOp = { kind: name, tags: checkTags(tags) };
        const res = await tagChange(app.notebook(), {
          op, selection: selection(flags, flags[refFlag], app.ctx.now(), () => app.notebook().root), dryRun: flags.dryRun, cwd: app.ctx.cwd, now: app.ctx.now(),
          index: { env: app.ctx.env, warn: (m, h) => app.warn(m, h) },
        });
        return report(app, `tag ${name} ${tags.join(' ')}`, res, !!flags.dryRun);
      }));
  change('add', 'to', 'add tags to notes (a tag a note has already is left alone)',
    '  notes tag add kafka --to today\n  notes tag add follow-up --where "beam time"\n  notes tag add ess --visit ess-2023 --dry-run');
  change('remove', 'from', 'remove tags from notes (case-insensitive)',
    '  notes tag remove draft-idea --from 2023-09-08\n  notes tag remove old --all');

  tag.command('rename')
    .description('rename a tag in every note (case-insensitive); merges where a note has both')
    .argument('<old>', 'the tag to rename')
    .argument('<new>', 'its new name, written as given')
    .option('-n, --dry-run', 'print a unified diff of what would change; write nothing')
    .addHelpText('after', '\nExamples:\n  notes tag rename hpc HPC\n  notes tag rename k8s kubernetes --dry-run')
    .action(r.action(async (app, from: string, to: string, flags: { dryRun?: boolean }) => {
      const { tagChange } = await import('../commands/tag.js');
      checkTags([from, to]);
      const res = await tagChange(app.notebook(), {
        op: { kind: 'rename', from, to }, dryRun: flags.dryRun, cwd: app.ctx.cwd, now: app.ctx.now(),
        index: { env: app.ctx.env, warn: (m, h) => app.warn(m, h) },
      });
      // A rename that finds the tag nowhere is most often a typo: say so, not just "0 notes changed".
      if (!res.changed.length && !res.unchanged && !res.skipped.length && !res.unread) {
        app.warn(`no note has the tag ${JSON.stringify(from)}`, 'see the tags with: notes tag list');
      }
      return report(app, `tag rename ${from} ${to}`, res, !!flags.dryRun);
    }));
}
