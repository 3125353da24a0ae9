/* The insights page: pain over the chosen period with routines marked, nerve symptoms and what
   the person can do (the function check-ins) next to it, before/after figures judged by the
   meaningful-change rule, how often routines were done, the routines followed by the biggest
   drops, and downloads (CSV, FHIR). Everything is read from this device's IndexedDB, so it works
   offline. The period starts at the first use: earlier days are not "missed". */
// @ts-check
import { announce, byId, make, prefs } from '../lib/dom.js';
import * as catalog from '../lib/catalog.js';
import * as chart from './chart.js';
import * as csv from '../export/csv.js';
import * as fhir from '../export/fhir.js';
import * as insights from './calc.js';
import { functionSummary } from './measures.js';
import { VERDICT_WORDS, verdictSentence } from './outcome.js';
import * as records from '../sync/records.js';
import * as store from '../lib/store.js';
import { INSIGHT_PERIODS } from '../generated/contract.js';

const root = byId('insights');

const PERIOD_KEY = 'relieve.insights.period';
const PERSON_KEY = 'relieve.summary.person'; // the summary's name line, when kept on this device
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

/** "the last 30 days (…)", or, when the period began before the first use, the days since then. */
function spanText(s) {
  if (s.trimmed) return `the ${plural(s.dayCount, 'day', 'days')} since you started (${chart.dayRange(s.from, s.to)})`;
  return `the last ${s.dayCount} days (${chart.dayRange(s.from, s.to)})`;
}

function sentence(s) {
  const span = spanText(s);
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
  // Rated, but with no step done: the ratings say nothing about a routine, and the page says why they are left out.
  const left = b.noSteps ? ` ${plural(b.noSteps, 'session', 'sessions')} with both ratings had no step done, so ${b.noSteps === 1 ? 'it is' : 'they are'} not counted.` : '';
  if (!b.count) {
    return `No sessions in this period with a step done have a pain rating at both the start and the end. The player asks for both; they are optional.${left}`;
  }
  const drop = b.drop > 0 ? `${points(b.drop)} lower afterwards` : b.drop < 0 ? `${points(-b.drop)} higher afterwards` : 'no different afterwards';
  return `Across ${plural(b.count, 'session', 'sessions')} with both ratings, pain averaged ${score(b.before)} before and ${score(b.after)} after (out of 10): ${drop}. `
    + verdictSentence(b.verdict, b.count) + left;
}

const LEVEL_WORDS = ['none', 'mild', 'moderate', 'severe'];
const levelText = (avg) => `${score(avg)} (${LEVEL_WORDS[Math.round(avg)]})`;

function nerve(s) {
  const parts = [];
  for (const [key, name] of [['numbness', 'numbness'], ['tingling', 'tingling'], ['weakness', 'weakness']]) {
    const n = s.nerve[key];
    if (n.avg === null) continue;
    const change = n.change === null ? '' : n.change === 0 ? ', about the same through the period'
      : n.change < 0 ? `, down ${score(-n.change)} from the first half to the second` : `, up ${score(n.change)} from the first half to the second`;
    parts.push(`${name} averaged ${levelText(n.avg)}${change}`);
  }
  const text = parts.length
    ? `Over ${spanText(s)}, ${parts.join('; ')}. Levels from 0 (none) to 3 (severe).`
    : `No numbness, tingling or weakness was rated in ${spanText(s)}. The full log form asks about them.`;
  byId('nerve-summary').textContent = text;
  const figure = byId('nerve-figure');
  figure.hidden = !parts.length;
  if (!parts.length) return;
  byId('nerve-chart').replaceChildren(chart.painChart(s, { label: `Chart of numbness, tingling and weakness per day. ${text}`, series: chart.NERVE_SERIES, max: 3, step: 1, routines: false }));
  const legend = byId('nerve-legend');
  legend.querySelector('.chart-legend')?.remove();
  legend.prepend(chart.legend(chart.NERVE_LEGEND));
}

const minutesText = (m) => (m === null ? '' : `${m} min`);

