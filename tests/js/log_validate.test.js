import test from 'node:test';
import assert from 'node:assert/strict';
import { validateLog, LIMITS } from '../../static/js/symptoms/validate.js';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const good = (overrides = {}) => ({
  loggedAt: '2026-11-24T11:30:00.000Z', legPain: 6, backPain: 3, numbness: 'mild', tingling: 'none',
  weakness: 'none', areas: { buttock: 'left', calf: 'both' }, helped: ['heat'], helpedOther: '', sleep: 'fair',
  notes: 'Long drive yesterday.', warningSigns: [], ...overrides,
});
const errorsOf = (entry) => validateLog(entry, { now: NOW }).errors;

test('a complete entry is valid', () => {
  assert.deepEqual(errorsOf(good()), {});
});

test('only leg pain is required; what was not asked stays out of the entry', () => {
  const { errors, value } = validateLog({ loggedAt: '2026-11-24T11:00:00Z', legPain: 0 }, { now: NOW });
  assert.deepEqual(errors, {});
  assert.deepEqual(value, {
    loggedAt: '2026-11-24T11:00:00Z', legPain: 0, areas: {}, sensations: [], helped: [], helpedOther: '', sleep: null,
    notes: '', warningSigns: [],
  });
  // null (a question left alone on the form) is the same as absent.
  const left = validateLog({ loggedAt: '2026-11-24T11:00:00Z', legPain: 4, backPain: null, numbness: null }, { now: NOW });
  assert.deepEqual(left.errors, {});
  assert.equal('backPain' in left.value || 'numbness' in left.value, false);
  // What was set is kept.
  const set = validateLog({ loggedAt: '2026-11-24T11:00:00Z', legPain: 4, backPain: 10, weakness: 'none' }, { now: NOW });
  assert.equal(set.value.backPain, 10);
  assert.equal(set.value.weakness, 'none');
});

test('pain must be a whole number from 0 to 10', () => {
  for (const bad of [-1, 11, 2.5, '5', null, undefined, NaN]) {
    assert.match(errorsOf(good({ legPain: bad })).legPain, /leg pain, from 0/, String(bad));
  }
  for (const bad of [-1, 11, 2.5, '5', NaN]) {
    assert.match(errorsOf(good({ backPain: bad })).backPain, /back pain, from 0/, String(bad));
  }
});

test('dates: missing, malformed, impossible, future and ancient are refused', () => {
  assert.match(errorsOf(good({ loggedAt: '' })).loggedAt, /Enter the date/);
  assert.match(errorsOf(good({ loggedAt: '2026-11-24 11:00' })).loggedAt, /Enter the date/);
  assert.match(errorsOf(good({ loggedAt: '2026-13-40T11:00:00Z' })).loggedAt, /Enter the date/);
  assert.match(errorsOf(good({ loggedAt: '2026-11-24T12:05:00.000Z' })).loggedAt, /future/);
  assert.match(errorsOf(good({ loggedAt: '1999-12-31T23:59:00Z' })).loggedAt, /2000/);
  // The minute being typed is "now", not the future.
  assert.deepEqual(errorsOf(good({ loggedAt: '2026-11-24T12:00:30.000Z' })), {});
  assert.deepEqual(errorsOf(good({ loggedAt: '2026-11-24T13:00:00+01:00' })), {});
});

test('levels, body areas, helped, sleep and warning signs use fixed vocabularies', () => {
  assert.match(errorsOf(good({ numbness: 'extreme' })).numbness, /none, mild, moderate or severe numbness/);
  assert.match(errorsOf(good({ weakness: 'bad' })).weakness, /weakness/);
  assert.ok(errorsOf(good({ areas: { elbow: 'left' } })).areas);
  assert.deepEqual(errorsOf(good({ areas: { knee: 'left', sole: 'both', foot: 'right' } })), {});
  assert.deepEqual(errorsOf(good({ sensations: ['burning', 'numb'] })), {});
  assert.ok(errorsOf(good({ sensations: ['itchy'] })).sensations);
  assert.match(errorsOf(good({ sensations: ['numb', 'numb'] })).sensations, /twice/);
  assert.ok(errorsOf(good({ areas: { calf: 'middle' } })).areas);
  assert.ok(errorsOf(good({ areas: ['calf'] })).areas);
  assert.ok(errorsOf(good({ helped: ['massage'] })).helped);
  assert.match(errorsOf(good({ helped: ['heat', 'heat'] })).helped, /twice/);
  assert.ok(errorsOf(good({ sleep: 'great' })).sleep);
  assert.ok(errorsOf(good({ warningSigns: ['headache'] })).warningSigns);
});

test('text limits count characters and say how many there are', () => {
  assert.deepEqual(errorsOf(good({ notes: 'x'.repeat(LIMITS.NOTES_MAX) })), {});
  assert.equal(errorsOf(good({ notes: 'x'.repeat(1001) })).notes, 'Notes can be up to 1000 characters (these have 1001).');
  assert.equal(errorsOf(good({ helpedOther: 'y'.repeat(101) })).helpedOther, 'Keep this to 100 characters (it has 101).');
  // Surrounding spaces are trimmed before counting, as the server does.
  const { errors, value } = validateLog(good({ helpedOther: '  a walk  ' }), { now: NOW });
  assert.deepEqual(errors, {});
  assert.equal(value.helpedOther, 'a walk');
});

test('control characters are refused; line breaks and tabs are fine', () => {
  assert.match(errorsOf(good({ notes: 'a\u0000b' })).notes, /can't be saved/);
  assert.match(errorsOf(good({ notes: 'bell\u0007' })).notes, /can't be saved/);
  assert.ok(errorsOf(good({ helpedOther: 'x\u001by' })).helpedOther);
  assert.deepEqual(errorsOf(good({ notes: 'line one\nline two\r\n\tindented' })), {});
});

test('unknown fields are dropped rather than sent to the server', () => {
  const { value } = validateLog(good({ admin: true }), { now: NOW });
  assert.equal('admin' in value, false);
});

test('garbage input gives errors, never an exception', () => {
  for (const junk of [null, undefined, 42, 'entry', []]) {
    const { errors } = validateLog(junk, { now: NOW });
    assert.ok(errors.loggedAt && errors.legPain && !errors.backPain);
  }
});
