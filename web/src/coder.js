// "Code an article": POST /api/code with the pasted text and date, then the
// events found, and the text with every event's spans, quotations and counts
// marked; clicking an event highlights its sentence.
import { api } from './api.js';
import { legend, recordMarks, renderAnnotated, sentenceBlocks } from './annotate.js';
import { scrollWithin } from './docview.js';
import { actorCell, eventCell, placeCell } from './table.js';
import { $, el, setPanelState, showError } from './ui.js';

const SAMPLE = `Police in Nairobi fired tear gas and arrested 37 protesters on Tuesday as thousands marched against a new finance bill, a police spokesman said.

The demonstrators accused the government of raising taxes on fuel and bread. "We cannot feed our children," said Mary Wanjiru, a trader who joined the march.

Kenya's interior minister met opposition leaders on Wednesday and promised to review the bill.`;

export function initCoder() {
  const form = $('#code-form');
  const result = $('#code-result');
  const status = $('#code-status');
  const tbody = $('#code-events tbody');
  const docBox = $('#code-doc');
  let coded = null;
  let selected = -1;

  $('#code-legend').replaceChildren(legend({ other: false }));

  const renderText = () => {
    const record = coded.record || {};
    const events = record.events || [];
    const ev = events[selected];
    renderAnnotated(docBox, coded.text, {
      blocks: sentenceBlocks(record, ev ? ev.sentence : null),
      marks: recordMarks(record, events),
    });
    for (const [i, tr] of [...tbody.rows].entries()) tr.classList.toggle('selected', i === selected);
    scrollWithin(docBox, docBox.querySelector('.evidence'));
  };

  const render = () => {
    const record = coded.record || {};
    const events = record.events || [];
    const n = (k) => (record[k] || []).length;
    const plural = (x, w) => `${x} ${w}${x === 1 ? '' : 's'}`;
    $('#code-summary').textContent = `${plural(events.length, 'event')} · ${plural(n('quotes'), 'quotation')} · ${plural(n('counts'), 'count')} · ${plural(n('entities'), 'entity').replace('entitys', 'entities')}`;
    $('#code-summary').dataset.events = String(events.length);
    tbody.replaceChildren(...events.map((e, i) => el('tr', {
      tabindex: '0',
      dataset: { testid: 'code-event-row', index: String(i) },
      onclick: () => { selected = i; renderText(); },
      onkeydown: (ev) => { if (ev.key === 'Enter') { selected = i; renderText(); } },
    },
    el('td', { class: 'col-date' }, e.date || '—'),
    el('td', {}, actorCell(e.source)),
    el('td', {}, eventCell(e)),
    el('td', {}, actorCell(e.target)),
    el('td', {}, placeCell(e.location)))));
    if (!events.length) tbody.append(el('tr', { class: 'empty' }, el('td', { colspan: '5' }, 'No events found in this text.')));
    selected = events.length ? 0 : -1;
    renderText();
    result.hidden = false;
  };

  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    const text = $('#code-text').value;
    const date = $('#code-date').value;
    if (!text.trim()) {
      status.textContent = 'Paste some text first.';
      status.className = 'code-status is-error';
      return;
    }
    const button = $('#code-submit');
    button.disabled = true;
    status.textContent = 'Coding…';
    status.className = 'code-status';
    setPanelState(result, 'loading');
    try {
      const body = { text, id: 'pasted' };
      if (date) body.date = date;
      coded = await api('code', { body });
      render();
      setPanelState(result, 'ready');
      status.textContent = '';
    } catch (e) {
      setPanelState(result, 'error', e.message);
      status.textContent = e.toString();
      status.className = 'code-status is-error';
      showError(e);
    } finally {
      button.disabled = false;
    }
  });

  $('#code-sample').addEventListener('click', () => {
    $('#code-text').value = SAMPLE;
    if (!$('#code-date').value) $('#code-date').value = new Date().toISOString().slice(0, 10);
    $('#code-text').focus();
  });
}
