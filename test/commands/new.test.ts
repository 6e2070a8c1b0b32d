import { describe, it, expect, afterEach } from 'vitest';
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { run, copyOf, tempDir, FIXTURES } from '../helpers/run.js';
import { parseNote } from '../../src/core/note.js';

const cleanups: Array<() => void> = [];
afterEach(() => { while (cleanups.length) cleanups.pop()!(); });
function notebook() {
  const t = copyOf(join(FIXTURES, 'basic'));
  cleanups.push(t.cleanup);
  return t.dir;
}
const NOW = new Date(2024, 4, 7, 14, 5, 9); // 2024-05-07 14:05:09 local

describe('notes new', () => {
  it('creates a day entry in the visit-day format and prints only its path', async () => {
    const dir = notebook();
    const r = await run(['new', '--date', '2024-05-09', '--visit', 'visit-a', '--tag', 'kafka', '--tag', 'people', '--category', 'ess'], { cwd: dir, now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('visit-a/2024-05-09.md\n');
    const text = readFileSync(join(dir, 'visit-a/2024-05-09.md'), 'utf8');
    const n = parseNote('visit-a/2024-05-09.md', text);
    // Visit A starts 2024-05-06: the 9th is its fourth calendar day.
    expect(n).toMatchObject({ title: 'Four', weight: 4, menuTitle: '2024-05-09', tags: ['kafka', 'people'], categories: ['ess'], draft: false });
    expect(n.date).toMatch(/^2024-05-09T14:05:09[+-]\d{2}:\d{2}$/);
    expect(text).toMatch(/^\+\+\+\ntitle = 'Four'\ndate = 2024-05-09T14:05:09[+-]\d\d:\d\d\nmenuTitle = "2024-05-09"\nweight = 4\nbookCollapseSection = false\nbookHidden = false\ndraft = false\n/);
    expect(r.stderr).toMatch(/created day 4/);
  });

  it('numbers by the highest weight + 1 in a folder without a visit start', async () => {
    const dir = notebook();
    const first = await run(['new', '--date', '2024-06-01', '--visit', 'trip'], { cwd: dir, now: NOW });
    const second = await run(['new', '--date', '2024-06-03', '--visit', 'trip'], { cwd: dir, now: NOW });
    expect(first.code + second.code).toBe(0);
    expect(parseNote('a', readFileSync(join(dir, 'trip/2024-06-01.md'), 'utf8'))).toMatchObject({ title: 'One', weight: 1 });
    expect(parseNote('b', readFileSync(join(dir, 'trip/2024-06-03.md'), 'utf8'))).toMatchObject({ title: 'Two', weight: 2 });
  });

  it('never overwrites: an existing day prints its path and exits 0 without writing', async () => {
    const dir = notebook();
    const file = join(dir, 'visit-a/2024-05-07.md');
    const before = readFileSync(file);
    const r = await run(['new', '--date', 'today', '--visit', 'visit-a', '--body', 'new text'], { cwd: dir, now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('visit-a/2024-05-07.md\n');
    expect(r.stderr).toMatch(/has an entry already/);
    expect(readFileSync(file)).toEqual(before);
  });

  it('takes the body from stdin, and the title and YAML format from options', async () => {
    const dir = notebook();
    const r = await run(['new', '--date', 'yesterday', '--title', '../../Kafka & "EPICS"', '--format', 'yaml'], { cwd: dir, now: NOW, stdin: '- from stdin\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('2024-05-06-kafka-epics.md\n');
    const text = readFileSync(join(dir, '2024-05-06-kafka-epics.md'), 'utf8');
    expect(text.startsWith('---\n')).toBe(true);
    expect(parseNote('x', text)).toMatchObject({ title: '../../Kafka & "EPICS"', body: '- from stdin\n' });
  });

  it('applies notebook default tags and a notebook template', async () => {
    const dir = notebook();
    writeFileSync(join(dir, '.notes.toml'), 'tags = ["visit-log"]\ntemplate = ".template.md"\n');
    writeFileSync(join(dir, '.template.md'), '+++\ntitle = {{title}}\ndate = {{date}}\nweight = {{weight}}\ntags = {{tags}}\n+++\n## Day {{day}}\n{{body}}');
    const r = await run(['new', '--tag', 'x'], { cwd: dir, now: NOW });
    expect(r.code).toBe(0);
    const n = parseNote('x', readFileSync(join(dir, r.stdout.trim()), 'utf8'));
    expect(n.tags).toEqual(['visit-log', 'x']);
    expect(n.body).toBe('## Day 1\n');
  });

  it.each([
    [['new', '--date', 'someday'], 2, /--date takes a date/],
    [['new', '--visit', '../outside'], 2, /outside the notebook/],
    [['new', '--format', 'ini'], 2, /Allowed choices are toml, yaml/],
    [['new', '--day', '0'], 2, /--day must be a whole number/],
  ])('%j is refused', async (args, code, message) => {
    const dir = notebook();
    const r = await run(args, { cwd: dir, now: NOW });
    expect(r.code).toBe(code);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/^notes: error: /);
    expect(existsSync(join(dir, '..', 'outside'))).toBe(false);
  });
});

describe('notes new / add when the day\'s entry cannot be read', () => {
  it('refuse, naming the file and line, rather than start a second file for the day', async () => {
    const dir = notebook();
    expect((await run(['new', '--date', '2024-05-09', '--visit', 'visit-a'], { cwd: dir, now: NOW })).code).toBe(0);
    const file = join(dir, 'visit-a/2024-05-09.md');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title = .*$/m, "title = Four's day"));
    for (const args of [['new', '--date', '2024-05-09', '--visit', 'visit-a'], ['add', '--date', '2024-05-09', '--visit', 'visit-a', 'after the break']]) {
      const r = await run(args, { cwd: dir, now: NOW });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toMatch(/^notes: error: visit-a\/2024-05-09\.md:2: .*it may be the entry of 2024-05-09\nhint: fix that file first/);
    }
    expect(readdirSync(join(dir, 'visit-a')).filter((n) => n.startsWith('2024-05-09'))).toEqual(['2024-05-09.md']);
  });
});

describe('notes new / add --visit one typo away from a visit', () => {
  it('refuses with the visit it may mean, rather than start a new visit silently', async () => {
    const dir = notebook();
    for (const args of [['new', '--date', '2024-05-09', '--visit', 'visita'], ['add', '--visit', 'vist-a', 'x']]) {
      const r = await run(args, { cwd: dir, now: NOW });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^notes: error: --visit visi?ta?-?a?: no such folder; did you mean visit-a\?\nhint: to start a new visit there/);
    }
    expect(existsSync(join(dir, 'visita'))).toBe(false);
    // A name unlike any visit is a new one, as before; so is one with another number (the next year's visit).
    expect((await run(['new', '--date', '2024-05-09', '--visit', 'maxiv-2024'], { cwd: dir, now: NOW })).code).toBe(0);
    expect((await run(['new', '--date', '2025-05-09', '--visit', 'maxiv-2025'], { cwd: dir, now: NOW })).code).toBe(0);
  });
});

describe('notes new --visit with an absolute path', () => {
  it('files the entry in that folder when it is inside the notebook', async () => {
    const dir = notebook();
    const r = await run(['new', '--date', '2024-05-09', '--visit', join(dir, 'visit-a')], { cwd: dir, now: NOW });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('visit-a/2024-05-09.md\n');
  });

  it('reads /visit-a (no such folder outside) from the notebook root, as the list filters do', async () => {
    const dir = notebook();
    const r = await run(['new', '--date', '2024-05-09', '--visit', '/visit-a'], { cwd: dir, now: NOW });
    expect(r.stdout).toBe('visit-a/2024-05-09.md\n');
    // And a filter takes the full path of a folder of the notebook, as new does.
    const listed = await run(['list', '--visit', join(dir, 'visit-a'), '--json'], { cwd: dir, now: NOW });
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as { path: string }[]).every((n) => n.path.startsWith('visit-a/'))).toBe(true);
  });

  it('refuses a folder outside the notebook, and makes none under it', async () => {
    const dir = notebook();
    const elsewhere = tempDir(); cleanups.push(elsewhere.cleanup);
    const r = await run(['new', '--date', '2024-05-09', '--visit', elsewhere.dir], { cwd: dir, now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^notes: error: visit folder ".*" is outside the notebook/);
    expect(readdirSync(dir).sort()).toEqual(readdirSync(notebook()).sort());
  });
});

describe('days: one set of forms, said the same everywhere', () => {
  it('new --date tomorrow starts the next day\'s entry', async () => {
    const dir = notebook();
    const r = await run(['new', '--date', 'tomorrow', '--visit', 'visit-a'], { cwd: dir, now: NOW });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('visit-a/2024-05-08.md\n');
  });

  it.each([
    [['new', '--date', 'someday']],
    [['add', '--date', 'someday', 'text']],
    [['today', '--date', 'someday']],
    [['list', '--since', 'someday']],
    [['search', 'kafka', '--until', 'someday']],
    [['visit', 'start', 'v', '--facility', 'F', '--end', 'someday']],
  ])('%j names every form the parser takes, with a hint', async (args) => {
    const dir = notebook();
    const r = await run(args, { cwd: dir, now: NOW });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^notes: error: --\w+ takes a date as YYYY-MM-DD, today, yesterday or tomorrow, not "someday"\nhint: e\.g\. --\w+ 2023-09-04, or --\w+ yesterday\n$/);
  });

  it.each([['new'], ['add'], ['today'], ['list'], ['show'], ['visit', 'start']])('%j --help names tomorrow', async (...cmd) => {
    expect((await run([...cmd, '--help'])).stdout.replace(/\s+/g, ' ')).toContain('YYYY-MM-DD, today, yesterday or tomorrow');
  });
});

