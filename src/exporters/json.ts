/**
 * `notes export --json`: every chosen note with its normalized fields (the
 * same shape as `notes list --json`), its front matter and its Markdown body,
 * for scripts.
 */
import type { FileExporter } from './types.js';
import { noteJson, type NoteJson } from '../core/note-json.js';

/** The document `--json` writes (documented in the README; change it only compatibly). */
export interface ExportJson {
  /** ISO 8601 time of the export. */
  exportedAt: string;
  notebook: { name: string; root: string };
  notes: (NoteJson & { body: string })[];
}

export const jsonExporter: FileExporter = {
  name: 'json',
  extension: '.json',
  description: 'one JSON document: {exportedAt, notebook, notes: [...]} with fields, front matter and body',
  stripEmails: false,
  withVisitIndex: false,
  output: 'file',
  async render(input) {
    const doc: ExportJson = {
      exportedAt: input.now.toISOString(),
      notebook: { name: input.notebook.name, root: input.notebook.root },
      notes: input.notes.map((n) => ({ ...noteJson(n), body: n.body })),
    };
    return `${JSON.stringify(doc, null, 2)}\n`;
  },
};
