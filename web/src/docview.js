// The document view: the open event in words, then the document's text with
// the evidence sentence highlighted and the source, verb and target spans,
// quotations and counts marked (see annotate.js), then the document's other
// events.
import { api } from './api.js';
import { legend, recordMarks, renderAnnotated, sentenceBlocks } from './annotate.js';
import { QUADS } from './cameo.js';
import { actorCell, eventCell, placeCell } from './table.js';
import { $, el, panelLoader, setPanelState } from './ui.js';

// Scrolls `child` to the middle of its scrolling `box` without moving the page.
export function scrollWithin(box, child) {
  if (!box || !child) return;
  const top = child.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
  box.scrollTop = Math.max(0, top - box.clientHeight / 3);
}

export function eventCard(e) {
  const q = QUADS[e.quad];
  const facts = [
    ['Date', e.date || '—'],
    ['Place', e.location ? placeCell(e.location) : '—'],
    ['Quad', q ? `${e.quad} ${q.name}` : String(e.quad ?? '—')],
    ['PLOVER', e.plover ? `${e.plover}${e.plover_mode ? ` (${e.plover_mode})` : ''}` : '—'],
    ['Goldstein', e.goldstein != null ? String(e.goldstein) : '—'],
    ['Rule', e.rule ? el('code', {}, e.rule) : '—'],
  ];
  return el('div', { class: `event-card q${e.quad}`, dataset: { testid: 'event-card' } },
    el('div', { class: 'triple' },
      el('span', { class: 'role role-source' }, actorCell(e.source)),
      el('span', { class: 'arrow' }, '→'),
      el('span', { class: 'role role-verb' }, eventCell(e)),
      el('span', { class: 'arrow' }, '→'),
      el('span', { class: 'role role-target' }, actorCell(e.target))),
    el('dl', { class: 'facts' }, facts.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
}

export function initDocView({ onSelect, onFilterDoc }) {
  const panel = $('#panel-doc');
  const view = $('#doc-view');
  const load = panelLoader(panel);
  let doc = null; // the last document fetched: {id, date, text, record}

  const render = (event) => {
    const record = doc.record || {};
    const events = record.events || [];
    const others = events.filter((x) => x.id !== event.id);
    $('#doc-title').textContent = doc.id;
    const text = el('div', { class: 'doc-text', dataset: { testid: 'doc-text' } });
    renderAnnotated(text, doc.text, {
      blocks: sentenceBlocks(record, event.sentence),
      marks: recordMarks(record, [event], { otherEvents: others, onOther: (x) => x.id != null && onSelect(x.id) }),
    });
    const list = el('ol', { class: 'doc-events', dataset: { testid: 'doc-events' } },
      events.map((x) => el('li', {
        class: x.id === event.id ? 'current' : '',
        dataset: { eventId: String(x.id ?? '') },
        onclick: () => x.id != null && onSelect(x.id),
      }, el('span', { class: `quad-chip q${x.quad}` }, x.cameo), ' ',
      `${x.source ? x.source.name || x.source.text : '—'} → ${x.cameo_name} → ${x.target ? x.target.name || x.target.text : '—'}`)));
    view.replaceChildren(
      el('div', { class: 'doc-meta' },
        el('span', {}, el('strong', {}, doc.id), doc.date ? ` · ${doc.date}` : '', ` · ${events.length} event${events.length === 1 ? '' : 's'}`),
        el('button', { type: 'button', class: 'link', dataset: { testid: 'doc-filter' }, onclick: () => onFilterDoc(doc.id) }, 'Only this document')),
      eventCard(event),
      legend(),
      text,
      el('details', { class: 'doc-events-box', open: events.length <= 12 },
        el('summary', {}, `Events in this document (${events.length})`), list));
    scrollWithin(text, text.querySelector('.evidence'));
  };

  const show = (id) => load(async (signal) => {
    const event = await api(`events/${encodeURIComponent(id)}`, { signal });
    if (!doc || doc.id !== event.doc) doc = await api(`documents/${encodeURIComponent(event.doc)}`, { signal });
    render(event);
    return '';
  });

  const clear = () => {
    doc = null;
    $('#doc-title').textContent = '';
    view.replaceChildren(el('p', { class: 'placeholder' }, 'Click an event to read its document, with the evidence highlighted.'));
    setPanelState(panel, 'empty');
  };

  return { show, clear };
}
