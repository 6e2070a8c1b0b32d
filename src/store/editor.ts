/**
 * Opens a file in the user's editor: the config's editor, else $VISUAL,
 * else $EDITOR, else vi. Started with argv (no shell), attached to the
 * terminal, and waited for.
 */
import { spawn } from 'node:child_process';
import { NotesError } from '../core/errors.js';
import { shellWords } from '../core/shell-words.js';

export async function openInEditor(file: string, env: Record<string, string | undefined>, configured: string | null): Promise<void> {
  const line = configured || env.VISUAL || env.EDITOR || 'vi';
  let argv: string[];
  try { argv = shellWords(line); } catch (e) {
    throw new NotesError(`cannot read the editor command: ${(e as Error).message}`, { hint: 'set EDITOR to a command such as "nano" or "code --wait"' });
  }
  if (!argv.length) throw new NotesError('the editor command is empty', { hint: 'set EDITOR, e.g. export EDITOR=nano' });
  const [cmd, ...args] = argv as [string, ...string[]];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(cmd, [...args, file], { stdio: 'inherit', env: env as NodeJS.ProcessEnv, shell: false });
    child.on('error', (err) => reject(new NotesError(`cannot start the editor "${cmd}": ${(err as NodeJS.ErrnoException).code ?? err.message}`, {
      hint: 'set EDITOR (or VISUAL) to an editor that is installed, e.g. export EDITOR=nano',
    })));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new NotesError(`the editor "${cmd}" ended with ${signal ?? `exit code ${code}`}`, { hint: `the file is ${file}` }));
    });
  });
}
