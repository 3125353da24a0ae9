// The player's session record (static/js/routine/session.js): known timer state and run → the exact record.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as timer from '../../static/js/routine/timer.js';
import { expandRoutine } from '../../static/js/routine/expand.js';
import { sessionRecord } from '../../static/js/routine/session.js';
import { catalog, routine } from './fixtures.js';

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const at = (seconds) => T0 + seconds * 1000;
const RUN = {
  sessionId: '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b', routineId: 'my-routine', routineName: 'Morning',
  painBefore: 6, worse: ['piriformis-stretch'], repsDone: 0, skippedAtStart: ['cat-cow'],
};
// Timed only: 0 ready 5 | 1 L 30 | 2 switch 5 | 3 R 30 | 4 rest 10 | 5 L 30 | ... (see timer.test.js)
const segments = () => expandRoutine(routine(), catalog, { skip: ['cat-cow'] });

test('a routine ended early: done and skipped steps, its end from the timer', () => {
  let state = timer.start(segments(), T0);
  state = timer.advance(state, at(36)).state; // the left side is done
  state = timer.end(state, at(50)).state; // during the right side
  const record = sessionRecord(state, RUN, at(60));
  assert.deepEqual(record, {
    id: RUN.sessionId,
    routineId: 'my-routine',
    routineName: 'Morning',
    startedAt: '2026-11-24T15:00:00.000Z',
    endedAt: '2026-11-24T15:00:50.000Z',
    status: 'ended',
    completed: [{ technique: 'piriformis-stretch', side: 'left', set: 1 }],
    skipped: [{ technique: 'piriformis-stretch', side: 'right', set: 1 }],
    skippedAtStart: ['cat-cow'],
    worse: ['piriformis-stretch'],
    painBefore: 6,
    painAfter: null,
    updatedAt: '2026-11-24T15:01:00.000Z',
  });
});

test('a finished routine; `now` is the end when the timer has none', () => {
  let state = timer.start(segments(), T0);
  state = timer.advance(state, at(1000)).state;
  assert.equal(state.status, 'finished');
  const record = sessionRecord(state, { ...RUN, painBefore: null, worse: [], skippedAtStart: [] }, at(1001));
  assert.equal(record.status, 'finished');
  assert.equal(record.skipped.length, 0);
  assert.deepEqual(record.completed.map((s) => `${s.technique} ${s.side} ${s.set}`), [
    'piriformis-stretch left 1', 'piriformis-stretch right 1', 'piriformis-stretch left 2', 'piriformis-stretch right 2',
    'ball-wall-glutes null 1',
  ]);
  assert.equal(record.painBefore, null);
  assert.deepEqual([record.worse, record.skippedAtStart], [[], []]);
  assert.equal(record.endedAt, '2026-11-24T15:03:40.000Z'); // the timer's end: 220 s in
  const noEnd = sessionRecord({ ...state, endedAt: null }, RUN, at(1001));
  assert.equal(noEnd.endedAt, '2026-11-24T15:16:41.000Z');
});

test('a routine ended before the first step: nothing done or skipped', () => {
  const state = timer.end(timer.start(segments(), T0), at(3)).state;
  const record = sessionRecord(state, RUN, at(3));
  assert.deepEqual([record.completed, record.skipped, record.status], [[], [], 'ended']);
});
