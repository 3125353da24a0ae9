import test from 'node:test';
import assert from 'node:assert/strict';
import { suggestRoutine, fitsTechnique, gentleFirst, massagedRecently, setAside, strain } from '../../static/js/main/suggest.js';
import { current, problems, withDefaults } from '../../static/js/preferences/prefs.js';

const t = (position, equipment, intensity = 'gentle', kind = 'stretch', dosing = { type: 'time', seconds: 30, sets: 2, per_side: true, rest_seconds: 10 }) => (
  { name: 'x', position, equipment, intensity, kind, dosing }
);
const techniques = {
  'pelvic-tilt': { ...t('floor', ['mat'], 'gentle', 'stretch', { type: 'reps', reps: 8, hold_seconds: 5, sets: 1, per_side: false, rest_seconds: 0 }), movement: 'bends-forward' },
  'knee-to-chest': { ...t('floor', ['mat']), movement: 'bends-forward' },
  'piriformis-stretch': { ...t('floor', ['mat']), movement: 'bends-forward' },
  'sciatic-nerve-glide': t('chair', ['chair'], 'gentle', 'nerve-glide', { type: 'reps', reps: 10, sets: 1, per_side: true, rest_seconds: 0 }),
  'seated-figure-four': t('chair', ['chair']),
  'hand-kneading-lower-back': t('standing', [], 'gentle', 'massage', { type: 'time', seconds: 60, sets: 1, per_side: false, rest_seconds: 0 }),
  'foam-roll-lower-back': { ...t('floor', ['foam-roller'], 'gentle', 'massage', { type: 'time', seconds: 60, sets: 1, per_side: false, rest_seconds: 0 }), warm_up_first: true },
  'foam-roll-glutes': t('floor', ['foam-roller'], 'moderate', 'massage', { type: 'time', seconds: 60, sets: 1, per_side: true, rest_seconds: 0 }),
  'ball-wall-glutes': t('wall', ['massage-ball'], 'moderate', 'massage', { type: 'time', seconds: 60, sets: 1, per_side: true, rest_seconds: 0 }),
};
const routines = [
  { id: 'flare-up-gentle', name: 'Flare', flare: true, steps: [{ technique: 'pelvic-tilt', sides: 'none' }] },
  { id: 'morning-relief', name: 'Morning relief', steps: [
    { technique: 'pelvic-tilt', sides: 'none', rest: 10 },
    { technique: 'knee-to-chest', sides: 'left-right', rest: 10 },
    { technique: 'piriformis-stretch', sides: 'left-right', rest: 10 },
    { technique: 'foam-roll-glutes', sides: 'left-right', optional: true },
  ] },
  { id: 'desk-break', name: 'Desk break', steps: [
    { technique: 'sciatic-nerve-glide', sides: 'left-right', rest: 10 },
    { technique: 'seated-figure-four', sides: 'left-right', rest: 10 },
    { technique: 'hand-kneading-lower-back', sides: 'none', optional: true },
  ] },
];
const catalog = { techniques, routines };
const prefs = (over) => ({ side: 'left', position: 'floor', equipment: [], minutes: 5, ...over });

test('a chair person gets the desk break, never floor work', () => {
  const s = suggestRoutine(prefs({ position: 'chair', equipment: ['chair'] }), catalog, {});
  assert.equal(s.routine.id, 'desk-break');
  assert.ok(s.routine.steps.every((step) => ['chair', 'standing', 'wall'].includes(techniques[step.technique].position)));
});

test('floor is OK without a foam roller: morning relief without its optional roll', () => {
  const s = suggestRoutine(prefs({ position: 'floor', equipment: ['mat'], minutes: 10 }), catalog, {});
  assert.equal(s.routine.id, 'morning-relief');
  assert.deepEqual(s.leftOut, ['foam-roll-glutes']);
  assert.ok(!s.routine.steps.some((step) => step.technique === 'foam-roll-glutes'));
  assert.equal(s.builtin, false, 'a routine with steps left out plays as the person\'s own');
  assert.equal(s.leftOutFor, 'fit');
});

