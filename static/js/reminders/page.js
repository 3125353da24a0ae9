/* The reminders page: pick days and a time, download a repeating calendar event (.ics, made by
   reminders/ics.js). The phone's calendar does the reminding, so no push service is needed and
   nothing leaves the device. The last choice is remembered to make a changed reminder easy. */
// @ts-check
import { byId, prefs } from '../lib/dom.js';
import { fillSummary, markField, stillWrong } from '../lib/form-errors.js';
import { uuid7 } from '../lib/ids.js';
import * as ics from './ics.js';

const form = byId('reminder-form');

const UID_KEY = 'relieve.reminder.uid';
const KEY = 'relieve.reminder';
const boxes = [.../** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="days"]'))];
const time = /** @type {HTMLInputElement} */ (byId('reminder-time'));
const title = /** @type {HTMLInputElement} */ (byId('reminder-title-input'));
const summary = byId('reminder-errors');
// Each field: the input(s) that get aria-invalid, the error element, and the input to focus.
const FIELDS = {
  days: { inputs: boxes, error: byId('days-error'), focus: boxes[0], describe: byId('reminder-days') },
  time: { inputs: [time], error: byId('time-error'), focus: time, describe: time },
  title: { inputs: [title], error: byId('title-error'), focus: title, describe: title },
};

const read = () => ({
  days: boxes.filter((box) => box.checked).map((box) => box.value),
  time: time.value,
  title: title.value,
});

/** @type {Record<string, string>} */
let shown = {}; // the errors on screen since the last try

function showErrors(errors, { focus = true } = {}) {
  shown = errors;
  for (const [name, field] of Object.entries(FIELDS)) {
    markField(field.inputs, field.error, errors[name], { describe: field.describe, keepDescribedBy: true });
  }
  const names = Object.keys(FIELDS).filter((name) => errors[name]);
  if (!names.length) {
    summary.hidden = true;
    summary.replaceChildren();
    return;
  }
  const heading = document.createElement('p');
  heading.textContent = names.length === 1 ? 'Please fix this to make the file:' : `Please fix these ${names.length} things to make the file:`;
  const list = document.createElement('ul');
  fillSummary(list, names.map((name) => ({
    text: errors[name],
    href: `#${FIELDS[name].focus.id || 'reminder-days'}`,
    focus: FIELDS[name].focus,
  })));
  summary.replaceChildren(heading, list);
  summary.hidden = false;
  if (focus) summary.focus();
}

// Each error goes as soon as it is fixed.
function clearFixed() {
  if (Object.keys(shown).length) showErrors(stillWrong(shown, ics.validateReminder(read()).errors), { focus: false });
}

function preview() {
  const text = ics.describeReminder(read());
  byId('reminder-preview').textContent = text ? `Reminder: ${text}.` : '';
}

function download(text, name) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/calendar;charset=utf-8' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const saved = prefs.getJSON(KEY);
if (saved && typeof saved === 'object') {
  if (Array.isArray(saved.days)) for (const box of boxes) box.checked = saved.days.includes(box.value);
  if (typeof saved.time === 'string') time.value = saved.time;
  if (typeof saved.title === 'string') title.value = saved.title;
}
preview();

form.addEventListener('change', () => { preview(); clearFixed(); });
form.addEventListener('input', () => { preview(); clearFixed(); });
for (const button of /** @type {NodeListOf<HTMLButtonElement>} */ (form.querySelectorAll('[data-days]'))) {
  button.addEventListener('click', () => {
    const days = button.dataset.days.split(' ');
    for (const box of boxes) box.checked = days.includes(box.value);
    preview();
    clearFixed();
  });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const input = read();
  const { errors, value } = ics.validateReminder(input);
  showErrors(errors);
  const status = byId('reminder-status');
  if (!value) {
    status.textContent = '';
    return;
  }
  try {
    // One id for this device's reminder: importing a changed file updates the event in
    // calendars that match on it, instead of adding a second one.
    let uid = prefs.get(UID_KEY);
    if (!uid) {
      uid = uuid7();
      prefs.set(UID_KEY, uid);
    }
    const text = ics.reminderCalendar({ ...input, url: `${window.location.origin}/`, now: new Date(), uid });
    download(text, ics.filename());
  } catch (error) {
    status.textContent = `The file could not be made: ${error.message}`;
    return;
  }
  prefs.setJSON(KEY, input);
  status.textContent = `Calendar file downloaded: ${ics.describeReminder(value)}. Open it to add the reminder to your calendar.`;
});
