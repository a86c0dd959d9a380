// The records officer's desk (Registratur): what is due, four-eyes disposals with the archive transfer,
// legal holds, destruction certificates and the retention schedules on the file plan.
import { api, query } from './api.js';
import { h, clear, field } from './dom.js';
import { t, formatDate } from './i18n.js';
import { link, label, showError, showInfo } from './ui.js';
import { ApiError } from './api.js';

const TABS = ['due', 'disposals', 'holds', 'certificates', 'schedules', 'routing'];

export async function recordsView(view, params) {
  const tab = TABS.includes(params.get('tab')) ? params.get('tab') : 'due';
  const tabs = h('nav', { class: 'tabs', 'aria-label': t('recordsTabs') }, TABS.map((k) => h('a', {
    href: link('/records', { tab: k }), id: 'tab-' + k, 'aria-current': k === tab ? 'page' : null,
  }, t('records_' + k))));
  const body = h('section', { id: 'records-' + tab, 'aria-live': 'polite' });
  clear(view).append(h('h1', {}, t('recordsTitle')), tabs, body);
  await SECTIONS[tab](body, params);
}

/** Runs an action, shows its error in the alert region, and reloads the section on success. */
function acting(action, reload, done) {
  return async (e) => {
    if (e) e.preventDefault();
    try {
      await action();
      // redrawn first, then the message: whoever reads it finds the page already up to date
      await reload();
      if (done) showInfo(done);
    } catch (error) {
      showError(error);
    }
  };
}

function table(columns, rows, id) {
  return h('div', { class: 'table-scroll' }, h('table', { class: 'documents', id },
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, rows)));
}

function schedule(s) {
  if (!s) return t('noSchedule');
  const period = [s.years ? t('years', s.years) : null, s.months ? t('months', s.months) : null]
    .filter(Boolean).join(' ') || t('years', 0);
  const trigger = s.trigger === 'EVENT' ? t('afterEvent', s.event) : label(s.trigger);
  return `${period} ${t('after')} ${trigger} → ${label(s.action)} (${s.legalBasis})`;
}

async function dueSection(body, params) {
  const page = Number(params.get('page') || 0);
  const due = await api('/disposals/due' + query({ page, size: 50 }));
  const reload = () => dueSection(body, params);
  if (!due.items.length) {
    clear(body).append(h('h2', {}, t('dueTitle')), h('p', { id: 'due-empty' }, t('dueEmpty')));
    return;
  }
  const boxes = [];
  const rows = due.items.map((c) => {
    const box = h('input', { type: 'checkbox', value: c.caseFileId, 'aria-label': t('selectNamed', c.fileReference),
      class: 'due-select' });
    boxes.push(box);
    return h('tr', {},
      h('td', {}, box),
      h('td', {}, h('a', { href: link('/case-files/' + c.caseFileId) }, c.fileReference)),
      h('td', {}, c.title), h('td', {}, c.department), h('td', {}, formatDate(c.closedOn)),
      h('td', {}, formatDate(c.disposalDate)), h('td', {}, label(c.action)),
      h('td', {}, c.legalBasis, c.appraisalNote ? h('div', { class: 'muted' }, c.appraisalNote) : null));
  });
  const propose = (action) => acting(async () => {
    const ids = boxes.filter((b) => b.checked).map((b) => Number(b.value));
    if (!ids.length) throw new Error(t('selectSome'));
    await api('/disposals', { method: 'POST', body: { action, caseFileIds: ids } });
  }, reload, t('proposed'));
  clear(body).append(h('h2', {}, t('dueTitle')), h('p', { class: 'muted' }, t('dueHint')),
    table(['', t('caseFile'), t('title'), t('department'), t('closedOn'), t('disposalDate'), t('action'),
      t('legalBasis')], rows, 'due-list'),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'propose-destroy', onclick: propose('DESTROY') }, t('proposeDestroy')),
      h('button', { type: 'button', id: 'propose-transfer', onclick: propose('TRANSFER') }, t('proposeTransfer'))));
}

/** Sends an xdomea message chosen in a file input as the request body. */
async function sendXml(path, input) {
  const file = input.files[0];
  if (!file) throw new Error(t('chooseXml'));
  return api(path, { method: 'POST', form: file, contentType: 'application/xml' });
}

function xmlUpload(id, labelText, path, reload, done) {
  const [l, input] = field(labelText, { type: 'file', accept: '.xml,application/xml,text/xml', id });
  const form = h('form', { class: 'row' }, l, input, h('button', { type: 'submit', id: id + '-send' }, t('send')));
  form.addEventListener('submit', acting(() => sendXml(path, input), reload, done));
  return form;
}

