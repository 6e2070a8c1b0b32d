/**
 * The editor is started without a shell: $EDITOR is split as a shell would
 * split it, the note's path is one argv element, whatever it contains.
 */
import { describe, it, expect, afterEach } from 'vitest';
import { writeFileSync, chmodSync, readFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { runBin, tempDir } from '../helpers/run.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

describe('notes edit / new --edit', () => {
  it('passes a hostile file name to $EDITOR as one argument, runs no shell', () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    const nb = join(t.dir, 'nb');
    mkdirSync(join(t.dir, 'my tools'));
    const editor = join(t.dir, 'my tools', 'ed it.sh');
    writeFileSync(editor, `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done > "${join(t.dir, 'argv.txt')}"\n`);
    chmodSync(editor, 0o755);
    runBin(['init', nb]);
    const hostile = 'x; touch PWNED $(touch PWNED2) `touch PWNED3`.md';
    writeFileSync(join(nb, hostile), '+++\ntitle = "Hostile"\n+++\n');
    const r = runBin(['edit', 'Hostile'], { cwd: nb, env: { EDITOR: `'${editor}' --wait -n`, VISUAL: '' } });
    expect(r.status).toBe(0);
    expect(readFileSync(join(t.dir, 'argv.txt'), 'utf8')).toBe(`--wait\n-n\n${join(nb, hostile)}\n`);
    for (const f of ['PWNED', 'PWNED2', 'PWNED3']) expect(existsSync(join(nb, f))).toBe(false);
  });

  it('an editor that cannot be started is a clear error with a hint', () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    runBin(['init', t.dir]);
    const r = runBin(['new', '--edit'], { cwd: t.dir, env: { EDITOR: 'no-such-editor-xyz', VISUAL: '' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/notes: error: cannot start the editor "no-such-editor-xyz": ENOENT/);
    expect(r.stderr).toMatch(/hint: set EDITOR/);
    // The entry was created before the editor was asked for, and is kept.
    expect(r.stdout.trim()).toMatch(/^\d{4}-\d{2}-\d{2}\.md$/);
  });
});
