import { describe, expect, it } from 'vitest';
import { createRenderer, renderMarkdown, type RenderEnv } from '../../src/exporters/html/markdown.js';

const md = createRenderer();
const env: RenderEnv = {
  link: (path, frag, kind) => (path.startsWith('known') ? { href: `page-of-${path}${frag ? `#${frag}` : ''}` } : kind === 'ref' || path.endsWith('.md') ? { missing: path } : null),
  image: (src) => (src === 'pic.png' ? '../pics/pic.png' : null),
};
const render = (s: string) => renderMarkdown(md, s, env).trim();

describe('renderMarkdown', () => {
  it.each([
    ['<script>alert(1)</script>', '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>'],
    ['<img src=x onerror=alert(1)>', '<p>&lt;img src=x onerror=alert(1)&gt;</p>'],
    ['[x](javascript:alert(1))', '<p>[x](javascript:alert(1))</p>'],
    ['see https://example.org/a_(b).', '<p>see <a href="https://example.org/a_(b)">https://example.org/a_(b)</a>.</p>'],
    ['Ada (mailto:ada@example.org)', '<p>Ada (<a href="mailto:ada@example.org">mailto:ada@example.org</a>)</p>'],
    ['mail ada@example.org', '<p>mail <a href="mailto:ada@example.org">ada@example.org</a></p>'],
    ['[Ada](mailto:ada@example.org)', '<p><a href="mailto:ada@example.org">Ada</a></p>'],
    ['[a](https://example.org) https://example.org', '<p><a href="https://example.org">a</a> <a href="https://example.org">https://example.org</a></p>'],
    ['`https://example.org`', '<p><code>https://example.org</code></p>'],
    ['[day](known.md#top)', '<p><a href="page-of-known.md#top">day</a></p>'],
    ['[q](known%3F.md) [h](known%23b.md#t%C3%A9)', '<p><a href="page-of-known?.md">q</a> <a href="page-of-known#b.md#té">h</a></p>'],
    ['[q](known.md?x=1#y)', '<p><a href="page-of-known.md#y">q</a></p>'],
    ['[gone](other.md)', '<p><a class="missing-link" title="not in this export: other.md">gone</a></p>'],
    ['[site](/about/)', '<p><a href="/about/">site</a></p>'],
    ['[x]({{< ref "known-2.md" >}})', '<p><a href="page-of-known-2.md">x</a></p>'],
    ['[x]({{< ref "nope.md" >}})', '<p><a class="missing-link" title="not in this export: nope.md">x</a></p>'],
    ['![p](pic.png)', '<p><img src="../pics/pic.png" alt="p"></p>'],
    ['{{< youtube x >}}', '<p><span class="shortcode" title="Hugo shortcode, not rendered in this export">{{&lt; youtube x &gt;}}</span></p>'],
    ['```\n{{</* figure src="a.png" */>}}\n```', '<pre><code>{{&lt; figure src=&quot;a.png&quot; &gt;}}\n</code></pre>'],
    ['![alt {{< x >}}](a.png)', '<p><img src="a.png" alt="alt {{&lt; x &gt;}}"></p>'],
    ['[t]({{% eturl rss %}})', '<p><a class="missing-link" title="Hugo shortcode, not rendered in this export: {{% eturl rss %}}">t</a></p>'],
    ['[a](<{{< param "x" >}}>)', '<p><a class="missing-link" title="Hugo shortcode, not rendered in this export: {{&lt; param &quot;x&quot; &gt;}}">a</a></p>'],
    ['[r][x]\n\n[x]: <{{% eturl alias %}}>', '<p><a class="missing-link" title="Hugo shortcode, not rendered in this export: {{% eturl alias %}}">r</a></p>'],
    ['![i]({{< img >}})', '<p><img alt="i" class="missing-link" title="Hugo shortcode, not rendered in this export: {{&lt; img &gt;}}"></p>'],
  ])('%j', (input, html) => {
    expect(render(input)).toBe(html);
  });
});

describe('heading anchors', () => {
  it.each([
    ['# Detector readout', '<h1 id="detector-readout">Detector readout</h1>'],
    ['## The `kafka` cluster!', '<h2 id="the-kafka-cluster">The <code>kafka</code> cluster!</h2>'],
    ['# A\n# A', '<h1 id="a">A</h1>\n<h1 id="a-1">A</h1>'],
    ['# Ünïcode ok', '<h1 id="ünïcode-ok">Ünïcode ok</h1>'],
    ['## Arrays {#arrays}', '<h2 id="arrays">Arrays</h2>'],
    ['## Q & A', '<h2 id="q--a">Q &amp; A</h2>'],
    ['## a  b', '<h2 id="a--b">a  b</h2>'],
    ['## C++ / Rust', '<h2 id="c--rust">C++ / Rust</h2>'],
    ['## 2024-05-01 — talk', '<h2 id="2024-05-01--talk">2024-05-01 — talk</h2>'],
    ['## **Bold** [a](http://x.y)', '<h2 id="bold-ahttpxy"><strong>Bold</strong> <a href="http://x.y">a</a></h2>'],
    ['## Warn {.w .x}', '<h2 class="w x" id="warn">Warn</h2>'],
    ['## B {#i .c}', '<h2 class="c" id="i">B</h2>'],
    ['## a {#b} more', '<h2 id="a-b-more">a {#b} more</h2>'],
    ['## x \\{#y}', '<h2 id="x-y">x {#y}</h2>'],
    ['## ..!!', '<h2 id="heading">..!!</h2>'],
    ['# A\n# A\n# A-1\n# A', '<h1 id="a">A</h1>\n<h1 id="a-1">A</h1>\n<h1 id="a-1-1">A-1</h1>\n<h1 id="a-2">A</h1>'],
    ['# A {#a-1}\n# A', '<h1 id="a-1">A</h1>\n<h1 id="a">A</h1>'],
    ['one\ntwo {#t}\n---', '<h2 id="t">one\ntwo</h2>'],
  ])('%j', (input, html) => {
    expect(render(input)).toBe(html);
  });
});
