/**
 * The stable JSON form of a note (`notes list --json`, `notes export --json`;
 * documented in the README: change it only compatibly). In the core so that
 * exporters and commands share it without importing the cli layer.
 */
import type { Note } from './note.js';
import { noteDay } from './filter.js';

/** The JSON form of a note (`notes list --json`), without the body. */
export interface NoteJson {
  path: string;
  title: string;
  date: string | null;
  instant: string | null;
  day: string | null;
  tags: string[];
  categories: string[];
  draft: boolean;
  weight: number | null;
  menuTitle: string | null;
  linkTitle: string | null;
  section: string;
  isSection: boolean;
  format: 'toml' | 'yaml' | 'json' | null;
  frontMatter: Record<string, unknown>;
}

/** A note's fields as JSON (no body). */
export function noteJson(n: Note): NoteJson {
  return {
    path: n.path,
    title: n.title,
    date: n.date,
    instant: n.instant ? n.instant.toISOString() : null,
    day: noteDay(n),
    tags: n.tags,
    categories: n.categories,
    draft: n.draft,
    weight: n.weight,
    menuTitle: n.menuTitle,
    linkTitle: n.linkTitle,
    section: n.section,
    isSection: n.isSection,
    format: n.format,
    frontMatter: n.frontMatter,
  };
}

