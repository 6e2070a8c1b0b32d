/**
 * The commander program: global options, and one registration function per
 * command (each in its own file, loading its command module only when run,
 * so `notes --version` pays for none of them).
 */
import { Command } from 'commander';
import type { Context } from './context.js';
import { App, type GlobalOptions } from './app.js';
import { registerInit } from './init.js';
import { registerNew } from './new.js';
import { registerList } from './list.js';
import { registerShow } from './show.js';
import { registerSearch } from './search.js';
import { registerTag } from './tag.js';
import { registerCapture } from './capture.js';
import { registerVisit } from './visit.js';
import { registerPeople } from './people.js';
import { registerTodo } from './todo.js';
import { registerLinks } from './links.js';
import { registerDoctor } from './doctor.js';
import { registerCompletion } from './completion.js';
import { registerExport } from './export.js';

declare const __NOTES_VERSION__: string | undefined;
export const VERSION = typeof __NOTES_VERSION__ === 'string' ? __NOTES_VERSION__ : '0.0.0-dev';

/** Where an action's exit code is left for main() to return. */
export interface RunState {
  exitCode: number;
  verbose: boolean;
}

/** Runs an action with the App; its returned number (if any) becomes the exit code. */
export type Action = (app: App, ...args: any[]) => Promise<number | void> | number | void;

export interface Registrar {
  /** Wraps an action so it receives the App and reports its exit code. */
  action(fn: Action): (...args: any[]) => Promise<void>;
}

export function buildProgram(ctx: Context, state: RunState): Command {
  const program = new Command('notes');
  program
    .description('A notebook for facility visit logs, kept as Hugo content (Markdown with front matter).')
    .version(VERSION, '-V, --version', 'print the version')
    .option('-d, --dir <folder>', 'the notebook folder (default: $NOTES_DIR, the nearest folder above with .notes.toml, or ./notes)')
    .option('-q, --quiet', 'print no messages on stderr, only errors')
    .option('-v, --verbose', 'print details, and the stack of unexpected errors')
    .option('--no-color', 'never colour the output (also: NO_COLOR=1)')
    .showSuggestionAfterError()
    .addHelpText('after', `
Examples:
  notes init ~/visits              make a notebook
  notes new --tag kafka            start today's day entry; prints its path
  notes list --since 2023-09-01    the days so far
  notes show yesterday             print yesterday's entry`);

  const registrar: Registrar = {
    action(fn) {
      return async (...args: any[]) => {
        const globals = program.opts<GlobalOptions>();
        state.verbose = !!globals.verbose;
        const app = new App(ctx, globals);
        const code = await fn(app, ...args);
        if (typeof code === 'number') state.exitCode = code;
      };
    },
  };
  const commands = [registerInit, registerNew, registerList, registerShow, registerSearch, registerTag, registerCapture,
    registerVisit, registerPeople, registerTodo, registerLinks, registerExport, registerDoctor, registerCompletion];
  for (const register of commands) register(program, registrar);
  return program;
}