function functionPart(s, checks, now) {
  const f = functionSummary(checks, { from: s.from, now });
  const list = byId('function-list');
  const figure = byId('function-figure');
  if (!f.total) {
    byId('function-summary').textContent = 'No function check-ins yet. Name 3 to 5 activities that matter to you and rate them once a week, to see whether you can do more.';
    figure.hidden = true;
    list.replaceChildren();
    return;
  }
  const parts = [];
  if (f.psfs) {
    const since = f.psfs.change === null ? `${score(f.psfs.latest)} out of 10 at your first check-in`
      : `${score(f.psfs.first)} at your first check-in and ${score(f.psfs.latest)} at your latest (${f.psfs.change > 0 ? '+' : ''}${score(f.psfs.change)}${f.psfs.meaningful ? ', a change of 2 points or more' : ', less than 2 points'})`;
    parts.push(`your activities averaged ${since}`);
  }
  if (f.walk) parts.push(`walking ${f.walk.change === null ? minutesText(f.walk.latest) : `${minutesText(f.walk.first)} then ${minutesText(f.walk.latest)}`} at a time`);
  if (f.sit) parts.push(`sitting ${f.sit.change === null ? minutesText(f.sit.latest) : `${minutesText(f.sit.first)} then ${minutesText(f.sit.latest)}`}`);
  const change = f.change ? ` Compared with when you started: ${changeWords(f.change.value)} (${chart.tableDay(f.change.day)}).` : '';
  const text = `From ${plural(f.total, 'check-in', 'check-ins')}, ${f.checks} in this period: ${parts.join('; ') || 'no activities rated yet'}.${change}`;
  byId('function-summary').textContent = text;
  const drawn = s.days.some((d) => d.psfs !== null);
  figure.hidden = !drawn;
  if (drawn) {
    byId('function-chart').replaceChildren(chart.painChart(s, { label: `Chart of your activities' average score per check-in. ${text}`, series: chart.FUNCTION_SERIES, routines: false, connect: true }));
    const legend = byId('function-legend');
    legend.querySelector('.chart-legend')?.remove();
    legend.prepend(chart.legend(chart.FUNCTION_LEGEND));
  }
  // Walking and sitting minutes over time, next to the average: one row per check-in.
  byId('function-table-box').hidden = !f.points.length;
  /** @type {HTMLTableElement} */ (byId('function-table')).tBodies[0].replaceChildren(...[...f.points].reverse().map((p) => make('tr', {},
    make('th', { scope: 'row', textContent: chart.tableDay(p.day) }),
    make('td', { textContent: p.psfs === null ? 'not rated' : score(p.psfs) }),
    make('td', { textContent: p.walk === null ? '–' : String(p.walk) }),
    make('td', { textContent: p.sit === null ? '–' : String(p.sit) }),
    make('td', { textContent: p.change === null ? '–' : changeWords(p.change) }))));
  list.replaceChildren(...f.activities.map((a) => {
    const delta = a.change === null ? `${a.latest} out of 10 (one check-in so far)`
      : `${a.first} then ${a.latest} out of 10: ${a.change === 0 ? 'no change' : `${a.change > 0 ? '+' : '−'}${points(Math.abs(a.change))}`}${a.meaningful ? ', a change most people notice' : ''}`;
    return make('li', {}, make('strong', { textContent: a.name }), `: ${delta}`);
  }));
}

const CHANGE_WORDS = ['very much worse', 'much worse', 'a little worse', 'about the same', 'a little better', 'much better', 'very much better'];
const changeWords = (value) => CHANGE_WORDS[value + 3] || String(value);

function often(s) {
  const of = s.trimmed ? `the ${s.dayCount} since you started` : `the last ${s.dayCount}`;
  byId('days-per-week').textContent = s.sessions.finished
    ? `You finished a routine on ${plural(s.activeDays, 'day', 'days')} of ${of}${s.daysPerWeek === null ? '' : `: about ${score(s.daysPerWeek)} days a week`} (${plural(s.sessions.finished, 'routine', 'routines')} finished).`
    : `No routines finished in ${s.trimmed ? `the ${plural(s.dayCount, 'day', 'days')} since you started` : `the last ${s.dayCount} days`}.`;
  const weeks = s.weeks.length > 1 && s.sessions.finished ? s.weeks : [];
  byId('week-list').replaceChildren(...[...weeks].reverse().map((w) => make('li', {},
    make('span', { textContent: chart.dayRange(w.from, w.to) }),
    make('strong', { textContent: `${w.activeDays} of ${w.dayCount} days` }))));
}

function drops(s) {
  const items = s.routines.map((r) => {
    const change = r.avgDrop > 0 ? `${points(r.avgDrop)} lower on average` : r.avgDrop < 0 ? `${points(-r.avgDrop)} higher on average` : 'no change on average';
    const verdict = VERDICT_WORDS[r.verdict] || '';
    return make('li', {}, make('strong', { textContent: r.name }), `: pain ${change} (${plural(r.rated, 'rated session', 'rated sessions')}; ${verdict})`);
  });
  byId('drop-list').replaceChildren(...items);
  byId('drops-empty').hidden = items.length > 0;
}

