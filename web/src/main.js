// dragoman workbench: filters, events table, document view, timeline,
// network and map over `dragoman serve`'s API, plus a box to code a pasted
// article. State lives in the URL (state.js).
import './app.css';
import { api } from './api.js';
import { initCoder } from './coder.js';
import { initDocView } from './docview.js';
import { initFilters } from './filters.js';
import { initMap } from './map.js';
import { initNetwork } from './network.js';
import { cleanFilters, readUrl, state, writeUrl } from './state.js';
import { initTable } from './table.js';
import { initTimeline } from './timeline.js';
import { $, clearError, el, fmt, showError } from './ui.js';

function start() {
  // Filters changed: everything reloads.
  const applyFilters = (filters, push = true) => {
    state.filters = cleanFilters(filters);
    state.offset = 0;
    writeUrl(push);
    filterBar.show(state.filters);
    refreshAll();
  };
  const merge = (extra) => applyFilters({ ...state.filters, ...extra });

  const filterBar = initFilters({ onApply: applyFilters });
  const table = initTable({
    onOpen: (id) => openEvent(id),
    onPage: (change) => {
      Object.assign(state, change);
      writeUrl(true);
      table.refresh();
    },
  });
  const docView = initDocView({
    onSelect: (id) => openEvent(id),
    onFilterDoc: (doc) => merge({ doc }),
  });
  const timeline = initTimeline({ onRange: (from, to) => merge({ from, to }) });
  const network = initNetwork({
    onActor: (actor) => merge({ actor, source: '', target: '' }),
    onPair: (source, target) => merge({ source, target, actor: '' }),
  });
  const map = initMap({ onPlace: (place) => merge({ place }) });
  initCoder();

  function openEvent(id, push = true) {
    state.event = id;
    writeUrl(push);
    table.markSelected();
    docView.show(id);
  }

  function refreshAll() {
    table.refresh();
    timeline.refresh();
    network.refresh();
    map.refresh();
  }

  function showTab(tab) {
    state.tab = tab;
    for (const t of ['explore', 'code']) {
      $(`#tab-${t}`).setAttribute('aria-selected', String(t === tab));
      $(`#view-${t}`).hidden = t !== tab;
    }
    if (tab === 'explore') {
      network.resize();
      map.resize();
    }
  }
  $('#tab-explore').addEventListener('click', () => { showTab('explore'); writeUrl(true); });
  $('#tab-code').addEventListener('click', () => { showTab('code'); writeUrl(true); });
  $('#error .close').addEventListener('click', clearError);

  // Back and Forward restore a whole view.
  window.addEventListener('popstate', () => {
    readUrl();
    filterBar.show(state.filters);
    showTab(state.tab);
    refreshAll();
    if (state.event !== null) docView.show(state.event);
    else docView.clear();
  });

  const ro = new ResizeObserver(() => { network.resize(); map.resize(); });
  ro.observe($('#panel-map'));
  ro.observe($('#panel-network'));

  readUrl();
  filterBar.show(state.filters);
  showTab(state.tab);
  refreshAll();
  if (state.event !== null) openEvent(state.event, false);
  loadStats();
}

async function loadStats() {
  const box = $('#stats');
  try {
    const s = await api('stats');
    const item = (n, label) => el('span', { class: 'stat' }, el('strong', {}, fmt(n)), ` ${label}`);
    box.replaceChildren(
      item(s.documents, 'documents'), item(s.events, 'events'), item(s.actors, 'actors'),
      s.first_date ? el('span', { class: 'stat' }, `${s.first_date} – ${s.last_date || ''}`) : '');
    box.dataset.events = String(s.events);
  } catch (e) {
    box.textContent = 'stats unavailable';
    showError(e);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
