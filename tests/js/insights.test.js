// Local days depend on the time zone, so it is fixed before anything makes a Date. London has
// DST (29 March and 25 October 2026) and sits on UTC in winter, which keeps the numbers readable.
process.env.TZ = 'Europe/London';

import test from 'node:test';
import assert from 'node:assert/strict';
import { localDay, periodDays, addDays, summarize, chartPoints, REGIONS } from '../../static/js/insights/calc.js';

// Every expected number below is worked out by hand in the comment next to it.
const NOW = '2026-11-24T20:00:00.000Z';
let nextId = 0;
const log = (loggedAt, legPain, backPain, extra = {}) => ({ id: `log-${(nextId += 1)}`, loggedAt, legPain, backPain, ...extra });
// A session with one step done unless told otherwise (outcome.js: none done counts for nothing).
const DONE = [{ technique: 'pelvic-tilt', side: null, set: 1 }];
function session(startedAt, { name = 'Morning', routineId = name.toLowerCase(), status = 'finished', before = null, after = null, minutes = 10, worse = [], completed = DONE, skipped = [] } = {}) {
  const endedAt = new Date(Date.parse(startedAt) + minutes * 60000).toISOString();
  return { id: `s-${(nextId += 1)}`, routineId, routineName: name, startedAt, endedAt, status, completed, skipped, worse, painBefore: before, painAfter: after };
}
// The pain columns of a day; the nerve and function columns have tests of their own.
const painOf = (row) => row && { day: row.day, leg: row.leg, back: row.back, entries: row.entries, routines: row.routines };
const dayOf = (result, day) => painOf(result.days.find((row) => row.day === day));

test('localDay uses local calendar days and rejects what is not a time', () => {
  assert.equal(localDay('2026-11-24T23:59:00Z'), '2026-11-24'); // GMT in winter
  assert.equal(localDay('2026-07-01T23:30:00Z'), '2026-07-02'); // BST: 00:30 the next day
  assert.equal(localDay(new Date(2026, 0, 5, 0, 0)), '2026-01-05');
  assert.equal(localDay(Date.UTC(2026, 5, 30, 23, 0)), '2026-07-01');
  for (const junk of [null, undefined, '', 'yesterday', {}, NaN, new Date('nope')]) assert.equal(localDay(junk), null);
});

