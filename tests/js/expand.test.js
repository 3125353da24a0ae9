import test from 'node:test';
import assert from 'node:assert/strict';
import { expandRoutine, validateRoutine, totalSeconds, RoutineError } from '../../static/js/routine/expand.js';
import { catalog, bySlug, routine } from './fixtures.js';

// One line per segment keeps the expected order readable and makes any difference obvious.
const shape = (segments) => segments.map((s) => {
  if (s.kind === 'work') return `work ${s.technique} ${s.side || '-'} ${s.set}/${s.sets} ${s.mode === 'time' ? s.seconds + 's' : s.reps + 'x+' + s.holdSeconds}`;
  if (s.kind === 'switch') return `switch ${s.seconds} ${s.toSide}`;
  if (s.kind === 'rest') return `rest ${s.seconds} -> ${s.next}`;
  return `${s.kind} ${s.seconds}`;
});

const errorFields = (result) => result.errors.map((e) => [e.step, e.field]);

test('expands sides, sets, switches and rests in order', () => {
  assert.deepEqual(shape(expandRoutine(routine(), catalog)), [
    'ready 5',
    'work cat-cow - 1/1 10x+0',
    'rest 20 -> Piriformis stretch',
    'work piriformis-stretch left 1/2 30s',
    'switch 5 right',
    'work piriformis-stretch right 1/2 30s',
    'rest 10 -> Piriformis stretch',
    'work piriformis-stretch left 2/2 30s',
    'switch 5 right',
    'work piriformis-stretch right 2/2 30s',
    'rest 30 -> Ball against a wall: glutes',
    'work ball-wall-glutes - 1/1 45s',
  ]);
});

test('only the last side of the last set of a two-sided step is final', () => {
  const work = expandRoutine(routine(), catalog).filter((s) => s.kind === 'work');
  assert.deepEqual(work.map((s) => `${s.technique} ${s.side || '-'} ${s.set} ${s.final ? 'final' : ''}`.trim()), [
    'cat-cow - 1',
    'piriformis-stretch left 1',
    'piriformis-stretch right 1',
    'piriformis-stretch left 2',
    'piriformis-stretch right 2 final',
    'ball-wall-glutes - 1',
  ]);
});

test('work segments carry what the player shows', () => {
  const segments = expandRoutine(routine(), catalog);
  assert.deepEqual(segments[3], {
    kind: 'work',
    step: 1,
    technique: 'piriformis-stretch',
    name: 'Piriformis stretch',
    cue: 'Draw the knee toward the opposite shoulder',
    illustration: '/static/img/techniques/piriformis-stretch.svg?v=1',
    alt: 'On the back, the right ankle crossed over the left knee, drawing the legs toward the chest.',
    side: 'left',
    set: 1,
    sets: 2,
    mode: 'time',
    seconds: 30,
  });
  assert.deepEqual(segments[0], { kind: 'ready', seconds: 5, step: 0, next: 'Cat-cow' });
  assert.deepEqual(segments[4], { kind: 'switch', seconds: 5, step: 1, toSide: 'right' });
  assert.equal(segments[1].reps, 10);
  assert.equal(segments[1].holdSeconds, 0);
  // Reps run themselves: 10 reps of SECONDS_PER_REP (4 s) each.
  assert.equal(segments[1].repSeconds, 4);
  assert.equal(segments[1].seconds, 40);
});

test('step values override the technique dosing', () => {
  const r = routine({
    steps: [
      { technique: 'piriformis-stretch', seconds: 20, sets: 1, sides: 'none', rest: 0 },
      { technique: 'childs-pose', reps: 4, sets: 1, sides: 'none', rest: 0 },
    ],
  });
  assert.deepEqual(shape(expandRoutine(r, catalog)), [
    'ready 5',
    'work piriformis-stretch - 1/1 20s',
    'ready 5',
    'work childs-pose - 1/1 4x+5',
  ]);
});

test('a rep technique with sets rests between sets with the technique rest', () => {
  const r = routine({ steps: [{ technique: 'childs-pose', sides: 'both', rest: 60 }] });
  assert.deepEqual(shape(expandRoutine(r, catalog, { getReady: 10 })), [
    'ready 10',
    'work childs-pose - 1/2 8x+5',
    'rest 15 -> Child\'s pose',
    'work childs-pose - 2/2 8x+5',
  ]);
});

