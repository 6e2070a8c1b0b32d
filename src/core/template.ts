/**
 * Rendering a new day entry from a template. Placeholders become literals
 * that are valid in TOML and in YAML alike (single-quoted strings where
 * possible, as in the reference day entry; JSON-style double quotes
 * otherwise; flow arrays), so one template works for either format.
 */
export interface TemplateValues {
  title: string;
  /** RFC 3339 with offset, written unquoted: a datetime in TOML and YAML. */
  date: string;
  /** YYYY-MM-DD */
  menuTitle: string;
  weight: number;
  tags: string[];
  categories: string[];
  body: string;
}

export const TOML_TEMPLATE = `+++
title = {{title}}
date = {{date}}
menuTitle = {{menuTitle}}
weight = {{weight}}
bookCollapseSection = false
bookHidden = false
draft = false
categories = {{categories}}
tags = {{tags}}
+++
{{body}}`;

export const YAML_TEMPLATE = `---
title: {{title}}
date: {{date}}
menuTitle: {{menuTitle}}
weight: {{weight}}
bookCollapseSection: false
bookHidden: false
draft: false
categories: {{categories}}
tags: {{tags}}
---
{{body}}`;

/** A string literal valid in both TOML and YAML. */
export function quote(s: string): string {
  // eslint-disable-next-line no-control-regex
  if (!/['\\\u0000-\u001f\u007f]/.test(s)) return `'${s}'`;
  // eslint-disable-next-line no-control-regex
  return JSON.stringify(s).replace(/\u007f/g, '\\u007f');
}

/** A flow array of strings: `["a", "b"]`. */
export function quoteList(xs: string[]): string {
  return `[${xs.map((x) => JSON.stringify(x).replace(/\u007f/g, '\\u007f')).join(', ')}]`;
}

/** Fills a template. `{{day}}` is the day number; unknown placeholders stay as they are. */
export function renderTemplate(template: string, v: TemplateValues): string {
  const values: Record<string, string> = {
    title: quote(v.title),
    date: v.date,
    menuTitle: JSON.stringify(v.menuTitle),
    weight: String(v.weight),
    day: String(v.weight),
    tags: quoteList(v.tags),
    categories: quoteList(v.categories),
    body: v.body,
  };
  let out = template.replace(/\{\{\s*(\w+)\s*\}\}/g, (m, name: string) => values[name] ?? m);
  if (!out.endsWith('\n')) out += '\n';
  return out;
}
