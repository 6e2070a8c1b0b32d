import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, FIXTURES, tempDirs } from '../helpers/run.js';
import { foldName, type Person } from '../../src/core/people.js';

const VISITS = join(FIXTURES, 'visits');
const tempFolder = tempDirs();

describe('notes people', () => {
  it('lists people with groups, e-mails and visits', async () => {
    const r = await run(['--dir', VISITS, 'people']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe([
      'Ingrid Holm         DST - Data Systems and Technologies            ingrid.holm@example.org  ess-2023, lab-trip',
      'Kofi Mensah         Detector Group                                 kofi.mensah@example.org  lab-trip',
      'Piet van der Berg*  ECDC - Experimental Control and Data Curation  —                        ess-2023',
      'Samuel Okafor*      —                                              —                        ess-2023',
      '',
    ].join('\n'));
    expect(r.stderr).toMatch(/\* name derived from a profile URL/);
  });

  it.each([['holm', 'Ingrid Holm'], ['hlom', 'Ingrid Holm'], ['ingird', 'Ingrid Holm'], ['mensha', 'Kofi Mensah'], ['okafr', 'Samuel Okafor'], ['sam okafor', 'Samuel Okafor']])(
    'finds a misspelt name: %s', async (q, name) => {
      const r = await run(['--dir', VISITS, 'people', q]);
      expect(r.code).toBe(0);
      expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${name}`));
    });

  it('prints one person as a card with every appearance', async () => {
    const r = await run(['--dir', VISITS, 'people', 'holm']);
    expect(r.stdout).toBe([
      'Ingrid Holm',
      '  e-mail:  ingrid.holm@example.org',
      '  group:   DST - Data Systems and Technologies',
      '  visits:  ess-2023, lab-trip',
      '  days:    2023-09-04, 2023-09-06, 2023-09-08, 2024-03-12',
      '  seen:',
      '    ess-2023/2023-09-04.md:17  2023-09-04  e-mail',
      '    ess-2023/2023-09-06.md:16  2023-09-06  mentioned',
      '    ess-2023/2023-09-08.md:13  2023-09-08  mentioned',
      '    lab-trip/2024-03-12.md:7  2024-03-12  mentioned',
      '',
    ].join('\n'));
  });

  it('exits 1 when nobody matches', async () => {
    const r = await run(['--dir', VISITS, 'people', 'zzzzqx']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nobody matches "zzzzqx"/);
  });

  it('narrows by --visit (counting mentions of people met elsewhere) and prints JSON', async () => {
    const j = JSON.parse((await run(['--dir', VISITS, 'people', '--visit', 'lab-trip', '--json'])).stdout) as Person[];
    expect(j.map((p) => p.name)).toEqual(['Ingrid Holm', 'Kofi Mensah']);
    expect(j[0]).toMatchObject({ visits: ['lab-trip'], days: ['2024-03-12'], appearances: [{ path: 'lab-trip/2024-03-12.md', line: 7, source: 'mention' }] });
    expect(j[1]).toEqual({
      name: 'Kofi Mensah', derived: null, aliases: [], emails: ['kofi.mensah@example.org'], urls: [], groups: ['Detector Group'],
      visits: ['lab-trip'], days: ['2024-03-11', '2024-03-12'],
      appearances: [
        { path: 'lab-trip/2024-03-11.md', line: 1, visit: 'lab-trip', day: '2024-03-11', source: 'front-matter' },
        { path: 'lab-trip/2024-03-12.md', line: 6, visit: 'lab-trip', day: '2024-03-12', source: 'mention' },
      ],
    });
  });

  it('finds names in scripts without case, and drops a quoted nickname', async () => {
    const dir = join(tempFolder(), 'nb');
    mkdirSync(join(dir, 't'), { recursive: true });
    writeFileSync(join(dir, 't/a.md'), [
      '+++', 'title = "Two"', 'date = 2024-01-03T10:00:00+01:00', '+++',
      '- 山田 太郎 (mailto:yamada@example.jp)', '- محمد علي <m.ali@example.sa>',
      '- 山田 太郎 (mailto:taro.yamada@example.jp)', '- Zoë "Z" Smith (mailto:zoe@example.org)', '',
    ].join('\n'));
    const env = { NOTES_CACHE_DIR: join(dir, '..', 'cache') };
    const r = await run(['--dir', dir, 'people', '--json'], { env });
    expect(r.code).toBe(0);
    // Two addresses keep one name apart, as for Latin names (README: "unless both carry different addresses").
    expect((JSON.parse(r.stdout) as Person[]).map((p) => [p.name, p.derived, p.emails])).toEqual([
      ['Zoë Smith', null, ['zoe@example.org']],
      ['محمد علي', null, ['m.ali@example.sa']],
      ['山田 太郎', null, ['yamada@example.jp']],
      ['山田 太郎', null, ['taro.yamada@example.jp']],
    ]);
    const q = await run(['--dir', dir, 'people', '山田'], { env });
    expect(q.code).toBe(0);
    expect(q.stdout.split('\n').filter(Boolean).map((l) => l.split(/\s{2,}/)[0])).toEqual(['山田 太郎', '山田 太郎']);
  });

  it('writes vCard 4.0 with CRLF line ends', async () => {
    const r = await run(['--dir', VISITS, 'people', '--vcard']);
    expect(r.stdout.match(/BEGIN:VCARD\r\nVERSION:4\.0\r\n/g)).toHaveLength(4);
    expect(r.stdout.replace(/\r\n/g, '')).not.toMatch(/\n/);
    expect(r.stdout).toContain('FN:Ingrid Holm\r\nN:Holm;Ingrid;;;\r\nEMAIL:ingrid.holm@example.org\r\nORG:ESS;DST - Data Systems and Technologies\r\n');
    expect(r.stdout).toContain('URL:https://facility.example.org/profile/piet-van-der-berg\r\n');
  });
});

interface Expected { people: { name: string; emails: string[]; group: string | null }[]; notPeople: string[] }

/**
 * Pairs found and annotated people one to one: by name (or alias) first,
 * then by e-mail address, but only for a found person whose name was derived
 * (a written name that differs from the annotation is an error, not a match).
 */
function pairPeople(found: Person[], expected: Expected['people']): Map<Expected['people'][number], Person> {
  const pairs = new Map<Expected['people'][number], Person>();
  const used = new Set<Person>();
  for (const byName of [true, false]) {
    for (const e of expected) {
      if (pairs.has(e)) continue;
      const p = found.find((f) => !used.has(f) && (byName
        ? [f.name, ...f.aliases].some((n) => foldName(n) === foldName(e.name))
        : f.derived !== null && f.emails.some((m) => e.emails.includes(m.toLowerCase()))));
      if (p) { pairs.set(e, p); used.add(p); }
    }
  }
  return pairs;
}

// people-annotated was written beside the extractor. people-heldout and
// people-heldout-2 were written afterwards and first measured untouched
// (precision 0.800 / recall 0.857, then 0.857 / 0.857); the general fixes
// they showed were made after (README: visits, "Precision and recall").
// people-heldout-3 came after those fixes and has not changed the code.
describe.each(['people-annotated', 'people-heldout', 'people-heldout-2', 'people-heldout-3'])('people extraction on the hand-annotated notebook %s', (name) => {
  const dir = join(FIXTURES, name);
  const expected = JSON.parse(readFileSync(join(dir, 'expected-people.json'), 'utf8')) as Expected;
  it('reaches precision and recall of at least 0.9', async () => {
    const r = await run(['--dir', dir, 'people', '--json']);
    expect(r.code).toBe(0);
    const found = JSON.parse(r.stdout) as Person[];
    const pairs = pairPeople(found, expected.people);
    const precision = pairs.size / found.length;
    const recall = pairs.size / expected.people.length;
    const withGroup = expected.people.filter((e) => e.group);
    const groupsRight = withGroup.filter((e) => pairs.get(e)?.groups.includes(e.group!));
    // The figures for the report (and the closing note of issue 6).
    console.log(`${name}: precision ${precision.toFixed(3)} (${pairs.size}/${found.length}), recall ${recall.toFixed(3)} (${pairs.size}/${expected.people.length}), groups ${groupsRight.length}/${withGroup.length}`);
    console.log(`  missed: ${expected.people.filter((e) => !pairs.has(e)).map((e) => e.name).join(', ') || 'none'}; extra: ${found.filter((p) => ![...pairs.values()].includes(p)).map((p) => p.name).join(', ') || 'none'}`);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    if (withGroup.length) expect(groupsRight.length / withGroup.length).toBeGreaterThanOrEqual(0.7);
  });
  it('invents nobody from capitalised phrases or role addresses', async () => {
    const found = JSON.parse((await run(['--dir', dir, 'people', '--json'])).stdout) as Person[];
    const all = found.flatMap((p) => [p.name, ...p.aliases, ...p.emails]).map(foldName);
    for (const not of expected.notPeople) expect(all, not).not.toContain(foldName(not));
  });
});
