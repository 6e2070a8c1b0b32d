/**
 * Counting tags across notes (`notes tag list`). Tags are counted
 * case-insensitively, as Hugo lowercases taxonomy terms; each is shown in the
 * spelling most notes use.
 */
import type { Note } from './note.js';

export interface TagCount {
  tag: string;
  count: number;
}

/** On a tie, the all-lowercase spelling (Hugo's), then the first in code point order. */
const lowerFirst = (a: string, b: string) => Number(a !== a.toLowerCase()) - Number(b !== b.toLowerCase()) || (a < b ? -1 : 1);

export type TagSort = 'count' | 'name';

/** Every tag with the number of notes carrying it: most used first, or by name. */
export function countTags(notes: Note[], sort: TagSort = 'count'): TagCount[] {
  const groups = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const n of notes) {
    const seen = new Set<string>();
    for (const t of n.tags) {
      const key = t.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const g = groups.get(key) ?? { count: 0, spellings: new Map() };
      g.count++;
      g.spellings.set(t, (g.spellings.get(t) ?? 0) + 1);
      groups.set(key, g);
    }
  }
  const out = [...groups.values()].map((g) => ({
    tag: [...g.spellings.entries()].sort((a, b) => b[1] - a[1] || lowerFirst(a[0], b[0]))[0]![0],
    count: g.count,
  }));
  const byName = (a: TagCount, b: TagCount) => a.tag.toLowerCase().localeCompare(b.tag.toLowerCase()) || (a.tag < b.tag ? -1 : 1);
  return out.sort(sort === 'name' ? byName : (a, b) => b.count - a.count || byName(a, b));
}
