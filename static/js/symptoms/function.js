/* The weekly function check-in (/log/function), after the Patient-Specific Functional Scale
   (Stratford 1995): the person names 3 to 5 activities (`activity` records), then once a week
   rates each 0-10, with walking and sitting tolerance and a 7-point rating of change
   (`function_check` records). Works offline; both sync like any record. */
// @ts-check
import { announce, byId, confirmTap, make } from '../lib/dom.js';
import { uuid7 } from '../lib/ids.js';
import * as store from '../lib/store.js';
import * as records from '../sync/records.js';
import { ACTIVITIES_MAX, ACTIVITIES_MIN, CHANGE_LABELS, MINUTES_MAX } from '../generated/contract.js';
import { nameError, validateCheck } from './function-validate.js';
import { checkDue, mean } from './checkin.js';
import { functionSummary } from '../insights/measures.js';
import { errorDisplay, fromLocalInput, shortTime, toLocalInput } from './form-kit.js';

/** @typedef {import('./function-validate.js').Activity & { id: string }} Activity */
/** @typedef {import('./function-validate.js').FunctionCheck & { id: string }} Check */

const setupForm = /** @type {HTMLFormElement} */ (byId('setup-form'));
const checkForm = /** @type {HTMLFormElement} */ (byId('check-form'));
const nameInputs = Array.from(/** @type {NodeListOf<HTMLInputElement>} */ (setupForm.querySelectorAll('input[name="activity"]')));
const checkedAt = /** @type {HTMLInputElement} */ (byId('checked-at'));
const walk = /** @type {HTMLInputElement} */ (byId('walk-minutes'));
const sit = /** @type {HTMLInputElement} */ (byId('sit-minutes'));

/** @type {Activity[]} the active activities, in the order they were added */
let active = [];
let timeTouched = false;

// ---- set-up --------------------------------------------------------------------------------------

/** Errors by field: `activity-<i>` for a name, `activities` for the count. */
function checkSetup() {
  /** @type {Record<string, string>} */
  const errors = {};
  const names = nameInputs.map((input) => input.value.trim());
  nameInputs.forEach((input, i) => {
    if (!input.value.trim()) return; // an empty box is an activity left out
    const message = nameError(input.value);
    if (message) errors['activity-' + i] = message;
  });
  const filled = names.filter(Boolean);
  if (filled.length < ACTIVITIES_MIN) {
    errors.activities = 'Name at least ' + ACTIVITIES_MIN + ' activities (up to ' + ACTIVITIES_MAX + ').';
  } else if (new Set(filled.map((n) => n.toLowerCase())).size !== filled.length) {
    errors.activities = 'Two activities have the same name.';
  }
  return errors;
}
// Typing is hard for someone in pain: an example fills the first empty box, ready to reword.
const examples = /** @type {NodeListOf<HTMLButtonElement>} */ (setupForm.querySelectorAll('button[data-example]'));
function markUsedExamples() {
  const used = new Set(nameInputs.map((input) => input.value.trim().toLowerCase()));
  for (const button of examples) button.hidden = used.has(String(button.dataset.example).toLowerCase());
}
for (const button of examples) {
  button.addEventListener('click', () => {
    const empty = nameInputs.find((input) => !input.value.trim());
    if (!empty) {
      announce('All ' + ACTIVITIES_MAX + ' boxes are filled. Clear one to use this example.');
      return;
    }
    empty.value = String(button.dataset.example);
    empty.dispatchEvent(new Event('input', { bubbles: true }));
    markUsedExamples();
    empty.focus();
  });
}
for (const input of nameInputs) input.addEventListener('input', markUsedExamples);

const setupLabels = { activities: 'Your activities', ...Object.fromEntries(nameInputs.map((_, i) => ['activity-' + i, 'Activity ' + (i + 1)])) };
const setupErrors = errorDisplay({ form: setupForm, prefix: 'setup', labels: setupLabels, check: checkSetup });

/** Box i holds active[i]: a changed name renames it, an emptied box archives it (its past ratings
    keep the name they were given). */
async function saveSetup(event) {
  event.preventDefault();
  const errors = checkSetup();
  setupErrors.show(errors);
  if (Object.keys(errors).length) return;
  // Added a millisecond apart, so they keep the order they were typed in.
  const now = Date.now() - nameInputs.length;
  const writes = [];
  nameInputs.forEach((input, i) => {
    const name = input.value.trim();
    const current = active[i];
    if (current && !name) writes.push({ ...current, archived: true });
    else if (current && name !== current.name) writes.push({ ...current, name });
    else if (!current && name) writes.push({ id: uuid7(), name, addedAt: new Date(now + i).toISOString(), archived: false });
  });
  for (const record of writes) await records.save('activity', record);
  await draw();
  /** @type {HTMLDetailsElement} */ (byId('setup')).open = false;
  status('Your activities are saved. Rate them below.');
  byId('checkin-heading').setAttribute('tabindex', '-1');
  byId('checkin-heading').focus();
}

