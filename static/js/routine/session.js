/* The session record the player saves when a routine ends (finished, ended early, or left
   unfinished and found on the next visit): pure, from the timer's state and what the player
   kept about the run. records.save stamps updatedAt again when it stores it. */
// @ts-check
import * as timer from './timer.js';

/**
 * What the player keeps about a run besides the timer.
 * @typedef {{ sessionId: string, routineId: string, routineName: string, painBefore: number | null,
 *   worse: string[], skippedAtStart: string[], repsDone?: number }} RunInfo
 */
/** @typedef {{ technique: string, side: 'left' | 'right' | null, set: number }} SessionStep */
/**
 * @typedef {{ id: string, routineId: string, routineName: string, startedAt: string, endedAt: string,
 *   status: 'finished' | 'ended', completed: SessionStep[], skipped: SessionStep[],
 *   skippedAtStart: string[], worse: string[], painBefore: number | null, painAfter: number | null,
 *   symptomDirection?: 'toward-back' | 'same' | 'further-down' | null, updatedAt: string }} SessionRecord
 */

/**
 * The session record for a timer state; `now` (ms) is its end when the timer has none, and its
 * updatedAt.
 * @param {import('./timer.js').TimerState} timerState
 * @param {RunInfo} runInfo
 * @param {number} now
 * @returns {SessionRecord}
 */
export function sessionRecord(timerState, runInfo, now) {
  const summary = timer.summary(timerState);
  const pick = ({ technique, side, set }) => ({ technique, side, set });
  return {
    id: runInfo.sessionId,
    routineId: runInfo.routineId,
    routineName: runInfo.routineName,
    startedAt: new Date(summary.startedAt).toISOString(),
    endedAt: new Date(summary.endedAt || now).toISOString(),
    status: timerState.status === 'finished' ? 'finished' : 'ended',
    completed: summary.completed.map(pick),
    skipped: summary.skipped.map(pick),
    skippedAtStart: runInfo.skippedAtStart,
    worse: runInfo.worse,
    painBefore: runInfo.painBefore,
    painAfter: null,
    updatedAt: new Date(now).toISOString(),
  };
}

/**
 * Steps, as a person counts them (not segments): the routine steps that were to be played, in
 * order, and the one at `index` (a pause before a step counts as that step).
 * @param {import('./expand.js').Segment[]} segments @param {number} index
 * @returns {{ total: number, current: number, order: number[] }}
 */
export function stepPosition(segments, index) {
  const order = [...new Set(segments.filter((s) => s.kind === 'work').map((s) => s.step))];
  let current = -1;
  for (let i = Math.min(index, segments.length - 1); i >= 0 && current < 0; i -= 1) {
    if (segments[i].step !== undefined) current = order.indexOf(segments[i].step);
  }
  if (current < 0) {
    const next = segments.slice(index).find((s) => s.kind === 'work');
    current = next ? order.indexOf(next.step) : order.length - 1;
  }
  return { total: order.length, current: current + 1, order };
}

/**
 * "5 of 6 steps done, 1 skipped": a step is done when any of its sets or sides was done, and
 * skipped when it was reached but none was.
 * @param {import('./timer.js').TimerState} timerState
 * @returns {{ total: number, done: number, skipped: number, text: string }}
 */
export function stepTally(timerState) {
  const { order } = stepPosition(timerState.segments, 0);
  const done = new Set();
  const reached = new Set();
  for (const entry of timerState.log) {
    reached.add(entry.step);
    if (entry.result === 'done') done.add(entry.step);
  }
  const skipped = [...reached].filter((step) => !done.has(step)).length;
  const total = order.length;
  const text = `${done.size} of ${total} step${total === 1 ? '' : 's'} done${skipped ? `, ${skipped} skipped` : ''}.`;
  return { total, done: done.size, skipped, text };
}

/**
 * Pain before and after, and whether the change is meaningful: 2 points or 30% (FACTS §4).
 * @param {number | null | undefined} before @param {number | null | undefined} after
 * @returns {{ change: number, meaningful: boolean, text: string } | null}
 */
export function painChange(before, after) {
  if (!Number.isInteger(before) || !Number.isInteger(after)) return null;
  const change = after - before;
  const points = Math.abs(change);
  const meaningful = points >= 2 || (before > 0 && points / before >= 0.3);
  const lead = `Pain ${before} before, ${after} after`;
  if (change === 0) return { change, meaningful: false, text: `${lead}: no change.` };
  const way = change < 0 ? 'lower' : 'higher';
  const size = `${points} point${points === 1 ? '' : 's'} ${way}`;
  if (!meaningful) return { change, meaningful, text: `${lead}: ${size}, a small change.` };
  return {
    change,
    meaningful,
    text: change < 0 ? `${lead}: ${size}, a meaningful improvement.`
      : `${lead}: ${size}, a meaningful increase. Go gently, and leave out what seemed to stir it up.`,
  };
}

/** What the answer to the symptom direction question suggests (FACTS §9; guidance, not a
    diagnosis). @type {Record<string, string>} */
export const DIRECTION_ADVICE = {
  'toward-back': 'Symptoms moving toward your back is usually a good sign: what you did today seems to suit you.',
  same: 'No change in where you feel it. Keep going gently and notice how it goes over the next few sessions.',
  'further-down': 'Symptoms spreading further down the leg suggests easing off: leave out what seemed to cause it next time. If it keeps happening, talk to a physiotherapist or GP.',
};
