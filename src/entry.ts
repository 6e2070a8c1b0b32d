/**
 * The bundle's entry point, used by bin/notes. `notes --version` answers
 * before anything else is loaded (shell prompts and scripts call it often);
 * everything else goes through main(), loaded on demand.
 */
declare const __NOTES_VERSION__: string | undefined;

/**
 * A reader that stops early (`notes list | head`) closes the pipe: that is
 * not an error, the output simply is not wanted any more. Exit quietly, as
 * grep and git do, instead of crashing with an unhandled EPIPE.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
}

export async function run(argv: string[]): Promise<number> {
  quietOnClosedPipe(process.stdout);
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${typeof __NOTES_VERSION__ === 'string' ? __NOTES_VERSION__ : '0.0.0-dev'}\n`);
    return 0;
  }
  const [{ main }, { processContext }] = await Promise.all([import('./main.js'), import('./cli/context.js')]);
  return main(argv, processContext());
}
