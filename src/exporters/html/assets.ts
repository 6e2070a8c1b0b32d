/**
 * The site's static files: the stylesheet (readable, print-friendly, dark
 * mode, phone-sized screens) and the search script. The search runs fuse.js
 * over the index's vocabulary (short strings, where fuse.js is fast and
 * good: ../shared/LIBRARY-NOTES.md), so a misspelt word finds the words it
 * means, then looks those words up in the index's postings. Everything
 * coming from notes is put in the page with textContent, never as HTML.
 */
import { WORD_CLASS } from './search-index.js';

export const STYLE_CSS = `:root {
  color-scheme: light dark;
  --bg: #fdfdfc; --fg: #1d1f21; --muted: #5f6368; --line: #dadce0; --accent: #0b57d0;
  --code-bg: #f1f3f4; --mark: #fff3c4; --tag-bg: #e8f0fe;
}
@media (prefers-color-scheme: dark) {
  :root { --bg: #17181a; --fg: #e3e3e3; --muted: #a0a4a8; --line: #3c4043; --accent: #8ab4f8;
    --code-bg: #24262a; --mark: #4a3f12; --tag-bg: #263246; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
a { color: var(--accent); text-underline-offset: 2px; }
a.missing-link { color: var(--muted); text-decoration: underline dotted; cursor: help; }
.site-header { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem 1.25rem; padding: .6rem 1rem;
  border-bottom: 1px solid var(--line); }
.site-name { font-weight: 700; color: var(--fg); text-decoration: none; }
.site-nav { display: flex; gap: 1rem; flex: 1; }
.site-nav a { text-decoration: none; }
.search input, input[type=search] { font: inherit; padding: .35rem .6rem; border: 1px solid var(--line); border-radius: 6px;
  background: var(--bg); color: var(--fg); width: 16rem; max-width: 100%; }
main { max-width: 48rem; margin: 0 auto; padding: 1rem 1rem 3rem; overflow-wrap: break-word; }
h1 { font-size: 1.8rem; line-height: 1.25; margin: 1rem 0 .25rem; }
h2 { font-size: 1.35rem; margin-top: 2rem; }
h3 { font-size: 1.1rem; }
.meta { color: var(--muted); margin: 0 0 1.5rem; font-size: .95rem; }
.tags { display: inline-flex; flex-wrap: wrap; gap: .3rem; list-style: none; margin: 0; padding: 0; }
.tags a, .tag { display: inline-block; background: var(--tag-bg); border-radius: 999px; padding: 0 .55rem; font-size: .85rem;
  text-decoration: none; }
.crumbs { font-size: .9rem; color: var(--muted); margin-top: 1rem; }
pre, code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .9em; }
code { background: var(--code-bg); padding: .1em .3em; border-radius: 4px; }
pre { background: var(--code-bg); padding: .75rem 1rem; border-radius: 6px; overflow-x: auto; }
pre code { background: none; padding: 0; }
blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 4px solid var(--line); color: var(--muted); }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
th, td { border-bottom: 1px solid var(--line); padding: .35rem .6rem; text-align: left; vertical-align: top; }
.list { width: 100%; display: table; }
.list td.date { white-space: nowrap; color: var(--muted); font-variant-numeric: tabular-nums; width: 1%; }
.list td.tags-cell { width: 35%; }
.shortcode { font-family: ui-monospace, monospace; font-size: .85em; color: var(--muted); border: 1px dashed var(--line);
  border-radius: 4px; padding: 0 .3em; }
.prevnext { display: flex; justify-content: space-between; gap: 1rem; margin-top: 3rem; padding-top: 1rem;
  border-top: 1px solid var(--line); }
.prevnext a { max-width: 48%; }
.prevnext .next { margin-left: auto; text-align: right; }
#notes-results { padding-left: 1.25rem; }
#notes-results li { margin: .4rem 0; }
#notes-results .where { color: var(--muted); font-size: .9rem; }
.search-status { color: var(--muted); font-size: .9rem; }
.home-links { padding-left: 1.25rem; }
.people td:first-child { width: 45%; }
.people .contact { font-size: .9rem; }
ul.where { list-style: none; margin: 0; padding: 0; font-size: .95rem; }
.followups { padding-left: 1.25rem; }
.followups li { margin: .3rem 0; }
.followups li.task { list-style: none; }
.followups .box { display: inline-block; width: 1.25rem; margin-left: -1.25rem; }
.followups .meta { font-size: .85rem; }
.followups a.where { white-space: nowrap; }
.site-footer { max-width: 48rem; margin: 0 auto; padding: 1rem; color: var(--muted); font-size: .85rem;
  border-top: 1px solid var(--line); }
@media (max-width: 600px) {
  body { font-size: 15px; }
  .site-header { padding: .5rem .75rem; }
  .search, .search input { width: 100%; }
  main { padding: .75rem .75rem 2rem; }
  .list td.tags-cell { display: none; }
}
@media print {
  :root { --bg: #fff; --fg: #000; --muted: #444; --line: #bbb; --accent: #000; --code-bg: #f4f4f4; --tag-bg: #eee; }
  .site-header nav, .search, #notes-search, .prevnext, .site-footer { display: none; }
  main { max-width: none; padding: 0; }
  a { text-decoration: none; }
  main a[href^="http"]::after, main a[href^="mailto:"]::after { content: " <" attr(href) ">"; font-size: .85em; color: var(--muted); }
  pre { white-space: pre-wrap; }
  h1, h2, h3 { break-after: avoid; }
  pre, blockquote, tr, .followups li { break-inside: avoid; }
  .followups a.where::after { content: none; }
}
`;

