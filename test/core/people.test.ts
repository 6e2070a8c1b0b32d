import { describe, expect, it } from 'vitest';
import { asName, groupInLine, extractPeople, nameFromSlug, namesMatch, profileSlug, searchPeople, isRoleAddress } from '../../src/core/people.js';
import { dayNote } from './helpers.js';

describe('name helpers', () => {
  it.each([
    ['Jane Doe', 'Jane Doe'],
    ['Dr. Jane Doe', 'Jane Doe'],
    ['Piet van der Berg', 'Piet van der Berg'],
    ['María González', 'María González'],
    ['Contact Jane Doe', 'Jane Doe'],
    ['Cool Tools', null],
    ['Max 4', null],
    ['SciCat', null],
    ['ESS DST', null],
    ['Event formation unit', null],
    ['Data Systems and Technologies', null],
    ['Acting Group Leader', null],
    // Scripts without case: no capital to test, the words themselves count.
    ['山田 太郎', '山田 太郎'],
    ['محمد علي', 'محمد علي'],
    ['佐々木 健', '佐々木 健'],
    ['Contact 山田 太郎', '山田 太郎'],
    ['山田 taro', null],
    ['nº 5', null],
  ])('asName(%s) = %s', (input, expected) => {
    expect(asName(input)).toBe(expected);
  });
  it.each([
    ['jane-doe', 'Jane Doe'],
    ['piet-van-der-berg', 'Piet van der Berg'],
    ['samuel-okafor.shtml', 'Samuel Okafor'],
    ['tom-hall-4b2a19', 'Tom Hall'],
    ['Jane.DoeSmith', 'Jane Doe Smith'],
    ['jdoe', null],
    ['data-management', null],
    ['kafka', null],
  ])('nameFromSlug(%s) = %s', (slug, expected) => {
    expect(nameFromSlug(slug)).toBe(expected);
  });
  it.each([
    ['https://facility.example.org/profile/jane-doe', 'jane-doe'],
    ['https://lab.example.org/search/profiles/jane-doe.shtml', 'jane-doe.shtml'],
    ['https://www.linkedin.com/in/jane-doe-12ab', 'jane-doe-12ab'],
    ['https://example.org/people/jdoe/', 'jdoe'],
    ['https://example.org/~jdoe', 'jdoe'],
    ['https://github.com/org/repo', null],
    ['https://example.org/people', null],
    ['https://marketplace.example.org/items?itemName=x', null],
  ])('profileSlug(%s) = %s', (url, expected) => {
    expect(profileSlug(url)).toBe(expected);
  });
  it.each([
    ['Maja Lindqvist', 'Maja Rask Lindqvist', true],
    ['Alex Stone', 'Alexander Stone', true],
    ['Al Stone', 'Alexander Stone', false],
    ['Jane Doe', 'John Doe', false],
  ])('namesMatch(%s, %s) = %s', (a, b, expected) => {
    expect(namesMatch(a, b)).toBe(expected);
  });
  it.each([['support', true], ['ecdc-dev', true], ['users-announce', true], ['jane.doe', false], ['jdoe', false]])('isRoleAddress(%s) = %s', (local, expected) => {
    expect(isRoleAddress(local)).toBe(expected);
  });
});

describe('groupInLine', () => {
  it.each([
    ['Meeting with the Data Curation group: ', 'Data Curation'],
    ['The Detector Group: ', 'Detector Group'],
    ['SAXS team: ', 'SAXS'],
    ['Talked to the group about it, ', null],
    ['Data Curation group ', null],
  ])('%j → %s', (before, expected) => {
    expect(groupInLine(before)).toBe(expected);
  });
  it.each([
    [' — head of the Neutron Optics group', 'Neutron Optics'],
    [', member of the Sample Environment Team', 'Sample Environment Team'],
    [', works with the Optics group', null],
  ])('after %j → %s', (after, expected) => {
    expect(groupInLine('Met with ', after)).toBe(expected);
  });
});

const names = (body: string) => extractPeople([dayNote('v/2023-09-08.md', body)]).map((p) => p.name);

