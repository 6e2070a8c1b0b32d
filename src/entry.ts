/**
 * The bundle's entry point, used by bin/notes. `notes --version` answers
 * before anything else is loaded (shell prompts and scripts call it often);
 * everything else goes through main(), loaded on demand.
 */
declare const __NOTES_VERSION__: string | undefined;

export async function run(argv: string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    process.stdout.write(`${typeof __NOTES_VERSION__ === 'string' ? __NOTES_VERSION__ : '0.0.0-dev'}\n`);
    return 0;
  }
  const [{ main }, { processContext }] = await Promise.all([import('./main.js'), import('./cli/context.js')]);
  return main(argv, processContext());
}
