/* The one-page summary for a clinician: the chosen period's pain, nerve symptoms and function,
   where it was felt, routines and their effect (adherence, symptom direction), medicines and
   treatments, techniques that made things worse, the warning-sign answers with dates and tiers,
   and notes. Made from this device's records; print.css fits it on one page. Lists that could
   grow without end are capped, with "and n more", so the page count never depends on the data.
   The optional name and date of birth are typed here and kept on this device only if asked. */
// @ts-check
import { byId, make, prefs } from '../lib/dom.js';
import * as catalog from '../lib/catalog.js';
import * as chart from './chart.js';
import * as insights from './calc.js';
import { directionCounts, functionSummary, treatmentSummary } from './measures.js';
import { VERDICT_WORDS } from './outcome.js';
import * as records from '../sync/records.js';
import * as store from '../lib/store.js';
import { CHANGE_LABELS, INSIGHT_PERIODS, MIN_RATED_SESSIONS, TREATMENT_KIND_LABELS } from '../generated/contract.js';

const sheet = byId('summary');

const PERIOD_KEY = 'relieve.insights.period'; // shared with the insights page: one chosen period
const PERIODS = INSIGHT_PERIODS.map(String);
const regionNames = JSON.parse(sheet.dataset.regions || '{}');
const { score } = chart;
const plural = (n, one, many) => `${n} ${n === 1 ? one : many}`;
const date = (iso) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
const shortDate = (iso) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });
const signed = (n) => (n > 0 ? `+${score(n)}` : n < 0 ? `−${score(-n)}` : '0');

/** Term and value pairs; a third item `true` gives the value a whole row on paper. */
/** @typedef {string | Array<string | Node>} FigureValue text, or nodes (a run of names) */
/** Rows of [term, value, wide?]. @param {HTMLElement} list @param {Array<Array<any>>} rows */
function figures(list, rows) {
  list.replaceChildren(...rows.flatMap(([term, value, wide]) => [
    make('dt', { textContent: term, className: wide ? 'wide' : '' }),
    make('dd', { className: wide ? 'wide' : '' }, ...(typeof value === 'string' ? [value] : value))]));
}

/** Characters of one name in a run of names: about a line of the sheet's narrowest column, so a
    name wraps onto two lines at most. */
const NAME_CHARS = 44;

/** A name for the sheet: whole if it fits `limit` characters, else cut at a word boundary with an
    ellipsis; the whole name is its title and what a screen reader reads.
    @param {string} name @param {number} limit */
function sheetName(name, limit) {
  const whole = name.trim().replace(/\s+/g, ' ');
  if (whole.length <= limit) return make('span', { className: 'sheet-name', textContent: whole });
  // Up to the limit and the character after it: a space there ends a whole word.
  const cut = whole.slice(0, limit + 1);
  const space = cut.lastIndexOf(' ');
  // One very long word is cut where it must be; otherwise after the last whole word.
  const short = `${(space > limit / 2 ? cut.slice(0, space) : cut.slice(0, limit - 1)).replace(/[\s,;:.-]+$/, '')}…`;
  return make('span', { className: 'sheet-name', title: whole },
    make('span', { textContent: short, ariaHidden: 'true' }), make('span', { className: 'visually-hidden', textContent: whole }));
}

/** Each name's share of `budget` characters: short names keep all theirs, the longer ones share
    what is left equally, none more than NAME_CHARS. So one long name among short ones shows more
    of itself, and a run of long names still takes the lines it always did.
    @param {string[]} names @param {number} budget */
function nameShares(names, budget) {
  const shares = names.map(() => 0);
  let left = budget;
  let count = names.length;
  for (const [length, i] of names.map((n, j) => [n.trim().replace(/\s+/g, ' ').length, j]).sort((a, b) => a[0] - b[0])) {
    shares[i] = Math.min(length, Math.floor(left / count), NAME_CHARS);
    left -= shares[i];
    count -= 1;
  }
  return shares;
}

/** Named things in a run ("name figure; name figure"), their names sharing `budget` characters
    (nameShares), each whole or cut at a word, never mid-word.
    @param {Array<[string, string]>} items name and figure @param {number} budget @returns {FigureValue} */
