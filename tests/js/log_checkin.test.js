import test from 'node:test';
import assert from 'node:assert/strict';
import { checkDue, mean } from '../../static/js/symptoms/checkin.js';
import { describeAreas, viewFor } from '../../static/js/symptoms/bodymap.js';

const NOW = Date.parse('2026-11-24T12:00:00.000Z');
const DAY = 24 * 60 * 60 * 1000;
const at = (ms) => new Date(ms).toISOString();

test('the check-in is due only once activities are set up, then every 7 days', () => {
  assert.deepEqual(checkDue([], [], NOW), { setUp: false, due: false, last: null, next: null });
  assert.equal(checkDue([{ archived: true }], [], NOW).due, false, 'archived activities only: not set up');
  assert.equal(checkDue([{ archived: false }], [], NOW).due, true, 'set up, never checked in');
  const recent = checkDue([{}], [{ checkedAt: at(NOW - 6 * DAY) }, { checkedAt: at(NOW - 20 * DAY) }], NOW);
  assert.equal(recent.due, false);
  assert.equal(recent.last, at(NOW - 6 * DAY));
  assert.equal(recent.next, NOW + DAY);
  assert.equal(checkDue([{}], [{ checkedAt: at(NOW - 7 * DAY) }], NOW).due, true, 'exactly a week');
  assert.equal(checkDue([{}], [{ checkedAt: 'garbage' }], NOW).due, true, 'an unreadable time counts as none');
});

test('the average of the ratings, to one decimal', () => {
  assert.equal(mean([]), null);
  assert.equal(mean([2, 5, 0]), 2.3);
  assert.equal(mean([10]), 10);
  assert.equal(mean([3, 4]), 3.5);
});

test('body areas in words, in map order, older and unknown keys handled', () => {
  assert.equal(describeAreas({}), '');
  assert.equal(describeAreas({ calf: 'both', buttock: 'left' }), 'Buttock (left), calf (both sides)');
  assert.equal(describeAreas({ foot: 'right', 'lower-back': 'left' }), 'Lower back (left), foot (older entries) (right)');
  assert.equal(describeAreas({ elbow: 'left', sole: 'up' }), '', 'unknown regions and sides are skipped');
});

test('the map opens on the view that shows the chosen areas', () => {
  assert.equal(viewFor({}), 'back');
  assert.equal(viewFor({ knee: 'left', shin: 'right' }), 'front');
  assert.equal(viewFor({ knee: 'left', calf: 'right' }), 'back');
  assert.equal(viewFor({ foot: 'left' }), 'back');
});
