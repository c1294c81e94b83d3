// The map: Natural Earth countries from world-atlas drawn with a d3-geo
// projection into SVG (offline, no tiles), and a dot per event place, sized
// by its events and coloured by their commonest quad class. Clicking a dot
// filters by that place.
import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature, mesh } from 'topojson-client';
import world from 'world-atlas/countries-110m.json';
import { api } from './api.js';
import { QUADS } from './cameo.js';
import { state } from './state.js';
import { $, el, fmt, panelLoader } from './ui.js';

const SVG = 'http://www.w3.org/2000/svg';
const PAGE = 500;
const MAX_EVENTS = 2000;
const land = feature(world, world.objects.countries);
const borders = mesh(world, world.objects.countries, (a, b) => a !== b);

function svg(tag, attrs = {}, ...children) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  for (const c of children) e.append(c);
  return e;
}

// Event places: one per (name, lat, lon), with counts per quad.
export function places(events) {
  const m = new Map();
  for (const e of events) {
    const l = e.location;
    if (!l || typeof l.lat !== 'number' || typeof l.lon !== 'number') continue;
    const name = l.name || l.text;
    const k = `${name}|${l.lat.toFixed(2)}|${l.lon.toFixed(2)}`;
    const p = m.get(k) || { name, country: l.country, lat: l.lat, lon: l.lon, count: 0, quads: {} };
    p.count++;
    p.quads[e.quad] = (p.quads[e.quad] || 0) + 1;
    m.set(k, p);
  }
  return [...m.values()].map((p) => {
    const quad = Object.entries(p.quads).sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
    return { ...p, quad: Number(quad) };
  });
}

export function initMap({ onPlace }) {
  const panel = $('#panel-map');
  const box = $('#map');
  const load = panelLoader(panel);
  const fitBtn = $('#map-fit');
  let fit = true;
  let pts = [];

  $('#map-legend').replaceChildren(...Object.entries(QUADS).map(([q, { name, color }]) =>
    el('span', { class: 'legend-dot' }, el('i', { style: `background:${color}` }), name)));

  const draw = () => {
    const w = Math.max(300, box.clientWidth || 600);
    const h = Math.round(Math.max(240, Math.min(w * 0.5, 380)));
    const projection = geoNaturalEarth1();
    if (fit && pts.length) {
      // The events' bounding box, at least 40° x 24° so one place is not a close-up.
      const lons = pts.map((p) => p.lon), lats = pts.map((p) => p.lat);
      let [x0, x1, y0, y1] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
      const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
      x0 = Math.min(x0, cx - 20); x1 = Math.max(x1, cx + 20);
      y0 = Math.max(-85, Math.min(y0, cy - 12)); y1 = Math.min(85, Math.max(y1, cy + 12));
      projection.fitExtent([[16, 16], [w - 16, h - 16]], { type: 'MultiPoint', coordinates: [[x0, y0], [x1, y0], [x0, y1], [x1, y1], [cx, y0], [cx, y1]] });
    } else {
      projection.fitExtent([[8, 8], [w - 8, h - 8]], { type: 'Sphere' });
    }
    const path = geoPath(projection);
    const maxCount = Math.max(1, ...pts.map((p) => p.count));
    const dots = svg('g', { class: 'dots' });
    for (const p of [...pts].sort((a, b) => b.count - a.count)) {
      const xy = projection([p.lon, p.lat]);
      if (!xy || !Number.isFinite(xy[0])) continue;
      const r = 4 + 12 * Math.sqrt(p.count / maxCount);
      const dot = svg('circle', {
        cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: r.toFixed(1),
        fill: (QUADS[p.quad] || { color: '#868e96' }).color, class: 'dot', 'data-testid': 'map-dot', 'data-place': p.name,
      }, svg('title'));
      dot.firstChild.textContent = `${p.name}${p.country ? ` (${p.country})` : ''}: ${p.count} event${p.count === 1 ? '' : 's'}. Click to filter.`;
      dot.addEventListener('click', () => onPlace(p.name));
      dots.append(dot);
    }
    const labels = svg('g', { class: 'dot-labels' });
    for (const p of pts.filter((x) => x.count === maxCount || pts.length <= 12)) {
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const t = svg('text', { x: (xy[0] + 7).toFixed(1), y: (xy[1] - 7).toFixed(1) });
      t.textContent = p.name;
      labels.append(t);
    }
    const root = svg('svg', { viewBox: `0 0 ${w} ${h}`, width: w, height: h, role: 'img', 'aria-label': 'map of event places' },
      svg('path', { class: 'sphere', d: path({ type: 'Sphere' }) }),
      svg('path', { class: 'graticule', d: path(geoGraticule10()) }),
      svg('path', { class: 'land', d: path(land) }),
      svg('path', { class: 'borders', d: path(borders) }),
      dots, labels);
    box.replaceChildren(root);
    box.dataset.dots = String(dots.childElementCount);
  };

  const refresh = () => load(async (signal) => {
    const events = [];
    let total = 0;
    for (let offset = 0; offset < MAX_EVENTS; offset += PAGE) {
      const data = await api('events', { params: { ...state.filters, limit: PAGE, offset }, signal });
      total = data.total;
      events.push(...data.events);
      if (offset + PAGE >= total) break;
    }
    pts = places(events);
    const located = pts.reduce((n, p) => n + p.count, 0);
    $('#map-info').textContent = `${fmt(pts.length)} places · ${fmt(located)} of ${fmt(Math.min(total, MAX_EVENTS))} events located${total > MAX_EVENTS ? ` (first ${fmt(MAX_EVENTS)})` : ''}`;
    draw();
    return pts.length ? '' : 'None of these events has a known place.';
  });

  fitBtn.addEventListener('click', () => {
    fit = !fit;
    fitBtn.setAttribute('aria-pressed', String(fit));
    draw();
  });

  let lastWidth = 0;
  const resize = () => {
    if (box.clientWidth && Math.abs(box.clientWidth - lastWidth) > 4) {
      lastWidth = box.clientWidth;
      draw();
    }
  };
  return { refresh, resize };
}
