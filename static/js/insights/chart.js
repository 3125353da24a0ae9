/* The pain chart and the body map, drawn as SVG from a summary (insights/calc.js). Shared by the
   insights page and the printable summary. Built node by node with createElementNS: the values
   come from records other devices wrote, and the CSP allows no inline styles, so colours come
   from classes (insights.css) and the two series differ by shape and dash as well as colour. */
// @ts-check
import * as insights from './calc.js';
import * as body from '../lib/body.js';

const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value !== null && value !== undefined) node.setAttribute(name, String(value));
  }
  node.append(...children);
  return node;
}

// Days are local calendar days 'YYYY-MM-DD'; noon keeps a DST change from moving the date.
function dayDate(day) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d, 12);
}
const formatDay = (day, options) => dayDate(day).toLocaleDateString(undefined, options);
const shortDay = (day) => formatDay(day, { day: 'numeric', month: 'short' });
const tableDay = (day) => formatDay(day, { weekday: 'short', day: 'numeric', month: 'short' });
const dayRange = (from, to) => `${formatDay(from, { day: 'numeric', month: 'short' })} – ${formatDay(to, { day: 'numeric', month: 'short', year: 'numeric' })}`;

/** One decimal only when there is one: 5 and 4.5, never 5.0. */
const score = (value) => (value === null || value === undefined ? '–' : String(Math.round(value * 10) / 10));

// Which days get a date under the axis: every day of a week, otherwise one a week (or a
// fortnight) counted back from today, so the newest day is always labelled.
function labelEvery(count, width) {
  if (count <= 7) return 1;
  const room = Math.floor(width / 64); // a date like "Nov 24" with space either side
  if (count <= room) return 1;
  if (Math.ceil(count / 2) <= room) return 2;
  let step = 7;
  while (Math.ceil(count / step) > room) step += 7;
  return step;
}

// Each series differs by marker shape and line dash as well as colour (insights.css).
const MARKERS = {
  circle: (x, y, r) => svg('circle', { cx: x, cy: y, r }),
  square: (x, y, r) => svg('rect', { x: x - r, y: y - r, width: r * 2, height: r * 2 }),
  diamond: (x, y, r) => svg('path', { d: `M${x} ${y - r * 1.3}L${x + r * 1.3} ${y}L${x} ${y + r * 1.3}L${x - r * 1.3} ${y}Z` }),
};
const PAIN_SERIES = [{ key: 'leg', marker: 'circle' }, { key: 'back', marker: 'square' }];
/** Nerve symptoms, levels 0 (none) to 3 (severe). */
const NERVE_SERIES = [{ key: 'numbness', marker: 'circle' }, { key: 'tingling', marker: 'square' }, { key: 'weakness', marker: 'diamond' }];
/** Function: the PSFS average, 0 (unable) to 10 (as before). */
const FUNCTION_SERIES = [{ key: 'psfs', marker: 'diamond' }];

/**
 * Leg and back pain per day, 0 to 10, with a triangle under each day a routine was finished.
 * Returns the <svg>; its accessible name is `label` (the page also offers the values as a table).
 * `series`, `max` and `step` draw other measures on the same frame (nerve symptoms 0-3, the PSFS
 * 0-10); `routines: false` leaves the routine markers out.
 * @param {{ days: Array<Record<string, any>> }} summary
 * @param {{ width?: number, height?: number, label?: string, series?: Array<{ key: string, marker: string }>,
 *   max?: number, step?: number, routines?: boolean, compact?: boolean, connect?: boolean }} [options]
 * `connect` joins a series' points across days without a value: for a weekly measure (the
 * function check-ins) the days between are not gaps in the data.
 */
