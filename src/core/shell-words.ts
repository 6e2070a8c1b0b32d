/**
 * Splits a command line such as $EDITOR ("code --wait", "'/opt/My Editor/ed' -n")
 * into argv the way a POSIX shell would (quotes and backslashes), so the
 * editor can be started without a shell: no note text ever reaches one.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let cur = '';
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (c === "'") {
      const end = line.indexOf("'", i + 1);
      if (end === -1) throw new Error(`unterminated ' in "${line}"`);
      cur += line.slice(i + 1, end); i = end; has = true;
    } else if (c === '"') {
      i++;
      for (; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && i + 1 < line.length && '"\\$`\n'.includes(line[i + 1]!)) i++;
        cur += line[i];
      }
      if (i >= line.length) throw new Error(`unterminated " in "${line}"`);
      has = true;
    } else if (c === '\\' && i + 1 < line.length) {
      cur += line[++i]; has = true;
    } else if (/\s/.test(c)) {
      if (has) words.push(cur);
      cur = ''; has = false;
    } else {
      cur += c; has = true;
    }
  }
  if (has) words.push(cur);
  return words;
}
