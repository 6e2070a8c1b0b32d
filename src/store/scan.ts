/**
 * Finding the notes whose bytes hold a word, case-insensitively, without
 * decoding every file: `tag rename` across 10,000 notes reads them all, and
 * most do not carry the tag. Files are read into one reused buffer, ASCII
 * letters lowered in a second one, and searched with Buffer#indexOf; only
 * the hits are copied out. A word with non-ASCII letters is searched in
 * the decoded, lowercased text instead.
 */
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { under } from './paths.js';

export interface ScanHit {
  rel: string;
  bytes: Buffer;
}

export interface ScanResult {
  hits: ScanHit[];
  problems: Array<{ path: string; reason: string }>;
}

const CHUNK = 256 * 1024;

/**
 * The files (relative to `root`) whose text holds `word`, ignoring case, with
 * their bytes; with `orEscape`, also those holding a backslash, as a string
 * may spell the word with escapes (TOML and JSON `\u0061`, YAML `\x61`).
 */
export function filesHolding(root: string, files: string[], word: string, { orEscape = false } = {}): ScanResult {
  const ascii = /^[\x20-\x7e]+$/.test(word);
  const needle = Buffer.from(word.toLowerCase(), 'utf8');
  const lowerWord = word.toLowerCase();
  const buf = Buffer.allocUnsafe(CHUNK);
  const low = Buffer.allocUnsafe(CHUNK);
  const hits: ScanHit[] = [];
  const problems: ScanResult['problems'] = [];
  for (const rel of files) {
    const abs = under(root, rel);
    let bytes: Buffer;
    try {
      const fd = openSync(abs, 'r');
      let n: number;
      try { n = readSync(fd, buf, 0, CHUNK, 0); } finally { closeSync(fd); }
      bytes = n < CHUNK ? buf.subarray(0, n) : readFileSync(abs);
    } catch (e) {
      problems.push({ path: rel, reason: `cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
      continue;
    }
    let found: boolean;
    if (ascii && bytes.length <= CHUNK) {
      for (let i = 0; i < bytes.length; i++) {
        const c = bytes[i]!;
        low[i] = c >= 65 && c <= 90 ? c + 32 : c;
      }
      found = low.subarray(0, bytes.length).indexOf(needle) !== -1 || (orEscape && bytes.indexOf(0x5c) !== -1);
    } else {
      const text = bytes.toString('utf8');
      found = text.toLowerCase().includes(lowerWord) || (orEscape && text.includes('\\'));
    }
    if (found) hits.push({ rel, bytes: bytes.buffer === buf.buffer ? Buffer.from(bytes) : bytes });
  }
  return { hits, problems };
}
