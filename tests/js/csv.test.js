// Local dates and times depend on the time zone: fixed before anything makes a Date.
process.env.TZ = 'Europe/London';

import test from 'node:test';
import assert from 'node:assert/strict';
import { logsCsv, sessionsCsv, treatmentsCsv, checksCsv, activitiesCsv, filename } from '../../static/js/export/csv.js';

// A strict RFC 4180 reader written for the tests: it fails on anything a spreadsheet would
// have to guess at (a bare quote, text after a closing quote, a lone CR or LF as a line end).
function parse(text) {
  assert.equal(text[0], '\uFEFF', 'starts with a byte order mark');
  const body = text.slice(1);
  assert.ok(body.endsWith('\r\n'), 'ends with CRLF');
  const rows = [];
  let row = [];
  let i = 0;
  for (;;) {
    let value = '';
    if (body[i] === '"') {
      i += 1;
      for (;;) {
        const quote = body.indexOf('"', i);
        assert.ok(quote >= 0, 'closing quote');
        value += body.slice(i, quote);
        i = quote + 1;
        if (body[i] === '"') { value += '"'; i += 1; } else break;
      }
    } else {
      while (i < body.length && body[i] !== ',' && body[i] !== '\r') {
        assert.ok(body[i] !== '"' && body[i] !== '\n', `unquoted special character at ${i}`);
        value += body[i];
        i += 1;
      }
    }
    row.push(value);
    if (body[i] === ',') { i += 1; continue; }
    assert.equal(body.slice(i, i + 2), '\r\n', `CRLF after a field at ${i}`);
    i += 2;
    rows.push(row);
    row = [];
    if (i === body.length) return rows;
  }
}

const TRICKY_NOTE = 'Sat at desk, "long" day\nthen walked 🚶‍♀️ — better\r\nok';
const LOGS = [
  {
    id: 'b', loggedAt: '2026-11-20T18:45:10.000Z', legPain: 2, backPain: 0, numbness: 'none', tingling: 'moderate', weakness: 'none',
    areas: {}, helped: [], helpedOther: '', sleep: null, notes: '', warningSigns: [],
  },
  {
    id: 'a', loggedAt: '2026-07-01T23:30:00.000Z', legPain: 6, backPain: null, numbness: 'mild', tingling: 'none', weakness: 'severe',
    areas: { calf: 'both', buttock: 'left' }, sensations: ['burning', 'pins-needles'], helped: ['heat', 'rest'], helpedOther: 'Walking, slowly', sleep: 'poor',
    notes: TRICKY_NOTE, warningSigns: ['bladder', 'fever'],
  },
  { id: 'c', loggedAt: '2026-11-21T08:00:00.000Z', legPain: 3, backPain: 1, notes: '=HYPERLINK("http://x.example","click")', helpedOther: '+44 7000' },
  { id: 'd', loggedAt: '2026-11-22T08:00:00.000Z', legPain: 11, backPain: '4', notes: '-2 since yesterday', helped: ['ice', 'swimming'] },
  { id: 'e', loggedAt: '2026-11-23T08:00:00.000Z', notes: '@SUM(A1)', sleep: 'good' },
  { id: 'f', loggedAt: '2026-11-23T09:00:00.000Z', notes: '\tindented' },
  { id: 'g', loggedAt: '2026-11-23T10:00:00.000Z', notes: '\rcarriage' },
  { id: 'h', loggedAt: 'whenever', legPain: 1, notes: 'undated' },
];

