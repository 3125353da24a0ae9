// Local days depend on the time zone: fixed before anything makes a Date (London: GMT in winter).
process.env.TZ = 'Europe/London';

import test from 'node:test';
import assert from 'node:assert/strict';
import { reviewNudge } from '../../static/js/insights/review.js';
import { current, startError } from '../../static/js/symptoms/episode.js';

// Today is Tuesday 24 November 2026. Six weeks (42 days) before is Tuesday 13 October.
const NOW = new Date('2026-11-24T12:00:00Z');
const dayBack = (n) => new Date(Date.UTC(2026, 10, 24 - n, 9)).toISOString();
const entry = (back, legPain, weakness = 'none') => ({ id: `l${back}`, loggedAt: dayBack(back), legPain, backPain: 3, weakness });
/** One entry every other day from `from` days ago to today, leg pain from `pain(back)`. */
function series(from, pain, weakness = () => 'none') {
  const logs = [];
  for (let back = from; back >= 0; back -= 2) logs.push(entry(back, pain(back), weakness(back)));
  return logs;
}

test('flat leg pain over 6 weeks suggests a review, with the figures', () => {
  const nudge = reviewNudge({ logs: series(44, () => 6), now: NOW });
  assert.ok(nudge);
  assert.equal(nudge.pain, true);
  assert.equal(nudge.weakness, false);
  assert.equal(nudge.since, 'first-entry');
  assert.equal(nudge.days, 44);
  assert.equal(nudge.weeks, 6);
  assert.equal(nudge.start, '2026-10-11');
  // First week 11-17 Oct: entries 44, 42, 40, 38 days back; last 7 days 18-24 Nov: 6, 4, 2, 0.
  assert.deepEqual([nudge.first.from, nudge.first.to, nudge.first.entries, nudge.first.legPain], ['2026-10-11', '2026-10-17', 4, 6]);
  assert.deepEqual([nudge.latest.from, nudge.latest.to, nudge.latest.entries, nudge.latest.legPain], ['2026-11-18', '2026-11-24', 4, 6]);
  assert.equal(nudge.drop, 0);
});

test('worse leg pain also suggests a review', () => {
  const nudge = reviewNudge({ logs: series(44, (back) => (back > 20 ? 5 : 7)), now: NOW });
  assert.equal(nudge && nudge.pain, true);
  assert.equal(nudge.drop, -2);
});

test('a 2-point drop is a meaningful improvement: no nudge', () => {
  // 8 → 6 is only 25%, but 2 points.
  assert.equal(reviewNudge({ logs: series(44, (back) => (back > 30 ? 8 : 6)), now: NOW }), null);
  // 1.5 points from 8 (19%) is not.
  assert.ok(reviewNudge({ logs: series(44, (back) => (back > 30 ? 8 : back % 4 === 0 ? 6 : 7)), now: NOW }));
});

test('a 30% drop is a meaningful improvement: no nudge', () => {
  // 5 → 3.5 is 1.5 points but 30%.
  const logs = series(44, (back) => (back > 30 ? 5 : back % 4 === 0 ? 3 : 4));
  assert.equal(reviewNudge({ logs, now: NOW }), null);
  // 5 → 4 (20%, 1 point) is not.
  assert.ok(reviewNudge({ logs: series(44, (back) => (back > 30 ? 5 : 4)), now: NOW }));
});

test('weakness getting worse suggests a review even when pain has eased', () => {
  const logs = series(44, (back) => (back > 30 ? 8 : 3), (back) => (back > 30 ? 'none' : 'mild'));
  const nudge = reviewNudge({ logs, now: NOW });
  assert.ok(nudge);
  assert.equal(nudge.pain, false);
  assert.equal(nudge.weakness, true);
  assert.equal(nudge.first.weakness, 0);
  assert.equal(nudge.latest.weakness, 1);
  // One mild entry among none is not a trend.
  const once = series(44, (back) => (back > 30 ? 8 : 3), (back) => (back === 2 ? 'mild' : 'none'));
  assert.equal(reviewNudge({ logs: once, now: NOW }), null);
});

