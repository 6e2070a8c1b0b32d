/**
 * Heading ids as Hugo 0.111 makes them, so that `#anchor` links written for
 * the Hugo site (`[x](#q--a)`, ox-hugo's `{#id}` headings) land on the same
 * heading in the export:
 * - goldmark's heading attributes (on in Hugo by default): a trailing
 *   `{#id .class key=value}` block sets the id and classes and leaves the text;
 * - otherwise the "github" auto id (Hugo's markup/goldmark/autoid.go) of the
 *   heading's raw source line: letters, decimal digits and `_` lowercased,
 *   each space or `-` a `-` (no collapsing: `Q & A` → `q--a`), all else
 *   dropped (so `**b**` → `b`, `[a](http://x.y)` → `ahttpxy`), `heading`
 *   when nothing is left;
 * - a generated id already used in the page gets `-1`, `-2`... (explicit ids
 *   count as used and are never changed).
 * Pure; checked against hugo itself by test/e2e/hugo-heading-ids.test.ts.
 */

/** Go's unicode.ToLower of one code point: JavaScript's full mapping turns `İ` into two. */
const lowerRune = (c: string) => (c === '\u0130' ? 'i' : c.toLowerCase());

const KEEP = /[\p{L}\p{Nd}_]/u;

/** The "github" anchor of a heading's text (before de-duplication). */
export function anchorize(text: string): string {
  let out = '';
  for (const c of text.trim()) {
    if (c === ' ' || c === '-') out += '-';
    else if (KEEP.test(c)) out += lowerRune(c);
  }
  return out;
}

/** The ids of one page, handed out in document order as goldmark's id factory does. */
export class HeadingIds {
  private used = new Set<string>();

  /** Records an explicit `{#id}`. */
  put(id: string): void {
    this.used.add(id);
  }

  /** The auto id of a heading whose source text is `text`, unique in the page. */
  generate(text: string): string {
    const base = anchorize(text) || 'heading';
    let id = base;
    for (let i = 1; this.used.has(id); i++) id = `${base}-${i}`;
    this.used.add(id);
    return id;
  }
}

/** A heading line's trailing attribute block, parsed. */
export interface HeadingAttributes {
  /** The line without the block (trimmed at the end). */
  text: string;
  /** The last `#id` of the block, if any. */
  id?: string;
  /** Every `.class` and `class=`, in order. */
  classes: string[];
}

const isSpace = (c: string | undefined) => c === ' ' || c === '\t';
/** goldmark's id and class characters: anything but spaces and ASCII punctuation other than `_-:.`. */
const NAME_CHAR = /[^\s!-,/;-@[-^`{-~]/;
const KEY_START = /[A-Za-z_:]/;
const KEY_CHAR = /[A-Za-z0-9_:.-]/;

/** Parses `{...}` starting at `s[i] === '{'`: the attributes and the index after `}`, or null when it is not an attribute block. */
function parseBlock(s: string, i: number): { attrs: Array<[string, string]>; end: number } | null {
  const attrs: Array<[string, string]> = [];
  let j = i + 1;
  const skip = () => { while (isSpace(s[j])) j++; };
  for (;;) {
    skip();
    if (s[j] === '}') return { attrs, end: j + 1 };
    const c = s[j];
    if (c === '#' || c === '.') {
      const from = ++j;
      while (j < s.length && NAME_CHAR.test(s[j]!)) j++;
      attrs.push([c === '#' ? 'id' : 'class', s.slice(from, j)]);
    } else if (c !== undefined && KEY_START.test(c)) {
      const from = j;
      while (j < s.length && KEY_CHAR.test(s[j]!)) j++;
      const key = s.slice(from, j);
      skip();
      if (s[j] !== '=') return null;
      j++;
      skip();
      let value: string;
      if (s[j] === '"') {
        const m = /^"((?:[^"\\]|\\.)*)"/.exec(s.slice(j));
        if (!m) return null;
        value = m[1]!.replace(/\\(.)/g, '$1');
        j += m[0].length;
      } else {
        const m = /^[^\s,}"]+/.exec(s.slice(j));
        if (!m) return null;
        value = m[0];
        j += m[0].length;
      }
      attrs.push([key, value]);
    } else return null;
    skip();
    if (s[j] === ',') j++;
  }
}

/**
 * The attribute block ending a heading's (last) line, as goldmark finds it:
 * the first unescaped `{` from the left that opens a valid block followed
 * only by spaces. Null when the line has none (`{not attrs`, `{#a} more`).
 */
export function parseHeadingAttributes(line: string): HeadingAttributes | null {
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '\\') { if (line[i + 1] === '{') i++; continue; }
    if (c !== '{') continue;
    const block = parseBlock(line, i);
    if (!block || line.slice(block.end).trim()) continue;
    const out: HeadingAttributes = { text: line.slice(0, i).trimEnd(), classes: [] };
    for (const [k, v] of block.attrs) {
      if (k === 'id') out.id = v;
      else if (k === 'class') out.classes.push(v);
    }
    return out;
  }
  return null;
}
