// The document viewer: page image with hit boxes and annotations, thumbnails, versions, metadata, editing.
import { api, query } from './api.js';
import { h, clear, field, setStyle } from './dom.js';
import { t, formatDate, formatSize } from './i18n.js';
import { link, label, showError, showInfo } from './ui.js';
import { dropZone } from './upload.js';

const ZOOMS = [100, 150, 200, 300];

export async function documentView(view, id, params, me) {
  const admin = ((me && me.roles) || []).includes('ADMIN');
  const q = params.get('q') || '';
  const [doc, versions, text, annotations] = await Promise.all([
    api('/documents/' + id), api('/documents/' + id + '/versions'), api('/documents/' + id + '/text'),
    api('/documents/' + id + '/annotations')]);
  const pageCount = Math.max(text.pages.length, 1);
  const page = Math.min(Math.max(Number(params.get('page')) || 1, 1), pageCount);
  const state = { id, q, page, pageCount, zoom: Number(sessionStorage.getItem('akte.zoom')) || 100, doc, annotations };

  const goTo = (n) => {
    location.hash = link('/documents/' + id, { q: q || undefined, page: n });
  };

  const pager = h('nav', { class: 'page-nav', 'aria-label': t('pages') },
    h('button', { type: 'button', disabled: page <= 1, onclick: () => goTo(page - 1), id: 'prev-page' }, t('previous')),
    h('span', { id: 'page-indicator' }, t('pageImage', page, pageCount)),
    h('button', { type: 'button', disabled: page >= pageCount, onclick: () => goTo(page + 1), id: 'next-page' },
      t('next')),
    h('button', { type: 'button', onclick: () => zoom(-1), 'aria-label': t('zoomOut') }, '−'),
    h('button', { type: 'button', onclick: () => zoom(0), id: 'fit-width' }, t('fitWidth')),
    h('button', { type: 'button', onclick: () => zoom(1), 'aria-label': t('zoomIn') }, '+'));

  const image = h('img', { id: 'page-image', alt: t('pageImage', page, pageCount),
    src: `/api/documents/${id}/pages/${page}/image?width=1400` });
  const overlay = h('div', { class: 'overlay', id: 'page-overlay' });
  const pageBox = h('div', { class: 'page', id: 'page-box' }, image, overlay);
  const scroller = h('div', { class: 'page-scroller' }, pageBox);
  const hitInfo = h('p', { class: 'hit-info', id: 'hit-info', 'aria-live': 'polite' });
  const zoom = (step) => {
    const i = ZOOMS.indexOf(state.zoom);
    state.zoom = step === 0 ? 100 : ZOOMS[Math.min(Math.max(i + step, 0), ZOOMS.length - 1)];
    sessionStorage.setItem('akte.zoom', String(state.zoom));
    pageBox.style.width = state.zoom + '%';
  };
  pageBox.style.width = state.zoom + '%';

  const thumbs = h('nav', { class: 'thumbs', 'aria-label': t('thumbnails') },
    h('ol', {}, Array.from({ length: pageCount }, (_, i) => h('li', {},
      h('a', { href: link('/documents/' + id, { q: q || undefined, page: i + 1 }),
        'aria-current': i + 1 === page ? 'page' : null, 'aria-label': t('onPage', i + 1) },
      h('img', { src: `/api/documents/${id}/pages/${i + 1}/image?width=160`, alt: '', loading: 'lazy' }))))));

  const notesPanel = h('section', { class: 'panel', id: 'annotations' });
  const side = h('div', { class: 'side' }, notesPanel, metadataPanel(doc), editPanel(doc),
    versionsPanel(id, versions, admin), newVersionPanel(id, admin));
  const main = h('div', { class: 'viewer-main' }, pager, hitInfo, scroller);
  clear(view).append(
    h('p', { class: 'breadcrumb' }, doc.caseFile ? h('a', { href: doc.caseFileId ? link('/case-files/' + doc.caseFileId)
      : link('/case-file', { reference: doc.caseFile }) }, doc.caseFile) : null,
    q ? [' · ', h('a', { href: link('/search', { q }) }, t('hitsFor', q))] : null),
    h('h1', { id: 'doc-title' }, doc.title),
    h('div', { class: 'viewer' }, thumbs, main, side));

  const drawing = setupDrawing(overlay, state, () => renderNotes(notesPanel, overlay, state, drawing));
  renderNotes(notesPanel, overlay, state, drawing);
  if (q && text.pages.length) {
    try {
      const hits = await api(`/documents/${id}/pages/${page}/hits` + query({ q }));
      hits.boxes.forEach((b) => overlay.appendChild(h('div', { class: 'hit-box', title: b.text,
        style: box(b.relX, b.relY, b.relWidth, b.relHeight) })));
      hitInfo.textContent = t('hits', hits.boxes.length);
    } catch (error) {
      showError(error);
    }
  }
}

