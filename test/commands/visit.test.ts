import { describe, expect, it } from 'vitest';
import { fixtureCopies } from './fixture.js';
import { existsSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { run, runBin, FIXTURES } from '../helpers/run.js';

const fixture = fixtureCopies('visits');
const now = new Date(2024, 4, 8, 10, 30);

describe('notes visit start', () => {
  it('creates _index.md in the Hugo Book style and sets current_visit with a one-line edit', async () => {
    const dir = fixture();
    const before = readFileSync(join(dir, '.notes.toml'), 'utf8');
    const r = await run(['visit', 'start', 'maxiv-2024', '--facility', 'MAX IV', '--start', '2024-05-06', '--end', '2024-05-10',
      '--location', 'Lund, Sweden', '--proposal', '20240042', '--instrument', 'CoSAXS'], { cwd: dir, now });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('maxiv-2024/_index.md\n');
    expect(readFileSync(join(dir, 'maxiv-2024/_index.md'), 'utf8')).toBe(`+++
title = 'MAX IV 2024'
bookCollapseSection = true
facility = 'MAX IV'
location = 'Lund, Sweden'
start = 2024-05-06
end = 2024-05-10
proposal = '20240042'
instrument = 'CoSAXS'
+++
`);
    const after = readFileSync(join(dir, '.notes.toml'), 'utf8');
    expect(after).toBe(before.replace('current_visit = ""', 'current_visit = "maxiv-2024"'));
  });

  it('files notes new under the visit, numbering days from its start', async () => {
    const dir = fixture();
    await run(['visit', 'start', 'maxiv-2024', '--facility', 'MAX IV', '--start', '2024-05-06'], { cwd: dir, now });
    const r = await run(['new', '--date', '2024-05-08', '--body', '- day three'], { cwd: dir, now });
    expect(r.stdout).toBe('maxiv-2024/2024-05-08.md\n');
    const text = readFileSync(join(dir, 'maxiv-2024/2024-05-08.md'), 'utf8');
    expect(text).toMatch(/^title = 'Three'$/m);
    expect(text).toMatch(/^weight = 3$/m);
    const d = await run(['new', '--date', '2024-05-09', '--day', '7'], { cwd: dir, now });
    expect(readFileSync(join(dir, d.stdout.trim()), 'utf8')).toMatch(/^weight = 7$/m);
  });

  it('defaults --start to today and the title to facility and year', async () => {
    const dir = fixture();
    await run(['visit', 'start', 'trip', '--facility', 'ILL'], { cwd: dir, now });
    expect(readFileSync(join(dir, 'trip/_index.md'), 'utf8')).toMatch(/title = 'ILL 2024'\n[^]*start = 2024-05-08\n/);
  });

  it('never overwrites a visit', async () => {
    const dir = fixture();
    const before = readFileSync(join(dir, 'ess-2023/_index.md'), 'utf8');
    const r = await run(['visit', 'start', 'ess-2023', '--facility', 'X'], { cwd: dir, now });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/visit ess-2023 exists already/);
    expect(r.stderr).toMatch(/hint: make it the current visit with: notes visit use ess-2023/);
    expect(readFileSync(join(dir, 'ess-2023/_index.md'), 'utf8')).toBe(before);
  });

  it.each([
    [['../out', '--facility', 'X'], /outside the notebook/],
    [['.hidden', '--facility', 'X'], /hidden folder/],
    [['x', '--facility', 'X', '--start', '2024-01-02', '--end', '2024-01-01'], /--end 2024-01-01 is before --start/],
    [['x', '--facility', 'X', '--start', 'soon'], /--start takes a date/],
    [['x'], /required option '--facility/],
  ])('refuses %j', async (args, message) => {
    const dir = fixture();
    const r = await run(['visit', 'start', ...args], { cwd: dir, now });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it('creates .notes.toml when the notebook has none', async () => {
    const dir = fixture();
    rmSync(join(dir, '.notes.toml'));
    const r = await run(['--dir', dir, 'visit', 'start', 'v1', '--facility', 'PSI'], { cwd: dir, now });
    expect(r.code).toBe(0);
    expect(readFileSync(join(dir, '.notes.toml'), 'utf8')).toMatch(/^current_visit = "v1"$/m);
  });
});

describe('notes visit list / use / show', () => {
  it('lists visits with dates and day counts, plain folders too', async () => {
    const dir = fixture();
    const r = await run(['visit', 'list'], { cwd: dir });
    expect(r.stdout).toBe([
      '   ess-2023  ESS 2023  ESS  2023-09-04  2023-09-08  5 days  3 entries',
      '   lab-trip  lab-trip  —    2024-03-11  2024-03-12  2 days  2 entries',
      '',
    ].join('\n'));
    const j = JSON.parse((await run(['visit', 'list', '--json'], { cwd: dir })).stdout);
    expect(j.map((v: { name: string; days: number; span: number; hasIndex: boolean }) => [v.name, v.days, v.span, v.hasIndex]))
      .toEqual([['ess-2023', 3, 5, true], ['lab-trip', 2, 2, false]]);
    expect(j[0].entries[1]).toEqual({ path: 'ess-2023/2023-09-06.md', day: '2023-09-06', dayNumber: 3, title: 'Three' });
    expect(j[1].entries.map((e: { dayNumber: number }) => e.dayNumber)).toEqual([1, 2]);
    expect(Object.keys(j[0])).toEqual(['name', 'title', 'facility', 'location', 'start', 'end', 'proposal', 'instrument', 'hasIndex', 'index', 'span', 'days', 'current', 'entries']);
  });

  it('switches the current visit and keeps the rest of the config', async () => {
    const dir = fixture();
    const before = readFileSync(join(dir, '.notes.toml'), 'utf8');
    const r = await run(['visit', 'use', 'lab-trip'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('lab-trip\n');
    expect(readFileSync(join(dir, '.notes.toml'), 'utf8')).toBe(before.replace('current_visit = ""', 'current_visit = "lab-trip"'));
    expect((await run(['visit', 'list'], { cwd: dir })).stdout).toMatch(/^\* {2}lab-trip/m);
    const bad = await run(['visit', 'use', 'nowhere'], { cwd: dir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no visit "nowhere"/);
  });

  it('shows a one-screen summary', async () => {
    const dir = fixture();
    await run(['visit', 'use', 'ess-2023'], { cwd: dir });
    const r = await run(['visit', 'show'], { cwd: dir });
    expect(r.code).toBe(0);
    const out = r.stdout;
    expect(out.split('\n').length).toBeLessThan(45);
    for (const want of [/^ESS 2023 \(ess-2023\) \[current\]$/m, /^facility: {3}ESS$/m, /^dates: {6}2023-09-04 → 2023-09-08 \(5 days\), 3 day entries$/m,
      /^ {2}2023-09-06 {2}day 3 {4}Three {9}ess-2023\/2023-09-06\.md$/m, /^people met \(3\):$/m, /Ingrid Holm — DST - Data Systems and Technologies <ingrid.holm@example.org>/, /Piet van der Berg \(name derived\) — ECDC/,
      /^systems: {4}Kafka, EPICS, File Writers$/m, /^tags: {7}kafka \(2\), hpc \(1\), tutorial \(1\)$/m, /^follow-ups \(6 open\):$/m,
      /SciCat fiddling to come later\. {2}ess-2023\/2023-09-08\.md:10/, /^links \(4\):$/m]) {
      expect(out).toMatch(want);
    }
    expect(out).not.toMatch(/Kofi Mensah/);
    const j = JSON.parse((await run(['visit', 'show', 'ess-2023', '--json'], { cwd: dir })).stdout);
    expect(j.visit.name).toBe('ess-2023');
    expect(j.people).toHaveLength(3);
  });

  it('asks for a name when there is no current visit', async () => {
    const r = await run(['visit', 'show'], { cwd: fixture() });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no visit named and no current visit/);
    expect(r.stderr).toMatch(/hint: name one: notes visit show <name>/);
  });

  it('works as a real process', () => {
    const r = runBin(['--dir', join(FIXTURES, 'visits'), 'visit', 'list', '--json']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toHaveLength(2);
  });

  it('counts a folder of day entries inside a visit as part of it', async () => {
    const dir = fixture();
    mkdirSync(join(dir, 'ess-2023/extra'));
    writeFileSync(join(dir, 'ess-2023/extra/2023-09-07.md'), '+++\ntitle = "x"\ndate = 2023-09-07\n+++\n');
    const j = JSON.parse((await run(['visit', 'list', '--json'], { cwd: dir })).stdout);
    expect(j.map((v: { name: string; days: number }) => [v.name, v.days])).toEqual([['ess-2023', 4], ['lab-trip', 2]]);
    expect(existsSync(join(dir, '.notes.lock'))).toBe(false);
  });
});
