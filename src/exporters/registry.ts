/**
 * Every export format, in the order `--help` shows them. Adding a format:
 * write `src/exporters/<name>.ts` exporting an Exporter, add it here.
 */
import type { Exporter } from './types.js';
import { htmlExporter } from './html.js';
import { jsonExporter } from './json.js';
import { mdExporter } from './md.js';

export const EXPORTERS: readonly Exporter[] = [htmlExporter, jsonExporter, mdExporter];

/** The exporter called `name`, or undefined. */
export function findExporter(name: string): Exporter | undefined {
  return EXPORTERS.find((e) => e.name === name);
}
