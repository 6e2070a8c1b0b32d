// Foundation benchmark: whole-process `notes --version`, `notes list` and
// `notes list --json` on hugo-docs (992 pages) and on a generated
// 10,000-note notebook, next to `node -e 0` (the floor for any Node program)
// and `hugo list all` on the same content.
// Goals: --version within 1.3x node -e 0; list on 10k notes under 0.2x hugo list all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, corpus, generateNotebook, have, report, time } from './lib.mjs';
import { makeHugoSite } from '../scripts/hugo-site.mjs';

const node = process.execPath;
const UNBUNDLED = "await Promise.all(['commander', 'gray-matter', '@iarna/toml', 'chalk', 'fuse.js'].map((m) => import(m)))";
const floor = { name: 'node -e 0', times: time(node, ['-e', '0']) };
report('start-up', [
  floor,
  { name: 'notes --version', times: time(node, [BIN, '--version']), ratioTo: 'node -e 0', goal: '≤ 1.3x node -e 0' },
  { name: 'notes --help', times: time(node, [BIN, '--help']), ratioTo: 'node -e 0' },
  // Why the esbuild bundle: the same libraries imported unbundled from node_modules.
  { name: 'unbundled import of the stack', times: time(node, ['--input-type=module', '-e', UNBUNDLED]), ratioTo: 'node -e 0' },
  { name: 'notes list (sample notebook)', times: time(node, [BIN, 'list', '--dir', 'notes']), ratioTo: 'node -e 0' },
]);

for (const [label, dir] of [['hugo-docs (992 pages)', corpus('hugo-docs')], ['generated 10,000 notes', generateNotebook(10_000)]]) {
  const rows = [
    { ...floor },
    { name: 'notes list', times: time(node, [BIN, 'list', '--dir', dir]), ratioTo: 'hugo list all', goal: label.includes('10,000') ? '< 0.2x hugo list all' : '' },
    { name: 'notes list --json', times: time(node, [BIN, 'list', '--json', '--dir', dir]), ratioTo: 'hugo list all' },
  ];
  if (have('hugo')) {
    const site = mkdtempSync(join(tmpdir(), 'notes-bench-hugo-'));
    makeHugoSite(site, dir);
    rows.push({ name: 'hugo list all', times: time('hugo', ['list', 'all', '--source', site], { runs: 3 }) });
    rmSync(site, { recursive: true, force: true });
  }
  for (const r of rows.slice(1, 3)) r.ratioTo = have('hugo') ? 'hugo list all' : 'node -e 0';
  report(`list: ${label}`, rows);
}
