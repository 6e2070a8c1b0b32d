import { describe, expect, it } from 'vitest';
import { findVisits, renderVisitIndex, visitResolver, dayOfVisit } from '../../src/core/visit.js';
import { parseNote } from '../../src/core/note.js';
import { dayNote } from './helpers.js';

describe('visits', () => {
  const index = parseNote('ess/_index.md', renderVisitIndex({ title: "ESS 'the' \"visit\"", facility: 'ESS', start: '2023-09-04', end: '2023-09-08', location: 'Lund' }));
  const notes = [
    index,
    dayNote('ess/2023-09-06.md', '- x', '2023-09-06'),
    dayNote('ess/sub/2023-09-07.md', '- x', '2023-09-07'),
    dayNote('wild/2022-01-02.md', '- x', '2022-01-02'),
    dayNote('wild/2022-01-01.md', '- x', '2022-01-01'),
    dayNote('root-entry.md', '- x', '2021-01-01'),
    parseNote('docs/_index.md', '+++\ntitle = "Docs"\n+++\n'),
  ];
  const visits = findVisits(notes);
  it('finds visits with _index.md and plain folders of day entries, not the root or plain sections', () => {
    expect(visits.map((v) => [v.name, v.hasIndex, v.start, v.end, v.span, v.entries.length])).toEqual([
      ['wild', false, '2022-01-01', '2022-01-02', 2, 2],
      ['ess', true, '2023-09-04', '2023-09-08', 5, 2],
    ]);
  });
  it('reads the visit keys back from the rendered _index.md', () => {
    expect(visits[1]).toMatchObject({ title: "ESS 'the' \"visit\"", facility: 'ESS', location: 'Lund', proposal: null });
    expect(index.frontMatter.bookCollapseSection).toBe(true);
  });
  it('renders YAML too', () => {
    const y = parseNote('x/_index.md', renderVisitIndex({ title: 'T: x', facility: 'F', start: '2024-01-01' }, 'yaml'));
    expect(y.format).toBe('yaml');
    expect(y.frontMatter).toMatchObject({ title: 'T: x', facility: 'F', start: '2024-01-01', bookCollapseSection: true });
  });
  it('gives each note its deepest visit', () => {
    const of = visitResolver(visits);
    expect(notes.map(of)).toEqual(['ess', 'ess', 'ess', 'wild', 'wild', null, null]);
  });
  it('numbers days from the start date', () => {
    expect(dayOfVisit(visits[1]!, notes[1]!)).toBe(3);
  });
});
