/**
 * The bundle's entry point (dist/notes.cjs), run by src/launch.ts, which has
 * already answered `--version`. main() and each command's modules are
 * initialised only now, on demand.
 */

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
  const [{ main }, { processContext }] = await Promise.all([import('./main.js'), import('./cli/context.js')]);
  return main(argv, processContext());
}