test('all its steps fit: the built-in routine as it is', () => {
  const s = suggestRoutine(prefs({ position: 'floor', equipment: ['foam-roller', 'mat'], minutes: 10 }), catalog, {});
  assert.equal(s.routine.id, 'morning-relief');
  assert.equal(s.builtin, true);
  assert.equal(s.routine.steps.length, 4);
});

test('ruled-out and flagged techniques are left out', () => {
  const ruled = suggestRoutine(prefs({ position: 'floor' }), catalog, { notAdvised: { 'knee-to-chest': ['pregnancy'] } });
  assert.ok(ruled.routine.steps.every((step) => step.technique !== 'knee-to-chest'));
  const flagged = suggestRoutine(prefs({ position: 'chair', equipment: ['chair'] }), catalog, { flagged: ['sciatic-nerve-glide'] });
  assert.ok(flagged.routine.steps.every((step) => step.technique !== 'sciatic-nerve-glide'));
  assert.ok(flagged.routine.steps.length > 0);
});

test('optional add-ons give way to the time', () => {
  const s = suggestRoutine(prefs({ position: 'chair', equipment: ['chair'], minutes: 5 }), catalog, {});
  assert.equal(s.routine.id, 'desk-break');
  if (s.leftOut.length) assert.equal(s.leftOutFor, 'time');
});

test('fits the time: nothing much over the minutes chosen', () => {
  for (const minutes of [5, 10, 15]) {
    const s = suggestRoutine(prefs({ position: 'chair', equipment: ['chair'], minutes }), catalog, {});
    assert.ok(s.seconds <= minutes * 60 + 90, `${minutes}: ${s.seconds}`);
  }
});

test('no routine on a red-flag day', () => {
  assert.equal(suggestRoutine(prefs(), catalog, { block: { tier: 'emergency' } }), null);
});

test('without answers (first run skipped) anything fits', () => {
  const s = suggestRoutine(null, catalog, {});
  assert.ok(s && s.routine.steps.length > 0);
});

test('a put-together routine is gentle first and never starts by rolling the lower back', () => {
  const order = gentleFirst(['foam-roll-lower-back', 'foam-roll-glutes', 'hand-kneading-lower-back'], techniques);
  assert.notEqual(order[0], 'foam-roll-lower-back');
  const rollersOnly = { techniques: { 'foam-roll-lower-back': techniques['foam-roll-lower-back'], 'foam-roll-glutes': techniques['foam-roll-glutes'] }, routines: [] };
  const s = suggestRoutine(prefs({ equipment: ['foam-roller'], minutes: 5 }), rollersOnly, {});
  assert.notEqual(s.routine.steps[0].technique, 'foam-roll-lower-back');
});

test('a nerve glide counts as moving, before massage, like a stretch', () => {
  assert.deepEqual(gentleFirst(['hand-kneading-lower-back', 'sciatic-nerve-glide'], techniques), ['sciatic-nerve-glide', 'hand-kneading-lower-back']);
});

test('nothing fits: null, not an empty routine', () => {
  assert.equal(suggestRoutine(prefs({ position: 'chair', equipment: [] }), { techniques: { a: techniques['knee-to-chest'] }, routines: [] }, {}), null);
});

test('wall work needs a wall and the ball', () => {
  const only = { techniques: { 'ball-wall-glutes': techniques['ball-wall-glutes'] }, routines: [] };
  assert.equal(suggestRoutine(prefs({ position: 'chair', equipment: ['massage-ball'] }), only, {}), null);
  assert.ok(suggestRoutine(prefs({ position: 'chair', equipment: ['massage-ball', 'wall'] }), only, {}));
});

test('preferences: the latest record wins, defaults fill the gaps, problems name the field', () => {
  const a = { id: 'a', minutes: 5, updatedAt: '2026-11-20T08:00:00.000Z' };
  const b = { id: 'b', minutes: 15, updatedAt: '2026-11-21T08:00:00.000Z' };
  assert.equal(current([a, b]).id, 'b');
  assert.equal(current([]), null);
  assert.deepEqual(withDefaults(null).equipment, []);
  assert.equal(withDefaults({ minutes: 10 }).transition, 'normal');
  assert.deepEqual(problems({ side: 'left', position: 'floor', minutes: 10, equipment: ['mat'] }), []);
  assert.deepEqual(problems({ side: null, position: 'floor', minutes: 10 }).map((p) => p.field), ['side']);
  assert.deepEqual(problems({ side: 'left', position: 'floor', minutes: 20 }).map((p) => p.field), ['minutes']);
  assert.deepEqual(problems({ side: 'left', position: 'floor', minutes: 5, equipment: ['kettlebell'] }).map((p) => p.field), ['equipment']);
  assert.deepEqual(problems({}, { required: [] }), []);
});

