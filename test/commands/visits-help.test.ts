import { describe, expect, it } from 'vitest';
import { run } from '../helpers/run.js';

// The interface in review: a change to a flag or its help shows up here.
describe('help of the visit, people, todo and links commands', () => {
  it.each([['visit'], ['visit', 'start'], ['visit', 'list'], ['visit', 'use'], ['visit', 'show'], ['people'], ['todo'], ['todo', 'done'], ['links']])(
    'notes %s --help', async (...words) => {
      const r = await run([...words, '--help']);
      expect(r.code).toBe(0);
      // Whitespace folded: commander wraps help to the terminal's width.
      expect(r.stdout.replace(/\s+/g, ' ').trim()).toMatchSnapshot();
    });
});
