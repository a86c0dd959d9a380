// The only way the UI talks to the server: the REST API under /api, signed in by the session cookie.
import { t } from './i18n.js';

/** An error answer of the API, with a message for people in the current language. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || String(status));
    this.status = status;
    this.problem = problem || {};
  }

  /** What the user reads: the meaning of the status, and the server's reason where it helps. */
  userMessage() {
    if (this.status === 0) return t('errNetwork');
    const key = 'err' + this.status;
    const base = t(key) !== key ? t(key) : (this.status >= 500 ? t('err500') : t('err400'));
    // 404 must not tell more than "not there or not yours"; 5xx details are for the log, not the clerk
    if (this.status === 404 || this.status >= 500 || this.status === 401 || this.status === 429) return base;
    const fieldErrors = (this.problem.errors || []).map((e) => e.message).filter(Boolean);
    const detail = fieldErrors.length ? fieldErrors.join('; ') : this.problem.detail;
    return detail ? `${base} ${t('errDetail', detail)}` : base;
  }
}

const listeners = { unauthorized: [] };

export function onUnauthorized(listener) {
  listeners.unauthorized.push(listener);
}

const HEADERS = { 'X-Akte-Request': '1', Accept: 'application/json' };

async function parse(response) {
  if (response.status === 204) return null;
  const type = response.headers.get('Content-Type') || '';
  if (type.includes('json')) return response.json();
  return response.text();
}

/** Calls the API; resolves to the JSON answer, rejects with an ApiError. */
export async function api(path, { method = 'GET', body, form, contentType } = {}) {
  const init = { method, headers: { ...HEADERS }, credentials: 'same-origin' };
  if (form) {
    // a file sent as it is (an xdomea message) names its type; a FormData sets its own boundary
    if (contentType) init.headers['Content-Type'] = contentType;
    init.body = form;
  } else if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let response;
  try {
    response = await fetch('/api' + path, init);
  } catch (e) {
    throw new ApiError(0, null);
  }
  if (!response.ok) {
    let problem = null;
    try {
      problem = await response.json();
    } catch (e) {
      problem = null;
    }
    const error = new ApiError(response.status, problem);
    if (response.status === 401 && path !== '/auth/login') {
      listeners.unauthorized.forEach((l) => l());
    }
    throw error;
  }
  return parse(response);
}

/**
 * Uploads a multipart form with progress (fetch cannot report upload progress): onProgress(fraction) while sending.
 */
export function upload(path, form, onProgress) {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api' + path);
    Object.entries(HEADERS).forEach(([k, v]) => xhr.setRequestHeader(k, v));
    xhr.upload.addEventListener('progress', (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    });
    xhr.addEventListener('load', () => {
      let json = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch (e) {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(json);
      } else {
        if (xhr.status === 401) listeners.unauthorized.forEach((l) => l());
        reject(new ApiError(xhr.status, json));
      }
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, null)));
    xhr.send(form);
  });
}

/** Builds a query string from an object, leaving out empty values. */
export function query(params) {
  const q = new URLSearchParams();
  Object.entries(params).forEach(([k, v]) => {
    if (v !== undefined && v !== null && v !== '') q.set(k, v);
  });
  const s = q.toString();
  return s ? '?' + s : '';
}
