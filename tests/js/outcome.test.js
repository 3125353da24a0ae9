// One verdict and one count for a routine session (static/js/insights/outcome.js), on known data,
// and every screen that uses it: the player's finish text, History's steps, Insights and the
// clinician summary's figures. The first test is a new user's review: all 3 steps skipped,
// pain 6 then 4, symptoms spreading further down the leg.
process.env.TZ = 'Europe/London';

import test from 'node:test';
import assert from 'node:assert/strict';
import * as timer from '../../static/js/routine/timer.js';
import { expandRoutine } from '../../static/js/routine/expand.js';
import { sessionRecord, stepTally } from '../../static/js/routine/session.js';
import { summarize } from '../../static/js/insights/calc.js';
import {
  DIRECTION_ADVICE, didSteps, dropVerdict, isFinished, isRated, pastRule, RULE_TEXT, sessionOutcome, sessionStepsText,
  stepCounts, stepsText, VERDICT_WORDS, verdictSentence,
} from '../../static/js/insights/outcome.js';
import { MIN_RATED_SESSIONS } from '../../static/js/generated/contract.js';
import { catalog, routine } from './fixtures.js';

const T0 = Date.UTC(2026, 10, 24, 15, 0, 0);
const NOW = '2026-11-24T20:00:00.000Z';
const RUN = { sessionId: 's-1', routineId: 'r', routineName: 'Morning', painBefore: 6, worse: [], skippedAtStart: [] };
const step = (technique, side = null, set = 1) => ({ technique, side, set });

/** The reviewer's session: every step of the 3-step routine skipped, from the player's own timer. */
function allSkipped() {
  let state = timer.start(expandRoutine(routine(), catalog), T0);
  for (let i = 1; i < 20 && state.status !== 'finished'; i += 1) state = timer.skipStep(state, T0 + i * 1000).state;
  return state;
}

test("the reviewer's case: all 3 steps skipped, pain 6 then 4, spreading down the leg", () => {
  const state = allSkipped();
  assert.equal(state.status, 'finished');
  const tally = stepTally(state);
  assert.equal(tally.text, '0 of 3 steps done, 3 skipped.');
  assert.equal(tally.heading, 'All steps skipped'); // played to the end, but not "finished"
  const record = { ...sessionRecord(state, RUN, T0 + 60_000), painAfter: 4, symptomDirection: 'further-down' };
  assert.ok(record.skipped.length > 3, 'the record lists every set and side skipped');
  // History says the same as the finish screen: steps, not sets.
  assert.deepEqual(stepCounts(record), { done: 0, skipped: 3 });
  assert.equal(sessionStepsText(record), '0 of 3 steps done, 3 skipped.');
  assert.equal(didSteps(record), false);
  assert.equal(isFinished(record), false);
  assert.equal(isRated(record), false);
  // The finish screen: numbers, no praise, the change not put down to the routine, the leg advice.
  const notes = sessionOutcome(record);
  assert.equal(notes.pain, 'Pain 6 before, 4 after: 2 points lower. No step was done this time, so this is not counted as the routine’s effect.');
  assert.equal(notes.direction, DIRECTION_ADVICE['further-down']);
  assert.equal(notes.caution, true);
  assert.doesNotMatch(`${notes.pain} ${notes.direction}`, /meaningful|improvement|good sign|suit/i);
  // Insights and the summary: not finished, not a day with a routine, not a rated session.
  const s = summarize({ sessions: [{ ...record, startedAt: '2026-11-24T15:00:00.000Z' }], days: 7, now: NOW });
  assert.deepEqual(s.sessions, { total: 1, finished: 0, endedEarly: 0, noSteps: 1 });
  assert.equal(s.activeDays, 0);
  assert.equal(s.daysPerWeek, 0);
  assert.deepEqual(s.days.find((d) => d.day === '2026-11-24').routines, []);
  assert.equal(s.beforeAfter.count, 0);
  assert.equal(s.beforeAfter.noSteps, 1);
  assert.equal(s.beforeAfter.verdict, null);
  assert.deepEqual(s.routines, []);
});

test('a normal session: numbers only, never "meaningful" however big the drop', () => {
  const done = { status: 'finished', completed: [step('cat-cow'), step('piriformis-stretch', 'left'), step('piriformis-stretch', 'right')], skipped: [step('ball-wall-glutes')] };
  assert.deepEqual(stepCounts(done), { done: 2, skipped: 1 });
  assert.equal(sessionStepsText(done), '2 of 3 steps done, 1 skipped.');
  assert.equal(sessionStepsText({ ...done, status: 'ended' }), '2 steps done, 1 skipped.');
  assert.deepEqual(sessionOutcome({ ...done, painBefore: 6, painAfter: 4 }), { pain: 'Pain 6 before, 4 after: 2 points lower.', direction: '', caution: false });
  assert.equal(sessionOutcome({ ...done, painBefore: 9, painAfter: 1 }).pain, 'Pain 9 before, 1 after: 8 points lower.');
  assert.equal(sessionOutcome({ ...done, painBefore: 6, painAfter: 5 }).pain, 'Pain 6 before, 5 after: 1 point lower.');
  assert.equal(sessionOutcome({ ...done, painBefore: 4, painAfter: 4 }).pain, 'Pain 4 before, 4 after: no change.');
  assert.equal(sessionOutcome({ ...done, painBefore: 6, painAfter: null }).pain, '');
  assert.equal(sessionOutcome({ ...done, symptomDirection: 'toward-back' }).direction, DIRECTION_ADVICE['toward-back']);
  assert.equal(isFinished(done), true);
  assert.equal(isRated({ ...done, painBefore: 6, painAfter: 4 }), true);
});

