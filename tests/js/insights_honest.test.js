// Issue #13: insights that are honest. The meaningful-change rule, the days before first use,
// the default range, nerve symptom trends and the function check-ins (PSFS), on known data.
process.env.TZ = 'Europe/London';

import test from 'node:test';
import assert from 'node:assert/strict';
import { summarize, firstUse, chooseRange, dropVerdict, MIN_RATED_SESSIONS } from '../../static/js/insights/calc.js';
import { PSFS_MIC, psfsAverage, functionSummary, treatmentSummary, directionCounts } from '../../static/js/insights/measures.js';

const NOW = '2026-11-24T20:00:00.000Z';
let nextId = 0;
const log = (loggedAt, legPain, backPain, extra = {}) => ({ id: `log-${(nextId += 1)}`, loggedAt, legPain, backPain, ...extra });
const session = (startedAt, before, after, extra = {}) => ({
  id: `s-${(nextId += 1)}`, routineId: 'm', routineName: 'Morning', startedAt,
  endedAt: new Date(Date.parse(startedAt) + 600000).toISOString(), status: 'finished', completed: [{ technique: 'pelvic-tilt', side: null, set: 1 }], skipped: [],
  painBefore: before, painAfter: after, ...extra,
});
const check = (checkedAt, scores, extra = {}) => ({
  id: `c-${(nextId += 1)}`, checkedAt,
  ratings: Object.entries(scores).map(([name, score]) => ({ activity: `a-${name}`, name, score })), ...extra,
});

test('the meaningful-change rule needs 5 rated sessions and 2 points or 30%', () => {
  assert.equal(MIN_RATED_SESSIONS, 5);
  assert.equal(dropVerdict(0, 0, 0), null);
  // 4 sessions, a big drop (8 -> 2 each): still not enough data.
  assert.equal(dropVerdict(4, 32, 8), 'not-enough-data');
  // 5 sessions: mean drop exactly 2 (before 30, after 20): meaningful.
  assert.equal(dropVerdict(5, 30, 20), 'meaningful');
  // Mean drop 1.8 (9 over 5) from a mean of 3 (15): 60%, meaningful by the 30% arm.
  assert.equal(dropVerdict(5, 15, 6), 'meaningful');
  // Mean 10 -> 7 is exactly 30% (50 -> 35 over 5 sessions): meaningful, no floating-point miss.
  assert.equal(dropVerdict(5, 50, 35), 'meaningful');
  // Mean 10 -> 8.2: 1.8 points and 18%: a small change.
  assert.equal(dropVerdict(5, 50, 41), 'small');
  assert.equal(dropVerdict(6, 36, 36), 'small');
  // Pain going up by 2 or more on average is called out too.
  assert.equal(dropVerdict(5, 20, 30), 'worse');
});

test('summaries apply the rule to the period and to each routine', () => {
  const sessions = [];
  for (let d = 0; d < 5; d += 1) sessions.push(session(`2026-11-${20 + d}T08:00:00Z`, 6, 3));
  sessions.push(session('2026-11-22T18:00:00Z', 5, 4, { routineId: 'e', routineName: 'Evening' }));
  const result = summarize({ sessions, days: 7, now: NOW });
  // 6 rated: before 35/6 = 5.8, after 19/6 = 3.2; drop 2.7 >= 2: meaningful.
  assert.equal(result.beforeAfter.count, 6);
  assert.equal(result.beforeAfter.verdict, 'meaningful');
  const byName = Object.fromEntries(result.routines.map((r) => [r.name, r]));
  assert.equal(byName.Morning.verdict, 'meaningful'); // 5 sessions, 3 points each
  assert.equal(byName.Evening.verdict, 'not-enough-data'); // 1 session
});

test('first use: the earliest record of any tracked kind, never a future one', () => {
  assert.equal(firstUse({}, NOW), null);
  assert.equal(firstUse({
    logs: [log('2026-11-20T09:00:00Z', 3, 1), log('2026-12-20T09:00:00Z', 3, 1), { loggedAt: 'junk' }, null],
    sessions: [session('2026-11-19T23:30:00Z', 4, 3)], // 23:30 UTC is still the 19th in winter London
    checks: [check('2026-11-21T10:00:00Z', { walk: 4 })],
    treatments: [{ takenAt: '2026-11-22T10:00:00Z', kind: 'heat' }],
  }, NOW), '2026-11-19');
  assert.equal(firstUse({ treatments: [{ takenAt: '2026-10-02T10:00:00Z', kind: 'ice' }] }, NOW), '2026-10-02');
});

