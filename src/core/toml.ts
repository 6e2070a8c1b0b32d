/**
 * @iarna/toml, loaded on the first TOML text actually parsed (a note's front
 * matter, the notebook config): a search of a notebook whose index is up to
 * date parses none, and should not pay to initialise the parser. A plain
 * `require` on purpose, as for gray-matter (see front-matter.ts).
 */
type Toml = typeof import('@iarna/toml');

let toml: Toml | undefined;

/** TOML.parse: throws the parser's error (with line and col) on bad TOML. */
export function parseToml(text: string): Record<string, unknown> {
  if (!toml) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    toml = require('@iarna/toml') as Toml;
    mendLocalTimes(toml);
  }
  return toml.parse(text) as Record<string, unknown>;
}

interface ParserState {
  char: number;
  runOne(): unknown;
}

/**
 * @iarna/toml 3.0.0 reads a local time without fractional seconds
 * (`start = 09:30:00`, valid TOML that Hugo reads) one character too far:
 * it swallows the line end, then fails on the next line ("expected only
 * whitespace or comments till end of line"); in an array it swallows the
 * `,` or `]`. The state that ends such a time pops itself with `return`,
 * which consumes the current character, where its sibling states use
 * `returnNow`, which hands it on. The patch hands it on; it is applied only
 * when the bug shows, so a fixed release is left alone.
 */
function mendLocalTimes(lib: Toml): void {
  try {
    lib.parse('t = 00:00:00\nx = 1');
    return; // not affected
  } catch { /* affected: mend below */ }
  let proto: Record<string, unknown>;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    proto = (require('@iarna/toml/lib/toml-parser.js') as { prototype: Record<string, unknown> }).prototype;
  } catch {
    return; // another layout: local times stay unreadable, as before
  }
  const original = proto.parseOnlyTimeFractionMaybe as ((this: ParserState) => unknown) | undefined;
  if (typeof original !== 'function') return;
  proto.parseOnlyTimeFractionMaybe = function (this: ParserState) {
    if (this.char === 0x2e) return original.call(this); // `.`: fractional seconds follow
    original.call(this); // pops the state, the time as its value
    return this.runOne(); // what returnNow does: the current character goes to the caller's state
  };
  try {
    lib.parse('t = 00:00:00\nx = 1');
  } catch {
    proto.parseOnlyTimeFractionMaybe = original; // the mend did not take: as it was
  }
}
