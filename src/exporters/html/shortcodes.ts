/**
 * Hugo shortcodes in note bodies, turned into plain Markdown before
 * rendering, since the export has no Hugo templates:
 * - `{{< ref "x.md" >}}` / `relref` become a link target the renderer
 *   resolves to the exported page (`notes-ref:` URLs), or a whole link when
 *   they stand in running text;
 * - paired shortcodes keep their inner content (code-like ones such as
 *   `highlight` and `code-toggle` as a fenced code block);
 * - any other shortcode becomes a visible marker (a sentinel the renderer
 *   turns into `<span class="shortcode">`), never raw or broken markup;
 * - a shortcode escaped Hugo's way (a comment, slash-star, inside the
 *   delimiters) shows as the literal shortcode text.
 */

/** The scheme of link targets that name a note by Hugo ref. */
export const REF_SCHEME = 'notes-ref:';
/** Marker sentinels: U+E000 index U+E001 (private use characters). */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';

interface Tag {
  start: number;
  end: number;
  delim: '<' | '%';
  name: string;
  args: string;
  closing: boolean;
  selfClosing: boolean;
  /** An escaped shortcode: the text to show as is. */
  literal?: string;
}

/** Shortcodes whose inner content is code. */
const CODE_LIKE = new Set(['highlight', 'code', 'code-toggle', 'codeblock', 'file']);

/** Finds the end (index after `>}}` / `%}}`) of a shortcode opened at `i`, respecting quotes. */
function findEnd(s: string, i: number, delim: string): number {
  const close = delim === '<' ? '>' : '%';
  let q: string | null = null;
  for (let j = i + 3; j < s.length; j++) {
    const c = s[j]!;
    if (q) {
      if (c === '\\' && q === '"') j++;
      else if (c === q) q = null;
    } else if (c === '"' || c === '`') q = c;
    else if (c === '\n' && s[j + 1] === '\n') return -1; // a blank line: not a shortcode
    else if (c === close && s[j + 1] === '}' && s[j + 2] === '}') return j + 3;
  }
  return -1;
}

function scan(s: string): Tag[] {
  const tags: Tag[] = [];
  for (let i = s.indexOf('{{'); i !== -1; i = s.indexOf('{{', i + 2)) {
    const delim = s[i + 2];
    if (delim !== '<' && delim !== '%') continue;
    const end = findEnd(s, i, delim);
    if (end === -1) continue;
    let inner = s.slice(i + 3, end - 3).trim();
    if (inner.startsWith('/*') && inner.endsWith('*/')) {
      tags.push({ start: i, end, delim, name: '', args: '', closing: false, selfClosing: true, literal: `{{${delim}${inner.slice(2, -2)}${delim === '<' ? '>' : '%'}}}` });
      i = end - 2;
      continue;
    }
    const closing = inner.startsWith('/');
    if (closing) inner = inner.slice(1).trim();
    const selfClosing = !closing && inner.endsWith('/');
    if (selfClosing) inner = inner.slice(0, -1).trim();
    const m = /^([A-Za-z0-9_.\/-]+)\s*([\s\S]*)$/.exec(inner);
    if (!m) continue;
    tags.push({ start: i, end, delim, name: m[1]!, args: m[2]!, closing, selfClosing });
    i = end - 2;
  }
  return tags;
}

/** The positional or `name=` arguments of a shortcode (quotes removed). */
export function shortcodeArgs(args: string): { positional: string[]; named: Record<string, string> } {
  const positional: string[] = [];
  const named: Record<string, string> = {};
  const re = /(?:([A-Za-z_][\w-]*)\s*=\s*)?(?:"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+))/g;
  for (let m = re.exec(args); m; m = re.exec(args)) {
    const value = m[2] !== undefined ? m[2].replace(/\\(.)/g, '$1') : (m[3] ?? m[4] ?? '');
    if (m[1]) named[m[1]] = value; else positional.push(value);
  }
  return { positional, named };
}

/** Escapes Markdown punctuation so `text` shows as written. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~]/g, '\\$&');
}

/** A shortcode shown as its text: a marker, or (escaped in the note) plain literal text. */
export interface Marker {
  text: string;
  literal: boolean;
}

export interface ExpandResult {
  markdown: string;
  /** By index: the shortcodes shown as text. */
  markers: Marker[];
}

/** Rewrites the shortcodes of `body` as described above. */
export function expandShortcodes(body: string): ExpandResult {
  if (!body.includes('{{')) return { markdown: body, markers: [] };
  const tags = scan(body);
  if (!tags.length) return { markdown: body, markers: [] };
  // Pair openers with closers (a closer pops to its opener; unmatched ones stay markers).
  const pairOf = new Map<number, number>();
  const stack: number[] = [];
  tags.forEach((t, k) => {
    if (t.literal) return;
    if (t.closing) {
      for (let j = stack.length - 1; j >= 0; j--) {
        if (tags[stack[j]!]!.name === t.name) {
          pairOf.set(stack[j]!, k);
          pairOf.set(k, stack[j]!);
          stack.length = j;
          break;
        }
      }
    } else if (!t.selfClosing) stack.push(k);
  });
  const markers: Marker[] = [];
  const mark = (text: string, literal = false) => `${MARK_OPEN}${markers.push({ text, literal }) - 1}${MARK_CLOSE}`;
  let out = '';
  let pos = 0;
  let skipUntil = -1;
  tags.forEach((t, k) => {
    if (t.start < skipUntil) return;
    out += body.slice(pos, t.start);
    pos = t.end;
    if (t.literal) { out += mark(t.literal, true); return; }
    const paired = pairOf.has(k);
    if (!t.closing && (t.name === 'ref' || t.name === 'relref')) {
      const { positional, named } = shortcodeArgs(t.args);
      const target = (named.path ?? positional[0] ?? '').trim();
      const url = `${REF_SCHEME}${encodeURIComponent(target)}`;
      // In a link target (`](` or a reference definition) the URL alone; in text, a link.
      const line = out.slice(out.lastIndexOf('\n') + 1);
      out += /\]\(\s*<?$/.test(line) || /^\s*\[[^\]]+\]:\s*<?$/.test(line) ? url : `[${escapeMarkdown(target)}](${url})`;
      return;
    }
    if (paired && !t.closing && CODE_LIKE.has(t.name)) {
      const closer = tags[pairOf.get(k)!]!;
      const inner = body.slice(t.end, closer.start).replace(/^\s*\n/, '').replace(/\s+$/, '');
      const { positional, named } = shortcodeArgs(t.args);
      const lang = (named.lang ?? (t.name === 'highlight' ? positional[0] : undefined) ?? (t.name === 'code-toggle' ? 'toml' : '')).replace(/[^\w+-]/g, '');
      const longest = Math.max(2, ...(inner.match(/`+/g) ?? []).map((x) => x.length));
      const fence = '`'.repeat(longest + 1);
      out += `\n\n${fence}${lang}\n${inner}\n${fence}\n\n`;
      pos = closer.end;
      skipUntil = closer.end;
      return;
    }
    if (paired) {
      // Inner content stays; a title-like argument becomes a bold line.
      if (!t.closing) {
        const { named } = shortcodeArgs(t.args);
        const heading = named.title ?? named.summary ?? named.header;
        if (heading) out += `**${escapeMarkdown(heading)}**\n\n`;
      }
      return;
    }
    out += mark(`{{${t.delim} ${t.closing ? '/' : ''}${t.name}${t.args ? ` ${t.args}` : ''} ${t.delim === '<' ? '>' : '%'}}}`);
  });
  out += body.slice(pos);
  return { markdown: out, markers };
}