function disposalActions(d, reload) {
  const out = [];
  if (d.state === 'PROPOSED') {
    out.push(h('button', { type: 'button', class: 'approve', onclick: acting(() => api(`/disposals/${d.id}/approve`,
      { method: 'POST' }), reload, t('approved')) }, t('approve')));
    const [rl, reason] = field(t('rejectReason'), { id: 'reject-reason-' + d.id });
    const reject = h('form', { class: 'row' }, rl, reason, h('button', { type: 'submit' }, t('reject')));
    reject.addEventListener('submit', acting(() => api(`/disposals/${d.id}/reject`,
      { method: 'POST', body: { reason: reason.value } }), reload, t('rejected')));
    out.push(reject);
  } else if (d.state === 'APPROVED' && d.action === 'DESTROY') {
    out.push(h('button', { type: 'button', class: 'execute danger', onclick: acting(async () => {
      if (!window.confirm(t('confirmDestroy'))) throw new Error(t('notDestroyed'));
      await api(`/disposals/${d.id}/execute`, { method: 'POST' });
    }, reload, t('destroyed')) }, t('executeDestroy')));
  } else if (d.state === 'APPROVED' && d.action === 'TRANSFER') {
    out.push(h('button', { type: 'button', class: 'offer', onclick: acting(() => api('/transfers',
      { method: 'POST', body: { disposalId: d.id } }), reload, t('offered')) }, t('makeOffer')));
  } else if (d.state === 'OFFERED') {
    out.push(h('a', { href: `/api/transfers/${d.id}/offer`, download: '' }, t('downloadOffer')));
    out.push(xmlUpload('appraisal-' + d.id, t('uploadAppraisal'), `/transfers/${d.id}/appraisal`, reload,
      t('appraisalApplied')));
  } else if (d.state === 'APPRAISED' || d.state === 'TRANSFERRED') {
    out.push(h('a', { href: `/api/transfers/${d.id}/package`, download: '' }, t('downloadPackage')));
    out.push(xmlUpload('confirmation-' + d.id, t('uploadConfirmation'), `/transfers/${d.id}/confirmation`, reload,
      t('confirmationApplied')));
  }
  return out;
}

async function disposalsSection(body, params) {
  const page = Number(params.get('page') || 0);
  const list = await api('/disposals' + query({ page, size: 20 }));
  const reload = () => disposalsSection(body, params);
  const items = list.items.map((d) => h('li', { class: 'disposal', id: 'disposal-' + d.id },
    h('h3', {}, `${t('disposal')} ${d.id}: ${label(d.action)} – `, h('span', { class: 'state' }, label(d.state))),
    h('dl', { class: 'facts' },
      h('dt', {}, t('proposedBy')), h('dd', {}, `${d.proposedBy}, ${formatDate(d.proposedAt)}`),
      d.decidedBy ? [h('dt', {}, t('decidedBy')), h('dd', {}, `${d.decidedBy}, ${formatDate(d.decidedAt)}`
        + (d.decisionReason ? ` – ${d.decisionReason}` : ''))] : null,
      d.executedBy ? [h('dt', {}, t('executedBy')), h('dd', {}, `${d.executedBy}, ${formatDate(d.executedAt)}`)]
        : null,
      d.sentBackReason ? [h('dt', {}, t('sentBack')), h('dd', { class: 'sent-back' },
        `${formatDate(d.sentBackAt)} – ${d.sentBackReason}`)] : null),
    h('ul', {}, d.items.map((i) => h('li', {}, `${i.fileReference} – ${i.title} (${t('disposalDate')} `
      + `${formatDate(i.disposalDate)}${i.appraisal ? ', ' + t('appraisal') + ' ' + i.appraisal : ''})`))),
    disposalActions(d, reload)));
  clear(body).append(h('h2', {}, t('disposalsTitle')), h('p', { class: 'muted' }, t('fourEyes')),
    items.length ? h('ol', { class: 'disposals', id: 'disposal-list' }, items) : h('p', {}, t('noDisposals')));
}

async function caseFileId(value) {
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v);
  const found = await api('/case-files' + query({ reference: v, size: 5 }));
  const exact = found.items.find((c) => c.fileReference === v);
  if (!exact) throw new ApiError(404, null);
  return exact.id;
}

