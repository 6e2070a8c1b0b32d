import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir, SHARED, REPO, hasShared } from '../helpers/run.js';
import type { Person } from '../../src/core/people.js';
import type { FollowUp } from '../../src/core/followups.js';

const reference = join(SHARED, 'reference/visit-day.md');
const need = hasShared || !!process.env.NOTES_REQUIRE_EXTERNAL;

// The real day entry the format comes from (names are real: only counts and
// groups are checked here, so that no name is copied into the repository).
describe.skipIf(!need)('the reference day entry (needs ../shared)', () => {
  it('yields its four contacts, groups from the bullet headings, and its prose follow-ups', async () => {
    const t = tempDir();
    try {
      mkdirSync(join(t.dir, 'visit'));
      cpSync(reference, join(t.dir, 'visit/2023-09-08.md'));
      const people = JSON.parse((await run(['--dir', t.dir, 'people', '--json'])).stdout) as Person[];
      expect(people).toHaveLength(4);
      expect(people.filter((p) => p.derived === 'url')).toHaveLength(3);
      expect(people.filter((p) => p.emails.length)).toHaveLength(1);
      expect(people.flatMap((p) => p.groups).sort()).toEqual([
        'DRAM - Data Reduction and Modeling', 'DST - Data Systems and Technologies', 'ECDC - Experimental Control and Data Curation',
      ]);
      // The two people named in the Thoughts bullet are known ones, mentioned there.
      expect(people.filter((p) => p.appearances.some((a) => a.source === 'mention'))).toHaveLength(2);
      const todo = JSON.parse((await run(['--dir', t.dir, 'todo', '--json'])).stdout) as FollowUp[];
      expect(todo.map((f) => f.trigger)).toEqual(['to come later', 'have to', 'in touch', 'check into']);
      const links = JSON.parse((await run(['--dir', t.dir, 'links', '--json'])).stdout) as unknown[];
      expect(links).toHaveLength(4);
    } finally {
      t.cleanup();
    }
  });
});

// Notes in the wild (the shared corpora) name few people met: no one may be
// made up from their many links and capitalised phrases.
describe.skipIf(!need)('the shared corpora (needs ../shared)', () => {
  it.each(['benmezger-notes', 'hugo-docs', 'hugo-book-exampleSite'])('%s: only people with an address', async (name) => {
    const r = await run(['--dir', join(SHARED, 'corpora', name, 'content'), '--quiet', 'people', '--json']);
    expect(r.code).toBe(0);
    const people = JSON.parse(r.stdout) as Person[];
    expect(people.filter((p) => !p.emails.length).map((p) => p.name)).toEqual([]);
    expect(people.length).toBeLessThanOrEqual(2);
  });
});

// The sample notebook in notes/ (written by the lead): whatever it holds, the
// commands read all of it without problems.
describe.skipIf(!existsSync(join(REPO, 'notes')))('the sample notebook notes/', () => {
  it.each([['visit', 'list', '--json'], ['people', '--json'], ['todo', '--json'], ['links', '--json']])('notes %s %s', async (...args) => {
    const r = await run(['--dir', join(REPO, 'notes'), ...args]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(Array.isArray(JSON.parse(r.stdout))).toBe(true);
  });
});
