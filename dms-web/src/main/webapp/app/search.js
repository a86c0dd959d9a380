// Search first: one box, hits with highlighted snippets, facets, date filters, paging, saved searches.
import { api, query } from './api.js';
import { h, clear, field, snippet } from './dom.js';
import { t, formatDate } from './i18n.js';
import { link, showError, showInfo } from './ui.js';

const SIZE = 20;
const FILTERS = ['department', 'documentType', 'year', 'caseFile', 'from', 'to'];

function searchParams(params) {
  const p = {};
  ['q', ...FILTERS, 'page'].forEach((k) => {
    if (params.get(k)) p[k] = params.get(k);
  });
  return p;
}

function apiQuery(p) {
  const out = { q: p.q, department: p.department, documentType: p.documentType, caseFile: p.caseFile,
    from: p.from, to: p.to, page: p.page || 0, size: SIZE };
  if (p.year) {
    out.from = out.from || `${p.year}-01-01`;
    out.to = out.to || `${p.year}-12-31`;
  }
  return out;
}

export async function searchView(view, params) {
  const p = searchParams(params);
  const [qLabel, q] = field(t('searchLabel'), { id: 'search-q', type: 'search', name: 'q', value: p.q || '',
    placeholder: t('searchPlaceholder') });
  const form = h('form', { class: 'search-box', role: 'search', id: 'search-form' }, qLabel,
    h('div', { class: 'row' }, q, h('button', { type: 'submit', id: 'search-submit' }, t('searchButton'))));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = { ...p, q: q.value.trim() };
    delete next.page;
    location.hash = link('/search', next);
  });
  const results = h('section', { class: 'results', 'aria-live': 'polite', id: 'results' });
  const side = h('aside', { class: 'facets', id: 'facets' });
  const layout = h('div', { class: 'search-layout' }, side, results);
  clear(view).append(form, layout);
  q.focus();

  const saved = h('section', { class: 'saved', id: 'saved-searches' });
  const active = Object.keys(p).some((k) => k !== 'page');
  if (active) {
    const result = await api('/search' + query(apiQuery(p)));
    renderResults(results, result, p);
    renderFacets(side, result, p);
  }
  side.appendChild(saved);
  await renderSaved(saved, p, active);
}

function renderResults(container, result, p) {
  container.appendChild(h('h2', { id: 'result-count' }, t('results', result.total)));
  if (result.total === 0) {
    container.appendChild(h('p', {}, t('noResults')));
    return;
  }
  const list = h('ol', { class: 'hits', start: (Number(p.page || 0) * SIZE) + 1 });
  for (const hit of result.items) {
    const docParams = { q: p.q, page: hit.pages && hit.pages.length ? hit.pages[0] : undefined };
    list.appendChild(h('li', { class: 'hit' },
      h('h3', {}, h('a', { href: link('/documents/' + hit.documentId, docParams), class: 'hit-title' },
        hit.title || ('#' + hit.documentId))),
      h('p', { class: 'hit-meta' },
        hit.caseFile ? [t('caseFile'), ': ', h('a', { href: link('/case-file', { reference: hit.caseFile }) },
          hit.caseFile), ' · '] : null,
        t('department'), ': ', hit.department, ' · ', t('date'), ': ', formatDate(hit.date),
        hit.documentType ? [' · ', hit.documentType] : null,
        hit.pages && hit.pages.length ? [' · ', t('pages'), ': ', hit.pages.join(', ')] : null),
      hit.snippets.map((s) => h('p', { class: 'snippet' }, snippet(s)))));
  }
  container.appendChild(list);
  const page = Number(p.page || 0);
  const pages = Math.ceil(result.total / SIZE);
  if (pages > 1) {
    container.appendChild(h('nav', { class: 'pager', 'aria-label': t('pages') },
      page > 0 ? h('a', { href: link('/search', { ...p, page: page - 1 }), rel: 'prev' }, t('previous')) : null,
      h('span', {}, t('pageOf', page + 1, pages)),
      page + 1 < pages ? h('a', { href: link('/search', { ...p, page: page + 1 }), rel: 'next' }, t('next')) : null));
  }
}

function renderFacets(side, result, p) {
  const chips = FILTERS.filter((k) => p[k]).map((k) => {
    const next = { ...p };
    delete next[k];
    delete next.page;
    return h('li', {}, h('a', { href: link('/search', next), class: 'chip', 'aria-label': t('removeFilter', `${t(k)} ${p[k]}`) },
      `${t(k)}: ${p[k]} ✕`));
  });
  if (chips.length) side.append(h('h2', {}, t('filters')), h('ul', { class: 'chips' }, chips));
  for (const facet of ['department', 'documentType', 'year']) {
    const counts = result.facets[facet] || {};
    const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    if (!entries.length) continue;
    side.appendChild(h('h2', {}, t(facet)));
    side.appendChild(h('ul', { class: 'facet', id: 'facet-' + facet }, entries.map(([value, count]) => {
      const next = { ...p, [facet]: value };
      delete next.page;
      return h('li', {}, h('a', { href: link('/search', next), 'aria-current': p[facet] === value ? 'true' : null },
        `${value} (${count})`));
    })));
  }
  const [fromLabel, from] = field(t('from'), { id: 'filter-from', type: 'date', value: p.from || '' });
  const [toLabel, to] = field(t('to'), { id: 'filter-to', type: 'date', value: p.to || '' });
  const dates = h('form', { class: 'dates' }, fromLabel, from, toLabel, to,
    h('button', { type: 'submit' }, t('applyDates')));
  dates.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = { ...p, from: from.value, to: to.value };
    delete next.page;
    location.hash = link('/search', next);
  });
  side.appendChild(h('h2', {}, t('date')));
  side.appendChild(dates);
}

async function renderSaved(section, p, active) {
  clear(section).appendChild(h('h2', {}, t('savedSearches')));
  const mine = await api('/saved-searches');
  if (!mine.length) section.appendChild(h('p', { class: 'muted' }, t('noSaved')));
  section.appendChild(h('ul', { class: 'saved-list' }, mine.map((s) => h('li', {},
    h('a', { href: '#/search?' + s.query }, s.name), ' ',
    h('button', { type: 'button', class: 'link', 'aria-label': t('deleteNamed', s.name), onclick: async () => {
      try {
        await api('/saved-searches/' + s.id, { method: 'DELETE' });
        await renderSaved(section, p, active);
      } catch (error) {
        showError(error);
      }
    } }, t('delete'))))));
  if (active) {
    const [nameLabel, name] = field(t('saveName'), { id: 'saved-name', required: true, maxlength: 200,
      value: p.q || '' });
    const form = h('form', { id: 'save-search' }, nameLabel, name, h('button', { type: 'submit' }, t('saveSearch')));
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const keep = { ...p };
      delete keep.page;
      try {
        await api('/saved-searches', { method: 'POST', body: { name: name.value, query: new URLSearchParams(keep).toString() } });
        showInfo(t('saved'));
        await renderSaved(section, p, active);
      } catch (error) {
        showError(error);
      }
    });
    section.appendChild(form);
  }
}
