// Renders a document's text with its evidence marked. Offsets are Unicode
// code points (docs/output.md), so the text is split with Array.from.
//
// `blocks` are non-overlapping ranges that become one element each (the
// sentences; the evidence sentence gets its own class and test id), `marks`
// are possibly overlapping ranges (source, verb, target, quote, count, ...):
// the text is cut at every boundary and each piece carries the kinds of all
// marks covering it, in `class="m-KIND ..."` and `data-roles="KIND ..."`.

export const MARK_KINDS = ['source', 'verb', 'target', 'quote', 'count', 'other'];

const valid = (r, n) => r && Number.isInteger(r.begin) && Number.isInteger(r.end) && r.begin >= 0 && r.end <= n && r.begin < r.end;

export function renderAnnotated(container, text, { blocks = [], marks = [] } = {}) {
  const cps = Array.from(text || '');
  const n = cps.length;
  const bs = blocks.filter((b) => valid(b, n)).sort((a, b) => a.begin - b.begin);
  const ms = marks.filter((m) => valid(m, n));
  const cuts = new Set([0, n]);
  for (const r of bs) { cuts.add(r.begin); cuts.add(r.end); }
  for (const r of ms) { cuts.add(r.begin); cuts.add(r.end); }
  const points = [...cuts].sort((a, b) => a - b);

  container.replaceChildren();
  const frag = document.createDocumentFragment();
  let bi = 0;
  let blockEl = null;
  let block = null;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i];
    const b = points[i + 1];
    while (bi < bs.length && bs[bi].end <= a) bi++;
    const inBlock = bi < bs.length && bs[bi].begin <= a && b <= bs[bi].end ? bs[bi] : null;
    let parent = frag;
    if (inBlock) {
      if (inBlock !== block) {
        block = inBlock;
        blockEl = document.createElement('span');
        blockEl.className = `block ${block.className || ''}`.trim();
        for (const [k, v] of Object.entries(block.data || {})) blockEl.dataset[k] = v;
        if (block.testid) blockEl.dataset.testid = block.testid;
        if (block.title) blockEl.title = block.title;
        frag.append(blockEl);
      }
      parent = blockEl;
    } else {
      block = null;
    }
    const piece = cps.slice(a, b).join('');
    const covering = ms.filter((m) => m.begin <= a && b <= m.end);
    if (!covering.length) {
      parent.append(piece);
      continue;
    }
    const kinds = [...new Set(covering.map((m) => m.kind))].sort((x, y) => MARK_KINDS.indexOf(x) - MARK_KINDS.indexOf(y));
    const el = document.createElement('span');
    el.className = kinds.map((k) => `m-${k}`).join(' ');
    el.dataset.roles = kinds.join(' ');
    const titles = [...new Set(covering.map((m) => m.title).filter(Boolean))];
    if (titles.length) el.title = titles.join('\n');
    const onClick = covering.find((m) => m.onClick);
    if (onClick) {
      el.classList.add('clickable');
      el.addEventListener('click', (ev) => { ev.stopPropagation(); onClick.onClick(); });
    }
    el.textContent = piece;
    parent.append(el);
  }
  container.append(frag);
}

// The marks of one document record: quotes and counts of the whole
// document, and the source/verb/target spans of `events`.
export function recordMarks(record, events, { otherEvents = [], onOther } = {}) {
  const marks = [];
  const actorTitle = (role, a) => `${role}: ${a.name || a.text}${a.code ? ` [${a.code}]` : ''}`;
  for (const e of events) {
    if (e.source) marks.push({ kind: 'source', begin: e.source.begin, end: e.source.end, title: actorTitle('source', e.source) });
    if (e.target) marks.push({ kind: 'target', begin: e.target.begin, end: e.target.end, title: actorTitle('target', e.target) });
    if (e.verb) marks.push({ kind: 'verb', begin: e.verb.begin, end: e.verb.end, title: `event ${e.cameo} ${e.cameo_name || ''}`.trim() });
  }
  for (const e of otherEvents) {
    if (!e.verb) continue;
    marks.push({ kind: 'other', begin: e.verb.begin, end: e.verb.end, title: `other event: ${e.cameo} ${e.cameo_name || ''} (click to open)`, onClick: onOther ? () => onOther(e) : undefined });
  }
  for (const q of record.quotes || []) {
    const who = q.speaker ? ` by ${q.speaker.name || q.speaker.text}` : '';
    marks.push({ kind: 'quote', begin: q.begin, end: q.end, title: `quote${who}` });
  }
  for (const c of record.counts || []) {
    const what = [c.qualifier, c.number, c.object].filter((x) => x !== null && x !== undefined && x !== '').join(' ');
    marks.push({ kind: 'count', begin: c.begin, end: c.end, title: `count ${c.type}: ${what}${c.actor ? ` (by ${c.actor.name || c.actor.text})` : ''}` });
  }
  return marks;
}

// Sentence blocks, with `evidence` (a {begin, end} range) replacing any
// sentence it overlaps so that it is always one element.
export function sentenceBlocks(record, evidence) {
  const blocks = [];
  for (const [i, s] of (record.sentences || []).entries()) {
    if (evidence && s.begin < evidence.end && evidence.begin < s.end) continue;
    blocks.push({ begin: s.begin, end: s.end, className: 'sentence', data: { sentence: String(i) } });
  }
  if (evidence) blocks.push({ begin: evidence.begin, end: evidence.end, className: 'sentence evidence', testid: 'evidence', title: 'evidence sentence' });
  return blocks;
}

export function legend({ other = true } = {}) {
  const el = document.createElement('div');
  el.className = 'legend';
  el.dataset.testid = 'legend';
  const items = [
    ['evidence', 'evidence sentence'], ['m-source', 'source'], ['m-verb', 'verb'], ['m-target', 'target'],
    ['m-quote', 'quotation'], ['m-count', 'count'], ['m-other', 'other event'],
  ];
  for (const [cls, label] of items) {
    if (cls === 'm-other' && !other) continue;
    const s = document.createElement('span');
    s.className = `legend-item ${cls}`;
    s.textContent = label;
    el.append(s);
  }
  return el;
}
