/**
 * Whatever a title, ref, tag, visit name or bullet contains, nothing is
 * written outside the notebook, and no shell runs it.
 */
import { describe, it, expect, afterAll } from 'vitest';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, tempDir } from '../helpers/run.js';
import { parseNote } from '../../src/core/note.js';

const t = tempDir('notes-sec-');
afterAll(() => t.cleanup());
const nb = join(t.dir, 'nb');
const HOSTILE = ['../../escape', '/tmp/notes-abs-escape', '$(touch PWNED)', '`touch PWNED2`', 'a/../../b', '..', '\u0000nul', 'x\ny = 1'];
const NOW = new Date(2024, 5, 3, 10);

describe('hostile input stays inside the notebook', () => {
  it('new, visit start, tag, add with hostile values', async () => {
    await run(['init', nb]);
    const env = { NOTES_CACHE_DIR: join(t.dir, 'cache') };
    for (const h of HOSTILE) {
      await run(['new', '--title', h, '--date', '2024-06-01', '--tag', h, '--category', h], { cwd: nb, now: NOW, env });
      await run(['new', '--visit', h, '--date', '2024-06-02'], { cwd: nb, now: NOW, env });
      await run(['visit', 'start', h, '--facility', h], { cwd: nb, now: NOW, env });
      await run(['tag', 'add', h, '--to', '2024-06-01'], { cwd: nb, now: NOW, env });
      await run(['add', h, '--under', h, '--tag', h], { cwd: nb, now: NOW, env });
      await run(['show', h], { cwd: nb, now: NOW, env });
    }
    // Only the notebook and the cache folder exist beside each other; nothing escaped.
    expect(readdirSync(t.dir).filter((f) => f !== 'cache')).toEqual(['nb']);
    expect(existsSync('/tmp/notes-abs-escape')).toBe(false);
    for (const f of ['PWNED', 'PWNED2']) expect(existsSync(join(nb, f))).toBe(false);
    // Every note written is a valid note, the hostile text stored as data.
    const files = readdirSync(nb, { recursive: true }).map(String).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(() => parseNote(f, readFileSync(join(nb, f), 'utf8'))).not.toThrow();
    const day = parseNote('d', readFileSync(join(nb, files.find((f) => f.startsWith('2024-06-01'))!), 'utf8'));
    expect(day.tags).toEqual(expect.arrayContaining(['$(touch PWNED)', '../../escape']));
  });
});
