/**
 * The built binary as a user runs it: real processes, real exit codes.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, REPO, runBin, tempDir } from '../helpers/run.js';
import { parseNote } from '../../src/core/note.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

function spawnNotes(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, [BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

describe('the notes binary', () => {
  it('prints its version', () => {
    const r = runBin(['--version']);
    const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(pkg.version);
  });

  it('lists the sample notebook from the repository root', () => {
    const r = runBin(['list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ess-2023\/2023-09-08\.md/);
    expect(r.stderr).toBe('');
  });

  it('the bundle reads YAML front matter (gray-matter loaded on first use) and never runs JS front matter', () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    writeFileSync(join(t.dir, 'a.md'), '---\ntitle: Yaml note\ntags: [x]\n---\nbody\n');
    writeFileSync(join(t.dir, 'b.md'), '---\ntitle: Bad\nx: !!js/function "function(){ process.exit(7) }"\n---\n');
    writeFileSync(join(t.dir, 'c.md'), '---\ntitle: [\n---\n');
    const r = runBin(['list', '--json', '--dir', t.dir]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).map((n: { title: string; tags: string[] }) => [n.title, n.tags])).toEqual([['Yaml note', ['x']]]);
    expect(r.stderr).toMatch(/skipped b\.md:\d+: invalid YAML front matter/);
    expect(r.stderr).toMatch(/skipped c\.md:\d+: invalid YAML front matter/);
  });

  it('every command has help with an example', () => {
    const top = runBin(['--help']).stdout;
    const commands = [...top.matchAll(/^  (\w[\w-]*)(?:\|\w+)?\s/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['init', 'new', 'list', 'show', 'path', 'edit']));
    for (const c of commands) {
      const r = runBin([c, '--help']);
      expect(r.status, c).toBe(0);
      expect(r.stdout, c).toMatch(/Examples?:\n.*\bnotes /);
      // Subcommands (notes tag list, notes visit start...) too.
      const subs = r.stdout.includes('Commands:') ? [...r.stdout.split('Commands:')[1]!.matchAll(/^  (\w[\w-]*)/gm)].map((m) => m[1]!).filter((s) => s !== 'help') : [];
      for (const s of subs) expect(runBin([c, s, '--help']).stdout, `${c} ${s}`).toMatch(/Examples?:\n.*\bnotes /);
    }
  });

  it('20 notes new at once for 20 dates leave 20 intact entries with distinct day numbers', async () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    runBin(['init', t.dir]);
    const days = Array.from({ length: 20 }, (_, i) => `2024-07-${String(i + 1).padStart(2, '0')}`);
    const results = await Promise.all(days.map((d) => spawnNotes(['new', '--date', d, '--visit', 'trip', '--body', `- ${d}\n`], t.dir)));
    expect(results.map((r) => r.code)).toEqual(days.map(() => 0));
    const files = readdirSync(join(t.dir, 'trip')).sort();
    expect(files).toEqual(days.map((d) => `${d}.md`));
    const weights = files.map((f) => {
      const n = parseNote(f, readFileSync(join(t.dir, 'trip', f), 'utf8'));
      expect(n.body).toBe(`- ${f.slice(0, 10)}\n`);
      return n.weight;
    });
    expect([...weights].sort((a, b) => a! - b!)).toEqual(days.map((_, i) => i + 1));
    expect(results.map((r) => r.stdout.trim()).sort()).toEqual(files.map((f) => `trip/${f}`));
  });

  it('20 notes new at once for the same date create exactly one entry', async () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    runBin(['init', t.dir]);
    const results = await Promise.all(Array.from({ length: 20 }, () => spawnNotes(['new', '--date', '2024-08-01'], t.dir)));
    expect(results.every((r) => r.code === 0 && r.stdout === '2024-08-01.md\n')).toBe(true);
    expect(readdirSync(t.dir).filter((f) => !f.startsWith('.'))).toEqual(['2024-08-01.md']);
    expect(results.filter((r) => /created day/.test(r.stderr))).toHaveLength(1);
  });
});
