// `notes search` as whole processes, with a warm index and a cold one (no
// index: the first search builds it), after one note changed, next to
// `node -e 0` (the floor of any Node program) and `rg -i` for the same word
// on the same folder. Also the index size on disk and peak memory.
// Notebooks: hugo-docs (992 pages) and generated ones of 10,000 and 100,000
// notes (--quick skips 100,000 and runs fewer times).
import { appendFileSync, existsSync, readFileSync, rmSync, statSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, OUT, QUICK, corpus, generateNotebook, have, median, peakMemoryMB, report, sizeMB, time } from './lib.mjs';

const QUERIES = [
  ['present word', ['shortcode']],
  ['typo', ['shortcdoe']],
  ['two words', ['shortcode', 'parameter']],
  ['phrase', ['"page bundle"']],
];
const RG_WORD = 'shortcode';

const notebooks = [
  { name: 'hugo-docs (992 pages)', dir: corpus('hugo-docs'), goal: { node: 1.6 } },
  { name: 'generated, 10,000 notes', dir: () => generateNotebook(10_000), goal: { rg: 1.5 } },
  ...(QUICK ? [] : [{ name: 'generated, 100,000 notes', dir: () => generateNotebook(100_000), goal: { rg: 0.3 }, coldRuns: 1, runs: 7 }]),
];

/**
 * Times several commands round-robin (one run of each per round, after a
 * warm-up round), so that a busy machine slows all of them alike and the
 * ratios stay meaningful. Returns name -> wall times in ms, and name -> CPU
 * times (user + system, from /usr/bin/time when present) in ms: on a loaded
 * machine the CPU time is the steadier measure.
 */
