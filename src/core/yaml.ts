/**
 * YAML front matter as Hugo reads it. Hugo (0.111, through go-yaml v2)
 * follows YAML 1.1, where unquoted `yes`, `on`, `y` (and `no`, `off`, `n`,
 * in lower, Capitalised or UPPER case) are booleans: `draft: yes` is a
 * draft. js-yaml follows YAML 1.2, where they are strings, so gray-matter
 * alone would publish that note. This schema is js-yaml's safe one with
 * the YAML 1.1 booleans; a quoted 'yes' stays a string, as in Hugo.
 * Loaded on the first YAML note, like gray-matter (front-matter.ts).
 */
import type * as JsYaml from 'js-yaml';

const TRUE = ['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y'];
const FALSE = ['false', 'False', 'FALSE', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'n', 'N'];

let load: ((text: string) => unknown) | undefined;

function compile(): (text: string) => unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('js-yaml') as typeof JsYaml;
  const truthy = new Set(TRUE);
  const known = new Set([...TRUE, ...FALSE]);
  // Same tag as the YAML 1.2 boolean type, which it replaces in the schema.
  const bool = new yaml.Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (data: string | null) => data !== null && known.has(data),
    construct: (data: string) => truthy.has(data),
    predicate: (value: unknown) => typeof value === 'boolean',
    represent: (value: unknown) => (value ? 'true' : 'false'),
  });
  // `implicit`: resolved from plain scalars (Schema.create would make it explicit, for `!!bool` only).
  const schema = new yaml.Schema({ include: [yaml.DEFAULT_SAFE_SCHEMA], implicit: [bool] });
  return (text) => yaml.safeLoad(text, { schema });
}

/** Parses YAML text (gray-matter's engine signature: the options it passes are ignored). */
export function parseYaml(text: string): unknown {
  load ??= compile();
  return load(text);
}