/** Runs in the browser: the search box of index.html (also reads ?q= from other pages' search forms). */
export const SEARCH_JS = `(function () {
  'use strict';
  var index = window.NOTES_SEARCH_INDEX;
  var input = document.getElementById('notes-q');
  var list = document.getElementById('notes-results');
  var status = document.getElementById('notes-search-status');
  if (!input || !list) return;
  if (!index || typeof window.Fuse !== 'function') {
    if (status) status.textContent = 'Search is unavailable: search-index.js or assets/fuse.js did not load.';
    return;
  }
  var words = Object.keys(index.words);
  var fuse = new window.Fuse(words, { includeScore: true, ignoreLocation: true, threshold: 0.4, minMatchCharLength: 2 });
  var cache = Object.create(null);
  function postings(word) {
    var p = cache[word];
    if (p) return p;
    p = [];
    var last = 0;
    var parts = index.words[word].split(',');
    for (var i = 0; i < parts.length; i++) { last += parseInt(parts[i], 36); p.push(last); }
    cache[word] = p;
    return p;
  }
  function terms(q) { return (q.toLowerCase().match(/${WORD_CLASS}+/g) || []).filter(function (w) { return w.length >= 2; }); }
  function search(q) {
    var ts = terms(q);
    if (!ts.length) return [];
    var total = null;
    for (var i = 0; i < ts.length; i++) {
      var t = ts[i];
      var hits = fuse.search(t, { limit: 12 });
      if (index.words[t] !== undefined) hits.unshift({ item: t, score: 0 });
      var scores = Object.create(null);
      var seen = Object.create(null);
      for (var h = 0; h < hits.length; h++) {
        var w = hits[h].item;
        if (seen[w]) continue;
        seen[w] = true;
        var weight = 1 - Math.min(0.99, hits[h].score || 0);
        weight = weight * weight;
        var docs = postings(w);
        for (var d = 0; d < docs.length; d++) {
          var id = docs[d];
          var s = weight * (index.docs[id][5].indexOf(w) !== -1 ? 3 : 1);
          if (!(scores[id] >= s)) scores[id] = s;
        }
      }
      if (total === null) total = scores;
      else {
        var next = Object.create(null);
        for (var k in total) if (scores[k] !== undefined) next[k] = total[k] + scores[k];
        total = next;
      }
    }
    return Object.keys(total).map(function (k) { return { id: +k, score: total[k] }; })
      .sort(function (a, b) { return b.score - a.score || a.id - b.id; });
  }
  function show(q) {
    while (list.firstChild) list.removeChild(list.firstChild);
    var found = q.trim() ? search(q) : [];
    if (status) status.textContent = q.trim() ? (found.length ? found.length + (found.length === 1 ? ' match' : ' matches') : 'Nothing matches') : '';
    for (var i = 0; i < found.length && i < 100; i++) {
      var doc = index.docs[found[i].id];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = doc[0];
      a.textContent = doc[1];
      li.appendChild(a);
      var where = [doc[2], doc[3], doc[4]].filter(Boolean).join(' · ');
      if (where) {
        var span = document.createElement('span');
        span.className = 'where';
        span.textContent = ' — ' + where;
        li.appendChild(span);
      }
      list.appendChild(li);
    }
  }
  var timer = null;
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(function () { show(input.value); }, 120);
  });
  var m = /[?&]q=([^&#]*)/.exec(location.search);
  if (m) {
    try { input.value = decodeURIComponent(m[1].replace(/\\+/g, ' ')); } catch (e) { input.value = m[1]; }
    show(input.value);
  }
})();
`;

/** fuse.js's CommonJS build wrapped as a classic script that defines window.Fuse (module scripts do not load from file://). */
export function fuseScript(cjsSource: string): string {
  return `/* fuse.js, bundled by notes export (Apache License 2.0) */
(function () {
var module = { exports: {} }; var exports = module.exports;
${cjsSource}
window.Fuse = module.exports && module.exports.default ? module.exports.default : module.exports;
})();
`;
}
