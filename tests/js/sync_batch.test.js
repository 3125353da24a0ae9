import test from 'node:test';
import assert from 'node:assert/strict';
import { SYNC_LIMITS } from '../../static/js/generated/contract.js';
import { jsonBytes, takeBatch } from '../../static/js/sync/batch.js';
import { correctedStamp, offsetFrom } from '../../static/js/sync/clock.js';

const change = (i, size) => ({
  id: `01978f3a-0000-7000-8000-${String(i).padStart(12, '0')}`,
  type: 'symptom_log',
  op: 'put',
  updated_at: 1_750_000_000_000 + i,
  data: { notes: 'é'.repeat(size / 2) }, // two bytes each in UTF-8: counted as bytes, not characters
});

// Splits the whole outbox the way core.js push does, batch after batch.
function split(changes, limits) {
  const batches = [];
  let rest = changes;
  while (rest.length) {
    const batch = takeBatch(rest, 'dev-0123456789', limits);
    assert.ok(batch.length > 0, 'always makes progress');
    batches.push(batch);
    rest = rest.slice(batch.length);
  }
  return batches;
}

test('batches stay under the byte limit and keep every change in order', () => {
  // 60 records of about 60 KB: 3.6 MB, far over one body's 1 MB though under 100 changes.
  const changes = Array.from({ length: 60 }, (_, i) => change(i, 60_000));
  const batches = split(changes);
  assert.ok(batches.length >= 4);
  for (const batch of batches) {
    const body = JSON.stringify({ device_id: 'dev-0123456789', changes: batch });
    assert.ok(new TextEncoder().encode(body).length <= SYNC_LIMITS.MAX_PUSH_BYTES, `${batch.length} changes over the limit`);
    assert.ok(batch.length <= SYNC_LIMITS.MAX_CHANGES);
  }
  assert.deepEqual(batches.flat(), changes);
});

test('the body size is measured exactly as it is sent', () => {
  const changes = [change(1, 100), change(2, 100), change(3, 100)];
  const exact = jsonBytes({ device_id: 'dev-0123456789', changes });
  assert.equal(takeBatch(changes, 'dev-0123456789', { maxBytes: exact }).length, 3);
  assert.equal(takeBatch(changes, 'dev-0123456789', { maxBytes: exact - 1 }).length, 2);
});

test('small records are split by count', () => {
  const changes = Array.from({ length: 120 }, (_, i) => change(i, 10));
  assert.deepEqual(split(changes, { maxChanges: 50 }).map((b) => b.length), [50, 50, 20]);
});

test('the clock offset is the server time at the middle of the round trip', () => {
  assert.equal(offsetFrom('1000500', 1000, 2000), 999000);
  assert.equal(offsetFrom(null, 0, 10), null);
  assert.equal(offsetFrom('soon', 0, 10), null);
});

test('stamps from a wrong clock become now; right ones stay', () => {
  const now = 1_780_000_000_000;
  assert.equal(correctedStamp(now + 12 * 3600_000, now), now, '12 hours fast');
  assert.equal(correctedStamp(now - 60_000, now), now - 60_000, 'a minute ago');
  assert.equal(correctedStamp(SYNC_LIMITS.EARLIEST_CHANGE_MS - 1, now), now, 'before the earliest time');
  assert.equal(correctedStamp(correctedStamp(now + 5, now), now), now, 'idempotent');
});
