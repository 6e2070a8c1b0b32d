// The check every tag edit passes before anything is written: the edited
// note, parsed again, must hold the wanted tags and nothing else changed.
// editTags never produces a bad result on purpose, so the check is fed
// hand-made ones here.
import { describe, expect, it } from 'vitest';
import { verifyTagEdit, TagEditError } from '../../src/core/front-matter-edit.js';
import { parseFrontMatterView } from '../../src/core/note.js';

const TOML = `+++
title = 'Five'
date = 2023-09-08T22:09:28+02:00
big = 1234567890123456789
odd = nan
local = 2023-09-08
clock = 07:32:00
tags = ["kafka", "hpc"]
[params]
  seen = [1, 2.5, true]
  [params.deep]
    at = 1979-05-27T07:32:00Z
+++
- body line
`;

const check = (before: string, after: string, wanted: string[]) => () => verifyTagEdit(after, parseFrontMatterView('n.md', before), wanted, 'n.md');

describe('verifyTagEdit', () => {
  it('passes an edit of the tags value alone (dates, big integers, nan, nested tables kept)', () => {
    expect(check(TOML, TOML.replace('"kafka"', '"streams"'), ['streams', 'hpc'])).not.toThrow();
    const yaml = '---\ntitle: A\ndate: 2023-09-08T22:09:28+02:00\ntags: [a]\nparams: {x: [1, 2]}\n---\nbody\n';
    expect(check(yaml, yaml.replace('[a]', '[a, b]'), ['a', 'b'])).not.toThrow();
  });

  it('refuses a result whose tags are not the wanted ones', () => {
    expect(check(TOML, TOML.replace('"kafka"', '"stream"'), ['streams', 'hpc'])).toThrow(/n\.md: the tag edit failed its check \(tags would be \["stream","hpc"\]/);
  });

  it('refuses a change to any other key, nested or not, or to the key order', () => {
    const wanted = ['kafka', 'hpc'];
    for (const after of [
      TOML.replace("'Five'", "'Six'"),
      TOML.replace('2023-09-08T22:09:28+02:00', '2023-09-08T22:09:29+02:00'),
      TOML.replace('1234567890123456789', '1234567890123456788'),
      TOML.replace('07:32:00\n', '07:32:01\n'),
      TOML.replace('seen = [1, 2.5, true]', 'seen = [1, 2.5]'),
      TOML.replace('1979-05-27T07:32:00Z', '1979-05-27T07:32:01Z'),
      TOML.replace("title = 'Five'\ndate = 2023-09-08T22:09:28+02:00", "date = 2023-09-08T22:09:28+02:00\ntitle = 'Five'"),
      TOML.replace('+++\n- body', 'extra = 1\n+++\n- body'),
    ]) {
      expect(check(TOML, after, wanted), after).toThrow(/other front matter keys would change/);
    }
  });

  it('refuses a change to the body', () => {
    expect(check(TOML, TOML.replace('- body line', '- body line!'), ['kafka', 'hpc'])).toThrow(/the body would change/);
  });

  it('refuses a result that no longer parses, naming the file', () => {
    const err = (() => { try { check(TOML, TOML.replace('["kafka", "hpc"]', '["kafka", "hpc"'), ['kafka', 'hpc'])(); } catch (e) { return e; } })();
    expect(err).toBeInstanceOf(TagEditError);
    expect((err as Error).message).toMatch(/^n\.md: the tag edit would break the front matter/);
  });
});
