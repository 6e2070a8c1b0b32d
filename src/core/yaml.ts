/**
 * YAML front matter as Hugo reads it. Hugo (0.111, through go-yaml v2)
 * follows YAML 1.1, where a plain `yes`, `on`, `y` (and `no`, `off`, `n`, in
 * lower, Capitalised or UPPER case) is a boolean: `draft: yes` is a draft.
 * js-yaml follows YAML 1.2, where they are strings, so gray-matter alone
 * would publish that note. But Hugo keeps keys as written (`y: 20` is the
 * key "y"), where a YAML 1.1 schema would make the key "true" (and `y` next
 * to `yes` a duplicate key).
 *
 * So a note is read twice when its text holds such a word as a whole plain
 * value: with js-yaml's schema (keys and structure), and with the YAML 1.1
 * booleans; a string value that is one of the words takes the boolean of
 * the same place in the second reading. Anchors, aliases, merge keys and
 * flow collections are all js-yaml's own work in both readings. An explicit
 * `!!bool yes` is read as YAML 1.1 in both. Loaded on the first YAML note,
 * like gray-matter (front-matter.ts).
 */
import type * as JsYaml from 'js-yaml';

const TRUE = ['true', 'True', 'TRUE', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y'];
const FALSE = ['false', 'False', 'FALSE', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'n', 'N'];
/** The words that are strings in YAML 1.2 and booleans in YAML 1.1. */
const WORDS = new Set([...TRUE, ...FALSE].filter((w) => !/^(true|false)$/i.test(w)));
const TRUE_WORDS = new Set(TRUE);
const FALSE_WORDS = new Set(FALSE);
const BOOLEAN_WORDS = new Set([...TRUE, ...FALSE]);

/** Such a word as a whole plain value (after `:`, `-`, `,`, `[`, `{`, `?` or an anchor, before a line end, `#`, `,`, `]`, `}`). */
const MAYBE = /(?:^|[:\-,[{?]|\s)[ \t]*(?:&\S+[ \t]+)?(?:yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)[ \t]*(?:$|[,\]}#])/m;

interface Readers {
  load: (text: string, schema: JsYaml.Schema, json?: boolean) => unknown;
  /** js-yaml's safe schema, with `!!bool` taking the YAML 1.1 words. */
  plain: JsYaml.Schema;
  /** The same with the YAML 1.1 booleans resolved from plain values too. */
  yaml11: JsYaml.Schema;
}

let readers: Readers | undefined;

function compile(): Readers {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const yaml = require('js-yaml') as typeof JsYaml;
  // The tag of YAML's boolean type, which it replaces where it is listed.
  const bool = new yaml.Type('tag:yaml.org,2002:bool', {
    kind: 'scalar',
    resolve: (data: string | null) => data !== null && BOOLEAN_WORDS.has(data),
    construct: (data: string) => TRUE_WORDS.has(data),
    predicate: (value: unknown) => typeof value === 'boolean',
    represent: (value: unknown) => (value ? 'true' : 'false'),
  });
  const anyOmap = new yaml.Type('tag:yaml.org,2002:omap', {
    kind: 'sequence',
    resolve: (data: unknown) => data === null || Array.isArray(data),
    construct: (data: unknown) => data ?? [],
  });
  return {
    // json: a key seen twice keeps the last value instead of failing (keys that collide only as YAML 1.1).
    load: (text, schema, json = false) => yaml.safeLoad(text, { schema, json }),
    // Schema.create lists the type as explicit: `!!bool yes` only.
    plain: yaml.Schema.create(yaml.DEFAULT_SAFE_SCHEMA, [bool]),
    // !!omap without its unique-key check: keys unique as written may collide as YAML 1.1.
    yaml11: new yaml.Schema({ include: [yaml.DEFAULT_SAFE_SCHEMA], implicit: [bool], explicit: [anyOmap] }),
  };
}

/** Parses YAML text as Hugo does (gray-matter's engine signature: the options it passes are ignored). */
export function parseYaml(text: string): unknown {
  const r = (readers ??= compile());
  const data = r.load(text, r.plain);
  if (!MAYBE.test(text)) return data;
  let as11: unknown;
  try {
    as11 = r.load(text, r.yaml11, true);
  } catch {
    return data; // not expected (the plain reading succeeded): the values stay strings
  }
  return takeBooleans(data, as11, 0);
}

/** The key a plain mapping key becomes in the YAML 1.1 reading. */
const AS_YAML11 = (key: string) => (TRUE_WORDS.has(key) ? 'true' : FALSE_WORDS.has(key) ? 'false' : key);

/**
 * `a` (the plain reading), where a value is one of the words and `b` (the
 * YAML 1.1 reading) has a boolean in the same place, with that boolean.
 * A key of `a` is found in `b` under its own name when it was quoted
 * (`'y'` stays "y" in both), else under the name the YAML 1.1 reading gives
 * it (`y` is "true" there). Keys that land on the same name in `b` (`y`
 * next to `yes`, or next to a key "true") are ambiguous: their values stay
 * as the plain reading has them; the other keys' values are still taken.
 */
function takeBooleans(a: unknown, b: unknown, depth: number): unknown {
  if (typeof a === 'string') return typeof b === 'boolean' && WORDS.has(a) ? b : a;
  if (depth > 100 || !a || typeof a !== 'object' || !b || typeof b !== 'object' || a instanceof Date) return a;
  if (Array.isArray(a)) {
    if (Array.isArray(b) && a.length === b.length) a.forEach((x, i) => { a[i] = takeBooleans(x, b[i], depth + 1); });
    return a;
  }
  if (Array.isArray(b)) return a;
  const map = a as Record<string, unknown>;
  const other = b as Record<string, unknown>;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(other, k);
  // A word key found under both names (a merge key brought one of them in) is ambiguous: skipped.
  const target = (k: string) => (!WORDS.has(k) ? k : has(k) ? (has(AS_YAML11(k)) ? undefined : k) : AS_YAML11(k));
  const keys = Object.keys(map);
  const landing = new Map<string, number>();
  for (const k of keys) {
    const t = target(k);
    if (t !== undefined) landing.set(t, (landing.get(t) ?? 0) + 1);
  }
  for (const k of keys) {
    const t = target(k);
    if (t !== undefined && landing.get(t) === 1 && has(t)) map[k] = takeBooleans(map[k], other[t], depth + 1);
  }
  return a;
}
