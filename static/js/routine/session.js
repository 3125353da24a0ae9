/* The session record the player saves when a routine ends (finished, ended early, or left
   unfinished and found on the next visit): pure, from the timer's state and what the player
   kept about the run. records.save stamps updatedAt again when it stores it. */
// @ts-check
import * as timer from './timer.js';
import { stepsText } from '../insights/outcome.js';

/**
 * What the player keeps about a run besides the timer.
 * @typedef {{ sessionId: string, routineId: string, routineName: string, painBefore: number | null,
 *   worse: string[], skippedAtStart: string[], repsDone?: number, stoppedFor?: string }} RunInfo
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
 * "5 of 6 steps done, 1 skipped.": a step is done when any of its sets or sides was done, and
 * skipped when it was reached but none was; the words are insights/outcome.js's, as in History.
 * The heading: a routine played to its end with every step skipped is not called finished
 * (Insights and the summary don't count it as one either).
 * @param {import('./timer.js').TimerState} timerState
 * @returns {{ total: number, done: number, skipped: number, text: string, heading: string }}
 */
export function stepTally(timerState) {
  const { order } = stepPosition(timerState.segments, 0);
  const done = new Set();
  const reached = new Set();
  for (const entry of timerState.log) {
    reached.add(entry.step);
    if (entry.result === 'done') done.add(entry.step);
  }
  const counts = { total: order.length, done: done.size, skipped: [...reached].filter((step) => !done.has(step)).length };
  const heading = timerState.status !== 'finished' ? 'Routine ended early' : counts.done ? 'Routine finished' : 'All steps skipped';
  return { ...counts, text: stepsText(counts), heading };
}
