// The case file on one screen: file plan path, status and dates, processes with their documents, upload.
import { api, query } from './api.js';
import { h, clear } from './dom.js';
import { t, formatDate } from './i18n.js';
import { link, label } from './ui.js';
import { dropZone } from './upload.js';
import { ApiError } from './api.js';
import { retentionPanel } from './records.js';

export async function caseFileByReference(view, reference) {
  const found = await api('/case-files' + query({ reference: reference || '', size: 20 }));
  const exact = found.items.find((c) => c.fileReference === reference) || found.items[0];
  if (!exact) throw new ApiError(404, null);
  location.replace(link('/case-files/' + exact.id));
}

function documentTable(documents) {
  if (!documents.length) return h('p', { class: 'muted' }, t('none'));
  return h('table', { class: 'documents' },
    h('thead', {}, h('tr', {}, [t('title'), t('documentType'), t('date'), t('version'), t('state')]
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, documents.map((d) => h('tr', {},
      h('td', {}, h('a', { href: link('/documents/' + d.id), class: 'doc-link' }, d.title)),
      h('td', {}, d.documentType || t('none')),
      h('td', {}, formatDate(d.documentDate || d.createdAt)),
      h('td', {}, String(d.currentVersion)),
      h('td', {}, label(d.status), d.filingState ? [' · ', label(d.filingState)] : null)))));
}

export async function caseFileView(view, id) {
  const details = await api('/case-files/' + id);
  const c = details.caseFile;
  const open = !c.closedOn;
  const crumbs = h('nav', { class: 'breadcrumb', 'aria-label': t('filePlan') },
    h('ol', {}, details.filePlanPath.map((u) => h('li', {}, `${u.code} ${u.title}`)),
      h('li', { 'aria-current': 'page' }, c.fileReference)));
  const header = h('header', { class: 'case-head' },
    h('h1', { id: 'case-title' }, `${c.fileReference} – ${c.title}`),
    h('dl', { class: 'facts' },
      h('dt', {}, t('department')), h('dd', {}, c.department),
      h('dt', {}, t('status')), h('dd', { id: 'case-status', class: open ? 'open' : 'closed' }, open ? t('open') : t('closed')),
      h('dt', {}, t('openedOn')), h('dd', {}, formatDate(c.openedOn)),
      h('dt', {}, t('closedOn')), h('dd', {}, formatDate(c.closedOn))));
  const processes = h('section', { class: 'processes', id: 'processes' }, h('h2', {}, t('processes')),
    details.processes.map((p) => h('section', { class: 'process' },
      h('h3', {}, p.title, ' ', h('span', { class: 'muted' }, formatDate(p.createdAt))), documentTable(p.documents))));
  const loose = h('section', { id: 'loose-documents' });
  const fillLoose = (d) => clear(loose).append(h('h2', {}, d.processes.length ? t('looseDocuments') : t('documents')),
    documentTable(d.documents));
  fillLoose(details);
  const uploadZone = open ? dropZone({
    title: t('uploadTitle'), path: '/documents', multiple: true, id: 'case-upload',
    makeForm: (file) => {
      const form = new FormData();
      form.append('file', file);
      form.append('caseFile', c.fileReference);
      form.append('title', file.name.replace(/\.[^.]*$/, ''));
      return form;
    },
    onDone: async () => {
      fillLoose(await api('/case-files/' + id));
    },
  }) : null;
  const retention = await retentionPanel(id, () => caseFileView(view, id));
  clear(view).append(crumbs, header, retention || '', processes, loose, uploadZone || '');
  view.focus();
}
