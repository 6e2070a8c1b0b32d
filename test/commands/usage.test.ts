import { describe, it, expect, afterAll } from 'vitest';
import { join } from 'node:path';
import { run, REPO, copyOf } from '../helpers/run.js';
import { commanderMessage } from '../../src/main.js';

const NOTES = join(REPO, 'notes');

describe('usage errors: one line, a hint, exit 2, nothing on stdout', () => {
  it.each([
    [['bogus'], /unknown command 'bogus'/, /run notes --help/],
    [['visit', 'foo'], /unknown command 'foo' for 'notes visit'/, /its commands are start, list, use, show/],
    [['tag', 'foo'], /unknown command 'foo' for 'notes tag'/, /its commands are list, add, remove, rename/],
    [['--dir', NOTES, 'list', '--bogus'], /unknown option '--bogus'/, /run notes list --help/],
    [['new', '--date'], /option '--date <date>' argument missing/, /run notes new --help/],
    [['show'], /missing required argument 'ref'/, /run notes show --help/],
  ])('%j', async (args, message, hint) => {
    const r = await run(args, { cwd: REPO });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const [first, second] = r.stderr.trim().split('\n');
    expect(first).toMatch(/^notes: error: /);
    expect(first).toMatch(message);
    expect(second).toMatch(/^hint: /);
    expect(second).toMatch(hint);
  });
});

describe('every usage error says what to do next', () => {
  // A copy: tag add and visit start write when they get past their checks.
  const nb = copyOf(NOTES);
  afterAll(nb.cleanup);
  it.each([
    [['foo'], "notes: error: unknown command 'foo' (did you mean todo?)", 'hint: run notes --help'],
    [['list', '--tga', 'x'], "notes: error: unknown option '--tga' (did you mean --tag?)", 'hint: run notes list --help'],
    [['tag', 'add', 'x', '--to', 'three', '--all'], 'notes: error: name notes by ref, or select them with --where / filters / --all, not both',
      'hint: keep one: --to <ref>... alone, or --where / --tag / --visit / --since / --until / --all without --to'],
    [['tag', 'remove', 'x', '--from', 'three', '--tag', 'kafka'], 'notes: error: name notes by ref, or select them with --where / filters / --all, not both',
      'hint: keep one: --from <ref>... alone, or --where / --tag / --visit / --since / --until / --all without --from'],
    [['visit', 'start', 'v9', '--facility', 'F', '--start', '2023-09-05', '--end', '2023-09-01'], 'notes: error: --end 2023-09-01 is before --start 2023-09-05',
      'hint: give --end a day on or after 2023-09-05, or set --start (it defaults to today)'],
    [['visit', 'start', '.', '--facility', 'F'], 'notes: error: a visit needs a folder name, such as ess-2023', 'hint: e.g. notes visit start ess-2023 --facility ESS'],
    [['new', '--day', '0'], 'notes: error: --day must be a whole number of 1 or more, not "0"', 'hint: e.g. --day 3'],
    [['add', '--date', 'soon', 'text'], 'notes: error: --date takes a date as YYYY-MM-DD, today, yesterday or tomorrow, not "soon"', 'hint: e.g. --date 2023-09-04, or --date yesterday'],
    [['list', '--since', '2023-09-08', '--until', '2023-09-04'], 'notes: error: --since 2023-09-08 is after --until 2023-09-04', 'hint: swap them: --since takes the first day, --until the last'],
    [['export', '--json', '--force'], 'notes: error: --force applies only to formats that write a folder, not --json', 'hint: leave out --force: --json writes to stdout or the --out file'],
  ])('%j', async (args, message, hint) => {
    const r = await run(['--dir', nb.dir, ...args], { cwd: REPO, env: { NOTES_CACHE_DIR: join(nb.dir, '..', 'cache') } });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${message}\n${hint}\n`);
  });

  it.each([
    ["error: unknown command 'foo'\n(Did you mean todo?)", "unknown command 'foo' (did you mean todo?)", []],
    ["error: unknown option '--tga'\n(Did you mean --tag?)", "unknown option '--tga' (did you mean --tag?)", []],
    ["error: missing required argument 'ref'", "missing required argument 'ref'", []],
    ['error: first\nsecond line', 'first', ['second line']],
  ])('commanderMessage(%j)', (text, message, more) => {
    expect(commanderMessage(text)).toEqual({ message, more });
  });
});
