import type { Command } from 'commander';
import type { ChalkInstance } from 'chalk';
import type { Registrar } from './program.js';
import type { App } from './app.js';
import { addFilterOptions, positiveInt, toFilter, type FilterFlags } from './options.js';
import { json, printable, printableLine } from './format.js';
import { displayPath } from '../store/paths.js';
import { join } from 'node:path';

interface SearchFlags extends FilterFlags {
  limit: number;
  exact?: boolean;
  json?: boolean;
  paths?: boolean;
}

/** Progress of a long (re)indexing, on stderr, only when stderr is a terminal. */
function progress(app: App): ((done: number, total: number) => void) | undefined {
  if (!app.ctx.stderr.isTTY || app.globals.quiet) return undefined;
  let shown = false;
  return (done, total) => {
    if (total < 200) return;
    if (done >= total) {
      if (shown) app.ctx.stderr.write('\r\x1b[K');
      return;
    }
    shown = true;
    app.ctx.stderr.write(`\r${app.ce.dim(`notes: indexing ${done}/${total} notes…`)}`);
  };
}

/** A matched line with its ranges highlighted. */
function highlight(c: ChalkInstance, text: string, ranges: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of ranges) {
    out += text.slice(at, s) + c.bold.red(text.slice(s, e));
    at = e;
  }
  return out + text.slice(at);
}

export function registerSearch(program: Command, r: Registrar): void {
  const cmd = program
    .command('search')
    .alias('s')
    .description('find notes by words, typo-tolerant and ranked (see README: "Search")')
    .argument('<query...>', 'words (all must match, typos allowed, or begun: holmq), "exact phrase", -word, tag:x, title:x');
  addFilterOptions(cmd)
    .option('-n, --limit <n>', 'at most n notes', positiveInt('--limit'), 20)
    .option('-e, --exact', 'no typo tolerance, no longer words begun: only the words as typed')
    .option('--json', 'print a JSON array: [{path, title, date, score, matches: [{line, text}]}]')
    .option('--paths', 'print only the paths of the notes found, best first')
    .addHelpText('after', `
Query language:
  kafka epics          notes holding both words (or words one or two typos away)
  holmq                also longer words it begins (Holmqvist): names remembered by half
  "event formation"    the exact phrase (a quoted shell argument with spaces is a phrase too)
  -epics               leave out notes holding the word (quote the whole query, or put it after --)
  tag:kafka title:day  the word in the tags / the title only
Exit status: 0 when notes were found, 1 when none, 2 on a usage error.

Examples:
  notes search kafak
  notes search "event formation" --since 2023-09-01
  notes search 'slurm -gpfs' --paths | xargs grep -n cores
  notes search --json tag:kafka -- -epics`)
    .action(r.action(async (app, words: string[], flags: SearchFlags) => {
      const filter = toFilter(flags, app.ctx.now(), () => app.notebook().root);
      const [{ searchNotes }, { queryFromArgs }] = await Promise.all([import('../commands/search.js'), import('../core/search-query.js')]);
      const query = queryFromArgs(words);
      const nb = app.notebook();
      const result = await searchNotes(nb, {
        query, exact: flags.exact, filter, limit: flags.limit, env: app.ctx.env,
        onProgress: progress(app), warn: (m, h) => app.warn(m, h),
      });
      app.reportProblems(result.problems);
      const { refresh: s } = result;
      app.debug(`index ${result.indexFile} (listed with ${s.scan}): ${s.total} notes; ${s.added} added, ${s.changed} changed, ${s.removed} removed, ${s.touched} touched`);
      app.debug(`timings (ms): ${Object.entries(result.timings).map(([k, v]) => `${k} ${v}`).join(', ')}`);
      for (const x of result.expansions) app.debug(`"${x.word}" also matches: ${x.to.join(', ')}`);
      if (!result.hits.length) {
        // Like grep: exit status 1. JSON readers still get a valid (empty) array.
        if (flags.json) app.ctx.stdout.write('[]\n');
        app.info(`notes: no notes match ${JSON.stringify(words.join(' '))}`);
        return 1;
      }
      const shown = (p: string) => displayPath(app.ctx.cwd, join(nb.root, p));
      if (flags.json) {
        app.ctx.stdout.write(json(result.hits.map((h) => ({
          path: shown(h.path), title: h.title, date: h.date, score: h.score,
          matches: h.matches.map((m) => ({ line: m.line, text: m.text })),
        }))));
      } else if (flags.paths) {
        app.ctx.stdout.write(result.hits.map((h) => `${shown(h.path)}\n`).join(''));
      } else {
        const { c } = app;
        // Note text reaches a terminal: its control characters (escape sequences) made visible, as in list.
        const blocks = result.hits.map((h) => {
          const p = printable(shown(h.path));
          const head = `${c.cyan(h.day ?? '—'.padEnd(10))}  ${c.bold(printable(h.title))}  ${c.dim(p)}`;
          const lines = h.matches.map((m) => `${c.magenta(p)}:${c.green(String(m.line))}:${highlight(c, printableLine(m.text), m.ranges)}`);
          return [head, ...lines].join('\n');
        });
        app.ctx.stdout.write(`${blocks.join('\n\n')}\n`);
      }
      return 0;
    }));

  program
    .command('index')
    .description('bring the search index up to date (searches do this by themselves), or rebuild it')
    .option('--rebuild', 'drop the index and build it again from the notes')
    .option('--path', 'print where the index file is, and do nothing else')
    .addHelpText('after', `
The index lives in $NOTES_CACHE_DIR, else $XDG_CACHE_HOME/notes, else ~/.cache/notes,
one file per notebook. It is never the source of truth: deleting it loses nothing.

Examples:
  notes index --rebuild
  rm "$(notes index --path)"`)
    .action(r.action(async (app, flags: { rebuild?: boolean; path?: boolean }) => {
      const nb = app.notebook();
      if (flags.path) {
        const { indexFile } = await import('../index/search-index.js');
        app.out(indexFile(nb.root, app.ctx.env));
        return 0;
      }
      const { indexNotes } = await import('../commands/search.js');
      const t0 = Date.now();
      const res = await indexNotes(nb, { rebuild: flags.rebuild, env: app.ctx.env, onProgress: progress(app), warn: (m, h) => app.warn(m, h) });
      app.reportProblems(res.problems);
      const s = res.refresh;
      app.info(`notes: index of ${s.total} notes up to date in ${Date.now() - t0} ms (${s.added} added, ${s.changed} changed, ${s.removed} removed); ${res.indexFile}, ${(res.bytes / 1e6).toFixed(1)} MB`);
      return 0;
    }));
}