test('periodDays steps by calendar date across both DST changes', () => {
  // A 24-hour step back from local midnight on 31 March lands on 28 March at 23:00 and skips the 29th.
  assert.deepEqual(periodDays('2026-03-31', 5), ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30', '2026-03-31']);
  assert.deepEqual(periodDays('2026-10-27', 4), ['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
  assert.deepEqual(periodDays('2024-03-01', 3), ['2024-02-28', '2024-02-29', '2024-03-01']);
  assert.deepEqual(periodDays('2027-01-01', 2), ['2026-12-31', '2027-01-01']);
  assert.deepEqual(periodDays('2026-11-24', 1), ['2026-11-24']);
  assert.deepEqual(periodDays('2026-02-30', 3), []);
  assert.deepEqual(periodDays('not a day', 3), []);
  assert.deepEqual(periodDays('2026-11-24', 0), []);
  assert.equal(addDays('2026-03-28', 2), '2026-03-30');
  assert.equal(addDays('2026-01-01', -1), '2025-12-31');
});

test('empty data gives an empty, fully shaped summary', () => {
  const result = summarize({ logs: [], sessions: [], days: 7, now: NOW });
  assert.deepEqual(result, {
    from: '2026-11-18',
    to: '2026-11-24',
    dayCount: 7,
    requestedDays: 7,
    trimmed: false,
    // Seven days: the middle one (21st) is in neither half, so both halves span three days.
    halves: { first: ['2026-11-18', '2026-11-20'], second: ['2026-11-22', '2026-11-24'] },
    days: ['18', '19', '20', '21', '22', '23', '24'].map((d) => ({
      day: `2026-11-${d}`, leg: null, back: null, entries: 0, routines: [], numbness: null, tingling: null, weakness: null, psfs: null,
    })),
    entries: 0,
    avgLeg: null,
    avgBack: null,
    change: { leg: null, back: null },
    nerve: {
      numbness: { avg: null, entries: 0, change: null },
      tingling: { avg: null, entries: 0, change: null },
      weakness: { avg: null, entries: 0, change: null },
    },
    sessions: { total: 0, finished: 0, endedEarly: 0, noSteps: 0 },
    activeDays: 0,
    daysPerWeek: 0,
    weeks: [{ from: '2026-11-18', to: '2026-11-24', dayCount: 7, activeDays: 0, partial: false }],
    beforeAfter: { count: 0, before: null, after: null, drop: null, noSteps: 0, verdict: null },
    routines: [],
    areas: Object.fromEntries(REGIONS.map((region) => [region, { left: 0, right: 0 }])),
    flagged: [],
    warningEntries: [],
  });
});

test('missing arguments fall back to defaults without throwing', () => {
  const result = summarize({ now: NOW });
  assert.equal(result.dayCount, 30);
  assert.equal(result.from, '2026-10-26');
  assert.equal(summarize().dayCount, 30);
  assert.equal(summarize({ days: -3, now: NOW }).dayCount, 30);
  assert.equal(summarize({ days: 2.5, now: NOW }).dayCount, 30);
});

test('a single entry', () => {
  const result = summarize({ logs: [log('2026-11-20T09:15:00Z', 6, 3, { areas: { calf: 'left' } })], sessions: [], days: 7, now: NOW });
  assert.deepEqual(dayOf(result, '2026-11-20'), { day: '2026-11-20', leg: 6, back: 3, entries: 1, routines: [] });
  assert.equal(result.entries, 1);
  assert.equal(result.avgLeg, 6);
  assert.equal(result.avgBack, 3);
  // Halves of 7 days are 18–20 and 22–24: the entry is only in the first, so no change.
  assert.deepEqual(result.change, { leg: null, back: null });
  assert.deepEqual(result.areas.calf, { left: 1, right: 0 });
});

test('gaps stay null, several entries a day are averaged, future and earlier entries are left out', () => {
  const logs = [
    log('2026-10-26T08:00:00Z', 7, 5),
    log('2026-10-26T20:00:00Z', 6, null),
    log('2026-10-26T22:00:00Z', 6, 4),
    log('2026-11-01T10:00:00Z', 5, 4),
    log('2026-11-23T10:00:00Z', 2, 1),
    log('2026-11-24T09:00:00Z', 3, 2),
    log('2026-11-24T21:00:00Z', 10, 10), // an hour after now
    log('2026-12-02T09:00:00Z', 10, 10), // next week
    log('2026-10-25T23:30:00Z', 10, 10), // the day before the period starts
  ];
  const result = summarize({ logs, sessions: [], days: 30, now: NOW });
  assert.equal(result.from, '2026-10-26');
  assert.equal(result.to, '2026-11-24');
  assert.equal(result.days.length, 30);
  assert.deepEqual(dayOf(result, '2026-10-26'), { day: '2026-10-26', leg: 6.3, back: 4.5, entries: 3, routines: [] }); // 19/3, 9/2
  assert.deepEqual(dayOf(result, '2026-11-24'), { day: '2026-11-24', leg: 3, back: 2, entries: 1, routines: [] });
  assert.equal(result.days.filter((row) => row.entries > 0).length, 4);
  assert.equal(result.days.filter((row) => row.leg === null).length, 26);
  assert.deepEqual(dayOf(result, '2026-10-27'), { day: '2026-10-27', leg: null, back: null, entries: 0, routines: [] });
  assert.equal(result.entries, 6);
  assert.equal(result.avgLeg, 4.8); // 29 / 6 = 4.83
  assert.equal(result.avgBack, 3.2); // 16 / 5
  // First half 26 Oct – 9 Nov: leg 24/4 = 6, back 13/3 = 4.33. Second half 10–24 Nov: leg 2.5, back 1.5.
  assert.deepEqual(result.change, { leg: -3.5, back: -2.8 });
});

test('a day mean of exactly x.x5 rounds up', () => {
  // 17 × 1 + 3 × 2 = 23 over 20 entries = 1.15, which is 1.1499… as a double (toFixed(1) gives 1.1).
  const logs = [];
  for (let i = 0; i < 20; i += 1) logs.push(log(`2026-11-22T${String(i + 1).padStart(2, '0')}:00:00Z`, i < 17 ? 1 : 2, null));
  const result = summarize({ logs, sessions: [], days: 7, now: NOW });
  assert.equal(dayOf(result, '2026-11-22').leg, 1.2);
  assert.equal(dayOf(result, '2026-11-22').back, null);
  assert.equal(dayOf(result, '2026-11-22').entries, 20);
  assert.equal(result.avgLeg, 1.2);
});

test('7, 30 and 90 day periods and their weeks', () => {
  const week = summarize({ logs: [], sessions: [], days: 7, now: NOW });
  assert.equal(week.weeks.length, 1);

  const month = summarize({ logs: [], sessions: [], days: 30, now: NOW });
  assert.deepEqual(month.weeks.map(({ from, to, dayCount, partial }) => [from, to, dayCount, partial]), [
    ['2026-10-26', '2026-10-27', 2, true],
    ['2026-10-28', '2026-11-03', 7, false],
    ['2026-11-04', '2026-11-10', 7, false],
    ['2026-11-11', '2026-11-17', 7, false],
    ['2026-11-18', '2026-11-24', 7, false],
  ]);

  const quarter = summarize({ logs: [], sessions: [], days: 90, now: NOW });
  assert.equal(quarter.from, '2026-08-27'); // 89 days before 24 Nov: 23 to 1 Nov, 31 + 30 more to 1 Sep, 5 more
  assert.equal(quarter.days.length, 90);
  assert.equal(new Set(quarter.days.map((row) => row.day)).size, 90);
  assert.equal(quarter.weeks.length, 13); // 6 + 12 × 7
  assert.deepEqual(quarter.weeks[0], { from: '2026-08-27', to: '2026-09-01', dayCount: 6, activeDays: 0, partial: true });
});

test('before and after ratings: only finished or ended sessions with both ratings count', () => {
  const sessions = [
    session('2026-11-20T08:00:00Z', { before: 6, after: 3 }),
    session('2026-11-20T18:00:00Z', { status: 'ended', before: 5, after: null }),
    session('2026-11-21T08:00:00Z', { name: 'Evening', before: 4, after: 4 }),
    session('2026-11-21T19:00:00Z', { name: 'Evening', status: 'ended', before: 7, after: 2 }),
    session('2026-11-22T08:00:00Z', { name: 'Desk break', before: null, after: 2 }),
    session('2026-11-22T12:00:00Z', { name: 'Desk break', status: 'running', before: 8, after: 1 }),
    session('2026-11-23T08:00:00Z', { name: 'Morning stretch', routineId: 'morning', before: 5, after: 3 }),
    session('2026-11-23T09:00:00Z', { name: 'Walk prep', before: 6, after: 2 }),
    session('2026-10-01T08:00:00Z', { name: 'Walk prep', before: 10, after: 0 }), // before the period
  ];
  const result = summarize({ logs: [], sessions, days: 7, now: NOW });
  // Rated: 6→3, 4→4, 7→2, 5→3, 6→2. Before 28/5 = 5.6, after 14/5 = 2.8.
  // Five rated sessions is enough to judge; 2.8 points is past 2: meaningful.
  assert.deepEqual(result.beforeAfter, { count: 5, before: 5.6, after: 2.8, drop: 2.8, noSteps: 0, verdict: 'meaningful' });
  assert.deepEqual(result.sessions, { total: 8, finished: 5, endedEarly: 2, noSteps: 0 });
  // Walk prep 4; Evening (0 + 5) / 2 = 2.5; Morning (3 + 2) / 2 = 2.5, renamed in its last session.
  assert.deepEqual(result.routines, [
    { routineId: 'walk prep', name: 'Walk prep', sessions: 1, rated: 1, avgDrop: 4, verdict: 'not-enough-data' },
    { routineId: 'evening', name: 'Evening', sessions: 2, rated: 2, avgDrop: 2.5, verdict: 'not-enough-data' },
    { routineId: 'morning', name: 'Morning stretch', sessions: 3, rated: 2, avgDrop: 2.5, verdict: 'not-enough-data' },
  ]);
  assert.deepEqual(dayOf(result, '2026-11-20').routines, ['Morning']);
  assert.deepEqual(dayOf(result, '2026-11-22').routines, ['Desk break']);
  assert.deepEqual(dayOf(result, '2026-11-23').routines, ['Morning stretch', 'Walk prep']);
});

test('the before/after drop is the difference of the shown means', () => {
  // Before 16/3 = 5.33 → 5.3, after 5/3 = 1.67 → 1.7; shown drop 5.3 − 1.7 = 3.6.
  const sessions = [
    session('2026-11-20T08:00:00Z', { before: 5, after: 2 }),
    session('2026-11-21T08:00:00Z', { before: 5, after: 2 }),
    session('2026-11-22T08:00:00Z', { before: 6, after: 1 }),
  ];
  assert.deepEqual(summarize({ logs: [], sessions, days: 7, now: NOW }).beforeAfter, { count: 3, before: 5.3, after: 1.7, drop: 3.6, noSteps: 0, verdict: 'not-enough-data' });
});

test('active days and days per week', () => {
  const sessions = [
    session('2026-11-11T08:00:00Z'),
    session('2026-11-11T18:00:00Z'), // same day: still one active day
    session('2026-11-13T08:00:00Z'),
    session('2026-11-14T08:00:00Z', { status: 'ended' }), // ended early: not an active day
    session('2026-11-19T08:00:00Z'),
    session('2026-11-22T08:00:00Z'),
    session('2026-11-24T08:00:00Z'),
    session('2026-11-24T21:00:00Z'), // after now
  ];
  const fortnight = summarize({ logs: [], sessions, days: 14, now: NOW });
  assert.equal(fortnight.activeDays, 5);
  assert.equal(fortnight.daysPerWeek, 2.5); // 5 / (14 / 7)
  assert.deepEqual(fortnight.weeks.map((w) => w.activeDays), [2, 3]);
  assert.deepEqual(fortnight.sessions, { total: 7, finished: 6, endedEarly: 1, noSteps: 0 });

  const month = summarize({ logs: [], sessions: sessions.slice(4), days: 30, now: NOW });
  assert.equal(month.activeDays, 3);
  assert.equal(month.daysPerWeek, 0.7); // 3 / (30 / 7) = 0.7
  const four = summarize({ logs: [], sessions: sessions.slice(2), days: 30, now: NOW });
  assert.equal(four.activeDays, 4);
  assert.equal(four.daysPerWeek, 0.9); // 4 / (30 / 7) = 0.93
});

test('areas: "both" counts for the left and the right', () => {
  const logs = [
    log('2026-11-20T09:00:00Z', 4, 2, { areas: { buttock: 'both', calf: 'left' } }),
    log('2026-11-21T09:00:00Z', 4, 2, { areas: { buttock: 'left', foot: 'right' } }),
    log('2026-11-22T09:00:00Z', 4, 2, { areas: { thigh: 'both', calf: 'middle', elbow: 'left' } }),
    log('2026-11-23T09:00:00Z', 4, 2),
    log('2026-11-01T09:00:00Z', 4, 2, { areas: { foot: 'both' } }), // outside the 7 days
  ];
  // Every known region is listed (the contract's REGIONS); an unknown one (elbow) is not.
  assert.deepEqual(summarize({ logs, sessions: [], days: 7, now: NOW }).areas, {
    ...Object.fromEntries(REGIONS.map((region) => [region, { left: 0, right: 0 }])),
    buttock: { left: 2, right: 1 },
    thigh: { left: 1, right: 1 },
    calf: { left: 1, right: 0 },
    foot: { left: 0, right: 1 },
  });
});

test('entries near midnight land on the local day across the DST changes', () => {
  const spring = summarize({
    logs: [
      log('2026-03-26T23:30:00Z', 9, 9), // GMT: 26 March, before the period
      log('2026-03-28T23:30:00Z', 4, 1), // GMT: 28 March 23:30
      log('2026-03-29T23:30:00Z', 6, 3), // BST: 30 March 00:30
      log('2026-03-30T23:30:00Z', 2, 2), // BST: 31 March 00:30
    ],
    sessions: [session('2026-03-28T23:45:00Z', { name: 'Night' })], // BST had not started: 28 March
    days: 5,
    now: '2026-03-31T10:00:00Z',
  });
  assert.deepEqual(spring.days.map((row) => [row.day, row.leg]), [
    ['2026-03-27', null], ['2026-03-28', 4], ['2026-03-29', null], ['2026-03-30', 6], ['2026-03-31', 2],
  ]);
  assert.deepEqual(spring.days[1].routines, ['Night']);
  assert.equal(spring.entries, 3);

  const autumn = summarize({
    logs: [log('2026-10-24T23:30:00Z', 5, 1), log('2026-10-25T23:30:00Z', 3, 3), log('2026-10-23T22:59:00Z', 9, 9)],
    sessions: [],
    days: 3,
    now: '2026-10-26T12:00:00Z',
  });
  // 24 Oct 23:30 UTC is 00:30 BST on the 25th; 25 Oct 23:30 UTC is 23:30 GMT on the 25th; 23 Oct 22:59 UTC is before.
  assert.deepEqual(autumn.days.map((row) => [row.day, row.entries, row.leg]), [
    ['2026-10-24', 0, null], ['2026-10-25', 2, 4], ['2026-10-26', 0, null],
  ]);
});

test('flagged techniques: one per session occasion, plus flags taken outside a session', () => {
  const during = session('2026-11-20T08:00:00Z', { minutes: 20, worse: ['cat-cow'] });
  const cleared = session('2026-11-22T08:00:00Z', { worse: ['cat-cow', 'childs-pose', 'cat-cow'] });
  const old = session('2026-10-01T08:00:00Z', { worse: ['cat-cow'] });
  const flags = [
    { id: 'f1', technique: 'cat-cow', at: '2026-11-20T08:05:00Z' },
    { id: 'f2', technique: 'cat-cow', at: '2026-11-20T08:06:00Z' }, // tapped again in the same session
    { id: 'f3', technique: 'cat-cow', at: '2026-11-20T08:20:00Z' }, // as the session ended
    { id: 'f4', technique: 'piriformis-stretch', at: '2026-11-21T12:00:00Z' },
    { id: 'f5', technique: 'bridge', at: '2026-11-01T12:00:00Z' }, // before the period
    { id: 'f6', technique: 'bridge', at: '2026-11-25T12:00:00Z' }, // tomorrow
    { id: 'f7', technique: 5, at: '2026-11-21T12:00:00Z' },
    { id: 'f8', technique: 'cat-cow', at: 'never' },
    null,
  ];
  const result = summarize({ logs: [], sessions: [during, cleared, old], flags, days: 7, now: NOW });
  assert.deepEqual(result.flagged, [
    { technique: 'cat-cow', count: 2 },
    { technique: 'childs-pose', count: 1 },
    { technique: 'piriformis-stretch', count: 1 },
  ]);
});

test('warning entries list the entries in the period that noted warning signs', () => {
  const logs = [
    log('2026-11-19T09:00:00Z', 5, 2, { warningSigns: ['bladder', 'fever'] }),
    log('2026-11-20T09:00:00Z', 5, 2, { warningSigns: [] }),
    log('2026-11-01T09:00:00Z', 5, 2, { warningSigns: ['bowel'] }),
    log('2026-11-21T09:00:00Z', 5, 2, { warningSigns: 'both-legs' }),
  ];
  const [first, ...rest] = logs;
  const result = summarize({ logs: [...rest, first], sessions: [], days: 7, now: NOW });
  assert.deepEqual(result.warningEntries, [
    { id: first.id, loggedAt: '2026-11-19T09:00:00.000Z', day: '2026-11-19', warningSigns: ['bladder', 'fever'] },
  ]);
});

test('junk records are skipped and bad pain values count as not given', () => {
  const logs = [
    null, 42, 'x', [], {},
    { loggedAt: 'not a date', legPain: 5, backPain: 5 },
    { loggedAt: 12, legPain: 5 }, // 1970: far outside the period
    log('2026-11-24T08:00:00Z', '7', 11),
    log('2026-11-24T08:30:00Z', 4.5, -1, { areas: 'left', warningSigns: 'bladder' }),
    log('2026-11-24T09:00:00Z', 4, 2, { areas: null, warningSigns: [null, ''] }),
    log('2026-11-24T09:30:00Z', NaN, Infinity, { areas: { calf: 'both' } }),
  ];
  const sessions = [null, { startedAt: 'soon' }, { startedAt: '2026-11-24T10:00:00Z', status: 'finished', completed: ['cat-cow'], worse: 'x', painBefore: '8', painAfter: 2 }];
  const result = summarize({ logs, sessions, flags: 'none', days: 7, now: NOW });
  assert.equal(result.entries, 4);
  assert.equal(result.avgLeg, 4);
  assert.equal(result.avgBack, 2);
  assert.deepEqual(dayOf(result, '2026-11-24'), { day: '2026-11-24', leg: 4, back: 2, entries: 4, routines: ['Routine'] });
  assert.deepEqual(result.areas.calf, { left: 1, right: 1 });
  assert.deepEqual(result.warningEntries, []);
  assert.deepEqual(result.beforeAfter, { count: 0, before: null, after: null, drop: null, noSteps: 0, verdict: null });
  assert.deepEqual(result.flagged, []);
  assert.doesNotThrow(() => summarize({ logs: {}, sessions: 'x', flags: null, now: 'garbage' }));
});

test('chartPoints breaks lines at gaps and never invents a value', () => {
  const days = [
    { day: 'd1', leg: 5, back: null },
    { day: 'd2', leg: null, back: null },
    { day: 'd3', leg: 2, back: 10 },
    { day: 'd4', leg: 4, back: 0 },
  ];
  assert.deepEqual(chartPoints(days, { width: 300, height: 100 }), {
    leg: [
      [{ x: 0, y: 50, day: 'd1', value: 5 }],
      [{ x: 200, y: 80, day: 'd3', value: 2 }, { x: 300, y: 60, day: 'd4', value: 4 }],
    ],
    back: [[{ x: 200, y: 0, day: 'd3', value: 10 }, { x: 300, y: 100, day: 'd4', value: 0 }]],
  });
  assert.deepEqual(chartPoints([{ day: 'only', leg: 3, back: null }], { width: 200, height: 10 }).leg, [[{ x: 100, y: 7, day: 'only', value: 3 }]]);
  assert.deepEqual(chartPoints(null), { leg: [], back: [] });
});
