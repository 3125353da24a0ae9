// "Last logged" and "last seen" in words (static/js/lib/since.js).
import test from 'node:test';
import assert from 'node:assert/strict';
import { sinceText } from '../../static/js/lib/since.js';

const NOW = Date.parse('2026-03-10T12:00:00Z');

test('minutes and hours read as words', () => {
  assert.equal(sinceText('2026-03-10T11:59:45Z', NOW), 'just now');
  assert.equal(sinceText('2026-03-10T11:59:00Z', NOW), '1 minute ago');
  assert.equal(sinceText('2026-03-10T11:48:00Z', NOW), '12 minutes ago');
  assert.equal(sinceText('2026-03-10T11:00:00Z', NOW), '1 hour ago');
  assert.equal(sinceText('2026-03-09T14:00:00Z', NOW), '22 hours ago');
});

test('a time a little ahead (another clock) is just now, not negative', () => {
  assert.equal(sinceText('2026-03-10T12:03:00Z', NOW), 'just now');
});

test('longer ago than a day: the day and time, not "36 hours ago"', () => {
  const text = sinceText('2026-03-09T00:00:00Z', NOW);
  assert.doesNotMatch(text, /ago/);
  assert.match(text, /^on .*Mar/);
});
