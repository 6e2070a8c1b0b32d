import { afterEach } from 'vitest';
import { join } from 'node:path';
import { copyOf, FIXTURES } from '../helpers/run.js';

/** Temp copies of a fixture notebook, removed after each test of the file that calls this. */
export function fixtureCopies(name: string): () => string {
  const cleanups: (() => void)[] = [];
  afterEach(() => { while (cleanups.length) cleanups.pop()!(); });
  return () => {
    const c = copyOf(join(FIXTURES, name));
    cleanups.push(c.cleanup);
    return c.dir;
  };
}
