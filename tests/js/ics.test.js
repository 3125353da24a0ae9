// New York, so that "today" for the phone and today in UTC differ in the evening.
process.env.TZ = 'America/New_York';

import test from 'node:test';
import assert from 'node:assert/strict';
import { validateReminder, reminderCalendar, describeReminder, filename, escapeText, fold, DEFAULT_TITLE } from '../../static/js/reminders/ics.js';

const BASE = { days: ['MO'], time: '07:30', now: new Date('2026-11-24T15:00:00Z'), uid: 'abc123' }; // Tuesday 10:00 in New York
const physicalLines = (text) => text.split('\r\n').slice(0, -1);
const unfold = (text) => text.replace(/\r\n /g, '');
const property = (text, name) => unfold(text).split('\r\n').filter((line) => line.startsWith(name + ':') || line.startsWith(name + ';'));

test('validation: days', () => {
  assert.deepEqual(validateReminder({ days: [], time: '07:30' }).errors, { days: 'Pick at least one day.' });
  assert.deepEqual(validateReminder({ time: '07:30' }).errors, { days: 'Pick at least one day.' });
  assert.deepEqual(validateReminder({ days: 'MO', time: '07:30' }).errors, { days: 'Pick at least one day.' });
  assert.deepEqual(validateReminder({ days: ['MO', 'XX'], time: '07:30' }).errors, { days: 'Pick days from Monday to Sunday.' });
  assert.deepEqual(validateReminder({ days: [1], time: '07:30' }).errors, { days: 'Pick days from Monday to Sunday.' });
  const ok = validateReminder({ days: ['SU', 'we', 'MO', 'WE', ' fr '], time: '07:30' });
  assert.deepEqual(ok, { errors: {}, value: { days: ['MO', 'WE', 'FR', 'SU'], time: '07:30', title: DEFAULT_TITLE } });
});

test('validation: time', () => {
  for (const bad of ['', '7', '24:00', '12:60', '7.30', '07:30:00', '07:3', 'noon', null, 730, ' : ']) {
    assert.deepEqual(validateReminder({ days: ['MO'], time: bad }).errors, { time: 'Enter a time like 07:30.' }, String(bad));
  }
  assert.equal(validateReminder({ days: ['MO'], time: '7:05' }).value.time, '07:05');
  assert.equal(validateReminder({ days: ['MO'], time: '00:00' }).value.time, '00:00');
  assert.equal(validateReminder({ days: ['MO'], time: '23:59' }).value.time, '23:59');
});

test('validation: title', () => {
  const titleOf = (title) => validateReminder({ days: ['MO'], time: '07:30', title });
  assert.equal(titleOf(undefined).value.title, 'Relieve: time for your routine');
  assert.equal(titleOf('   ').value.title, 'Relieve: time for your routine');
  assert.equal(titleOf('  Stretch, then walk  ').value.title, 'Stretch, then walk');
  assert.equal(titleOf('🧘'.repeat(80)).value.title, '🧘'.repeat(80)); // 80 characters, 160 UTF-16 units
  assert.deepEqual(titleOf('x'.repeat(81)).errors, { title: 'Keep the title to 80 characters or fewer.' });
  assert.deepEqual(titleOf('two\nlines').errors, { title: "The title can't contain line breaks or other control characters." });
  assert.deepEqual(titleOf('bell\u0007').errors, { title: "The title can't contain line breaks or other control characters." });
  assert.deepEqual(titleOf(42).errors, { title: 'Enter the title as text.' });
  const all = validateReminder({ days: [], time: 'x', title: 'a\tb' });
  assert.deepEqual(Object.keys(all.errors).sort(), ['days', 'time', 'title']);
  assert.equal(all.value, null);
});

test('the calendar has the required structure, CRLF line ends and a floating start', () => {
  const text = reminderCalendar({ ...BASE, days: ['FR', 'MO', 'WE'], url: 'https://relieve.example/r/' });
  assert.ok(text.endsWith('\r\n'));
  assert.ok(!/[^\r]\n/.test(text), 'every LF follows a CR');
  assert.ok(!/\r[^\n]/.test(text), 'every CR precedes an LF');
  assert.deepEqual(physicalLines(text), [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Relieve//Reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    'UID:abc123@relieve',
    'DTSTAMP:20261124T150000Z',
    'SEQUENCE:1524420', // minutes since 2024-01-01: 1,058 days and 15 hours
    'DTSTART:20261125T073000', // Wednesday, the first chosen day after Tuesday
    'DURATION:PT15M',
    'RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR',
    'SUMMARY:Relieve: time for your routine',
    'DESCRIPTION:Time for your Relieve routine.\\nhttps://relieve.example/r/',
    'URL:https://relieve.example/r/',
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0M',
    'DESCRIPTION:Relieve: time for your routine',
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ]);
});

test('DTSTART: first chosen weekday on or after the local date, across week, month and year ends', () => {
  const start = (now, days, time = '07:30') => property(reminderCalendar({ ...BASE, now: new Date(now), days, time }), 'DTSTART')[0];
  // Tuesday 24 Nov 10:00 local; Monday is next week.
  assert.equal(start('2026-11-24T15:00:00Z', ['MO']), 'DTSTART:20261130T073000');
  // Today is chosen and 07:30 has passed: still today (documented).
  assert.equal(start('2026-11-24T15:00:00Z', ['TU']), 'DTSTART:20261124T073000');
  assert.equal(start('2026-11-24T15:00:00Z', ['TU', 'MO'], '21:15'), 'DTSTART:20261124T211500');
  // 03:00 UTC Tuesday is 22:00 Monday in New York: the phone's Monday counts.
  assert.equal(start('2026-11-24T03:00:00Z', ['MO']), 'DTSTART:20261123T073000');
  // Saturday 26 Dec → Monday 28 Dec; Thursday 31 Dec → Tuesday 5 Jan 2027.
  assert.equal(start('2026-12-26T17:00:00Z', ['MO']), 'DTSTART:20261228T073000');
  assert.equal(start('2026-12-31T17:00:00Z', ['TU']), 'DTSTART:20270105T073000');
  // Sunday is the last day of the week in the list but can be the next day.
  assert.equal(start('2026-12-26T17:00:00Z', ['MO', 'SU']), 'DTSTART:20261227T073000');
});

