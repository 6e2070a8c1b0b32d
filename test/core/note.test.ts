import { describe, it, expect } from 'vitest';
import { parseNote, rawScalar, decodeNote, toList } from '../../src/core/note.js';
import { matchesFilter, sortNotes, noteDay } from '../../src/core/filter.js';
import { resolveRef } from '../../src/core/ref.js';
import { RefError, NoteParseError } from '../../src/core/errors.js';

const DAY = `+++
title = 'Five'
date = 2023-09-08T22:09:28+02:00
menuTitle = "2023-09-08"
weight = 5
bookCollapseSection = false
bookHidden = false
draft = false
categories = ["taxonomy", "content"]
tags = "tutorial"
+++
- Today was SciCat.
`;

describe('parseNote: the normalized model', () => {
  it('reads a day entry in the reference format', () => {
    const n = parseNote('ess/2023-09-08.md', DAY);
    expect(n).toMatchObject({
      path: 'ess/2023-09-08.md', title: 'Five', date: '2023-09-08T22:09:28+02:00', weight: 5,
      menuTitle: '2023-09-08', draft: false, tags: ['tutorial'], categories: ['taxonomy', 'content'],
      section: 'ess', isSection: false, format: 'toml', bodyLine: 12,
    });
    expect(n.instant?.toISOString()).toBe('2023-09-08T20:09:28.000Z');
    // The date is kept as written in frontMatter too, offset and all.
    expect(n.frontMatter.date).toBe('2023-09-08T22:09:28+02:00');
    expect(n.frontMatter.bookHidden).toBe(false);
  });

  it.each([
    ['# A heading\ntext', 'A heading'],
    ['text only', 'stem'],
    ['+++\ntitle = ""\n+++\n# From heading', 'From heading'],
  ])('title falls back to the first heading, then the file name', (text, title) => {
    expect(parseNote('dir/stem.md', text).title).toBe(title);
  });

  it('marks _index.md as the section page of its folder', () => {
    const n = parseNote('ess-2023/_index.md', "+++\ntitle = 'ESS'\nstart = 2023-09-04\n+++\n");
    expect(n).toMatchObject({ isSection: true, section: 'ess-2023' });
    expect(noteDay(n)).toBe('2023-09-04');
  });

  it.each([
    ['+++\npublishDate = 2020-01-02T00:00:00Z\n+++\n', '2020-01-02T00:00:00Z'],
    ['+++\nlastmod = 2021-01-02\n+++\n', '2021-01-02'],
    ['---\nDate: 2022-03-04T05:06:07+01:00\n---\n', '2022-03-04T05:06:07+01:00'],
    ['{"date": "2024-01-02T03:04:05Z"}\n', '2024-01-02T03:04:05Z'],
  ])('takes the date from Hugo\'s date keys, case-insensitively', (text, date) => {
    expect(parseNote('a.md', text).date).toBe(date);
  });

  it.each([
    ['draft = true', true], ['draft = "true"', true], ['published = false', true], ['', false],
  ])('draft from %j', (line, draft) => {
    expect(parseNote('a.md', `+++\n${line}\n+++\n`).draft).toBe(draft);
  });

  it('keeps keys it does not know, as written', () => {
    const n = parseNote('a.md', '---\nfacility: ESS\npeople:\n  - name: A\nbookToc: false\n---\n');
    expect(n.frontMatter).toEqual({ facility: 'ESS', people: [{ name: 'A' }], bookToc: false });
  });

  it('rawScalar finds top-level values as written, not inside tables', () => {
    const raw = 'date = 2023-09-08T22:09:28+02:00 # local\n[params]\nlastmod = 2020-01-01';
    expect(rawScalar('toml', raw, 'date')).toBe('2023-09-08T22:09:28+02:00');
    expect(rawScalar('toml', raw, 'lastmod')).toBeNull();
    expect(rawScalar('yaml', "date: '2023-01-02'\n", 'date')).toBe('2023-01-02');
  });

  it('decodes UTF-8 and refuses binary and Latin-1 with a reason', () => {
    expect(decodeNote(new TextEncoder().encode('é'), 'a.md')).toBe('é');
    expect(() => decodeNote(Uint8Array.from([0x61, 0, 0x62]), 'b.md')).toThrow(/NUL/);
    expect(() => decodeNote(Uint8Array.from([0x61, 0x0a, 0xe9]), 'c.md')).toThrow(NoteParseError);
  });

  it.each([[undefined, []], ['a', ['a']], [['a', 'b'], ['a', 'b']], [[1, null], ['1']], [{ a: 1 }, []], [[['a', 'b'], 'c'], ['c']], [[{ x: 1 }, true], ['true']]])('toList(%j)', (v, l) => {
    expect(toList(v)).toEqual(l);
  });
});