test('log CSV: header, order, labels and local times', () => {
  const rows = parse(logsCsv(LOGS));
  assert.deepEqual(rows[0], ['Date', 'Time', 'Leg pain (0-10)', 'Back pain (0-10)', 'Numbness', 'Tingling', 'Weakness',
    'Where', 'How it feels', 'Helped', 'Sleep', 'Warning signs', 'Notes', 'Recorded (UTC)']);
  assert.equal(rows.length, 1 + LOGS.length);
  assert.deepEqual(rows.slice(1).map((r) => r[12].replace(/^'/, '').slice(0, 5)), ['Sat a', '', '=HYPE', '-2 si', '@SUM(', '\tinde', '\rcarr', 'undat']);
  // 23:30 UTC on 1 July is 00:30 BST on 2 July.
  assert.deepEqual(rows[1], [
    '2026-07-02', '00:30', '6', '', 'Mild', 'None', 'Severe', 'Buttock: left; Calf: both', 'Burning; Pins and needles',
    'Heat; Rest; Walking, slowly', 'Badly',
    "A change in peeing (can't start or stop, leaking, can't feel it); Fever, chills or feeling very unwell", TRICKY_NOTE,
    '2026-07-01T23:30:00.000Z',
  ]);
  // GMT in November: local time is UTC.
  assert.deepEqual(rows[2], ['2026-11-20', '18:45', '2', '0', 'None', 'Moderate', 'None', '', '', '', '', '', '', '2026-11-20T18:45:10.000Z']);
  // Pain outside 0–10 or not a number is left empty; unknown "helped" ids pass through.
  assert.deepEqual(rows[4].slice(2, 4), ['', '']);
  assert.equal(rows[4][9], 'Ice; swimming');
  assert.equal(rows[5][10], 'Well');
  assert.deepEqual(rows[8], ['', '', '1', '', '', '', '', '', '', '', '', '', 'undated', '']);
});

test('a note with commas, quotes, newlines and emoji survives exactly', () => {
  const text = logsCsv(LOGS);
  assert.ok(text.includes('"Sat at desk, ""long"" day\nthen walked 🚶‍♀️ — better\r\nok"'));
  assert.equal(parse(text)[1][12], TRICKY_NOTE);
});

test('text that a spreadsheet would run as a formula gets an apostrophe', () => {
  const rows = parse(logsCsv(LOGS));
  assert.equal(rows[3][12], '\'=HYPERLINK("http://x.example","click")');
  assert.equal(rows[3][9], "'+44 7000");
  assert.equal(rows[4][12], "'-2 since yesterday");
  assert.equal(rows[5][12], "'@SUM(A1)");
  assert.equal(rows[6][12], "'\tindented");
  assert.equal(rows[7][12], "'\rcarriage");
  // Only the start matters.
  assert.equal(parse(logsCsv([{ loggedAt: '2026-11-20T10:00:00Z', notes: 'a=b+c' }]))[1][12], 'a=b+c');
});

const SESSIONS = [
  {
    id: 's2', routineId: 'r1', routineName: '=Evening, "easy"', startedAt: '2026-11-21T19:00:00.000Z', endedAt: '2026-11-21T19:04:20.000Z',
    status: 'ended', completed: [{ technique: 'cat-cow', side: null, set: 1 }], skipped: [{}, {}, {}], worse: ['cat-cow', 'mystery-move', 'cat-cow'],
    painBefore: 7, painAfter: null, skippedAtStart: ['cat-cow'], symptomDirection: 'further-down',
  },
  {
    id: 's1', routineId: 'r2', routineName: 'Morning', startedAt: '2026-03-28T23:50:00.000Z', endedAt: '2026-03-29T01:20:00.000Z',
    status: 'finished', completed: [{}, {}, {}, {}, {}], skipped: [], worse: [], painBefore: 5, painAfter: 3,
  },
  { id: 's3', startedAt: '2026-11-22T10:00:00.000Z', status: 'running' },
];

test('session CSV: durations across a DST change, status labels, technique names', () => {
  const rows = parse(sessionsCsv(SESSIONS, { techniqueNames: { 'cat-cow': 'Cat-cow' } }));
  assert.deepEqual(rows[0], ['Date', 'Start', 'End', 'Minutes', 'Routine', 'Status', 'Steps done', 'Steps skipped',
    'Pain before (0-10)', 'Pain after (0-10)', 'Made worse', 'Left out at the start', 'Symptoms after', 'Recorded (UTC)']);
  assert.equal(rows.length, 4);
  // 23:50 GMT to 02:20 BST (clocks went forward at 01:00 UTC) is 90 real minutes.
  assert.deepEqual(rows[1], ['2026-03-28', '23:50', '02:20', '90', 'Morning', 'Finished', '5', '0', '5', '3', '', '', '', '2026-03-28T23:50:00.000Z']);
  // 4 min 20 s rounds to 4; the routine name is text that starts with "=".
  assert.deepEqual(rows[2], ['2026-11-21', '19:00', '19:04', '4', '\'=Evening, "easy"', 'Ended early', '1', '3', '7', '', 'Cat-cow; mystery-move',
    'Cat-cow', 'Further down my leg', '2026-11-21T19:00:00.000Z']);
  assert.deepEqual(rows[3], ['2026-11-22', '10:00', '', '', '', 'running', '0', '0', '', '', '', '', '', '2026-11-22T10:00:00.000Z']);
});

test('empty and junk input gives just the header', () => {
  for (const junk of [[], undefined, null, 'x', [null, 5, 'x']]) {
    assert.equal(logsCsv(junk).split('\r\n').length, 2);
    assert.equal(sessionsCsv(junk, {}).split('\r\n').length, 2);
  }
  assert.equal(sessionsCsv([]), '\uFEFFDate,Start,End,Minutes,Routine,Status,Steps done,Steps skipped,Pain before (0-10),Pain after (0-10),Made worse,'
    + 'Left out at the start,Symptoms after,Recorded (UTC)\r\n');
  for (const junk of [[], undefined, null, 'x', [null, 5, 'x']]) {
    assert.equal(treatmentsCsv(junk).split('\r\n').length, 2);
    assert.equal(checksCsv(junk).split('\r\n').length, 2);
    assert.equal(activitiesCsv(junk).split('\r\n').length, 2);
  }
});

test('labels can come from the page', () => {
  const rows = parse(logsCsv([{ loggedAt: '2026-11-20T10:00:00Z', sleep: 'good', numbness: 'mild' }], { labels: { sleep: { good: 'Slept well' } } }));
  assert.equal(rows[1][10], 'Slept well');
  assert.equal(rows[1][4], 'Mild');
});

test('file names carry the local date', () => {
  assert.equal(filename('logs', new Date('2026-11-24T10:00:00Z')), 'relieve-symptom-log-2026-11-24.csv');
  assert.equal(filename('symptom-log', '2026-07-01T23:30:00Z'), 'relieve-symptom-log-2026-07-02.csv');
  assert.equal(filename('sessions', '2026-11-24T10:00:00Z'), 'relieve-sessions-2026-11-24.csv');
  assert.match(filename('sessions'), /^relieve-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('treatments CSV: every field, labels, oldest first', () => {
  const rows = parse(treatmentsCsv([
    { id: 't2', takenAt: '2026-11-21T08:00:00.000Z', kind: 'heat', name: '', dose: '', helped: 'yes', sideEffects: '', notes: '' },
    { id: 't1', takenAt: '2026-11-20T21:15:00.000Z', kind: 'medicine', name: 'Ibuprofen, 200', dose: '2 tablets', helped: 'a-little',
      sideEffects: 'Upset "tummy"', notes: '=with food' },
    { id: 't3', takenAt: 'later', kind: 'other', name: 'Acupuncture' },
  ]));
  assert.deepEqual(rows[0], ['Date', 'Time', 'Kind', 'Name', 'Dose', 'Helped', 'Side effects', 'Notes', 'Recorded (UTC)']);
  assert.deepEqual(rows[1], ['2026-11-20', '21:15', 'Medicine', 'Ibuprofen, 200', '2 tablets', 'A little', 'Upset "tummy"', "'=with food", '2026-11-20T21:15:00.000Z']);
  assert.deepEqual(rows[2], ['2026-11-21', '08:00', 'Heat', '', '', 'Yes', '', '', '2026-11-21T08:00:00.000Z']);
  assert.deepEqual(rows[3], ['', '', 'Other', 'Acupuncture', '', '', '', '', '']);
});

test('function check-ins CSV: each activity, the average, minutes and the rating of change', () => {
  const rows = parse(checksCsv([
    { id: 'c1', checkedAt: '2026-11-17T09:00:00.000Z', walkMinutes: 10, sitMinutes: null, change: -1,
      ratings: [{ activity: 'a1', name: 'Walking the dog', score: 3 }, { activity: 'a2', name: 'Sitting at work', score: 4 }, { activity: 'a3', name: 'Gardening', score: 2 }] },
    { id: 'c2', checkedAt: '2026-11-24T09:00:00.000Z', walkMinutes: 25, sitMinutes: 40, change: 2,
      ratings: [{ activity: 'a1', name: 'Walking the dog', score: 6 }, { activity: 'a2', name: 'Sitting at work', score: 11 }] },
  ]));
  assert.deepEqual(rows[0], ['Date', 'Time', 'Activities (0 unable - 10 as before)', 'PSFS average (0-10)', 'Walking (minutes)',
    'Sitting (minutes)', 'Change since starting (-3 to +3)', 'Change in words', 'Recorded (UTC)']);
  assert.deepEqual(rows[1], ['2026-11-17', '09:00', 'Walking the dog: 3; Sitting at work: 4; Gardening: 2', '3', '10', '', '-1', 'A little worse',
    '2026-11-17T09:00:00.000Z']);
  // A score out of range is left out of the list and the average.
  assert.deepEqual(rows[2], ['2026-11-24', '09:00', 'Walking the dog: 6', '6', '25', '40', '2', 'Much better', '2026-11-24T09:00:00.000Z']);
});

test('activities CSV', () => {
  const rows = parse(activitiesCsv([
    { id: 'a2', name: 'Sitting at work', addedAt: '2026-11-10T09:00:00.000Z', archived: true },
    { id: 'a1', name: '@home stairs', addedAt: '2026-11-03T09:00:00.000Z', archived: false },
  ]));
  assert.deepEqual(rows, [
    ['Activity', 'Added', 'Archived', 'Added (UTC)'],
    ["'@home stairs", '2026-11-03', 'no', '2026-11-03T09:00:00.000Z'],
    ['Sitting at work', '2026-11-10', 'yes', '2026-11-10T09:00:00.000Z'],
  ]);
  assert.equal(filename('treatments', '2026-11-24T10:00:00Z'), 'relieve-treatments-2026-11-24.csv');
  assert.equal(filename('checks', '2026-11-24T10:00:00Z'), 'relieve-function-checks-2026-11-24.csv');
});
