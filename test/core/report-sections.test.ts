import { describe, expect, it } from 'vitest';
import { reportSections, mdEscape } from '../../src/core/report-sections.js';
import { dayNote } from './helpers.js';

describe('report sections', () => {
  const notes = [dayNote('ess/2023-09-08.md', [
    '- DST - Data Systems',
    '  - Jane Doe (mailto:jane.doe@example.org)',
    '  - jdoe@example.org runs the *cluster*',
    '  - [ ] send jane.doe@example.org the slides',
    '  - SciCat fiddling to come later.',
  ].join('\n'))];
  it('renders People met and Follow-ups with e-mails', () => {
    const s = reportSections(notes);
    expect(s.people).toBe('## People met\n\n- **Jane Doe**, DST - Data Systems <jane.doe@example.org> (ess, 2023-09-08)\n- **jdoe@example.org**, DST - Data Systems <jdoe@example.org> (ess, 2023-09-08)\n');
    expect(s.followUps).toBe('## Follow-ups\n\n- [ ] send jane.doe@example.org the slides (2023-09-08, `ess/2023-09-08.md:9`)\n- SciCat fiddling to come later. (2023-09-08, `ess/2023-09-08.md:10`)\n');
  });
  it('leaves every e-mail address out with stripEmails', () => {
    const s = reportSections(notes, { stripEmails: true, level: 3 });
    expect(`${s.people}${s.followUps}`).not.toMatch(/@/);
    expect(s.people).toBe('### People met\n\n- **Jane Doe**, DST - Data Systems (ess, 2023-09-08)\n');
    expect(s.followUps).toContain('- [ ] send [e-mail removed] the slides');
  });
  it('strips an address in any script from a follow-up, as from the bodies', () => {
    const s = reportSections([dayNote('ess/2023-09-09.md', '- [ ] write to lüdwig@exämple.de about the detector')], { stripEmails: true });
    expect(s.followUps).toContain('- [ ] write to [e-mail removed] about the detector');
  });
  it('says when there is nothing', () => {
    expect(reportSections([])).toEqual({ people: '## People met\n\n_Nobody recorded._\n', followUps: '## Follow-ups\n\n_None open._\n' });
  });
  it('escapes Markdown in names', () => {
    expect(mdEscape('a*b_[c]')).toBe('a\\*b\\_\\[c\\]');
  });
});