let drawing = 0;
let drawn = null;
let chosen = false; // the person picked a period (now or on an earlier visit)
async function draw() {
  const run = ++drawing;
  const [logs, sessions, flags, checks, treatments] = await Promise.all(
    [store.all('logs'), store.all('sessions'), store.all('flags'), store.all('checks'), store.all('treatments')]);
  if (run !== drawing) return; // a newer draw (another period, a sync) is on its way
  const now = new Date();
  const since = insights.firstUse({ logs, sessions, checks, treatments }, now);
  // Until the person picks one, the period fits the data there is.
  if (!chosen) {
    const fits = root.querySelector(`input[name="period"][value="${insights.chooseRange(since, now)}"]`);
    if (fits) /** @type {HTMLInputElement} */ (fits).checked = true;
  }
  const days = period();
  // A sync that brought nothing new leaves the page alone: no flicker, no lost place in the table.
  const signature = JSON.stringify([days, insights.localDay(now), logs, sessions, flags, checks]);
  if (signature === drawn) return;
  const summaryLink = /** @type {HTMLAnchorElement} */ (byId('summary-link'));
  summaryLink.href = `/insights/summary?days=${days}`;
  const empty = !logs.length && !sessions.length && !checks.length;
  byId('insights-empty').hidden = !empty;
  byId('insights-body').hidden = empty;
  if (empty) return;
  const s = insights.summarize({ logs, sessions, flags, checks, days, now, since });
  const note = byId('period-note');
  note.hidden = !s.trimmed;
  note.textContent = s.trimmed ? `You started on ${chart.tableDay(s.from)}: the ${s.requestedDays} days count from then, so days before it are not counted as missed.` : '';
  const text = sentence(s);
  byId('chart-summary').textContent = text;
  byId('pain-chart').replaceChildren(chart.painChart(s, { label: `Chart of leg and back pain per day. ${text}` }));
  const legend = byId('chart-legend');
  legend.querySelector('.chart-legend')?.remove();
  legend.prepend(chart.legend());
  table(s);
  nerve(s);
  functionPart(s, checks, now);
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
if (PERIODS.includes(saved)) {
  /** @type {HTMLInputElement} */ (root.querySelector(`input[name="period"][value="${saved}"]`)).checked = true;
  chosen = true;
}
byId('period-switch').addEventListener('change', () => {
  chosen = true;
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

/** One download button: `build` returns the file's text and the status line. */
function downloadButton(id, build, name, type) {
  byId(id).addEventListener('click', async () => {
    try {
      const [text, done] = await build();
      download(text, name(), type);
      status.textContent = done;
    } catch (error) {
      status.textContent = `The file could not be made: ${error.message}`;
    }
  });
}
const byField = (field) => (a, b) => String(a[field]).localeCompare(String(b[field]));
const CSV = 'text/csv;charset=utf-8';
downloadButton('download-treatments', async () => {
  const list = (await store.all('treatments')).sort(byField('takenAt'));
  return [csv.treatmentsCsv(list), `Medicines and treatments downloaded: ${plural(list.length, 'entry', 'entries')}.`];
}, () => csv.filename('treatments', new Date()), CSV);
downloadButton('download-checks', async () => {
  const list = (await store.all('checks')).sort(byField('checkedAt'));
  return [csv.checksCsv(list), `Function check-ins downloaded: ${plural(list.length, 'check-in', 'check-ins')}.`];
}, () => csv.filename('checks', new Date()), CSV);
downloadButton('download-activities', async () => {
  const list = (await store.all('activities')).sort(byField('addedAt'));
  return [csv.activitiesCsv(list), `Your activities downloaded: ${plural(list.length, 'activity', 'activities')}.`];
}, () => csv.filename('activities', new Date()), CSV);
downloadButton('download-fhir', async () => {
  const [logs, checks, treatments] = await Promise.all([store.all('logs'), store.all('checks'), store.all('treatments')]);
  // A name goes in only if the person typed one on the summary and kept it on this device.
  const kept = prefs.getJSON(PERSON_KEY);
  const patient = kept && typeof kept === 'object' ? { name: String(kept.name || ''), birthDate: String(kept.born || '') } : null;
  const bundle = fhir.fhirBundle({ logs, checks, treatments, patient, now: new Date() });
  const named = bundle.entry[0].resource.name ? 'with the name you kept on this device' : 'with no name on it';
  return [JSON.stringify(bundle, null, 2), `FHIR file downloaded: ${plural(bundle.entry.length - 1, 'record', 'records')}, ${named}.`];
}, () => fhir.fhirFilename(new Date()), 'application/fhir+json');

redraw();
// New entries from this device or pulled from the account appear without a reload.
records.onChange(redraw, { types: ['symptom_log', 'session', 'flag', 'function_check', 'treatment'] });
window.addEventListener('relieve:synced', redraw);
