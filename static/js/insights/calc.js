/* Insights: what the symptom log and the session history say over a period, as pure functions
   over the records exactly as IndexedDB holds them. Records come from other devices and older
   versions of the app, so nothing here trusts a field: a record whose time can't be read is
   skipped, a pain score that isn't a whole number from 0 to 10 counts as not given, and a
   missing optional field never throws. Days are the person's local calendar days, because
   "Tuesday" means the Tuesday they lived, whatever UTC says. */
// @ts-check
import { pad, timeOf, localDay } from '../lib/days.js';
import { cleanCheck } from './measures.js';
import { didSteps, dropVerdict } from './outcome.js';
import { INSIGHT_PERIODS, LEVEL_RANK, MIN_RATED_SESSIONS, REGIONS } from '../generated/contract.js';

const DEFAULT_DAYS = 30;
// A routine's before/after drop is called meaningful only from MIN_RATED_SESSIONS sessions with
// both ratings (webapp/insights/views.py, through the contract; 5): fewer is "not enough data
// yet", however big the drop, because one good day is not a pattern. What counts as a session
// done, finished or rated, and the verdict, are outcome.js's (the player, Home and History use it too).
// The nerve symptoms charted as levels 0 (none) to 3 (severe), from the log's own words.
const NERVE = ['numbness', 'tingling', 'weakness'];
// Ten years of days is far beyond any chart; the cap keeps a bad argument from hanging the page.
const MAX_DAYS = 3660;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
const pain = (value) => (Number.isInteger(value) && value >= 0 && value <= 10 ? value : null);
const text = (value) => (typeof value === 'string' ? value : '');
const level = (value) => (typeof value === 'string' && Object.hasOwn(LEVEL_RANK, value) ? LEVEL_RANK[value] : null);