async function holdsSection(body, params) {
  const all = params.get('all') === 'true';
  const holds = await api('/legal-holds' + query({ active: all ? '' : 'true', size: 100 }));
  const reload = () => holdsSection(body, params);
  const me = await api('/users/me');
  // four eyes: one records officer asks to lift a hold with a reason, a second one lifts it (or turns it down)
  const liftCell = (x) => {
    if (!x.active) return `${t('liftedBy')} ${x.liftedBy}, ${formatDate(x.liftedAt)}`
      + (x.liftRequestedBy ? ` (${t('liftRequestedBy')} ${x.liftRequestedBy})` : '');
    if (x.state === 'LIFT_REQUESTED') {
      const asked = h('div', { class: 'muted lift-pending' }, `${t('liftRequestedBy')} ${x.liftRequestedBy}, `
        + `${formatDate(x.liftRequestedAt)}${x.liftReason ? ': ' + x.liftReason : ''}`);
      const withdraw = h('button', { type: 'button', class: 'lift-reject', onclick: acting(() => api(
        `/legal-holds/${x.id}/lift-rejection`, { method: 'POST', body: {} }), reload, t('liftRejected')) },
      x.liftRequestedBy === me.username ? t('liftWithdraw') : t('reject'));
      if (x.liftRequestedBy === me.username) {
        return h('div', {}, asked, h('p', { class: 'muted' }, t('liftAwaitsSecond')), withdraw);
      }
      return h('div', {}, asked, h('button', { type: 'button', class: 'lift-approve', onclick: acting(() => api(
        `/legal-holds/${x.id}/lift-approval`, { method: 'POST' }), reload, t('lifted')) }, t('liftApprove')), withdraw);
    }
    const [rl, why] = field(t('liftReason'), { class: 'lift-reason', required: true });
    return h('div', {}, rl, why, h('button', { type: 'button', class: 'lift', onclick: acting(async () => {
      if (!why.value.trim()) throw new Error(t('liftReasonMissing'));
      await api(`/legal-holds/${x.id}/lift-request`, { method: 'POST', body: { reason: why.value } });
    }, reload, t('liftRequested')) }, t('liftRequest')));
  };
  const rows = holds.map((x) => h('tr', {},
    h('td', {}, x.targetType === 'CASE_FILE'
      ? h('a', { href: link('/case-files/' + x.targetId) }, `${t('caseFile')} ${x.targetId}`)
      : h('a', { href: link('/documents/' + x.targetId) }, `${t('document')} ${x.targetId}`)),
    h('td', {}, x.reason), h('td', {}, x.reference || t('none')), h('td', {}, `${x.placedBy}, ${formatDate(x.placedAt)}`),
    h('td', {}, liftCell(x))));
  const type = h('select', { id: 'hold-type' }, h('option', { value: 'CASE_FILE' }, t('caseFile')),
    h('option', { value: 'DOCUMENT' }, t('document')));
  const [tl, target] = field(t('holdTarget'), { id: 'hold-target', required: true });
  const [rl, reason] = field(t('holdReason'), { id: 'hold-reason', required: true });
  const [fl, reference] = field(t('holdReference'), { id: 'hold-reference' });
  const form = h('form', { class: 'records-form', id: 'hold-form' }, h('label', { for: 'hold-type' }, t('holdOn')), type,
    tl, target, rl, reason, fl, reference, h('button', { type: 'submit' }, t('placeHold')));
  form.addEventListener('submit', acting(async () => {
    const targetId = type.value === 'CASE_FILE' ? await caseFileId(target.value) : Number(target.value);
    await api('/legal-holds', { method: 'POST', body: { targetType: type.value, targetId, reason: reason.value,
      reference: reference.value } });
  }, reload, t('holdPlaced')));
  clear(body).append(h('h2', {}, t('holdsTitle')), h('p', { class: 'muted' }, t('holdsHint')),
    rows.length ? table([t('holdTarget'), t('holdReason'), t('holdReference'), t('placedBy'), ''], rows, 'hold-list')
      : h('p', {}, t('noHolds')),
    h('p', {}, h('a', { href: link('/records', { tab: 'holds', all: all ? '' : 'true' }) },
      all ? t('activeHoldsOnly') : t('allHolds'))),
    h('h3', {}, t('placeHold')), form);
}

