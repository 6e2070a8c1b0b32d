/**
 * Output shapes shared by commands: aligned tables and the stable JSON form
 * of a note (which lives in core/note-json.ts, re-exported here).
 */

/** Display width ignoring ANSI colour codes. */
const width = (s: string) => (s.includes('\x1b') ? s.replace(/\x1b\[[0-9;]*m/g, '').length : s.length);

/**
 * Lays out rows in columns separated by two spaces; the last column is not
 * padded. Cells may hold colour codes.
 */
export function table(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  if (!all.length) return '';
  const w: number[] = [];
  for (const r of all) {
    for (let i = 0; i < r.length - 1; i++) { const x = width(r[i]!); if (!(w[i]! >= x)) w[i] = x; }
  }
  // One string per line, built in place: `list` lays out 10,000 rows.
  const lines: string[] = new Array(all.length);
  for (let j = 0; j < all.length; j++) {
    const r = all[j]!;
    let line = '';
    for (let i = 0; i < r.length - 1; i++) line += r[i]! + ' '.repeat(w[i]! - width(r[i]!) + 2);
    lines[j] = (line + (r[r.length - 1] ?? '')).trimEnd();
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Makes note text safe to print in a terminal: control characters (escape
 * sequences could retitle or garble the terminal) become visible `?`.
 */
export function printable(s: string): string {
  // Most text holds no control character at all: one test, no copies.
  // eslint-disable-next-line no-control-regex
  if (!/[\u0000-\u001f\u007f-\u009f]/.test(s)) return s;
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, '?').replace(/[\r\n\t]+/g, ' ');
}

/**
 * printable for one line of a note shown with highlights: one character
 * for one (the highlighted ranges are offsets into it), tabs kept.
 */
export function printableLine(s: string): string {
  // eslint-disable-next-line no-control-regex
  const control = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;
  return control.test(s) ? s.replace(control, '?') : s;
}

/** Shortens `s` to `max` characters with an ellipsis. */
export function truncate(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, Math.max(1, max - 1))}…`;
}

export { noteJson, type NoteJson } from '../core/note-json.js';

export const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
