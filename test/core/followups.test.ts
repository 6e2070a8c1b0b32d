import { describe, expect, it } from 'vitest';
import { extractFollowUps, noteFollowUps, tickTask, NotATaskError, FOLLOW_UP_PHRASES } from '../../src/core/followups.js';
import { dayNote } from './helpers.js';

const kinds = (body: string) => noteFollowUps(dayNote('v/2023-09-08.md', body)).map((f) => [f.kind, f.trigger, f.done]);

describe('follow-ups', () => {
  it.each([
    ['- [ ] send the form', [['task', '[ ]', false]]],
    ['* [x] booked', [['task', '[x]', true]]],
    ['1. [ ] numbered', [['task', '[ ]', false]]],
    ['- TODO: read the docs', [['marker', 'TODO', false]]],
    ['FIXME the numbers', [['marker', 'FIXME', false]]],
    ['- SciCat fiddling to come later.', [['phrase', 'to come later', false]]],
    ['- Check into cross-lab collaboration?', [['phrase', 'check into', false]]],
    ['- follow up with the detector group', [['phrase', 'follow up', false]]],
    ['- Need to ask about GPU quotas', [['phrase', 'need to', false]]],
    ['- Might have to work on a driver for hdf5', [['phrase', 'have to', false]]],
    ['- put A in touch with B about the beam?', [['phrase', 'in touch', false]]],
    ['- remind me to send the slides', [['phrase', 'remind me', false]]],
    ['- Waiting for scientists to justify their use.', []],
    ['- I need to send the slides', [['phrase', 'need to', false]]],
    ['- we need to check the cabling', [['phrase', 'need to', false]]],
    ['Row stores are good when we need to retrieve the whole entity', []],
    ['given we have to make many queries', []],
    ['which means we should take every chance', []],
    ['- I should email the group leader', [['phrase', 'should ask', false]]],
    ['- ~~TODO: order the cables~~', [['marker', 'TODO', true]]],
    ['- a todo list app (lower case is prose)', []],
    ['- Event formation unit', []],
    ['```\n- [ ] in code\nTODO in code\n```', []],
    ['## TODO heading is a heading', []],
  ])('%s', (body, expected) => {
    expect(kinds(body)).toEqual(expected);
  });
  it('gives note, day, path:line and the bullet above', () => {
    const [f] = noteFollowUps(dayNote('v/2023-09-08.md', '- Today was SciCat.\n  - SciCat fiddling to come later.'), 'v');
    expect(f).toMatchObject({ path: 'v/2023-09-08.md', line: 7, day: '2023-09-08', visit: 'v', title: 'Day', under: 'Today was SciCat.', text: 'SciCat fiddling to come later.' });
  });
  it('lists open ones by day unless all', () => {
    const notes = [dayNote('b/2023-09-09.md', '- [x] done\n- [ ] b', '2023-09-09'), dayNote('a/2023-09-08.md', '- [ ] a')];
    expect(extractFollowUps(notes).map((f) => f.text)).toEqual(['a', 'b']);
    expect(extractFollowUps(notes, { all: true }).map((f) => f.text)).toEqual(['a', 'done', 'b']);
  });
  it('documents every phrase with a label', () => {
    expect(FOLLOW_UP_PHRASES.every((p) => p.label && p.re.flags.includes('i'))).toBe(true);
  });
});

describe('tickTask', () => {
  const text = '\uFEFF+++\r\ntitle = "- [ ] not body"\r\n+++\r\n- [ ] one\r\n  * [ ] two [ ] inner\r\n- [x] three\r\n- plain\r\n```\r\n- [ ] code\r\n```\r\n';
  it('changes only the box of that line', () => {
    const out = tickTask(text, 5);
    expect(out).toBe(text.replace('* [ ] two', '* [x] two'));
    expect(out.length).toBe(text.length);
    expect(tickTask(text, 4)).toBe(text.replace('- [ ] one', '- [x] one'));
  });
  it.each([
    [2, /front matter/],
    [6, /ticked already/],
    [7, /not a task item/],
    [9, /not a task item/],
    [99, /has no line 99/],
  ])('refuses line %i', (line, message) => {
    expect(() => tickTask(text, line, 'n.md')).toThrow(NotATaskError);
    expect(() => tickTask(text, line, 'n.md')).toThrow(message);
  });
});
