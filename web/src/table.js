// The events table: one row per event, paged, sorted by date; a click opens
// the event's document.
import { api } from './api.js';
import { QUADS } from './cameo.js';
import { PAGE_SIZES, state } from './state.js';
import { $, actorLabel, el, fmt, panelLoader } from './ui.js';

export function actorCell(a) {
  if (!a) return el('span', { class: 'none' }, '—');
  return el('span', { class: 'actor' },
    el('span', { class: 'actor-name' }, actorLabel(a)),
    a.code ? el('code', { class: 'actor-code' }, a.code) : null);
}

export function eventCell(e) {
  const q = QUADS[e.quad];
  return el('span', { class: 'event' },
    el('span', { class: `quad-chip q${e.quad}`, title: q ? `quad ${e.quad}: ${q.name}` : '' }, e.cameo),
    ' ',
    el('span', { class: 'event-name' }, e.cameo_name || ''),
    e.plover ? el('span', { class: 'plover' }, e.plover) : null);
}

export function placeCell(loc) {
  if (!loc) return el('span', { class: 'none' }, '—');
  return el('span', { class: 'place', title: loc.lat != null ? `${loc.lat}, ${loc.lon}` : '' },
    loc.name || loc.text, loc.country ? el('code', { class: 'actor-code' }, loc.country) : null);
}

export function initTable({ onOpen, onPage }) {
  const panel = $('#panel-events');
  const tbody = $('#events-table tbody');
  const load = panelLoader(panel);
  let total = 0;

  const sizeSel = $('#page-size');
  for (const n of PAGE_SIZES) sizeSel.append(el('option', { value: String(n) }, String(n)));
  sizeSel.addEventListener('change', () => onPage({ limit: Number(sizeSel.value), offset: 0 }));
  $('#page-prev').addEventListener('click', () => onPage({ offset: Math.max(0, state.offset - state.limit) }));
  $('#page-next').addEventListener('click', () => onPage({ offset: state.offset + state.limit }));
  $('#sort-date').addEventListener('click', () => onPage({ sort: state.sort === 'date' ? '-date' : 'date', offset: 0 }));

  const markSelected = () => {
    for (const tr of tbody.rows) tr.classList.toggle('selected', Number(tr.dataset.eventId) === state.event);
  };

  const row = (e) => {
    const tr = el('tr', {
      tabindex: '0',
      dataset: {
        testid: 'event-row',
        eventId: String(e.id),
        doc: e.doc,
        sourceCode: e.source?.code || '',
        targetCode: e.target?.code || '',
        sourceName: e.source?.name || '',
        targetName: e.target?.name || '',
      },
      onclick: () => onOpen(e.id),
      onkeydown: (ev) => { if (ev.key === 'Enter') onOpen(e.id); },
    },
    el('td', { class: 'col-date' }, e.date || '—'),
    el('td', { class: 'col-source' }, actorCell(e.source)),
    el('td', { class: 'col-event' }, eventCell(e)),
    el('td', { class: 'col-target' }, actorCell(e.target)),
    el('td', { class: 'col-place' }, placeCell(e.location)),
    el('td', { class: 'col-doc' }, el('span', { class: 'doc-id', title: e.sentence?.text || '' }, e.doc)));
    return tr;
  };

  const refresh = () => load(async (signal) => {
    sizeSel.value = String(state.limit);
    $('#sort-date .arrow').textContent = state.sort === 'date' ? '↑' : '↓';
    const data = await api('events', {
      params: { ...state.filters, limit: state.limit, offset: state.offset, sort: state.sort },
      signal,
    });
    total = data.total;
    // Paged past the end (e.g. after narrowing the filters): go to the last page.
    if (!data.events.length && total > 0 && state.offset > 0) {
      onPage({ offset: Math.max(0, Math.floor((total - 1) / state.limit) * state.limit) });
      return '';
    }
    tbody.replaceChildren(...data.events.map(row));
    if (!data.events.length) {
      tbody.append(el('tr', { class: 'empty' }, el('td', { colspan: '6' }, 'No events match these filters.')));
    }
    $('#events-total').textContent = `${fmt(total)}`;
    $('#events-total').dataset.total = String(total);
    const first = total ? state.offset + 1 : 0;
    const last = Math.min(total, state.offset + data.events.length);
    $('#page-info').textContent = total ? `${fmt(first)}–${fmt(last)} of ${fmt(total)}` : 'none';
    $('#page-prev').disabled = state.offset <= 0;
    $('#page-next').disabled = state.offset + state.limit >= total;
    markSelected();
    return '';
  });

  return { refresh, markSelected };
}
