import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BIN } from '../helpers/run.js';
import { useSearchNotebook } from '../helpers/search-notebook.js';
import { indexFile } from '../../src/index/search-index.js';

interface Done { code: number | null; stdout: string; stderr: string }

function start(args: string[], cwd: string, env: Record<string, string>): Promise<Done> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    p.on('error', reject);
    p.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

// A third process that adds, rewrites (atomically, by rename) and deletes notes.
const EDITOR = `
const fs = require('node:fs');
const path = require('node:path');
const root = process.argv[1];
const write = (rel, text) => {
  const tmp = path.join(root, '.tmp-' + process.pid + '-' + Math.random().toString(36).slice(2));
  fs.writeFileSync(tmp, text);
  fs.renameSync(tmp, path.join(root, rel));
};
for (let i = 0; i <= 40; i++) {
  write('live-' + i + '.md', '+++\\ntitle = "Live ' + i + '"\\n+++\\n- a quokka sighting number ' + i + '\\n');
  if (i >= 2) fs.unlinkSync(path.join(root, 'live-' + (i - 2) + '.md'));
  write('bulk/note-' + (i % 50) + '.md', '- bulk note rewritten in round ' + i + (i === 40 ? ' with a quokka' : '') + '\\n');
  const until = Date.now() + 5; while (Date.now() < until) { /* spread the edits over the searches */ }
}
`;

const s = useSearchNotebook(({ nb }) => {
  mkdirSync(join(nb, 'bulk'));
  for (let i = 0; i < 400; i++) writeFileSync(join(nb, 'bulk', `note-${i}.md`), `- bulk note ${i} about kafka and detectors\n`);
});

describe.skipIf(!existsSync(join(BIN, '../../dist/notes.cjs')))('notes search: two searches at once while a third process edits notes', () => {
  it('never fails, and the index ends up exactly right', async () => {
    const { nb, cache } = s;
    const env = { NOTES_CACHE_DIR: cache };
    for (let round = 0; round < 3; round++) {
      const [a, b, e] = await Promise.all([
        start([BIN, 'search', 'kafka', '--paths', '--limit', '1000'], nb, env),
        start([BIN, 'search', 'quokka', '--paths'], nb, env),
        round < 2 ? start(['-e', EDITOR, nb], nb, {}) : Promise.resolve({ code: 0, stdout: '', stderr: '' }),
      ]);
      expect(e.code, e.stderr).toBe(0);
      for (const r of [a, b]) {
        expect([0, 1], r.stderr).toContain(r.code);
        expect(r.stderr).toBe(r.code === 1 ? 'notes: no notes match "quokka"\n' : '');
      }
      expect(a.code).toBe(0);
      expect(a.stdout.split('\n').filter((l) => l.startsWith('bulk/')).length).toBeGreaterThan(300);
    }
    // After the editor is done: exactly its last state.
    const last = await start([BIN, 'search', 'quokka', '--exact', '--paths'], nb, env);
    expect(last.stdout.split('\n').filter(Boolean).sort()).toEqual(['bulk/note-40.md', 'live-39.md', 'live-40.md']);
    const bulk = await start([BIN, 'search', 'rewritten', '--exact', '--paths', '--limit', '1000'], nb, env);
    expect(bulk.stdout.split('\n').filter(Boolean)).toHaveLength(41);
    const db = new Database(indexFile(nb, env), { readonly: true });
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      expect((db.prepare('SELECT count(*) AS n FROM notes').get() as { n: number }).n).toBe(8 + 400 + 2);
    } finally {
      db.close();
    }
  });

  it('searches keep working while another process rebuilds the index', async () => {
    const { nb, cache } = s;
    const env = { NOTES_CACHE_DIR: cache };
    expect((await start([BIN, 'index'], nb, env)).code).toBe(0);
    // A rebuild used to delete the file from under the searches ("disk I/O error", seen in CI).
    for (let round = 0; round < 6; round++) {
      const runs = await Promise.all([
        start([BIN, 'index', '--rebuild'], nb, env),
        start([BIN, 'search', 'kafka', '--paths', '--limit', '1000'], nb, env),
        start([BIN, 'search', 'detectors', '--paths', '--limit', '1000'], nb, env),
      ]);
      for (const r of runs) expect({ code: r.code, stderr: r.stderr.replace(/^notes: index of .*\n/, '') }).toEqual({ code: 0, stderr: '' });
      expect(runs[1]!.stdout.split('\n').filter((l) => l.startsWith('bulk/'))).toHaveLength(400);
    }
  });
});
