import { describe, expect, it } from 'vitest';
import { applyTagOp, editTags, TagEditError, type TagOp } from '../../src/core/front-matter-edit.js';

const add = (...tags: string[]): TagOp => ({ kind: 'add', tags });
const remove = (...tags: string[]): TagOp => ({ kind: 'remove', tags });
const rename = (from: string, to: string): TagOp => ({ kind: 'rename', from, to });

describe('applyTagOp', () => {
  it.each<[string[], TagOp, string[]]>([
    [['a', 'b'], add('c'), ['a', 'b', 'c']],
    [['a', 'b'], add('A'), ['a', 'b']],
    [['a', 'b'], add('c', 'C', 'd'), ['a', 'b', 'c', 'd']],
    [['a', 'b'], remove('A'), ['b']],
    [['a', 'b'], remove('z'), ['a', 'b']],
    [['Kafka', 'b'], rename('kafka', 'streams'), ['streams', 'b']],
    [['kafka', 'streams'], rename('kafka', 'Streams'), ['streams']],
    [['Kafka'], rename('kafka', 'kafka'), ['kafka']],
    [['a', 'x', 'A'], rename('a', 'b'), ['b', 'x']],
  ])('%j %j -> %j', (before, op, after) => {
    expect(applyTagOp(before, op)).toEqual(after);
  });
});

