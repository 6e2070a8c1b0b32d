import { describe, expect, it } from 'vitest';
import { CONFIG_TEMPLATE, parseConfig } from '../../src/core/config.js';

describe('parseConfig', () => {
  it.each([
    ['LF', '\n'],
    ['CRLF (Windows, git autocrlf)', '\r\n'],
  ])('reads the commented template with %s line ends, and a BOM', (_name, eol) => {
    const text = `\uFEFF${CONFIG_TEMPLATE.replace('current_visit = ""', 'current_visit = "ess-2023" # the visit of the week').replace(/\n/g, eol)}`;
    const config = parseConfig(text, '.notes.toml');
    expect(config.format).toBe('toml');
    expect(config.currentVisit).toBe('ess-2023');
  });

  it('names the file and line of bad TOML, with what to do', () => {
    expect(() => parseConfig('format = "toml"\r\nformat = "yaml"\r\n', '/nb/.notes.toml')).toThrow(/^\/nb\/\.notes\.toml:2: invalid TOML/);
  });
});
