// The same medicine logged twice in a day is noticed when the second is saved
// (static/js/symptoms/treatments-validate.js, earlierDose).
import test from 'node:test';
import assert from 'node:assert/strict';
import { earlierDose } from '../../static/js/symptoms/treatments-validate.js';

const log = (id, takenAt, kind = 'medicine', name = 'Ibuprofen', dose = '400 mg') => ({ id, takenAt, kind, name, dose });

test('a double tap a minute apart is found', () => {
  const first = log('a', '2026-03-10T09:00:00.000Z');
  const second = log('b', '2026-03-10T09:01:00.000Z');
  assert.equal(earlierDose([first, second], second), first);
});

test('the latest earlier dose of the day, whatever the dose text or the name case', () => {
  const all = [log('a', '2026-03-10T01:00:00.000Z'), log('b', '2026-03-10T07:00:00.000Z', 'medicine', ' ibuprofen', '400mg')];
  const now = log('c', '2026-03-10T12:00:00.000Z');
  assert.equal(earlierDose([...all, now], now).id, 'b');
});

test('another medicine, a treatment of another kind, or a dose over a day before is not', () => {
  const now = log('c', '2026-03-11T12:00:00.000Z');
  const all = [
    log('a', '2026-03-10T11:59:00.000Z'),
    log('b', '2026-03-11T11:00:00.000Z', 'medicine', 'Paracetamol'),
    log('d', '2026-03-11T11:30:00.000Z', 'heat', 'Ibuprofen'),
    now,
  ];
  assert.equal(earlierDose(all, now), undefined);
});

test('editing an entry does not find itself, and a later entry is not "earlier"', () => {
  const now = log('c', '2026-03-10T12:00:00.000Z');
  assert.equal(earlierDose([now, log('d', '2026-03-10T13:00:00.000Z')], now), undefined);
});