// Calendar arithmetic runs on UTC dates, which have no DST: a day is always one day there.
function parseDay(day) {
  const match = typeof day === 'string' && DAY.exec(day);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.getUTCDate() === Number(match[3]) ? date : null;
}
const formatUtcDay = (date) => `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

function addDays(day, count) {
  const date = parseDay(day);
  if (!date) return null;
  date.setUTCDate(date.getUTCDate() + count);
  return formatUtcDay(date);
}

function periodDays(endDay, count) {
  const end = parseDay(endDay);
  const n = Number.isInteger(count) && count > 0 ? Math.min(count, MAX_DAYS) : 0;
  if (!end) return [];
  const days = [];
  for (let i = n - 1; i >= 0; i -= 1) {
    const date = new Date(end.getTime());
    date.setUTCDate(date.getUTCDate() - i);
    days.push(formatUtcDay(date));
  }
  return days;
}

// Tenths are taken from the whole-number sum (sum * 10 / count), never from a rounded decimal,
// so a mean of exactly x.x5 rounds up, as a person would, rather than to a binary near-miss.
const meanOf = (sum, count) => (count ? Math.round((sum * 10) / count) / 10 : null);
const tally = () => ({ sum: 0, count: 0 });
function add(acc, value) {
  if (value === null) return;
  acc.sum += value;
  acc.count += 1;
}
const mean = (acc) => meanOf(acc.sum, acc.count);
// For differences of values already rounded to one decimal; tenths are whole numbers.
const minus = (a, b) => (a === null || b === null ? null : Math.round(a * 10 - b * 10) / 10);

function cleanLog(raw) {
  if (!isObject(raw)) return null;
  const at = timeOf(raw.loggedAt);
  if (at === null) return null;
  const areas = isObject(raw.areas) ? raw.areas : {};
  return {
    id: raw.id,
    at,
    day: localDay(at),
    leg: pain(raw.legPain),
    back: pain(raw.backPain),
    // Absent means "not asked" (the quick log sends only what the person set): not "none".
    numbness: level(raw.numbness),
    tingling: level(raw.tingling),
    weakness: level(raw.weakness),
    areas,
    warningSigns: list(raw.warningSigns).filter((sign) => typeof sign === 'string' && sign),
  };
}

function cleanSession(raw) {
  if (!isObject(raw)) return null;
  const at = timeOf(raw.startedAt);
  if (at === null) return null;
  const end = timeOf(raw.endedAt);
  return {
    id: raw.id,
    at,
    end: end === null || end < at ? at : end,
    day: localDay(at),
    routineId: raw.routineId === undefined ? null : raw.routineId,
    name: text(raw.routineName).trim() || 'Routine',
    status: raw.status,
    before: pain(raw.painBefore),
    after: pain(raw.painAfter),
    worse: [...new Set(list(raw.worse).filter((slug) => typeof slug === 'string' && slug))],
    direction: typeof raw.symptomDirection === 'string' && raw.symptomDirection ? raw.symptomDirection : null,
    // A session with no step done did nothing: not finished, no day with a routine, not rated.
    steps: didSteps(raw),
  };
}

function cleanFlag(raw) {
  if (!isObject(raw) || typeof raw.technique !== 'string' || !raw.technique) return null;
  const at = timeOf(raw.at);
  return at === null ? null : { technique: raw.technique, at };
}

function clean(records, cleaner, inPeriod) {
  const out = [];
  for (const raw of list(records)) {
    const record = cleaner(raw);
    if (record && inPeriod(record)) out.push(record);
  }
  return out.sort((a, b) => a.at - b.at);
}

// One occasion per (session, technique): the player writes a flag record on every tap of
// "made it worse" and also lists the technique in the session, so a flag taken during a session
// that lists it is that session's occasion, not another one. A flag with no such session (or a
// session whose flags were cleared later) still counts once.
function flagCounts(flags, sessions, allSessions) {
  const counts = new Map();
  const bump = (technique) => counts.set(technique, (counts.get(technique) || 0) + 1);
  for (const session of sessions) for (const technique of session.worse) bump(technique);
  for (const flag of flags) {
    const covered = allSessions.some((s) => s.at <= flag.at && flag.at <= s.end && s.worse.includes(flag.technique));
    if (!covered) bump(flag.technique);
  }
  return [...counts].map(([technique, count]) => ({ technique, count }))
    .sort((a, b) => b.count - a.count || (a.technique < b.technique ? -1 : 1));
}

function routineRanking(sessions, rated) {
  const byRoutine = new Map();
  for (const session of sessions) {
    const key = session.routineId === null ? `name:${session.name}` : `id:${session.routineId}`;
    if (!byRoutine.has(key)) byRoutine.set(key, { routineId: session.routineId, name: session.name, sessions: 0, drops: tally(), before: tally(), after: tally() });
    const entry = byRoutine.get(key);
    entry.name = session.name; // sessions are in time order: the latest name wins
    entry.sessions += 1;
    if (rated.has(session)) {
      add(entry.drops, session.before - session.after);
      add(entry.before, session.before);
      add(entry.after, session.after);
    }
  }
  return [...byRoutine.values()]
    .filter((entry) => entry.drops.count > 0)
    .map((entry) => ({
      routineId: entry.routineId, name: entry.name, sessions: entry.sessions, rated: entry.drops.count, avgDrop: mean(entry.drops),
      verdict: dropVerdict(entry.drops.count, entry.before.sum, entry.after.sum),
    }))
    .sort((a, b) => b.avgDrop - a.avgDrop || a.name.localeCompare(b.name));
}

function weekBlocks(days, activeDays) {
  const weeks = [];
  for (let end = days.length; end > 0; end -= 7) {
    const start = Math.max(0, end - 7);
    const block = days.slice(start, end);
    weeks.unshift({
      from: block[0],
      to: block[block.length - 1],
      dayCount: block.length,
      activeDays: block.filter((day) => activeDays.has(day)).length,
      partial: block.length < 7,
    });
  }
  return weeks;
}

/** What the records say over the `days` up to `now`: records are taken as IndexedDB holds them.
    `since` (a local day, from firstUse) trims the days before the person first used the app:
    they are not "missed" days, so they make no gaps, no zero weeks and no lower days-a-week.
    @param {{ logs?: import('../symptoms/validate.js').SymptomLog[], sessions?: object[], flags?: object[], checks?: object[],
      days?: number, now?: Date | number | string, since?: string | null }} [input] */
function summarize({ logs, sessions, flags = [], checks = [], days = DEFAULT_DAYS, now = new Date(), since = null } = {}) {
  const nowMs = timeOf(now) === null ? Date.now() : timeOf(now);
  const requested = Number.isInteger(days) && days > 0 ? Math.min(days, MAX_DAYS) : DEFAULT_DAYS;
  const fullList = periodDays(localDay(nowMs), requested);
  const trimmed = parseDay(since) ? fullList.filter((day) => day >= since) : fullList;
  // A first use later than today (a clock that ran ahead) trims nothing.
  const dayList = trimmed.length ? trimmed : fullList;
  const count = dayList.length;
  const from = dayList[0];
  const to = dayList[dayList.length - 1];
  const inPeriod = (record) => record.day >= from && record.at <= nowMs;

  const entries = clean(logs, cleanLog, inPeriod);
  const allSessions = clean(sessions, cleanSession, () => true);
  const periodSessions = allSessions.filter(inPeriod);
  const periodFlags = clean(flags, cleanFlag, (flag) => localDay(flag.at) >= from && flag.at <= nowMs);

  const KEYS = ['leg', 'back', ...NERVE];
  /** @returns {Record<string, { sum: number, count: number }>} */
  const tallies = () => Object.fromEntries(KEYS.map((key) => [key, tally()]));
  /** @type {Map<string, Record<string, any>>} */
  const perDay = new Map(dayList.map((day) => [day, { ...tallies(), psfs: tally(), entries: 0, routines: [] }]));
  const total = tallies();
  // Odd periods leave the middle day out of both halves, so each half covers the same span.
  const half = Math.floor(count / 2);
  const firstHalfEnd = dayList[half - 1];
  const secondHalfStart = dayList[count - half];
  const halves = { first: tallies(), second: tallies() };
  const areas = {};
  for (const region of REGIONS) areas[region] = { left: 0, right: 0 };
  const warningEntries = [];

  for (const entry of entries) {
    const slot = perDay.get(entry.day);
    slot.entries += 1;
    const part = half && entry.day <= firstHalfEnd ? halves.first : half && entry.day >= secondHalfStart ? halves.second : null;
    for (const key of KEYS) {
      add(slot[key], entry[key]);
      add(total[key], entry[key]);
      if (part) add(part[key], entry[key]);
    }
    for (const region of REGIONS) {
      const side = entry.areas[region];
      if (side === 'left' || side === 'both') areas[region].left += 1;
      if (side === 'right' || side === 'both') areas[region].right += 1;
    }
    if (entry.warningSigns.length) {
      warningEntries.push({ id: entry.id, loggedAt: new Date(entry.at).toISOString(), day: entry.day, warningSigns: entry.warningSigns });
    }
  }

  // The function check-ins' PSFS average, per day, for its own chart (0-10 like pain, but up is better).
  for (const raw of list(checks)) {
    const check = cleanCheck(raw);
    if (check && check.day >= from && check.at <= nowMs && check.psfs !== null) add(perDay.get(check.day).psfs, Math.round(check.psfs * 10));
  }

  const finished = periodSessions.filter((s) => s.status === 'finished' && s.steps);
  const activeDays = new Set(finished.map((s) => s.day));
  for (const session of finished) perDay.get(session.day).routines.push(session.name);

  const ratedList = periodSessions.filter((s) => s.steps && (s.status === 'finished' || s.status === 'ended') && s.before !== null && s.after !== null);
  const before = tally();
  const after = tally();
  for (const session of ratedList) {
    add(before, session.before);
    add(after, session.after);
  }
  const beforeMean = mean(before);
  const afterMean = mean(after);
  // From the exact means: rounding each half first could shift the change by a tenth.
  const changeOf = (key) => {
    const first = halves.first[key];
    const second = halves.second[key];
    if (!first.count || !second.count) return null;
    return Math.round((second.sum / second.count - first.sum / first.count) * 10) / 10;
  };

  const nerve = Object.fromEntries(NERVE.map((key) => [key, { avg: mean(total[key]), entries: total[key].count, change: changeOf(key) }]));
  const psfsOf = (acc) => (acc.count ? Math.round(acc.sum / acc.count) / 10 : null);

  return {
    from,
    to,
    dayCount: count,
    requestedDays: requested,
    // The period began before the first use: its first days were left out, not counted as missed.
    trimmed: count < requested,
    // The days the change compares: [first, last] of each half (null: too short a period to halve).
    halves: half ? { first: [dayList[0], firstHalfEnd], second: [secondHalfStart, dayList[count - 1]] } : null,
    days: dayList.map((day) => {
      const slot = perDay.get(day);
      return {
        day, leg: mean(slot.leg), back: mean(slot.back), entries: slot.entries, routines: slot.routines,
        numbness: mean(slot.numbness), tingling: mean(slot.tingling), weakness: mean(slot.weakness), psfs: psfsOf(slot.psfs),
      };
    }),
    entries: entries.length,
    avgLeg: mean(total.leg),
    avgBack: mean(total.back),
    change: { leg: changeOf('leg'), back: changeOf('back') },
    nerve,
    // noSteps: skipped from start to end; neither finished nor ended early.
    sessions: {
      total: periodSessions.length, finished: finished.length,
      endedEarly: periodSessions.filter((s) => s.steps && s.status === 'ended').length,
      noSteps: periodSessions.filter((s) => !s.steps).length,
    },
    activeDays: activeDays.size,
    // A rate "per week" from fewer days than a week is a guess (1 day of 1 read "7 days a week").
    daysPerWeek: count >= 7 ? Math.round((activeDays.size * 70) / count) / 10 : null,
    weeks: weekBlocks(dayList, activeDays),
    beforeAfter: {
      count: ratedList.length, before: beforeMean, after: afterMean, drop: minus(beforeMean, afterMean),
      noSteps: periodSessions.filter((s) => !s.steps && s.before !== null && s.after !== null).length,
      verdict: dropVerdict(ratedList.length, before.sum, after.sum),
    },
    routines: routineRanking(periodSessions, new Set(ratedList)),
    areas,
    flagged: flagCounts(periodFlags, periodSessions, allSessions),
    warningEntries,
  };
}

/** The local day the person first used the tracking (a log entry, a session, a function
    check-in or a treatment), or null. Records later than `now` don't count.
    @param {{ logs?: object[], sessions?: object[], checks?: object[], treatments?: object[] }} records
    @param {Date | number | string} [now] @returns {string | null} */
function firstUse({ logs = [], sessions = [], checks = [], treatments = [] } = {}, now = new Date()) {
  const nowMs = timeOf(now) ?? Date.now();
  let first = null;
  const see = (records, field) => {
    for (const raw of list(records)) {
      const at = isObject(raw) ? timeOf(raw[field]) : null;
      if (at !== null && at <= nowMs && (first === null || at < first)) first = at;
    }
  };
  see(logs, 'loggedAt');
  see(sessions, 'startedAt');
  see(checks, 'checkedAt');
  see(treatments, 'takenAt');
  return first === null ? null : localDay(first);
}

/** The default period: the shortest of `periods` that holds every day since the first use, so a
    person a week in sees their week and not three empty weeks; the longest when it all doesn't fit.
    With nothing logged, 30 days (or the middle period).
    @param {string | null} firstDay @param {Date | number | string} [now] @param {readonly number[]} [periods] @returns {number} */
function chooseRange(firstDay, now = new Date(), periods = INSIGHT_PERIODS) {
  const options = [...periods].sort((a, b) => a - b);
  const today = parseDay(localDay(timeOf(now) ?? Date.now()));
  const first = parseDay(firstDay);
  if (!first || !today) return options.includes(DEFAULT_DAYS) ? DEFAULT_DAYS : options[Math.floor(options.length / 2)];
  const span = Math.round((today.getTime() - first.getTime()) / 86_400_000) + 1;
  return options.find((p) => p >= span) ?? options[options.length - 1];
}

// Where to draw each day's averages in a width x height box (y grows downward, 0 pain at the
// bottom). A day without a value ends a line: each series is a list of runs of consecutive
// days, so a gap is drawn as a gap and a run of one day as a dot, never a guessed line.
/** @param {Array<Record<string, any>>} days
    @param {{ width?: number, height?: number, max?: number }} [box] */
function chartPoints(days, { width = 300, height = 100, max = 10 } = {}, keys = ['leg', 'back']) {
  const rows = list(days);
  const step = rows.length > 1 ? width / (rows.length - 1) : 0;
  const xOf = (i) => (rows.length > 1 ? i * step : width / 2);
  const series = (key) => {
    const runs = [];
    let run = null;
    rows.forEach((row, i) => {
      const value = isObject(row) && typeof row[key] === 'number' && Number.isFinite(row[key]) ? row[key] : null;
      if (value === null) {
        run = null;
        return;
      }
      if (!run) runs.push((run = []));
      const clamped = Math.min(Math.max(value, 0), max);
      run.push({ x: xOf(i), y: height - (clamped * height) / max, day: row.day, value });
    });
    return runs;
  };
  return Object.fromEntries(keys.map((key) => [key, series(key)]));
}

export { localDay, periodDays, addDays, summarize, chartPoints, firstUse, chooseRange, dropVerdict, MIN_RATED_SESSIONS, NERVE, REGIONS };