test('no rest after the last step; rest 0 still leaves the time to move', () => {
  const r = routine({
    steps: [
      { technique: 'cat-cow', sides: 'none', rest: 0 },
      { technique: 'cat-cow', sides: 'none', rest: 90 },
    ],
  });
  assert.deepEqual(shape(expandRoutine(r, catalog)), ['ready 5', 'work cat-cow - 1/1 10x+0', 'ready 5', 'work cat-cow - 1/1 10x+0']);
});

test('getReady and switchSides options; 0 leaves the segment out', () => {
  const r = routine({ steps: [{ technique: 'ball-wall-glutes', sides: 'left-right', rest: 0 }] });
  assert.deepEqual(shape(expandRoutine(r, catalog, { getReady: 3, switchSides: 8 })), [
    'ready 3', 'work ball-wall-glutes left 1/1 60s', 'switch 8 right', 'work ball-wall-glutes right 1/1 60s',
  ]);
  assert.deepEqual(shape(expandRoutine(r, catalog, { getReady: 0, switchSides: 0 })), [
    'work ball-wall-glutes left 1/1 60s', 'work ball-wall-glutes right 1/1 60s',
  ]);
  assert.throws(() => expandRoutine(r, catalog, { getReady: -1 }), RoutineError);
  assert.throws(() => expandRoutine(r, catalog, { switchSides: 2.5 }), RoutineError);
});

test('skip leaves out flagged techniques and the next rest points at what really comes next', () => {
  const segments = expandRoutine(routine(), catalog, { skip: ['piriformis-stretch'] });
  assert.deepEqual(shape(segments), [
    'ready 5',
    'work cat-cow - 1/1 10x+0',
    'rest 20 -> Ball against a wall: glutes',
    'work ball-wall-glutes - 1/1 45s',
  ]);
  // Step numbers stay those of the routine, so the UI can point at the right row.
  assert.equal(segments[3].step, 2);
});

test('skipping the first step updates the ready "next" and the last included step gets no rest', () => {
  const first = expandRoutine(routine(), catalog, { skip: ['cat-cow'] });
  assert.equal(first[0].next, 'Piriformis stretch');
  const last = expandRoutine(routine(), catalog, { skip: ['ball-wall-glutes'] });
  assert.equal(last[last.length - 1].kind, 'work');
  assert.equal(last[last.length - 1].technique, 'piriformis-stretch');
});

test('skipping every technique is an error', () => {
  assert.throws(
    () => expandRoutine(routine(), catalog, { skip: ['cat-cow', 'piriformis-stretch', 'ball-wall-glutes'] }),
    (error) => error instanceof RoutineError && /nothing to play/.test(error.message),
  );
});

test('catalog may be an array, an object keyed by slug or a Map', () => {
  const expected = shape(expandRoutine(routine(), catalog));
  assert.deepEqual(shape(expandRoutine(routine(), bySlug)), expected);
  assert.deepEqual(shape(expandRoutine(routine(), new Map(Object.entries(bySlug)))), expected);
});

test('unknown technique throws a RoutineError naming the step', () => {
  const r = routine();
  r.steps[1].technique = 'no-such-thing';
  assert.throws(() => expandRoutine(r, catalog), (error) => {
    assert.ok(error instanceof RoutineError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'RoutineError');
    assert.match(error.message, /^Step 2: "no-such-thing" is not a technique/);
    assert.deepEqual(error.errors.map((e) => [e.step, e.field]), [[1, 'technique']]);
    return true;
  });
});

test('inherited object keys are not techniques', () => {
  const r = routine({ steps: [{ technique: 'constructor', sides: 'none', rest: 0 }] });
  assert.deepEqual(errorFields(validateRoutine(r, bySlug)), [[0, 'technique']]);
});

