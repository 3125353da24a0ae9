/* Function and treatments over time, pure: the weekly function check-ins (the Patient-Specific
   Functional Scale, walking and sitting minutes, the global rating of change) and the medicines
   and treatments log, as IndexedDB holds them. As in calc.js nothing is trusted: a record whose
   time can't be read is skipped, a score out of range counts as not given. */
// @ts-check
import { localDay, timeOf } from '../lib/days.js';

/** PSFS: about 2 points is the smallest change most people notice for one activity (Abbott &
    Schmitt, JOSPT 2014; FACTS §11). The same 2 points is used for the average of the activities. */
const PSFS_MIC = 2;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
const whole = (min, max) => (value) => (Number.isInteger(value) && value >= min && value <= max ? value : null);
const psfsScore = whole(0, 10);
const minutes = whole(0, 600);
const rating = whole(-3, 3);
const text = (value) => (typeof value === 'string' ? value.trim() : '');
// Tenths from whole-number sums, as in calc.js: a mean of x.x5 rounds up.
const tenths = (sum, count) => (count ? Math.round((sum * 10) / count) / 10 : null);
const minus = (a, b) => (a === null || b === null ? null : Math.round(a * 10 - b * 10) / 10);

/** The mean of a check-in's activity scores (0 unable … 10 as before), or null with none rated.
    @param {unknown} ratings @returns {number | null} */
function psfsAverage(ratings) {
  const scores = list(ratings).map((r) => (isObject(r) ? psfsScore(r.score) : null)).filter((v) => v !== null);
  return tenths(scores.reduce((a, b) => a + b, 0), scores.length);
}

function cleanCheck(raw) {
  if (!isObject(raw)) return null;
  const at = timeOf(raw.checkedAt);
  if (at === null) return null;
  const ratings = list(raw.ratings).filter(isObject)
    .map((r) => ({ activity: text(r.activity), name: text(r.name), score: psfsScore(r.score) }))
    .filter((r) => r.score !== null && (r.activity || r.name));
  return {
    id: raw.id, at, day: localDay(at), ratings, psfs: psfsAverage(ratings),
    walk: minutes(raw.walkMinutes), sit: minutes(raw.sitMinutes), change: rating(raw.change),
  };
}

const sorted = (records, cleaner, nowMs) => list(records).map(cleaner)
  .filter((r) => r && r.at <= nowMs).sort((a, b) => a.at - b.at);

/** First and latest of one measure over the check-ins, with the change between them. */
function firstLatest(checks, key, mic = null) {
  const with_ = checks.filter((c) => c[key] !== null);
  if (!with_.length) return null;
  const first = with_[0];
  const latest = with_[with_.length - 1];
  const change = with_.length > 1 ? minus(latest[key], first[key]) : null;
  return {
    first: first[key], firstDay: first.day, latest: latest[key], latestDay: latest.day, count: with_.length, change,
    ...(mic === null ? {} : { meaningful: change === null ? null : Math.abs(change) >= mic }),
  };
}

/**
 * Function since the first check-in and over a period (days from `from`, up to `now`).
 * The baseline is the first check-in ever ("compared with when you started"), not the first one
 * in the period. Each activity is followed by its id (its name may have been edited), from the
 * first check-in that rated it to the latest.
 * @param {unknown[]} checks @param {{ from?: string | null, now?: Date | number | string }} [options]
 */
