/**
 * Reading a note for an edit: its bytes (to check later that nothing else
 * wrote it meanwhile) and its text with the BOM kept (the UTF-8 decoder
 * drops it, and an edit must write it back).
 */
import { readFileSync } from 'node:fs';
import { decodeNote } from '../core/note.js';

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** The note's text with its BOM, as `U+FEFF` at the start. */
export function noteTextOf(bytes: Buffer, rel: string): string {
  const text = decodeNote(bytes, rel);
  return bytes.subarray(0, 3).equals(BOM) ? `\uFEFF${text}` : text;
}

export function readForEdit(abs: string, rel: string): { bytes: Buffer; text: string } {
  const bytes = readFileSync(abs);
  return { bytes, text: noteTextOf(bytes, rel) };
}