test('out-of-range values are reported per step and field', () => {
  const cases = [
    [{ technique: 'piriformis-stretch', seconds: 4, sides: 'none', rest: 0 }, 'seconds', /seconds must be a whole number from 5 to 600/],
    [{ technique: 'piriformis-stretch', seconds: 601, sides: 'none', rest: 0 }, 'seconds', /from 5 to 600/],
    [{ technique: 'piriformis-stretch', seconds: 30.5, sides: 'none', rest: 0 }, 'seconds', /whole number/],
    [{ technique: 'piriformis-stretch', seconds: '30', sides: 'none', rest: 0 }, 'seconds', /whole number/],
    [{ technique: 'cat-cow', reps: 0, sides: 'none', rest: 0 }, 'reps', /reps must be a whole number from 1 to 50/],
    [{ technique: 'cat-cow', reps: 51, sides: 'none', rest: 0 }, 'reps', /from 1 to 50/],
    [{ technique: 'cat-cow', sets: 0, sides: 'none', rest: 0 }, 'sets', /sets must be a whole number from 1 to 10/],
    [{ technique: 'cat-cow', sets: 11, sides: 'none', rest: 0 }, 'sets', /from 1 to 10/],
    [{ technique: 'cat-cow', sides: 'none', rest: -1 }, 'rest', /rest after the step must be a whole number from 0 to 300/],
    [{ technique: 'cat-cow', sides: 'none', rest: 301 }, 'rest', /from 0 to 300/],
    [{ technique: 'cat-cow', sides: 'left', rest: 0 }, 'sides', /sides must be "both", "left-right" or "none"/],
    [{ technique: 'cat-cow', rest: 0 }, 'sides', /sides must be/],
    [{ technique: 'cat-cow', seconds: 30, sides: 'none', rest: 0 }, 'seconds', /counted in reps, so it takes reps/],
    [{ technique: 'piriformis-stretch', reps: 5, sides: 'none', rest: 0 }, 'reps', /is timed, so it takes seconds/],
    [{ technique: 'piriformis-stretch', seconds: 30, reps: 5, sides: 'none', rest: 0 }, 'reps', /either seconds or reps/],
    [{ sides: 'none', rest: 0 }, 'technique', /has no technique/],
    ['cat-cow', 'step', /Step 2 is not a valid step/],
  ];
  for (const [bad, field, message] of cases) {
    const r = routine({ steps: [{ technique: 'cat-cow', sides: 'none', rest: 0 }, bad] });
    const result = validateRoutine(r, catalog);
    assert.equal(result.ok, false, JSON.stringify(bad));
    assert.deepEqual(errorFields(result), [[1, field]], JSON.stringify(bad));
    assert.match(result.errors[0].message, message);
    assert.match(result.errors[0].message, /^Step 2/);
    assert.throws(() => expandRoutine(r, catalog), RoutineError);
  }
});

test('messages name the technique when it is known', () => {
  const r = routine({ steps: [{ technique: 'cat-cow', sets: 20, sides: 'none', rest: 0 }] });
  assert.equal(validateRoutine(r, catalog).errors[0].message, 'Step 1 (Cat-cow): sets must be a whole number from 1 to 10.');
});

test('boundary values are accepted', () => {
  const r = routine({
    steps: [
      { technique: 'piriformis-stretch', seconds: 5, sets: 10, sides: 'none', rest: 300 },
      { technique: 'piriformis-stretch', seconds: 600, sets: 1, sides: 'left-right', rest: 0 },
      { technique: 'cat-cow', reps: 1, sides: 'both', rest: 0 },
      { technique: 'cat-cow', reps: 50, sides: 'both', seconds: null, sets: null },
    ],
  });
  assert.deepEqual(validateRoutine(r, catalog), { ok: true });
});

test('routine-level errors: empty, too many steps, missing or long name, not an object', () => {
  assert.deepEqual(errorFields(validateRoutine(routine({ steps: [] }), catalog)), [[null, 'steps']]);
  const many = Array.from({ length: 41 }, () => ({ technique: 'cat-cow', sides: 'none', rest: 0 }));
  const tooMany = validateRoutine(routine({ steps: many }), catalog);
  assert.deepEqual(errorFields(tooMany), [[null, 'steps']]);
  assert.match(tooMany.errors[0].message, /41 steps; the most is 40/);
  assert.deepEqual(validateRoutine(routine({ steps: many.slice(0, 40) }), catalog), { ok: true });
  assert.deepEqual(errorFields(validateRoutine(routine({ name: '   ' }), catalog)), [[null, 'name']]);
  assert.deepEqual(errorFields(validateRoutine(routine({ name: 'x'.repeat(61) }), catalog)), [[null, 'name']]);
  assert.deepEqual(validateRoutine(routine({ name: '🌿'.repeat(60) }), catalog), { ok: true });
  assert.deepEqual(errorFields(validateRoutine(null, catalog)), [[null, 'routine']]);
  assert.deepEqual(errorFields(validateRoutine({ name: 'x', steps: 'nope' }, catalog)), [[null, 'steps']]);
  assert.throws(() => expandRoutine(routine({ steps: [] }), catalog), /no steps/);
});

