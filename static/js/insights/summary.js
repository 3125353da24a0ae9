/* The one-page summary for a clinician: the chosen period's pain, where it was felt, routines
   and their effect, techniques that made things worse, and the warning-sign answers. Made from
   this device's records; print.css fits it on one page. */
// @ts-check
import { byId, make, prefs } from '../lib/dom.js';
import * as catalog from '../lib/catalog.js';
import * as chart from './chart.js';
import * as insights from './calc.js';
import * as records from '../sync/records.js';
import * as store from '../lib/store.js';
import { INSIGHT_PERIODS } from '../generated/contract.js';

const sheet = byId('summary');

const PERIOD_KEY = 'relieve.insights.period'; // shared with the insights page: one chosen period
const PERIODS = INSIGHT_PERIODS.map(String);
const regionNames = JSON.parse(sheet.dataset.regions || '{}');
const { score } = chart;
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const date = (iso) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const shortDate = (iso) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
const signed = (n) => (n > 0 ? `+${score(n)}` : n < 0 ? `−${score(-n)}` : '0');

function figures(list, rows) {
  list.replaceChildren(...rows.flatMap(([term, value]) => [make('dt', { textContent: term }), make('dd', { textContent: value })]));
}

function chosenPeriod() {
  const fromAddress = new URLSearchParams(window.location.search).get('days');
  if (PERIODS.includes(fromAddress)) return fromAddress;
  const saved = prefs.get(PERIOD_KEY);
  return PERIODS.includes(saved) ? saved : '30';
}

async function questions() {
  try {
    const data = await catalog.load();
    return data.safety || { redFlags: [], contraindications: [] };
  } catch {
    return { redFlags: [], contraindications: [] }; // answers are still listed, by their ids
  }
}

async function techniqueName() {
  try {
    const data = await catalog.load();
    return (slug) => (data.techniques[slug] ? data.techniques[slug].name : slug);
  } catch {
    return (slug) => slug;
  }
}

function painSection(s) {
  const change = [];
  if (s.change.leg !== null) change.push(`leg ${signed(s.change.leg)}`);
  if (s.change.back !== null) change.push(`back ${signed(s.change.back)}`);
  figures(byId('pain-figures'), [
    ['Log entries', `${s.entries} on ${s.days.filter((d) => d.entries).length} of ${s.dayCount} days`],
    ['Average leg pain', s.avgLeg === null ? 'not logged' : `${score(s.avgLeg)} / 10`],
    ['Average back pain', s.avgBack === null ? 'not logged' : `${score(s.avgBack)} / 10`],
    ['Change (1st → 2nd half)', change.length ? change.join(', ') : 'not enough entries'],
  ]);
  const label = `Chart of average leg and back pain per day, ${chart.dayRange(s.from, s.to)}, with the days a routine was done marked.`;
  byId('summary-chart-screen').replaceChildren(chart.painChart(s, { label }));
  byId('summary-chart').replaceChildren(chart.painChart(s, { width: 760, height: 164, label }));
  byId('summary-legend').replaceChildren(chart.legend());
}

function whereSection(s) {
  byId('summary-body-map').replaceChildren(chart.bodyMap(s.areas, regionNames));
  const items = [];
  for (const [region, counts] of Object.entries(s.areas)) {
    if (!counts.left && !counts.right) continue;
    items.push(make('li', { textContent: `${regionNames[region] || region}: left ${counts.left}, right ${counts.right}` }));
  }
  if (!items.length) items.push(make('li', { textContent: 'No areas logged in this period.' }));
  byId('area-counts').replaceChildren(...items);
}

function routineSection(s, nameOf) {
  const b = s.beforeAfter;
  const ended = s.sessions.total - s.sessions.finished;
  const endedText = ended ? `, ${ended} ended early` : '';
  const top = s.routines.slice(0, 3).map((r) => `${r.name} ${signed(-r.avgDrop)} (${r.rated} rated)`).join('; ');
  figures(byId('routine-figures'), [
    ['Sessions', `${s.sessions.total} (${s.sessions.finished} finished${endedText})`],
    ['Days with a routine', `${s.activeDays} of ${s.dayCount}: ${score(s.daysPerWeek)} days a week`],
    ['Pain before → after', b.count
      ? `${score(b.before)} → ${score(b.after)} (${signed(-b.drop)}, ${plural(b.count, 'rated session', 'rated sessions')})`
      : 'no rated sessions'],
    ['Change by routine', top || 'none rated'],
  ]);
  const flagged = s.flagged.map((f) => make('li', { textContent: `${nameOf(f.technique)} (${plural(f.count, 'time', 'times')})` }));
  if (!flagged.length) flagged.push(make('li', { textContent: 'None flagged in this period.' }));
  byId('flagged-list').replaceChildren(...flagged);
}

