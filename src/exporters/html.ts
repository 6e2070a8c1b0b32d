/**
 * `notes export --html`: a static site that works from file:// with no
 * server and no network. The declaration stays small so the cli can list it
 * cheaply; the renderer (and markdown-it, ~90 ms to import) loads only when
 * an HTML export runs.
 */
import type { FolderExporter } from './types.js';

export const htmlExporter: FolderExporter = {
  name: 'html',
  extension: '.html',
  description: 'a static site with search that opens from file:// (index, days, visits, tags, people, follow-ups)',
  stripEmails: true,
  withVisitIndex: true,
  output: 'folder',
  defaultOut: 'export/html',
  async render(input, sink) {
    const { renderSite } = await import('./html/site.js');
    return renderSite(input, sink);
  },
};
