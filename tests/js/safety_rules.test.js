process.env.TZ = 'America/New_York'; // local days must not be UTC days
import test from 'node:test';
import assert from 'node:assert/strict';
import { assess, logTriggers, routineConcerns } from '../../static/js/safety/rules.js';

const questions = {
  redFlags: [
    { id: 'saddle-numbness', tier: 'emergency', screen: 'emergency', question: 'Saddle numbness?' },
    { id: 'both-legs', tier: 'emergency', screen: 'emergency', question: 'Both legs?' },
    { id: 'weakness-worse', tier: 'today', screen: 'warning', question: 'Weakness getting worse?' },
    { id: 'fever', tier: 'today', screen: 'warning', question: 'Fever?' },
    { id: 'night-pain', tier: 'soon', screen: 'warning', question: 'Night pain?' },
  ],
  retiredRedFlags: [{ id: 'cancer-weight', tier: 'today', screen: 'warning', question: 'Cancer or weight loss?' }],
  combinations: [{
    id: 'infection-with-weakness', tier: 'emergency', anyOf: ['fever'], withAny: ['weakness-worse', 'both-legs'],
    explanation: 'Together.', logLevels: [['weakness', 'moderate'], ['numbness', 'moderate']],
  }],
  contraindications: [
    { id: 'blood-clot', avoidIf: 'blood-clot', reason: 'a blood clot' },
    { id: 'pregnancy', avoidIf: 'pregnancy', reason: 'pregnancy' },
  ],
};
const techniques = {
  'foam-roll-calves': { avoid_if: ['blood-clot', 'fracture'] },
  'knee-to-chest': { avoid_if: ['pregnancy'] },
  'ball-glutes': { avoid_if: ['blood-clot', 'pregnancy'] },
  'seated-stretch': { avoid_if: [] },
};
const NOW = Date.parse('2026-11-24T15:00:00Z'); // 10:00 in New York
const allNo = (ids) => Object.fromEntries(ids.map((id) => [id, false]));
const redIds = questions.redFlags.map((q) => q.id);
const emergencyIds = questions.redFlags.filter((q) => q.screen === 'emergency').map((q) => q.id);
const contraIds = questions.contraindications.map((q) => q.id);
const screening = (kind, takenAt, yes = []) => ({
  kind, takenAt, answers: { ...allNo(kind === 'red-flags' ? redIds : contraIds), ...Object.fromEntries(yes.map((id) => [id, true])) },
});
const clear = [screening('red-flags', '2026-11-20T12:00:00Z'), screening('contraindications', '2026-11-20T12:00:00Z')];
const run = (extra = {}) => assess({ questions, techniques, now: NOW, screenings: clear, ...extra });

test('a new device must answer both checks before its first routine', () => {
  const state = assess({ questions, techniques, now: NOW });
  assert.equal(state.needsRedFlags, true);
  assert.equal(state.needsContraindications, true);
  assert.equal(state.block, null);
  assert.deepEqual(state.notAdvised, {});
});

test('all "no" answers: nothing to ask, block or rule out', () => {
  assert.deepEqual(run(), {
    needs: { emergency: false, warning: false, contraindications: false }, needsRedFlags: false, needsContraindications: false,
    lastCheck: Date.parse('2026-11-20T12:00:00Z'), block: null, notAdvised: {}, contraindications: [],
  });
});

test('each red flag answered yes today blocks routines, at its own tier', () => {
  for (const q of questions.redFlags) {
    const state = run({ screenings: [...clear, screening('red-flags', '2026-11-24T14:00:00Z', [q.id])] });
    assert.equal(state.block.tier, q.tier, q.id);
    assert.deepEqual(state.block.reasons.map((r) => r.id), [q.id]);
    assert.equal(state.block.reasons[0].source, 'check');
  }
});

