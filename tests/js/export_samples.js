// Prints the export files for fixed inputs as JSON, for tests/test_exports.py to read with real
// iCalendar and CSV parsers. Not a test file itself (node --test runs only *.test.js).
process.env.TZ = 'Europe/London';

import { reminderCalendar } from '../../static/js/reminders/ics.js';
import { logsCsv, sessionsCsv } from '../../static/js/export/csv.js';

const LONG_TITLE = 'Étirement 🧘‍♀️ — 坐骨神经痛; «doucement», then a walk 🌿🌿 Привет, ça va? ok';

const ics = [
  // Tuesday 24 Nov 2026, 10:00 in London: the first chosen day is Wednesday the 25th.
  {
    name: 'weekdays',
    text: reminderCalendar({
      days: ['FR', 'MO', 'WE'], time: '07:30', title: 'Stretch, then walk; gently 🧘‍♀️ — café',
      url: 'https://relieve.example/routines?from=reminder', now: new Date('2026-11-24T10:00:00Z'), uid: 'weekdays-1',
    }),
  },
  // Thursday 31 Dec 2026, 23:30 in London: the first chosen day is Saturday 2 Jan 2027.
  { name: 'weekend', text: reminderCalendar({ days: ['SU', 'SA'], time: '18:05', now: new Date('2026-12-31T23:30:00Z'), uid: 'weekend-1' }) },
  // Tuesday, with 00:00 already past: still starts today.
  { name: 'long', text: reminderCalendar({ days: ['TU'], time: '00:00', title: LONG_TITLE, now: new Date('2026-11-24T10:00:00Z'), uid: 'long-1' }) },
];

const NOTE = 'Sat at desk, "long" day\nthen walked 🚶‍♀️ — better';
const logs = [
  { id: 'l2', loggedAt: '2026-11-21T08:00:00.000Z', legPain: 3, backPain: 1, notes: '=1+2', helpedOther: '@home', numbness: 'none' },
  { id: 'l1', loggedAt: '2026-11-20T18:45:00.000Z', legPain: 6, backPain: 2, numbness: 'mild', tingling: 'none', weakness: 'none',
    areas: { calf: 'both' }, helped: ['heat'], helpedOther: '', sleep: 'fair', notes: NOTE, warningSigns: ['fever'] },
  { id: 'l3', loggedAt: '2026-11-22T08:00:00.000Z', legPain: 0, backPain: 0, notes: '-3 today, +2 yesterday' },
];
const sessions = [
  { id: 's1', routineId: 'r1', routineName: '+Morning', startedAt: '2026-11-20T07:00:00.000Z', endedAt: '2026-11-20T07:12:00.000Z',
    status: 'finished', completed: [{}, {}], skipped: [{}], worse: ['cat-cow'], painBefore: 5, painAfter: 3 },
];

process.stdout.write(JSON.stringify({
  ics,
  csv: { logs: logsCsv(logs), sessions: sessionsCsv(sessions, { techniqueNames: { 'cat-cow': 'Cat-cow' } }) },
  inputs: { longTitle: LONG_TITLE, note: NOTE },
}));
