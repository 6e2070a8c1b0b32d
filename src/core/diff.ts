/**
 * A unified diff of two texts (what `--dry-run` prints). The edits notes
 * makes change one region of a file, so the diff is one hunk: the common
 * leading and trailing lines are trimmed and the rest is shown with three
 * lines of context. Correct for any change, minimal for one-region changes.
 */
const CONTEXT = 3;

/** Splits keeping each line's own line end, so CR and a missing final newline show. */
function lines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

function show(prefix: string, line: string): string {
  const body = line.endsWith('\n') ? line.slice(0, -1) : line;
  return `${prefix}${body.replace(/\r$/, '')}${body.endsWith('\r') ? '⏎' : ''}\n${line.endsWith('\n') ? '' : '\\ No newline at end of file\n'}`;
}

const range = (start: number, count: number) => (count === 1 ? `${start}` : `${count ? start : start - 1},${count}`);

/** `--- a/path` / `+++ b/path` and one hunk; '' when the texts are equal. */
export function unifiedDiff(before: string, after: string, path: string): string {
  if (before === after) return '';
  const a = lines(before);
  const b = lines(after);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const from = Math.max(0, head - CONTEXT);
  const aEnd = Math.min(a.length, a.length - tail + CONTEXT);
  const bEnd = Math.min(b.length, b.length - tail + CONTEXT);
  let out = `--- a/${path}\n+++ b/${path}\n@@ -${range(from + 1, aEnd - from)} +${range(from + 1, bEnd - from)} @@\n`;
  for (let i = from; i < head; i++) out += show(' ', a[i]!);
  for (let i = head; i < a.length - tail; i++) out += show('-', a[i]!);
  for (let i = head; i < b.length - tail; i++) out += show('+', b[i]!);
  for (let i = a.length - tail; i < aEnd; i++) out += show(' ', a[i]!);
  return out;
}