// ---- the weekly check-in ----------------------------------------------------------------------

const number = (input) => (input.value.trim() === '' ? null : Number(input.value));

function readCheck() {
  const ratings = [];
  for (const activity of active) {
    const checked = /** @type {HTMLInputElement | null} */ (checkForm.querySelector('input[name="score-' + activity.id + '"]:checked'));
    ratings.push({ activity: activity.id, name: activity.name, score: checked ? Number(checked.value) : null });
  }
  const change = /** @type {HTMLInputElement | null} */ (checkForm.querySelector('input[name="change"]:checked'));
  return {
    checkedAt: fromLocalInput(checkedAt.value),
    ratings,
    walkMinutes: number(walk),
    sitMinutes: number(sit),
    change: change ? Number(change.value) : null,
  };
}

function checkCheck() {
  const errors = validateCheck(readCheck()).errors;
  // Each activity is rated (the scale's average compares like with like from week to week): a
  // score left out reads as null, which the rules refuse. The scale asks how able the person is
  // now, so an activity not tried this week can still be rated: the message says so.
  for (const activity of active) {
    if (errors['score-' + activity.id]) {
      errors['score-' + activity.id] = 'Choose how well you could do this now, from 0 (unable) to 10 (as before), even if you did not try it this week.';
    }
  }
  if (walk.validity.badInput) errors.walkMinutes = 'Enter whole minutes, from 0 to ' + MINUTES_MAX + ', or leave it empty.';
  if (sit.validity.badInput) errors.sitMinutes = 'Enter whole minutes, from 0 to ' + MINUTES_MAX + ', or leave it empty.';
  return errors;
}
/** @type {Record<string, string>} */
const checkLabels = { walkMinutes: 'Walking', sitMinutes: 'Sitting', change: 'Compared with the start', checkedAt: 'Date and time' };
const checkErrors = errorDisplay({ form: checkForm, prefix: 'check', labels: checkLabels, check: checkCheck });

async function saveCheck(event) {
  event.preventDefault();
  refreshNow();
  const errors = checkCheck();
  checkErrors.show(errors);
  if (Object.keys(errors).length) return;
  const { value } = validateCheck(readCheck());
  const saved = await records.save('function_check', { ...value, id: uuid7() });
  checkForm.reset();
  checkOpened = false; // folded again behind "Check in again now" by the redraw
  timeTouched = false;
  refreshNow();
  await draw();
  const average = mean(saved.ratings.map((r) => r.score));
  status('Check-in saved' + (average === null ? '.' : ': average ' + average + ' out of 10 across ' + saved.ratings.length + ' activities.')
    + sinceFirst(functionSummary(await store.all('checks').catch(() => [])).psfs) + ' The next one is due in a week.');
}

/** The average against the first check-in, as Insights says it (a change of PSFS_MIC or more is
    one most people notice): said straight away, not only on another page.
    @param {{ first: number, latest: number, change: number | null, meaningful?: boolean | null } | null} psfs */
function sinceFirst(psfs) {
  if (!psfs || psfs.change === null) return '';
  if (psfs.change === 0) return ' The same as your first check-in.';
  const size = Math.abs(psfs.change);
  const points = `${size} point${size === 1 ? '' : 's'}`;
  return ` ${psfs.change > 0 ? 'Up' : 'Down'} ${points} since your first check-in (${psfs.first} then ${psfs.latest})`
    + `${psfs.meaningful ? ', a change most people notice' : ''}.`;
}

// ---- drawing --------------------------------------------------------------------------------------

function status(text) {
  const node = byId('function-status');
  node.hidden = false;
  node.textContent = text;
  announce(text);
  // The form is redrawn empty under the person's thumb: show them the save went through.
  node.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'auto' : 'smooth' });
}

function drawRatings() {
  const previous = byId('ratings');
  // Keep the scores already chosen when redrawn by a sync.
  const chosen = new Map(Array.from(/** @type {NodeListOf<HTMLInputElement>} */ (previous.querySelectorAll('input:checked')), (i) => [i.name, i.value]));
  previous.replaceChildren(...active.map((activity) => {
    const name = 'score-' + activity.id;
    checkLabels[name] = activity.name; // the error summary names the activity
    const fieldset = make('fieldset', { className: 'choice-field score-field', id: 'field-' + name });
    fieldset.append(make('legend', { textContent: activity.name }));
    const scale = make('div', { className: 'scale' });
    for (let n = 0; n <= 10; n += 1) {
      const input = make('input', { type: 'radio', name, value: String(n) });
      input.checked = chosen.get(name) === String(n);
      const word = n === 0 ? ', unable to do it' : n === 10 ? ', as before the problem' : '';
      input.setAttribute('aria-label', n + word);
      scale.append(make('label', {}, input, make('span', { textContent: String(n) })));
    }
    fieldset.append(scale, make('p', { className: 'field-error', id: name + '-error', hidden: true }));
    return fieldset;
  }));
}

