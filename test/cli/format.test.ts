import { describe, expect, it } from 'vitest';
import { table } from '../../src/cli/format.js';

describe('table', () => {
  it('aligns columns by terminal width: wide characters take two columns, combining marks none', () => {
    const out = table([['山田 太郎', 'yamada@example.jp'], ['Ada Example', 'ada@example.org'], ['Zoe\u0308', 'zoe@example.org']]);
    const at = out.split('\n').filter(Boolean).map((l) => {
      const i = l.indexOf(l.includes('yamada') ? 'yamada' : l.includes('ada@') ? 'ada@' : 'zoe@');
      return [...l.slice(0, i)].reduce((n, ch) => n + (/[\u3000-\u9fff]/.test(ch) ? 2 : /\p{M}/u.test(ch) ? 0 : 1), 0);
    });
    expect(new Set(at).size).toBe(1);
  });
});
