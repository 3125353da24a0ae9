/* Routine reminders as an iCalendar file (RFC 5545) that the phone's own calendar imports: a
   weekly repeating 15-minute event with an alert. The calendar does the reminding, so it works
   with the app closed, with no push server and no account. The start time is FLOATING (no Z, no
   TZID): "07:30 on Mondays" stays 07:30 wherever the phone is, which is what a person means. */
// @ts-check

// Week order, Monday first; also the order BYDAY lists them in.
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const DAY_NAMES = { MO: 'Monday', TU: 'Tuesday', WE: 'Wednesday', TH: 'Thursday', FR: 'Friday', SA: 'Saturday', SU: 'Sunday' };
const DEFAULT_TITLE = 'Relieve: time for your routine';
const TITLE_MAX = 80;
const LINE_OCTETS = 75;
const TIME = /^(\d{1,2}):(\d{2})$/;
// Line and paragraph separators too: a calendar may show them as a break in a one-line title.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
// Written unescaped (URI, not TEXT), so only plain absolute web addresses are let through.
// (\u0060 is the backtick, spelled out so the minifier never mistakes it for a template.)
const SAFE_URL = /^https?:\/\/[^\s"'<>\\^\u0060{|}\u0000-\u001f\u007f-\u009f]+$/;
const URL_MAX = 2000;

const MESSAGES = {
  days: 'Pick at least one day.',
  dayUnknown: 'Pick days from Monday to Sunday.',
  time: 'Enter a time like 07:30.',
  titleText: 'Enter the title as text.',
  titleLong: `Keep the title to ${TITLE_MAX} characters or fewer.`,
  titleControl: "The title can't contain line breaks or other control characters.",
};

const pad = (n, width = 2) => String(n).padStart(width, '0');

/**
 * A weekly reminder as the page collects it.
 * @typedef {object} Reminder
 * @property {string[]} days  iCalendar day codes: 'MO', 'TU', …
 * @property {string} time  'HH:MM', local (floating)
 * @property {string} [title]
 */
/** Checks a reminder from the form; `value` is the cleaned reminder, or null when there are errors.
    @param {Partial<Reminder>} [reminder]
    @returns {{ errors: Record<string, string>, value: Reminder | null }} */
function validateReminder({ days, time, title } = {}) {
  /** @type {Record<string, string>} */
  const errors = {};
  const value = {};

  if (!Array.isArray(days) || days.length === 0) errors.days = MESSAGES.days;
  else {
    const chosen = new Set(days.map((day) => (typeof day === 'string' ? day.trim().toUpperCase() : day)));
    if ([...chosen].some((day) => !DAYS.includes(day))) errors.days = MESSAGES.dayUnknown;
    else value.days = DAYS.filter((day) => chosen.has(day));
  }

  // A browser's time input gives "07:30"; a typed "7:30" means the same and is accepted.
  const match = typeof time === 'string' && TIME.exec(time.trim());
  if (!match || Number(match[1]) > 23 || Number(match[2]) > 59) errors.time = MESSAGES.time;
  else value.time = `${pad(Number(match[1]))}:${match[2]}`;

  if (title === undefined || title === null || (typeof title === 'string' && !title.trim())) value.title = DEFAULT_TITLE;
  else if (typeof title !== 'string') errors.title = MESSAGES.titleText;
  else if (CONTROL.test(title.trim())) errors.title = MESSAGES.titleControl;
  else if (Array.from(title.trim()).length > TITLE_MAX) errors.title = MESSAGES.titleLong;
  else value.title = title.trim();

  return { errors, value: Object.keys(errors).length ? null : value };
}

function escapeText(text) {
  return String(text).replace(/[\\;,]/g, (c) => '\\' + c).replace(/\r\n|\r|\n/g, '\\n');
}

const octets = (codePoint) => (codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4);

// RFC 5545 §3.1: at most 75 octets a line, continuation lines start with one space (which
// counts). Splitting only between code points keeps every line valid UTF-8 on its own.
function fold(line) {
  const lines = [];
  let current = '';
  let used = 0;
  for (const char of line) {
    const size = octets(char.codePointAt(0));
    if (used + size > LINE_OCTETS) {
      lines.push(current);
      current = ' ';
      used = 1;
    }
    current += char;
    used += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

function utcStamp(date) {
  return `${pad(date.getUTCFullYear(), 4)}${pad(date.getUTCMonth() + 1)}${pad(date.getUTCDate())}T`
    + `${pad(date.getUTCHours())}${pad(date.getUTCMinutes())}${pad(date.getUTCSeconds())}Z`;
}

// The first chosen weekday on or after today (local). Today counts even if the time has passed:
// a past first occurrence is harmless, calendars just show the next ones, and it keeps "today"
// meaning the same thing whatever the time.
function firstDay(days, now) {
  const today = DAYS[(now.getDay() + 6) % 7];
  const ahead = DAYS.map((_, k) => DAYS[(DAYS.indexOf(today) + k) % 7]).findIndex((day) => days.includes(day));
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + ahead);
}

function cleanUid(uid, now) {
  const cleaned = typeof uid === 'string' || typeof uid === 'number' ? String(uid).replace(/[^A-Za-z0-9._-]/g, '').slice(0, 200) : '';
  return cleaned || `reminder-${now.getTime().toString(36)}`;
}

/** The .ics file for a reminder; throws for an invalid one.
    @param {Partial<Reminder> & { url?: string, now?: Date | number, uid?: string | number }} [options]
    @returns {string} */
function reminderCalendar({ days, time, title, url, now = new Date(), uid } = {}) {
  const { errors, value } = validateReminder({ days, time, title });
  if (!value) throw new Error(`Invalid reminder: ${Object.values(errors).join(' ')}`);
  const stamp = now instanceof Date ? now : new Date(now);
  if (!Number.isFinite(stamp.getTime())) throw new Error('Invalid reminder: now is not a date.');
  const link = typeof url === 'string' && url.length <= URL_MAX && SAFE_URL.test(url) ? url : null;

  const start = firstDay(value.days, stamp);
  const dtstart = `${pad(start.getFullYear(), 4)}${pad(start.getMonth() + 1)}${pad(start.getDate())}T${value.time.replace(':', '')}00`;
  const description = 'Time for your Relieve routine.' + (link ? '\n' + link : '');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Relieve//Reminders//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${cleanUid(uid, stamp)}@relieve`,
    `DTSTAMP:${utcStamp(stamp)}`,
    // Later files for the same reminder (same UID) carry a higher sequence, so a calendar
    // that matches on UID takes the newer days and time.
    `SEQUENCE:${Math.max(0, Math.floor((stamp.getTime() - Date.UTC(2024, 0, 1)) / 60000))}`,
    `DTSTART:${dtstart}`,
    'DURATION:PT15M',
    `RRULE:FREQ=WEEKLY;BYDAY=${value.days.join(',')}`,
    `SUMMARY:${escapeText(value.title)}`,
    `DESCRIPTION:${escapeText(description)}`,
  ];
  if (link) lines.push(`URL:${link}`);
  lines.push(
    // A reminder, not an appointment: it should not show the person as busy.
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0M',
    `DESCRIPTION:${escapeText(value.title)}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  );
  return lines.map(fold).join('\r\n') + '\r\n';
}

// "Mondays, Wednesdays and Fridays at 07:30", for the page to confirm what the file will do.
/** @param {Partial<Reminder>} [reminder] @returns {string} */
function describeReminder({ days, time } = {}) {
  const { value } = validateReminder({ days, time });
  if (!value) return '';
  const set = value.days.join(',');
  let when;
  if (value.days.length === 7) when = 'Every day';
  else if (set === 'MO,TU,WE,TH,FR') when = 'Weekdays';
  else if (set === 'SA,SU') when = 'Weekends';
  else {
    const names = value.days.map((day) => DAY_NAMES[day] + 's');
    when = names.length === 1 ? names[0] : names.slice(0, -1).join(', ') + ' and ' + names[names.length - 1];
  }
  return `${when} at ${value.time}`;
}

const filename = () => 'relieve-reminder.ics';

export { validateReminder, reminderCalendar, describeReminder, filename, escapeText, fold, DAYS, DEFAULT_TITLE, TITLE_MAX };