// ---- a new person's first routine (new-user review) ------------------------------------------

const afterMassage = { id: 'after-massage-stretches', name: 'Stretches after a massage', afterMassage: true, steps: [
  { technique: 'piriformis-stretch', sides: 'left-right', rest: 15 },
  { technique: 'knee-to-chest', sides: 'left-right', rest: 0 },
] };
const withAfter = { techniques, routines: [afterMassage, ...routines] };
const NOW = Date.parse('2026-11-29T18:00:00Z');
const session = (endedAt, done) => ({ endedAt, completed: done.map((technique) => ({ technique })) });

test('"after a massage" routines only after a session with self-massage', () => {
  // Sorting first by name or id used to make this everyone's first routine.
  for (const minutes of [5, 10, 15]) {
    for (const equipment of [[], ['mat'], ['mat', 'foam-roller', 'chair']]) {
      const s = suggestRoutine(prefs({ equipment, minutes }), withAfter, {}, {});
      assert.notEqual(s && s.routine.id, 'after-massage-stretches', `${minutes} ${equipment}`);
    }
  }
  assert.notEqual(suggestRoutine(null, withAfter, {}).routine.id, 'after-massage-stretches');
  const massaged = { sessions: [session('2026-11-29T17:00:00Z', ['foam-roll-glutes'])], now: NOW };
  const only = { techniques, routines: [afterMassage] };
  assert.equal(suggestRoutine(prefs({ equipment: ['mat'], minutes: 5 }), only, {}, massaged).routine.id, 'after-massage-stretches');
  assert.equal(suggestRoutine(prefs({ equipment: ['mat'], minutes: 5 }), only, {}, {}).routine.id, 'suggested');
});

test('a recent massage: a session with self-massage that ended in the last few hours', () => {
  assert.equal(massagedRecently([session('2026-11-29T17:30:00Z', ['foam-roll-glutes'])], techniques, NOW), true);
  assert.equal(massagedRecently([session('2026-11-29T17:30:00Z', ['knee-to-chest'])], techniques, NOW), false, 'stretches only');
  assert.equal(massagedRecently([session('2026-11-28T17:30:00Z', ['foam-roll-glutes'])], techniques, NOW), false, 'yesterday');
  assert.equal(massagedRecently([session('2026-11-29T19:30:00Z', ['foam-roll-glutes'])], techniques, NOW), false, 'in the future');
  assert.equal(massagedRecently([], techniques, NOW), false);
});

test('"with what you have" is only said of a routine that needs nothing more than was ticked', () => {
  for (const position of ['floor', 'chair']) {
    for (const equipment of [[], ['mat'], ['chair'], ['foam-roller'], ['mat', 'strap', 'chair', 'foam-roller']]) {
      for (const minutes of [5, 10, 15]) {
        const s = suggestRoutine(prefs({ position, equipment, minutes }), withAfter, {});
        if (!s) continue;
        const needed = new Set(s.routine.steps.flatMap((step) => techniques[step.technique].equipment));
        const missing = [...needed].filter((item) => !equipment.includes(item));
        const label = `${position} ${equipment} ${minutes}: ${s.reasons.join(', ')}`;
        if (missing.length) {
          assert.ok(!s.reasons.includes('with what you have') && !s.reasons.includes('no equipment'), label);
          assert.deepEqual([...(s.needs || [])].sort(), missing.sort(), label);
          assert.ok(s.reasons.at(-1).startsWith('if you have a '), label);
        } else {
          assert.ok(!s.needs || s.needs.length === 0, label);
        }
      }
    }
  }
});

