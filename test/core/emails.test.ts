import { describe, expect, it } from 'vitest';
import { stripEmails } from '../../src/core/emails.js';

describe('stripEmails', () => {
  it.each([
    ['no address here', 'no address here'],
    ['write to ada@example.org today', 'write to today'],
    ['Ada (mailto:ada@example.org) leads', 'Ada leads'],
    ['Ada (ada@example.org) leads', 'Ada leads'],
    ['[Ada](mailto:ada@example.org) leads', 'Ada leads'],
    ['[ada@example.org](mailto:ada@example.org)', ''],
    ['mail <team@example.org>', 'mail'],
    ['bare mailto:bo.sample+x@sub.example.org, ok', 'bare, ok'],
    ['two: a@example.org and b@example.org.', 'two: and.'],
    ['not an address: user@localhost or @handle', 'not an address: user@localhost or @handle'],
    ['line one x@example.org\nline two', 'line one\nline two'],
    ['Lüdwig (lüdwig@exämple.de) and сергей@пример.рф', 'Lüdwig and'],
    ['[Lüdwig](mailto:lüdwig@exämple.de)', 'Lüdwig'],
    ['Ask `code.span@example.com` now', 'Ask now'],
    ['- [x] done\n- [ ] open\n\n[x]: mailto:x@example.org\n', '- [x] done\n- [ ] open\n\n'],
    ['- [Jo][jo] will send it\n- [jo] said ok\n\n[jo]: mailto:jo@example.org\n', '- Jo will send it\n- jo said ok\n\n'],
    // More than 64 letters written straight into the address: they go with it, the address does not stay.
    [`${'样'.repeat(70)}wang.lei@example.cn 好`, `${'样'.repeat(14)} 好`],
    ['Ref [Laura][l], [l][] and [l]; [l](https://example.org/l) stays\n\n[l]: mailto:laura@example.org "Laura"\n', 'Ref Laura, l and l; [l](https://example.org/l) stays\n\n'],
  ])('%j → %j', (input, expected) => {
    expect(stripEmails(input)).toBe(expected);
  });
});
