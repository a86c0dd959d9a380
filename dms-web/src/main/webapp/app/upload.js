// A drop zone with a file chooser; every file is sent with a progress bar.
import { upload } from './api.js';
import { h, uid } from './dom.js';
import { t } from './i18n.js';
import { showError } from './ui.js';

/**
 * A zone files can be dropped on or chosen for (keyboard: the labelled file input). For each file, makeForm(file)
 * gives the multipart form for POST path; onDone(created) runs after each successful upload.
 */
export function dropZone({ title, path, multiple, makeForm, onDone, id }) {
  const inputId = id || uid('upload');
  const input = h('input', { type: 'file', id: inputId, multiple: multiple ? true : null, class: 'file-input' });
  const progress = h('div', { class: 'uploads' });
  const zone = h('div', { class: 'drop-zone', id: inputId + '-zone' },
    h('p', {}, t('dropHere')), h('label', { for: inputId, class: 'button' }, multiple ? t('chooseFiles') : t('chooseFile')),
    input);
  const send = async (files) => {
    for (const file of files) {
      const bar = h('progress', { max: 100, value: 0, 'aria-label': t('progress') + ': ' + file.name });
      const line = h('p', { class: 'upload-line' }, h('span', {}, t('uploading', file.name)), ' ', bar);
      progress.appendChild(line);
      try {
        const created = await upload(path, makeForm(file), (f) => {
          bar.value = Math.round(f * 100);
        });
        line.firstChild.textContent = t('uploaded', file.name);
        line.classList.add('done');
        await onDone(created);
      } catch (error) {
        line.remove();
        showError(error);
      }
    }
  };
  input.addEventListener('change', () => {
    send([...input.files]);
    input.value = '';
  });
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('over');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('over');
    send([...e.dataTransfer.files].slice(0, multiple ? undefined : 1));
  });
  return h('section', { class: 'upload', 'aria-label': title }, h('h2', {}, title), zone, progress);
}
