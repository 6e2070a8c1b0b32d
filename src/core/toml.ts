/**
 * @iarna/toml, loaded on the first TOML text actually parsed (a note's front
 * matter, the notebook config): a search of a notebook whose index is up to
 * date parses none, and should not pay to initialise the parser. A plain
 * `require` on purpose, as for gray-matter (see front-matter.ts).
 */
type Toml = typeof import('@iarna/toml');

let toml: Toml | undefined;

/**
 * TOML.parse: throws the parser's error (with line and col) on bad TOML.
 * CRLF line ends are read as LF first: @iarna/toml rejects the CR of a
 * CRLF that ends a comment ("control characters are not allowed in
 * comments"), though TOML allows CRLF anywhere a line may end.
 */
export function parseToml(text: string): Record<string, unknown> {
  if (!toml) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    toml = require('@iarna/toml') as Toml;
    mendParser(toml);
  }
  return toml.parse(text.includes('\r') ? text.replace(/\r\n/g, '\n') : text) as Record<string, unknown>;
}

interface ParserState {
  char: number;
  runOne(): unknown;
}

type ParserMethod = (this: ParserState) => unknown;

/**
 * Mends of @iarna/toml 3.0.0 bugs that make valid TOML (which Hugo reads)
 * unreadable: each is applied only when its probe fails, and undone if the
 * probe still fails after it, so a fixed release is left alone.
 *
 * - A local time without fractional seconds (`start = 09:30:00`) is read one
 *   character too far: it swallows the line end and fails on the next line
 *   ("expected only whitespace or comments till end of line"), or swallows
 *   the `,` or `]` in an array. The state that ends it pops itself with
 *   `return`, which consumes the current character, where its sibling
 *   states use `returnNow`, which hands it on.
 * - A date or time directly followed by `,`, `]` or `}` (`days =
 *   [2023-09-04, 2023-09-05]`, `{ at = 09:30:00.5}`) fails: the test for the
 *   end of such a value (`atEndOfWord`) knows spaces, comments and line
 *   ends only. Numbers and other values do not use it that way.
 */
const MENDS: Array<{ probe: string; method: string; mend: (original: ParserMethod) => ParserMethod }> = [
  {
    probe: 't = 00:00:00\nx = 1',
    method: 'parseOnlyTimeFractionMaybe',
    mend: (original) => function (this: ParserState) {
      if (this.char === 0x2e) return original.call(this); // `.`: fractional seconds follow
      original.call(this); // pops the state, the time as its value
      return this.runOne(); // what returnNow does: the current character goes to the caller's state
    },
  },
  {
    probe: 'd = [2023-09-04,2023-09-05]\nt = {a = 00:00:00.5}',
    method: 'atEndOfWord',
    mend: (original) => function (this: ParserState) {
      return original.call(this) || this.char === 0x2c || this.char === 0x5d || this.char === 0x7d;
    },
  },
];

function mendParser(lib: Toml): void {
  let proto: Record<string, unknown> | undefined;
  for (const { probe, method, mend } of MENDS) {
    try {
      lib.parse(probe);
      continue; // not affected
    } catch { /* affected: mend below */ }
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      proto ??= (require('@iarna/toml/lib/toml-parser.js') as { prototype: Record<string, unknown> }).prototype;
    } catch {
      return; // another layout: such values stay unreadable, as before
    }
    const original = proto[method];
    if (typeof original !== 'function') continue;
    proto[method] = mend(original as ParserMethod);
    try {
      lib.parse(probe);
    } catch {
      proto[method] = original; // the mend did not take: as it was
    }
  }
}
