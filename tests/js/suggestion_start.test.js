// Starting Today's suggestion again reuses its one saved copy (main/today.js suggestedRecord),
// and the builder's new steps start at the card's starting dose (routine/starting.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { suggestedRecord } from '../../static/js/main/today.js';
import { flaggedText, latestFlags, startingStep } from '../../static/js/routine/starting.js';

const suggestion = (steps, id = 'morning-relief', name = 'Morning relief') => ({
  routine: { id, name, steps }, seconds: 300, builtin: false, reasons: [], leftOut: [],
});
const tilt = { technique: 'pelvic-tilt', sides: 'none', rest: 10, optional: false };
const knee = { technique: 'knee-to-chest', seconds: 30, sets: 3, sides: 'left-right', rest: 10, optional: false };
let n = 0;
const make = (now = '2026-11-30T07:00:00.000Z') => ({ now, newId: () => `id-${(n += 1)}` });

/** Start pressed on a device: what it would hold afterwards. */
function start(saved, s, now) {
  const { record, write } = suggestedRecord(s, saved, make(now));
  if (!write) return saved;
  const stamped = { ...record, updatedAt: now || '2026-11-30T07:00:00.000Z' };
  return [...saved.filter((r) => r.id !== record.id), stamped];
}

test('starting the same suggestion twice leaves one saved routine', () => {
  let saved = start([], suggestion([tilt, knee]));
  saved = start(saved, suggestion([tilt, knee]));
  assert.equal(saved.length, 1);
  assert.equal(saved[0].name, 'Morning relief (for you)');
  assert.equal(saved[0].suggestion, 'morning-relief');
  assert.deepEqual(saved[0].steps.map((s) => s.technique), ['pelvic-tilt', 'knee-to-chest']);
  assert.ok(!('optional' in saved[0].steps[0]), 'only the keys a routine record takes');
});

test('the second start reuses the copy without writing it again', () => {
  const saved = start([], suggestion([tilt]));
  const { record, write } = suggestedRecord(suggestion([tilt]), saved, make());
  assert.equal(write, false);
  assert.equal(record.id, saved[0].id);
});

test('when the suggestion changes (a technique flagged since) the same copy is updated', () => {
  let saved = start([], suggestion([tilt, knee]));
  const id = saved[0].id;
  saved = start(saved, suggestion([tilt]), '2026-11-30T09:00:00.000Z');
  assert.equal(saved.length, 1);
  assert.equal(saved[0].id, id);
  assert.equal(saved[0].createdAt, '2026-11-30T07:00:00.000Z', 'still the same routine');
  assert.deepEqual(saved[0].steps.map((s) => s.technique), ['pelvic-tilt']);
});

test('the put-together suggestion and a trimmed built-in keep one copy each', () => {
  let saved = start([], suggestion([tilt]));
  saved = start(saved, suggestion([knee], 'suggested', 'Your routine for today'));
  saved = start(saved, suggestion([tilt], 'suggested', 'Your routine for today'));
  saved = start(saved, suggestion([tilt]));
  assert.deepEqual(saved.map((r) => r.name).sort(), ['Morning relief (for you)', 'Your routine for today']);
});

test("a copy the person edited in the builder is theirs: never rewritten", () => {
  // The builder saves without `suggestion` once the steps change.
  const mine = { id: 'mine', name: 'Morning relief (for you)', steps: [{ ...knee, seconds: 20 }], createdAt: '2026-11-29T07:00:00.000Z', updatedAt: '2026-11-29T08:00:00.000Z' };
  const { record, write } = suggestedRecord(suggestion([tilt, knee]), [mine], make());
  assert.equal(write, true);
  assert.notEqual(record.id, 'mine');
  assert.equal(mine.steps[0].seconds, 20);
});

test('copies from before the mark: the newest untouched one is adopted, the others left alone', () => {
  const old = (id, createdAt, steps) => ({ id, name: 'Morning relief (for you)', steps, createdAt, updatedAt: createdAt });
  const saved = [
    old('a', '2026-11-29T07:00:00.000Z', [tilt, knee].map(({ optional, ...s }) => s)),
    old('b', '2026-11-30T06:00:00.000Z', [tilt, knee].map(({ optional, ...s }) => s)),
  ];
  const { record, write } = suggestedRecord(suggestion([tilt]), saved, make());
  assert.equal(write, true);
  assert.equal(record.id, 'b', 'the newest copy Start made, never edited since');
  assert.equal(record.suggestion, 'morning-relief');
  assert.deepEqual(record.steps.map((s) => s.technique), ['pelvic-tilt']);
});

test('a new step starts at the card\'s starting dose', () => {
  const hamstrings = { dosing: { type: 'time', seconds: 60, sets: 2, per_side: true, start: { seconds: 30, sets: 1 } } };
  assert.deepEqual(startingStep('foam-roll-hamstrings', hamstrings),
    { technique: 'foam-roll-hamstrings', seconds: 30, sets: 1, sides: 'left-right', rest: 15 });
  const glide = { dosing: { type: 'reps', reps: 10, sets: 1, per_side: true, start: { reps: 5 } } };
  assert.equal(startingStep('sciatic-nerve-glide', glide).reps, 5);
  assert.equal(startingStep('sciatic-nerve-glide', glide).sets, 1, 'what start leaves blank is the full dose');
  const tiltCard = { dosing: { type: 'reps', reps: 5, sets: 1, per_side: false, start: null } };
  assert.deepEqual(startingStep('pelvic-tilt', tiltCard), { technique: 'pelvic-tilt', reps: 5, sets: 1, sides: 'none', rest: 15 });
});

test('the latest flag per technique, in the routine page\'s words', () => {
  const latest = latestFlags([
    { technique: 'knee-to-chest', at: '2026-11-29T07:00:00.000Z' },
    { technique: 'knee-to-chest', at: '2026-11-30T07:00:00.000Z' },
  ]);
  assert.equal(latest.get('knee-to-chest'), '2026-11-30T07:00:00.000Z');
  assert.match(flaggedText(latest.get('knee-to-chest')), /^Left out when played: you said it made things worse \(.+\)\. Its card can clear the mark\.$/);
});
