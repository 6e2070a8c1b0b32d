/**
 * Systems seen during a visit: the values of a `systems` front matter key,
 * and the short items listed under a bullet named like a list of systems
 * ("Software", "Systems", "Tools", "Services", "Stack").
 */
import type { Note } from './note.js';
import { getKey, toList } from './note.js';
import { noteOutline } from './outline.js';

const SYSTEM_LISTS = /^(?:software|systems?|tools?|services|stack|tech(?:nology)? stack|infrastructure)\s*:?$/i;

/** Systems named in the notes, in order of first mention, without repeats (case-insensitive). */
export function extractSystems(notes: Note[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (s: string) => {
    const t = s.replace(/[*_`]+/g, '').trim();
    if (t && !seen.has(t.toLowerCase())) { seen.add(t.toLowerCase()); out.push(t); }
  };
  for (const n of notes) {
    toList(getKey(n.frontMatter, 'systems')).forEach(add);
    const lines = noteOutline(n);
    for (const l of lines) {
      if (l.kind !== 'bullet' || l.inCode || l.parent === -1) continue;
      const parent = lines[l.parent]!;
      if (SYSTEM_LISTS.test(parent.text.replace(/[*_`]+/g, '').trim()) && l.text.length <= 40 && !/https?:/.test(l.text)) add(l.text);
    }
  }
  return out;
}
