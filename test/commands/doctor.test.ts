import { describe, it, expect, afterEach } from 'vitest';
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, copyOf, FIXTURES, REPO } from '../helpers/run.js';
import { BAD_INPUT } from '../helpers/bad-input.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

describe('notes doctor', () => {
  it('finds what is wrong in the bad-input notebook, with a fix for each, exit 1', async () => {
    const r = await run(['doctor', '--json', '--dir', BAD_INPUT]);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.stdout) as Array<{ code: string; path: string; severity: string; hint: string; line?: number }>;
    const by = (code: string) => findings.filter((f) => f.code === code).map((f) => f.path).sort();
    expect(by('unreadable')).toEqual(['binary.md', 'deep-yaml.md', 'invalid-toml.md', 'invalid-yaml.md', 'latin1.md', 'sub/loop', 'unclosed.md']);
    expect(by('date-without-offset')).toEqual(['no-offset.md']);
    expect(by('unknown-front-matter')).toEqual(['unknown-format.md']);
    expect(findings.every((f) => f.hint.length > 10)).toBe(true);
    expect(findings[0]!.severity).toBe('error');
  });

  it('flags what Hugo reads differently or refuses, and visit numbering problems', async () => {
    const t = copyOf(join(FIXTURES, 'basic')); cleanups.push(t.cleanup);
    mkdirSync(join(t.dir, 'trip'));
    const day = (d: string, w: number) => `+++\ntitle = 'X'\ndate = ${d}T10:00:00+02:00\nmenuTitle = "${d}"\nweight = ${w}\n+++\n`;
    writeFileSync(join(t.dir, 'trip/2024-06-01.md'), day('2024-06-01', 1));
    writeFileSync(join(t.dir, 'trip/2024-06-02.md'), day('2024-06-02', 1));
    writeFileSync(join(t.dir, 'trip/2024-06-02-again.md'), day('2024-06-02', 2));
    writeFileSync(join(t.dir, 'bullets.md'), '- a note that starts with a bullet\n');
    writeFileSync(join(t.dir, '.x.md.999999.abcd.notes-tmp'), 'half');
    const r = await run(['doctor', '--json', '--dir', t.dir]);
    const findings = JSON.parse(r.stdout) as Array<{ code: string; path: string }>;
    const codes = new Set(findings.map((f) => `${f.code} ${f.path}`));
    expect(codes).toContain('duplicate-day-number trip/2024-06-02.md');
    expect(codes).toContain('duplicate-day trip/2024-06-02.md');
    expect(codes).toContain('missing-index trip');
    expect(codes).toContain('hugo-delimiter bullets.md');
    expect(codes).toContain('tags-as-string visit-a/2024-05-06.md');
    expect(codes).toContain('leftover-temp-file .x.md.999999.abcd.notes-tmp');
    expect(codes).not.toContain('missing-index visit-a');
  });

  it('prints findings for people on stdout, a summary on stderr', async () => {
    const r = await run(['doctor', '--dir', join(REPO, 'notes')]);
    expect(r.stdout).toMatch(/ess-2023\/2023-09-08\.md: warning: tags is a bare string.*\[tags-as-string\]\n  fix: write it as a list: tags = \["scicat"\]/);
    expect(r.stderr).toMatch(/notes checked: 0 errors, 1 warnings/);
    expect(r.code).toBe(1);
  });
});
