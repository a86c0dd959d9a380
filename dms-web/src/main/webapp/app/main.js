// The clerk workspace: a hash-routed single page over the REST API.
import { api, onUnauthorized } from './api.js';
import { h, clear, field } from './dom.js';
import { t, language, setLanguage } from './i18n.js';
import { route, showError, clearAlert } from './ui.js';
import { searchView } from './search.js';
import { caseFileView, caseFileByReference } from './casefile.js';
import { documentView } from './viewer.js';
import { inboxView, importsView } from './work.js';
import { recordsView } from './records.js';
import { tokensView } from './tokens.js';

const view = document.getElementById('view');
let me = null;

function applyLanguage() {
  document.documentElement.lang = language();
  document.title = t('appName');
  document.getElementById('skip-link').textContent = t('skip');
  document.getElementById('nav').setAttribute('aria-label', t('navLabel'));
  document.getElementById('nav-search').textContent = t('navSearch');
  document.getElementById('nav-inbox').textContent = t('navInbox');
  document.getElementById('nav-imports').textContent = t('navImports');
  document.getElementById('nav-tokens').textContent = t('navTokens');
  document.getElementById('nav-records').textContent = t('navRecords');
  document.getElementById('logout').textContent = t('logout');
  const toggle = document.getElementById('lang-toggle');
  toggle.textContent = t('otherLanguage');
  toggle.setAttribute('lang', language() === 'de' ? 'en' : 'de');
  document.getElementById('who').textContent = me ? t('signedInAs', me.username) : '';
}

function loginView() {
  me = null;
  document.getElementById('nav').hidden = true;
  document.getElementById('logout').hidden = true;
  applyLanguage();
  const [userLabel, user] = field(t('username'), { id: 'login-username', name: 'username', autocomplete: 'username',
    required: true });
  const [passLabel, pass] = field(t('password'), { id: 'login-password', name: 'password', type: 'password',
    autocomplete: 'current-password', required: true });
  const form = h('form', { class: 'login', id: 'login-form' },
    h('h1', {}, t('loginTitle')), userLabel, user, passLabel, pass,
    h('button', { type: 'submit', id: 'login-submit' }, t('login')));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    try {
      me = await api('/auth/login', { method: 'POST', body: { username: user.value, password: pass.value } });
      clearAlert();
      start();
    } catch (error) {
      if (error.status === 401) {
        showError(new Error(t('loginFailed')));
      } else {
        showError(error);
      }
      pass.value = '';
      pass.focus();
    }
  });
  clear(view).appendChild(form);
  user.focus();
}

async function render() {
  const { path, params } = route();
  clearAlert();
  clear(view).appendChild(h('p', { class: 'muted' }, t('loading')));
  try {
    let m;
    if (path === '/' || path === '/search') {
      await searchView(view, params);
    } else if ((m = path.match(/^\/case-files\/(\d+)$/))) {
      await caseFileView(view, Number(m[1]));
    } else if (path === '/case-file') {
      await caseFileByReference(view, params.get('reference'));
    } else if ((m = path.match(/^\/documents\/(\d+)$/))) {
      await documentView(view, Number(m[1]), params, me);
    } else if (path === '/inbox') {
      await inboxView(view, params);
    } else if (path === '/imports') {
      await importsView(view, params);
    } else if (path === '/tokens') {
      await tokensView(view);
    } else if (path === '/records') {
      await recordsView(view, params);
    } else {
      clear(view).appendChild(h('h1', {}, t('err404')));
    }
  } catch (error) {
    clear(view);
    showError(error);
  }
}

async function start() {
  try {
    me = me && me.roles ? me : await api('/users/me');
  } catch (error) {
    if (error.status === 401) {
      loginView();
      return;
    }
    showError(error);
    return;
  }
  document.getElementById('nav').hidden = false;
  // the records desk is for records officers; administrators may look at its lists
  document.getElementById('nav-records').hidden = !(me.roles || []).some((r) => r === 'RECORDS_OFFICER'
    || r === 'ADMIN');
  document.getElementById('logout').hidden = false;
  applyLanguage();
  await render();
}

document.getElementById('lang-toggle').addEventListener('click', () => {
  setLanguage(language() === 'de' ? 'en' : 'de');
  if (me) {
    applyLanguage();
    render();
  } else {
    loginView();
  }
});

document.getElementById('logout').addEventListener('click', async () => {
  try {
    await api('/auth/logout', { method: 'POST' });
  } catch (error) {
    // signed out anyway as far as the page is concerned
  }
  location.hash = '#/';
  loginView();
});

onUnauthorized(() => loginView());
window.addEventListener('hashchange', () => {
  if (me) render();
});
applyLanguage();
start();
