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
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  toml ??= require('@iarna/toml') as Toml;
  return toml.parse(text) as Record<string, unknown>;
}