test('the most urgent tier wins', () => {
  const state = run({ screenings: [screening('red-flags', '2026-11-24T14:00:00Z', ['night-pain', 'both-legs'])] });
  assert.equal(state.block.tier, 'emergency');
  assert.deepEqual(state.block.reasons.map((r) => r.id), ['both-legs', 'night-pain']); // question order
  assert.equal(run({ screenings: [screening('red-flags', '2026-11-24T14:00:00Z', ['night-pain', 'fever'])] }).block.tier, 'today');
  assert.equal(run({ screenings: [screening('red-flags', '2026-11-24T14:00:00Z', ['night-pain'])] }).block.tier, 'soon');
});

test('fever with new leg weakness is an emergency, though each alone is "today"', () => {
  const state = run({ screenings: [...clear, screening('red-flags', '2026-11-24T14:00:00Z', ['fever', 'weakness-worse'])] });
  assert.equal(state.block.tier, 'emergency');
  assert.deepEqual(state.block.combinations.map((c) => c.id), ['infection-with-weakness']);
  // A fever in the check with moderate numbness logged today counts too; mild numbness doesn't.
  const fever = screening('red-flags', '2026-11-24T14:00:00Z', ['fever']);
  const log = (numbness) => ({ loggedAt: '2026-11-24T14:10:00Z', numbness, weakness: 'none', areas: {}, warningSigns: [] });
  assert.equal(run({ screenings: [...clear, fever], logs: [log('moderate')] }).block.tier, 'emergency');
  assert.equal(run({ screenings: [...clear, fever], logs: [log('mild')] }).block.tier, 'today');
  // The fever ticked on a log entry and weakness answered in the check: still together.
  const ticked = { ...log('none'), warningSigns: ['fever'] };
  assert.equal(run({ screenings: [...clear, screening('red-flags', '2026-11-24T14:00:00Z', ['weakness-worse'])], logs: [ticked] }).block.tier, 'emergency');
  // Yesterday's fever and today's weakness are not "together".
  const yesterday = screening('red-flags', '2026-11-23T14:00:00Z', ['fever']);
  const today = screening('red-flags', '2026-11-24T14:00:00Z', ['weakness-worse']);
  assert.equal(run({ screenings: [...clear, yesterday, today] }).block.tier, 'today');
});

test('an answer to a retired question still counts, at its tier', () => {
  const old = { kind: 'red-flags', takenAt: '2026-11-24T14:00:00Z', answers: { ...allNo(redIds), 'cancer-weight': true } };
  const state = run({ screenings: [clear[1], old] });
  assert.equal(state.block.tier, 'today');
  assert.deepEqual(state.block.reasons.map((r) => r.id), ['cancer-weight']);
});

test('the emergency questions are asked again after seven days; the others are not', () => {
  const at = (iso) => assess({ questions, techniques, now: Date.parse(iso), screenings: clear });
  assert.deepEqual(at('2026-11-27T11:00:00Z').needs, { emergency: false, warning: false, contraindications: false });
  assert.deepEqual(at('2026-11-27T13:00:00Z').needs, { emergency: true, warning: false, contraindications: false });
  assert.equal(at('2026-11-27T13:00:00Z').lastCheck, Date.parse('2026-11-20T12:00:00Z'));
});

test('a check of the emergency questions alone keeps the other answers', () => {
  const emergencyOnly = { kind: 'red-flags', takenAt: '2026-11-24T14:00:00Z', answers: allNo(emergencyIds) };
  const state = assess({ questions, techniques, now: Date.parse('2026-11-30T15:00:00Z'), screenings: [...clear, { ...emergencyOnly, takenAt: '2026-11-30T14:00:00Z' }] });
  assert.deepEqual(state.needs, { emergency: false, warning: false, contraindications: false });
  // A new device that answered only the emergency screen (a flare-up) still owes the rest.
  const flare = assess({ questions, techniques, now: NOW, screenings: [emergencyOnly] });
  assert.deepEqual(flare.needs, { emergency: false, warning: true, contraindications: true });
});

