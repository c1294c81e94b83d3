// The actor network (cytoscape): nodes are actors, an edge source -> target
// counts their events (width) and colours their mean Goldstein score from
// conflict (red) to cooperation (green). Clicking filters the workbench.
import cytoscape from 'cytoscape';
import { api } from './api.js';
import { state } from './state.js';
import { $, fmt, panelLoader } from './ui.js';

const MAX_NODES = 80;

// Goldstein -10..10 to a red-grey-green colour.
export function goldsteinColor(g) {
  const x = Math.max(-1, Math.min(1, (g || 0) / 10));
  const grey = [134, 142, 150];
  const end = x < 0 ? [224, 49, 49] : [47, 158, 68];
  const t = Math.abs(x) ** 0.7;
  const c = grey.map((v, i) => Math.round(v + (end[i] - v) * t));
  return `rgb(${c.join(',')})`;
}

// One edge per (source, target): weights summed over types and periods,
// Goldstein averaged by weight.
export function mergeEdges(edges) {
  const m = new Map();
  for (const e of edges) {
    const k = `${e.source}\u0000${e.target}`;
    const x = m.get(k) || { source: e.source, target: e.target, weight: 0, gsum: 0 };
    x.weight += e.weight;
    x.gsum += (e.goldstein || 0) * e.weight;
    m.set(k, x);
  }
  return [...m.values()].map((x) => ({ ...x, goldstein: x.weight ? x.gsum / x.weight : 0 }));
}

export function initNetwork({ onActor, onPair }) {
  const panel = $('#panel-network');
  const box = $('#network');
  const load = panelLoader(panel);
  let cy = null;
  let size = ''; // the box's size when the graph was last fitted

  const draw = (nodes, edges) => {
    if (cy) cy.destroy();
    const maxEvents = Math.max(1, ...nodes.map((n) => n.events));
    const maxWeight = Math.max(1, ...edges.map((e) => e.weight));
    const elements = [
      ...nodes.map((n) => ({
        data: {
          id: n.id,
          label: n.id,
          name: n.name && n.name !== n.id ? n.name : '',
          size: 16 + 26 * Math.sqrt(n.events / maxEvents),
          events: n.events,
        },
      })),
      ...edges.map((e, i) => ({
        data: {
          id: `e${i}`,
          source: e.source,
          target: e.target,
          weight: e.weight,
          width: 1.5 + 6 * Math.sqrt(e.weight / maxWeight),
          color: goldsteinColor(e.goldstein),
          label: e.weight > 1 ? String(e.weight) : '',
          goldstein: e.goldstein,
        },
      })),
    ];
    cy = cytoscape({
      container: box,
      elements,
      minZoom: 0.2,
      maxZoom: 4,
      style: [
        {
          selector: 'node',
          style: {
            width: 'data(size)', height: 'data(size)', 'background-color': '#4c6ef5', 'border-width': 1.5, 'border-color': '#fff',
            label: 'data(label)', 'font-size': 11, color: '#212529', 'text-wrap': 'wrap', 'text-valign': 'bottom', 'text-margin-y': 3,
            'text-background-color': '#fff', 'text-background-opacity': 0.7, 'text-background-padding': 1,
          },
        },
        { selector: 'node:selected', style: { 'background-color': '#f59f00' } },
        {
          selector: 'edge',
          style: {
            width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)', 'target-arrow-shape': 'triangle',
            'curve-style': 'bezier', 'arrow-scale': 0.8, opacity: 0.85,
            label: 'data(label)', 'font-size': 9, color: '#495057', 'text-background-color': '#fff', 'text-background-opacity': 0.8,
          },
        },
      ],
      // A circle first, then cose from there: the same data gives the same picture.
      layout: { name: 'circle', animate: false },
    });
    if (nodes.length > 2) {
      cy.layout({ name: 'cose', animate: false, randomize: false, fit: true, padding: 24, nodeRepulsion: () => 4500, idealEdgeLength: () => 45, componentSpacing: 30, nestingFactor: 1.2, gravity: 1 }).run();
    } else {
      cy.fit(undefined, 40);
    }
    cy.on('tap', 'node', (ev) => onActor(ev.target.id()));
    cy.on('tap', 'edge', (ev) => onPair(ev.target.data('source'), ev.target.data('target')));
    // A small graph is not blown up; a large one keeps readable labels.
    if (cy.zoom() > 1.6) {
      cy.zoom(1.6);
      cy.center();
    }
    const z = cy.zoom();
    if (z < 1) cy.style().selector('node').style('font-size', Math.min(22, 11 / z)).selector('edge').style('font-size', Math.min(18, 9 / z)).update();
    const hint = $('#net-hover');
    const info = hint.textContent;
    cy.on('mouseover', 'node', (ev) => {
      const d = ev.target.data();
      box.style.cursor = 'pointer';
      hint.textContent = `${d.id}${d.name ? ` · ${d.name}` : ''} · ${d.events} event${d.events === 1 ? '' : 's'} · click to filter by this actor`;
    });
    cy.on('mouseover', 'edge', (ev) => {
      const d = ev.target.data();
      box.style.cursor = 'pointer';
      hint.textContent = `${d.source} → ${d.target} · ${d.weight} event${d.weight === 1 ? '' : 's'} · mean Goldstein ${d.goldstein.toFixed(1)} · click to filter by this pair`;
    });
    cy.on('mouseout', 'node, edge', () => { box.style.cursor = ''; hint.textContent = info; });
    size = `${box.clientWidth}x${box.clientHeight}`;
    box.dataset.nodes = String(nodes.length);
    box.dataset.edges = String(edges.length);
  };

  const refresh = () => load(async (signal) => {
    const minWeight = Math.max(1, Number($('#net-min').value) || 1);
    const data = await api('network', { params: { ...state.filters, by: 'quad', min_weight: minWeight }, signal });
    let nodes = [...data.nodes].sort((a, b) => b.events - a.events || String(a.id).localeCompare(String(b.id)));
    const allNodes = nodes.length;
    nodes = nodes.slice(0, MAX_NODES);
    const keep = new Set(nodes.map((n) => n.id));
    const edges = mergeEdges(data.edges).filter((e) => keep.has(e.source) && keep.has(e.target) && e.weight >= minWeight);
    // Only actors that still have an edge.
    const linked = new Set(edges.flatMap((e) => [e.source, e.target]));
    nodes = nodes.filter((n) => linked.has(n.id));
    draw(nodes, edges);
    $('#net-info').textContent = `${fmt(nodes.length)} actors · ${fmt(edges.length)} links${allNodes > MAX_NODES ? ` (top ${MAX_NODES} of ${fmt(allNodes)})` : ''}`;
    return nodes.length ? '' : 'No pairs of coded actors match these filters.';
  });

  $('#net-min').addEventListener('change', refresh);
  // Refit when the panel changes size (window resized, layout reflowed).
  const resize = () => {
    const now = `${box.clientWidth}x${box.clientHeight}`;
    if (!cy || !box.clientWidth || now === size) return;
    size = now;
    cy.resize();
    cy.fit(undefined, 24);
    if (cy.zoom() > 1.6) {
      cy.zoom(1.6);
      cy.center();
    }
  };
  return { refresh, resize };
}
