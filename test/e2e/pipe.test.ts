import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, SHARED, hasShared, REPO } from '../helpers/run.js';
import { join } from 'node:path';

describe('a reader that stops early', () => {
  it('notes list | head -c 10 exits quietly, no EPIPE crash', () => {
    const dir = hasShared ? join(SHARED, 'corpora/hugo-docs/content') : join(REPO, 'notes');
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" list --json --dir "${dir}" | head -c 10 >/dev/null; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });

  it('notes --version into a pipe already closed exits quietly (answered before anything else loads)', () => {
    const r = spawnSync('bash', ['-c', `(sleep 0.3; "${process.execPath}" "${BIN}" --version) | true; echo "status=\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('status=0');
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
  });
});
