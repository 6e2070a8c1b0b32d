/**
 * What every command action gets: the context, the global options, the
 * notebook (located on first use), and the ways to talk to the user.
 * stdout carries data; everything else goes to stderr.
 */
import type { ChalkInstance } from 'chalk';
import type { Context } from './context.js';
import { chalkFor } from './style.js';
import { locateNotebook, type Notebook, type NoteProblem } from '../store/notebook.js';

export interface GlobalOptions {
  dir?: string;
  quiet?: boolean;
  verbose?: boolean;
  color?: boolean;
}

export class App {
  readonly ctx: Context;
  readonly globals: GlobalOptions;
  /** Colours for stdout and stderr, each off unless that stream is a terminal. */
  readonly c: ChalkInstance;
  readonly ce: ChalkInstance;
  private nb: Notebook | undefined;

  constructor(ctx: Context, globals: GlobalOptions) {
    this.ctx = ctx;
    this.globals = globals;
    this.c = chalkFor(ctx.stdout, ctx.env, globals.color);
    this.ce = chalkFor(ctx.stderr, ctx.env, globals.color);
  }

  /** The notebook, found as --dir > NOTES_DIR > .notes.toml upwards > ./notes. */
  notebook(): Notebook {
    this.nb ??= locateNotebook({ dir: this.globals.dir, env: this.ctx.env, cwd: this.ctx.cwd });
    return this.nb;
  }

  /** Data, to stdout. */
  out(text: string): void {
    this.ctx.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }

  /** A message for the user, to stderr; silenced by --quiet. */
  info(text: string): void {
    if (!this.globals.quiet) this.ctx.stderr.write(`${text}\n`);
  }

  /** Details only --verbose wants. */
  debug(text: string): void {
    if (this.globals.verbose) this.ctx.stderr.write(this.ce.dim(`notes: ${text}\n`));
  }

  /** A warning, to stderr, always in the same shape. */
  warn(text: string, hint?: string): void {
    if (this.globals.quiet) return;
    this.ctx.stderr.write(`${this.ce.yellow('notes: warning:')} ${text}\n`);
    if (hint && this.globals.verbose) this.ctx.stderr.write(`hint: ${hint}\n`);
  }

  /** One warning per note that could not be read: path, line where known, reason. */
  reportProblems(problems: NoteProblem[]): void {
    for (const p of problems) this.warn(`skipped ${p.path}${p.line ? `:${p.line}` : ''}: ${p.reason}`, p.hint);
  }
}