async function certificatesSection(body, params) {
  const reference = params.get('reference') || '';
  const certs = await api('/destruction-certificates' + query({ reference, size: 50 }));
  const [fl, filter] = field(t('caseFile'), { id: 'certificate-reference', value: reference });
  const form = h('form', { class: 'row' }, fl, filter, h('button', { type: 'submit' }, t('show')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    location.hash = link('/records', { tab: 'certificates', reference: filter.value });
  });
  const items = certs.map((c) => h('li', { class: 'certificate' },
    h('details', {},
      h('summary', {}, `${c.fileReference} – ${c.title} · ${formatDate(c.destroyedAt)} · ${c.outcome}`),
      h('dl', { class: 'facts' },
        [[t('department'), c.department], [t('disposalDate'), formatDate(c.disposalDate)],
          [t('legalBasis'), c.legalBasis], [t('proposedBy'), c.proposedBy], [t('approvedBy'), c.approvedBy],
          [t('executedBy'), c.executedBy]].map(([k, v]) => [h('dt', {}, k), h('dd', {}, v || t('none'))])),
      table([t('document'), t('version'), t('fileName'), 'SHA-256', t('rendition')], c.versions.map((v) => h('tr', {},
        h('td', {}, v.documentTitle), h('td', {}, String(v.version)), h('td', {}, v.fileName),
        h('td', { class: 'hash' }, v.sha256), h('td', { class: 'hash' }, v.renditionSha256 || t('none'))))))));
  clear(body).append(h('h2', {}, t('certificatesTitle')), form,
    items.length ? h('ul', { class: 'certificates', id: 'certificate-list' }, items) : h('p', {}, t('noCertificates')));
}

function scheduleForm(node, reload) {
  const s = node.retention || {};
  const [yl, years] = field(t('yearsLabel'), { id: 'schedule-years', type: 'number', min: 0, value: s.years ?? 10 });
  const [ml, months] = field(t('monthsLabel'), { id: 'schedule-months', type: 'number', min: 0, max: 11,
    value: s.months ?? 0 });
  const trigger = h('select', { id: 'schedule-trigger' }, ['CASE_FILE_CLOSED', 'DOCUMENT_DATE', 'CREATED', 'EVENT']
    .map((v) => h('option', { value: v, selected: s.trigger === v }, label(v))));
  const [el, event] = field(t('eventName'), { id: 'schedule-event', value: s.event || '' });
  const action = h('select', { id: 'schedule-action' }, ['DESTROY', 'TRANSFER', 'REVIEW']
    .map((v) => h('option', { value: v, selected: s.action === v }, label(v))));
  const [ll, basis] = field(t('legalBasis'), { id: 'schedule-basis', value: s.legalBasis || '', required: true });
  const form = h('form', { class: 'records-form', id: 'schedule-form' },
    h('h3', {}, t('scheduleFor', `${node.code} ${node.title}`)), yl, years, ml, months,
    h('label', { for: 'schedule-trigger' }, t('trigger')), trigger, el, event,
    h('label', { for: 'schedule-action' }, t('action')), action, ll, basis,
    h('div', { class: 'row' }, h('button', { type: 'submit' }, t('save')),
      node.retention ? h('button', { type: 'button', class: 'danger', onclick: acting(() => api(
        `/file-plan/nodes/${node.id}/retention`, { method: 'DELETE' }), reload, t('scheduleRemoved')) },
      t('removeSchedule')) : null));
  form.addEventListener('submit', acting(() => api(`/file-plan/nodes/${node.id}/retention`, { method: 'PUT', body: {
    years: Number(years.value), months: Number(months.value), trigger: trigger.value,
    event: trigger.value === 'EVENT' ? event.value : null, action: action.value, legalBasis: basis.value,
  } }), reload, t('scheduleSaved')));
  return form;
}

async function schedulesSection(body, params) {
  const nodes = await api('/file-plan/nodes');
  const reload = () => schedulesSection(body, params);
  const editing = nodes.find((n) => String(n.id) === params.get('node'));
  const rows = nodes.map((n) => h('tr', {},
    h('td', {}, n.plan), h('td', {}, n.code), h('td', {}, n.title), h('td', {}, n.parentCode || t('none')),
    h('td', {}, n.retention ? schedule(n.retention) : h('span', { class: 'muted' }, t('inherited'))),
    h('td', {}, h('a', { href: link('/records', { tab: 'schedules', node: n.id }) }, t('edit')))));
  clear(body).append(h('h2', {}, t('schedulesTitle')), h('p', { class: 'muted' }, t('schedulesHint')),
    table([t('filePlan'), t('code'), t('title'), t('parent'), t('schedule'), ''], rows, 'node-list'),
    editing ? scheduleForm(editing, reload) : '');
}

