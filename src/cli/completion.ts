/**
 * `notes completion <shell>` prints a completion script; the hidden
 * `notes __complete <words...>` answers it: the last word is the one being
 * completed, the words before it say where on the command line we are.
 */
import { Argument, type Command, type Option } from 'commander';
import type { Registrar } from './program.js';
import type { Context } from './context.js';
import { locateNotebook } from '../store/notebook.js';
import { COMPLETION_SHELLS, completionScript, type Shell } from '../core/completion-scripts.js';
import { noteDay } from '../core/filter.js';
import { bashInsertion, readTypedWord } from '../core/bash-quote.js';

export function registerCompletion(program: Command, r: Registrar): void {
  program
    .command('completion')
    .description('print a shell completion script (commands, options, tags, visits, notes)')
    .addArgument(new Argument('<shell>', 'the shell').choices(COMPLETION_SHELLS))
    .addHelpText('after', `
Examples:
  notes completion bash > ~/.local/share/bash-completion/completions/notes
  notes completion zsh > "\${fpath[1]}/_notes"
  notes completion fish > ~/.config/fish/completions/notes.fish`)
    .action(r.action((app, shell: Shell) => {
      app.ctx.stdout.write(completionScript(shell));
    }));
}

/** Options whose value is a tag, a category, a visit or a note. */
const VALUE_KINDS: Record<string, 'tag' | 'category' | 'visit' | 'note' | 'none'> = {
  '--tag': 'tag', '-t': 'tag', '--category': 'category', '-c': 'category', '--visit': 'visit',
  '--to': 'note', '--from': 'note', '--dir': 'none', '-d': 'none', '--out': 'none',
};
/** Options whose value is a day: the words the date parser takes (a YYYY-MM-DD is typed). */
const DAY_OPTIONS = new Set(['--date', '--since', '--until', '--start', '--end']);
/** Commands whose positional arguments are notes, or tags. */
const NOTE_ARGS = new Set(['show', 'path', 'edit']);
const TAG_ARGS = new Set(['rename', 'add', 'remove']);

function optionNames(cmd: Command): string[] {
  return (cmd.options as readonly Option[]).flatMap((o) => [o.long, o.short].filter((x): x is string => !!x));
}

/**
 * The candidates for the last word of `words`, one per line. Never throws.
 * After a first word `--bash` the words are as typed (bash's COMP_WORDS) and
 * each candidate is printed escaped for bash to insert (see core/bash-quote.ts);
 * zsh and fish quote what they insert themselves.
 */
export async function complete(program: Command, args: string[], ctx: Context): Promise<string> {
  const bash = args[0] === '--bash';
  const typed = readTypedWord(bash ? args[args.length - 1] ?? '' : '');
  const words = bash ? args.slice(1).map((w) => readTypedWord(w).text) : args;
  const current = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  let cmd = program;
  for (const w of before) {
    const sub = cmd.commands.find((c) => c.name() === w || c.aliases().includes(w));
    if (sub) cmd = sub;
  }
  const prev = before[before.length - 1] ?? '';
  const option = prev.startsWith('-') ? (cmd.options as readonly Option[]).find((x) => x.long === prev || x.short === prev) : undefined;
  const kind = VALUE_KINDS[prev] ?? (option?.argChoices || DAY_OPTIONS.has(prev) ? undefined : prev.startsWith('-') && needsValue(cmd, prev) ? 'none' : undefined);
  let candidates: string[];
  if (kind === 'none') return '';
  if (kind) candidates = await notebookWords(kind, before, ctx);
  else if (option?.argChoices) candidates = option.argChoices;
  else if (DAY_OPTIONS.has(prev)) candidates = ['today', 'yesterday', 'tomorrow'];
  else if (current.startsWith('-')) candidates = [...optionNames(cmd), ...optionNames(program), '--help'];
  else if (cmd.commands.length) candidates = cmd.commands.filter((c) => !(c as unknown as { _hidden: boolean })._hidden).map((c) => c.name());
  else if (NOTE_ARGS.has(cmd.name())) candidates = await notebookWords('note', before, ctx);
  else if (TAG_ARGS.has(cmd.name()) && cmd.parent?.name() === 'tag') candidates = await notebookWords('tag', before, ctx);
  else if (cmd.registeredArguments[0]?.argChoices) candidates = cmd.registeredArguments[0].argChoices;
  else candidates = [];
  const seen = new Set<string>();
  return candidates.filter((c) => c.startsWith(current) && !seen.has(c) && seen.add(c))
    .map((c) => `${bash ? bashInsertion(c, typed) : c}\n`).join('');
}

function needsValue(cmd: Command, flag: string): boolean {
  const o = (cmd.options as readonly Option[]).find((x) => x.long === flag || x.short === flag);
  return !!o && (o.required || o.optional);
}

/** Tags, categories, visits or notes of the notebook (from the search index when it pays; never a warning). */
async function notebookWords(kind: 'tag' | 'category' | 'visit' | 'note', before: string[], ctx: Context): Promise<string[]> {
  try {
    const i = before.findIndex((w) => w === '--dir' || w === '-d');
    const nb = locateNotebook({ dir: i >= 0 ? before[i + 1] : undefined, env: ctx.env, cwd: ctx.cwd });
    const { notesMetadata } = await import('../commands/notes-source.js');
    const { notes } = await notesMetadata(nb, { env: ctx.env, warn: () => {} });
    if (kind === 'tag') return [...new Set(notes.flatMap((n) => n.tags))].sort();
    if (kind === 'category') return [...new Set(notes.flatMap((n) => n.categories))].sort();
    if (kind === 'visit') return [...new Set(notes.filter((n) => n.section).map((n) => n.section))].sort();
    const days = notes.map(noteDay).filter((d): d is string => !!d);
    return [...notes.map((n) => n.path.replace(/\.md$/, '')), ...days, 'today', 'yesterday'];
  } catch {
    return [];
  }
}