function box(x, y, w, hgt) {
  return `left:${x * 100}%;top:${y * 100}%;width:${w * 100}%;height:${hgt * 100}%`;
}

// Mouse or touch drag on the page marks a rectangle for a highlight (the form also works without one, as a note).
function setupDrawing(overlay, state, changed) {
  const drawing = { active: false, area: null, onArea: null };
  let start = null;
  let ghost = null;
  const rel = (e) => {
    const r = overlay.getBoundingClientRect();
    return { x: Math.min(Math.max((e.clientX - r.left) / r.width, 0), 1),
      y: Math.min(Math.max((e.clientY - r.top) / r.height, 0), 1) };
  };
  overlay.addEventListener('pointerdown', (e) => {
    if (!drawing.active) return;
    e.preventDefault();
    start = rel(e);
    ghost = h('div', { class: 'draft-box' });
    overlay.appendChild(ghost);
    overlay.setPointerCapture(e.pointerId);
  });
  overlay.addEventListener('pointermove', (e) => {
    if (!start) return;
    const p = rel(e);
    setStyle(ghost, box(Math.min(start.x, p.x), Math.min(start.y, p.y), Math.abs(p.x - start.x),
      Math.abs(p.y - start.y)));
  });
  overlay.addEventListener('pointerup', (e) => {
    if (!start) return;
    const p = rel(e);
    const area = { x: Math.min(start.x, p.x), y: Math.min(start.y, p.y), width: Math.abs(p.x - start.x),
      height: Math.abs(p.y - start.y) };
    start = null;
    if (area.width > 0.005 && area.height > 0.005) {
      drawing.area = area;
      drawing.active = false;
      overlay.classList.remove('drawing');
      if (drawing.onArea) drawing.onArea(area);
    } else {
      ghost.remove();
    }
  });
  // the keyboard way: a box appears on the page, arrows move it, Shift+arrows size it, Enter takes it
  let keyArea = null;
  const clamp = (v, min, max) => Math.min(Math.max(v, min), max);
  const showGhost = (a) => {
    if (!ghost || !ghost.isConnected) {
      ghost = h('div', { class: 'draft-box' });
      overlay.appendChild(ghost);
    }
    setStyle(ghost, box(a.x, a.y, a.width, a.height));
  };
  const endKeys = () => {
    keyArea = null;
    overlay.removeAttribute('tabindex');
    overlay.removeAttribute('role');
    overlay.removeAttribute('aria-label');
  };
  overlay.addEventListener('keydown', (e) => {
    if (!drawing.active || !keyArea) return;
    const step = 0.01;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
    if (moves[e.key]) {
      e.preventDefault();
      const [dx, dy] = moves[e.key];
      if (e.shiftKey) {
        keyArea.width = clamp(keyArea.width + dx, 0.01, 1 - keyArea.x);
        keyArea.height = clamp(keyArea.height + dy, 0.01, 1 - keyArea.y);
      } else {
        keyArea.x = clamp(keyArea.x + dx, 0, 1 - keyArea.width);
        keyArea.y = clamp(keyArea.y + dy, 0, 1 - keyArea.height);
      }
      showGhost(keyArea);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      drawing.area = { ...keyArea };
      drawing.active = false;
      endKeys();
      overlay.classList.remove('drawing');
      if (drawing.onArea) drawing.onArea(drawing.area);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      drawing.reset();
    }
  });
  drawing.start = () => {
    drawing.active = true;
    overlay.classList.add('drawing');
  };
  drawing.startWithKeys = () => {
    drawing.start();
    keyArea = { x: 0.25, y: 0.25, width: 0.5, height: 0.08 };
    overlay.setAttribute('tabindex', '0');
    overlay.setAttribute('role', 'application');
    overlay.setAttribute('aria-label', t('markAreaKeys'));
    showGhost(keyArea);
    overlay.focus();
  };
  drawing.reset = () => {
    drawing.active = false;
    drawing.area = null;
    endKeys();
    overlay.classList.remove('drawing');
    overlay.querySelectorAll('.draft-box').forEach((b) => b.remove());
    changed();
  };
  return drawing;
}