describe('extractPeople: anchors', () => {
  it.each([
    ['- Jane Doe (mailto:jane.doe@example.org)', ['Jane Doe']],
    ['- Jane Doe <jane@example.org>', ['Jane Doe']],
    ['- [Jane Doe](mailto:jane@example.org) showed us around', ['Jane Doe']],
    ['- jane@example.org (Jane Doe)', ['Jane Doe']],
    ['- Contact: Jane Doe, jane@example.org', ['Jane Doe']],
    ['- ask jane.doe@example.org about it', ['Jane Doe']],
    ['- https://facility.example.org/profile/jane-doe', ['Jane Doe']],
    ['- Jane Doe - https://example.org/people/jdoe', ['Jane Doe']],
    ['- [Jane Doe](https://conf.example.org/speakers/jane-doe)', ['Jane Doe']],
    ['- Jane Doe\n  - jdoe@example.org', ['Jane Doe']],
    ['- Jane Doe (jane@example.org), John Roe (john.roe@example.org)', ['Jane Doe', 'John Roe']],
    ['- jdoe@example.org maintains the macros', ['jdoe@example.org']],
    ['| Jane Doe | jane@example.org |', ['Jane Doe']],
    ['- 山田 太郎 (mailto:yamada@example.jp)', ['山田 太郎']],
    ['- محمد علي <m.ali@example.sa>', ['محمد علي']],
    ['- [김 민수](mailto:minsu.kim@example.kr)', ['김 민수']],
    // One unspaced word is not told from a label (連絡先, "contact"): the name comes from the address.
    ['- 王伟 <wang.wei@example.cn>', ['Wang Wei']],
    ['- Contact: 山田 太郎, taro@example.jp', ['山田 太郎']],
    ['- 連絡先: taro@example.jp', ['taro@example.jp']],
    ['- Zoë "Z" Smith (mailto:zoe@example.org)', ['Zoë Smith']],
    ['- [Zoë “Z” Smith](mailto:zs@example.org)', ['Zoë Smith']],
    ['- Zoë Smith\n  - zoe@example.org "work"', ['Zoë Smith']],
  ])('%s', (body, expected) => {
    expect(names(body)).toEqual(expected);
  });
});

describe('extractPeople: profile links read as CommonMark reads them', () => {
  it.each([
    ['- [Jane Doe](https://conf.example.org/speakers/jane_(doe)) spoke', 'https://conf.example.org/speakers/jane_(doe)'],
    ['- [Jane Doe](<https://example.org/people/jdoe> "profile")', 'https://example.org/people/jdoe'],
    ["- [Jane Doe](https://example.org/people/jdoe 'profile')", 'https://example.org/people/jdoe'],
  ])('%s', (body, url) => {
    expect(extractPeople([dayNote('v/2023-09-08.md', body)]).map((p) => [p.name, p.urls])).toEqual([['Jane Doe', [url]]]);
  });
});

describe('extractPeople: no invented people', () => {
  it.each([
    '- Cool Tools\n  - HDF5 Viewer in VSCode',
    '- Max 4\n  - SciDog\n  - SciFish',
    '- Today was SciCat. Which was great.',
    '- Software\n  - EFU (Event formation unit)\n  - File Writers',
    '- It would make sense to put Alex Stone in touch with Jane Doe about the beam',
    '- support@example.org and ecdc-dev@example.org',
    '- Team page: https://example.org/team/data-management',
    '- [User Office](https://example.org/user-office)',
    '```\nJane Doe <jane@example.org>\n```',
    '- see [Value Object](https://en.wikipedia.org/wiki/Value_object)',
    '- [Vim Hugo Helper](https://github.com/someone/vim-hugo-helper)',
    '- sign up at https://gitlab.example.org/users/sign_up',
    '- 連絡先: support@example.jp',
  ])('%s', (body) => {
    expect(names(body)).toEqual([]);
  });
});

