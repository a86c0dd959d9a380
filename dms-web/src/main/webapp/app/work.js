// Where other capabilities meet the clerk: the classification review inbox and import progress.
import { api, query } from './api.js';
import { h, clear, field } from './dom.js';
import { t, formatDate } from './i18n.js';
import { link, label, showError, showInfo } from './ui.js';

export async function inboxView(view, params) {
  const page = Number(params.get('page') || 0);
  const department = params.get('department') || '';
  // who sees several departments (records officers, administrators) picks the inbox of one
  const departments = await api('/departments');
  const select = h('select', { id: 'inbox-department' }, h('option', { value: '' }, t('none')),
    departments.map((d) => h('option', { value: d.code, selected: d.code === department },
      `${d.code} ${d.name}`)));
  const choose = h('form', { class: 'row' }, h('label', { for: 'inbox-department' }, t('department')), select,
    h('button', { type: 'submit' }, t('show')));
  choose.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = link('/inbox', { department: select.value });
  });
  const list = h('section', { id: 'inbox-list' });
  clear(view).append(h('h1', {}, t('inboxTitle')), choose, list);
  let inbox;
  try {
    inbox = await api('/inbox' + query({ department, page, size: 20 }));
  } catch (error) {
    if (error.status === 400 && !department) {
      list.append(h('p', {}, t('chooseDepartment')));
      return;
    }
    throw error;
  }
  const items = inbox.items.map((d) => {
    const p = d.classification || {};
    const proposal = (k) => (p[k] ? p[k].value : '');
    const [tl, type] = field(t('documentType'), { value: d.documentType || proposal('documentType') });
    const [dl, dept] = field(t('department'), { value: proposal('department') || d.department });
    const [cl, caseFile] = field(t('caseFile'), { value: d.caseFile || proposal('caseFile') });
    const form = h('form', { class: 'file-form' }, tl, type, dl, dept, cl, caseFile,
      h('button', { type: 'submit' }, t('file')));
    const item = h('li', { class: 'inbox-item' },
      h('h2', {}, h('a', { href: link('/documents/' + d.id) }, d.title)),
      h('p', { class: 'muted' }, `${formatDate(d.createdAt)} · ${d.department} · ${label(d.status)}`),
      h('ul', { class: 'predictions' }, Object.entries(p).map(([k, v]) => h('li', {},
        `${t(k)}: ${v.value} (${t('confidence')} ${Math.round(v.confidence * 100)} %) – ${v.reason}`))),
      form);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      try {
        await api(`/documents/${d.id}/filing`, { method: 'POST', body: { documentType: type.value,
          department: dept.value, caseFile: caseFile.value } });
        showInfo(t('filed'));
        item.remove();
      } catch (error) {
        showError(error);
      }
    });
    return item;
  });
  list.append(items.length ? h('ol', { class: 'inbox' }, items) : h('p', {}, t('inboxEmpty')));
}

export async function importsView(view, params) {
  const id = params.get('id');
  const [il, input] = field(t('importNumber'), { id: 'import-id', type: 'number', min: 1, value: id || '' });
  const form = h('form', { class: 'row' }, il, input, h('button', { type: 'submit' }, t('show')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = link('/imports', { id: input.value });
  });
  const out = h('section', { id: 'import-progress', 'aria-live': 'polite' });
  const recent = h('section', { id: 'import-list' });
  clear(view).append(h('h1', {}, t('importsTitle')), form, out, recent);
  try {
    const batches = await api('/imports' + query({ size: 20 }));
    recent.append(h('h2', {}, t('recentImports')), batches.length ? h('table', {},
      h('thead', {}, h('tr', {}, [t('importNumber'), t('source'), t('status'), t('done'), t('failed'), t('total'),
        t('createdAt')].map((c) => h('th', { scope: 'col' }, c)))),
      h('tbody', {}, batches.map((b) => h('tr', {},
        h('td', {}, h('a', { href: link('/imports', { id: b.id }) }, String(b.id))), h('td', {}, b.source || b.key),
        h('td', {}, label(b.state)), h('td', {}, String(b.done)), h('td', {}, String(b.failed)),
        h('td', {}, String(b.total)), h('td', {}, formatDate(b.createdAt))))))
      : h('p', { class: 'muted' }, t('noImports')));
  } catch (error) {
    // clerks may not list imports (scanning staff and administrators do): say so instead of failing the page
    recent.append(h('p', { class: 'muted' }, error.userMessage ? error.userMessage() : String(error)));
  }
  if (!id) return;
  const show = async () => {
    const p = await api('/imports/' + encodeURIComponent(id));
    const share = p.total ? Math.round((p.done + p.failed) / p.total * 100) : 0;
    clear(out).append(h('h2', {}, `${p.source || p.key} – ${label(p.state)}`),
      h('progress', { max: 100, value: share, 'aria-label': t('progress') }),
      h('dl', { class: 'facts' },
        [[t('total'), p.total], [t('received'), p.received], [t('done'), p.done], [t('failed'), p.failed],
          [t('pages'), p.pages], [t('remaining'), p.etaSeconds == null ? t('none') : t('seconds', p.etaSeconds)],
          [t('createdAt'), `${formatDate(p.createdAt)} ${t('createdBy')} ${p.createdBy}`]]
          .map(([k, v]) => [h('dt', {}, k), h('dd', {}, String(v))])),
      h('button', { type: 'button', onclick: () => show().catch(showError) }, t('refresh')));
  };
  await show();
}