function renderNotes(panel, overlay, state, drawing) {
  overlay.querySelectorAll('.note-box').forEach((b) => b.remove());
  const onPage = state.annotations.filter((a) => a.page === state.page);
  onPage.filter((a) => a.area).forEach((a) => overlay.appendChild(h('div', {
    class: 'note-box ' + a.kind.toLowerCase(), title: a.text || t('highlight'),
    style: box(a.area.x, a.area.y, a.area.width, a.area.height) })));

  const reload = async () => {
    state.annotations = await api(`/documents/${state.id}/annotations`);
    drawing.reset();
  };
  const list = h('ul', { class: 'notes', id: 'note-list' }, onPage.map((a) => {
    const item = h('li', { class: 'note' },
      h('p', { class: 'note-text' }, a.text || t('highlight')),
      h('p', { class: 'muted' }, `${a.kind === 'HIGHLIGHT' ? t('highlight') : t('note')} · ${t('by', a.author)} · `
        + formatDate(a.updatedAt)));
    if (a.own) {
      item.appendChild(h('div', { class: 'row' },
        h('button', { type: 'button', class: 'link', onclick: () => {
          const [l, input] = field(t('editNote'), { tag: 'textarea', rows: 3 });
          input.value = a.text || '';
          const form = h('form', {}, l, input, h('button', { type: 'submit' }, t('save')));
          form.addEventListener('submit', async (e) => {
            e.preventDefault();
            try {
              await api(`/documents/${state.id}/annotations/${a.id}`, { method: 'PUT',
                body: { text: input.value, area: a.area } });
              await reload();
            } catch (error) {
              showError(error);
            }
          });
          item.appendChild(form);
          input.focus();
        } }, t('edit')),
        h('button', { type: 'button', class: 'link', onclick: async () => {
          try {
            await api(`/documents/${state.id}/annotations/${a.id}`, { method: 'DELETE' });
            await reload();
          } catch (error) {
            showError(error);
          }
        } }, t('delete'))));
    }
    return item;
  }));

  const [textLabel, text] = field(t('noteText'), { tag: 'textarea', id: 'note-text', rows: 3, maxlength: 4000 });
  const areaState = h('span', { class: 'muted', id: 'area-state', 'aria-live': 'polite' },
    drawing.area ? t('areaMarked') : '');
  const markButton = h('button', { type: 'button', id: 'mark-area', onclick: (e) => {
    // a click from the keyboard (Enter, Space) has no pointer position: draw with the keys then
    if (e.detail === 0) {
      drawing.startWithKeys();
      areaState.textContent = t('markAreaKeys');
    } else {
      drawing.start();
      areaState.textContent = t('markAreaHint');
    }
  } }, t('markArea'));
  drawing.onArea = () => {
    areaState.textContent = t('areaMarked');
  };
  const form = h('form', { id: 'note-form' }, h('h3', {}, t('addNote')), textLabel, text,
    h('div', { class: 'row' }, markButton, areaState),
    h('div', { class: 'row' }, h('button', { type: 'submit', id: 'note-submit' }, t('save')),
      h('button', { type: 'button', onclick: () => drawing.reset() }, t('cancel'))));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const body = { page: state.page, kind: drawing.area && !text.value.trim() ? 'HIGHLIGHT'
      : (drawing.area ? 'HIGHLIGHT' : 'NOTE'), text: text.value, area: drawing.area };
    try {
      await api(`/documents/${state.id}/annotations`, { method: 'POST', body });
      await reload();
    } catch (error) {
      showError(error);
    }
  });
  clear(panel).append(h('h2', {}, t('annotations')), onPage.length ? list : h('p', { class: 'muted' },
    t('noAnnotations')), form);
}

