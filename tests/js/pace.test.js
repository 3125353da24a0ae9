import test from 'node:test';
import assert from 'node:assert/strict';
import { cadenceAt, repPhases, repSeconds, setSeconds, PHASE_WORDS } from '../../static/js/routine/cadence.js';
import { transitionSeconds, transitionOptions } from '../../static/js/routine/transitions.js';
import { SECONDS_PER_REP, SLOW_TEMPO_PERCENT, SWITCH_SIDES, TRANSITIONS } from '../../static/js/generated/contract.js';

test('a rep is up, hold, down, rest; its moving part is SECONDS_PER_REP', () => {
  const phases = repPhases(2);
  assert.deepEqual(phases.map((p) => p.phase), ['up', 'hold', 'down', 'rest']);
  assert.equal(phases.find((p) => p.phase === 'hold').ms, 2000);
  assert.equal(phases.reduce((t, p) => t + p.ms, 0), (SECONDS_PER_REP + 2) * 1000);
  assert.deepEqual(repPhases(0).map((p) => p.phase), ['up', 'down', 'rest']);
  for (const phase of ['up', 'hold', 'down', 'rest']) assert.ok(PHASE_WORDS[phase]);
});

test('cadenceAt counts reps and phases, with the hold counting down', () => {
  const set = { reps: 8, holdSeconds: 2 }; // 6 s a rep
  assert.deepEqual(cadenceAt(set, 0), { rep: 1, reps: 8, phase: 'up', phaseLeftMs: 1500, phaseMs: 1500, done: false });
  const hold = cadenceAt(set, 2000);
  assert.equal(hold.phase, 'hold');
  assert.equal(hold.phaseLeftMs, 1500);
  assert.equal(cadenceAt(set, 3600).phase, 'down');
  assert.equal(cadenceAt(set, 5200).phase, 'rest');
  assert.equal(cadenceAt(set, 6000).rep, 2);
  assert.equal(cadenceAt(set, 2 * 6000 + 100).rep, 3);
  assert.equal(cadenceAt(set, 8 * 6000 - 1).rep, 8);
  assert.equal(cadenceAt(set, 8 * 6000).done, true);
  assert.equal(cadenceAt(set, -50).rep, 1);
});

test('the slow tempo slows the movement, never the hold, and the set length follows', () => {
  assert.equal(repSeconds(100), SECONDS_PER_REP);
  assert.equal(repSeconds(SLOW_TEMPO_PERCENT), SECONDS_PER_REP * 1.5);
  assert.equal(setSeconds(8, 2), 8 * (SECONDS_PER_REP + 2));
  assert.equal(setSeconds(8, 2, repSeconds(150)), 8 * (SECONDS_PER_REP * 1.5 + 2));
  const slow = { reps: 5, holdSeconds: 3, repSeconds: repSeconds(150) };
  assert.equal(cadenceAt(slow, 0).phaseMs, 2250);
  assert.equal(cadenceAt(slow, 2250).phaseMs, 3000);
});

test('time to move: same position, a change, floor to standing, from the start, slower', () => {
  assert.equal(transitionSeconds('floor', 'floor'), TRANSITIONS.same);
  assert.equal(transitionSeconds('chair', 'floor'), TRANSITIONS.change);
  assert.equal(transitionSeconds('standing', 'wall'), TRANSITIONS.change);
  assert.equal(transitionSeconds('floor', 'standing'), TRANSITIONS.floorStanding);
  assert.equal(transitionSeconds('wall', 'floor'), TRANSITIONS.floorStanding);
  assert.equal(transitionSeconds(null, 'floor'), TRANSITIONS.floorStanding);
  assert.equal(transitionSeconds(null, 'standing'), TRANSITIONS.same);
  assert.equal(transitionSeconds('floor', 'chair', { slower: true }), TRANSITIONS.change * TRANSITIONS.slower);
  assert.ok(TRANSITIONS.same < TRANSITIONS.change && TRANSITIONS.change < TRANSITIONS.floorStanding);
});

test('transitionOptions reads the preferences, normal unless set otherwise', () => {
  assert.deepEqual(transitionOptions(null), { slower: false, tempoPercent: 100, switchSides: SWITCH_SIDES });
  assert.deepEqual(transitionOptions({ transitionTime: 'slower', tempo: 'slow' }),
    { slower: true, tempoPercent: SLOW_TEMPO_PERCENT, switchSides: SWITCH_SIDES * TRANSITIONS.slower });
  assert.equal(transitionOptions({ transition: 'slower' }).slower, true);
  assert.equal(transitionOptions({ transitionTime: 'bogus' }).slower, false);
  // In a flare the transitions are the slower ones, whatever the setting.
  assert.deepEqual(transitionOptions({ transition: 'normal' }, { flare: true }),
    { slower: true, tempoPercent: 100, switchSides: SWITCH_SIDES * TRANSITIONS.slower });
  assert.equal(transitionOptions(null, { flare: false }).slower, false);
});