test('every problem is listed and the thrown message counts the rest', () => {
  const r = routine({
    name: '',
    steps: [
      { technique: 'cat-cow', sides: 'none', rest: 999 },
      { technique: 'nope', sides: 'none', rest: 0 },
    ],
  });
  assert.deepEqual(errorFields(validateRoutine(r, catalog)), [[null, 'name'], [0, 'rest'], [1, 'technique']]);
  assert.throws(() => expandRoutine(r, catalog), (error) => {
    assert.equal(error.message, 'Give the routine a name. (and 2 more problems)');
    assert.equal(error.errors.length, 3);
    return true;
  });
});

test('totalSeconds adds timed segments and estimates rep segments', () => {
  const segments = expandRoutine(routine(), catalog);
  // ready 5 + cat-cow 10*4 + rest 20 + 4*30 + 2 switches*5 + set rest 10 + rest 30 + 45
  assert.equal(totalSeconds(segments), 280);
  assert.equal(totalSeconds(segments, { secondsPerRep: 2 }), 260);
  const hold = expandRoutine(routine({ steps: [{ technique: 'childs-pose', sides: 'none', rest: 0 }] }), catalog, { getReady: 0 });
  // 2 sets of 8 reps at (4 + 5 s hold) + 15 s between sets
  assert.equal(totalSeconds(hold), 2 * 8 * 9 + 15);
  assert.equal(totalSeconds([]), 0);
});

test('withoutOptional leaves out optional steps, with their rests, and the ready "next" follows', () => {
  const r = routine({
    steps: [
      { technique: 'ball-wall-glutes', seconds: 30, sides: 'none', rest: 15, optional: true },
      { technique: 'cat-cow', sides: 'none', rest: 20 },
      { technique: 'ball-wall-glutes', seconds: 45, sides: 'both', rest: 10, optional: true },
      { technique: 'childs-pose', reps: 4, sets: 1, sides: 'none', rest: 0 },
      { technique: 'ball-wall-glutes', seconds: 45, sides: 'both', rest: 0, optional: true },
    ],
  });
  const without = expandRoutine(r, catalog, { withoutOptional: true });
  assert.deepEqual(shape(without), [
    'ready 5',
    'work cat-cow - 1/1 10x+0',
    "rest 20 -> Child's pose",
    'work childs-pose - 1/1 4x+5',
  ]);
  assert.equal(without[0].next, 'Cat-cow');
  // Step numbers stay those of the routine.
  assert.deepEqual(without.filter((s) => s.kind === 'work').map((s) => s.step), [1, 3]);
  // ready 5 + cat-cow 10 x 4 + rest 20 + 4 x (4 + 5)
  assert.equal(totalSeconds(without), 5 + 40 + 20 + 36);
  // By default (and with withoutOptional false) the optional steps are played.
  const all = expandRoutine(r, catalog);
  assert.deepEqual(shape(expandRoutine(r, catalog, { withoutOptional: false })), shape(all));
  assert.deepEqual(all.filter((s) => s.kind === 'work').map((s) => s.step), [0, 1, 2, 3, 4]);
});

test('withoutOptional on a routine with no optional steps changes nothing; it combines with skip', () => {
  assert.deepEqual(shape(expandRoutine(routine(), catalog, { withoutOptional: true })), shape(expandRoutine(routine(), catalog)));
  const r = routine();
  r.steps[2].optional = true;
  assert.deepEqual(shape(expandRoutine(r, catalog, { withoutOptional: true, skip: ['cat-cow'] })), [
    'ready 5',
    'work piriformis-stretch left 1/2 30s',
    'switch 5 right',
    'work piriformis-stretch right 1/2 30s',
    'rest 10 -> Piriformis stretch',
    'work piriformis-stretch left 2/2 30s',
    'switch 5 right',
    'work piriformis-stretch right 2/2 30s',
  ]);
});