test('days before the first use are not counted: no gaps, no empty weeks, no lower days a week', () => {
  const logs = [log('2026-11-21T09:00:00Z', 6, 2), log('2026-11-24T09:00:00Z', 4, 2)];
  const sessions = [session('2026-11-21T08:00:00Z', null, null), session('2026-11-23T08:00:00Z', null, null)];
  const since = firstUse({ logs, sessions }, NOW);
  assert.equal(since, '2026-11-21');
  const result = summarize({ logs, sessions, days: 30, now: NOW, since });
  assert.equal(result.requestedDays, 30);
  assert.equal(result.trimmed, true);
  assert.equal(result.from, '2026-11-21');
  assert.equal(result.dayCount, 4);
  assert.deepEqual(result.days.map((d) => d.day), ['2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']);
  // 2 routine days out of the 4 days since the first use: no rate "a week" from less than a
  // week (it would read 3.5 a week; and 1 day of 1, "7 days a week"), and never 2 / 30 × 7 = 0.5.
  assert.equal(result.daysPerWeek, null);
  const week = summarize({ logs, sessions, days: 30, now: NOW, since: '2026-11-18' });
  assert.equal(week.dayCount, 7);
  assert.equal(week.daysPerWeek, 2); // 2 of 7 days
  assert.deepEqual(result.weeks, [{ from: '2026-11-21', to: '2026-11-24', dayCount: 4, activeDays: 2, partial: true }]);
  // Halves of 4 days: 21-22 (leg 6) and 23-24 (leg 4).
  assert.deepEqual(result.change, { leg: -2, back: 0 });
  // Without `since`, the old behaviour: the whole period.
  assert.equal(summarize({ logs, sessions, days: 30, now: NOW }).dayCount, 30);
  // A first use before the period trims nothing; one in the future (a fast clock) neither.
  assert.equal(summarize({ logs, days: 7, now: NOW, since: '2026-01-01' }).dayCount, 7);
  assert.equal(summarize({ logs, days: 7, now: NOW, since: '2027-01-01' }).dayCount, 7);
});

test('the default range fits the data there is', () => {
  assert.equal(chooseRange(null, NOW), 30); // nothing yet
  assert.equal(chooseRange('2026-11-24', NOW), 7); // first use today
  assert.equal(chooseRange('2026-11-18', NOW), 7); // 7 days inclusive
  assert.equal(chooseRange('2026-11-17', NOW), 30); // 8 days
  assert.equal(chooseRange('2026-10-26', NOW), 30); // 30 days
  assert.equal(chooseRange('2026-10-25', NOW), 90);
  assert.equal(chooseRange('2025-01-01', NOW), 90); // longer than any period: the longest
  assert.equal(chooseRange('2026-11-20', NOW, [14, 60]), 14);
  // Across the October clock change the count is still in calendar days.
  assert.equal(chooseRange('2026-10-19', '2026-10-25T12:00:00Z'), 7);
});

test('nerve symptoms: means of levels 0-3, only from entries that asked', () => {
  const logs = [
    log('2026-11-18T09:00:00Z', 5, 2, { numbness: 'severe', tingling: 'moderate', weakness: 'mild' }),
    log('2026-11-18T19:00:00Z', 5, 2, { numbness: 'moderate' }), // quick log: tingling, weakness not asked
    log('2026-11-23T09:00:00Z', 3, 1, { numbness: 'mild', tingling: 'none', weakness: 'none' }),
    log('2026-11-24T09:00:00Z', 3, null, { numbness: 'none', tingling: 'bogus' }),
  ];
  const result = summarize({ logs, days: 7, now: NOW });
  const day18 = result.days.find((d) => d.day === '2026-11-18');
  assert.equal(day18.numbness, 2.5); // (3 + 2) / 2
  assert.equal(day18.tingling, 2); // one entry asked
  assert.equal(day18.weakness, 1);
  assert.equal(result.days.find((d) => d.day === '2026-11-24').tingling, null);
  // Numbness (3 + 2 + 1 + 0) / 4 = 1.5; halves 18-20 (2.5) and 22-24 (0.5): change -2.
  assert.deepEqual(result.nerve.numbness, { avg: 1.5, entries: 4, change: -2 });
  assert.deepEqual(result.nerve.tingling, { avg: 1, entries: 2, change: -2 });
  assert.deepEqual(result.nerve.weakness, { avg: 0.5, entries: 2, change: -1 });
  // Back pain not rated stays out of the back mean: (2 + 2 + 1) / 3 = 1.7.
  assert.equal(result.avgBack, 1.7);
});

