/* Insights: what the symptom log and the session history say over a period, as pure functions
   over the records exactly as IndexedDB holds them. Records come from other devices and older
   versions of the app, so nothing here trusts a field: a record whose time can't be read is
   skipped, a pain score that isn't a whole number from 0 to 10 counts as not given, and a
   missing optional field never throws. Days are the person's local calendar days, because
   "Tuesday" means the Tuesday they lived, whatever UTC says. */
// @ts-check
import { pad, timeOf, localDay } from '../lib/days.js';
import { REGIONS } from '../generated/contract.js';

const DEFAULT_DAYS = 30;
// Ten years of days is far beyond any chart; the cap keeps a bad argument from hanging the page.
const MAX_DAYS = 3660;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
const pain = (value) => (Number.isInteger(value) && value >= 0 && value <= 10 ? value : null);
const text = (value) => (typeof value === 'string' ? value : '');

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
    if (!byRoutine.has(key)) byRoutine.set(key, { routineId: session.routineId, name: session.name, sessions: 0, drops: tally() });
    const entry = byRoutine.get(key);
    entry.name = session.name; // sessions are in time order: the latest name wins
    entry.sessions += 1;
    if (rated.has(session)) add(entry.drops, session.before - session.after);
  }
  return [...byRoutine.values()]
    .filter((entry) => entry.drops.count > 0)
    .map((entry) => ({ routineId: entry.routineId, name: entry.name, sessions: entry.sessions, rated: entry.drops.count, avgDrop: mean(entry.drops) }))
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
    @param {{ logs?: import('../symptoms/validate.js').SymptomLog[], sessions?: object[], flags?: object[], days?: number,
      now?: Date | number | string }} [input] */
function summarize({ logs, sessions, flags = [], days = DEFAULT_DAYS, now = new Date() } = {}) {
  const nowMs = timeOf(now) === null ? Date.now() : timeOf(now);
  const count = Number.isInteger(days) && days > 0 ? Math.min(days, MAX_DAYS) : DEFAULT_DAYS;
  const dayList = periodDays(localDay(nowMs), count);
  const from = dayList[0];
  const to = dayList[dayList.length - 1];
  // A record later than now (a phone whose clock was ahead, another device's time zone) has
  // not happened yet as far as this chart is concerned.
  const inPeriod = (record) => record.day >= from && record.at <= nowMs;

  const entries = clean(logs, cleanLog, inPeriod);
  const allSessions = clean(sessions, cleanSession, () => true);
  const periodSessions = allSessions.filter(inPeriod);
  const periodFlags = clean(flags, cleanFlag, (flag) => localDay(flag.at) >= from && flag.at <= nowMs);

  const perDay = new Map(dayList.map((day) => [day, { leg: tally(), back: tally(), entries: 0, routines: [] }]));
  const total = { leg: tally(), back: tally() };
  // Odd periods leave the middle day out of both halves, so each half covers the same span.
  const half = Math.floor(count / 2);
  const firstHalfEnd = dayList[half - 1];
  const secondHalfStart = dayList[count - half];
  const halves = { first: { leg: tally(), back: tally() }, second: { leg: tally(), back: tally() } };
  const areas = {};
  for (const region of REGIONS) areas[region] = { left: 0, right: 0 };
  const warningEntries = [];

  for (const entry of entries) {
    const slot = perDay.get(entry.day);
    slot.entries += 1;
    const part = half && entry.day <= firstHalfEnd ? halves.first : half && entry.day >= secondHalfStart ? halves.second : null;
    for (const key of ['leg', 'back']) {
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

  const finished = periodSessions.filter((s) => s.status === 'finished');
  const activeDays = new Set(finished.map((s) => s.day));
  for (const session of finished) perDay.get(session.day).routines.push(session.name);

  const ratedList = periodSessions.filter((s) => (s.status === 'finished' || s.status === 'ended') && s.before !== null && s.after !== null);
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

  return {
    from,
    to,
    dayCount: count,
    days: dayList.map((day) => {
      const slot = perDay.get(day);
      return { day, leg: mean(slot.leg), back: mean(slot.back), entries: slot.entries, routines: slot.routines };
    }),
    entries: entries.length,
    avgLeg: mean(total.leg),
    avgBack: mean(total.back),
    change: { leg: changeOf('leg'), back: changeOf('back') },
    sessions: { total: periodSessions.length, finished: finished.length },
    activeDays: activeDays.size,
    daysPerWeek: Math.round((activeDays.size * 70) / count) / 10,
    weeks: weekBlocks(dayList, activeDays),
    beforeAfter: { count: ratedList.length, before: beforeMean, after: afterMean, drop: minus(beforeMean, afterMean) },
    routines: routineRanking(periodSessions, new Set(ratedList)),
    areas,
    flagged: flagCounts(periodFlags, periodSessions, allSessions),
    warningEntries,
  };
}

// Where to draw each day's averages in a width x height box (y grows downward, 0 pain at the
// bottom). A day without a value ends a line: each series is a list of runs of consecutive
// days, so a gap is drawn as a gap and a run of one day as a dot, never a guessed line.
/** @param {Array<{ day: string, leg: number | null, back: number | null }>} days
    @param {{ width?: number, height?: number, max?: number }} [box] */
function chartPoints(days, { width = 300, height = 100, max = 10 } = {}) {
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
  return { leg: series('leg'), back: series('back') };
}

export { localDay, periodDays, addDays, summarize, chartPoints, REGIONS };
