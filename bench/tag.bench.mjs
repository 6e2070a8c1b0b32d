// `notes tag rename` across a generated 10,000-note TOML notebook where 10%
// of the notes carry the tag, as a whole process, next to the textual
// rename a shell user would do with `rg -l` + `sed -i` on the same files.
// Each timed run renames kafka -> streams; the notebook is put back (untimed)
// before the next run, and pending writes are flushed (`sync`, untimed). Twice: with no search index (notes reads every file
// to find the tag), and with one built once before the runs (notes reads
// only the notes that carry the tag, and those changed since: the index is
// not refreshed by a rename, so from the second run on, the 1,000 notes the
// previous runs rewrote are read too). Goal (issue 4): within 2x of rg + sed.
import { mkdirSync, writeFileSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BIN, OUT, QUICK, have, median, report } from './lib.mjs';

const COUNT = 10_000;
const dir = join(OUT, `tag-${COUNT}`);

function generate() {
  const marker = join(dir, '.generated');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(COUNT)) return;
  rmSync(dir, { recursive: true, force: true });
  const words = ['detector', 'beamline', 'cluster', 'storage', 'network', 'sample', 'cryostat', 'shift', 'control', 'archive'];
  for (let i = 0; i < COUNT; i++) {
    const sub = join(dir, `visit-${String(Math.floor(i / 500)).padStart(2, '0')}`);
    if (i % 500 === 0) mkdirSync(sub, { recursive: true });
    const day = `2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
    const tags = i % 10 === 0 ? '["kafka", "hpc"]' : '["hpc", "beam"]';
    const body = Array.from({ length: 12 }, (_, k) => `${k % 3 ? '  ' : ''}- ${words[(i + k) % 10]} ${words[(i * 7 + k) % 10]} note ${i}.${k}`).join('\n');
    writeFileSync(join(sub, `${day}-${i}.md`),
      `+++\ntitle = 'Day ${i}'\ndate = ${day}T09:00:00+02:00\nmenuTitle = "${day}"\nweight = ${(i % 9) + 1}\ndraft = false\ncategories = ["visit"]\ntags = ${tags}\n+++\n${body}\n`);
  }
  writeFileSync(marker, String(COUNT));
}

// Each timed run starts with nothing left to write back: sed does not
// fsync, so without this the files it (and its reset) wrote would be
// flushed during the next timed run, by notes' fsyncs (ext4 commits
// pending data with them), and charged to notes.
const settle = () => spawnSync('sync', { stdio: 'ignore' });

function timeOne(cmd, args, reset, env = {}) {
  settle();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.status} ${r.stderr}`);
  reset();
  return ms;
}

generate();
const runs = QUICK ? 3 : 10;
const notesArgs = (a, b) => [BIN, '--dir', dir, 'tag', 'rename', a, b];
const noIndex = { NOTES_CACHE_DIR: join(OUT, 'tag-cache-none'), NOTES_LIST_INDEX: 'never' };
const withIndex = { NOTES_CACHE_DIR: join(OUT, 'tag-cache-index') };
rmSync(withIndex.NOTES_CACHE_DIR, { recursive: true, force: true });
spawnSync(process.execPath, [BIN, '--dir', dir, 'index'], { stdio: 'ignore', env: { ...process.env, ...withIndex } });
const notesReset = (env) => () => spawnSync(process.execPath, notesArgs('streams', 'kafka'), { stdio: 'ignore', env: { ...process.env, ...env } });
const sedCmd = (a, b) => `rg -l -F --glob '*.md' '"${a}"' . | xargs -r sed -i 's/^tags = \\(.*\\)"${a}"/tags = \\1"${b}"/'`;
const sedReset = () => spawnSync('sh', ['-c', sedCmd('streams', 'kafka')], { cwd: dir, stdio: 'ignore' });

// Interleaved (sed, notes, sed, notes...), so that load from other work on
// the machine falls on both alike.
const withSed = have('rg') && have('sed');
const sedTimes = [];
const notesTimes = [];
const indexedTimes = [];
for (let i = 0; i <= runs; i++) {
  const s = withSed ? timeOne('sh', ['-c', `cd '${dir}' && ${sedCmd('kafka', 'streams')}`], sedReset) : 0;
  const n = timeOne(process.execPath, notesArgs('kafka', 'streams'), notesReset(noIndex), noIndex);
  const x = timeOne(process.execPath, notesArgs('kafka', 'streams'), notesReset(withIndex), withIndex);
  if (i) { sedTimes.push(s); notesTimes.push(n); indexedTimes.push(x); }
}
const rows = [];
if (withSed) rows.push({ name: 'rg -l + sed -i (textual)', times: sedTimes });
const ratioTo = withSed ? 'rg -l + sed -i (textual)' : undefined;
rows.push({ name: 'notes tag rename, no search index', times: notesTimes, ratioTo, goal: '≤ 2x' });
rows.push({ name: 'notes tag rename, with a search index', times: indexedTimes, ratioTo, goal: '≤ 2x' });
const check = spawnSync('sh', ['-c', `rg -l -F '"kafka"' '${dir}' | wc -l`], { encoding: 'utf8' }).stdout.trim();
report(`tag rename, ${COUNT} notes, 10% tagged (runs: ${runs}; files with the tag after the runs: ${check})`, rows);
if (withSed) {
  console.log(`per-run ratios, no index: ${notesTimes.map((t, k) => (t / sedTimes[k]).toFixed(2)).join(' ')}`);
  console.log(`per-run ratios, with an index: ${indexedTimes.map((t, k) => (t / sedTimes[k]).toFixed(2)).join(' ')}`);
}
void median;
