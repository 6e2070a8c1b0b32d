import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { BIN, copyOf, FIXTURES, run } from '../helpers/run.js';
import { addToEntry } from '../../src/commands/add.js';
import { locateNotebook } from '../../src/store/notebook.js';

const FIXTURE = join(FIXTURES, 'capture-notebook');
const ENTRY = 'visit-b/2024-05-02.md';
const NOW = new Date(2024, 4, 2, 14, 5); // local 2024-05-02 14:05
let cleanups: Array<() => void> = [];
afterEach(() => { cleanups.forEach((c) => c()); cleanups = []; });

function notebook(): string {
  const { dir, cleanup } = copyOf(FIXTURE);
  cleanups.push(cleanup);
  return dir;
}
const read = (dir: string, rel = ENTRY) => readFileSync(join(dir, rel), 'utf8');
const add = (dir: string, args: string[], stdin?: string) => run(['add', ...args], { cwd: dir, now: NOW, stdin });

describe('notes add', () => {
  it('appends a top-level bullet to today\'s entry, keeping the blank line between groups; stdout stays empty', async () => {
    const dir = notebook();
    const before = read(dir);
    const r = await add(dir, ['Lunch', 'with', 'the', 'users']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('notes: added visit-b/2024-05-02.md:22\n');
    expect(read(dir)).toBe(`${before}\n- Lunch with the users\n`);
  });

  it('nests under a fuzzily matched bullet, at depth 1 and 2, with the entry\'s indentation', async () => {
    const dir = notebook();
    const before = read(dir);
    const a = await add(dir, ['--under', 'detector sample', 'Runs the sample changers']);
    expect(a.stderr).toBe('notes: under line 13: DSC - Detector and Sample Control\nnotes: added visit-b/2024-05-02.md:18\n');
    const b = await add(dir, ['--under', 'computng', 'GPU nodes on order']);
    expect(b.stderr).toBe('notes: under line 15: Computing\nnotes: added visit-b/2024-05-02.md:18\n');
    expect(read(dir)).toBe(before
      .replace('    - Object storage\n', '    - Object storage\n    - GPU nodes on order\n  - Runs the sample changers\n'));
  });

  it('makes the parent at the top level when nothing matches, then nests under it', async () => {
    const dir = notebook();
    const before = read(dir);
    const r = await add(dir, ['--under', 'SEC - Software and Controls', 'group leader since 2018']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no bullet matches "SEC - Software and Controls": added it at the top level (line 22)');
    expect(read(dir)).toBe(`${before}\n- SEC - Software and Controls\n  - group leader since 2018\n`);
    await add(dir, ['--under', 'software and controls', 'runs the control system']);
    expect(read(dir)).toBe(`${before}\n- SEC - Software and Controls\n  - group leader since 2018\n  - runs the control system\n`);
  });

  it('refuses an ambiguous --under, listing the candidates, and writes nothing', async () => {
    const dir = notebook();
    const before = read(dir);
    const r = await add(dir, ['--under', 'co', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('notes: error: "co" matches 2 bullets\n  line 14: Contact: Ada Example (mailto:ada@example.org)\n  line 15: Computing\nhint: use more of the words of the bullet you mean\n');
    expect(read(dir)).toBe(before);
  });

  it('appends to an entry with CRLF line ends and no final newline, changing nothing else', async () => {
    const dir = notebook();
    const crlf = read(dir).replace(/\n/g, '\r\n').replace(/\r\n$/, '');
    writeFileSync(join(dir, ENTRY), crlf);
    await add(dir, ['--under', 'beamline tools', 'Bug tracker']);
    expect(readFileSync(join(dir, ENTRY), 'utf8')).toBe(`${crlf}\r\n  - Bug tracker`);
    await add(dir, ['Top']);
    expect(readFileSync(join(dir, ENTRY), 'utf8')).toBe(`${crlf}\r\n  - Bug tracker\r\n\r\n- Top`);
  });

  it('creates the missing entry exactly as notes new would, then appends', async () => {
    const dir = notebook();
    const other = notebook();
    const day = new Date(2024, 4, 3, 10, 0);
    const r = await run(['add', 'first bullet'], { cwd: dir, now: day });
    expect(r.stderr).toBe('notes: created day 3 (2024-05-03): visit-b/2024-05-03.md\nnotes: added visit-b/2024-05-03.md:12\n');
    await run(['new'], { cwd: other, now: day });
    expect(read(dir, 'visit-b/2024-05-03.md')).toBe(`${read(other, 'visit-b/2024-05-03.md')}- first bullet\n`);
  });

  it('--date, --time, --tag (surgical) and --print-path; stdin gives one bullet a line', async () => {
    const dir = notebook();
    const before = read(dir);
    const r = await add(dir, ['--date', '2024-05-02', '--time', '--tag', 'people', '--print-path'], '- first from stdin\n\nsecond\n');
    expect(r.stdout).toBe(`${ENTRY}\n`);
    expect(r.stderr).toBe('notes: tagged people\nnotes: added visit-b/2024-05-02.md:22\nnotes: added visit-b/2024-05-02.md:24\n');
    expect(read(dir)).toBe(`${before.replace('tags = "tour"', 'tags = ["tour", "people"]')}\n- 14:05 first from stdin\n\n- 14:05 second\n`);
  });

  it('redoes the append when an editor saved the entry meanwhile, keeping both changes', async () => {
    const dir = notebook();
    const before = read(dir);
    let saves = 0;
    const res = await addToEntry(locateNotebook({ cwd: dir, env: {} }), {
      day: '2024-05-02', now: NOW, items: ['from notes add'],
      beforeWrite: (abs) => { if (saves++ === 0) writeFileSync(abs, `${before}- saved in an editor\n`); },
    });
    expect(saves).toBe(2);
    expect(res.lines).toEqual([22]);
    expect(read(dir)).toBe(`${before}- saved in an editor\n- from notes add\n`);
  });

  it('says what to do when there is no text', async () => {
    const r = await add(notebook(), []);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('nothing to add');
  });

  it('20 concurrent notes add to the same entry lose nothing', async () => {
    const dir = notebook();
    const runOne = (k: number) => new Promise<number>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'add', '--under', 'beamline tools', `item ${k}`], { cwd: dir, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
      child.on('exit', (code) => resolve(code ?? -1));
    });
    const codes = await Promise.all(Array.from({ length: 20 }, (_, k) => runOne(k)));
    expect(codes).toEqual(Array(20).fill(0));
    const today = readdirSync(join(dir, 'visit-b')).filter((n) => n !== '_index.md' && n !== '2024-05-02.md');
    expect(today).toHaveLength(1);
    const text = read(dir, `visit-b/${today[0]}`);
    for (let k = 0; k < 20; k++) expect(text).toContain(`\n  - item ${k}\n`);
    expect(text.match(/^- beamline tools$/gm)).toHaveLength(1); // made once, by whichever came first
    expect(readdirSync(join(dir, 'visit-b')).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});

describe('notes today', () => {
  it('prints the path of today\'s entry, or exits 1 with a hint', async () => {
    const dir = notebook();
    expect(await run(['today'], { cwd: dir, now: NOW })).toEqual({ code: 0, stdout: `${ENTRY}\n`, stderr: '' });
    const none = await run(['today'], { cwd: dir, now: new Date(2024, 4, 9, 9) });
    expect(none.code).toBe(1);
    expect(none.stderr).toBe('notes: error: no entry for 2024-05-09 in visit-b\nhint: start it with notes new, or add a first bullet with notes add "text"\n');
  });

  it('--show prints the entry', async () => {
    const dir = notebook();
    expect((await run(['today', '--show'], { cwd: dir, now: NOW })).stdout).toBe(read(dir));
  });

  it('--edit opens it in the editor', async () => {
    const dir = notebook();
    const r = await run(['today', '--edit'], { cwd: dir, now: NOW, env: { EDITOR: `sh -c 'echo edited >> "$0"'` } });
    expect(r.code).toBe(0);
    expect(read(dir).endsWith('edited\n')).toBe(true);
  });

  it('--edit opens an entry that cannot be read, to fix it; without --edit, says so', async () => {
    const dir = notebook();
    writeFileSync(join(dir, ENTRY), read(dir).replace(/^title = .*$/m, "title = Four's day"));
    const plain = await run(['today'], { cwd: dir, now: NOW });
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/it may be the entry of .*\nhint: fix that file first \(notes today --edit opens it/);
    const r = await run(['today', '--edit'], { cwd: dir, now: NOW, env: { EDITOR: `sh -c 'echo edited >> "$0"'` } });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/warning: .*it may be the entry of/);
    expect(read(dir).endsWith('edited\n')).toBe(true);
  });
});