function functionSummary(checks, { from = null, now = new Date() } = {}) {
  const nowMs = timeOf(now) ?? Date.now();
  const all = sorted(checks, cleanCheck, nowMs);
  const inPeriod = all.filter((c) => !from || c.day >= from);
  const activities = new Map();
  for (const check of all) {
    for (const r of check.ratings) {
      const key = r.activity || `name:${r.name.toLowerCase()}`;
      if (!activities.has(key)) activities.set(key, { activity: r.activity || null, name: r.name, first: r.score, firstDay: check.day, count: 0 });
      const entry = activities.get(key);
      if (r.name) entry.name = r.name; // the latest name
      entry.latest = r.score;
      entry.latestDay = check.day;
      entry.count += 1;
    }
  }
  const latestGrc = [...all].reverse().find((c) => c.change !== null);
  return {
    total: all.length,
    checks: inPeriod.length,
    psfs: firstLatest(all, 'psfs', PSFS_MIC),
    walk: firstLatest(all, 'walk'),
    sit: firstLatest(all, 'sit'),
    change: latestGrc ? { value: latestGrc.change, day: latestGrc.day } : null,
    activities: [...activities.values()].map((a) => {
      const change = a.count > 1 ? a.latest - a.first : null;
      return { ...a, change, meaningful: change === null ? null : Math.abs(change) >= PSFS_MIC };
    }),
    points: inPeriod.map((c) => ({ day: c.day, psfs: c.psfs, walk: c.walk, sit: c.sit, change: c.change })),
  };
}

const HELPED = ['yes', 'a-little', 'no', 'unsure'];

function cleanTreatment(raw) {
  if (!isObject(raw)) return null;
  const at = timeOf(raw.takenAt);
  if (at === null) return null;
  return {
    id: raw.id, at, day: localDay(at), kind: text(raw.kind) || 'other', name: text(raw.name), dose: text(raw.dose),
    helped: HELPED.includes(raw.helped) ? raw.helped : null, sideEffects: text(raw.sideEffects), notes: text(raw.notes),
  };
}

/**
 * Medicines and treatments over a period, one line per kind and name (names compared without
 * case): how often, the first and last day, the latest dose, how often it helped, side effects.
 * Most often first.
 * @param {unknown[]} treatments @param {{ from?: string | null, now?: Date | number | string }} [options]
 */
function treatmentSummary(treatments, { from = null, now = new Date() } = {}) {
  const nowMs = timeOf(now) ?? Date.now();
  const groups = new Map();
  for (const t of sorted(treatments, cleanTreatment, nowMs)) {
    if (from && t.day < from) continue;
    const key = `${t.kind}\u0000${t.name.toLowerCase()}`;
    if (!groups.has(key)) {
      groups.set(key, { kind: t.kind, name: t.name, count: 0, firstDay: t.day, lastDay: t.day, dose: '',
        helped: Object.fromEntries(HELPED.map((h) => [h, 0])), rated: 0, sideEffects: [] });
    }
    const g = groups.get(key);
    g.count += 1;
    g.lastDay = t.day;
    if (t.name) g.name = t.name;
    if (t.dose) g.dose = t.dose;
    if (t.helped) {
      g.helped[t.helped] += 1;
      g.rated += 1;
    }
    if (t.sideEffects && !g.sideEffects.includes(t.sideEffects)) g.sideEffects.push(t.sideEffects);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count || (a.lastDay < b.lastDay ? 1 : a.lastDay > b.lastDay ? -1 : 0));
}

/** Answers to "where are your symptoms now?" after routines in a period: counts by answer. */
function directionCounts(sessions, { from = null, now = new Date() } = {}) {
  const nowMs = timeOf(now) ?? Date.now();
  const counts = { 'toward-back': 0, same: 0, 'further-down': 0 };
  let answered = 0;
  let lastFurther = null;
  for (const raw of list(sessions)) {
    if (!isObject(raw) || !Object.hasOwn(counts, raw.symptomDirection)) continue;
    const at = timeOf(raw.startedAt);
    if (at === null || at > nowMs || (from && localDay(at) < from)) continue;
    counts[raw.symptomDirection] += 1;
    answered += 1;
    if (raw.symptomDirection === 'further-down' && (lastFurther === null || localDay(at) > lastFurther)) lastFurther = localDay(at);
  }
  return { answered, counts, lastFurther };
}

export { PSFS_MIC, psfsAverage, cleanCheck, cleanTreatment, functionSummary, treatmentSummary, directionCounts };
