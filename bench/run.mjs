// `npm run bench`: runs every bench/*.bench.mjs in turn (pass --quick for
// fewer runs). Each prints Markdown tables of medians and ratios against a
// real tool on the same content; all tables also go to bench/out/results.md.
import { readdirSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO, OUT, CORPORA } from './lib.mjs';
import { existsSync } from 'node:fs';

if (!existsSync(CORPORA)) {
  console.error(`bench: the shared corpora are missing (${CORPORA}); set NOTES_SHARED to the shared folder`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
writeFileSync(join(OUT, 'results.md'), `# notes benchmarks, ${new Date().toISOString()}\n\n`);
const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const files = readdirSync(join(REPO, 'bench')).filter((f) => f.endsWith('.bench.mjs')).sort()
  .filter((f) => !only.length || only.some((o) => f.includes(o)));
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f}\n`);
  const r = spawnSync(process.execPath, [join(REPO, 'bench', f), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