test('nothing ticked: a routine needing a chair or a rug, said plainly, over self-massage alone', () => {
  const floorOnly = { techniques, routines: routines.filter((r) => r.id !== 'desk-break') };
  const s = suggestRoutine(prefs({ position: 'floor', equipment: [], minutes: 10 }), floorOnly, {});
  assert.equal(s.routine.id, 'morning-relief');
  assert.deepEqual(s.needs, ['mat']);
  assert.equal(s.reasons.at(-1), 'if you have a mat or rug');
  const chair = suggestRoutine(prefs({ position: 'chair', equipment: [], minutes: 5 }), catalog, {});
  assert.equal(chair.routine.id, 'desk-break');
  assert.equal(chair.reasons.at(-1), 'if you have a chair');
  // A rug counts only for someone happy to get down on the floor.
  assert.ok(!chair.routine.steps.some((step) => techniques[step.technique].position === 'floor'));
});

test('the gentlest routine that fits wins, even over one closer to the time', () => {
  const tech = {
    ...techniques,
    'seated-forward-bend': { ...t('chair', ['chair']), gentler: 'sciatic-nerve-glide', movement: 'bends-forward' },
    'ball-wall-glutes': techniques['ball-wall-glutes'],
  };
  const bend = { id: 'a-bend', name: 'A', steps: [
    { technique: 'sciatic-nerve-glide', sides: 'left-right' },
    { technique: 'seated-forward-bend', sides: 'left-right' },
    { technique: 'seated-figure-four', sides: 'left-right' },
  ] };
  const glide = { id: 'b-glide', name: 'B', steps: [{ technique: 'sciatic-nerve-glide', sides: 'left-right' }] };
  const s = suggestRoutine(prefs({ position: 'chair', equipment: ['chair'], minutes: 5 }), { techniques: tech, routines: [bend, glide] }, {});
  assert.equal(s.routine.id, 'b-glide');
  assert.ok(strain(bend, tech) > strain(glide, tech));
});

test('forward bending only counts as less gentle; resting in a position of ease is neither', () => {
  const tech = { ...techniques, 'cat-cow': t('floor', ['mat']), 'rest-side-lying-pillow': { ...t('floor', ['mat']), movement: 'position-of-ease' } };
  const forward = { steps: [{ technique: 'knee-to-chest' }, { technique: 'piriformis-stretch' }, { technique: 'rest-side-lying-pillow' }] };
  const mixed = { steps: [{ technique: 'knee-to-chest' }, { technique: 'cat-cow' }, { technique: 'rest-side-lying-pillow' }] };
  assert.equal(strain(forward, tech), 1);
  assert.equal(strain(mixed, tech), 0);
  // Self-massage moves nothing: a gentle roll doesn't make a forward-bending mix a mixed one.
  const rolled = { steps: [...forward.steps, { technique: 'foam-roll-lower-back' }] };
  assert.equal(strain(rolled, tech), 1);
});

test('techniques to try (the home page) count household things; the suggestion only what was ticked', () => {
  const floor = prefs({ position: 'floor', equipment: [] });
  assert.equal(fitsTechnique(techniques['knee-to-chest'], 'knee-to-chest', floor, {}), true);
  assert.equal(fitsTechnique(techniques['knee-to-chest'], 'knee-to-chest', floor, {}, []), false);
  assert.equal(fitsTechnique(techniques['knee-to-chest'], 'knee-to-chest', prefs({ position: 'chair', equipment: [] }), {}), false);
  assert.equal(fitsTechnique(techniques['foam-roll-glutes'], 'foam-roll-glutes', floor, {}), false, 'a roller is never assumed');
});

test('a routine whose last session spread symptoms further down is set aside, and says so', () => {
  const day = (d, h = 9) => `2026-11-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00Z`;
  const desk = { routineId: 'desk-break', routineName: 'Desk break' };
  const sessions = [
    { ...desk, endedAt: day(3), symptomDirection: 'toward-back' },
    { ...desk, endedAt: day(5), symptomDirection: 'further-down' },
  ];
  const chair = prefs({ position: 'chair', equipment: ['chair'], minutes: 5 });
  const plain = suggestRoutine(chair, { techniques, routines }, {}, {});
  assert.equal(plain.routine.id, 'desk-break');
  const s = suggestRoutine(chair, { techniques, routines }, {}, { sessions });
  assert.notEqual(s.routine.id, 'desk-break');
  assert.deepEqual(s.setAside, [{ id: 'desk-break', name: 'Desk break', endedAt: day(5) }]);
  // Played again and it went otherwise (or nothing was said): offered again.
  const later = [...sessions, { ...desk, endedAt: day(8), symptomDirection: 'same' }];
  assert.equal(suggestRoutine(chair, { techniques, routines }, {}, { sessions: later }).routine.id, 'desk-break');
  assert.equal(suggestRoutine(chair, { techniques, routines }, {}, { sessions: later }).setAside, undefined);
  const unanswered = [...sessions, { ...desk, endedAt: day(8) }];
  assert.equal(setAside(unanswered).size, 0);
});

