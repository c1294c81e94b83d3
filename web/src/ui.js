// Small DOM helpers shared by the panels, and the error banner.
import { isAbort } from './api.js';

export const $ = (sel, root = document) => root.querySelector(sel);

// el('td', {class: 'x', dataset: {a: 1}, title: 't'}, child, 'text', ...)
export function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.slice(2), v);
    else if (k === 'text') e.textContent = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

// A panel shows its state in data-state (loading, ready, error) and its
// last error in its .panel-status line; errors also go to the banner.
export function setPanelState(panel, state, message = '') {
  panel.dataset.state = state;
  const status = panel.querySelector('.panel-status');
  if (status) {
    status.textContent = message;
    status.hidden = !message;
    status.classList.toggle('is-error', state === 'error');
  }
}

export function showError(err) {
  if (isAbort(err)) return;
  const banner = document.getElementById('error');
  const text = err && err.where ? err.toString() : String(err && err.message ? err.message : err);
  banner.querySelector('.msg').textContent = text;
  banner.hidden = false;
  console.error(err);
}

export function clearError() {
  document.getElementById('error').hidden = true;
}

// Runs `load(signal)` for a panel, cancelling the panel's previous load.
export function panelLoader(panel) {
  let controller = null;
  return async (load) => {
    if (controller) controller.abort();
    const mine = new AbortController();
    controller = mine;
    setPanelState(panel, 'loading');
    try {
      const message = await load(mine.signal);
      if (controller === mine) setPanelState(panel, 'ready', message || '');
    } catch (e) {
      if (isAbort(e) || controller !== mine) return;
      setPanelState(panel, 'error', e.message || String(e));
      showError(e);
    }
  };
}

export function actorLabel(a) {
  if (!a) return '';
  return a.name || a.text || a.code || '';
}

export function fmt(n) {
  return typeof n === 'number' ? n.toLocaleString('en') : String(n ?? '');
}

export function debounce(fn, ms) {
  let t = null;
  return (...args) => {
    clearTimeout(t);
    t = setTimeout(() => fn(...args), ms);
  };
}