test('a routine of only optional steps has nothing to play without them', () => {
  const r = routine({ steps: [{ technique: 'ball-wall-glutes', sides: 'both', rest: 0, optional: true }] });
  assert.equal(expandRoutine(r, catalog).length, 2);
  assert.throws(
    () => expandRoutine(r, catalog, { withoutOptional: true }),
    (error) => error instanceof RoutineError && /Every step in this routine is optional/.test(error.message),
  );
});

test('optional must be a boolean when given', () => {
  const r = routine();
  r.steps[1].optional = 'yes';
  assert.deepEqual(errorFields(validateRoutine(r, catalog)), [[1, 'optional']]);
  r.steps[1].optional = null;
  assert.equal(validateRoutine(r, catalog).ok, true);
});

// Time to move (issue 12): positions decide the pauses.
const placed = (positions) => catalog.map((t) => Object.assign({}, t, { position: positions[t.slug] }));

test('the pause before a step follows the change of position', () => {
  const where = placed({ 'cat-cow': 'floor', 'piriformis-stretch': 'floor', 'ball-wall-glutes': 'wall', 'childs-pose': 'chair' });
  const r = routine({
    steps: [
      { technique: 'cat-cow', sides: 'none', rest: 0 },
      { technique: 'piriformis-stretch', sides: 'none', sets: 1, rest: 0 },
      { technique: 'childs-pose', sides: 'none', sets: 1, rest: 0 },
      { technique: 'ball-wall-glutes', sides: 'none', rest: 0 },
    ],
  });
  const segments = expandRoutine(r, where);
  const pauses = segments.filter((s) => s.kind !== 'work').map((s) => [s.seconds, s.position || null]);
  // Standing to the floor, same position, floor to chair, chair to the wall.
  assert.deepEqual(pauses, [[20, 'floor'], [5, null], [12, 'chair'], [12, 'wall']]);
  // Slower transitions double every pause to move, and switching sides.
  const slow = expandRoutine(r, where, { slower: true }).filter((s) => s.kind !== 'work').map((s) => s.seconds);
  assert.deepEqual(slow, [40, 10, 24, 24]);
  const sides = expandRoutine(routine({ steps: [{ technique: 'ball-wall-glutes', sides: 'left-right', rest: 0 }] }), where, { slower: true });
  assert.equal(sides.find((s) => s.kind === 'switch').seconds, 10);
});

test('a longer rest wins over the time to move, and stays a rest in the same position', () => {
  const where = placed({ 'cat-cow': 'floor', 'piriformis-stretch': 'floor', 'ball-wall-glutes': 'standing' });
  const segments = expandRoutine(routine(), where);
  const between = segments.filter((s) => s.kind !== 'work' && s.kind !== 'switch');
  assert.deepEqual(between.map((s) => `${s.kind} ${s.seconds} ${s.position || '-'}`), [
    'ready 20 floor', // start: standing to the floor
    'rest 20 -',  // cat-cow's rest (20) is longer than staying on the floor (5)
    'rest 10 -',  // between sets: the card's rest
    'ready 30 standing', // the rest of 30 beats floor to standing (20)
  ]);
});

test('the slow tempo stretches the moving part of each rep, not the hold', () => {
  const r = routine({ steps: [{ technique: 'childs-pose', sides: 'none', sets: 1, rest: 0 }] });
  const [, normal] = expandRoutine(r, catalog);
  const [, slow] = expandRoutine(r, catalog, { tempoPercent: 150 });
  assert.equal(normal.seconds, 8 * (4 + 5));
  assert.equal(slow.seconds, 8 * (6 + 5));
  assert.equal(slow.repSeconds, 6);
  // Totals stay those of the contract (the server's figure), whatever the tempo.
  assert.equal(totalSeconds([normal]), totalSeconds([slow]));
  assert.throws(() => expandRoutine(r, catalog, { tempoPercent: 50 }), RoutineError);
});
