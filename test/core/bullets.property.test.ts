/**
 * Property: appending a bullet to a random outline (any depth, blank lines,
 * CRLF or LF, with or without a final newline) inserts exactly one line
 * (two with a blank separator) and leaves every other byte as it was; a
 * child lands one indentation step below its parent, inside its subtree.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appendBullet, parseBullets } from '../../src/core/bullets.js';

const outlineArb = fc.record({
  depths: fc.array(fc.nat(3), { minLength: 0, maxLength: 12 }),
  blanks: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  unit: fc.constantFrom('  ', '    ', '\t'),
  crlf: fc.boolean(),
  finalNewline: fc.boolean(),
  parentPick: fc.option(fc.nat(11), { nil: null }),
  item: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 :,.()-]{0,20}$/),
});

describe('appendBullet property', () => {
  it('inserts only the new bullet, in the right place', () => {
    fc.assert(fc.property(outlineArb, (g) => {
      const eol = g.crlf ? '\r\n' : '\n';
      // A valid outline: each bullet at most one level below the previous one.
      const lines: string[] = [];
      let prev = -1;
      g.depths.forEach((d, i) => {
        const depth = Math.min(d, prev + 1);
        if (g.blanks[i] && i > 0) lines.push('');
        lines.push(`${g.unit.repeat(depth)}- bullet ${i}`);
        prev = depth;
      });
      const text = `+++${eol}title = "x"${eol}+++${eol}${lines.join(eol)}${lines.length && g.finalNewline ? eol : ''}`;
      const bullets = parseBullets(text);
      const parent = g.parentPick === null || !bullets.length ? null : bullets[g.parentPick % bullets.length]!;
      const r = appendBullet(text, g.item, parent);
      const before = text.split(eol);
      const after = r.text.split(eol);
      const added = after.length - before.length;
      expect([1, 2]).toContain(added);
      const at = r.line - 1;
      expect(after[at]).toMatch(new RegExp(`^[ \\t]*- ${g.item.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      // Removing the new line (and a blank separator before it) gives the note back.
      const rest = [...after.slice(0, at - (added - 1)), ...after.slice(at + 1)];
      expect(rest.join(eol)).toBe(text);
      if (parent) {
        // The entry's own step when it has nested bullets, else two spaces.
        const step = lines.some((l) => /^[ \t]/.test(l)) ? g.unit : '  ';
        const own = /^[ \t]*/.exec(after[at]!)![0];
        // A child: deeper than the parent, and below it with no shallower bullet in between.
        expect(own.startsWith(parent.indent) && own.length > parent.indent.length).toBe(true);
        if (!bullets.some((b) => b.start > parent.start && b.indent.length > parent.indent.length)) expect(own).toBe(parent.indent + step);
        for (let k = parent.line; k < at; k++) {
          const l = after[k]!;
          if (l.trim()) expect(/^[ \t]*/.exec(l)![0].length).toBeGreaterThan(parent.indent.length);
        }
      } else {
        expect(after[at]!.startsWith('- ')).toBe(true);
        for (const l of after.slice(at + 1)) expect(l.trim()).toBe('');
      }
    }), { numRuns: 1000 });
  });
});
