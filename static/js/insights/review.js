/* Whether to suggest a GP or physio review. NHS advice (FACTS §7): see a GP if sciatica has not
   improved after about 4-6 weeks, or is getting worse. So after 6 weeks since the episode
   started (or, without a start date, since the first log entry), compare the first week of
   entries with the last 7 days: no meaningful drop in leg pain (at least 2 points or 30%, FACTS
   §4), or weakness getting worse, suggests a review. Too little data suggests nothing: a nudge
   must never come from one or two numbers. Pure: tested in Node (tests/js/review.test.js). */
// @ts-check
import { LEVEL_RANK } from '../generated/contract.js';
import { localDay } from '../lib/days.js';
import { MEANINGFUL_POINTS, MEANINGFUL_SHARE } from './outcome.js';

export const REVIEW_AFTER_DAYS = 42;
export const WEEK_DAYS = 7;
/** Entries each week needs before its average means anything. */
export const MIN_ENTRIES = 2;
/** A meaningful drop in leg pain (Ostelo et al. 2008): either is enough; outcome.js's one rule. */
export { MEANINGFUL_POINTS, MEANINGFUL_SHARE };
/** Weakness "getting worse": on average at least half a level higher (e.g. none → mild on half
    the entries), so one entry a level up is not called a trend. */
export const WEAKNESS_RISE = 0.5;

/**
 * @typedef {object} Week  one of the two weeks compared
 * @property {string} from  first local day, 'YYYY-MM-DD'
 * @property {string} to  last local day
 * @property {number} entries
 * @property {number} legPain  mean leg pain, 0-10
 * @property {number | null} weakness  mean weakness rank (0 none … 3 severe), null if never logged
 */
/**
 * @typedef {object} Nudge
 * @property {boolean} pain  leg pain has not eased meaningfully
 * @property {boolean} weakness  weakness is getting worse
 * @property {number} days  since the start
 * @property {number} weeks  whole weeks since the start
 * @property {'episode' | 'first-entry'} since
 * @property {string} start  the day counted from
 * @property {Week} first
 * @property {Week} latest
 * @property {number} drop  first week's mean leg pain minus the latest week's
 */

/** Days from one local day to another ('YYYY-MM-DD'), whatever daylight saving does. */
const dayNumber = (day) => {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86400000;
};
const dayFrom = (n) => new Date(n * 86400000).toISOString().slice(0, 10);
const mean = (values) => values.reduce((sum, v) => sum + v, 0) / values.length;

/** @param {{ day: number, leg: number, weakness: number | null }[]} entries @param {number} from @param {number} to
    @returns {Week} */
function week(entries, from, to) {
  const inside = entries.filter((e) => e.day >= from && e.day <= to);
  const ranks = inside.map((e) => e.weakness).filter((r) => r !== null);
  return {
    from: dayFrom(from), to: dayFrom(to), entries: inside.length,
    legPain: inside.length ? mean(inside.map((e) => e.leg)) : 0,
    weakness: ranks.length ? mean(ranks) : null,
  };
}

/**
 * @param {{ logs: object[], episodeStart?: string | null, now: Date | number }} input
 *   logs: symptom log entries (any order, from any device: checked here); episodeStart: the
 *   episode's first day, 'YYYY-MM-DD', or none
 * @returns {Nudge | null} null: no review to suggest (or not enough data to say)
 */
export function reviewNudge({ logs, episodeStart = null, now }) {
  const today = dayNumber(/** @type {string} */ (localDay(now)));
  const entries = [];
  for (const log of logs || []) {
    const day = localDay(log && log.loggedAt);
    const leg = log && log.legPain;
    if (!day || typeof leg !== 'number' || !(leg >= 0 && leg <= 10)) continue;
    const rank = LEVEL_RANK[log.weakness];
    entries.push({ day: dayNumber(day), leg, weakness: typeof rank === 'number' ? rank : null });
  }
  const hasStart = typeof episodeStart === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(episodeStart);
  // Entries before this episode began belong to an earlier one, and entries "after today"
  // (a clock that ran fast) to no week we compare.
  const own = entries.filter((e) => (!hasStart || e.day >= dayNumber(episodeStart)) && e.day <= today);
  if (!own.length) return null;
  const firstDay = Math.min(...own.map((e) => e.day));
  const start = hasStart ? dayNumber(/** @type {string} */ (episodeStart)) : firstDay;
  const days = today - start;
  if (days < REVIEW_AFTER_DAYS) return null;

  const first = week(own, firstDay, firstDay + WEEK_DAYS - 1);
  const latest = week(own, today - WEEK_DAYS + 1, today);
  // The two weeks must be different weeks: logging that began only days ago can't show a trend.
  if (today - WEEK_DAYS + 1 <= firstDay + WEEK_DAYS - 1) return null;
  if (first.entries < MIN_ENTRIES || latest.entries < MIN_ENTRIES) return null;

  const drop = first.legPain - latest.legPain;
  // Means of whole numbers are inexact in floating point: 10 → 7 must count as 30%.
  const EPSILON = 1e-9;
  const eased = drop >= MEANINGFUL_POINTS - EPSILON || drop >= MEANINGFUL_SHARE * first.legPain - EPSILON
    || latest.legPain === 0; // no leg pain left to ease
  const weaker = first.weakness !== null && latest.weakness !== null && latest.weakness - first.weakness >= WEAKNESS_RISE;
  if (eased && !weaker) return null;
  return {
    pain: !eased, weakness: weaker, days, weeks: Math.floor(days / 7),
    since: hasStart ? 'episode' : 'first-entry', start: dayFrom(start), first, latest, drop,
  };
}