function painChart(summary, { width = 360, height = 220, label = '', series: seriesList = PAIN_SERIES, max = 10, step = 2, routines: markRoutines = true, compact = false, connect = false } = {}) {
  const days = summary.days;
  const count = days.length;
  const left = 30;
  const right = width - 8;
  const top = 10;
  // `compact` (the printed summary) keeps the routine markers and dates closer to the axis.
  const bottom = height - (compact ? 44 : 58);
  const routineRow = bottom + (compact ? 14 : 20);
  const labelRow = bottom + (compact ? 38 : 48);
  const inset = count > 60 ? 4 : 8; // markers at the first and last day stay inside the frame
  const plotWidth = right - left - 2 * inset;
  const plotHeight = bottom - top;
  const dense = count > 31;
  const radius = count <= 7 ? 5.5 : dense ? 2.6 : 4;
  const node = svg('svg', {
    class: `pain-chart${dense ? ' is-dense' : ''}`, viewBox: `0 0 ${width} ${height}`,
    width, height, role: 'img', 'aria-label': label, focusable: 'false',
  });

  const grid = svg('g', { class: 'chart-grid' });
  for (let value = 0; value <= max; value += step) {
    const y = bottom - (value / max) * plotHeight;
    grid.append(svg('line', { x1: left, x2: right, y1: y, y2: y, class: value === 0 ? 'chart-axis' : null }));
    grid.append(svg('text', { x: left - 6, y: y + 5, 'text-anchor': 'end', class: 'chart-tick' }, String(value)));
  }
  node.append(grid);

  const xOf = (i) => left + inset + (count > 1 ? (i * plotWidth) / (count - 1) : plotWidth / 2);
  const every = labelEvery(count, right - left);
  const labels = svg('g', { class: 'chart-days' });
  const routines = svg('g', { class: 'chart-routines' });
  days.forEach((day, i) => {
    const x = xOf(i);
    if ((count - 1 - i) % every === 0) {
      // Dates on the axis (a clinician reads "Wed 18", not just "Wed"); a date a week apart beyond that.
      const text = count <= 7 ? `${formatDay(day.day, { weekday: 'short' })} ${Number(day.day.slice(8))}` : shortDay(day.day);
      labels.append(svg('line', { x1: x, x2: x, y1: bottom, y2: bottom + 4, class: 'chart-axis' }));
      // The outermost labels move inwards (their tick stays) so they are not cut off at the edge.
      const half = text.length * 4;
      const textX = Math.min(Math.max(x, left + half), width - half);
      labels.append(svg('text', { x: textX, y: labelRow, 'text-anchor': 'middle', class: 'chart-tick' }, text));
    }
    if (markRoutines && day.routines.length) {
      // A guide line up through the day helps on a week or a month; on 90 days it would be a fog.
      if (!dense) routines.append(svg('line', { x1: x, x2: x, y1: top, y2: bottom, class: 'chart-routine-line' }));
      const size = dense ? 5 : 7;
      routines.append(svg('path', {
        d: `M${x} ${routineRow - size}L${x + size} ${routineRow + size * 0.8}L${x - size} ${routineRow + size * 0.8}Z`,
        class: 'chart-routine', 'data-day': day.day, 'data-count': day.routines.length,
      }));
    }
  });
  node.append(routines, labels);

  // Runs of consecutive days with a value: a missing day breaks the line rather than bridging it.
  const runs = insights.chartPoints(days, { width: plotWidth, height: plotHeight, max }, seriesList.map((s) => s.key));
  const points = connect ? Object.fromEntries(Object.entries(runs).map(([key, list]) => [key, list.length ? [list.flat()] : []])) : runs;
  /** @type {Array<[string, (x: number, y: number) => Element]>} */
  const series = seriesList.map(({ key, marker }) => [key, (x, y) => MARKERS[marker](x, y, radius)]);
  for (const [key, marker] of series) {
    const group = svg('g', { class: `chart-series chart-${key}` });
    for (const run of points[key]) {
      if (run.length > 1) {
        const d = run.map((p, i) => `${i ? 'L' : 'M'}${(p.x + left + inset).toFixed(1)} ${(p.y + top).toFixed(1)}`).join('');
        group.append(svg('path', { d, class: 'chart-line' }));
      }
    }
    for (const run of points[key]) {
      for (const p of run) {
        const dot = marker(p.x + left + inset, p.y + top);
        dot.setAttribute('class', 'chart-point');
        dot.setAttribute('data-day', p.day);
        dot.setAttribute('data-value', String(p.value));
        group.append(dot);
      }
    }
    node.append(group);
  }
  return node;
}

