/* What a routine session did, and what its pain ratings may be said to mean: the one rule the
   player's finish screen, History, Home, Insights and the clinician summary all call, so that no
   two screens count or judge the same session differently.
   - A step is a technique of the routine, as a person counts it (not its sets or sides): done
     when any of its sets or sides was done, skipped when it was reached but none was.
   - A session counts (a routine done, a day with a routine, a finished routine, a rated session)
     only when at least one step was done: a routine skipped from start to end did nothing, so
     its pain ratings say nothing about the routine.
   - A change in pain is "meaningful" at 2 points or 30% of the pain before (Ostelo et al. 2008,
     FACTS §4), and only over MIN_RATED_SESSIONS rated sessions (one good day is not a pattern):
     a single session's before and after is told as numbers, never as a verdict.
   Pure, and trusting no field: records come from other devices and older versions. */
// @ts-check
import { MIN_RATED_SESSIONS } from '../generated/contract.js';

/** The change that matters (FACTS §4): at least this many points, or this share of the pain before. */
export const MEANINGFUL_POINTS = 2;
const SHARE_TENTHS = 3; // 30%, kept in tenths so the test is whole-number arithmetic
export const MEANINGFUL_SHARE = SHARE_TENTHS / 10;
/** The rule in words, for every screen that states it. */
export const RULE_TEXT = `at least ${MEANINGFUL_POINTS} points or ${SHARE_TENTHS * 10}%`;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const list = (value) => (Array.isArray(value) ? value : []);
const pain = (value) => (Number.isInteger(value) && value >= 0 && value <= 10 ? value : null);
const plural = (n, one, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Which step an entry of `completed` or `skipped` belongs to: its technique. An entry that
    names none (an older or hand-made record) is a step of its own. */
const stepKey = (entry, index) => (isObject(entry) && typeof entry.technique === 'string' && entry.technique
  ? entry.technique : typeof entry === 'string' && entry ? entry : `#${index}`);

/**
 * A session record's steps: done (any set or side done) and skipped (reached, none done).
 * @param {unknown} session @returns {{ done: number, skipped: number }}
 */
export function stepCounts(session) {
  const record = isObject(session) ? /** @type {Record<string, unknown>} */ (session) : {};
  const done = new Set(list(record.completed).map(stepKey));
  const reached = new Set(list(record.skipped).map((entry, i) => stepKey(entry, i + 100000)));
  const skipped = [...reached].filter((key) => !done.has(key)).length;
  return { done: done.size, skipped };
}

/** Was anything done in this session (at least one step)? The one definition of "done".
    @param {unknown} session @returns {boolean} */
export const didSteps = (session) => stepCounts(session).done > 0;

/** A finished routine: played to its end with at least one step done. @param {unknown} session */
export const isFinished = (session) => isObject(session) && /** @type {any} */ (session).status === 'finished' && didSteps(session);

/** A session whose pain before and after can be set against the routine: steps done, both rated.
    @param {unknown} session */
export const isRated = (session) => isObject(session) && didSteps(session)
  && pain(/** @type {any} */ (session).painBefore) !== null && pain(/** @type {any} */ (session).painAfter) !== null;

/** "0 of 3 steps done, 3 skipped." with the routine's step count, "2 steps done, 1 skipped."
    without it (a saved session does not keep the steps it never reached).
    @param {{ done: number, skipped: number, total?: number | null }} counts @returns {string} */
export function stepsText({ done, skipped, total = null }) {
  const of = Number.isInteger(total) ? `${done} of ${plural(/** @type {number} */ (total), 'step')}` : plural(done, 'step');
  return `${of} done${skipped ? `, ${skipped} skipped` : ''}.`;
}

/** A saved session's steps in the finish screen's words: a finished one reached every step,
    so its steps are out of done + skipped; one ended early says only what was reached.
    @param {unknown} session @returns {string} */
export function sessionStepsText(session) {
  const counts = stepCounts(session);
  const finished = isObject(session) && /** @type {any} */ (session).status === 'finished';
  return stepsText({ ...counts, total: finished ? counts.done + counts.skipped : null });
}

/** Does a change from `before` to `after` reach the 2 points or 30% rule? Whole-number
    arithmetic, so 10 -> 7 is exactly 30%. @param {number} before @param {number} after */
export function pastRule(before, after) {
  const points = Math.abs(after - before);
  return points >= MEANINGFUL_POINTS || (before > 0 && 10 * points >= SHARE_TENTHS * before);
}

/** Is a mean drop in pain from before to after a routine meaningful? Only past the rule AND over
    at least MIN_RATED_SESSIONS rated sessions. From whole-number sums, so no rounding decides it.
    @param {number} count  rated sessions @param {number} beforeSum @param {number} afterSum
    @returns {'not-enough-data' | 'meaningful' | 'worse' | 'small' | null} */
export function dropVerdict(count, beforeSum, afterSum) {
  if (!Number.isInteger(count) || count <= 0) return null;
  if (count < MIN_RATED_SESSIONS) return 'not-enough-data';
  const drop = beforeSum - afterSum;
  const past = (change, base) => change >= MEANINGFUL_POINTS * count || (base > 0 && 10 * change >= SHARE_TENTHS * base);
  if (drop > 0 && past(drop, beforeSum)) return 'meaningful';
  if (drop < 0 && past(-drop, beforeSum)) return 'worse';
  return 'small';
}

/** The verdict in a few words (lists and the summary). @type {Record<string, string>} */
export const VERDICT_WORDS = {
  'not-enough-data': 'not enough data yet',
  meaningful: 'meaningful',
  worse: 'meaningfully higher',
  small: 'a small change',
};

/** The verdict as a sentence (Insights). @param {string | null} verdict @param {number} rated @returns {string} */
export function verdictSentence(verdict, rated) {
  if (verdict === 'not-enough-data') {
    return `Not enough data yet to call it meaningful: ${plural(rated, 'rated session')} of the ${MIN_RATED_SESSIONS} needed.`;
  }
  if (verdict === 'meaningful') return `A meaningful drop: ${RULE_TEXT}.`;
  if (verdict === 'worse') return 'Pain was meaningfully higher afterwards: go gently, and leave out what seems to stir it up.';
  if (verdict === 'small') return `A small change: less than ${MEANINGFUL_POINTS} points and less than ${SHARE_TENTHS * 10}%.`;
  return '';
}

/** What the answer to "where are your symptoms now?" suggests (FACTS §9; guidance, not a
    diagnosis). @type {Record<string, string>} */
export const DIRECTION_ADVICE = {
  'toward-back': 'Symptoms moving toward your back is usually a good sign: what you did today seems to suit you.',
  same: 'No change in where you feel it. Keep going gently and notice how it goes over the next few sessions.',
  'further-down': 'Symptoms spreading further down the leg suggests easing off: leave out what seemed to cause it next time. If it keeps happening, talk to a physiotherapist or GP.',
};
// Toward the back after a session with nothing done, or with a step marked as making it worse:
// still a good sign, but not one to put down to the routine.
const TOWARD_BACK_PLAIN = 'Symptoms moving toward your back is usually a good sign.';
const GO_GENTLY = 'Go gently, and leave out what seemed to stir it up.';
const WORSE_MARKED = 'You marked a step as making it worse: leave it out next time.';

/**
 * One session's pain before and after, told as what it is: "Pain 6 before, 4 after: 2 points
 * lower." Never "meaningful" (that takes MIN_RATED_SESSIONS sessions, in Insights) and never
 * praise: with no step done the change is not put down to the routine, and a rise past the rule,
 * a step marked as making it worse or symptoms spreading down the leg bring the app's advice for it.
 * @param {unknown} session  a session record (painBefore, painAfter, completed, skipped, worse, symptomDirection)
 * @returns {{ pain: string, direction: string, caution: boolean }}  pain: '' without both ratings;
 *   direction: '' without an answer; caution: the session calls for easing off
 */
export function sessionOutcome(session) {
  const record = isObject(session) ? /** @type {Record<string, any>} */ (session) : {};
  const before = pain(record.painBefore);
  const after = pain(record.painAfter);
  const steps = didSteps(record);
  const worse = list(record.worse).some((slug) => typeof slug === 'string' && slug);
  const direction = typeof record.symptomDirection === 'string' && Object.hasOwn(DIRECTION_ADVICE, record.symptomDirection)
    ? record.symptomDirection : null;
  const rose = before !== null && after !== null && after > before && pastRule(before, after);
  const caution = direction === 'further-down' || worse || rose;

  let painText = '';
  if (before !== null && after !== null) {
    const lead = `Pain ${before} before, ${after} after`;
    const points = Math.abs(after - before);
    const change = after === before ? 'no change' : `${plural(points, 'point')} ${after < before ? 'lower' : 'higher'}`;
    const parts = [`${lead}: ${change}.`];
    if (!steps) parts.push('No step was done this time, so this is not counted as the routine’s effect.');
    else if (rose) parts.push(GO_GENTLY);
    else if (worse && direction !== 'further-down') parts.push(WORSE_MARKED);
    painText = parts.join(' ');
  }
  let directionText = direction ? DIRECTION_ADVICE[direction] : '';
  if (direction === 'toward-back' && (!steps || worse)) directionText = TOWARD_BACK_PLAIN;
  return { pain: painText, direction: directionText, caution };
}