function warningSection(s, screenings, safety, now) {
  // Each sign in short, with its tier's name: the same words as the check and the log.
  const known = [...safety.redFlags, ...(safety.retiredRedFlags || [])];
  const tierName = Object.fromEntries((safety.tiers || []).map((t) => [t.id, t.name]));
  const redFlagText = Object.fromEntries(known.map((q) => [q.id, q.sign || q.question]));
  const tierOf = Object.fromEntries(known.map((q) => [q.id, tierName[q.tier]]));
  // Grouped by tier, and signs seen on the same dates share them, so a bad quarter fits the page.
  const describe = (entries) => {
    const groups = new Map();
    for (const [id, dates] of entries) {
      const key = `${tierOf[id] || ''}\u0000${seen(dates)}`;
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key).push(redFlagText[id] || id);
    }
    return [...groups].map(([key, names]) => {
      const [tier, when] = key.split('\u0000');
      return `${tier ? tier + ': ' : ''}${names.join(', ')} (${when})`;
    });
  };
  const inPeriod = (iso) => insights.localDay(iso) >= s.from && Date.parse(iso) <= now.getTime();
  // The latest check of a day replaces earlier ones that day (a corrected answer is not a
  // sign), as in the safety rules.
  const byDay = new Map();
  for (const check of screenings.filter((r) => r.kind === 'red-flags' && inPeriod(r.takenAt))
    .sort((a, b) => a.takenAt.localeCompare(b.takenAt))) byDay.set(insights.localDay(check.takenAt), check);
  const checks = [...byDay.values()];
  // Each sign once, however often it was reported (how often, and the latest date), run together
  // so a bad quarter still fits the page.
  const seen = (dates) => (dates.length === 1 ? date(dates[0]) : `${dates.length} times, last ${shortDate(dates[dates.length - 1])}`);
  const answered = new Map(safety.redFlags.map((q) => [q.id, []]));
  for (const check of checks) {
    for (const [id, yes] of Object.entries(check.answers || {})) {
      if (yes !== true) continue;
      if (!answered.has(id)) answered.set(id, []);
      answered.get(id).push(check.takenAt);
    }
  }
  const logged = new Map();
  for (const entry of s.warningEntries) {
    for (const id of entry.warningSigns) {
      if (!logged.has(id)) logged.set(id, []);
      logged.get(id).push(entry.loggedAt);
    }
  }
  const line = (label, entries) => make('li', { className: 'warning-yes' }, make('strong', { textContent: `${label}: ` }), entries.join('; '));
  const items = [];
  const answeredYes = describe([...answered].filter(([, dates]) => dates.length));
  if (answeredYes.length) items.push(line('Warning-sign check, answered yes', answeredYes));
  const signs = describe([...logged]);
  if (signs.length) items.push(line('Warning signs logged', signs));
  if (!items.length) {
    const taken = checks.length ? ` The warning-sign check was answered ${plural(checks.length, 'time', 'times')}, no to every question.` : '';
    items.push(make('li', { textContent: `No warning signs reported in this period.${taken}` }));
  }
  byId('warning-list').replaceChildren(...items);

  // In short (the reason a technique is left out), so every answer fits the page.
  const contraText = Object.fromEntries(safety.contraindications.map((q) => [q.id, q.reason || q.question]));
  const latest = screenings.filter((r) => r.kind === 'contraindications' && Date.parse(r.takenAt) <= now.getTime())
    .sort((a, b) => a.takenAt.localeCompare(b.takenAt)).pop();
  const contra = byId('contra-text');
  if (!latest) {
    contra.textContent = 'Massage safety check: not answered.';
    return;
  }
  const answers = Object.entries(latest.answers || {});
  const yes = answers.filter(([, value]) => value === true).map(([id]) => contraText[id] || id);
  const no = answers.length - yes.length;
  const quoted = yes.join('; ');
  const rest = no ? `; no to the other ${no}.` : '.';
  contra.replaceChildren(make('strong', { textContent: `Massage safety check (latest, ${date(latest.takenAt)}): ` }),
    yes.length ? `yes to ${quoted}${rest}` : `no to all ${answers.length} questions.`);
}

let drawing = 0;
let drawn = null;
async function draw() {
  const run = ++drawing;
  const days = Number(chosenPeriod());
  const now = new Date();
  const [logs, sessions, flags, screenings, safety, nameOf] = await Promise.all([
    store.all('logs'), store.all('sessions'), store.all('flags'), store.all('screenings'), questions(), techniqueName()]);
  if (run !== drawing) return;
  const signature = JSON.stringify([days, insights.localDay(now), logs, sessions, flags, screenings]);
  if (signature === drawn) return;
  const s = insights.summarize({ logs, sessions, flags, days, now });
  byId('summary-period-text').textContent = `Period: the last ${s.dayCount} days, ${chart.dayRange(s.from, s.to)}`;
  byId('summary-printed').textContent = `Printed ${now.toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' })}`;
  painSection(s);
  whereSection(s);
  routineSection(s, nameOf);
  warningSection(s, screenings, safety, now);
  sheet.dataset.ready = String(days);
  drawn = signature;
}

const redraw = () => draw().catch((error) => {
  byId('summary-period-text').textContent = `The summary could not be made: ${error.message}`;
});

const picked = chosenPeriod();
/** @type {HTMLInputElement} */ (document.querySelector(`input[name="summary-period"][value="${picked}"]`)).checked = true;
byId('summary-period').addEventListener('change', (event) => {
  const value = /** @type {HTMLInputElement} */ (event.target).value;
  prefs.set(PERIOD_KEY, value);
  const url = new URL(window.location.href);
  url.searchParams.set('days', value);
  window.history.replaceState(null, '', url);
  redraw();
});
byId('print-button').addEventListener('click', () => window.print());

redraw();
records.onChange(redraw, { types: ['symptom_log', 'session', 'flag', 'screening'] });
window.addEventListener('relieve:synced', redraw);
