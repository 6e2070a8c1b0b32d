/**
 * Concurrency: two tag commands at once over the same notes lose nothing
 * and corrupt nothing; a note skipped because the other command changed it
 * is reported (exit 1), and running the command again completes the work.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, runBin, tempDir } from '../helpers/run.js';
import { parseNote } from '../../src/core/note.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function spawnNotes(args: string[], cwd: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('two tag commands at once', () => {
  it('lose no note and no edit', async () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    writeFileSync(join(t.dir, '.notes.toml'), 'format = "toml"\n');
    mkdirSync(join(t.dir, 'v'));
    const N = 300;
    for (let i = 0; i < N; i++) writeFileSync(join(t.dir, 'v', `n${i}.md`), `+++\ntitle = "N${i}"\ntags = ["base"]\n+++\n- body ${i}\n`);
    const [a, b] = await Promise.all([
      spawnNotes(['tag', 'add', 'x', '--all'], t.dir),
      spawnNotes(['tag', 'add', 'y', '--all'], t.dir),
    ]);
    const read = () => readdirSync(join(t.dir, 'v')).map((f) => parseNote(f, readFileSync(join(t.dir, 'v', f), 'utf8')));
    let notes = read();
    expect(notes).toHaveLength(N);
    for (const n of notes) {
      expect(n.tags[0]).toBe('base');
      expect(n.body).toMatch(/^- body \d+\n$/);
      expect(['x', 'y']).toEqual(expect.arrayContaining(n.tags.slice(1)));
    }
    // A skipped note is reported, and the command says so with exit 1.
    for (const r of [a, b]) expect(r.code === 0 || /skipped/.test(r.stderr)).toBe(true);
    expect(runBin(['tag', 'add', 'x', '--all'], { cwd: t.dir }).status).toBe(0);
    expect(runBin(['tag', 'add', 'y', '--all'], { cwd: t.dir }).status).toBe(0);
    notes = read();
    for (const n of notes) expect([...n.tags].sort()).toEqual(['base', 'x', 'y']);
    expect(readdirSync(join(t.dir, 'v')).filter((f) => f.startsWith('.'))).toEqual([]);
  });
});
