// Shared pieces of every view: the alert region, status messages, routes with query strings.
import { h, clear } from './dom.js';
import { ApiError } from './api.js';
import { t } from './i18n.js';

/** Shows an error (or any message) in the page's role=alert region. */
export function showError(error) {
  const region = document.getElementById('alert');
  const message = error instanceof ApiError ? error.userMessage() : (error?.message || String(error));
  clear(region).appendChild(h('p', {}, message));
  region.className = 'alert error';
  region.hidden = false;
  if (!(error instanceof ApiError)) console.error(error);
}

export function showInfo(message) {
  const region = document.getElementById('alert');
  clear(region).appendChild(h('p', {}, message));
  region.className = 'alert info';
  region.hidden = false;
}

export function clearAlert() {
  const region = document.getElementById('alert');
  region.hidden = true;
  clear(region);
}

/** The current route: path and query parameters of the part after '#'. */
export function route() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, q] = hash.split('?');
  return { path, params: new URLSearchParams(q || '') };
}

export function link(path, params) {
  const q = params ? new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null
    && v !== '')).toString() : '';
  return '#' + path + (q ? '?' + q : '');
}

export function heading(text) {
  return h('h1', {}, text);
}

export function label(value) {
  return value ? t(value) : t('none');
}
