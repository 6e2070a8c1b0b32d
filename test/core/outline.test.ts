import { describe, expect, it } from 'vitest';
import { outlineOf, ancestors } from '../../src/core/outline.js';

describe('outlineOf', () => {
  const body = ['- A - Group', '  - child', '    - [ ] task', '', '## Heading', '- under heading', '```', '- [ ] code', '```', '1. [x] done'].join('\n');
  const lines = outlineOf(body, 10);
  it('numbers lines from the body start', () => {
    expect(lines.map((l) => l.line)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });
  it.each([
    [0, 'bullet', 'A - Group', null, -1],
    [1, 'bullet', 'child', null, 0],
    [2, 'bullet', 'task', ' ', 1],
    [4, 'heading', 'Heading', null, -1],
    [5, 'bullet', 'under heading', null, 4],
    [9, 'bullet', 'done', 'x', 4],
  ] as const)('line %i is a %s "%s"', (i, kind, text, task, parent) => {
    expect(lines[i]).toMatchObject({ kind, text, task, parent });
  });
  it('marks fenced code', () => {
    expect(lines.slice(6, 9).every((l) => l.inCode)).toBe(true);
    expect(lines[7]!.task).toBeNull();
  });
  it('gives ancestors nearest first', () => {
    expect(ancestors(lines, 2).map((l) => l.text)).toEqual(['child', 'A - Group']);
  });
  it('handles CRLF', () => {
    expect(outlineOf('- a\r\n  - b\r\n').map((l) => [l.text, l.parent])).toEqual([['a', -1], ['b', 0]]);
  });
});
