import { parseNote, type Note } from '../../src/core/note.js';

/** A day entry in the visit-day format, with the body given. */
export function dayNote(path: string, body: string, day = '2023-09-08', extra = ''): Note {
  return parseNote(path, `+++\ntitle = 'Day'\ndate = ${day}T20:00:00+02:00\nmenuTitle = "${day}"\n${extra}+++\n${body}`);
}