test('too little data: no nudge, no false alarm', () => {
  const flat = series(44, () => 6);
  // One entry in the first week.
  assert.equal(reviewNudge({ logs: flat.filter((l) => !['l44', 'l42', 'l40'].includes(l.id)), now: NOW }), null);
  // One entry in the last 7 days.
  assert.equal(reviewNudge({ logs: flat.filter((l) => !['l6', 'l4', 'l2'].includes(l.id)), now: NOW }), null);
  // Nothing in the last 7 days (the person stopped logging).
  assert.equal(reviewNudge({ logs: flat.filter((l) => !['l6', 'l4', 'l2', 'l0'].includes(l.id)), now: NOW }), null);
  assert.equal(reviewNudge({ logs: [], now: NOW }), null);
  assert.equal(reviewNudge({ logs: [], episodeStart: '2026-09-01', now: NOW }), null);
  // Entries that are not entries are ignored, not counted.
  const junk = [null, { loggedAt: 'yesterday', legPain: 6 }, { loggedAt: dayBack(43), legPain: '6' }, { loggedAt: dayBack(41), legPain: 11 }];
  assert.equal(reviewNudge({ logs: [...flat.filter((l) => !['l44', 'l42', 'l40'].includes(l.id)), ...junk], now: NOW }), null);
});

test('before 6 weeks: no nudge', () => {
  assert.equal(reviewNudge({ logs: series(40, () => 6), now: NOW }), null);
  // Exactly 42 days since the first entry is enough.
  assert.ok(reviewNudge({ logs: series(42, () => 6), now: NOW }));
  // An episode start 41 days ago: not yet, whatever the log says.
  assert.equal(reviewNudge({ logs: series(40, () => 6), episodeStart: '2026-10-14', now: NOW }), null);
});

test('the episode start sets the clock; entries from before it are an earlier episode', () => {
  // Logging began 4 weeks ago, but the episode started 7 weeks ago.
  const nudge = reviewNudge({ logs: series(28, () => 6), episodeStart: '2026-10-06', now: NOW });
  assert.ok(nudge);
  assert.equal(nudge.since, 'episode');
  assert.equal(nudge.start, '2026-10-06');
  assert.equal(nudge.weeks, 7);
  assert.equal(nudge.first.from, '2026-10-27');
  // A new episode 2 weeks ago: the old entries don't count, and it is too early.
  assert.equal(reviewNudge({ logs: series(44, () => 6), episodeStart: '2026-11-10', now: NOW }), null);
  // Logging began only 10 days ago: the first week and the last 7 days overlap, no trend to read.
  assert.equal(reviewNudge({ logs: series(10, () => 6), episodeStart: '2026-09-01', now: NOW }), null);
});

test('no leg pain left is no reason to nudge', () => {
  assert.equal(reviewNudge({ logs: series(44, () => 0), now: NOW }), null);
});

test('episode start dates: real, not in the future, not before 1900', () => {
  const today = '2026-11-24';
  assert.equal(startError('2026-11-24', today), null);
  assert.equal(startError('1900-01-01', today), null);
  assert.match(startError('2026-11-25', today), /can’t be in the future/);
  assert.match(startError('1899-12-31', today), /from 1900/);
  assert.match(startError('2026-02-30', today), /real date/);
  assert.match(startError('', today, { badInput: true }), /real date/);
  assert.match(startError('', today), /Enter the date/);
  assert.match(startError('24/11/2026', today), /real date/);
});

test('the current episode is the latest record', () => {
  assert.equal(current([]), null);
  const older = { id: 'a', startedOn: '2026-10-01', updatedAt: '2026-10-02T10:00:00.000Z' };
  const newer = { id: 'b', startedOn: '2026-09-20', updatedAt: '2026-11-01T10:00:00.000Z' };
  assert.equal(current([older, newer]), newer);
  assert.equal(current([newer, older]), newer);
  assert.equal(current([older, { id: 'c', startedOn: 'soon', updatedAt: '2026-12-01T00:00:00.000Z' }]), older);
});
