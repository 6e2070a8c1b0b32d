/**
 * Test helpers: run main() in-process with a captured context, run the built
 * binary as a real process, and make temp copies of fixture notebooks.
 */
import { afterEach } from 'vitest';
import { cpSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { Readable } from 'node:stream';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/main.js';
import type { Context } from '../../src/cli/context.js';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURES = join(REPO, 'test/fixtures');
export const BIN = join(REPO, 'bin/notes');
/** The shared corpora and reference, beside the repo (absent on a user's clone). */
export const SHARED = process.env.NOTES_SHARED ?? resolve(REPO, '../shared');
export const hasShared = existsSync(join(SHARED, 'corpora'));

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string | undefined>;
  stdin?: string;
  now?: Date;
  tty?: boolean;
}

/** Runs `notes <args>` in-process (no colour, frozen clock if given). */
export async function run(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const ctx: Context = {
    cwd: opts.cwd ?? process.cwd(),
    env: { HOME: process.env.HOME, PATH: process.env.PATH, TZ: process.env.TZ, ...opts.env },
    now: () => opts.now ?? new Date(),
    stdout: { write: (s: string) => { stdout += s; }, isTTY: opts.tty ?? false },
    stderr: { write: (s: string) => { stderr += s; }, isTTY: false },
    stdin: opts.stdin === undefined ? null : Object.assign(Readable.from([Buffer.from(opts.stdin)]), { isTTY: false }),
  };
  const code = await main(args, ctx);
  return { code, stdout, stderr };
}

/** Runs the built `bin/notes` as a real process (killed after `timeout` ms, if given: a hang then fails the test). */
export function runBin(args: string[], opts: { cwd?: string; env?: Record<string, string>; input?: string; timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? REPO,
    env: { ...process.env, NO_COLOR: '1', ...opts.env },
    input: opts.input ?? '',
    encoding: 'utf8',
    timeout: opts.timeout,
  });
}

/** A temp folder, removed by the returned cleanup function. */
export function tempDir(prefix = 'notes-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Temp folders removed after each test of the file: call the returned function for a new one. */
export function tempDirs(prefix = 'notes-test-'): () => string {
  const made: Array<() => void> = [];
  afterEach(() => { while (made.length) made.pop()!(); });
  return () => {
    const t = tempDir(prefix);
    made.push(t.cleanup);
    return t.dir;
  };
}

/** A temp copy of a fixture notebook (or any folder). */
export function copyOf(src: string): { dir: string; cleanup: () => void } {
  const t = tempDir();
  const dir = join(t.dir, 'nb');
  cpSync(src, dir, { recursive: true, verbatimSymlinks: true });
  return { dir, cleanup: t.cleanup };
}