const body = 'body line\n';
describe('editTags: only the tags value changes, in the style the note uses', () => {
  it.each<[string, string, TagOp, string]>([
    // TOML
    ['toml array', `+++\ntitle = 'x'\ntags = ["a", "b"]\n+++\n${body}`, add('c'), `+++\ntitle = 'x'\ntags = ["a", "b", "c"]\n+++\n${body}`],
    ['toml single quotes, no spaces', `+++\ntags = ['red','blue']\n+++\n`, add('green'), `+++\ntags = ['red','blue','green']\n+++\n`],
    ['toml remove first', `+++\ntags = ["a", "b"]\n+++\n`, remove('A'), `+++\ntags = ["b"]\n+++\n`],
    ['toml remove last', `+++\ntags = ["a", "b"]\n+++\n`, remove('b'), `+++\ntags = ["a"]\n+++\n`],
    ['toml remove only', `+++\ntags = ["a"]\n+++\n`, remove('a'), `+++\ntags = []\n+++\n`],
    ['toml rename keeps quote', `+++\ntags = ['a', "b"] # why\n+++\n`, rename('A', 'z'), `+++\ntags = ['z', "b"] # why\n+++\n`],
    ['toml rename merges', `+++\ntags = ["a", "b", "c"]\n+++\n`, rename('a', 'C'), `+++\ntags = ["b", "c"]\n+++\n`],
    ['toml multi-line array', `+++\ntags = [\n  "a",\n  "b", # comment\n]\ndate = 2023-09-08T22:09:28+02:00\n+++\n`, add('c'),
      `+++\ntags = [\n  "a",\n  "b", # comment\n  "c",\n]\ndate = 2023-09-08T22:09:28+02:00\n+++\n`],
    ['toml multi-line one item', `+++\ntags = [\n  "a"\n]\n+++\n`, add('b'), `+++\ntags = [\n  "a",\n  "b"\n]\n+++\n`],
    ['toml bare string rename', `+++\ntags = "tutorial"\n+++\n`, rename('tutorial', 'guide'), `+++\ntags = "guide"\n+++\n`],
    ['toml bare string becomes a list', `+++\ntags = 'tutorial'\n+++\n`, add('kafka'), `+++\ntags = ['tutorial', 'kafka']\n+++\n`],
    ['toml empty array', `+++\ntags = []\n+++\n`, add('a'), `+++\ntags = ["a"]\n+++\n`],
    ['toml no tags key: after the last key, before [params]', `+++\ntitle = "x"\n\n[params]\ntags = ["p"]\n+++\n`, add('a'),
      `+++\ntitle = "x"\ntags = ["a"]\n\n[params]\ntags = ["p"]\n+++\n`],
    ['toml table tags untouched', `+++\ntags = ["a"]\n[params]\ntags = ["a"]\n+++\n`, rename('a', 'b'), `+++\ntags = ["b"]\n[params]\ntags = ["a"]\n+++\n`],
    ['toml only a table', `+++\n# c\n[params]\nx = 1\n+++\n`, add('a'), `+++\n# c\ntags = ["a"]\n[params]\nx = 1\n+++\n`],
    ['toml dotted key is not tags', `+++\nparams.tags = ["a"]\n+++\n`, add('b'), `+++\nparams.tags = ["a"]\ntags = ["b"]\n+++\n`],
    ['toml empty front matter', `+++\n+++\nbody\n`, add('a'), `+++\ntags = ["a"]\n+++\nbody\n`],
    ['toml Tags key', `+++\nTags = ["a"]\n+++\n`, add('b'), `+++\nTags = ["a", "b"]\n+++\n`],
    ['toml multi-line string before', `+++\nsummary = """\ntags = ["no"]\n"""\ntags = ["a"]\n+++\n`, add('b'), `+++\nsummary = """\ntags = ["no"]\n"""\ntags = ["a", "b"]\n+++\n`],
    // YAML
    ['yaml flow plain', `---\ntitle: x\ntags: [a, b]\n---\n`, add('c d'), `---\ntitle: x\ntags: [a, b, c d]\n---\n`],
    ['yaml flow needs quotes', `---\ntags: [a]\n---\n`, add('x, y', 'true'), `---\ntags: [a, "x, y", "true"]\n---\n`],
    ['yaml block list', `---\ntags:\n  - a\n  - b\ntitle: x\n---\n`, add('c'), `---\ntags:\n  - a\n  - b\n  - c\ntitle: x\n---\n`],
    ['yaml block list at column 0', `---\ntags:\n- a\ntitle: x\n---\n`, add('b'), `---\ntags:\n- a\n- b\ntitle: x\n---\n`],
    ['yaml block remove middle', `---\ntags:\n  - a\n  - b\n  - c\n---\n`, remove('b'), `---\ntags:\n  - a\n  - c\n---\n`],
    ['yaml block remove all', `---\ntags:\n  - a\ntitle: x\n---\n`, remove('a'), `---\ntags: []\ntitle: x\n---\n`],
    ['yaml bare scalar', `---\ntags: kafka # main\n---\n`, rename('Kafka', 'streams'), `---\ntags: streams # main\n---\n`],
    ['yaml bare scalar to list', `---\ntags: kafka\n---\n`, add('hpc'), `---\ntags: [kafka, hpc]\n---\n`],
    ['yaml null', `---\ntags:\ntitle: x\n---\n`, add('a'), `---\ntags: ["a"]\ntitle: x\n---\n`],
    ['yaml nested tags untouched', `---\nparams:\n  tags: [a]\ntitle: x\n---\n`, add('b'), `---\nparams:\n  tags: [a]\ntitle: x\ntags: ["b"]\n---\n`],
    ['yaml new key after nested map', `---\ntitle: x\nparams:\n  k: v\n# end\n---\n`, add('b'), `---\ntitle: x\nparams:\n  k: v\ntags: ["b"]\n# end\n---\n`],
    ['yaml single-quoted', `---\ntags: ['it''s', 'b']\n---\n`, add("o'k"), `---\ntags: ['it''s', 'b', 'o''k']\n---\n`],
    // Comments in lists stay with their items, once.
    ['yaml block add: an item comment is not copied', `---\ntags:\n- kafka   # c1\n- hpc\n---\n`, add('new'), `---\ntags:\n- kafka   # c1\n- hpc\n- new\n---\n`],
    ['yaml block add: a comment line is not copied', `---\ntags:\n- kafka\n# between\n- hpc\n---\n`, add('new'), `---\ntags:\n- kafka\n# between\n- hpc\n- new\n---\n`],
    ['yaml block add: the last item keeps its comment', `---\ntags:\n  - a\n  - b  # cb\nx: 1\n---\n`, add('c'), `---\ntags:\n  - a\n  - b  # cb\n  - c\nx: 1\n---\n`],
    ['yaml block add, CRLF', `---\r\ntags:\r\n  - a # ca\r\n  - b # cb\r\n---\r\n`, add('z'), `---\r\ntags:\r\n  - a # ca\r\n  - b # cb\r\n  - z\r\n---\r\n`],
    ['yaml block remove: each kept item keeps its comment', `---\ntags:\n  - a # ca\n  # about b\n  - b # cb\n  - c # cc\n---\n`, remove('b'), `---\ntags:\n  - a # ca\n  - c # cc\n---\n`],
    ['yaml block remove first: the comment line above the next item stays', `---\ntags: # k\n  - alpha\n  # about beta\n  - beta\n  # after\nx: 1\n---\n`, remove('alpha'), `---\ntags: # k\n  # about beta\n  - beta\n  # after\nx: 1\n---\n`],
    ['yaml block remove all keeps the key line comment', `---\ntags: # k\n  - a # ca\n---\n`, remove('a'), `---\ntags: [] # k\n---\n`],
    ['yaml flow multi-line add: no comment copied', `---\ntitle: I\ntags: [one, # c\n  two]\n---\n`, add('c#', 'new'), `---\ntitle: I\ntags: [one, # c\n  two,\n  c#,\n  new]\n---\n`],
    ['yaml block remove last', `---\ntags:\n  - a # ca\n  - b # cb\n---\n`, remove('b'), `---\ntags:\n  - a # ca\n---\n`],
    ['yaml block rename keeps the comment', `---\ntags:\n  - a # ca\n  - b # cb\n---\n`, rename('b', 'q'), `---\ntags:\n  - a # ca\n  - q # cb\n---\n`],
    ['toml multi-line remove: the kept item keeps its comment', `+++\ntags = [\n  "a", # ca\n  "b", # cb\n  "c",\n]\n+++\n`, remove('b'), `+++\ntags = [\n  "a", # ca\n  "c",\n]\n+++\n`],
    // JSON
    ['json array', `{\n  "title": "x",\n  "tags": ["a"]\n}\nbody\n`, add('b'), `{\n  "title": "x",\n  "tags": ["a", "b"]\n}\nbody\n`],
    ['json new key', `{\n  "title": "x",\n  "params": {"tags": ["p"]}\n}\n`, add('b'), `{\n  "title": "x",\n  "params": {"tags": ["p"]},\n  "tags": ["b"]\n}\n`],
    ['json one line', `{"title": "x"}\n`, add('b'), `{"title": "x", "tags": ["b"]}\n`],
    // no front matter, CRLF, BOM
    ['no front matter', `# Title\n\ntext\n`, add('a'), `+++\ntags = ["a"]\n+++\n# Title\n\ntext\n`],
    ['CRLF and BOM', `\uFEFF+++\r\ntitle = 'x'\r\ntags = [\r\n  "a",\r\n]\r\n+++\r\nbody\r\n`, add('b'), `\uFEFF+++\r\ntitle = 'x'\r\ntags = [\r\n  "a",\r\n  "b",\r\n]\r\n+++\r\nbody\r\n`],
    ['CRLF new key', `+++\r\ntitle = 'x'\r\n+++\r\nbody`, add('b'), `+++\r\ntitle = 'x'\r\ntags = ["b"]\r\n+++\r\nbody`],
    ['BOM no front matter', `\uFEFFtext`, add('a'), `\uFEFF+++\ntags = ["a"]\n+++\ntext`],
  ])('%s', (_name, input, op, expected) => {
    const r = editTags(input, op);
    expect(r.text).toBe(expected);
    expect(r.changed).toBe(input !== expected);
  });

  it('writes new front matter in the format asked for', () => {
    expect(editTags('text\n', add('a'), { format: 'yaml' }).text).toBe('---\ntags: ["a"]\n---\ntext\n');
  });

  it('returns the text untouched when nothing changes', () => {
    const t = '+++\ntags = ["a"]\n+++\n';
    expect(editTags(t, add('A'))).toEqual({ text: t, before: ['a'], after: ['a'], changed: false });
    expect(editTags(t, remove('zz')).changed).toBe(false);
  });

  it.each([
    ['tags as a map', '---\ntags: {a: 1}\n---\n'],
    ['tags as an anchor', '---\ntags: &x [a]\n---\n'],
    ['nested lists', '+++\ntags = [["a"]]\n+++\n'],
    ['tags as a number', '+++\ntags = 3\n+++\n'],
  ])('refuses %s', (_name, input) => {
    expect(() => editTags(input, add('b'))).toThrow(TagEditError);
  });
});

describe('editTags: a tags line inside a string is text, not the tags', () => {
  it.each([
    ['a multi-line basic string', 'notes = """\ntags = ["kafka"]\n"""'],
    ['a multi-line literal string', "notes = '''\ntags = [\"kafka\"]\n'''"],
    ['a one-line string', 'notes = "tags = [\\"kafka\\"]"'],
    ['a multi-line basic string with an escaped quote run', 'notes = """say \\"""\ntags = ["kafka"]\nx = 1"""'],
    ['a multi-line basic string ending in quotes', 'notes = """a\ntags = ["kafka"]\n"""""'],
  ])('leaves %s before the real key alone', (_name, trap) => {
    const text = `+++\ntitle = 'Five'\n${trap}\ntags = ["kafka"] # the real one\n+++\n- body\n`;
    const r = editTags(text, { kind: 'rename', from: 'kafka', to: 'streams' });
    expect(r.text).toBe(text.replace('tags = ["kafka"] # the real one', 'tags = ["streams"] # the real one'));
    expect(r.after).toEqual(['streams']);
  });
});
