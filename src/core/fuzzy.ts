/**
 * Typo tolerance: a query word is matched with fuse.js against the words the
 * index holds (its vocabulary: body, titles, tags, people's names), and
 * expanded to the real words it is close to. The full-text index then ranks
 * notes on those real words. fuse.js is fast and precise on short strings
 * but not on whole notes (see ../shared/LIBRARY-NOTES.md), hence this split.
 */
import Fuse from 'fuse.js';

/** A word of the vocabulary and the number of notes holding it. */
export interface VocabWord {
  term: string;
  docs: number;
}

/**
 * How many typos a word of this length may carry: none below 4 letters (too
 * many short words are one edit apart), one up to 6 letters, two from 7.
 * A typo is a letter wrong, missing or extra, or two neighbours swapped
 * (`kafak`).
 */
export function allowedTypos(length: number): number {
  return length < 4 ? 0 : length < 7 ? 1 : 2;
}

/**
 * Optimal string alignment distance (Levenshtein plus swaps of neighbours),
 * giving up (returning max + 1) as soon as it must exceed `max`.
 */
export function typoDistance(a: string, b: string, max = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[y.length]!;
}

/** True when a word is one fuzzy matching applies to: letters only, long enough. */
export function isFuzzyWord(token: string): boolean {
  // Marks inside a word are part of it (Indic vowel signs, Thai tones): a word of letters and marks.
  return allowedTypos([...token].length) > 0 && /^\p{L}[\p{L}\p{M}]*$/u.test(token);
}

/**
 * True when a word may be the beginning of a longer one (`holmq` for
 * Holmqvist, a name remembered by half): letters only, 3 or more, as the
 * fuzzy vocabulary's words; shorter ones begin too many words to say much.
 * In Chinese and Japanese, where two characters make a word and text has
 * no spaces (the index holds `ガス検出器` as one word), 2 or more.
 */
export function isCompletableWord(token: string): boolean {
  return /^\p{L}[\p{L}\p{M}]{2,}$/u.test(token) || /^[\p{scx=Han}\p{scx=Hiragana}\p{scx=Katakana}]{2,}$/u.test(token);
}

/** At most this many longer words are tried for a word typed half (the most common first). */
export const MAX_COMPLETIONS = 12;

/**
 * The letters of a word as a 31-bit set (each letter hashed to a bit). Words
 * at most k typos apart differ in at most 2k of these bits: a typo changes at
 * most two letters of the set, and letters sharing a bit only make the
 * difference smaller. The index stores it per word so that SQLite can skip
 * most of the vocabulary before any of it reaches JavaScript.
 */
export function letterSignature(word: string): number {
  let sig = 0;
  for (let i = 0; i < word.length; i++) sig |= 1 << (word.charCodeAt(i) % 31);
  return sig;
}

/** The number of letter-set bits that differ between two signatures. */
export function signatureDistance(a: number, b: number): number {
  let x = (a ^ b) >>> 0;
  let n = 0;
  while (x) { x &= x - 1; n++; }
  return n;
}

const scratch = new Int32Array(65536);

/**
 * A cheap necessary condition for being at most `k` typos apart: the letters
 * of the two words differ (as multisets) by at most 2k. It lets fuse.js look
 * at a few dozen words instead of the whole vocabulary.
 */
export function closeLetters(a: string, b: string, k: number): boolean {
  for (let i = 0; i < a.length; i++) scratch[a.charCodeAt(i)]!++;
  for (let i = 0; i < b.length; i++) scratch[b.charCodeAt(i)]!--;
  let diff = 0;
  for (let i = 0; i < a.length; i++) { const c = a.charCodeAt(i); diff += Math.abs(scratch[c]!); scratch[c] = 0; }
  for (let i = 0; i < b.length; i++) { const c = b.charCodeAt(i); diff += Math.abs(scratch[c]!); scratch[c] = 0; }
  return diff <= 2 * k;
}

/**
 * The vocabulary words `token` may be a typo of, best first (closest, nearest in length,
 * then most common), at most `max`, the word itself excluded. `vocabulary` may
 * be limited to `candidateLengths(token)` first.
 */
export function expandWord(token: string, vocabulary: VocabWord[], max = 8): string[] {
  const n = [...token].length;
  const k = allowedTypos(n);
  const candidates = k ? vocabulary.filter((v) => closeLetters(token, v.term, k)) : [];
  if (!candidates.length) return [];
  const fuse = new Fuse(candidates, {
    keys: ['term'],
    includeScore: true,
    ignoreLocation: true,
    isCaseSensitive: true,
    // fuse's score is about errors / pattern length, and it counts a swap
    // as two errors: it finds the candidates, typoDistance has the last word.
    threshold: Math.min(0.6, (2 * k + 0.5) / n),
    shouldSort: true,
  });
  const lenGap = (w: string) => Math.abs([...w].length - n);
  return fuse
    .search(token)
    .filter((r) => r.item.term !== token && typoDistance(token, r.item.term, k) <= k)
    .sort((a, b) => a.score! - b.score! || lenGap(a.item.term) - lenGap(b.item.term) || b.item.docs - a.item.docs || (a.item.term < b.item.term ? -1 : 1))
    .slice(0, max)
    .map((r) => r.item.term);
}
