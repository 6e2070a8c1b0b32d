// Shared benchmark helpers: timing whole processes, generating large
// notebooks from the shared corpora at run time (their text is not ours, so
// it is never committed), and printing medians with ratios.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, readdirSync, statSync, existsSync, rmSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(REPO, 'bin/notes');
export const SHARED = process.env.NOTES_SHARED ?? resolve(REPO, '../shared');
export const CORPORA = join(SHARED, 'corpora');
export const OUT = join(REPO, 'bench/out');
export const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';

export function corpus(name) {
  return join(CORPORA, name, 'content');
}

export function have(cmd) {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { encoding: 'utf8' }).status === 0;
}

/** Runs a command `runs` times (after one warm-up) and returns the times in ms. */
export function time(cmd, args, { runs = QUICK ? 3 : 10, cwd = REPO, env = {}, warmup = 1, before } = {}) {
  const times = [];
  for (let i = 0; i < runs + warmup; i++) {
    if (before) before(i);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 30 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    if (i >= warmup) times.push(ms);
  }
  return times;
}

export function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Peak resident memory (MB) of one run, from /usr/bin/time when present. */
export function peakMemoryMB(cmd, args, { cwd = REPO, env = {} } = {}) {
  if (!existsSync('/usr/bin/time')) return null;
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const kb = Number(r.stderr.trim().split('\n').pop());
  return Number.isFinite(kb) ? kb / 1024 : null;
}

function mdFiles(dir, out = []) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) mdFiles(p, out);
    else if (e.name.endsWith('.md') && e.name !== '_index.md') out.push(p);
  }
  return out;
}

/**
 * Writes a notebook of `count` notes made from the three corpora, in folders
 * of 500, round-robin, each given a unique file name. Reuses an existing one
 * of the same size (the marker file says how many).
 */
export function generateNotebook(count, name = `gen-${count}`) {
  const dest = join(OUT, name);
  const marker = join(dest, '.generated');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(count)) return dest;
  rmSync(dest, { recursive: true, force: true });
  const sources = ['hugo-docs', 'benmezger-notes', 'hugo-book-exampleSite'].flatMap((c) => mdFiles(corpus(c)));
  sources.sort();
  const texts = sources.map((p) => readFileSync(p));
  for (let i = 0; i < count; i++) {
    const dir = join(dest, `part-${String(Math.floor(i / 500)).padStart(3, '0')}`);
    if (i % 500 === 0) mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `note-${String(i).padStart(6, '0')}.md`), texts[i % texts.length]);
  }
  writeFileSync(marker, String(count));
  return dest;
}

export function sizeMB(dir) {
  let total = 0;
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p); else total += statSync(p).size;
    }
  };
  walk(dir);
  return total / 1e6;
}

/**
 * Prints a Markdown table of medians; `ratioTo` names the row each row is
 * compared with. Appends it to bench/out/results.md as well.
 */
export function report(title, rows) {
  const byName = new Map(rows.map((r) => [r.name, r]));
  const lines = [`### ${title}`, '', '| what | median ms | ratio | goal |', '|---|---:|---:|---|'];
  for (const r of rows) {
    const m = r.ms ?? median(r.times);
    r.median = m;
    const base = r.ratioTo ? byName.get(r.ratioTo) : null;
    const ratio = base ? `${(m / (base.median ?? median(base.times))).toFixed(2)}x ${r.ratioTo}` : '';
    lines.push(`| ${r.name} | ${m.toFixed(1)} | ${ratio} | ${r.goal ?? ''} |`);
  }
  const text = `${lines.join('\n')}\n`;
  process.stdout.write(`${text}\n`);
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, 'results.md'), `${text}\n`, { flag: 'a' });
  return rows;
}