function namedRun(items, budget) {
  const shares = nameShares(items.map(([name]) => name), budget);
  return items.flatMap(([name, figure], i) => [...(i ? ['; '] : []), sheetName(name, shares[i]), ` ${figure}`]);
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

const PERSON_KEY = 'relieve.summary.person';
// The caps below, and tighter ones (TIGHT) when the warning-sign and safety answers alone take
// much of the page: a bad quarter still prints on one page, the rest is in the CSV files.
const TIGHT = { treatments: 3, notes: 1, flagged: 4 };
const WARNING_ROOM = 900; // characters of warning-sign and safety text before the caps tighten
const ROOMY = { treatments: 4, notes: 3, flagged: 6 };
let caps = ROOMY;
const NOTE_CHARS = 64;
// Characters of names in the five activities (in a narrow column) and the three routines (across
// the page): about three and two lines' worth, so the longest names still print on one page.
const ACTIVITY_NAMES_CHARS = 160;
const ROUTINE_NAMES_CHARS = 110;
/** Text cut to `n` characters with an ellipsis, so one long entry can't push the page over. */
const clip = (text, n) => (text.length > n ? `${text.slice(0, n - 1).trimEnd()}…` : text);
const LEVEL_WORDS = ['none', 'mild', 'moderate', 'severe'];
const dayText = (day) => chart.dayDate(day).toLocaleDateString(undefined, { day: 'numeric', month: 'short' });

/** The name and date of birth line: typed on the page; in localStorage only when "Keep" is ticked. */
function personLine() {
  const name = /** @type {HTMLInputElement} */ (byId('person-name'));
  const born = /** @type {HTMLInputElement} */ (byId('person-born'));
  const keep = /** @type {HTMLInputElement} */ (byId('person-remember'));
  const line = byId('summary-person');
  try {
    const kept = JSON.parse(prefs.get(PERSON_KEY) || 'null');
    if (kept && typeof kept === 'object') {
      name.value = typeof kept.name === 'string' ? kept.name : '';
      born.value = typeof kept.born === 'string' ? kept.born : '';
      keep.checked = true;
    }
  } catch {
    // an unreadable saved value is simply not used
  }
  const show = () => {
    const parts = [];
    if (name.value.trim()) parts.push(`Name: ${name.value.trim()}`);
    if (/^\d{4}-\d{2}-\d{2}$/.test(born.value)) parts.push(`Date of birth: ${date(`${born.value}T12:00:00`)}`);
    // Left empty, the printed sheet keeps lines to write them on; the screen shows nothing.
    line.textContent = parts.length ? parts.join(' · ') : 'Name: ____________________________ · Date of birth: ______________';
    line.classList.toggle('print-only', !parts.length);
    line.hidden = false;
    if (keep.checked) prefs.set(PERSON_KEY, JSON.stringify({ name: name.value.trim(), born: born.value }));
    else prefs.remove(PERSON_KEY);
  };
  for (const input of [name, born, keep]) input.addEventListener('input', show);
  keep.addEventListener('change', show);
  show();
}

const halfDays = ([from, to]) => (from === to ? chart.shortDay(from) : `${chart.shortDay(from)}–${chart.shortDay(to)}`);

function painSection(s) {
  const change = [];
  if (s.change.leg !== null) change.push(`leg ${signed(s.change.leg)}`);
  if (s.change.back !== null) change.push(`back ${signed(s.change.back)}`);
  figures(byId('pain-figures'), [
    ['Log entries', `${s.entries} on ${s.days.filter((d) => d.entries).length} of ${s.dayCount} day${s.dayCount === 1 ? '' : 's'}`],
    ['Average leg pain', s.avgLeg === null ? 'not logged' : `${score(s.avgLeg)} / 10`],
    ['Average back pain', s.avgBack === null ? 'not logged' : `${score(s.avgBack)} / 10`],
    // Which days are compared, said, so a clinician need not guess what "half" means.
    [s.halves ? `Change, ${halfDays(s.halves.first)} → ${halfDays(s.halves.second)}` : 'Change',
      change.length ? change.join(', ') : 'not enough entries'],
    ...nerveRows(s),
  ]);
  const label = `Chart of average leg and back pain per day, ${chart.dayRange(s.from, s.to)}, with the days a routine was done marked.`;
  byId('summary-chart-screen').replaceChildren(chart.painChart(s, { label }));
  byId('summary-chart').replaceChildren(chart.painChart(s, { width: 760, height: 116, label, compact: true }));
  byId('summary-legend').replaceChildren(chart.legend());
}

function whereSection(s) {
  byId('summary-body-map').replaceChildren(chart.bodyMap(s.areas, regionNames));
  const items = [];
  for (const [region, counts] of Object.entries(s.areas)) {
    if (!counts.left && !counts.right) continue;
    items.push(make('li', { textContent: `${regionNames[region] || region} L${counts.left} R${counts.right}` }));
  }
  if (!items.length) items.push(make('li', { textContent: 'No areas logged in this period.' }));
  byId('area-counts').replaceChildren(...items);
}

/** Numbness, tingling and weakness next to pain: the mean level (0 none … 3 severe) over the
    entries that asked, and the change from the first half of the period to the second. */
function nerveRows(s) {
  return [['numbness', 'Numbness'], ['tingling', 'Tingling'], ['weakness', 'Weakness']].map(([key, name]) => {
    const n = s.nerve[key];
    if (n.avg === null) return [`${name} (0–3)`, 'not rated'];
    const change = n.change === null ? '' : `, change ${signed(n.change)}`;
    return [`${name} (0–3)`, `${score(n.avg)} ${LEVEL_WORDS[Math.round(n.avg)]}${change}`];
  });
}

function functionSection(s, checks, now) {
  const f = functionSummary(checks, { from: s.from, now });
  if (!f.total) {
    figures(byId('function-figures'), [['Check-ins', 'none yet']]);
    return;
  }
  const span = (m) => (m.change === null ? `${m.latest} (${dayText(m.latestDay)})`
    : `${m.first} (${dayText(m.firstDay)}) → ${m.latest} (${dayText(m.latestDay)})`);
  /** @type {Array<[string, FigureValue]>} */
  const rows = [['Check-ins', `${f.total}, ${f.checks} in this period`]];
  if (f.psfs) {
    const mic = f.psfs.meaningful === null ? '' : f.psfs.meaningful ? ' (≥ 2: meaningful)' : ' (< 2)';
    rows.push(['PSFS average', `${span(f.psfs)}${f.psfs.change === null ? '' : `, ${signed(f.psfs.change)}${mic}`}`]);
  }
  /** @type {Array<[string, string]>} */
  const items = f.activities.slice(0, 5).map((a) => [a.name, a.change === null ? `${a.latest}` : `${a.first}→${a.latest}`]);
  if (f.walk) rows.push(['Walking (min)', span(f.walk)]);
  if (f.sit) rows.push(['Sitting (min)', span(f.sit)]);
  if (f.change) rows.push(['Since starting', `${CHANGE_LABELS[String(f.change.value)] || f.change.value} (${signed(f.change.value)}, ${dayText(f.change.day)})`]);
  if (items.length) rows.push(['Activities', namedRun(items, ACTIVITY_NAMES_CHARS)]);
  figures(byId('function-figures'), rows);
}

const HELPED_WORDS = { yes: 'yes', 'a-little': 'a little', no: 'no', unsure: 'not sure' };

function treatmentSection(treatments, s, now) {
  const groups = treatmentSummary(treatments, { from: s.from, now });
  const items = groups.slice(0, caps.treatments).map((g) => {
    const kind = TREATMENT_KIND_LABELS[g.kind] || g.kind;
    const what = g.name ? `${clip(g.name, 26)} (${kind.toLowerCase()}${g.dose ? `, ${clip(g.dose, 16)}` : ''})` : kind;
    const when = g.count === 1 ? dayText(g.firstDay) : `${g.count}×, ${dayText(g.firstDay)}–${dayText(g.lastDay)}`;
    // Each answer given, with how often when more than once ("a little 1" read like a dose).
    const helped = Object.entries(g.helped).filter(([, n]) => n)
      .map(([k, n]) => (n > 1 ? `${HELPED_WORDS[k]} (${n}×)` : HELPED_WORDS[k])).join(', ');
    const more = g.sideEffects.length > 1 ? ` (+${g.sideEffects.length - 1} more)` : '';
    const side = g.sideEffects.length ? `; side effects: ${clip(g.sideEffects[g.sideEffects.length - 1], 30)}${more}` : '';
    return make('li', {}, make('strong', { textContent: what }), `: ${when}; helped: ${helped || 'not said'}${side}`);
  });
  if (groups.length > caps.treatments) items.push(make('li', { textContent: `and ${groups.length - caps.treatments} more (in the CSV file)` }));
  if (!items.length) items.push(make('li', { textContent: 'None logged in this period.' }));
  byId('treatment-list').replaceChildren(...items);
}

function notesSection(logs, s, now) {
  const notes = logs.filter((log) => log && typeof log.notes === 'string' && log.notes.trim())
    .map((log) => ({ day: insights.localDay(log.loggedAt), at: Date.parse(log.loggedAt), text: log.notes.trim().replace(/\s+/g, ' ') }))
    .filter((n) => n.day && n.day >= s.from && n.at <= now.getTime())
    .sort((a, b) => b.at - a.at);
  const items = notes.slice(0, caps.notes).map((n) => make('li', {}, make('strong', { textContent: `${dayText(n.day)}: ` }),
    clip(n.text, NOTE_CHARS)));
  if (notes.length > caps.notes) items.push(make('li', { textContent: `and ${notes.length - caps.notes} more (in the CSV file)` }));
  if (!items.length) items.push(make('li', { textContent: 'No notes in this period.' }));
  byId('notes-list').replaceChildren(...items);
}

const DIRECTION_WORDS = { 'toward-back': 'toward the back', same: 'no change', 'further-down': 'further down' };

function routineSection(s, nameOf, sessions, now) {
  const b = s.beforeAfter;
  const { endedEarly, noSteps } = s.sessions;
  const endedText = `${endedEarly ? `, ${endedEarly} ended early` : ''}${noSteps ? `, ${noSteps} with no step done` : ''}`;
  /** @type {Array<[string, string]>} */
  const top = s.routines.slice(0, 3).map((r) => [r.name, `${signed(-r.avgDrop)} (${r.rated} rated)`]);
  figures(byId('routine-figures'), [
    ['Sessions', `${s.sessions.total} (${s.sessions.finished} finished${endedText})`],
    ['Days with a routine', `${s.activeDays} of ${s.dayCount}${s.daysPerWeek === null ? '' : `: ${score(s.daysPerWeek)} days a week`}`],
    ['Pain before → after', b.count
      ? `${score(b.before)} → ${score(b.after)} (${signed(-b.drop)}, ${plural(b.count, 'rated session', 'rated sessions')}; ${verdictWords(b.verdict)})`
      : `no rated sessions${b.noSteps ? ` (${plural(b.noSteps, 'session', 'sessions')} rated with no step done, not counted)` : ''}`, true],
    ['Change by routine', top.length ? namedRun(top, ROUTINE_NAMES_CHARS) : 'none rated', true],
    ['Symptoms after', directionText(directionCounts(sessions, { from: s.from, now })), true],
  ]);
  const flagged = s.flagged.slice(0, caps.flagged).map((f) => make('li', { textContent: `${nameOf(f.technique)} (${plural(f.count, 'time', 'times')})` }));
  if (s.flagged.length > caps.flagged) flagged.push(make('li', { textContent: `and ${s.flagged.length - caps.flagged} more` }));
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

/** outcome.js's words; on paper "not enough data yet" also says how many are needed. */
const verdictWords = (verdict) => `${VERDICT_WORDS[verdict] || ''}${verdict === 'not-enough-data' ? `, ${MIN_RATED_SESSIONS} needed` : ''}`;

function directionText(d) {
  if (!d.answered) return 'not asked or not answered';
  const parts = Object.entries(d.counts).filter(([, n]) => n).map(([k, n]) => `${DIRECTION_WORDS[k]} ${n}`);
  const last = d.lastFurther ? ` (last further down ${dayText(d.lastFurther)})` : '';
  return `${parts.join(', ')}${last}`;
}

let drawing = 0;
let drawn = null;
async function draw() {
  const run = ++drawing;
  const days = Number(chosenPeriod());
  const now = new Date();
  const [logs, sessions, flags, screenings, checks, treatments, safety, nameOf] = await Promise.all([
    store.all('logs'), store.all('sessions'), store.all('flags'), store.all('screenings'), store.all('checks'),
    store.all('treatments'), questions(), techniqueName()]);
  if (run !== drawing) return;
  const signature = JSON.stringify([days, insights.localDay(now), logs, sessions, flags, screenings, checks, treatments]);
  if (signature === drawn) return;
  const since = insights.firstUse({ logs, sessions, checks, treatments }, now);
  const s = insights.summarize({ logs, sessions, flags, checks, days, now, since });
  byId('summary-period-text').textContent = s.trimmed
    ? `Period: ${s.dayCount} day${s.dayCount === 1 ? '' : 's'} since the first entry, ${chart.dayRange(s.from, s.to)}`
    : `Period: the last ${s.dayCount} days, ${chart.dayRange(s.from, s.to)}`;
  byId('summary-printed').textContent = `Printed ${date(now.toISOString())}`;
  painSection(s);
  functionSection(s, checks, now);
  whereSection(s);
  warningSection(s, screenings, safety, now);
  const warningChars = byId('warning-list').textContent.length + byId('contra-text').textContent.length;
  caps = warningChars > WARNING_ROOM ? TIGHT : ROOMY;
  routineSection(s, nameOf, sessions, now);
  treatmentSection(treatments, s, now);
  notesSection(logs, s, now);
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

personLine();
redraw();
records.onChange(redraw, { types: ['symptom_log', 'session', 'flag', 'screening', 'function_check', 'treatment'] });
window.addEventListener('relieve:synced', redraw);