test('the block lasts until local midnight, then the check is asked again', () => {
  // 23:30 in New York on the 23rd is already the 24th in UTC: still the 23rd locally.
  const lateYesterday = screening('red-flags', '2026-11-24T04:30:00Z', ['fever']);
  const state = run({ screenings: [clear[1], lateYesterday] });
  assert.equal(state.block, null);
  assert.equal(state.needsRedFlags, true);
  // Just after local midnight on the 24th (05:10 UTC) it is today.
  const earlyToday = screening('red-flags', '2026-11-24T05:10:00Z', ['fever']);
  assert.equal(run({ screenings: [clear[1], earlyToday] }).block.level, 'today');
});

test('a later screening the same day corrects a mistaken answer', () => {
  const mistake = screening('red-flags', '2026-11-24T13:00:00Z', ['saddle-numbness']);
  const corrected = screening('red-flags', '2026-11-24T13:05:00Z');
  const state = run({ screenings: [clear[1], corrected, mistake] });
  assert.equal(state.block, null);
  assert.equal(state.needsRedFlags, false);
});

test('a warning sign ticked on a log entry today blocks; editing it away lifts the block', () => {
  const entry = { loggedAt: '2026-11-24T14:30:00Z', weakness: 'none', areas: {}, warningSigns: ['fever'] };
  const state = run({ logs: [entry] });
  assert.equal(state.block.level, 'today');
  assert.equal(state.block.reasons[0].source, 'log');
  assert.equal(state.needsRedFlags, true);
  assert.equal(run({ logs: [{ ...entry, warningSigns: [] }] }).block, null);
  // A later all-clear check does not cancel what the log recorded today.
  assert.ok(run({ logs: [entry], screenings: [clear[1], screening('red-flags', '2026-11-24T14:45:00Z')] }).block);
  // Yesterday's log doesn't block today.
  assert.equal(run({ logs: [{ ...entry, loggedAt: '2026-11-23T14:30:00Z' }] }).block, null);
});

test('logs suggesting a red flag ask for the check before the next routine', () => {
  const both = { loggedAt: '2026-11-23T10:00:00Z', weakness: 'none', areas: { calf: 'both' }, warningSigns: [] };
  assert.equal(run({ logs: [both] }).needsRedFlags, true);
  assert.equal(run({ logs: [both] }).block, null);
  // Answered afterwards: nothing more to ask.
  const after = screening('red-flags', '2026-11-23T11:00:00Z');
  assert.equal(run({ logs: [both], screenings: [after, clear[1]] }).needsRedFlags, false);
  // Logged before the last check: already covered.
  assert.equal(run({ logs: [{ ...both, loggedAt: '2026-11-19T10:00:00Z' }] }).needsRedFlags, false);
});

test('log triggers: ticked signs, both legs, and weakness rising to moderate or worse', () => {
  assert.deepEqual(logTriggers({ warningSigns: ['bladder'], areas: {} }, null), { explicit: ['bladder'], suggested: [] });
  assert.deepEqual(logTriggers({ areas: { thigh: 'both' } }).suggested, ['both-legs']);
  assert.deepEqual(logTriggers({ areas: { thigh: 'left', foot: 'right' } }).suggested, ['both-legs']);
  // Both buttocks is not "both legs"; one leg in two places isn't either.
  assert.deepEqual(logTriggers({ areas: { buttock: 'both', calf: 'left', foot: 'left' } }).suggested, []);
  assert.deepEqual(logTriggers({ weakness: 'moderate', areas: {} }, { weakness: 'mild' }).suggested, ['weakness-worse']);
  assert.deepEqual(logTriggers({ weakness: 'severe', areas: {} }, null).suggested, ['weakness-worse']);
  assert.deepEqual(logTriggers({ weakness: 'moderate', areas: {} }, { weakness: 'moderate' }).suggested, []);
  assert.deepEqual(logTriggers({ weakness: 'mild', areas: {} }, { weakness: 'none' }).suggested, []);
  // Already ticked explicitly: not suggested twice.
  assert.deepEqual(logTriggers({ areas: { calf: 'both' }, warningSigns: ['both-legs'] }).suggested, []);
});

