import test from 'node:test';
import assert from 'node:assert/strict';
import * as timer from '../../static/js/routine/timer.js';
import { expandRoutine } from '../../static/js/routine/expand.js';
import { stepPosition, stepTally, sessionRecord } from '../../static/js/routine/session.js';
import { DIRECTION_ADVICE, sessionOutcome } from '../../static/js/insights/outcome.js';
import { resumableFrom, RESUME_MAX_AGE_MS } from '../../static/js/routine/resume.js';
import { SYMPTOM_DIRECTIONS } from '../../static/js/generated/contract.js';
import { catalog, routine } from './fixtures.js';

const T0 = 1700000000000;

test('progress counts steps, not segments; a pause before a step counts as that step', () => {
  const segments = expandRoutine(routine(), catalog);
  assert.deepEqual(stepPosition(segments, 0), { total: 3, current: 1, order: [0, 1, 2] });
  const firstPiriformis = segments.findIndex((s) => s.technique === 'piriformis-stretch');
  assert.equal(stepPosition(segments, firstPiriformis - 1).current, 2); // the rest before it
  assert.equal(stepPosition(segments, firstPiriformis + 4).current, 2); // its second set
  assert.equal(stepPosition(segments, segments.length - 1).current, 3);
});

test('the end counts steps: done when any set or side was done, skipped when none was', () => {
  let s = timer.start(expandRoutine(routine(), catalog), T0);
  s = timer.advance(s, T0 + 6000).state; // cat-cow running
  s = timer.completeReps(s, T0 + 7000).state;
  s = timer.skip(s, T0 + 7100).state; // the rest
  s = timer.skipStep(s, T0 + 7200).state; // all of piriformis
  s = timer.end(s, T0 + 8000).state; // ends during the pause before the ball
  assert.equal(stepTally(s).text, '1 of 3 steps done, 1 skipped.');
  const record = sessionRecord(s, { sessionId: 'x', routineId: 'r', routineName: 'R', painBefore: 6, worse: [], skippedAtStart: [] }, T0 + 9000);
  assert.equal(record.painBefore, 6);
});

test('pain change: one session is told as numbers, never called meaningful (tests/js/outcome.test.js)', () => {
  // A session with a step done, rated before and after.
  const painChange = (before, after) => sessionOutcome({ painBefore: before, painAfter: after, completed: [{}] }).pain;
  assert.equal(painChange(null, 3), '');
  assert.equal(painChange(6, 4), 'Pain 6 before, 4 after: 2 points lower.');
  assert.equal(painChange(6, 5), 'Pain 6 before, 5 after: 1 point lower.');
  assert.equal(painChange(4, 4), 'Pain 4 before, 4 after: no change.');
  assert.match(painChange(3, 6), /3 points higher\. Go gently/);
});

test('every symptom direction has its guidance', () => {
  for (const direction of SYMPTOM_DIRECTIONS) assert.ok(DIRECTION_ADVICE[direction], direction);
});

test('resumableFrom offers a running or paused routine less than a day old', () => {
  const state = timer.start(expandRoutine(routine(), catalog), T0);
  const saved = { routineId: 'r1', url: '/play?routine=r1', run: { routineName: 'Morning easer' }, state: timer.serialize(state, T0) };
  assert.deepEqual(resumableFrom(saved, T0 + 1000), { url: '/play?routine=r1', name: 'Morning easer', savedAt: T0, stepText: 'Step 1 of 3' });
  assert.equal(resumableFrom(saved, T0 + RESUME_MAX_AGE_MS + 1), null);
  assert.equal(resumableFrom({ ...saved, url: 'https://evil.example/' }, T0).url, '/play?routine=r1');
  const ended = timer.end(state, T0 + 10).state;
  assert.equal(resumableFrom({ ...saved, state: timer.serialize(ended, T0 + 10) }, T0 + 20), null);
  assert.equal(resumableFrom(null, T0), null);
  assert.equal(resumableFrom({ ...saved, state: '{bad' }, T0), null);
});
