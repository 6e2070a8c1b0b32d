import { describe, it, expect } from 'vitest';
import { splitNote, parseFrontMatter } from '../../src/core/front-matter.js';
import { NoteParseError } from '../../src/core/errors.js';

describe('splitNote: Hugo page lexer rules', () => {
  it.each([
    // [name, text, format, raw, body]
    ['toml', '+++\ntitle = "a"\n+++\nbody\n', 'toml', 'title = "a"', 'body\n'],
    ['yaml', '---\ntitle: a\n---\nbody\n', 'yaml', 'title: a', 'body\n'],
    ['json', '{\n"title": "a"\n}\nbody\n', 'json', '{\n"title": "a"\n}', 'body\n'],
    ['json with } in a string', '{"a": "}", "b": "\\"}"}\nbody', 'json', '{"a": "}", "b": "\\"}"}', 'body'],
    ['no front matter', '# Title\n\ntext\n', null, '', '# Title\n\ntext\n'],
    ['a bullet is not yaml', '- item\n- item\n', null, '', '- item\n- item\n'],
    ['blank lines before', '\n\n+++\na = 1\n+++\nb', 'toml', 'a = 1', 'b'],
    ['empty front matter', '+++\n+++\nbody', 'toml', '', 'body'],
    ['--- in the body stays body', '---\na: 1\n---\n```\n---\n```\n', 'yaml', 'a: 1', '```\n---\n```\n'],
    ['+++ in the body of yaml', '---\na: 1\n---\n+++\nx\n+++\n', 'yaml', 'a: 1', '+++\nx\n+++\n'],
    ['crlf', '+++\r\na = 1\r\n+++\r\nbody\r\n', 'toml', 'a = 1', 'body\r\n'],
    ['bom', '\uFEFF+++\na = 1\n+++\nbody', 'toml', 'a = 1', 'body'],
    ['only front matter, no final newline', '+++\na = 1\n+++', 'toml', 'a = 1', ''],
    ['spaces after the delimiters (Hugo reads it)', '--- \t\ntitle: a\n---  \nbody\n', 'yaml', 'title: a', '  \nbody\n'],
    ['a ---- rule is no front matter', '----\ntext\n', null, '', '----\ntext\n'],
    ['text after the opening delimiter is no front matter', '+++ a = 1\n+++\n', null, '', '+++ a = 1\n+++\n'],
  ])('%s', (_name, text, format, raw, body) => {
    const s = splitNote(text);
    expect(s.format).toBe(format);
    expect(s.raw).toBe(raw);
    expect(s.body).toBe(body);
    expect(text.slice(s.bodyStart)).toBe(body);
  });

  it('keeps offsets that splice back to the same text', () => {
    const text = '\uFEFF+++\r\ntitle = "x"\r\n+++\r\nbody\r\n';
    const s = splitNote(text);
    expect(text.slice(s.rawStart, s.rawStart + s.raw.length)).toBe(s.raw);
    expect(s.hasBom).toBe(true);
    expect(s.eol).toBe('\r\n');
    expect(s.rawLine).toBe(2);
    expect(s.bodyLine).toBe(4);
  });

  it.each([
    ['toml', '+++\ntitle = "x"\nbody\n', 1],
    ['yaml', '\n---\ntitle: x\n', 2],
    ['json', '{"title": "x"\nbody', 1],
  ])('an unclosed %s front matter is an error naming the line', (_f, text, line) => {
    try {
      splitNote(text, 'a.md');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NoteParseError);
      expect((e as NoteParseError).line).toBe(line);
      expect((e as NoteParseError).message).toMatch(/^a\.md:\d+: .*never closed/);
    }
  });
});

describe('parseFrontMatter', () => {
  it('parses TOML with @iarna/toml', () => {
    const d = parseFrontMatter('toml', 'title = \'Five\'\nweight = 5\ntags = "tutorial"');
    expect(d).toMatchObject({ title: 'Five', weight: 5, tags: 'tutorial' });
  });

  it('refuses JavaScript front matter instead of running it', () => {
    // gray-matter would eval a ---js block; our YAML path never selects the js engine,
    // and a front matter that names it is a parse error, not code that runs.
    (globalThis as Record<string, unknown>).pwned = false;
    expect(() => parseFrontMatter('yaml', 'x: !!js/function "function(){ globalThis.pwned = true }"')).toThrow(NoteParseError);
    expect((globalThis as Record<string, unknown>).pwned).toBe(false);
  });

  it('returns fresh YAML objects (gray-matter, loaded lazily, still gets options: no cache)', () => {
    const a = parseFrontMatter('yaml', 'tags: [a]');
    (a.tags as string[]).push('mutated');
    expect(parseFrontMatter('yaml', 'tags: [a]').tags).toEqual(['a']);
  });

  it('returns fresh objects (no gray-matter cache sharing)', () => {
    const a = parseFrontMatter('toml', 'tags = ["a"]');
    (a.tags as string[]).push('mutated');
    const b = parseFrontMatter('toml', 'tags = ["a"]');
    expect(b.tags).toEqual(['a']);
  });

  it.each([
    ['toml', 'title = "x"\ntitle = "y"', 3],
    ['yaml', 'a: 1\nb: [\n', 4],
    ['json', '{\n"a": 1,\n}', 4],
  ])('a %s error carries the file line', (format, raw, line) => {
    try {
      parseFrontMatter(format as 'toml', raw, 'n.md', 2);
      expect.unreachable();
    } catch (e) {
      expect((e as NoteParseError).line).toBe(line);
      expect((e as NoteParseError).file).toBe('n.md');
    }
  });
});
