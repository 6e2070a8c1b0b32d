/**
 * main(argv, ctx): the single place where errors become messages and exit
 * codes. Nothing below it calls process.exit. Exit codes: 0 success,
 * 1 runtime error (or "nothing found" where a command documents it),
 * 2 usage error.
 */
import { CommanderError, type Command, type Option } from 'commander';
import type { Context } from './cli/context.js';
import { buildProgram, type RunState } from './cli/program.js';
import { NotesError, RefError } from './core/errors.js';
import { chalkFor } from './cli/style.js';

function printError(ctx: Context, message: string, hint?: string, details: string[] = []): void {
  const c = chalkFor(ctx.stderr, ctx.env);
  ctx.stderr.write(`${c.red('notes: error:')} ${message}\n`);
  for (const d of details) ctx.stderr.write(`  ${d}\n`);
  if (hint) ctx.stderr.write(`${c.dim('hint:')} ${hint}\n`);
}

/** Where the command word is in argv: after the global options (and their values). */
function commandIndex(program: Command, argv: string[]): number {
  const takesValue = new Set((program.options as readonly Option[]).filter((o) => o.required || o.optional).flatMap((o) => [o.short, o.long]));
  let i = 0;
  while (i < argv.length && argv[i]!.startsWith('-')) i += takesValue.has(argv[i]!) ? 2 : 1;
  return i;
}

/** Commands whose free text may start with a dash: a search exclusion, a bullet (`- [ ] task`). */
const DASH_TEXT_COMMANDS = new Set(['search', 'add']);

/**
 * `notes search slurm -gpfs`, `notes add "- [ ] send the config"`: free text
 * may start with a dash, which commander would take for an option
 * (`-detectors` even reads as `-d etectors`, `-25Gb` is an unknown option).
 * After such a command, only a known short flag on its own (`-n`, `-e`,
 * `-t`, `-c`, `-h`, the global `-d`, `-q`, `-v`) or a `--long` option is an
 * option; any other `-word` (`-3200`, `-25Gb` too) is moved behind `--`,
 * where it is text. `-V` is text there too: a version request in the middle
 * of a query is far less likely than a typed word (`notes -V` and
 * `--version` still print the version).
 */
export function queryWordsAsOperands(program: Command, argv: string[]): string[] {
  const valueFlags = new Set<string>();
  // commander keeps its help option apart from `.options`.
  const flags = new Set<string>(['-h', '--help']);
  const collect = (cmd: Command) => {
    for (const o of cmd.options as readonly Option[]) {
      for (const f of [o.short, o.long]) if (f) { flags.add(f); if (o.required || o.optional) valueFlags.add(f); }
    }
  };
  collect(program);
  flags.delete('-V');
  const i = commandIndex(program, argv);
  const cmd = program.commands.find((c) => DASH_TEXT_COMMANDS.has(c.name()) && (c.name() === argv[i] || c.aliases().includes(argv[i] ?? '')));
  if (!cmd) return argv;
  collect(cmd);
  const head: string[] = [];
  const words: string[] = [];
  let k = i + 1;
  for (; k < argv.length && argv[k] !== '--'; k++) {
    const a = argv[k]!;
    if (/^(-[^-]|--\s)/.test(a) && !flags.has(a)) { words.push(a); continue; }
    head.push(a);
    if (valueFlags.has(a) && k + 1 < argv.length) head.push(argv[++k]!);
  }
  if (!words.length) return argv;
  return [...argv.slice(0, i + 1), ...head, '--', ...words, ...argv.slice(k + 1)];
}

/**
 * commander's error message, split for printError: the first line, with
 * commander's suggestion line `(Did you mean todo?)` folded into it as
 * `(did you mean todo?)` (it would otherwise open the hint), and any other
 * lines, which go before the hint's `run notes --help`.
 */
export function commanderMessage(text: string): { message: string; more: string[] } {
  const DID_YOU_MEAN = /^\(Did you mean (.+)\?\)$/;
  const [first = '', ...rest] = text.replace(/^error:\s*/, '').split('\n').map((l) => l.trim());
  const suggestion = rest.map((l) => DID_YOU_MEAN.exec(l)?.[1]).find((s) => s !== undefined);
  return {
    message: suggestion === undefined ? first : `${first} (did you mean ${suggestion}?)`,
    more: rest.filter((l) => l && !DID_YOU_MEAN.test(l)),
  };
}

export async function main(argv: string[], ctx: Context): Promise<number> {
  const state: RunState = { exitCode: 0, verbose: argv.includes('--verbose') || argv.includes('-v') };
  const program = buildProgram(ctx, state);
  // Route commander's own output and errors through our streams and format.
  const route = (cmd: typeof program) => {
    cmd.exitOverride().configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      outputError: () => { /* printed below, in our format */ },
    });
    cmd.commands.forEach(route);
  };
  route(program);
  if (argv[0] === '__complete') {
    // Asked by the completion scripts; answers quietly, whatever happens.
    const { complete } = await import('./cli/completion.js');
    ctx.stdout.write(await complete(program, argv.slice(1), ctx));
    return 0;
  }
  try {
    await program.parseAsync(queryWordsAsOperands(program, argv), { from: 'user' });
    return state.exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return err.code === 'commander.help' ? 2 : 0;
      if (err.code === 'commander.executeSubCommandAsync') return err.exitCode;
      const at = commandIndex(program, argv);
      const word = argv[at] ?? '';
      const sub = program.commands.find((c) => c.name() === word || c.aliases().includes(word));
      const next = argv[at + 1];
      if (err.code === 'commander.excessArguments' && sub?.commands.length && next && !sub.commands.some((c) => c.name() === next)) {
        // `notes visit foo`: the default subcommand got a word it does not take.
        printError(ctx, `unknown command '${next}' for 'notes ${sub.name()}'`,
          `its commands are ${sub.commands.filter((c) => c.name() !== 'help').map((c) => c.name()).join(', ')}; run notes ${sub.name()} --help`);
        return 2;
      }
      const { message, more } = commanderMessage(err.message);
      printError(ctx, message, [...more, `run notes ${sub ? `${sub.name()} ` : ''}--help`].join(' '));
      return 2;
    }
    if (err instanceof NotesError) {
      printError(ctx, err.message, err.hint, err instanceof RefError ? err.candidates : []);
      return err.exitCode;
    }
    const sys = err as NodeJS.ErrnoException;
    if (sys && typeof sys.code === 'string' && typeof sys.syscall === 'string') {
      // The machine said no (permissions, a full or read-only disk): not a bug.
      const hints: Record<string, string> = {
        EACCES: 'check the permissions of that file or folder', EPERM: 'check the permissions of that file or folder',
        ENOSPC: 'free some disk space and run the command again', EROFS: 'the file system is read-only; use a writable copy of the notebook',
        ENOENT: 'check that the path exists', EMFILE: 'too many open files; raise the limit (ulimit -n) and run again',
      };
      printError(ctx, `cannot ${sys.syscall}${sys.path ? ` ${sys.path}` : ''}: ${sys.code}`, hints[sys.code] ?? 'run again with --verbose for details');
      if (state.verbose && sys.stack) ctx.stderr.write(`${sys.stack}\n`);
      return 1;
    }
    const e = err as Error;
    printError(ctx, `unexpected: ${e?.message ?? String(err)}`, state.verbose ? undefined : 'this is a bug in notes; run again with --verbose for the details, and report it');
    if (state.verbose && e?.stack) ctx.stderr.write(`${e.stack}\n`);
    return 1;
  }
}
