/**
 * YAML front matter as Hugo reads it. Hugo (0.111, through go-yaml v2)
 * follows YAML 1.1, where an unquoted `yes`, `on`, `y` (and `no`, `off`,
 * `n`, in lower, Capitalised or UPPER case) is a boolean: `draft: yes` is a
 * draft. js-yaml follows YAML 1.2, where they are strings, so gray-matter
 * alone would publish that note.
 *
 * Only values are converted, and only top-level ones (the keys notes reads,
 * draft and published, are there): a YAML 1.1 schema would turn such words
 * into booleans as keys too (`y: 20` would become `"true": 20`, and `y` next
 * to `yes` a duplicate key), where Hugo keeps keys as written. A value is
 * converted when its line shows it unquoted; `'yes'` stays a string, as in
 * Hugo. Nested values stay as js-yaml reads them.
 */

const TRUE = new Set(['yes', 'Yes', 'YES', 'on', 'On', 'ON', 'y', 'Y']);

/**
 * A top-level `key: word` line, the word a YAML 1.1 boolean (true: the set
 * above; false: no, off, n in the same cases), unquoted, maybe
 * followed by a comment. Groups: double-quoted key, single-quoted key,
 * plain key, word.
 */
const TOP_LEVEL_WORD = /^(?:"((?:[^"\\]|\\.)*)"|'((?:[^']|'')*)'|([^\s#'"?:,[\]{}&*!|>%@`-][^#]*?|-[^\s#][^#]*?))[ \t]*:[ \t]+(yes|Yes|YES|on|On|ON|y|Y|no|No|NO|off|Off|OFF|n|N)[ \t]*(?:#.*)?$/;

function keyOf(m: RegExpExecArray): string {
  if (m[1] !== undefined) {
    try { return JSON.parse(`"${m[1]}"`) as string; } catch { return m[1]; }
  }
  if (m[2] !== undefined) return m[2].replace(/''/g, "'");
  return m[3]!;
}

/** `data` (js-yaml's reading of `text`) with the top-level YAML 1.1 booleans of `text` as booleans. */
export function withYaml11Booleans(text: string, data: unknown): unknown {
  if (!data || typeof data !== 'object' || Array.isArray(data)) return data;
  const map = data as Record<string, unknown>;
  for (const line of text.split(/\r?\n/)) {
    const m = TOP_LEVEL_WORD.exec(line);
    if (!m) continue;
    const key = keyOf(m);
    const word = m[4]!;
    if (Object.prototype.hasOwnProperty.call(map, key) && map[key] === word) map[key] = TRUE.has(word);
  }
  return map;
}