describe('finding the notebook: a clone of the program is none', () => {
  it('a folder named notes that holds this program is refused, with what to do', async () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    mkdirSync(join(t.dir, 'notes'));
    writeFileSync(join(t.dir, 'notes', 'package.json'), JSON.stringify({ name: 'notes', bin: { notes: 'bin/notes' } }));
    writeFileSync(join(t.dir, 'notes', 'README.md'), '# notes\n');
    const r = await run(['list'], { cwd: t.dir, now: NOW });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/is a copy of the notes program, not a notebook\nhint: make a notebook with notes init/);
  });
});

describe('notes init and finding the notebook', () => {
  it('init writes only the config file', async () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    const r = await run(['init', 'nb'], { cwd: t.dir });
    expect(r.code).toBe(0);
    expect(readdirSync(join(t.dir, 'nb'))).toEqual(['.notes.toml']);
    const again = await run(['init', 'nb'], { cwd: t.dir });
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/exists already/);
  });

  it.each([
    ['afile', 'afile is a file, not a folder', 'hint: name a folder for the notebook'],
    ['afile/nb', 'afile is a file, not a folder', 'hint: name a folder that is not inside'],
  ])('init %s, where afile is a file, says so (exit 1) and writes nothing', async (arg, message, hint) => {
    const t = tempDir(); cleanups.push(t.cleanup);
    writeFileSync(join(t.dir, 'afile'), 'x');
    const r = await run(['init', arg], { cwd: t.dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`notes: error: ${join(t.dir, message)}\n`);
    expect(r.stderr).toContain(hint);
    expect(r.stderr).not.toMatch(/EEXIST|ENOTDIR|--verbose/);
    expect(readFileSync(join(t.dir, 'afile'), 'utf8')).toBe('x');
  });

  it('finds the notebook: --dir > NOTES_DIR > .notes.toml above > ./notes', async () => {
    const t = tempDir(); cleanups.push(t.cleanup);
    for (const d of ['a', 'b', 'c/notes', 'd']) await run(['init', d], { cwd: t.dir });
    await run(['new', '--title', 'in a'], { cwd: join(t.dir, 'a'), now: NOW });
    await run(['new', '--title', 'in b'], { cwd: join(t.dir, 'b'), now: NOW });
    await run(['new', '--title', 'in c'], { cwd: join(t.dir, 'c/notes'), now: NOW });
    const titles = async (cwd: string, args: string[], env = {}) =>
      JSON.parse((await run(['list', '--json', ...args], { cwd, env })).stdout).map((n: { title: string }) => n.title);
    expect(await titles(join(t.dir, 'a'), ['--dir', '../b'], { NOTES_DIR: join(t.dir, 'c/notes') })).toEqual(['in b']);
    expect(await titles(join(t.dir, 'a'), [], { NOTES_DIR: join(t.dir, 'c/notes') })).toEqual(['in c']);
    expect(await titles(join(t.dir, 'a'), [])).toEqual(['in a']);
    expect(await titles(join(t.dir, 'c'), [])).toEqual(['in c']);
    const none = await run(['list'], { cwd: t.dir });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no notebook found/);
    expect(none.stderr).toMatch(/hint: run notes init/);
  });

  it.each([
    [['--dir', 'nb/v/2024-01-01.md'], {}, '--dir', '--dir nb/v'],
    [[], { NOTES_DIR: 'nb/v/2024-01-01.md' }, 'NOTES_DIR', 'NOTES_DIR=nb/v'],
  ])('%j %j naming a file says it is a file, not a missing folder', async (args, env, what, hint) => {
    const t = tempDir(); cleanups.push(t.cleanup);
    mkdirSync(join(t.dir, 'nb/v'), { recursive: true });
    writeFileSync(join(t.dir, 'nb/v/2024-01-01.md'), '# a note\n');
    const r = await run([...args, 'list'], { cwd: t.dir, env });
    expect(r).toEqual({ code: 1, stdout: '', stderr: `notes: error: ${what} ${join(t.dir, 'nb/v/2024-01-01.md')} is a file, not a notebook folder\nhint: name the folder that holds the notes, e.g. ${hint}\n` });
    const missing = await run(['--dir', 'nb/w', 'list'], { cwd: t.dir });
    expect(missing.stderr).toBe(`notes: error: notebook folder ${join(t.dir, 'nb/w')} does not exist\nhint: create it with: notes init nb/w\n`);
  });
});

describe('a day outside the visit', () => {
  it('is numbered after the entries there, with a warning naming the visit dates', async () => {
    const dir = notebook();
    const r = await run(['new', '--date', '2024-06-20', '--visit', 'visit-a'], { cwd: dir, now: NOW });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/created day 4 \(2024-06-20\)/);
    expect(r.stderr).toMatch(/warning: 2024-06-20 is after the visit's end \(2024-05-08\) in visit-a/);
    const before = await run(['new', '--date', '2024-05-01', '--visit', 'visit-a'], { cwd: dir, now: NOW });
    expect(before.stderr).toMatch(/2024-05-01 is before the visit's start \(2024-05-06\)/);
    const inside = await run(['new', '--date', '2024-05-07', '--visit', 'visit-a', '--title', 'x'], { cwd: dir, now: NOW });
    expect(inside.stderr).not.toMatch(/warning/);
  });
});
