// The workbench's state (filters, page, open event, tab), mirrored in the
// URL so a view can be bookmarked, shared and navigated with Back.

export const FILTER_KEYS = ['actor', 'source', 'target', 'country', 'root', 'code', 'plover', 'quad', 'from', 'to', 'place', 'q', 'doc'];
export const PAGE_SIZES = [25, 50, 100, 200];

export const state = {
  filters: {},
  sort: 'date',
  offset: 0,
  limit: 50,
  event: null,
  tab: 'explore',
};

export function cleanFilters(f) {
  const out = {};
  for (const k of FILTER_KEYS) {
    const v = f[k];
    if (v !== undefined && v !== null && String(v).trim() !== '') out[k] = String(v).trim();
  }
  return out;
}

export function readUrl() {
  const p = new URLSearchParams(location.search);
  const f = {};
  for (const k of FILTER_KEYS) if (p.has(k)) f[k] = p.get(k);
  state.filters = cleanFilters(f);
  state.sort = p.get('sort') === '-date' ? '-date' : 'date';
  const limit = Number(p.get('limit'));
  state.limit = PAGE_SIZES.includes(limit) ? limit : 50;
  const offset = Number(p.get('offset'));
  state.offset = Number.isInteger(offset) && offset > 0 ? offset : 0;
  const ev = p.get('event');
  state.event = ev && /^\d+$/.test(ev) ? Number(ev) : null;
  state.tab = p.get('tab') === 'code' ? 'code' : 'explore';
}

export function writeUrl(push = false) {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(state.filters)) p.set(k, v);
  if (state.sort !== 'date') p.set('sort', state.sort);
  if (state.limit !== 50) p.set('limit', String(state.limit));
  if (state.offset) p.set('offset', String(state.offset));
  if (state.event !== null) p.set('event', String(state.event));
  if (state.tab !== 'explore') p.set('tab', state.tab);
  const s = p.toString();
  const url = `${location.pathname}${s ? `?${s}` : ''}`;
  if (url === `${location.pathname}${location.search}`) return;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
}