function metadataPanel(doc) {
  const rows = [
    [t('status'), label(doc.status) + (doc.statusReason ? ` (${doc.statusReason})` : '')],
    [t('department'), doc.department], [t('caseFile'), doc.caseFile || t('none')],
    [t('documentType'), doc.documentType || t('none')], [t('date'), formatDate(doc.documentDate)],
    [t('version'), String(doc.currentVersion)], [t('state'), label(doc.filingState)],
    ...(doc.routingNote ? [[t('routing'), t('routingAsked')]] : []),
    [t('createdAt'), `${formatDate(doc.createdAt)} ${t('createdBy')} ${doc.createdBy}`],
    ...Object.entries(doc.metadata || {}).map(([k, v]) => [k, v]),
  ];
  const fields = (doc.fields || []).map((f) => h('li', {}, `${f.kind}: ${f.value} (${t('onPage', f.page)})`));
  return h('section', { class: 'panel', id: 'metadata' }, h('h2', {}, t('metadata')),
    h('dl', { class: 'facts' }, rows.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    fields.length ? [h('h3', {}, t('fields')), h('ul', {}, fields)] : null);
}

function editPanel(doc) {
  const [tl, title] = field(t('title'), { id: 'edit-title', value: doc.title, maxlength: 500, required: true });
  const [yl, type] = field(t('documentType'), { id: 'edit-type', value: doc.documentType || '' });
  const [cl, caseFile] = field(t('caseFile'), { id: 'edit-case-file', value: doc.caseFile || '' });
  const form = h('form', { id: 'edit-form' }, tl, title, yl, type, cl, caseFile,
    h('button', { type: 'submit' }, t('save')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      await api('/documents/' + doc.id, { method: 'PATCH', body: { title: title.value, documentType: type.value,
        caseFile: caseFile.value } });
      showInfo(t('changesSaved'));
      document.getElementById('doc-title').textContent = title.value;
    } catch (error) {
      showError(error);
    }
  });
  return h('details', { class: 'panel' }, h('summary', {}, t('editTitle')), form);
}

// versions whose bytes the server withholds: not yet scanned, malware found, or not scannable
const WITHHELD = ['PENDING', 'INFECTED', 'UNSCANNABLE'];

function downloads(id, v, admin) {
  if (!WITHHELD.includes(v.malwareScan)) {
    return [h('a', { href: `/api/documents/${id}/versions/${v.version}/content`, download: v.fileName,
      class: 'download-original' }, t('original')), ' · ',
    v.renditionAvailable ? h('a', { href: `/api/documents/${id}/versions/${v.version}/rendition`,
      class: 'download-rendition' }, t('rendition')) : h('span', { class: 'muted' }, `${t('rendition')}: ${t('notYet')}`)];
  }
  const note = h('span', { class: 'withheld' }, t('scan' + v.malwareScan));
  if (!admin) {
    return note;
  }
  // only administrators get withheld bytes, and only after saying they know what they are opening (audited)
  const anyway = h('button', { type: 'button', class: 'download-withheld' }, t('downloadAnyway'));
  anyway.addEventListener('click', () => {
    if (window.confirm(t('confirmWithheld', v.fileName, t('scan' + v.malwareScan)))) {
      location.href = `/api/documents/${id}/versions/${v.version}/content?confirmQuarantined=true`;
    }
  });
  return [note, ' ', anyway];
}

function versionsPanel(id, versions, admin) {
  return h('section', { class: 'panel', id: 'versions' }, h('h2', {}, t('versions')),
    h('table', {}, h('thead', {}, h('tr', {}, [t('version'), t('createdAt'), t('fileName'), t('size'), t('download')]
      .map((c) => h('th', { scope: 'col' }, c)))),
    h('tbody', {}, versions.slice().reverse().map((v) => h('tr', {},
      h('td', {}, String(v.version)), h('td', {}, `${formatDate(v.createdAt)} ${t('createdBy')} ${v.createdBy}`),
      h('td', {}, v.fileName), h('td', {}, formatSize(v.size)),
      h('td', {}, downloads(id, v, admin)))))));
}

function newVersionPanel(id, admin) {
  return dropZone({ title: t('newVersion'), path: `/documents/${id}/versions`, multiple: false, id: 'version-upload',
    makeForm: (file) => {
      const form = new FormData();
      form.append('file', file);
      return form;
    },
    onDone: async () => {
      const versions = await api(`/documents/${id}/versions`);
      document.getElementById('versions').replaceWith(versionsPanel(id, versions, admin));
    } });
}
