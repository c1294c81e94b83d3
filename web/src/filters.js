// The filter bar: form fields for the common filters, removable chips for
// the ones set by clicking the charts (source, target, code, place, doc),
// and actor suggestions from /api/actors.
import { api, isAbort } from './api.js';
import { PLOVER, QUADS, ROOTS } from './cameo.js';
import { $, debounce, el, showError } from './ui.js';

const FORM_KEYS = ['actor', 'country', 'root', 'plover', 'quad', 'from', 'to', 'q'];
const CHIP_LABELS = { source: 'source', target: 'target', code: 'CAMEO code', place: 'place', doc: 'document' };

export function initFilters({ onApply }) {
  const form = $('#filters');
  for (const [code, name] of ROOTS) $('#f-root').append(el('option', { value: code }, `${code} ${name}`));
  for (const p of PLOVER) $('#f-plover').append(el('option', { value: p }, p));
  for (const [q, { name }] of Object.entries(QUADS)) $('#f-quad').append(el('option', { value: q }, `${q} ${name}`));

  let chipFilters = {};

  const read = () => {
    const f = { ...chipFilters };
    for (const k of FORM_KEYS) f[k] = form.elements[k].value.trim();
    if (f.country) f.country = f.country.toUpperCase();
    return f;
  };

  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    onApply(read());
  });
  // Selects apply at once; text fields on Enter or Apply.
  for (const k of ['root', 'plover', 'quad', 'from', 'to']) {
    form.elements[k].addEventListener('change', () => onApply(read()));
  }
  $('#f-clear').addEventListener('click', () => {
    chipFilters = {};
    form.reset();
    onApply({});
  });

  // Actor suggestions.
  let suggest = null;
  const fillActors = async (q) => {
    if (suggest) suggest.abort();
    suggest = new AbortController();
    try {
      const data = await api('actors', { params: { q, limit: 25 }, signal: suggest.signal });
      const list = $('#actor-options');
      list.replaceChildren(...data.actors.map((a) => el('option', { value: a.code }, `${a.name && a.name !== a.code ? `${a.name} · ` : ''}${a.events} event${a.events === 1 ? '' : 's'}`)));
    } catch (e) {
      if (!isAbort(e)) showError(e);
    }
  };
  form.elements.actor.addEventListener('input', debounce((ev) => fillActors(ev.target.value.trim()), 200));
  fillActors('');

  const renderChips = (filters) => {
    const box = $('#chips');
    box.replaceChildren();
    for (const [k, label] of Object.entries(CHIP_LABELS)) {
      if (!filters[k]) continue;
      box.append(el('span', { class: 'chip', dataset: { testid: `chip-${k}` } },
        `${label}: `, el('strong', {}, filters[k]),
        el('button', {
          type: 'button', 'aria-label': `remove ${label} filter`, title: 'remove',
          onclick: () => { const f = read(); delete f[k]; onApply(f); },
        }, '×')));
    }
    box.hidden = !box.childElementCount;
  };

  // Shows `filters` in the form and chips (after a URL change or a click in a chart).
  const show = (filters) => {
    for (const k of FORM_KEYS) form.elements[k].value = filters[k] || '';
    chipFilters = {};
    for (const k of Object.keys(CHIP_LABELS)) if (filters[k]) chipFilters[k] = filters[k];
    renderChips(filters);
  };

  return { show, read };
}
