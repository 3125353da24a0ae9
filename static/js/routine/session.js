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
 *   updatedAt: string }} SessionRecord
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
