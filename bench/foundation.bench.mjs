// Foundation benchmark: whole-process `notes --version`, `notes list` and
// `notes list --json` on hugo-docs (992 pages) and on a generated
// 10,000-note notebook, next to `node -e 0` (the floor for any Node program)
// and `hugo list all` on the same content.
// Goals: --version within 1.3x node -e 0; list on 10k notes under 0.2x hugo list all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, OUT, corpus, generateNotebook, have, report, time } from './lib.mjs';
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
  // Without a search index, list parses every note; once `notes search` or
  // `notes index` has built one, list reads the metadata from it.
  const cache = join(OUT, 'cache-foundation');
  rmSync(cache, { recursive: true, force: true });
  const noIndex = { env: { NOTES_CACHE_DIR: cache } };
  const rows = [
    { ...floor },
    { name: 'notes list (no index)', times: time(node, [BIN, 'list', '--dir', dir], noIndex) },
    { name: 'notes list --json (no index)', times: time(node, [BIN, 'list', '--json', '--dir', dir], noIndex) },
  ];
  spawnSync(node, [BIN, 'index', '--dir', dir], { env: { ...process.env, NOTES_CACHE_DIR: cache }, stdio: 'ignore' });
  rows.push(
    { name: 'notes list (index)', times: time(node, [BIN, 'list', '--dir', dir], noIndex), goal: label.includes('10,000') ? '< 0.2x hugo list all' : '' },
    { name: 'notes list --json (index)', times: time(node, [BIN, 'list', '--json', '--dir', dir], noIndex) },
  );
  rmSync(cache, { recursive: true, force: true });
  if (have('hugo')) {
    const site = mkdtempSync(join(tmpdir(), 'notes-bench-hugo-'));
    makeHugoSite(site, dir);
    rows.push({ name: 'hugo list all', times: time('hugo', ['list', 'all', '--source', site], { runs: 3 }) });
    rmSync(site, { recursive: true, force: true });
  }
  for (const r of rows.slice(1, 5)) r.ratioTo = have('hugo') ? 'hugo list all' : 'node -e 0';
  report(`list: ${label}`, rows);
}