test('each contraindication rules out exactly the techniques tagged with it', () => {
  const clot = run({ screenings: [clear[0], screening('contraindications', '2026-11-20T12:00:00Z', ['blood-clot'])] });
  assert.deepEqual(clot.notAdvised, { 'foam-roll-calves': ['a blood clot'], 'ball-glutes': ['a blood clot'] });
  assert.deepEqual(clot.contraindications, ['blood-clot']);
  const both = run({ screenings: [clear[0], screening('contraindications', '2026-11-20T12:00:00Z', ['blood-clot', 'pregnancy'])] });
  assert.deepEqual(both.notAdvised['ball-glutes'], ['a blood clot', 'pregnancy']);
  assert.deepEqual(both.notAdvised['knee-to-chest'], ['pregnancy']);
  assert.equal('seated-stretch' in both.notAdvised, false);
});

test('the latest contraindication answers count', () => {
  const old = screening('contraindications', '2026-11-01T12:00:00Z', ['pregnancy']);
  const now = screening('contraindications', '2026-11-22T12:00:00Z');
  assert.deepEqual(run({ screenings: [clear[0], now, old] }).notAdvised, {});
});

test('routine concerns list each ruled-out technique once, in routine order', () => {
  const routine = { steps: [{ technique: 'seated-stretch' }, { technique: 'ball-glutes' }, { technique: 'knee-to-chest' }, { technique: 'ball-glutes' }] };
  const notAdvised = { 'ball-glutes': ['pregnancy'], 'knee-to-chest': ['pregnancy'] };
  assert.deepEqual(routineConcerns(routine, notAdvised), [
    { technique: 'ball-glutes', reasons: ['pregnancy'] }, { technique: 'knee-to-chest', reasons: ['pregnancy'] }]);
  assert.deepEqual(routineConcerns(null, notAdvised), []);
});

test('junk records are ignored, not fatal', () => {
  const state = run({ screenings: [...clear, null, { kind: 'red-flags', takenAt: 'nope', answers: {} }], logs: [null, { loggedAt: 'x' }] });
  assert.equal(state.block, null);
});

test("last night's warning sign logged this morning blocks today, after this morning's all-clear check", () => {
  const morningCheck = screening('red-flags', '2026-11-24T13:00:00Z'); // 08:00 in New York
  const lastNight = { id: 'e1', loggedAt: '2026-11-24T03:00:00Z', updatedAt: '2026-11-24T14:00:00Z', areas: {}, warningSigns: ['saddle-numbness'] };
  const state = run({ screenings: [morningCheck, clear[1]], logs: [lastNight] });
  assert.equal(state.block.level, 'emergency');
  assert.deepEqual(state.block.reasons.map((r) => [r.id, r.source, r.logId]), [['saddle-numbness', 'log', 'e1']]);
  assert.equal(state.needsRedFlags, true);
  // Saved yesterday too: yesterday's business, not today's.
  assert.equal(run({ logs: [{ ...lastNight, updatedAt: '2026-11-24T03:05:00Z' }] }).block, null);
});

test('a question added since the last check is asked before the next routine', () => {
  const older = { ...clear[0], answers: { ...clear[0].answers } };
  delete older.answers.fever;
  assert.equal(run({ screenings: [older, clear[1]] }).needsRedFlags, true);
  const olderContra = { ...clear[1], answers: { 'blood-clot': false } };
  assert.equal(run({ screenings: [clear[0], olderContra] }).needsContraindications, true);
});

test('both legs carried over from the previous entry does not ask again', () => {
  assert.deepEqual(logTriggers({ areas: { calf: 'both' } }, { areas: { thigh: 'left', calf: 'right' } }).suggested, []);
  assert.deepEqual(logTriggers({ areas: { calf: 'both' } }, { areas: { calf: 'left' } }).suggested, ['both-legs']);
});
