/* The insights page: pain over the chosen period with routines marked, before/after figures,
   how often routines were done, the routines followed by the biggest drops, and CSV downloads.
   Everything is read from this device's IndexedDB, so it works offline. */
// @ts-check
import { announce, byId, make, prefs } from '../lib/dom.js';
import * as catalog from '../lib/catalog.js';
import * as chart from './chart.js';
import * as csv from '../export/csv.js';
import * as insights from './calc.js';
import * as records from '../sync/records.js';
import * as store from '../lib/store.js';
import { INSIGHT_PERIODS } from '../generated/contract.js';

const root = byId('insights');

const PERIOD_KEY = 'relieve.insights.period';
const PERIODS = INSIGHT_PERIODS.map(String);
const { score } = chart;
const points = (n) => (n === 1 ? '1 point' : `${score(n)} points`);
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;

function period() {
  const checked = /** @type {HTMLInputElement | null} */ (root.querySelector('input[name="period"]:checked'));
  return Number(checked ? checked.value : 30);
}

/** "went down by 1.5 points" from the change between the halves of the period. */
function changeText(change) {
  if (change === null) return '';
  if (change === 0) return 'about the same';
  return change < 0 ? `down ${points(-change)}` : `up ${points(change)}`;
}

function sentence(s) {
  const span = `the last ${s.dayCount} days (${chart.dayRange(s.from, s.to)})`;
  if (!s.entries) return `No pain was logged in ${span}.`;
  const parts = [];
  if (s.avgLeg !== null) parts.push(`leg pain averaged ${score(s.avgLeg)}`);
  if (s.avgBack !== null) parts.push(`back pain ${score(s.avgBack)}`);
  const changes = [];
  if (s.change.leg !== null) changes.push(`leg pain ${changeText(s.change.leg)}`);
  if (s.change.back !== null) changes.push(`back pain ${changeText(s.change.back)}`);
  const trend = changes.length ? ` From the first half of the period to the second, ${changes.join(' and ')}.` : '';
  return `Over ${span}, ${parts.join(' and ')} out of 10, from ${plural(s.entries, 'entry', 'entries')}; `
    + `routines were done on ${plural(s.activeDays, 'day', 'days')}.${trend}`;
}

function table(s) {
  const body = /** @type {HTMLTableElement} */ (byId('pain-table')).tBodies[0];
  const rows = [...s.days].reverse().map((day) => make('tr', {},
    make('th', { scope: 'row', textContent: chart.tableDay(day.day) }),
    make('td', { textContent: day.leg === null ? 'not logged' : score(day.leg) }),
    make('td', { textContent: day.back === null ? 'not logged' : score(day.back) }),
    make('td', { textContent: String(day.entries) }),
    make('td', { textContent: day.routines.join(', ') || '–' })));
  body.replaceChildren(...rows);
  byId('pain-table-caption').textContent = `Pain per day, out of 10, newest first: ${chart.dayRange(s.from, s.to)}`;
}

function beforeAfter(s) {
  const b = s.beforeAfter;
  if (!b.count) {
    return 'No sessions in this period have a pain rating at both the start and the end. The player asks for both; they are optional.';
  }
  const drop = b.drop > 0 ? `${points(b.drop)} lower afterwards` : b.drop < 0 ? `${points(-b.drop)} higher afterwards` : 'no different afterwards';
  return `Across ${plural(b.count, 'session', 'sessions')} with both ratings, pain averaged ${score(b.before)} before and ${score(b.after)} after (out of 10): ${drop}.`;
}

function often(s) {
  byId('days-per-week').textContent = s.sessions.finished
    ? `You finished a routine on ${plural(s.activeDays, 'day', 'days')} of the last ${s.dayCount}: about ${score(s.daysPerWeek)} days a week (${plural(s.sessions.finished, 'routine', 'routines')} finished).`
    : `No routines finished in the last ${s.dayCount} days.`;
  const weeks = s.weeks.length > 1 && s.sessions.finished ? s.weeks : [];
  byId('week-list').replaceChildren(...[...weeks].reverse().map((w) => make('li', {},
    make('span', { textContent: chart.dayRange(w.from, w.to) }),
    make('strong', { textContent: `${w.activeDays} of ${w.dayCount} days` }))));
}

