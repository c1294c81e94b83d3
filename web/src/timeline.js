// The timeline: events per day, week or month, stacked by quad class, CAMEO
// root or PLOVER type (chart.js). Clicking a bar narrows the dates to it.
import { BarController, BarElement, CategoryScale, Chart, Legend, LinearScale, Tooltip } from 'chart.js';
import { api } from './api.js';
import { PLOVER, seriesColor, seriesLabel } from './cameo.js';
import { state } from './state.js';
import { $, panelLoader } from './ui.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip, Legend);

const DAY = 86400000;
const toDate = (s) => new Date(`${s}T00:00:00Z`);
const iso = (d) => d.toISOString().slice(0, 10);

// "2027", "2027-03" and "2027-03-11" as the first day they cover.
export function dayOf(t) {
  if (/^\d{4}$/.test(t)) return `${t}-01-01`;
  if (/^\d{4}-\d{2}$/.test(t)) return `${t}-01`;
  return t.slice(0, 10);
}

function nextBucket(t, interval) {
  const d = toDate(t);
  if (interval === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + (interval === 'week' ? 7 : 1));
  return iso(d);
}

function bucketEnd(t, interval) {
  return iso(new Date(toDate(nextBucket(t, interval)).getTime() - DAY));
}

// Every bucket from the first to the last, so gaps show as gaps.
function buckets(ts, interval) {
  const sorted = [...new Set(ts)].sort();
  if (!sorted.length) return [];
  const out = [];
  const last = sorted[sorted.length - 1];
  for (let t = sorted[0]; t <= last && out.length < 3000; t = nextBucket(t, interval)) out.push(t);
  // Buckets that do not fall on the stepped grid (should not happen) still get a bar.
  for (const t of sorted) if (!out.includes(t)) out.push(t);
  return out.sort();
}

function seriesOrder(by, a, b) {
  if (by === 'plover') {
    const ia = PLOVER.indexOf(a.key), ib = PLOVER.indexOf(b.key);
    return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib) || String(a.key).localeCompare(String(b.key));
  }
  return String(a.key).localeCompare(String(b.key), 'en', { numeric: true });
}

export function initTimeline({ onRange }) {
  const panel = $('#panel-timeline');
  const load = panelLoader(panel);
  const canvas = $('#timeline-chart');
  let chart = null;
  let current = { labels: [], interval: 'day' };

  const draw = (by, interval, series) => {
    const norm = series.map((s) => ({ ...s, points: s.points.map((p) => ({ t: dayOf(String(p.t)), count: p.count })) }));
    const labels = buckets(norm.flatMap((s) => s.points.map((p) => p.t)), interval);
    const index = new Map(labels.map((t, i) => [t, i]));
    const datasets = norm.sort((a, b) => seriesOrder(by, a, b)).map((s) => {
      const data = new Array(labels.length).fill(0);
      for (const p of s.points) data[index.get(p.t)] += p.count;
      const color = seriesColor(by, String(s.key));
      return { label: s.label && s.label !== s.key ? s.label : seriesLabel(by, String(s.key)), data, backgroundColor: color, borderColor: color, borderWidth: 0, stack: 'events' };
    });
    current = { labels, interval };
    const shown = labels.map((t) => (interval === 'month' ? t.slice(0, 7) : t));
    if (!chart) {
      chart = new Chart(canvas, {
        type: 'bar',
        data: { labels: shown, datasets },
        options: {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          interaction: { mode: 'index', intersect: false },
          scales: {
            x: { stacked: true, grid: { display: false }, ticks: { maxRotation: 0, autoSkip: true, autoSkipPadding: 12 } },
            y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'events' } },
          },
          plugins: {
            legend: { position: 'bottom', labels: { boxWidth: 10, boxHeight: 10, font: { size: 11 } } },
            tooltip: {
              filter: (item) => item.raw > 0,
              callbacks: { title: (items) => (items.length ? `${current.interval === 'week' ? 'week of ' : ''}${items[0].label}` : '') },
            },
          },
          onClick: (_ev, elements) => {
            if (!elements.length) return;
            const t = current.labels[elements[0].index];
            if (t) onRange(t, bucketEnd(t, current.interval));
          },
          onHover: (ev, elements) => { ev.native.target.style.cursor = elements.length ? 'pointer' : 'default'; },
        },
      });
    } else {
      chart.data.labels = shown;
      chart.data.datasets = datasets;
      chart.update();
    }
    canvas.dataset.buckets = String(labels.length);
    canvas.dataset.series = String(datasets.length);
  };

  const refresh = () => load(async (signal) => {
    const by = $('#tl-by').value;
    const chosen = $('#tl-interval').value;
    let interval = chosen === 'auto' ? 'day' : chosen;
    let data = await api('timeline', { params: { ...state.filters, by, interval }, signal });
    if (chosen === 'auto') {
      const ts = data.series.flatMap((s) => s.points.map((p) => dayOf(String(p.t)))).sort();
      const span = ts.length ? (toDate(ts[ts.length - 1]) - toDate(ts[0])) / DAY : 0;
      const better = span > 3 * 365 ? 'month' : span > 120 ? 'week' : 'day';
      if (better !== interval) {
        interval = better;
        data = await api('timeline', { params: { ...state.filters, by, interval }, signal });
      }
    }
    draw(by, interval, data.series);
    const total = data.series.reduce((n, s) => n + s.points.reduce((m, p) => m + p.count, 0), 0);
    return total ? '' : 'No dated events match these filters.';
  });

  $('#tl-by').addEventListener('change', refresh);
  $('#tl-interval').addEventListener('change', refresh);
  return { refresh };
}
