/**
 * Property: for random front matter (TOML, YAML, JSON; tags in every style
 * the editor knows, or absent; comments, dates with offsets, tables; CRLF,
 * BOM), a tag edit changes only the tags entry: every other line stays, in
 * order, byte for byte, and parsing the result gives the expected tags.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyTagOp, editTags, type TagOp } from '../../src/core/front-matter-edit.js';
import { parseNote } from '../../src/core/note.js';

type Format = 'toml' | 'yaml' | 'json';
type Style = 'flow' | 'flow-tight' | 'multi' | 'multi-trailing' | 'block' | 'scalar' | 'absent';

const tagArb = fc.stringMatching(/^[A-Za-z0-9é][A-Za-z0-9 _'",:#é.-]{0,8}$/).filter((t) => t === t.trim());
const plainSafe = (t: string) => /^[A-Za-z][A-Za-z0-9_.-]*$/.test(t) && !/^(true|false|yes|no|on|off|y|n|null)$/i.test(t);

function lit(format: Format, t: string, quote: 'double' | 'single' | 'plain'): string {
  if (format !== 'json' && quote === 'single' && !(format === 'toml' && t.includes("'"))) return `'${format === 'yaml' ? t.replace(/'/g, "''") : t}'`;
  if (format === 'yaml' && quote === 'plain' && plainSafe(t)) return t;
  return JSON.stringify(t);
}

interface Gen {
  format: Format;
  keys: Array<{ name: string; kind: number; n: number }>;
  tags: string[];
  style: Style;
  quote: 'double' | 'single' | 'plain';
  tagsAt: number;
  table: boolean;
  crlf: boolean;
  bom: boolean;
  op: TagOp;
}

/** Builds the note as lines; returns the lines and the range of the tags entry. */
function build(g: Gen): { text: string; lines: string[]; tagsFrom: number; tagsTo: number } {
  const { format } = g;
  const fm: string[] = [];
  let tagsFrom = -1;
  let tagsTo = -1;
  const entry = (name: string, value: string) =>
    format === 'toml' ? `${name} = ${value}` : format === 'yaml' ? `${name}: ${value}` : `  ${JSON.stringify(name)}: ${value}`;
  const values = (k: { kind: number; n: number }) => {
    switch (k.kind) {
      case 0: return lit(format, `text ${k.n}`, g.quote);
      case 1: return String(k.n);
      case 2: return format === 'json' ? `"2023-09-0${(k.n % 9) + 1}T22:09:28+02:00"` : `2023-09-0${(k.n % 9) + 1}T22:09:28+02:00`;
      case 3: return `[${lit(format, `x${k.n}`, g.quote)}, ${lit(format, 'y', g.quote)}]`;
      default: return 'true';
    }
  };
  const tagLines = (): string[] => {
    const items = g.tags.map((t) => lit(format, t, g.quote));
    const head = format === 'toml' ? 'tags = ' : format === 'yaml' ? 'tags: ' : '  "tags": ';
    if (g.style === 'scalar' && items.length === 1) return [head + items[0]];
    if (g.style === 'block' && format === 'yaml') return ['tags:', ...g.tags.map((t) => `  - ${lit('yaml', t, g.quote)}`)];
    if ((g.style === 'multi' || g.style === 'multi-trailing') && format !== 'json' && items.length) {
      const trailing = g.style === 'multi-trailing' && format === 'toml';
      return [`${head}[`, ...items.map((it, i) => `  ${it}${i < items.length - 1 || trailing ? ',' : ''}`), ']'];
    }
    return [head + (g.style === 'flow-tight' ? `[${items.join(',')}]` : `[${items.join(', ')}]`)];
  };
  const members: string[][] = g.keys.map((k) => (k.kind === 5 && format !== 'json' ? ['# a comment'] : [entry(k.name, values(k))]));
  if (g.style !== 'absent') members.splice(Math.min(g.tagsAt, members.length), 0, tagLines());
  members.forEach((m, i) => {
    const isTags = g.style !== 'absent' && i === Math.min(g.tagsAt, g.keys.length);
    if (isTags) tagsFrom = fm.length;
    const last = i === members.length - 1;
    m.forEach((line, j) => fm.push(format === 'json' && j === m.length - 1 && !last ? `${line},` : line));
    if (isTags) tagsTo = fm.length;
  });
  if (g.table && format === 'toml') fm.push('', '[params]', 'tags = ["inner"]');
  if (g.table && format === 'yaml') fm.push('params:', '  tags: [inner]');
  const open = format === 'toml' ? '+++' : format === 'yaml' ? '---' : '{';
  const close = format === 'toml' ? '+++' : format === 'yaml' ? '---' : '}';
  const lines = [open, ...fm, close, '- body line', '  - nested with tags = ["x"]'];
  if (tagsFrom !== -1) { tagsFrom++; tagsTo++; }
  const eol = g.crlf ? '\r\n' : '\n';
  return { text: (g.bom ? '\uFEFF' : '') + lines.join(eol) + eol, lines, tagsFrom, tagsTo };
}

