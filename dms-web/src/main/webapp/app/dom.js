// Building DOM without innerHTML: text is always text, so nothing from the server can run as markup.

/** Creates an element: h('a', {href: '#/x', class: 'c'}, 'text', child). Attributes starting with "on" are listeners. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.substring(2).toLowerCase(), value);
    } else if (name === 'style') {
      setStyle(el, value);
    } else if (name === 'class') {
      el.className = value;
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

/**
 * Sets inline styles through the CSSOM: the Content-Security-Policy forbids style attributes, not CSSOM changes.
 */
export function setStyle(el, css) {
  for (const rule of String(css).split(';')) {
    const i = rule.indexOf(':');
    if (i > 0) el.style.setProperty(rule.substring(0, i).trim(), rule.substring(i + 1).trim());
  }
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) {
      append(el, child);
    } else if (child instanceof Node) {
      el.appendChild(child);
    } else {
      el.appendChild(document.createTextNode(String(child)));
    }
  }
}

/**
 * A search snippet as nodes: the server escapes the text and wraps hits in <mark>. Parsed inertly; only text and
 * <mark> survive, whatever else the string might contain.
 */
export function snippet(html) {
  const parsed = new DOMParser().parseFromString('<p>' + html + '</p>', 'text/html');
  const out = document.createDocumentFragment();
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        out.appendChild(document.createTextNode(child.nodeValue));
      } else if (child.nodeType === Node.ELEMENT_NODE && child.tagName === 'MARK') {
        out.appendChild(h('mark', {}, child.textContent));
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        walk(child);
      }
    }
  };
  walk(parsed.body);
  return out;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

let idCounter = 0;
/** A fresh id for pairing a label with its control. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A labelled input: returns [label, input]. */
export function field(labelText, attrs) {
  const id = attrs.id || uid('f');
  const input = h(attrs.tag || 'input', { ...attrs, tag: null, id });
  return [h('label', { for: id }, labelText), input];
}
