/**
 * The shape every export format shares. A format is one module declaring an
 * Exporter; `registry.ts` lists them, and the `export` command derives its
 * flags, `--format` choices and help from that list (jrnl's exporters work
 * the same way), so a new format is one file and one line.
 *
 * Exporters are pure renderers: they get the chosen notes and a few
 * read-only resources, and hand their output to a sink. The command decides
 * where it goes (stdout, a file, a folder) and enforces the path rules.
 */
import type { Note } from '../core/note.js';

/** What an exporter is given. */
export interface ExportInput {
  /** The notes to export, filtered and sorted (date, then weight, then path). */
  notes: Note[];
  notebook: {
    /** Absolute path of the notebook root. */
    root: string;
    /** A display name (the root folder's name). */
    name: string;
  };
  /** The export's time stamp (the context clock, frozen in tests). */
  now: Date;
  /** Remove e-mail addresses from the output (only when the exporter declares `stripEmails`). */
  stripEmails: boolean;
  /**
   * Threads an exporter may use (1: only the calling one). The HTML site
   * renders half the note bodies in a worker thread when it has 2 or more.
   */
  threads?: number;
  /** Called as notes are rendered; the cli shows it on a terminal for large exports. */
  progress?: (done: number, total: number) => void;
  /** Read-only access to files outside the notes. */
  resources: ExportResources;
}

export interface ExportResources {
  /** The text of a file of an installed package, e.g. `fuse.js/min` (resolved like require). */
  packageFile(spec: string): string;
  /** The bytes of a (non-note) file of the notebook, relative to its root; null when absent or outside it. */
  notebookFile(rel: string): Uint8Array | null;
}

/** Where a folder exporter's files go: paths are relative, `/`-separated. */
export interface ExportSink {
  write(path: string, data: string | Uint8Array): void;
}

/** What an export tells the user afterwards. */
export interface ExportStats {
  /** Files written (folder exporters) or 1. */
  files: number;
  /** Things worth a warning (links to notes not in the export, ...), at most a few lines. */
  warnings: string[];
  /** Threads that rendered (for --verbose). */
  threads?: number;
}

interface ExporterBase {
  /** The flag (`--html`) and `--format` value. */
  name: string;
  /** The usual extension of its output (`.html`, `.json`, `.md`). */
  extension: string;
  /** One line for `--help`. */
  description: string;
  /** Whether `--strip-emails` applies. */
  stripEmails: boolean;
  /**
   * The `_index.md` of each folder with a chosen note comes along whatever
   * the filters (it names and introduces the visit), unless it is a draft
   * and drafts are left out.
   */
  withVisitIndex: boolean;
}

/** Writes one document: to stdout, or to `--out <file>`. */
export interface FileExporter extends ExporterBase {
  output: 'file';
  render(input: ExportInput): Promise<string>;
}

/** Writes a folder of files: `--out <dir>` (default `defaultOut`). */
export interface FolderExporter extends ExporterBase {
  output: 'folder';
  defaultOut: string;
  render(input: ExportInput, sink: ExportSink): Promise<ExportStats>;
}

export type Exporter = FileExporter | FolderExporter;