const genArb: fc.Arbitrary<Gen> = fc.record({
  format: fc.constantFrom<Format>('toml', 'yaml', 'json'),
  keys: fc.uniqueArray(fc.record({ name: fc.constantFrom('title', 'date', 'weight', 'draft', 'menuTitle', 'aliases', 'slug', 'summary', 'x_1'), kind: fc.integer({ min: 0, max: 5 }), n: fc.nat(99) }), { selector: (k) => k.name, maxLength: 6 }),
  tags: fc.array(tagArb, { maxLength: 4 }),
  style: fc.constantFrom<Style>('flow', 'flow-tight', 'multi', 'multi-trailing', 'block', 'scalar', 'absent'),
  quote: fc.constantFrom<'double' | 'single' | 'plain'>('double', 'single', 'plain'),
  tagsAt: fc.nat(6),
  table: fc.boolean(),
  crlf: fc.boolean(),
  bom: fc.boolean(),
  op: fc.oneof(
    fc.record({ kind: fc.constant('add' as const), tags: fc.array(tagArb, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('remove' as const), tags: fc.array(tagArb, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant('rename' as const), from: tagArb, to: tagArb }),
  ),
}).map((g) => {
  // Make removes and renames hit existing tags half of the time.
  if (g.tags.length && g.op.kind === 'remove' && g.keys.length % 2) return { ...g, op: { ...g.op, tags: [g.tags[0]!.toUpperCase()] } };
  if (g.tags.length && g.op.kind === 'rename' && g.keys.length % 2) return { ...g, op: { ...g.op, from: g.tags[g.tags.length - 1]! } };
  return g;
});

describe('editTags property: only the tags entry changes', () => {
  it('holds for random front matter and operations', () => {
    fc.assert(fc.property(genArb, (g) => {
      const { text, lines, tagsFrom, tagsTo } = build(g);
      const before = parseNote('n.md', text);
      const r = editTags(text, g.op, { path: 'n.md' });
      const after = parseNote('n.md', r.text);
      expect(after.tags).toEqual(applyTagOp(before.tags, g.op));
      const { tags: _a, ...restAfter } = after.frontMatter;
      const { tags: _b, ...restBefore } = before.frontMatter;
      expect(restAfter).toEqual(restBefore);
      expect(after.body).toBe(before.body);
      // Textually: the lines before and after the tags entry are untouched.
      const eol = g.crlf ? '\r\n' : '\n';
      expect(r.text.startsWith(g.bom ? '\uFEFF' : '')).toBe(true);
      const outLines = r.text.slice(g.bom ? 1 : 0).split(eol);
      const origLines = [...lines, ''];
      if (!r.changed) { expect(r.text).toBe(text); return; }
      const from = tagsFrom === -1 ? null : tagsFrom;
      if (from !== null) {
        const head = origLines.slice(0, from);
        const tail = origLines.slice(tagsTo);
        expect(outLines.slice(0, head.length)).toEqual(head);
        expect(outLines.slice(outLines.length - tail.length)).toEqual(tail);
      } else {
        // A new key: exactly one line more, everything else in order (JSON: a comma after the last member).
        expect(outLines.length).toBe(origLines.length + 1);
        const added = outLines.findIndex((l, i) => l.replace(/,$/, '') !== origLines[i]!.replace(/,$/, '') );
        const without = [...outLines.slice(0, added), ...outLines.slice(added + 1)];
        expect(without.map((l) => (g.format === 'json' ? l.replace(/,$/, '') : l))).toEqual(origLines.map((l) => (g.format === 'json' ? l.replace(/,$/, '') : l)));
        expect(outLines[added]).toMatch(/^\s*"?tags"?\s*[=:]/);
      }
      expect(r.text.includes('\r\n') ? !/[^\r]\n/.test(r.text) : true).toBe(true);
    }), { numRuns: 1500 });
  });
});