const notes = [
  parseNote('v/2023-09-04.md', "+++\ntitle='One'\ndate=2023-09-04T10:00:00+02:00\nweight=1\ntags=['Kafka','people']\n+++\n"),
  parseNote('v/2023-09-05.md', "+++\ntitle='Two'\ndate=2023-09-05T10:00:00+02:00\nweight=2\ntags=['epics']\ncategories='ess'\n+++\n"),
  parseNote('w/2024-01-01.md', "+++\ntitle='Winter school'\ndate=2024-01-01T10:00:00Z\ndraft=true\n+++\n"),
  parseNote('loose.md', '# Loose thoughts\n'),
];

describe('filters and order', () => {
  it.each([
    [{}, ['v/2023-09-04.md', 'v/2023-09-05.md', 'loose.md']],
    [{ tags: ['kafka'] }, ['v/2023-09-04.md']],
    [{ tags: ['kafka', 'epics'] }, []],
    [{ categories: ['ESS'] }, ['v/2023-09-05.md']],
    [{ since: '2023-09-05' }, ['v/2023-09-05.md']],
    [{ until: '2023-09-04' }, ['v/2023-09-04.md']],
    [{ visit: 'v' }, ['v/2023-09-04.md', 'v/2023-09-05.md']],
    [{ drafts: 'include' as const }, ['v/2023-09-04.md', 'v/2023-09-05.md', 'w/2024-01-01.md', 'loose.md']],
    [{ drafts: 'only' as const }, ['w/2024-01-01.md']],
  ])('%j', (filter, paths) => {
    expect(sortNotes(notes.filter((n) => matchesFilter(n, filter))).map((n) => n.path)).toEqual(paths);
  });

  it('sorts by title and in reverse', () => {
    expect(sortNotes([...notes], 'title', true).map((n) => n.title)).toEqual(['Winter school', 'Two', 'One', 'Loose thoughts']);
  });

  it('sorts by the day as shown, not the instant: an entry written up next morning, and other time zones', () => {
    const day = (path: string, date: string, menu: string | null, weight: number) =>
      parseNote(path, `+++\ntitle = '${path}'\ndate = ${date}\n${menu ? `menuTitle = '${menu}'\n` : ''}weight = ${weight}\n+++\n`);
    const visit = parseNote('v/_index.md', "+++\ntitle = 'Visit'\n+++\n");
    const home = parseNote('_index.md', "+++\ntitle = 'Home'\n+++\n");
    const picked = [
      home,
      day('v/d2.md', '2024-05-02T08:00:00+02:00', '2024-05-02', 2),
      day('v/d1.md', '2024-05-02T09:00:00+02:00', '2024-05-01', 1), // written up the next morning
      day('v/d4.md', '2024-05-04T10:00:00+05:30', null, 4), // 04:30 UTC
      day('v/d3.md', '2024-05-03T23:30:00-07:00', null, 3), // 06:30 UTC on the 4th
      visit,
    ];
    // The visit page, undated, comes first among its days; the notebook's undated home page last.
    expect(sortNotes(picked).map((n) => n.path)).toEqual(['v/_index.md', 'v/d1.md', 'v/d2.md', 'v/d3.md', 'v/d4.md', '_index.md']);
  });
});

