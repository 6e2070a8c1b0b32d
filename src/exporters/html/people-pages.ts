/**
 * The site's visit-log pages (issue 6): `people.html`, the people met, and
 * `follow-ups.html`, the open follow-ups, both taken from the exported notes
 * only and linked from the header and the home page. Every text from a note
 * is escaped (names, groups, addresses) or rendered by the same markdown-it
 * as the bodies (follow-up lines: raw HTML shows as text, never runs).
 * Under --strip-emails the model hands them people and lines without
 * addresses (site.ts), so nothing here can print one.
 */
import type { HomeLink, PageBuilder, SearchEntry, SiteFollowUp, SiteGroup, SiteModel, SiteNote, SitePerson } from './site.js';
import { escapeHtml, link, relativeHref } from './layout.js';

export const PEOPLE_PAGE = 'people.html';
export const FOLLOW_UPS_PAGE = 'follow-ups.html';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "2023-09-04 · One", the label of a link to a note's page. */
const noteLabel = (sn: SiteNote) => (sn.day ? `${sn.day} · ${sn.note.title}` : sn.note.title);

/** The pages of `notes` grouped by their visit (folder), visits in site order. */
function byGroup<T>(site: SiteModel, items: T[], noteOf: (item: T) => SiteNote): [SiteGroup, T[]][] {
  const groups = new Map<SiteGroup, T[]>(site.groups.map((g) => [g, []]));
  for (const item of items) groups.get(noteOf(item).group)?.push(item);
  return [...groups].filter(([, list]) => list.length);
}

/** A person's row: name, group, e-mails, profiles; then the visits and days they appear on. */
function personRow(from: string, site: SiteModel, sp: SitePerson): string {
  const p = sp.person;
  const about: string[] = [`<strong>${escapeHtml(p.name)}</strong>${p.derived === 'url' ? ' <span class="meta">(name from profile URL)</span>' : ''}`];
  if (p.groups.length) about.push(`<span class="meta">${p.groups.map(escapeHtml).join('; ')}</span>`);
  const contact = [
    ...p.emails.map((e) => `<a href="mailto:${escapeHtml(e)}">${escapeHtml(e)}</a>`),
    // Only web addresses become links (never javascript: or data:).
    ...p.urls.filter((u) => /^https?:\/\//i.test(u)).map((u) => `<a href="${escapeHtml(u)}" rel="noreferrer">${escapeHtml(u)}</a>`),
  ];
  if (contact.length) about.push(`<span class="contact">${contact.join(' · ')}</span>`);
  const where = byGroup(site, sp.notes, (sn) => sn).map(([g, notes]) => {
    const days = notes.filter((sn) => sn !== g.index).map((sn) => link(from, sn.path, noteLabel(sn)));
    return `<li>${link(from, g.path, g.title)}${days.length ? `: ${days.join(', ')}` : ''}</li>`;
  });
  return `<tr id="${escapeHtml(sp.id)}"><td>${about.join('<br>')}</td><td><ul class="where">${where.join('')}</ul></td></tr>`;
}

/** people.html: everyone met in the exported notes, by name. */
export const peoplePage: PageBuilder = {
  nav: { label: 'People', path: PEOPLE_PAGE },
  prepare: (site) => { site.people(); },
  home: (site): HomeLink => ({ label: 'People met', path: PEOPLE_PAGE, detail: plural(site.people().length, 'person', 'people') }),
  *search(site): Iterable<SearchEntry> {
    for (const sp of site.people()) {
      const p = sp.person;
      yield {
        path: `${PEOPLE_PAGE}#${sp.id}`, title: p.name, day: '', visit: 'People met', tags: p.groups.join('; '),
        text: [...p.aliases, ...p.groups, ...sp.notes.map((sn) => sn.group.title)].join(' '),
      };
    }
  },
  *pages(site) {
    const path = PEOPLE_PAGE;
    const people = site.people();
    const intro = `<p class="meta">${plural(people.length, 'person', 'people')} named next to an e-mail address, a profile URL or in a <code>people</code> front matter key, in the exported notes${site.stripEmails ? '; e-mail addresses left out' : ''}.</p>`;
    const main = people.length
      ? `<table class="list people">\n${people.map((sp) => personRow(path, site, sp)).join('\n')}\n</table>`
      : '<p class="meta">Nobody recorded.</p>';
    yield { path, title: 'People met', main: `<h1>People met</h1>\n${intro}\n${main}` };
  },
};

/** One follow-up: a box for a task, the trigger for a TODO, the line (rendered inline), where it is. */
function followUpItem(from: string, site: SiteModel, f: SiteFollowUp): string {
  const u = f.followUp;
  const mark = u.kind === 'task' ? '<span class="box" aria-label="open task">☐</span> ' : '';
  const where = `<a class="where" href="${relativeHref(from, f.note.path)}">${escapeHtml(`${u.path}:${u.line}`)}</a>`;
  return `<li class="followup ${u.kind}">${mark}${site.inlineHtml(f.note, u.text, from)} <span class="meta">· ${where}</span></li>`;
}

/** follow-ups.html: the open follow-ups, by visit, then by day. */
export const followUpsPage: PageBuilder = {
  nav: { label: 'Follow-ups', path: FOLLOW_UPS_PAGE },
  prepare: (site) => { site.followUps(); },
  home: (site): HomeLink => ({ label: 'Follow-ups', path: FOLLOW_UPS_PAGE, detail: `${plural(site.followUps().length, 'open item', 'open items')}` }),
  *pages(site) {
    const path = FOLLOW_UPS_PAGE;
    const items = site.followUps();
    const parts = [
      '<h1>Follow-ups</h1>',
      `<p class="meta">${plural(items.length, 'open follow-up', 'open follow-ups')}: task items (<code>- [ ]</code>), lines with TODO or FIXME, and lines that defer something (“to come later”, “follow up”, “check into”…).</p>`,
    ];
    if (!items.length) parts.push('<p class="meta">None open.</p>');
    for (const [g, list] of byGroup(site, items, (f) => f.note)) {
      parts.push(`<h2>${link(path, g.path, g.title)}</h2>`);
      const byNote = new Map<SiteNote, SiteFollowUp[]>();
      for (const f of list) byNote.set(f.note, [...(byNote.get(f.note) ?? []), f]);
      for (const [sn, fs] of byNote) {
        parts.push(`<h3>${link(path, sn.path, noteLabel(sn))}</h3>`);
        parts.push(`<ul class="followups">\n${fs.map((f) => followUpItem(path, site, f)).join('\n')}\n</ul>`);
      }
    }
    yield { path, title: 'Follow-ups', main: parts.join('\n') };
  },
};
