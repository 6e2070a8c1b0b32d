/**
 * Crash safety: `tag rename` over 2,000 notes killed with SIGKILL at random
 * moments, 20 times. Every note must be exactly its old or its new version
 * after each kill (never empty, never truncated, never a mix), and the next
 * run that completes must leave no temp file behind.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, runBin, tempDir } from '../helpers/run.js';

const COUNT = 2000;
let t: { dir: string; cleanup: () => void };
const files: string[] = [];
const versions = new Map<string, { alpha: string; beta: string }>();

const note = (i: number, tag: string) => `+++
title = "Note ${i}"
date = 2024-01-${String((i % 28) + 1).padStart(2, '0')}T10:00:00+01:00
# the tags line is the only one that changes
tags = ["${tag}", "kafka"]
weight = ${i}
+++
- body of note ${i}, mentioning alpha in the text (which must stay)
${'  - filler line\n'.repeat(i % 20)}`;

function allFiles(dir: string, rel = ''): string[] {
  return readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => {
    const p = rel ? `${rel}/${e.name}` : e.name;
    return e.isDirectory() ? allFiles(dir, p) : [p];
  });
}

function runKilledAfter(args: string[], ms: number): Promise<string> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd: t.dir, stdio: 'ignore' });
    const timer = setTimeout(() => p.kill('SIGKILL'), ms);
    p.on('exit', (code, signal) => { clearTimeout(timer); resolve(signal ?? `exit ${code}`); });
  });
}

beforeAll(() => {
  t = tempDir('notes-crash-');
  writeFileSync(join(t.dir, '.notes.toml'), 'format = "toml"\n');
  for (let i = 0; i < COUNT; i++) {
    const rel = `part-${Math.floor(i / 250)}/note-${i}.md`;
    if (i % 250 === 0) mkdirSync(join(t.dir, rel, '..'), { recursive: true });
    writeFileSync(join(t.dir, rel), note(i, 'alpha'));
    files.push(rel);
    versions.set(rel, { alpha: note(i, 'alpha'), beta: note(i, 'beta') });
  }
});
afterAll(() => t.cleanup());

describe('SIGKILL during tag rename', () => {
  it('leaves every note whole, 20 times, and the next run cleans up', async () => {
    // The expected new version is what a complete run writes.
    const t0 = Date.now();
    const full = runBin(['tag', 'rename', 'alpha', 'beta'], { cwd: t.dir });
    // Kill at random moments of a run: between start-up and the end of the writes.
    const duration = Date.now() - t0;
    expect(full.status).toBe(0);
    for (const f of files) expect(readFileSync(join(t.dir, f), 'utf8'), f).toBe(versions.get(f)!.beta);
    let checked = 0;
    let damaged = 0;
    let killedMidway = 0;
    for (let run = 0; run < 20; run++) {
      const [from, to] = run % 2 === 0 ? ['beta', 'alpha'] : ['alpha', 'beta'];
      const outcome = await runKilledAfter(['tag', 'rename', from, to], Math.floor(duration * (0.15 + Math.random() * 0.8)));
      let old = 0;
      let renamed = 0;
      for (const f of files) {
        const text = readFileSync(join(t.dir, f), 'utf8');
        checked++;
        if (text === versions.get(f)![from as 'alpha']) old++;
        else if (text === versions.get(f)![to as 'alpha']) renamed++;
        else damaged++;
      }
      if (outcome === 'SIGKILL' && old > 0 && renamed > 0) killedMidway++;
      // Bring every note to `to`, as a user would by running the command again.
      expect(runBin(['tag', 'rename', from, to], { cwd: t.dir }).status).toBe(0);
    }
    const temps = allFiles(t.dir).filter((f) => f.endsWith('.notes-tmp'));
    console.log(`crash safety: 20 kills, ${checked} file checks, ${damaged} damaged, ${killedMidway} kills landed mid-rename, ${temps.length} temp files left after the next run`);
    expect(damaged).toBe(0);
    expect(temps).toEqual([]);
    expect(killedMidway).toBeGreaterThan(0);
  }, 300_000);
});
