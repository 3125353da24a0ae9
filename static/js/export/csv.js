/* CSV exports of the symptom log and the session history, for a spreadsheet or a clinician.
   RFC 4180 with CRLF line ends, and a UTF-8 byte order mark first because Excel otherwise reads
   the file in the machine's legacy code page and mangles accents and emoji. Cells are what a
   person reads (labels, local dates and times); the raw UTC time goes in its own column so
   nothing is lost. Free text is the person's own, and a spreadsheet runs a cell that starts with
   = + - or @ as a formula, so such text is prefixed with an apostrophe to stay text. */
// @ts-check
import {
  CHANGE_LABELS, HELPED_LABELS, LEVEL_LABELS, REGIONS, REGION_LABELS, SENSATION_LABELS, SLEEP_LABELS, SYMPTOM_DIRECTION_LABELS, SYMPTOM_DIRECTIONS,
  TREATMENT_HELPED_LABELS, TREATMENT_KIND_LABELS, WARNING_LABELS,
} from '../generated/contract.js';
import { localDay } from '../lib/days.js';
import { stepCounts } from '../insights/outcome.js';

const BOM = '\uFEFF';
const EOL = '\r\n';
// The server's vocabulary (webapp/symptoms/vocabulary.py, through the contract); a page can
// pass its own labels instead.
const LABELS = {
  levels: LEVEL_LABELS,
  regions: REGION_LABELS,
  sides: { left: 'left', right: 'right', both: 'both' },
  helped: HELPED_LABELS,
  sleep: SLEEP_LABELS,
  warnings: WARNING_LABELS,
  sensations: SENSATION_LABELS,
  kinds: TREATMENT_KIND_LABELS,
  treatmentHelped: TREATMENT_HELPED_LABELS,
  changes: CHANGE_LABELS,
  // The player's answers to "where are your symptoms now?", in its words.
  directions: SYMPTOM_DIRECTION_LABELS,
};
const STATUS = { finished: 'Finished', ended: 'Ended early' };
const LOG_COLUMNS = ['Date', 'Time', 'Leg pain (0-10)', 'Back pain (0-10)', 'Numbness', 'Tingling', 'Weakness',
  'Where', 'How it feels', 'Helped', 'Sleep', 'Warning signs', 'Notes', 'Recorded (UTC)'];
const SESSION_COLUMNS = ['Date', 'Start', 'End', 'Minutes', 'Routine', 'Status', 'Steps done', 'Steps skipped',
  'Pain before (0-10)', 'Pain after (0-10)', 'Made worse', 'Left out at the start', 'Symptoms after', 'Recorded (UTC)'];
const TREATMENT_COLUMNS = ['Date', 'Time', 'Kind', 'Name', 'Dose', 'Helped', 'Side effects', 'Notes', 'Recorded (UTC)'];
const CHECK_COLUMNS = ['Date', 'Time', 'Activities (0 unable - 10 as before)', 'PSFS average (0-10)', 'Walking (minutes)',
  'Sitting (minutes)', 'Change since starting (-3 to +3)', 'Change in words', 'Recorded (UTC)'];
const ACTIVITY_COLUMNS = ['Activity', 'Added', 'Archived', 'Added (UTC)'];
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
const pad = (n, width = 2) => String(n).padStart(width, '0');
const pain = (value) => (Number.isInteger(value) && value >= 0 && value <= 10 ? value : null);

