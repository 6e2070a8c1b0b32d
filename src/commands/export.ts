/**
 * `notes export`: renders the chosen notes with one exporter and puts the
 * result where it belongs: a folder (--html), a file (--out) or stdout.
 */
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { basename, dirname, resolve } from 'node:path';
import { loadNotes, type Notebook, type NoteProblem } from '../store/notebook.js';
import { matchesFilter, sortNotes, type NoteFilter } from '../core/filter.js';
import { NotesError, UsageError } from '../core/errors.js';
import { insideRoot, relToRoot } from '../store/paths.js';
import { writeFileAtomic } from '../store/atomic-write.js';
import { openExportFolder } from '../store/export-dir.js';
import type { Exporter, ExportInput, ExportResources } from '../exporters/types.js';

export interface ExportOptions {
  exporter: Exporter;
  filter: NoteFilter;
  /** Where to write (relative to cwd); folder exporters default to their `defaultOut`, file exporters to stdout. */
  out?: string;
  force?: boolean;
  stripEmails?: boolean;
  cwd: string;
  now: Date;
  progress?: (done: number, total: number) => void;
  /** Threads the exporter may use (default: the machine's cores). */
  threads?: number;
}

export interface ExportResult {
  /** How many notes were exported. */
  count: number;
  problems: NoteProblem[];
  /** Absolute path written, or null for stdout. */
  destination: string | null;
  /** The document, when it goes to stdout. */
  text: string | null;
  /** Files written, and files of a previous export removed (folder exporters). */
  files: number;
  removed: number;
  /** The folder held other files and --force wrote into it. */
  forced: boolean;
  /** Threads that rendered. */
  threads: number;
  warnings: string[];
}

const require = createRequire(import.meta.url);

function resourcesFor(nb: Notebook): ExportResources {
  return {
    packageFile: (spec) => readFileSync(require.resolve(spec), 'utf8'),
    notebookFile: (rel) => {
      try {
        const abs = insideRoot(nb.root, rel, 'file');
        return statSync(abs).isFile() ? readFileSync(abs) : null;
      } catch {
        return null;
      }
    },
  };
}

export async function exportNotes(nb: Notebook, opts: ExportOptions): Promise<ExportResult> {
  const { exporter } = opts;
  if (opts.stripEmails && !exporter.stripEmails) {
    throw new UsageError(`--strip-emails does not apply to --${exporter.name}`, 'use it with a format that shows note text to people (--html, --md)');
  }
  if (opts.force && exporter.output !== 'folder') {
    throw new UsageError(`--force applies only to formats that write a folder, not --${exporter.name}`, `leave out --force: --${exporter.name} writes to stdout or the --out file`);
  }
  if (exporter.output === 'folder' && (opts.out === '-' || opts.out === '')) {
    throw new UsageError(`--${exporter.name} writes a folder, not stdout`, 'name a folder with --out <dir>');
  }
  const { notes, problems } = loadNotes(nb);
  const picked = notes.filter((n) => matchesFilter(n, opts.filter));
  if (exporter.withVisitIndex) {
    const sections = new Set(picked.map((n) => n.section));
    const have = new Set(picked.filter((n) => n.isSection).map((n) => n.path));
    for (const n of notes) {
      if (n.isSection && sections.has(n.section) && !have.has(n.path) && (!n.draft || opts.filter.drafts !== 'exclude')) picked.push(n);
    }
  }
  const chosen = sortNotes(picked);
  const input: ExportInput = {
    notes: chosen,
    notebook: { root: nb.root, name: basename(nb.root) },
    now: opts.now,
    stripEmails: !!opts.stripEmails,
    progress: opts.progress,
    threads: opts.threads ?? availableParallelism(),
    resources: resourcesFor(nb),
  };
  const result = { count: chosen.length, problems, files: 0, removed: 0, forced: false, threads: 1, warnings: [] as string[] };
  if (exporter.output === 'folder') {
    const folder = openExportFolder(resolve(opts.cwd, opts.out ?? exporter.defaultOut), { force: opts.force });
    const stats = await exporter.render(input, folder.sink);
    const done = folder.finish();
    const warnings = [...stats.warnings, ...insideNotebook(nb, folder.root)];
    return { ...result, destination: folder.root, text: null, files: done.files, removed: done.removed, forced: folder.forced, threads: stats.threads ?? 1, warnings };
  }
  const text = await exporter.render(input);
  if (opts.out === undefined || opts.out === '-') return { ...result, destination: null, text };
  const dest = resolve(opts.cwd, opts.out);
  if (existsSync(dest) && statSync(dest).isDirectory()) {
    throw new NotesError(`--out ${opts.out} is a folder`, { hint: `name a file, e.g. ${opts.out.replace(/\/+$/, '')}/export${exporter.extension}` });
  }
  if (!existsSync(dirname(dest))) {
    throw new NotesError(`the folder of --out ${opts.out} does not exist`, { hint: `create it first: mkdir -p ${dirname(opts.out)}` });
  }
  // A report written over one of the notes it was made from would lose that
  // note; compared by real path, as the write follows a symlink to its note.
  if (/\.md$/i.test(dest) && existsSync(dest) && relToRoot(realpathSync(nb.root), realpathSync(dest)) !== null) {
    throw new NotesError(`--out ${opts.out} is a note of this notebook; the export would replace it`, { hint: 'write the export to a new file, or outside the notebook' });
  }
  writeFileAtomic(dest, text);
  return { ...result, destination: dest, text: null, files: 1, warnings: insideNotebook(nb, dest) };
}

/**
 * A warning when the export went into the notebook (outside its
 * dot-folders): it is a Hugo content folder, and Hugo publishes what is in
 * it with the notes (the default --out is relative to the working
 * directory, often the notebook itself).
 */
function insideNotebook(nb: Notebook, dest: string): string[] {
  const rel = relToRoot(nb.root, dest);
  if (rel === null || rel.split('/').some((seg) => seg.startsWith('.'))) return [];
  return [`the export is inside the notebook (${rel}): Hugo publishes it with the notes; pass --out with a place outside the notebook`];
}
