import { describe, expect, it } from 'vitest';
import { linkTarget, mdLinkPattern } from '../../src/core/md-link.js';

/** [text, destination] of every inline link of a line. */
const links = (line: string) => [...line.matchAll(mdLinkPattern())].map((m) => [m[1], linkTarget(m)]);

describe('Markdown inline links', () => {
  it.each([
    ['[Wiki](https://en.wikipedia.org/wiki/Foo_(bar)) here', [['Wiki', 'https://en.wikipedia.org/wiki/Foo_(bar)']]],
    ['[W](https://x.example.org/a_(b_(c))_d)', [['W', 'https://x.example.org/a_(b_(c))_d']]],
    ['[W](https://x.example.org/q_\\(r\\))', [['W', 'https://x.example.org/q_(r)']]],
    ['[a](https://a.example.org/x "a title")', [['a', 'https://a.example.org/x']]],
    ["[a](https://a.example.org/x 'a title')", [['a', 'https://a.example.org/x']]],
    ['[a](https://a.example.org/x (a title))', [['a', 'https://a.example.org/x']]],
    ['[a](<https://a.example.org/x (y)> "t")', [['a', 'https://a.example.org/x%20(y)']]],
    ['([a](https://a.example.org/x)), [b](mailto:b@example.org)', [['a', 'https://a.example.org/x'], ['b', 'mailto:b@example.org']]],
    ['[a](https://a.example.org/x (unclosed)', []],
    ['[a](https://a.example.org/x y)', []],
  ])('%s', (line, expected) => {
    expect(links(line)).toEqual(expected);
  });
  it('stays linear on a long line of parentheses', () => {
    const t0 = performance.now();
    links(`[a](https://x.example.org/${'(('.repeat(20_000)}`);
    expect(performance.now() - t0).toBeLessThan(500);
  });
});
