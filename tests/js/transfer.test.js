import test from 'node:test';
import assert from 'node:assert/strict';
import { canonical, parseExport } from '../../static/js/sync/transfer.js';

const record = (overrides = {}) => ({
  id: '01978f3a-0000-7000-8000-000000000001',
  type: 'routine',
  op: 'put',
  data: { name: 'Mornings', steps: [] },
  updated_at: 1_780_000_000_000,
  device_id: 'dev-aaaa',
  seq: 3,
  ...overrides,
});

test('reads the account export: ids, types, data and times kept; the rest of the file ignored', () => {
  const file = JSON.stringify({ exported_at: '2026-11-29T10:00:00Z', account: { email: 'a@example.com' }, records: [record()], sessions: [] });
  const { records, unknown } = parseExport(file);
  assert.equal(unknown, 0);
  assert.deepEqual(records, [{ id: record().id, type: 'routine', op: 'put', data: record().data, updated_at: record().updated_at }]);
});

test('record types this app does not know are counted, not imported', () => {
  const { records, unknown } = parseExport(JSON.stringify({ records: [record(), record({ type: 'from_the_future' })] }));
  assert.equal(records.length, 1);
  assert.equal(unknown, 1);
});

test('files that are not data files are refused with a message, nothing half-read', () => {
  assert.throws(() => parseExport('not json'), /not JSON/);
  assert.throws(() => parseExport('{"hello": 1}'), /no "records" list/);
  assert.throws(() => parseExport(JSON.stringify({ records: [record(), record({ id: 'x' })] })), /can't read/);
  assert.throws(() => parseExport(JSON.stringify({ records: [record({ op: 'delete', data: null })] })), /can't read/);
  assert.throws(() => parseExport(JSON.stringify({ records: [record({ updated_at: '2026' })] })), /can't read/);
});

test('the same content in another key order is the same record', () => {
  assert.equal(canonical({ b: 1, a: [{ y: 2, x: 1 }] }), canonical({ a: [{ x: 1, y: 2 }], b: 1 }));
  assert.notEqual(canonical({ a: [1, 2] }), canonical({ a: [2, 1] }));
});
