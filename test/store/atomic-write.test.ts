// A write replaces a note's bytes and nothing else about it: its permissions
// (a private note stays private), its symlink (the link stays, the note it
// points to changes), and a note the user made read-only is refused, as an
// editor would refuse it, not renamed over.
import { describe, expect, it } from 'vitest';
import { chmodSync, chownSync, lstatSync, mkdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { writeFileAtomic } from '../../src/store/atomic-write.js';
import { writeAllIfUnchanged } from '../../src/store/guarded-write.js';
import { REPO, tempDirs } from '../helpers/run.js';
import { buildSync } from 'esbuild';

const newDir = tempDirs();

/** Both ways notes are written: plain (todo, visit) and guarded (tag, add). */
const writers: [string, (path: string, before: string, after: string) => Promise<unknown>][] = [
  ['writeFileAtomic', async (path, _before, after) => writeFileAtomic(path, after)],
  ['writeAllIfUnchanged', async (path, before, after) => {
    const [outcome] = await writeAllIfUnchanged([{ path, before: Buffer.from(before), after }]);
    if (outcome !== 'written') throw Object.assign(new Error('not written'), { outcome });
  }],
];

/** Makes a file read-only even to root (immutable), or returns null where chattr cannot. */
function makeReadOnly(path: string): (() => void) | null {
  if (process.getuid?.() !== 0) {
    chmodSync(path, 0o444);
    return () => chmodSync(path, 0o644);
  }
  if (spawnSync('chattr', ['+i', path]).status !== 0) return null;
  return () => { spawnSync('chattr', ['-i', path]); };
}

describe.each(writers)('%s', (_name, write) => {
  it.each(['600', '640', '664', '755'])('keeps mode %s', async (octal) => {
    const mode = parseInt(octal, 8);
    const path = join(newDir(), 'n.md');
    writeFileSync(path, 'old\n');
    chmodSync(path, mode);
    await write(path, 'old\n', 'new\n');
    expect(readFileSync(path, 'utf8')).toBe('new\n');
    expect(statSync(path).mode & 0o777).toBe(mode);
  });

  it('writes through a symlink: the link stays a link, the note it points to changes', async () => {
    const dir = newDir();
    const real = join(dir, 'real.md');
    const link = join(dir, 'link.md');
    writeFileSync(real, 'old\n');
    chmodSync(real, 0o600);
    symlinkSync('real.md', link);
    await write(link, 'old\n', 'new\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe('real.md');
    expect(readFileSync(real, 'utf8')).toBe('new\n');
    expect(statSync(real).mode & 0o777).toBe(0o600);
  });

  it('refuses a read-only note and leaves it as it was', async () => {
    const path = join(newDir(), 'n.md');
    writeFileSync(path, 'old\n');
    const undo = makeReadOnly(path);
    if (!undo) return; // chattr unsupported here (as root, only an immutable file is read-only)
    try {
      await expect(write(path, 'old\n', 'new\n')).rejects.toThrow();
      expect(readFileSync(path, 'utf8')).toBe('old\n');
    } finally {
      undo();
    }
  });
});

describe('writeFileAtomic', () => {
  it('creates a new file with the umask applied to 0666, as any program would', () => {
    const path = join(newDir(), 'new.md');
    const old = process.umask(0o002);
    try {
      writeFileAtomic(path, 'x\n');
    } finally {
      process.umask(old);
    }
    expect(statSync(path).mode & 0o777).toBe(0o664);
  });
});

// As another user (root runs the tests in CI: setpriv drops to nobody), in a
// group the note belongs to: the new file keeps that group, so the others
// sharing the note can still write it. The writer is bundled into the temp
// folder, which nobody can read, unlike the checkout (CI clones it into a
// root-only folder).
const canDrop = process.getuid?.() === 0 && spawnSync('setpriv', ['--version']).status === 0;
describe.skipIf(!canDrop)('a note shared through a group, edited by a member who is not its owner', () => {
  it('keeps its group and mode', () => {
    const dir = newDir();
    chmodSync(dir, 0o777);
    mkdirSync(join(dir, 'v'), { mode: 0o777 });
    chmodSync(join(dir, 'v'), 0o777);
    const note = join(dir, 'v', 's.md');
    writeFileSync(note, 'old\n');
    chownSync(note, 0, 100);
    chmodSync(note, 0o664);
    const entry = join(dir, 'entry.ts');
    writeFileSync(entry, `import { writeFileAtomic } from ${JSON.stringify(join(REPO, 'src/store/atomic-write.ts'))};\nwriteFileAtomic(process.argv[2]!, 'new\\n');\n`);
    const writer = join(dir, 'writer.cjs');
    buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', outfile: writer, logLevel: 'silent' });
    chmodSync(writer, 0o644);
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--groups=65534,100', '--', process.execPath, writer, note], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(note, 'utf8')).toBe('new\n');
    const st = statSync(note);
    expect([st.gid, st.mode & 0o777]).toEqual([100, 0o664]);
  });
});
