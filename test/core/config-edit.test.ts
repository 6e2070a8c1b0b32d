import { describe, expect, it } from 'vitest';
import { setConfigString, parseConfig, CONFIG_TEMPLATE } from '../../src/core/config.js';

describe('setConfigString', () => {
  it.each([
    ['replaces the value, keeping the comment', 'a = 1\ncurrent_visit = "old"  # where\n', 'a = 1\ncurrent_visit = "ess-2023"  # where\n'],
    ['keeps spacing, and single quotes', "x = 'y'\ncurrent_visit='old'\n", "x = 'y'\ncurrent_visit='ess-2023'\n"],
    ['keeps CRLF and BOM', '\uFEFFcurrent_visit = ""\r\nformat = "toml"\r\n', '\uFEFFcurrent_visit = "ess-2023"\r\nformat = "toml"\r\n'],
    ['adds a missing key before a table', 'format = "toml"\n[extra]\ncurrent_visit = "no"\n', 'format = "toml"\ncurrent_visit = "ess-2023"\n\n[extra]\ncurrent_visit = "no"\n'],
    ['adds a missing key at the end', 'format = "toml"', 'format = "toml"\ncurrent_visit = "ess-2023"\n'],
  ])('%s', (_what, input, expected) => {
    expect(setConfigString(input, 'current_visit', 'ess-2023')).toBe(expected);
  });
  it("a value single quotes cannot hold gets double quotes", () => {
    expect(setConfigString("current_visit = 'old'\n", 'current_visit', "it's")).toBe('current_visit = "it\'s"\n');
  });
  it('escapes the value and reads back', () => {
    const out = setConfigString(CONFIG_TEMPLATE, 'current_visit', 'a "b"\\c');
    expect(parseConfig(out, 'x').currentVisit).toBe('a "b"\\c');
    expect(out.split('\n').length).toBe(CONFIG_TEMPLATE.split('\n').length);
  });
});
