// Visits, people, follow-ups and links (issue 6) on large notebooks, beside
// ripgrep doing the nearest plain-text job (finding the lines: task boxes and
// TODO/FIXME, URLs, e-mail addresses). rg only matches lines; notes also
// parses front matter, builds the outline, names and merges people, and
// de-duplicates links, so the ratio is the price of that understanding.
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { BIN, OUT, REPO, QUICK, generateNotebook, have, peakMemoryMB, report, time } from './lib.mjs';

/**
 * CPU time (user + sys, ms) of a command, median of `runs`: on a shared
 * machine it moves much less with the load than wall time does.
 */
function cpuTimes(cmd, args, runs = QUICK ? 3 : 5) {
  if (!existsSync('/usr/bin/time')) return null;
  const out = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync('/usr/bin/time', ['-f', '%U %S', cmd, ...args], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    const [u, s] = r.stderr.trim().split('\n').pop().split(' ').map(Number);
    out.push((u + s) * 1000);
  }
  return out;
}

const node = process.execPath;

/** A notebook of visit-style day entries: the annotated fixture's days, copied into `count / 5` visits. */
function visitNotebook(count) {
  const dest = join(OUT, `visits-${count}`);
  const marker = join(dest, '.generated');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(count)) return dest;
  const src = join(REPO, 'test/fixtures/people-annotated');
  const days = [];
  for (const dir of readdirSync(src, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(join(src, dir.name))) if (f !== '_index.md') days.push(readFileSync(join(src, dir.name, f), 'utf8'));
  }
  for (let i = 0; i < count; i++) {
    const visit = join(dest, `visit-${String(Math.floor(i / 5)).padStart(5, '0')}`);
    if (i % 5 === 0) {
      mkdirSync(visit, { recursive: true });
      writeFileSync(join(visit, '_index.md'), `+++\ntitle = 'Visit ${i / 5}'\nbookCollapseSection = true\nfacility = 'F${i % 7}'\nstart = 2023-01-01\n+++\n`);
    }
    // Each day gets its own date so entries stay distinct; names repeat across visits, as colleagues do.
    const day = new Date(Date.UTC(2023, 0, 1 + i)).toISOString().slice(0, 10);
    const text = days[i % days.length].replace(/^date = .*$/m, `date = ${day}T20:00:00+02:00`).replace(/^date: .*$/m, `date: ${day}`);
    writeFileSync(join(visit, `${day}.md`), text);
  }
  writeFileSync(marker, String(count));
  return dest;
}

const sizes = QUICK ? [2000] : [2000, 10000];
const rg = have('rg');
for (const n of sizes) {
  for (const [label, dir] of [['corpora', generateNotebook(n)], ['visit-style', visitNotebook(n)]]) {
    const rows = [];
    const cmd = (name, args, goal) => rows.push({ name, times: time(node, [BIN, '--dir', dir, '--quiet', ...args]), goal });
    cmd('notes people', ['people', '--json']);
    cmd('notes todo', ['todo', '--json']);
    cmd('notes links', ['links', '--json']);
    cmd('notes visit list', ['visit', 'list', '--json']);
    if (rg) {
      rows.push({ name: 'rg tasks/TODO lines', times: time('rg', ['-n', '-e', '^\\s*[-*+] \\[ \\]', '-e', '\\b(TODO|FIXME)\\b', dir]) });
      rows.push({ name: 'rg URLs', times: time('rg', ['-o', '-n', 'https?://[^\\s)>\\]]+', dir]) });
      rows.push({ name: 'rg e-mail addresses', times: time('rg', ['-o', '-n', '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}', dir]) });
      rows[0].ratioTo = 'rg e-mail addresses';
      rows[1].ratioTo = 'rg tasks/TODO lines';
      rows[2].ratioTo = 'rg URLs';
    }
    report(`${label} notebook, ${n} notes`, rows);
    const cpu = [];
    for (const r of rows) {
      const [cmd, ...args] = r.name.startsWith('notes ')
        ? [node, BIN, '--dir', dir, '--quiet', ...r.name.slice(6).split(' '), '--json']
        : r.name === 'rg tasks/TODO lines' ? ['rg', '-n', '-e', '^\\s*[-*+] \\[ \\]', '-e', '\\b(TODO|FIXME)\\b', dir]
          : r.name === 'rg URLs' ? ['rg', '-o', '-n', 'https?://[^\\s)>\\]]+', dir]
            : ['rg', '-o', '-n', '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}', dir];
      const times = cpuTimes(cmd, args);
      if (times) cpu.push({ name: r.name, times, ratioTo: r.ratioTo });
    }
    if (cpu.length) report(`${label} notebook, ${n} notes: CPU time (user + sys)`, cpu);
    const mem = peakMemoryMB(node, [BIN, '--dir', dir, '--quiet', 'people', '--json']);
    if (mem !== null) console.log(`peak memory of notes people (${label}, ${n}): ${mem.toFixed(0)} MB\n`);
  }
}