test('after symptoms spread, the routine with fewest of the techniques done then comes first', () => {
  const floor = prefs({ position: 'floor', equipment: ['mat', 'foam-roller'], minutes: 10 });
  const a = { id: 'a', name: 'A', steps: [{ technique: 'knee-to-chest', sides: 'left-right' }, { technique: 'piriformis-stretch', sides: 'left-right' }] };
  const b = { id: 'b', name: 'B', steps: [{ technique: 'knee-to-chest', sides: 'left-right' }, { technique: 'pelvic-tilt', sides: 'none' }] };
  const c = { id: 'c', name: 'C', steps: [{ technique: 'foam-roll-glutes', sides: 'left-right' }, { technique: 'pelvic-tilt', sides: 'none' }] };
  const sessions = [{ routineId: 'a', routineName: 'A', endedAt: '2026-11-05T09:00:00Z', symptomDirection: 'further-down',
    completed: [{ technique: 'knee-to-chest' }, { technique: 'piriformis-stretch' }] }];
  const s = suggestRoutine(floor, { techniques, routines: [a, b, c] }, {}, { sessions });
  assert.equal(s.routine.id, 'c');
  assert.deepEqual(s.setAside.map((r) => r.id), ['a']);
});

test('after a forward bend made things worse, no forward bend is suggested today, and the reason is given', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');
  const flags = [{ technique: 'knee-to-chest', at: '2026-11-30T08:00:00Z' }];
  const s = suggestRoutine(prefs({ position: 'floor', equipment: ['mat', 'chair'], minutes: 5 }), catalog,
    { flagged: ['knee-to-chest'] }, { flags, now });
  assert.ok(s, 'still a suggestion');
  assert.ok(s.routine.steps.every((step) => techniques[step.technique].movement !== 'bends-forward'), JSON.stringify(s.routine.steps));
  assert.deepEqual(s.direction, { movement: 'bends-forward', techniques: ['knee-to-chest'], at: '2026-11-30T08:00:00Z', kept: false });
});

test('a flag from days ago leaves out only the flagged technique', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');
  const flags = [{ technique: 'knee-to-chest', at: '2026-11-25T08:00:00Z' }];
  const s = suggestRoutine(prefs({ position: 'floor', equipment: ['mat'], minutes: 5 }), catalog,
    { flagged: ['knee-to-chest'] }, { flags, now });
  assert.equal(s.direction, undefined);
  assert.ok(!s.routine.steps.some((step) => step.technique === 'knee-to-chest'));
});

test('when only forward bends fit, the suggestion says it still has them', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');
  const only = { techniques: { 'pelvic-tilt': techniques['pelvic-tilt'], 'knee-to-chest': techniques['knee-to-chest'] }, routines: [] };
  const s = suggestRoutine(prefs({ position: 'floor', equipment: ['mat'], minutes: 5 }), only,
    { flagged: ['knee-to-chest'] }, { flags: [{ technique: 'knee-to-chest', at: '2026-11-30T09:00:00Z' }], now });
  assert.deepEqual(s.routine.steps.map((step) => step.technique), ['pelvic-tilt']);
  assert.equal(s.direction.kept, true);
});

test('a position of ease or a glide flagged says nothing about direction', () => {
  const now = Date.parse('2026-11-30T10:00:00Z');
  const flags = [{ technique: 'sciatic-nerve-glide', at: '2026-11-30T09:00:00Z' }];
  const s = suggestRoutine(prefs({ position: 'floor', equipment: ['mat'], minutes: 5 }), catalog,
    { flagged: ['sciatic-nerve-glide'] }, { flags, now });
  assert.equal(s.direction, undefined);
});