function timeRoundRobin(commands, runs = QUICK ? 5 : 15) {
  const wall = new Map(commands.map((c) => [c.name, []]));
  const cpu = new Map(commands.map((c) => [c.name, []]));
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
  const cpuFile = join(OUT, 'search-cpu.txt');
  for (let i = 0; i <= runs; i++) {
    for (const c of commands) {
      c.before?.();
      const [cmd, args] = timeBin ? [timeBin, ['-f', '%U %S', '-o', cpuFile, c.cmd, ...c.args]] : [c.cmd, c.args];
      const t0 = process.hrtime.bigint();
      const r = spawnSync(cmd, args, { env: { ...process.env, NO_COLOR: '1', ...c.env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      if (r.status !== 0) throw new Error(`${c.cmd} ${c.args.join(' ')} failed (${r.status}): ${r.stderr}`);
      if (i === 0) continue;
      wall.get(c.name).push(ms);
      if (timeBin) {
        const [u, sys] = readFileSync(cpuFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
        cpu.get(c.name).push((u + sys) * 1000);
      }
    }
  }
  return { wall, cpu: timeBin ? cpu : null };
}

const dirSizeMB = (dir) => (existsSync(dir) ? readdirSync(dir).reduce((s, f) => s + statSync(join(dir, f)).size, 0) / 1e6 : 0);

function extraTable(title, rows) {
  const lines = [`### ${title}`, '', '| what | value | goal |', '|---|---:|---|', ...rows.map(([w, v, g]) => `| ${w} | ${v} | ${g ?? ''} |`)];
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(`${text}\n`);
  appendFileSync(join(OUT, 'results.md'), `${text}\n`);
}

for (const nb of notebooks) {
  const dir = typeof nb.dir === 'function' ? nb.dir() : nb.dir;
  if (!existsSync(dir)) {
    console.log(`skipped ${nb.name}: ${dir} is missing`);
    continue;
  }
  const cache = join(OUT, `search-cache-${readdirSync(dir).length}-${Math.round(sizeMB(dir))}`);
  const env = { NOTES_CACHE_DIR: cache };
  const notes = (args) => [BIN, '--dir', dir, 'search', '--limit', '20', ...args];
  const dropIndex = () => rmSync(cache, { recursive: true, force: true });

  // Cold: no index at all, the search builds it.
  dropIndex();
  const coldRuns = nb.coldRuns ?? (QUICK ? 2 : 3);
  const cold = time(process.execPath, notes(QUERIES[0][1]), { env, runs: coldRuns, warmup: 0, before: dropIndex });
  const coldMem = (dropIndex(), peakMemoryMB(process.execPath, notes(QUERIES[0][1]), { env }));
  const indexMB = dirSizeMB(cache);

  const base = nb.goal.node ? 'node -e 0' : `rg -i ${RG_WORD}`;
  const goalText = nb.goal.node ? `≤ ${nb.goal.node}x node -e 0` : `≤ ${nb.goal.rg}x rg`;
  // Floors, next to the goal's base: Node's start; what checking every note's
  // modification time costs at least (find, in C, one stat per note), which
  // is how the index learns of changes before each query; and both in one
  // process, the least any fresh Node process answering from a fresh index pays.
  const stampRef = join(OUT, 'search-stamp-ref');
  writeFileSync(stampRef, '');
  const findArgs = [dir, '-name', '*.md', '-newer', stampRef];
  const floorRatio = { ratioTo: base, goal: 'floor' };
  const commands = [
    { name: 'node -e 0', cmd: process.execPath, args: ['-e', '0'], ...(nb.goal.rg ? floorRatio : {}) },
    ...(have('rg') ? [{ name: `rg -i ${RG_WORD}`, cmd: 'rg', args: ['-i', RG_WORD, dir] }] : []),
    ...(have('find') ? [
      { name: 'find -newer (stat every note)', cmd: 'find', args: findArgs, ...floorRatio },
      { name: 'node, then find -newer from it', cmd: process.execPath, args: ['-e', `require('node:child_process').spawnSync('find', ${JSON.stringify(findArgs)}, { stdio: 'ignore' })`], ...floorRatio },
    ] : []),
    ...QUERIES.map(([what, q]) => ({ name: `notes search, warm, ${what}`, cmd: process.execPath, args: notes(q), env, ratioTo: base, goal: goalText })),
  ];
  // One note changed before the run: the refresh re-reads and re-indexes it.
  const victim = spawnSync('rg', ['-il', '--sort', 'path', RG_WORD, dir], { encoding: 'utf8' }).stdout?.split('\n')[0] || null;
  const original = victim ? readFileSync(victim) : null;
  let n = 0;
  if (victim) {
    commands.push({
      name: 'notes search after one note changed, present word', cmd: process.execPath, args: notes(QUERIES[0][1]), env,
      before: () => writeFileSync(victim, Buffer.concat([original, Buffer.from(`\nedited ${n++} zeppelin\n`)])),
      ratioTo: 'notes search, warm, present word', goal: '< 1.2x warm',
    });
  }
  let times;
  try {
    times = timeRoundRobin(commands, nb.runs);
  } finally {
    if (victim) writeFileSync(victim, original);
  }
  const rows = commands.map(({ name, ratioTo, goal }) => ({ name, times: times.wall.get(name), ratioTo, goal }));
  rows.push({ name: 'notes search, cold (builds the index), present word', times: cold, ratioTo: base });
  report(`notes search on ${nb.name} (${sizeMB(dir).toFixed(0)} MB of Markdown): wall time`, rows);
  if (times.cpu) {
    report(`notes search on ${nb.name}: CPU time (user + system, ms; steadier on a busy machine)`,
      commands.map(({ name, ratioTo, goal }) => ({ name, times: times.cpu.get(name), ratioTo, goal })));
  }

  const warmMem = peakMemoryMB(process.execPath, notes(QUERIES[0][1]), { env });
  const fmt = (x) => (x === null ? 'n/a' : `${x.toFixed(0)} MB`);
  extraTable(`notes search on ${nb.name}: size and memory`, [
    ['index size on disk', `${indexMB.toFixed(1)} MB`, ''],
    ['index size / notes size', `${(indexMB / sizeMB(dir)).toFixed(2)}x`, ''],
    ['peak memory, warm search', fmt(warmMem), '< 200 MB at 100,000 notes'],
    ['peak memory, cold search (index build)', fmt(coldMem), ''],
    ['cold build (median ms)', median(cold).toFixed(0), ''],
  ]);
}
