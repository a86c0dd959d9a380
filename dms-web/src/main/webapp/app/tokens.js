// The signed-in user's bearer tokens for programs (the scanning station's import tool, scripts): create, list,
// revoke. A token is shown once, when it is made; lists name tokens by label and lifetimes only.
import { api, query } from './api.js';
import { h, clear, field } from './dom.js';
import { t, formatDate } from './i18n.js';
import { showError, showInfo } from './ui.js';

export async function tokensView(view) {
  const tokens = await api('/tokens');
  const [labelLabel, labelInput] = field(t('tokenLabel'), { id: 'token-label', maxlength: 100, required: true,
    placeholder: t('tokenLabelHint') });
  const issued = h('div', { id: 'new-token-box' });
  const create = h('form', { class: 'row', id: 'token-form' }, labelLabel, labelInput,
    h('button', { type: 'submit', id: 'token-create' }, t('tokenCreate')));
  create.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      const made = await api('/auth/token' + query({ label: labelInput.value.trim() }), { method: 'POST' });
      await tokensView(view);
      // shown once: the server keeps only its hash
      document.getElementById('new-token-box').append(h('p', { class: 'alert info', role: 'status' },
        t('tokenShownOnce')), h('input', { id: 'new-token', readonly: true, value: made.token, size: 60,
        'aria-label': t('tokenNew'), onfocus: (ev) => ev.target.select() }));
    } catch (error) {
      showError(error);
    }
  });

  const revoke = async (token) => {
    if (!window.confirm(t('tokenConfirmRevoke', token.label || '#' + token.id))) return;
    try {
      await api('/tokens/' + token.id, { method: 'DELETE' });
      await tokensView(view);
      showInfo(t('tokenRevoked'));
    } catch (error) {
      showError(error);
    }
  };
  const rows = tokens.map((tk) => h('tr', { 'data-token-id': String(tk.id) },
    h('td', {}, tk.label || t('none')), h('td', {}, formatDate(tk.createdAt)), h('td', {}, formatDate(tk.expiresAt)),
    h('td', {}, formatDate(tk.absoluteExpiresAt)),
    h('td', {}, h('button', { type: 'button', class: 'danger revoke-token', onclick: () => revoke(tk) },
      t('tokenRevoke')))));
  const list = tokens.length
    ? h('table', { id: 'token-list' }, h('thead', {}, h('tr', {}, [t('tokenLabel'), t('createdAt'), t('tokenExpires'),
      t('tokenLimit'), '']
      .map((c) => h('th', { scope: 'col' }, c)))), h('tbody', {}, rows))
    : h('p', { class: 'muted', id: 'token-list' }, t('tokenNone'));
  clear(view).append(h('h1', {}, t('tokensTitle')), h('p', {}, t('tokensIntro')), create, issued, list);
}
