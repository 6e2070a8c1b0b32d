import { describe, expect, it } from 'vitest';
import { expandShortcodes, shortcodeArgs, MARK_OPEN, MARK_CLOSE } from '../../src/exporters/html/shortcodes.js';

const m = (i: number) => `${MARK_OPEN}${i}${MARK_CLOSE}`;

describe('expandShortcodes', () => {
  it.each([
    ['plain text', 'plain text', []],
    ['[x]({{< ref "day-2.md" >}})', '[x](notes-ref:day-2.md)', []],
    ['[x]({{% relref "/a/b" %}})', '[x](notes-ref:%2Fa%2Fb)', []],
    ['[x]({{< ref path="a b.md" >}} "t")', '[x](notes-ref:a%20b.md "t")', []],
    ['see {{< ref "day-2.md" >}} now', 'see [day\\-2\\.md](notes-ref:day-2.md) now', []],
    ['[x]: {{< ref "d.md" >}}', '[x]: notes-ref:d.md', []],
    ['[a](\nb {{< ref "d.md" >}}', '[a](\nb [d\\.md](notes-ref:d.md)', []],
    ['a {{< youtube abc >}} b', `a ${m(0)} b`, ['{{< youtube abc >}}']],
    ['a {{% param "x" %}} b', `a ${m(0)} b`, ['{{% param "x" %}}']],
    ['{{< tip >}}inner *md*{{< /tip >}}', 'inner *md*', []],
    ['{{< details summary="More" >}}\nbody\n{{< /details >}}', '**More**\n\n\nbody\n', []],
    ['{{< highlight go >}}\nfmt.Println("<b>")\n{{< /highlight >}}', '\n\n```go\nfmt.Println("<b>")\n```\n\n', []],
    ['{{< code-toggle file=hugo >}}\n[a]\nb = 1\n{{< /code-toggle >}}', '\n\n```toml\n[a]\nb = 1\n```\n\n', []],
    ['{{</* figure src="x" */>}}', m(0), ['{{< figure src="x" >}}']],
    ['{{< x a=">" >}}', m(0), ['{{< x a=">" >}}']],
    ['{{< /orphan >}}', m(0), ['{{< /orphan >}}']],
    ['{{< unclosed\n\nstill text', '{{< unclosed\n\nstill text', []],
  ])('%j', (input, markdown, markers) => {
    const r = expandShortcodes(input);
    expect(r.markdown).toBe(markdown);
    expect(r.markers.map((x) => x.text)).toEqual(markers);
  });

  it('marks escaped shortcodes as literal text', () => {
    expect(expandShortcodes('{{</* x */>}} {{< y >}}').markers).toEqual([{ text: '{{< x >}}', literal: true }, { text: '{{< y >}}', literal: false }]);
  });

  it('reads positional and named arguments', () => {
    expect(shortcodeArgs('"a b" c key="v \\"q\\"" k2=`raw`')).toEqual({ positional: ['a b', 'c'], named: { key: 'v "q"', k2: 'raw' } });
  });
});