test('PSFS averages, change from the first check-in and the 2-point minimal important change', () => {
  assert.equal(PSFS_MIC, 2);
  assert.equal(psfsAverage([{ score: 3 }, { score: 4 }, { score: 6 }]), 4.3); // 13 / 3
  assert.equal(psfsAverage([{ score: 2 }, { score: 5 }]), 3.5);
  assert.equal(psfsAverage([{ score: 11 }, { score: 'x' }, null]), null);
  assert.equal(psfsAverage([]), null);

  const checks = [
    check('2026-11-03T09:00:00Z', { walking: 3, sitting: 4, gardening: 2 }, { walkMinutes: 10, sitMinutes: 20, change: 0 }),
    check('2026-11-10T09:00:00Z', { walking: 4, sitting: 5, gardening: 2 }, { walkMinutes: 15, sitMinutes: null, change: 1 }),
    check('2026-11-17T09:00:00Z', { walking: 6, sitting: 5, gardening: 3 }, { walkMinutes: 25, change: null }),
    check('2026-11-24T09:00:00Z', { walking: 7, sitting: 5 }, { walkMinutes: 30, sitMinutes: 30, change: 2 }),
    check('2026-11-30T09:00:00Z', { walking: 10 }), // in the future
  ];
  const f = functionSummary(checks, { from: '2026-11-18', now: NOW });
  assert.equal(f.total, 4);
  assert.equal(f.checks, 1); // only 24 Nov is in the period
  // Baseline 9/3 = 3 (first check-in ever), latest 12/2 = 6: +3, meaningful.
  assert.deepEqual(f.psfs, { first: 3, firstDay: '2026-11-03', latest: 6, latestDay: '2026-11-24', count: 4, change: 3, meaningful: true });
  assert.deepEqual(f.walk, { first: 10, firstDay: '2026-11-03', latest: 30, latestDay: '2026-11-24', count: 4, change: 20 });
  assert.deepEqual(f.sit, { first: 20, firstDay: '2026-11-03', latest: 30, latestDay: '2026-11-24', count: 2, change: 10 });
  assert.deepEqual(f.change, { value: 2, day: '2026-11-24' });
  const byName = Object.fromEntries(f.activities.map((a) => [a.name, a]));
  assert.equal(byName.walking.change, 4);
  assert.equal(byName.walking.meaningful, true);
  assert.equal(byName.sitting.change, 1);
  assert.equal(byName.sitting.meaningful, false);
  assert.equal(byName.gardening.change, 1);
  assert.equal(byName.gardening.latestDay, '2026-11-17');
  assert.deepEqual(f.points, [{ day: '2026-11-24', psfs: 6, walk: 30, sit: 30, change: 2 }]);

  // One check-in: no change yet, so nothing is called meaningful.
  const one = functionSummary([checks[0]], { now: NOW });
  assert.equal(one.psfs.change, null);
  assert.equal(one.psfs.meaningful, null);
  assert.equal(one.activities[0].meaningful, null);
  // Junk never throws.
  assert.doesNotThrow(() => functionSummary([null, {}, { checkedAt: 'x' }, { checkedAt: NOW, ratings: 'x' }], { now: NOW }));
});

test('the PSFS average per day sits next to pain in the summary', () => {
  const checks = [check('2026-11-20T09:00:00Z', { a: 4, b: 5 }), check('2026-11-20T19:00:00Z', { a: 6, b: 6 })];
  const result = summarize({ checks, days: 7, now: NOW });
  assert.equal(result.days.find((d) => d.day === '2026-11-20').psfs, 5.3); // (4.5 + 6) / 2 = 5.25 -> 5.3
});

test('treatments grouped by kind and name, with how often they helped', () => {
  const t = (takenAt, kind, name, extra = {}) => ({ id: `t-${(nextId += 1)}`, takenAt, kind, name, ...extra });
  const list = treatmentSummary([
    t('2026-11-20T08:00:00Z', 'medicine', 'Ibuprofen', { dose: '200 mg', helped: 'yes' }),
    t('2026-11-21T08:00:00Z', 'medicine', 'ibuprofen ', { dose: '400 mg', helped: 'a-little', sideEffects: 'Upset stomach' }),
    t('2026-11-22T08:00:00Z', 'medicine', 'Ibuprofen', { helped: null }),
    t('2026-11-22T09:00:00Z', 'heat', '', { helped: 'yes' }),
    t('2026-10-01T08:00:00Z', 'medicine', 'Ibuprofen'), // before the period
    t('2026-12-01T08:00:00Z', 'ice', ''), // future
    null, { takenAt: 'x' },
  ], { from: '2026-11-18', now: NOW });
  assert.equal(list.length, 2);
  assert.deepEqual(list[0], {
    kind: 'medicine', name: 'Ibuprofen', count: 3, firstDay: '2026-11-20', lastDay: '2026-11-22', dose: '400 mg',
    helped: { yes: 1, 'a-little': 1, no: 0, unsure: 0 }, rated: 2, sideEffects: ['Upset stomach'],
  });
  assert.equal(list[1].kind, 'heat');
  assert.equal(list[1].count, 1);
});

test('symptom direction answers after routines are counted in the period', () => {
  const result = directionCounts([
    session('2026-11-20T08:00:00Z', 5, 3, { symptomDirection: 'toward-back' }),
    session('2026-11-21T08:00:00Z', 5, 3, { symptomDirection: 'toward-back' }),
    session('2026-11-22T08:00:00Z', 5, 3, { symptomDirection: 'further-down' }),
    session('2026-11-23T08:00:00Z', 5, 3, { symptomDirection: null }),
    session('2026-10-01T08:00:00Z', 5, 3, { symptomDirection: 'further-down' }), // before
    session('2026-11-23T09:00:00Z', 5, 3, { symptomDirection: 'sideways' }),
  ], { from: '2026-11-18', now: NOW });
  assert.deepEqual(result, { answered: 3, counts: { 'toward-back': 2, same: 0, 'further-down': 1 }, lastFurther: '2026-11-22' });
});
