// Guarded writes keep no more files in flight than libuv's thread pool has
// threads: a rename must never wait in the pool's queue behind other files'
// fsyncs, between the content check and the rename taking effect, where
// another editor's save would be overwritten.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAllIfUnchanged, writeConcurrency } from '../../src/store/guarded-write.js';
import { tempPathFor } from '../../src/store/atomic-write.js';
import { tempDirs } from '../helpers/run.js';

const newDir = tempDirs();

describe('writeConcurrency', () => {
  it.each([
    // As libuv reads it (atoi; 0 is 1 thread; a negative count, held unsigned, is the maximum).
    [undefined, 4], ['', 1], ['8', 8], ['16', 8], ['2', 2], ['1', 1], ['  6', 6], ['3.7', 3],
    ['0', 1], ['many', 1], ['0x10', 1], ['1e1', 1], ['-3', 8], ['5000', 8],
  ])('UV_THREADPOOL_SIZE=%j: %i files at once', (size, files) => {
    expect(writeConcurrency({ UV_THREADPOOL_SIZE: size })).toBe(files);
  });
});

describe('writeAllIfUnchanged', () => {
  it('writes what is unchanged and skips, untouched, what changed or went away', async () => {
    const dir = newDir();
    const files = Array.from({ length: 12 }, (_, k) => join(dir, `n${k}.md`));
    files.forEach((f, k) => writeFileSync(f, `old ${k}\n`));
    const jobs = files.map((path, k) => ({ path, before: Buffer.from(`old ${k}\n`), after: `new ${k}\n` }));
    const outcomes = await writeAllIfUnchanged(jobs, {
      beforeCommit: (path) => {
        if (path === files[3]) writeFileSync(path, 'an editor saved this\n');
        if (path === files[7]) unlinkSync(path);
      },
    });
    expect(outcomes.filter((o) => o === 'written')).toHaveLength(10);
    expect([outcomes[3], outcomes[7]]).toEqual(['changed', 'gone']);
    expect(readFileSync(files[3]!, 'utf8')).toBe('an editor saved this\n');
    expect(readFileSync(files[0]!, 'utf8')).toBe('new 0\n');
    expect(existsSync(files[7]!)).toBe(false);
    // No temp file is left behind, written or not.
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('goes on past a file it cannot write, and leaves no temp file', async () => {
    const dir = newDir();
    // A name the temp file's longer name cannot have (NAME_MAX is 255 here).
    const long = join(dir, `${'a'.repeat(240)}.md`);
    const files = [join(dir, 'a.md'), long, join(dir, 'b.md')];
    files.forEach((f) => writeFileSync(f, 'old\n'));
    const outcomes = await writeAllIfUnchanged(files.map((path) => ({ path, before: Buffer.from('old\n'), after: 'new\n' })));
    expect(outcomes[0]).toBe('written');
    expect(outcomes[2]).toBe('written');
    expect((outcomes[1] as { failed: NodeJS.ErrnoException }).failed.code).toBe('ENAMETOOLONG');
    expect(readFileSync(long, 'utf8')).toBe('old\n');
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  afterEach(() => { vi.restoreAllMocks(); });

  it('never removes a file it did not create, when its temp name is taken', async () => {
    const dir = newDir();
    const note = join(dir, 'a.md');
    writeFileSync(note, 'old\n');
    vi.spyOn(Math, 'random').mockReturnValue(0.5);
    const taken = tempPathFor(note); // the name the write will try
    writeFileSync(taken, 'not ours\n');
    const [outcome] = await writeAllIfUnchanged([{ path: note, before: Buffer.from('old\n'), after: 'new\n' }]);
    expect((outcome as { failed: NodeJS.ErrnoException }).failed.code).toBe('EEXIST');
    expect(readFileSync(taken, 'utf8')).toBe('not ours\n');
    expect(readFileSync(note, 'utf8')).toBe('old\n');
  });

  it('calls a note it cannot read back a failure, not a removal', async () => {
    const dir = newDir();
    const note = join(dir, 'a.md');
    writeFileSync(note, 'old\n');
    const [outcome] = await writeAllIfUnchanged([{ path: note, before: Buffer.from('old\n'), after: 'new\n' }], {
      beforeCommit: (path) => { unlinkSync(path); mkdirSync(path); },
    });
    expect((outcome as { failed: NodeJS.ErrnoException }).failed.code).toBe('EISDIR');
    expect(readdirSync(dir)).toEqual(['a.md']);
  });
});
