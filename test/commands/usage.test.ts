import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { run, REPO } from '../helpers/run.js';

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