describe('extractPeople: groups, mentions, merging', () => {
  const notes = [
    dayNote('ess/2023-09-08.md', [
      '- DST - Data Systems and Technologies',
      '  - Maja Rask Lindqvist (mailto:Maja.RaskLindqvist@example.org)',
      '  - DRAM - Data Reduction and Modeling',
      '    - Contact (Acting Group Leader)',
      '      - https://facility.example.org/profile/torvald-nord',
      '- Thoughts',
      '  - put Alex Stone in touch with Maja Lindqvist about the beam?',
      '    - https://lab.example.org/profiles/alexander-stone.shtml',
    ].join('\n')),
    dayNote('ess/2023-09-09.md', '- Lunch with Maja Lindqvist again. Cool Tools came up.', '2023-09-09'),
    dayNote('max/2024-05-06.md', '- Maja Lindqvist (maja.rasklindqvist@example.org) visited too', '2024-05-06'),
  ];
  const people = extractPeople(notes);
  const byName = (n: string) => people.find((p) => p.name === n)!;
  it('finds exactly the anchored people', () => {
    expect(people.map((p) => p.name)).toEqual(['Alexander Stone', 'Maja Rask Lindqvist', 'Torvald Nord']);
  });
  it('takes the group from the bullet heading, skipping Contact and Thoughts', () => {
    expect(byName('Maja Rask Lindqvist').groups).toEqual(['DST - Data Systems and Technologies']);
    expect(byName('Torvald Nord').groups).toEqual(['DRAM - Data Reduction and Modeling']);
    expect(byName('Alexander Stone').groups).toEqual([]);
  });
  it('says when a name is derived', () => {
    expect(byName('Torvald Nord').derived).toBe('url');
    expect(byName('Maja Rask Lindqvist').derived).toBeNull();
  });
  it('counts prose mentions of known people, with visits and days', () => {
    const j = byName('Maja Rask Lindqvist');
    expect(j.appearances.map((a) => `${a.path}:${a.line}:${a.source}`)).toEqual([
      'ess/2023-09-08.md:7:email', 'ess/2023-09-08.md:12:mention', 'ess/2023-09-09.md:6:mention', 'max/2024-05-06.md:6:email',
    ]);
    expect(j.visits).toEqual(['ess', 'max']);
    expect(j.days).toEqual(['2023-09-08', '2023-09-09', '2024-05-06']);
    expect(j.emails).toEqual(['Maja.RaskLindqvist@example.org']);
    expect(j.aliases).toContain('Maja Lindqvist');
    expect(byName('Alexander Stone').aliases).toEqual(['Alex Stone']);
  });
  it('keeps people with different e-mails apart', () => {
    const two = extractPeople([dayNote('a/2023-01-01.md', '- Jane Doe (jane@example.org)\n- Jane Doe (jane.doe@other.example.org)')]);
    expect(two.map((p) => p.emails)).toEqual([['jane@example.org'], ['jane.doe@other.example.org']]);
  });
  it('keeps the same uncased name with different e-mails apart, as for Latin names', () => {
    const two = extractPeople([dayNote('a/2023-01-01.md', '- 山田 太郎 (mailto:yamada@example.jp)\n- 山田 太郎 (mailto:taro.yamada@example.jp)\n- 山田 太郎 <yamada@example.jp> again')]);
    expect(two.map((p) => [p.name, p.emails])).toEqual([['山田 太郎', ['yamada@example.jp']], ['山田 太郎', ['taro.yamada@example.jp']]]);
  });
  it('reads the people front matter key', () => {
    const p = extractPeople([dayNote('a/2023-01-01.md', '', '2023-01-01', 'people = ["Ada Quill", "Bo Lind <bo@example.org>", {name = "Cy Ray", group = "Optics"}]\n')]);
    expect(p.map((x) => [x.name, x.emails, x.groups])).toEqual([['Ada Quill', [], []], ['Bo Lind', ['bo@example.org'], []], ['Cy Ray', [], ['Optics']]]);
  });
  it.each([['lindqvist', 'Maja Rask Lindqvist'], ['lindqivst', 'Maja Rask Lindqvist'], ['lindkvist', 'Maja Rask Lindqvist'], ['maja rsak', 'Maja Rask Lindqvist'], ['stone', 'Alexander Stone'], ['nrod', 'Torvald Nord']])(
    'searchPeople(%s) finds %s', (q, expected) => {
      expect(searchPeople(people, q)[0]?.name).toBe(expected);
    });
  it('searchPeople finds nobody for an unrelated word', () => {
    expect(searchPeople(people, 'kafka')).toEqual([]);
  });
});

describe('asName in scripts without case', () => {
  it.each([
    ['تواصل مع محمد علي', 'محمد علي'], // "contact with Mohamed Ali": the name starts after the preposition
    ['詳細は 担当者', null], // "for details, the person in charge": no name
    ['山田 太郎', '山田 太郎'],
    ['محمد علي', 'محمد علي'],
    ['山田 まこと', '山田 まこと'], // a given name that ends like a particle
    ['田中 あやの', '田中 あやの'],
    ['محمد على', 'محمد على'], // Ali, spelt as the word "on"
  ])('%s → %s', (candidate, name) => {
    expect(asName(candidate)).toBe(name);
  });
});
