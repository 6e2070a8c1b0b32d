/**
 * What a command may touch of the outside world, passed in rather than taken
 * from globals, so tests can freeze the clock and capture the output.
 */
export interface Output {
  write(text: string): void;
  isTTY?: boolean;
}

export interface Context {
  cwd: string;
  env: Record<string, string | undefined>;
  now: () => Date;
  stdout: Output;
  stderr: Output;
  /** Standard input; null when there is none to read. */
  stdin: (NodeJS.ReadableStream & { isTTY?: boolean }) | null;
}

/** The real process's context. */
export function processContext(): Context {
  return {
    cwd: process.cwd(),
    env: process.env,
    now: () => new Date(),
    stdout: process.stdout,
    stderr: process.stderr,
    // A getter: creating process.stdin costs ~2 ms, and few commands read it.
    get stdin() { return process.stdin; },
  };
}

/** Reads all of stdin as text (only when it is not a terminal). */
export async function readStdin(ctx: Context): Promise<string | null> {
  const input = ctx.stdin;
  if (!input || input.isTTY) return null;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
