/**
 * Output shapes shared by commands: aligned tables and the stable JSON form
 * of a note (which lives in core/note-json.ts, re-exported here).
 */

/** East Asian wide and full-width characters: two columns in a terminal. */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{1f300}-\u{1f64f}\u{1f900}-\u{1f9ff}\u{20000}-\u{3fffd}]/u;

const NON_ASCII = /[^\x00-\x7f]/;
const WIDE_OR_MARK = new RegExp(`${WIDE.source}|\\p{M}`, 'u');
const WIDE_OR_MARK_ALL = new RegExp(WIDE_OR_MARK.source, 'gu');

/** Columns a text takes in a terminal: wide characters count two, combining marks none. */
function columns(s: string): number {
  // Most cells are ASCII, and most others have neither: their length in code units is their width.
  // eslint-disable-next-line no-control-regex
  if (!NON_ASCII.test(s) || !WIDE_OR_MARK.test(s)) return s.length;
  let n = [...s].length;
  for (const [ch] of s.matchAll(WIDE_OR_MARK_ALL)) n += WIDE.test(ch) ? 1 : -1;
  return n;
}

/** Display width ignoring ANSI colour codes. */
const width = (s: string) => columns(s.includes('\x1b') ? s.replace(/\x1b\[[0-9;]*m/g, '') : s);

/**
 * Lays out rows in columns separated by two spaces; the last column is not
 * padded. Cells may hold colour codes.
 */
export function table(rows: string[][], header?: string[]): string {
  const all = header ? [header, ...rows] : rows;
  if (!all.length) return '';
  const w: number[] = [];
  // Each cell's width once (the padding needs it again): `list` lays out 10,000 rows.
  const cellWidths = all.map((r) => {
    const ws = new Array<number>(r.length - 1);
    for (let i = 0; i < r.length - 1; i++) { const x = (ws[i] = width(r[i]!)); if (!(w[i]! >= x)) w[i] = x; }
    return ws;
  });
  // One string per line, built in place.
  const lines: string[] = new Array(all.length);
  for (let j = 0; j < all.length; j++) {
    const r = all[j]!;
    let line = '';
    for (let i = 0; i < r.length - 1; i++) line += r[i]! + ' '.repeat(w[i]! - cellWidths[j]![i]! + 2);
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
