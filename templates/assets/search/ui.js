// Search page behaviour for templates/partials/search-ui.ftlh. Everything from the index or the
// query is inserted as text (textContent, createElement); nothing is parsed as HTML.
import { search } from './client.js';

const PAGE = 10;
const DEBOUNCE_MS = 200;

const root = document.querySelector('[data-search]');
if (root) init(root);

function init(root) {
  const form = root.querySelector('[data-search-form]');
  const input = root.querySelector('[data-search-input]');
  const status = root.querySelector('[data-search-status]');
  const list = root.querySelector('[data-search-results]');
  const more = root.querySelector('[data-search-more]');
  const empty = root.querySelector('[data-search-empty]'); // optional: a theme may leave it out
  const emptyFilters = empty?.querySelector('[data-search-empty-filters]');
  const filterBox = root.querySelector('[data-search-filters]');
  const selects = [...root.querySelectorAll('[data-search-filter]')];
  const facetKey = { section: 'sections', type: 'types', tag: 'tags' };

  let timer = 0;
  let seq = 0;
  let offset = 0;
  let lastQuery = '';

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';
  for (const s of selects) {
    const v = params.get(s.name);
    if (v) { addOption(s, v, v); s.value = v; }
  }

  const filters = () => {
    const f = {};
    for (const s of selects) if (s.value) f[s.dataset.searchFilter] = s.value;
    return f;
  };

  function updateUrl() {
    const p = new URLSearchParams();
    if (input.value) p.set('q', input.value);
    for (const s of selects) if (s.value) p.set(s.name, s.value);
    const qs = p.toString();
    history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
  }

  async function run(append) {
    const query = input.value;
    const mine = ++seq;
    if (!append) offset = 0;
    updateUrl();
    if (!query.trim()) {
      list.replaceChildren();
      more.hidden = true;
      status.textContent = '';
      showEmpty(false);
      return;
    }
    let res;
    try {
      res = await search(query, { limit: PAGE, offset, filters: filters() });
    } catch {
      if (mine === seq) {
        status.textContent = 'Search is not available right now. Please try again later.';
        showEmpty(false);
      }
      return;
    }
    if (mine !== seq) return;
    lastQuery = query;
    if (!append) list.replaceChildren();
    for (const r of res.results) list.append(renderResult(r));
    offset += res.results.length;
    more.hidden = offset >= res.total;
    status.textContent = describe(res, query);
    showEmpty(res.total === 0);
    if (!append) refreshFacets(query, mine);
  }

  // What to try when nothing matches (the hint's filter sentence only when a filter is set).
  function showEmpty(shown) {
    if (!empty) return;
    empty.hidden = !shown;
    if (emptyFilters) emptyFilters.hidden = !selects.some((s) => s.value);
  }

  async function refreshFacets(query, mine) {
    let res;
    try {
      res = await search(query, { limit: 0, filters: filters(), facets: true });
    } catch {
      return;
    }
    if (mine !== seq || !res.facets) return;
    for (const s of selects) {
      const counts = res.facets[facetKey[s.dataset.searchFilter]] ?? {};
      const current = s.value;
      while (s.options.length > 1) s.remove(1);
      for (const [name, n] of Object.entries(counts)) {
        if (name) addOption(s, name, `${name} (${n})`);
      }
      if (current && ![...s.options].some((o) => o.value === current)) addOption(s, current, `${current} (0)`);
      s.value = current;
    }
    filterBox.hidden = selects.every((s) => s.options.length <= 1);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => run(false), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    clearTimeout(timer);
    run(false);
  });
  for (const s of selects) s.addEventListener('change', () => run(false));
  more.addEventListener('click', () => {
    const first = list.children.length;
    run(true).then(() => list.children[first]?.querySelector('a')?.focus());
  });

  // Keyboard: arrow down from the box goes to the results, arrows move between them,
  // Escape clears the box (or goes back to it from a result).
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' && list.firstElementChild) {
      e.preventDefault();
      list.querySelector('a')?.focus();
    } else if (e.key === 'Escape' && input.value) {
      input.value = '';
      run(false);
    }
  });
  list.addEventListener('keydown', (e) => {
    const links = [...list.querySelectorAll('a.search-result-link')];
    const i = links.indexOf(document.activeElement);
    if (i < 0) return;
    if (e.key === 'ArrowDown' && i + 1 < links.length) { e.preventDefault(); links[i + 1].focus(); }
    else if (e.key === 'ArrowUp') { e.preventDefault(); (i > 0 ? links[i - 1] : input).focus(); }
    else if (e.key === 'Escape') { e.preventDefault(); input.focus(); }
  });

  if (input.value) run(false);
}

function addOption(select, value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label;
  select.append(o);
}

function describe(res, query) {
  const q = `“${query.trim()}”`;
  if (res.total === 0) return `No results for ${q}.`;
  const n = res.total === 1 ? '1 result' : `${res.total} results`;
  if (res.fallback === 'any') return `No page has every word of ${q}. ${n} with some of the words.`;
  return `${n} for ${q}.`;
}

function el(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

function renderResult(r) {
  const li = el('li', 'search-result');
  const h = el('h2', 'search-result-title');
  const a = el('a', 'search-result-link', r.title);
  a.href = r.anchor ? `${r.url}#${encodeURIComponent(r.anchor)}` : r.url;
  h.append(a);
  li.append(h);
  const meta = el('p', 'search-result-meta');
  if (r.date) {
    const t = el('time', '', formatDate(r.date));
    t.dateTime = r.date;
    meta.append(t);
  }
  if (r.tags && r.tags.length) {
    if (r.date) meta.append(' · ');
    meta.append(el('span', 'search-result-tags', r.tags.join(', ')));
  }
  if (meta.childNodes.length) li.append(meta);
  if (r.contentNote) {
    const note = el('p', 'search-result-note');
    note.append(el('strong', '', 'Content note: '), r.contentNote);
    li.append(note);
  }
  const excerpt = el('p', 'search-result-excerpt');
  appendMarked(excerpt, r.excerptHtml || '');
  if (!excerpt.childNodes.length && r.summary) excerpt.textContent = r.summary;
  li.append(excerpt);
  return li;
}

function formatDate(iso) {
  const d = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(document.documentElement.lang || undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
}

// The client's excerptHtml is escaped text with <mark> around matches. Rebuild it as DOM nodes
// without an HTML parser: only <mark>, </mark> and the five entities the client writes exist.
const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
function appendMarked(parent, html) {
  const unescape = (s) => s.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]);
  const parts = html.split(/(<mark>|<\/mark>)/);
  let mark = null;
  for (const part of parts) {
    if (part === '<mark>') { mark = el('mark'); parent.append(mark); }
    else if (part === '</mark>') mark = null;
    else if (part) (mark ?? parent).append(unescape(part));
  }
}