describe('resolveRef', () => {
  it.each([
    ['v/2023-09-04.md', { asPath: 'v/2023-09-04.md' }, 'v/2023-09-04.md'],
    ['2023-09-05', {}, 'v/2023-09-05.md'],
    ['loose', {}, 'loose.md'],
    ['yesterday', { asDay: '2023-09-04' }, 'v/2023-09-04.md'],
    ['winter', {}, 'w/2024-01-01.md'],
    ['wintr scool', {}, 'w/2024-01-01.md'],
  ])('%s', (ref, opts, path) => {
    expect(resolveRef(notes, ref, opts).path).toBe(path);
  });

  it('an ambiguous ref lists the candidates', () => {
    const two = [...notes, parseNote('x/2023-09-05.md', "+++\ntitle='Other'\ndate=2023-09-05T09:00:00Z\n+++\n")];
    try {
      resolveRef(two, 'x', { asDay: '2023-09-05' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(RefError);
      expect((e as RefError).candidates).toHaveLength(2);
    }
  });

  it('no match is an error with a hint', () => {
    expect(() => resolveRef(notes, 'zzzzqqq')).toThrow(/no note matches/);
  });
});

describe('values JSON cannot hold', () => {
  it('a TOML integer beyond 2^53 is kept as its digits', () => {
    const n = parseNote('a.md', '+++\nid = 9007199254740993\nsmall = 5\n+++\n');
    expect(n.frontMatter).toEqual({ id: '9007199254740993', small: 5 });
    expect(() => JSON.stringify(n.frontMatter)).not.toThrow();
  });
});

describe('TOML dates and times that @iarna/toml 3.0.0 misreads unmended', () => {
  it('reads a key after a local time, and local times in arrays and inline tables', () => {
    const text = "+++\ntitle = 'Beamline shift'\nstart = 09:30:00\nend = 17:00:00.5\nslots = [08:00:00, 13:00:00]\nbreak = { at = 12:00:00 }\ntags = ['shift', 'beamline']\n+++\n- tour\n";
    const n = parseNote('day.md', text);
    expect(n.title).toBe('Beamline shift');
    expect(n.tags).toEqual(['shift', 'beamline']);
    expect(n.frontMatter.start).toBe('09:30:00');
    expect(n.frontMatter.end).toBe('17:00:00.5');
    expect(n.frontMatter.slots).toHaveLength(2);
    expect(n.body).toBe('- tour\n');
  });

  it('reads dates and times directly followed by , ] or }', () => {
    const text = "+++\ntitle = 'Visit'\ndays = [2023-09-04, 2023-09-05]\nshifts = [1979-05-27T07:32:00.5,1979-05-27T19:00:00]\nbreak = {at = 12:00:00.5}\ntags = ['ess']\n+++\n";
    const n = parseNote('visit.md', text);
    expect(n.frontMatter.days).toEqual(['2023-09-04', '2023-09-05']);
    expect(n.frontMatter.shifts).toEqual(['1979-05-27T07:32:00.500', '1979-05-27T19:00:00.000']);
    expect(n.tags).toEqual(['ess']);
  });

  it('still refuses a date followed by something else', () => {
    expect(() => parseNote('bad.md', '+++\nd = 2023-09-04]\n+++\n')).toThrow(NoteParseError);
  });
});

describe('YAML 1.1 booleans, as Hugo reads them', () => {
  const fm = (yaml: string) => parseNote('n.md', `---\n${yaml}\n---\nbody\n`);

  it('reads a plain yes/on/y (any of three cases) as true and no/off/n as false', () => {
    expect(fm('draft: yes').draft).toBe(true);
    expect(fm('draft: On # comment').draft).toBe(true);
    expect(fm('draft: Y').draft).toBe(true);
    expect(fm('draft: NO\npublished: off').frontMatter).toMatchObject({ draft: false, published: false });
  });

  it('keeps quoted words and mixed cases as strings', () => {
    expect(fm("draft: 'yes'").draft).toBe(false);
    expect(fm('draft: "on"').frontMatter.draft).toBe('on');
    expect(fm('draft: yES').frontMatter.draft).toBe('yES');
    expect(fm('summary: "first\ndraft: yes\nlast"\ndraft: \'yes\'').draft).toBe(false);
  });

  it('reads them wherever js-yaml finds a plain value: nested, anchored, aliased, merged, in flow, tagged', () => {
    expect(fm('params:\n  enabled: yes\n  list: [on, off, maybe]').frontMatter.params).toEqual({ enabled: true, list: [true, false, 'maybe'] });
    expect(fm('x: &a yes\ndraft: *a').frontMatter).toEqual({ x: true, draft: true });
    expect(fm('base: &b {draft: yes}\n<<: *b').draft).toBe(true);
    expect(fm('{title: t, draft: Yes}').draft).toBe(true);
    expect(fm('draft:\n  yes').draft).toBe(true);
    expect(fm('draft: !!bool yes').draft).toBe(true);
  });

  it('keeps such words as keys, as written', () => {
    expect(fm('x: 10\ny: 20\nn: no').frontMatter).toEqual({ x: 10, y: 20, n: false });
    // y and yes would be one key read as YAML 1.1: the note is still read, and draft still a boolean.
    expect(fm("x: 10\ny: yes\nyes: 2\n'on': 3\ndraft: no").frontMatter).toEqual({ x: 10, y: 'yes', yes: 2, on: 3, draft: false });
    // Other keys of a mapping with such a collision still get their booleans; the colliding ones keep their text.
    expect(fm('y: 1\nyes: 2\nn: no\ndraft: yes').frontMatter).toEqual({ y: 1, yes: 2, n: false, draft: true });
    expect(fm('"true": off\ny: on\ndraft: yes').frontMatter).toEqual({ true: 'off', y: 'on', draft: true });
    // A merge key bringing in a quoted 'y' next to the note's own y: ambiguous, kept as text.
    expect(fm("<<: {'y': on}\ny: off").frontMatter).toEqual({ y: 'off' });
    // An ordered map whose keys collide only as YAML 1.1 does not cost the note its booleans.
    expect(fm('draft: yes\no: !!omap [ {y: 1}, {yes: 2} ]').draft).toBe(true);
  });
});
