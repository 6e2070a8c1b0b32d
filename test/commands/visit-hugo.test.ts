import { afterEach, describe, expect, it } from 'vitest';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { run, tempDir, FIXTURES } from '../helpers/run.js';

const hasHugo = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).status === 0;
const need = hasHugo || !!process.env.NOTES_REQUIRE_EXTERNAL;

const cleanups: (() => void)[] = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });

// Hugo reads the _index.md that `notes visit start` writes as a section page
// with the same keys, and counts the same day entries as `notes visit list`.
describe.skipIf(!need)('visits agree with Hugo (needs hugo)', () => {
  it('builds the visit sections with their keys and pages', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const site = t.dir;
    const content = join(site, 'content');
    cpSync(join(FIXTURES, 'visits'), content, { recursive: true });
    const now = new Date(2024, 4, 8, 12);
    expect((await run(['visit', 'start', 'maxiv-2024', '--facility', 'MAX IV', '--start', '2024-05-06', '--end', '2024-05-10', '--location', 'Lund, Sweden'], { cwd: content, now })).code).toBe(0);
    expect((await run(['new', '--date', '2024-05-07', '--body', '- day two'], { cwd: content, now })).code).toBe(0);
    writeFileSync(join(site, 'hugo.toml'), 'baseURL = "https://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]\n');
    mkdirSync(join(site, 'layouts/_default'), { recursive: true });
    writeFileSync(join(site, 'layouts/_default/list.html'),
      '{{ .Title }}|{{ .Params.facility }}|{{ .Params.location }}|{{ with .Params.start }}{{ time.Format "2006-01-02" . }}{{ end }}|{{ with .Params.end }}{{ time.Format "2006-01-02" . }}{{ end }}|{{ .Params.bookCollapseSection }}|{{ len .RegularPages }}');
    writeFileSync(join(site, 'layouts/_default/single.html'), '{{ .Title }}|{{ .Params.weight }}');
    const r = spawnSync('hugo', ['--quiet', '-s', site, '-d', join(site, 'public')], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const page = (p: string) => readFileSync(join(site, 'public', p, 'index.html'), 'utf8').trim();
    expect(page('maxiv-2024')).toBe('MAX IV 2024|MAX IV|Lund, Sweden|2024-05-06|2024-05-10|true|1');
    expect(page('maxiv-2024/2024-05-07')).toBe('Two|2');
    const visits = JSON.parse((await run(['visit', 'list', '--json'], { cwd: content })).stdout) as { name: string; days: number; facility: string | null }[];
    const ess = visits.find((v) => v.name === 'ess-2023')!;
    expect(page('ess-2023')).toBe(`ESS 2023|ESS|Lund, Sweden|2023-09-04|2023-09-08|true|${ess.days}`);
  });
});