/** A small swatch for the legend: the series' line style with its marker. */
function swatch(kind, marker = kind === 'leg' ? 'circle' : 'square') {
  const node = svg('svg', { class: 'chart-swatch', viewBox: '0 0 36 16', width: 36, height: 16, 'aria-hidden': 'true', focusable: 'false' });
  if (kind === 'routine') {
    node.append(svg('path', { d: 'M18 2L25 14L11 14Z', class: 'chart-routine' }));
    return node;
  }
  const group = svg('g', { class: `chart-series chart-${kind}` }, svg('path', { d: 'M2 8L34 8', class: 'chart-line' }));
  const point = MARKERS[marker](18, 8, 4.5);
  point.setAttribute('class', 'chart-point');
  group.append(point);
  node.append(group);
  return node;
}

/** @type {Array<[string, string]>} */
const PAIN_LEGEND = [['leg', 'Leg pain (solid line, circles)'], ['back', 'Back pain (dashed line, squares)'], ['routine', 'Routine done']];
/** @type {Array<[string, string]>} */
const NERVE_LEGEND = [['numbness', 'Numbness (solid, circles)'], ['tingling', 'Tingling (dashed, squares)'], ['weakness', 'Weakness (dotted, diamonds)']];
/** @type {Array<[string, string]>} */
const FUNCTION_LEGEND = [['psfs', 'Activities you chose, average (diamonds)']];

/** @param {Array<[string, string]>} [items] */
function legend(items = PAIN_LEGEND) {
  const markerOf = Object.fromEntries([...PAIN_SERIES, ...NERVE_SERIES, ...FUNCTION_SERIES].map((s) => [s.key, s.marker]));
  const list = document.createElement('ul');
  list.className = 'chart-legend';
  for (const [kind, text] of items) {
    const item = document.createElement('li');
    item.append(swatch(kind, markerOf[kind]), ` ${text}`);
    list.append(item);
  }
  return list;
}

function shadeOf(count, max) {
  if (!count) return 0;
  return Math.max(1, Math.min(4, Math.ceil((count / max) * 4)));
}

/**
 * Where symptoms were felt: the sciatica body map from behind and from the front, each region
 * shaded by how often it was logged on that side. `names` are the regions' labels, for the
 * accessible name; the counts are in the name and beside the map (the summary's list), and
 * `foot` (older entries, not on the map) is only in those.
 */
function bodyMap(areas, names = {}) {
  const counted = Object.entries(areas).filter(([, a]) => a && (a.left || a.right));
  const max = Math.max(1, ...counted.flatMap(([, a]) => [a.left, a.right]));
  const parts = counted.map(([region, a]) => `${names[region] || region}: left ${a.left}, right ${a.right}`);
  const { width, height, x } = body.VIEW_BOX;
  const node = svg('svg', {
    class: 'summary-figure', viewBox: `0 0 ${2 * width} ${height + 22}`, width: 2 * width, height: height + 22,
    role: 'img', focusable: 'false',
    'aria-label': `Body map from behind and from the front. Times each area was logged: ${parts.join('; ') || 'none'}.`,
  });
  // The same figure as the log form's map (lib/body.js), shaded by count instead of chosen.
  for (const [index, view] of ['back', 'front'].entries()) {
    const group = body.drawBody(view, { id: `summary-${view}`, regionClass: 'body-region', labels: { left: 'L', right: 'R' } });
    group.setAttribute('transform', `translate(${index * width - x} 0)`);
    for (const shape of group.querySelectorAll('[data-region]')) {
      const { region, side } = /** @type {SVGElement} */ (shape).dataset;
      const count = (areas[region] || { left: 0, right: 0 })[side];
      shape.setAttribute('class', `body-region shade-${shadeOf(count, max)}`);
      shape.setAttribute('data-count', String(count));
    }
    group.append(svg('text', { x: 100, y: height + 18, 'text-anchor': 'middle', class: 'body-side' }, view === 'back' ? 'Back' : 'Front'));
    node.append(group);
  }
  return node;
}

export {
  painChart, legend, bodyMap, score, shortDay, tableDay, dayRange, dayDate, svg,
  PAIN_SERIES, NERVE_SERIES, FUNCTION_SERIES, NERVE_LEGEND, FUNCTION_LEGEND,
};