test('worse: a rise past the rule, a step marked worse or spreading down the leg is never praised', () => {
  const done = { completed: [step('cat-cow')], skipped: [] };
  const rise = sessionOutcome({ ...done, painBefore: 3, painAfter: 6 });
  assert.equal(rise.pain, 'Pain 3 before, 6 after: 3 points higher. Go gently, and leave out what seemed to stir it up.');
  assert.equal(rise.caution, true);
  assert.equal(sessionOutcome({ ...done, painBefore: 5, painAfter: 6 }).pain, 'Pain 5 before, 6 after: 1 point higher.');
  const marked = sessionOutcome({ ...done, worse: ['cat-cow'], painBefore: 6, painAfter: 4, symptomDirection: 'toward-back' });
  assert.equal(marked.pain, 'Pain 6 before, 4 after: 2 points lower. You marked a step as making it worse: leave it out next time.');
  assert.equal(marked.direction, 'Symptoms moving toward your back is usually a good sign.');
  const down = sessionOutcome({ ...done, painBefore: 7, painAfter: 3, symptomDirection: 'further-down' });
  assert.equal(down.pain, 'Pain 7 before, 3 after: 4 points lower.');
  assert.equal(down.direction, DIRECTION_ADVICE['further-down']);
  assert.equal(down.caution, true);
  // Nothing done, symptoms toward the back: a good sign, not the routine's doing.
  assert.equal(sessionOutcome({ completed: [], skipped: [step('cat-cow')], symptomDirection: 'toward-back' }).direction,
    'Symptoms moving toward your back is usually a good sign.');
});

test('done is defined once: steps by technique, not sets; older and junk records never throw', () => {
  assert.deepEqual(stepCounts({ completed: [step('a', 'left', 1), step('a', 'right', 1), step('a', 'left', 2)], skipped: [step('a', 'right', 2)] }),
    { done: 1, skipped: 0 }); // one step, done: a skipped set of it does not make it skipped
  assert.deepEqual(stepCounts({ completed: ['pelvic-tilt'], skipped: [] }), { done: 1, skipped: 0 });
  for (const junk of [null, undefined, 42, 'x', [], {}, { completed: 'x', skipped: null }]) {
    assert.deepEqual(stepCounts(junk), { done: 0, skipped: 0 });
    assert.equal(didSteps(junk), false);
    assert.deepEqual(sessionOutcome(junk), { pain: '', direction: '', caution: false });
  }
  assert.equal(isFinished({ status: 'ended', completed: [step('a')] }), false);
  assert.equal(isRated({ completed: [step('a')], painBefore: 6, painAfter: '4' }), false);
  assert.equal(stepsText({ done: 1, skipped: 0, total: 1 }), '1 of 1 step done.');
  assert.equal(stepsText({ done: 0, skipped: 0 }), '0 steps done.');
});

test('the rule: 2 points or 30%, and meaningful only over enough rated sessions', () => {
  assert.equal(RULE_TEXT, 'at least 2 points or 30%');
  assert.equal(pastRule(6, 4), true);
  assert.equal(pastRule(3, 2), true); // 33%
  assert.equal(pastRule(10, 9), false);
  assert.equal(pastRule(0, 1), false);
  assert.equal(MIN_RATED_SESSIONS, 5);
  assert.equal(dropVerdict(1, 6, 4), 'not-enough-data');
  assert.equal(dropVerdict(5, 50, 35), 'meaningful'); // exactly 30%
  assert.equal(verdictSentence('not-enough-data', 1), 'Not enough data yet to call it meaningful: 1 rated session of the 5 needed.');
  assert.equal(verdictSentence('meaningful', 5), 'A meaningful drop: at least 2 points or 30%.');
  assert.equal(verdictSentence('small', 5), 'A small change: less than 2 points and less than 30%.');
  assert.deepEqual(Object.keys(VERDICT_WORDS).sort(), ['meaningful', 'not-enough-data', 'small', 'worse']);
});

test('insights count a session only with a step done: finished, ended early, nothing done', () => {
  const at = (day, hour) => `2026-11-${day}T${String(hour).padStart(2, '0')}:00:00.000Z`;
  const make = (startedAt, status, completed, before = null, after = null) => ({
    id: startedAt, routineId: 'm', routineName: 'Morning', startedAt, endedAt: startedAt, status, completed, skipped: [step('x')], painBefore: before, painAfter: after,
  });
  const sessions = [
    make(at(20, 8), 'finished', [step('a')], 6, 4),
    make(at(21, 8), 'ended', [step('a')], 5, 4),
    make(at(22, 8), 'finished', [], 7, 2), // nothing done: its big drop is not counted
    make(at(23, 8), 'ended', []),
  ];
  const s = summarize({ sessions, days: 7, now: NOW });
  assert.deepEqual(s.sessions, { total: 4, finished: 1, endedEarly: 1, noSteps: 2 });
  assert.equal(s.activeDays, 1);
  assert.deepEqual({ count: s.beforeAfter.count, before: s.beforeAfter.before, after: s.beforeAfter.after, noSteps: s.beforeAfter.noSteps },
    { count: 2, before: 5.5, after: 4, noSteps: 1 });
});