function timeOf(value) {
  const ms = value instanceof Date ? value.getTime() : typeof value === 'string' ? Date.parse(value) : NaN;
  return Number.isFinite(ms) ? ms : null;
}
function localTime(ms) {
  const d = new Date(ms);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

// Numbers are written as they are: a negative number is data, not a formula. Everything else
// is text and gets the apostrophe if it could start a formula.
function cell(value) {
  if (value === null || value === undefined) return '';
  let out;
  if (typeof value === 'number') out = Number.isFinite(value) ? String(value) : '';
  else {
    out = String(value);
    if (FORMULA_START.test(out)) out = "'" + out;
  }
  return NEEDS_QUOTES.test(out) ? '"' + out.replace(/"/g, '""') + '"' : out;
}
const row = (values) => values.map(cell).join(',');
const table = (header, rows) => BOM + [header, ...rows].map(row).join(EOL) + EOL;

const labelOf = (map, key) => (typeof key === 'string' && key ? (map && map[key]) || key : '');
function mergedLabels(custom) {
  const out = {};
  for (const key of Object.keys(LABELS)) out[key] = { ...LABELS[key], ...(isObject(custom) && isObject(custom[key]) ? custom[key] : {}) };
  return out;
}

// Oldest first; a record whose time can't be read still goes out (at the end, undated) rather
// than being dropped from what may be someone's only copy.
function byTime(records, field) {
  return list(records)
    .filter(isObject)
    .map((record) => ({ record, at: timeOf(record[field]) }))
    .sort((a, b) => Number(a.at === null) - Number(b.at === null) || (a.at || 0) - (b.at || 0));
}

/** The symptom log as CSV, oldest first. `labels` overrides display labels by vocabulary.
    @param {import('../symptoms/validate.js').SymptomLog[]} logs
    @param {{ labels?: Record<string, Record<string, string>> }} [options] @returns {string} */
function logsCsv(logs, { labels } = {}) {
  const l = mergedLabels(labels);
  const rows = byTime(logs, 'loggedAt').map(({ record: r, at }) => {
    const areas = isObject(r.areas) ? r.areas : {};
    const where = REGIONS.filter((region) => typeof areas[region] === 'string' && areas[region])
      .map((region) => `${labelOf(l.regions, region)}: ${labelOf(l.sides, areas[region])}`);
    const helped = list(r.helped).map((id) => labelOf(l.helped, id)).filter(Boolean);
    if (typeof r.helpedOther === 'string' && r.helpedOther.trim()) helped.push(r.helpedOther.trim());
    return [
      at === null ? '' : localDay(at),
      at === null ? '' : localTime(at),
      pain(r.legPain),
      pain(r.backPain),
      labelOf(l.levels, r.numbness),
      labelOf(l.levels, r.tingling),
      labelOf(l.levels, r.weakness),
      where.join('; '),
      list(r.sensations).map((id) => labelOf(l.sensations, id)).filter(Boolean).join('; '),
      helped.join('; '),
      labelOf(l.sleep, r.sleep),
      list(r.warningSigns).map((id) => labelOf(l.warnings, id)).filter(Boolean).join('; '),
      typeof r.notes === 'string' ? r.notes : '',
      at === null ? '' : new Date(at).toISOString(),
    ];
  });
  return table(LOG_COLUMNS, rows);
}

/** The session history as CSV, oldest first.
    @param {object[]} sessions @param {{ techniqueNames?: Record<string, string>, labels?: Record<string, Record<string, string>> }} [options] @returns {string} */
function sessionsCsv(sessions, { techniqueNames = {}, labels } = {}) {
  const l = mergedLabels(labels);
  const names = isObject(techniqueNames) ? techniqueNames : {};
  const nameOf = (slug) => (typeof names[slug] === 'string' && names[slug]) || slug;
  const rows = byTime(sessions, 'startedAt').map(({ record: s, at }) => {
    const end = timeOf(s.endedAt);
    const ended = at !== null && end !== null && end >= at;
    const worse = [...new Set(list(s.worse).filter((slug) => typeof slug === 'string' && slug))];
    return [
      at === null ? '' : localDay(at),
      at === null ? '' : localTime(at),
      ended ? localTime(end) : '',
      ended ? Math.round((end - at) / 60000) : null,
      typeof s.routineName === 'string' ? s.routineName : '',
      STATUS[s.status] || (typeof s.status === 'string' ? s.status : ''),
      // Steps, not sets or sides: the finish screen's and History's count (insights/outcome.js).
      stepCounts(s).done,
      stepCounts(s).skipped,
      pain(s.painBefore),
      pain(s.painAfter),
      worse.map(nameOf).join('; '),
      list(s.skippedAtStart).filter((slug) => typeof slug === 'string' && slug).map(nameOf).join('; '),
      SYMPTOM_DIRECTIONS.includes(s.symptomDirection) ? labelOf(l.directions, s.symptomDirection) : '',
      at === null ? '' : new Date(at).toISOString(),
    ];
  });
  return table(SESSION_COLUMNS, rows);
}

const whole = (value, min, max) => (Number.isInteger(value) && value >= min && value <= max ? value : null);
const str = (value) => (typeof value === 'string' ? value : '');

/** Medicines and treatments as CSV, oldest first.
    @param {object[]} treatments @param {{ labels?: Record<string, Record<string, string>> }} [options] @returns {string} */
function treatmentsCsv(treatments, { labels } = {}) {
  const l = mergedLabels(labels);
  const rows = byTime(treatments, 'takenAt').map(({ record: t, at }) => [
    at === null ? '' : localDay(at),
    at === null ? '' : localTime(at),
    labelOf(l.kinds, t.kind),
    str(t.name),
    str(t.dose),
    labelOf(l.treatmentHelped, t.helped),
    str(t.sideEffects),
    str(t.notes),
    at === null ? '' : new Date(at).toISOString(),
  ]);
  return table(TREATMENT_COLUMNS, rows);
}

/** The weekly function check-ins as CSV, oldest first: each activity's score by its name at the
    time, the average, walking and sitting minutes, the rating of change.
    @param {object[]} checks @param {{ labels?: Record<string, Record<string, string>> }} [options] @returns {string} */
function checksCsv(checks, { labels } = {}) {
  const l = mergedLabels(labels);
  const rows = byTime(checks, 'checkedAt').map(({ record: c, at }) => {
    const rated = list(c.ratings).filter(isObject).filter((r) => whole(r.score, 0, 10) !== null);
    const sum = rated.reduce((total, r) => total + r.score, 0);
    const change = whole(c.change, -3, 3);
    return [
      at === null ? '' : localDay(at),
      at === null ? '' : localTime(at),
      rated.map((r) => `${str(r.name) || 'Activity'}: ${r.score}`).join('; '),
      rated.length ? Math.round((sum * 10) / rated.length) / 10 : null,
      whole(c.walkMinutes, 0, 600),
      whole(c.sitMinutes, 0, 600),
      change,
      change === null ? '' : labelOf(l.changes, String(change)),
      at === null ? '' : new Date(at).toISOString(),
    ];
  });
  return table(CHECK_COLUMNS, rows);
}

/** The activities the person named for the function check-ins, oldest first. @param {object[]} activities @returns {string} */
function activitiesCsv(activities) {
  const rows = byTime(activities, 'addedAt').map(({ record: a, at }) => [
    str(a.name), at === null ? '' : localDay(at), a.archived === true ? 'yes' : 'no', at === null ? '' : new Date(at).toISOString(),
  ]);
  return table(ACTIVITY_COLUMNS, rows);
}

const KINDS = {
  logs: 'symptom-log', 'symptom-log': 'symptom-log', sessions: 'sessions', treatments: 'treatments',
  checks: 'function-checks', activities: 'activities',
};

/** @param {string} kind  'logs' (or 'symptom-log'), 'sessions', 'treatments', 'checks' or 'activities' @param {Date | number | string} [now] @returns {string} */
function filename(kind, now = new Date()) {
  const ms = timeOf(now);
  const slug = KINDS[kind] || 'export';
  return `relieve-${slug}-${localDay(ms === null ? Date.now() : ms)}.csv`;
}

export {
  logsCsv, sessionsCsv, treatmentsCsv, checksCsv, activitiesCsv, filename,
  LOG_COLUMNS, SESSION_COLUMNS, TREATMENT_COLUMNS, CHECK_COLUMNS, ACTIVITY_COLUMNS, LABELS,
};