function drops(s) {
  const items = s.routines.map((r) => {
    const change = r.avgDrop > 0 ? `${points(r.avgDrop)} lower on average` : r.avgDrop < 0 ? `${points(-r.avgDrop)} higher on average` : 'no change on average';
    return make('li', {}, make('strong', { textContent: r.name }), `: pain ${change} (${plural(r.rated, 'rated session', 'rated sessions')})`);
  });
  byId('drop-list').replaceChildren(...items);
  byId('drops-empty').hidden = items.length > 0;
}

let drawing = 0;
let drawn = null;
async function draw() {
  const run = ++drawing;
  const [logs, sessions, flags] = await Promise.all([store.all('logs'), store.all('sessions'), store.all('flags')]);
  if (run !== drawing) return; // a newer draw (another period, a sync) is on its way
  const days = period();
  // A sync that brought nothing new leaves the page alone: no flicker, no lost place in the table.
  const signature = JSON.stringify([days, insights.localDay(new Date()), logs, sessions, flags]);
  if (signature === drawn) return;
  const summaryLink = /** @type {HTMLAnchorElement} */ (byId('summary-link'));
  summaryLink.href = `/insights/summary?days=${days}`;
  const empty = !logs.length && !sessions.length;
  byId('insights-empty').hidden = !empty;
  byId('insights-body').hidden = empty;
  if (empty) return;
  const s = insights.summarize({ logs, sessions, flags, days, now: new Date() });
  const text = sentence(s);
  byId('chart-summary').textContent = text;
  byId('pain-chart').replaceChildren(chart.painChart(s, { label: `Chart of leg and back pain per day. ${text}` }));
  const legend = byId('chart-legend');
  legend.querySelector('.chart-legend')?.remove();
  legend.prepend(chart.legend());
  table(s);
  byId('before-after').textContent = beforeAfter(s);
  often(s);
  drops(s);
  drawn = signature;
}

const redraw = () => draw().catch((error) => {
  byId('chart-summary').textContent = `Your insights could not be worked out: ${error.message}`;
  byId('insights-body').hidden = false;
});

const saved = prefs.get(PERIOD_KEY);
if (PERIODS.includes(saved)) /** @type {HTMLInputElement} */ (root.querySelector(`input[name="period"][value="${saved}"]`)).checked = true;
byId('period-switch').addEventListener('change', () => {
  prefs.set(PERIOD_KEY, String(period()));
  redraw();
  announce(`Showing the last ${period()} days.`);
});

/** A file made here, handed to the browser as a download: nothing goes to a server. */
function download(text, name, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = make('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function techniqueNames() {
  try {
    const data = await catalog.load();
    return Object.fromEntries(Object.entries(data.techniques).map(([slug, t]) => [slug, t.name]));
  } catch {
    return {}; // the file still lists the techniques by their short ids
  }
}

const status = byId('download-status');
byId('download-logs').addEventListener('click', async () => {
  try {
    const logs = (await store.all('logs')).sort((a, b) => String(a.loggedAt).localeCompare(String(b.loggedAt)));
    download(csv.logsCsv(logs), csv.filename('logs', new Date()), 'text/csv;charset=utf-8');
    status.textContent = `Symptom log downloaded: ${plural(logs.length, 'entry', 'entries')}.`;
  } catch (error) {
    status.textContent = `The file could not be made: ${error.message}`;
  }
});
byId('download-sessions').addEventListener('click', async () => {
  try {
    const sessions = (await store.all('sessions')).sort((a, b) => String(a.startedAt).localeCompare(String(b.startedAt)));
    download(csv.sessionsCsv(sessions, { techniqueNames: await techniqueNames() }), csv.filename('sessions', new Date()), 'text/csv;charset=utf-8');
    status.textContent = `Sessions downloaded: ${plural(sessions.length, 'session', 'sessions')}.`;
  } catch (error) {
    status.textContent = `The file could not be made: ${error.message}`;
  }
});

redraw();
// New entries from this device or pulled from the account appear without a reload.
records.onChange(redraw, { types: ['symptom_log', 'session', 'flag'] });
window.addEventListener('relieve:synced', redraw);
