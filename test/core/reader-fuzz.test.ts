/**
 * Random input never crashes the reader: whatever the bytes, reading a note
 * gives a note or a NoteParseError (which becomes one warning), never any
 * other exception that would escape to the user.
 */
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeNote, parseNote } from '../../src/core/note.js';
import { splitNote } from '../../src/core/front-matter.js';
import { NoteParseError } from '../../src/core/errors.js';

function readBytes(bytes: Uint8Array): 'note' | 'problem' {
  try {
    parseNote('fuzz.md', decodeNote(bytes, 'fuzz.md'));
    return 'note';
  } catch (e) {
    if (e instanceof NoteParseError) return 'problem';
    throw e;
  }
}

const enc = new TextEncoder();
/** Text that looks like notes: delimiters, keys, quotes, brackets, line ends. */
const noteish = fc.array(fc.oneof(
  fc.constantFrom('+++', '---', '{', '}', '\n', '\r\n', '"', "'", '[', ']', '=', ':', '#', 'title', 'tags', 'date',
    '2023-09-08T22:09:28+02:00', '\uFEFF', ' ', '- ', '  - ', '\\', ',', '!!js/function', '*a', '&a', '<<'),
  fc.string(),
), { maxLength: 60 }).map((parts) => parts.join(''));

describe('the reader never crashes', () => {
  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
      expect(['note', 'problem']).toContain(readBytes(bytes));
    }), { numRuns: 2000 });
  });

  it('on random note-like text, and splitting keeps every character', () => {
    fc.assert(fc.property(noteish, (text) => {
      expect(['note', 'problem']).toContain(readBytes(enc.encode(text)));
      try {
        const s = splitNote(text);
        if (s.format) expect(text.slice(s.rawStart, s.rawStart + s.raw.length)).toBe(s.raw);
        expect(text.slice(s.bodyStart)).toBe(s.body);
      } catch (e) {
        expect(e).toBeInstanceOf(NoteParseError);
      }
    }), { numRuns: 3000 });
  });

  it('on deep nesting in every format', () => {
    for (const text of [
      `+++\na = ${'['.repeat(20000)}${']'.repeat(20000)}\n+++\n`,
      `---\na: ${'['.repeat(20000)}${']'.repeat(20000)}\n---\n`,
      `{"a": ${'['.repeat(20000)}${']'.repeat(20000)}}\n`,
      `+++\n${'[a.b]\n'.repeat(1000)}+++\n`,
    ]) {
      expect(['note', 'problem']).toContain(readBytes(enc.encode(text)));
    }
  });
});