// documents automation would not move out of their department: the registry hands them over, or keeps them
async function routingSection(body, params) {
  const page = Number(params.get('page') || 0);
  const open = await api('/routing' + query({ page, size: 50 }));
  const reload = () => routingSection(body, params);
  if (!open.items.length) {
    clear(body).append(h('h2', {}, t('routingTitle')), h('p', { id: 'routing-empty' }, t('routingEmpty')));
    return;
  }
  const rows = open.items.map((r) => {
    const [dl, department] = field(t('department'), { id: 'handover-department-' + r.id, value: r.department,
      required: true });
    const [cl, caseFile] = field(t('caseFile'), { id: 'handover-case-file-' + r.id });
    const [rl, reason] = field(t('handoverReason'), { id: 'handover-reason-' + r.id, required: true, maxlength: 1000 });
    const form = h('form', { class: 'records-form' }, dl, department, cl, caseFile, rl, reason,
      h('button', { type: 'submit' }, t('handOver')));
    form.addEventListener('submit', acting(() => api('/documents/' + r.documentId + '/handover', { method: 'POST',
      body: { department: department.value, caseFile: caseFile.value || null, reason: reason.value } }), reload,
    t('handedOver')));
    return h('tr', {}, h('td', {}, h('a', { href: link('/documents/' + r.documentId) },
      r.documentTitle || `${t('document')} ${r.documentId}`)), h('td', {}, r.department), h('td', {}, label(r.cause)),
    h('td', {}, r.detail), h('td', {}, formatDate(r.createdAt)), h('td', {}, form));
  });
  clear(body).append(h('h2', {}, t('routingTitle')), h('p', { class: 'muted' }, t('routingHint')),
    table([t('document'), t('department'), t('cause'), t('detail'), t('createdAt'), ''], rows, 'routing-list'));
}

const SECTIONS = {
  due: dueSection, disposals: disposalsSection, holds: holdsSection, certificates: certificatesSection,
  schedules: schedulesSection, routing: routingSection,
};

/**
 * The retention panel of a case file: disposal date and action, where the schedule comes from, holds, and zdA
 * (close) or reopen for those who may. onChange redraws what shows the case file's status, else the panel redraws.
 */
export async function retentionPanel(caseFileId, onChange) {
  const panel = h('section', { id: 'retention', class: 'retention' });
  let r;
  try {
    r = await api(`/case-files/${caseFileId}/retention`);
  } catch (error) {
    // the case file itself is shown; a missing retention view must not hide it
    return null;
  }
  const reload = async () => {
    if (onChange) {
      await onChange();
      return;
    }
    const fresh = await retentionPanel(caseFileId, null);
    if (fresh) panel.replaceWith(fresh);
  };
  const closed = r.status === 'CLOSED';
  const [cl, closedOn] = field(t('closedOn'), { id: 'close-date', type: 'date' });
  const close = h('form', { class: 'row' }, cl, closedOn, h('button', { type: 'submit', id: 'close-case' },
    t('closeCase')));
  close.addEventListener('submit', acting(() => api(`/case-files/${caseFileId}/close`,
    { method: 'POST', body: closedOn.value ? { closedOn: closedOn.value } : {} }), reload, t('caseClosed')));
  // reopening is audited with its reason, and sends an approved disposal of the file back for a new decision
  const [rl, reason] = field(t('reopenReason'), { id: 'reopen-reason', required: true, maxlength: 1000 });
  const reopen = h('form', { class: 'row', id: 'reopen-form' }, rl, reason,
    h('button', { type: 'submit', id: 'reopen-case' }, t('reopenCase')));
  reopen.addEventListener('submit', acting(() => api(`/case-files/${caseFileId}/reopen`,
    { method: 'POST', body: { reason: reason.value } }), reload, t('caseReopened')));
  panel.append(h('h2', {}, t('retentionTitle')),
    h('dl', { class: 'facts' },
      h('dt', {}, t('schedule')), h('dd', {}, schedule(r.schedule), r.scheduleFrom
        ? h('span', { class: 'muted' }, ` (${t('scheduleFrom', r.scheduleFrom)})`) : null),
      h('dt', {}, t('disposalDate')), h('dd', { id: 'disposal-date' }, r.disposalDate ? formatDate(r.disposalDate)
        : t('startsWhenClosed')),
      h('dt', {}, t('action')), h('dd', {}, r.action ? label(r.action) : t('none')),
      Object.keys(r.events || {}).length ? [h('dt', {}, t('events')), h('dd', {}, Object.entries(r.events)
        .map(([k, v]) => `${k}: ${formatDate(v)}`).join(', '))] : null,
      r.activeHolds.length ? [h('dt', {}, t('holdsTitle')), h('dd', { class: 'hold' }, t('underHold',
        r.activeHolds.length))] : null,
      r.appraisalNote ? [h('dt', {}, t('appraisal')), h('dd', {}, r.appraisalNote)] : null),
    closed ? reopen : close);
  return panel;
}