test('TEXT values are escaped; the URL is written as a URI, and a bad one is left out', () => {
  assert.equal(escapeText('a\\b;c,d\ne\r\nf\rg'), 'a\\\\b\\;c\\,d\\ne\\nf\\ng');
  const text = reminderCalendar({ ...BASE, title: 'Stretch; then walk, slowly \\ gently' });
  assert.deepEqual(property(text, 'SUMMARY'), ['SUMMARY:Stretch\\; then walk\\, slowly \\\\ gently']);
  const withQuery = reminderCalendar({ ...BASE, url: 'https://relieve.example/r?a=1,2;b' });
  assert.deepEqual(property(withQuery, 'URL'), ['URL:https://relieve.example/r?a=1,2;b']);
  assert.deepEqual(property(withQuery, 'DESCRIPTION')[0], 'DESCRIPTION:Time for your Relieve routine.\\nhttps://relieve.example/r?a=1\\,2\\;b');
  for (const bad of ['javascript:alert(1)', 'https://x.example/a b', 'https://x.example/\r\nBEGIN:VEVENT', 'https://x.example/\u0060', 42]) {
    const out = reminderCalendar({ ...BASE, url: bad });
    assert.deepEqual(property(out, 'URL'), []);
    assert.deepEqual(property(out, 'DESCRIPTION')[0], 'DESCRIPTION:Time for your Relieve routine.');
  }
});

test('long lines are folded at 75 octets without splitting a character', () => {
  const title = 'Étirement du matin 🧘‍♀️ — 坐骨神经痛, ça va; «doucement» 🌿🌿🌿 and then a gentle walk';
  assert.ok(Array.from(title).length <= 80);
  const text = reminderCalendar({ ...BASE, title, url: 'https://relieve.example/' + 'a'.repeat(150) });
  const lines = physicalLines(text);
  for (const line of lines) {
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `${Buffer.byteLength(line, 'utf8')} octets: ${line}`);
    assert.ok(!line.includes('\uFFFD'));
    // No lone surrogate at either end: each physical line is valid UTF-8 by itself.
    assert.equal(Buffer.from(line, 'utf8').toString('utf8'), line);
    assert.ok(!/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(line), line);
  }
  assert.ok(lines.some((line) => line.startsWith(' ')), 'something was folded');
  assert.ok(lines.filter((line) => line.startsWith('SUMMARY:')).every((line) => Buffer.byteLength(line, 'utf8') > 70));
  const expected = 'SUMMARY:' + title.replace(/[;,]/g, (c) => '\\' + c);
  assert.deepEqual(property(text, 'SUMMARY'), [expected]);
  assert.deepEqual(property(text, 'URL'), ['URL:https://relieve.example/' + 'a'.repeat(150)]);
});

test('fold: exact boundaries', () => {
  assert.equal(fold('x'.repeat(75)), 'x'.repeat(75));
  assert.equal(fold('x'.repeat(76)), 'x'.repeat(75) + '\r\n x');
  assert.equal(fold('x'.repeat(75 + 74 + 1)), 'x'.repeat(75) + '\r\n ' + 'x'.repeat(74) + '\r\n x');
  // 74 ASCII + a 3-octet character would be 77: the character moves to the next line whole.
  assert.equal(fold('x'.repeat(74) + '€'), 'x'.repeat(74) + '\r\n €');
  assert.equal(fold('x'.repeat(71) + '😀'), 'x'.repeat(71) + '😀'); // 71 + 4 = 75
  assert.equal(fold('x'.repeat(72) + '😀'), 'x'.repeat(72) + '\r\n 😀');
});

test('the UID is cleaned, and made up from the time if missing', () => {
  assert.deepEqual(property(reminderCalendar({ ...BASE, uid: 'a b\r\n<c>' }), 'UID'), ['UID:abc@relieve']);
  assert.deepEqual(property(reminderCalendar({ ...BASE, uid: undefined }), 'UID'), [`UID:reminder-${Date.parse('2026-11-24T15:00:00Z').toString(36)}@relieve`]);
});

test('an invalid reminder throws rather than writing a broken file', () => {
  assert.throws(() => reminderCalendar({ ...BASE, days: [] }), /Invalid reminder: Pick at least one day\./);
  assert.throws(() => reminderCalendar({ ...BASE, now: new Date('nope') }), /now is not a date/);
});

test('describeReminder and filename', () => {
  assert.equal(describeReminder({ days: ['FR', 'MO', 'WE'], time: '7:30' }), 'Mondays, Wednesdays and Fridays at 07:30');
  assert.equal(describeReminder({ days: ['SA'], time: '09:00' }), 'Saturdays at 09:00');
  assert.equal(describeReminder({ days: ['MO', 'TU', 'WE', 'TH', 'FR'], time: '09:00' }), 'Weekdays at 09:00');
  assert.equal(describeReminder({ days: ['SU', 'SA'], time: '09:00' }), 'Weekends at 09:00');
  assert.equal(describeReminder({ days: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], time: '18:00' }), 'Every day at 18:00');
  assert.equal(describeReminder({ days: [], time: '18:00' }), '');
  assert.equal(filename(), 'relieve-reminder.ics');
});