/** @param {Check} check */
function checkItem(check) {
  const li = make('li', { className: 'treatment-item' });
  const average = mean(check.ratings.map((r) => r.score));
  li.append(make('p', {}, make('strong', { textContent: shortTime(check.checkedAt) }),
    average === null ? '' : ' · average ' + average + ' out of 10'));
  if (check.ratings.length) li.append(make('p', { textContent: check.ratings.map((r) => r.name + ': ' + r.score).join(' · ') }));
  const more = [];
  if (check.walkMinutes !== null && check.walkMinutes !== undefined) more.push('walking ' + check.walkMinutes + ' min');
  if (check.sitMinutes !== null && check.sitMinutes !== undefined) more.push('sitting ' + check.sitMinutes + ' min');
  if (check.change !== null && check.change !== undefined) more.push('compared with the start: ' + CHANGE_LABELS[String(check.change)].toLowerCase());
  if (more.length) li.append(make('p', { className: 'tile-meta', textContent: more.join(' · ') }));
  const label = 'check-in of ' + shortTime(check.checkedAt);
  const del = make('button', { type: 'button', className: 'button quiet', textContent: 'Delete' });
  del.setAttribute('aria-label', 'Delete ' + label);
  confirmTap(del, 'Tap again to delete', async () => {
    await records.remove('function_check', check.id);
    await draw();
    byId('history-heading').focus();
    announce('Deleted ' + label + '.');
  }, 'Tap again to delete ' + label);
  li.append(make('p', { className: 'item-actions' }, del));
  return li;
}

function refreshNow() {
  const now = new Date();
  checkedAt.max = toLocalInput(now);
  if (!timeTouched) checkedAt.value = toLocalInput(now);
}
checkedAt.addEventListener('input', () => { timeTouched = true; });

let drawn = '';
let drawnOnce = false;
let checkOpened = false;
async function draw() {
  /** @type {Activity[]} */
  const activities = await store.all('activities').catch(() => []);
  /** @type {Check[]} */
  const checks = (await store.all('checks').catch(() => [])).sort((a, b) => (a.checkedAt < b.checkedAt ? 1 : -1));
  const signature = JSON.stringify([activities, checks]);
  if (signature === drawn) return;
  drawn = signature;
  active = activities.filter((a) => !a.archived).sort((a, b) => (a.addedAt < b.addedAt ? -1 : a.addedAt > b.addedAt ? 1 : a.id < b.id ? -1 : 1)).slice(0, ACTIVITIES_MAX);
  nameInputs.forEach((input, i) => { input.value = active[i] ? active[i].name : ''; });
  markUsedExamples();
  const setUp = active.length > 0;
  const setup = /** @type {HTMLDetailsElement} */ (byId('setup'));
  byId('setup-summary').textContent = setUp ? 'Change your activities' : 'Choose your activities';
  // Open for the set-up; once set up, folded away as "Change your activities" (on the first draw
  // only: afterwards the person's own opening or closing stands).
  if (!setUp) setup.open = true;
  else if (!drawnOnce) setup.open = false;
  drawnOnce = true;
  byId('checkin').hidden = !setUp;
  drawRatings();
  const { due, last, next } = checkDue(activities, checks, Date.now());
  byId('checkin-when').textContent = !last ? 'Your first check-in: it sets the starting point.'
    : due ? 'Your weekly check-in is due (the last was ' + shortTime(last) + ').'
      : 'Last check-in ' + shortTime(last) + '. The next is due from ' + new Date(next).toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'short' }) + '; you can check in sooner if you like.';
  // Checked in this week: the form waits behind "Check in again now" (an empty form asking again
  // straight after a save read as being asked to do it twice), unless the person opened it.
  showCheck(!last || due || checkOpened);
  // "Compared with when you started" means nothing at the first check-in.
  const change = byId('field-change');
  change.hidden = checks.length === 0;
  if (change.hidden) for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (change.querySelectorAll('input'))) input.checked = false;
  byId('history').hidden = checks.length === 0;
  byId('check-list').replaceChildren(...checks.slice(0, 20).map(checkItem));
}

/** The check-in form, or the button that opens it. @param {boolean} open */
function showCheck(open) {
  checkForm.hidden = !open;
  const again = byId('check-again');
  again.hidden = open;
  again.setAttribute('aria-expanded', String(open));
}

byId('check-again').addEventListener('click', () => {
  checkOpened = true;
  showCheck(true);
  const first = /** @type {HTMLInputElement | null} */ (checkForm.querySelector('input'));
  if (first) first.focus();
});
setupForm.addEventListener('submit', (event) => { saveSetup(event).catch(() => {}); });
checkForm.addEventListener('submit', (event) => { saveCheck(event).catch(() => {}); });
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') refreshNow(); });
refreshNow();
draw().catch(() => {});
records.onChange(() => draw().catch(() => {}), { types: ['activity', 'function_check'], remote: true });
window.addEventListener('relieve:synced', () => draw().catch(() => {}));
