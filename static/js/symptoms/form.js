/* The symptom log entry (/log/new, /log/new?id=<entry> to edit). A new entry starts from the
   last one's answers, so "the usual" is a tap on Save and a changed day is a few taps more.
   Checked with the same rules the server applies (symptoms/validate.js) before it is saved; an
   error goes as soon as it is fixed, and leaving with unsaved changes asks first. */
// @ts-check
import { announce, byId, confirmTap } from '../lib/dom.js';
import { fillSummary, markField, stillWrong } from '../lib/form-errors.js';
import { guardUnsaved } from '../lib/unsaved.js';
import { uuid7 } from '../lib/ids.js';
import * as days from '../lib/days.js';
import * as logRules from './validate.js';
import * as records from '../sync/records.js';
import * as safety from '../safety/state.js';
import * as safetyRules from '../safety/rules.js';
import * as store from '../lib/store.js';

const root = byId('log-entry');

/** @typedef {{ loggedAt: HTMLInputElement, helpedOther: HTMLInputElement, notes: HTMLTextAreaElement }} LogFields */
const form = /** @type {HTMLFormElement & { elements: LogFields }} */ (byId('log-form'));
const params = new URLSearchParams(window.location.search);
const editId = params.get('id');
const FIELDS = ['loggedAt', 'legPain', 'backPain', 'areas', 'numbness', 'tingling', 'weakness', 'warningSigns',
  'helped', 'helpedOther', 'sleep', 'notes'];
const OPTIONAL = ['helped', 'helpedOther', 'sleep', 'notes'];
let editing = null;

const { pad, localDay } = days;
/** A time as <input type="datetime-local"> shows it: the device's local time, to the minute. */
function toLocalInput(date) {
  return localDay(date) + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes());
}
function fromLocalInput(text) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text || '')) return '';
  const date = new Date(text); // local time, as typed
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

// ---- body map ------------------------------------------------------------------------------

const mapButtons = Array.from(/** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll('.bm-button')));
const regionLabels = {};
for (const button of mapButtons) regionLabels[button.dataset.region] = button.textContent.trim();

function drawMap() {
  const areas = readAreas();
  for (const shape of /** @type {NodeListOf<SVGElement>} */ (root.querySelectorAll('.bm-region'))) {
    const side = areas[shape.dataset.region];
    shape.classList.toggle('on', side === 'both' || side === shape.dataset.side);
  }
  const parts = Object.entries(areas).map(([region, side]) => regionLabels[region] + ' (' + side + ')');
  byId('areas-summary').textContent = parts.length ? 'Chosen: ' + parts.join(', ') : 'Nothing chosen';
}

function readAreas() {
  const areas = {};
  for (const button of mapButtons) {
    if (button.getAttribute('aria-pressed') !== 'true') continue;
    const { region, side } = button.dataset;
    areas[region] = areas[region] && areas[region] !== side ? 'both' : side;
  }
  return areas;
}

function setAreas(areas) {
  for (const button of mapButtons) {
    const side = areas[button.dataset.region];
    button.setAttribute('aria-pressed', String(side === 'both' || side === button.dataset.side));
  }
  drawMap();
}

const buttonFor = (region, side) => mapButtons.find((b) => b.dataset.region === region && b.dataset.side === side);
for (const button of mapButtons) {
  button.addEventListener('click', () => {
    button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
    drawMap();
  });
}
// The drawing is a second, bigger way to tap the same choices.
for (const shape of /** @type {NodeListOf<SVGElement>} */ (root.querySelectorAll('.bm-region'))) {
  shape.addEventListener('click', () => buttonFor(shape.dataset.region, shape.dataset.side).click());
}

// ---- reading and filling the form ------------------------------------------------------------

const radio = (name) => {
  const checked = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="' + name + '"]:checked'));
  return checked ? checked.value : null;
};
const ticked = (name) => Array.from(/** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="' + name + '"]:checked')), (i) => i.value);
const setRadio = (name, value) => {
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="' + name + '"]'))) input.checked = input.value === String(value);
};
const setTicked = (name, values) => {
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="' + name + '"]'))) input.checked = (values || []).includes(input.value);
};

function read() {
  const leg = radio('legPain');
  const back = radio('backPain');
  return {
    loggedAt: fromLocalInput(form.elements.loggedAt.value),
    legPain: leg === null ? null : Number(leg),
    backPain: back === null ? null : Number(back),
    numbness: radio('numbness'),
    tingling: radio('tingling'),
    weakness: radio('weakness'),
    areas: readAreas(),
    warningSigns: ticked('warningSigns'),
    helped: ticked('helped'),
    helpedOther: form.elements.helpedOther.value,
    sleep: radio('sleep'),
    notes: form.elements.notes.value,
  };
}

function fill(entry, { usual = false } = {}) {
  setRadio('legPain', entry.legPain);
  setRadio('backPain', entry.backPain);
  for (const name of ['numbness', 'tingling', 'weakness']) setRadio(name, entry[name] || 'none');
  setAreas(entry.areas || {});
  // Only the lasting picture carries over to a new entry: not warning signs, what helped, or notes.
  if (usual) return;
  setTicked('warningSigns', entry.warningSigns);
  setTicked('helped', entry.helped);
  form.elements.helpedOther.value = entry.helpedOther || '';
  setRadio('sleep', entry.sleep);
  form.elements.notes.value = entry.notes || '';
  form.elements.loggedAt.value = toLocalInput(new Date(entry.loggedAt));
  if (entry.helped && entry.helped.length || entry.helpedOther || entry.sleep || entry.notes) /** @type {HTMLDetailsElement} */ (byId('more-fields')).open = true;
  countNotes();
}

function countNotes() {
  const counter = byId('notes-count');
  const max = Number(counter.dataset.max);
  const used = form.elements.notes.value.length;
  counter.textContent = used > max - 100 ? used + ' of ' + max + ' characters' : 'Up to ' + max + ' characters.';
}
form.elements.notes.addEventListener('input', countNotes);

// ---- errors ------------------------------------------------------------------------------------

const LABELS = {
  loggedAt: 'Date and time', legPain: 'Leg pain', backPain: 'Back pain', areas: 'Where you feel it',
  numbness: 'Numbness', tingling: 'Tingling', weakness: 'Weakness', warningSigns: 'Warning signs',
  helped: 'What helped', helpedOther: 'Something else that helped', sleep: 'Sleep', notes: 'Notes',
};

/** @type {Record<string, string>} */
let shown = {}; // the errors on screen since the last try

function showErrors(errors, { focus = true } = {}) {
  shown = errors;
  const list = byId('log-error-list');
  for (const field of FIELDS) {
    const wrapper = byId('field-' + field);
    const control = wrapper.matches('fieldset') ? wrapper : wrapper.querySelector('input, textarea');
    markField(control, byId(field + '-error'), errors[field], { validDescribedBy: field === 'notes' ? 'notes-count' : undefined });
  }
  // Links to the field's wrapper, as a plain fragment.
  fillSummary(list, FIELDS.filter((field) => errors[field]).map((field) => ({
    text: LABELS[field] + ': ' + errors[field],
    href: '#field-' + field,
  })));
  const any = list.children.length > 0;
  byId('log-errors').hidden = !any;
  if (any) {
    if (OPTIONAL.some((f) => errors[f])) /** @type {HTMLDetailsElement} */ (byId('more-fields')).open = true;
    if (focus) byId('log-errors').focus();
  }
}

// Each error goes as soon as it is fixed (the body map's buttons change the form by click).
function clearFixed() {
  if (Object.keys(shown).length) showErrors(stillWrong(shown, logRules.validateLog(read()).errors), { focus: false });
}
for (const type of ['input', 'change', 'click']) form.addEventListener(type, () => { setTimeout(clearFixed, 0); });

// ---- saving ------------------------------------------------------------------------------------

/** The latest entry before a time, other than the one being edited. */
function previousEntry(logs, before) {
  return logs.filter((l) => l.id !== (editing && editing.id) && l.loggedAt < before)
    .sort((a, b) => (a.loggedAt < b.loggedAt ? 1 : -1))[0] || null;
}

async function submit(event) {
  event.preventDefault();
  refreshNow();
  const { errors, value } = logRules.validateLog(read());
  showErrors(errors);
  if (Object.keys(errors).length) return;
  const buttons = /** @type {NodeListOf<HTMLButtonElement>} */ (form.querySelectorAll('button[type="submit"]'));
  buttons.forEach((b) => { b.disabled = true; });
  let saved;
  try {
    const id = editing ? editing.id : uuid7();
    saved = await records.save('symptom_log', { ...value, id });
    guard.release();
  } catch (error) {
    buttons.forEach((b) => { b.disabled = false; });
    showErrors({});
    byId('log-error-list').replaceChildren(Object.assign(document.createElement('li'), { textContent: 'The entry could not be saved on this device: ' + error.message }));
    byId('log-errors').hidden = false;
    return;
  }
  await showSaved(saved);
}

async function showSaved(entry) {
  form.hidden = true;
  byId('log-prefilled').hidden = true;
  const panel = byId('log-saved');
  panel.hidden = false;
  const when = new Date(entry.loggedAt);
  byId('log-done-heading').textContent = editing ? 'Changes saved' : 'Saved';
  byId('log-done-text').textContent = 'Leg pain ' + entry.legPain + ', back pain ' + entry.backPain + ', '
    + when.toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) + '.';

  const state = await safety.current(); // reads the log too: the previous entry comes from it
  const { explicit, suggested } = safetyRules.logTriggers(entry, previousEntry(state.logs, entry.loggedAt));
  const block = byId('log-block');
  if (explicit.length && state.block) safety.renderBlock(block, state);
  else block.hidden = true;
  const suggest = byId('log-suggest');
  suggest.hidden = !(explicit.length || suggested.length);
  if (!suggest.hidden) {
    const reasons = [];
    if (suggested.includes('both-legs')) reasons.push('you marked symptoms in both legs');
    if (suggested.includes('weakness-worse')) reasons.push('your leg weakness is worse than last time');
    byId('log-suggest-text').textContent = explicit.length
      ? 'Please also go through the full list of warning signs, one question at a time.'
      : 'Because ' + reasons.join(' and ') + ', please check for warning signs before your next routine.';
    /** @type {HTMLAnchorElement} */ (byId('log-suggest-link')).href = safety.checkUrl({ part: 'red-flags', source: 'log', signs: explicit, next: '/log/' });
  }
  panel.focus();
  announce(byId('log-done-heading').textContent + '. ' + byId('log-done-text').textContent);
}

// "Now" means when Save is tapped: an app left open (or resumed from the background hours
// later) moves the untouched default time along, so the entry lands on the right day.
let timeTouched = false;
function refreshNow() {
  const now = new Date();
  form.elements.loggedAt.max = toLocalInput(now);
  if (!timeTouched && !editing) form.elements.loggedAt.value = toLocalInput(now);
}
form.elements.loggedAt.addEventListener('input', () => { timeTouched = true; });
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') refreshNow(); });
window.addEventListener('pageshow', refreshNow);

// What the person has changed: the time counts only once they set it ("now" moves along).
const guard = guardUnsaved(form, { snapshot: () => JSON.stringify({ ...read(), loggedAt: timeTouched ? form.elements.loggedAt.value : null }) });

async function init() {
  refreshNow();
  if (editId) {
    editing = await store.get('logs', editId).catch(() => null);
    if (!editing) {
      byId('log-heading').textContent = 'Entry not found';
      form.hidden = true;
      byId('log-prefilled').hidden = false;
      byId('log-prefilled').textContent = 'This entry is not on this device. It may have been deleted.';
      return;
    }
    byId('log-heading').textContent = 'Edit entry';
    document.title = 'Edit entry · Relieve';
    fill(editing);
    const del = byId('log-delete');
    del.hidden = false;
    confirmTap(del, 'Tap again to delete', async () => {
      await records.remove('symptom_log', editing.id);
      guard.release();
      window.location.assign('/log/?deleted=1');
    });
    return;
  }
  const last = previousEntry(await store.all('logs').catch(() => []), '9999');
  if (last) {
    fill(last, { usual: true });
    const hint = byId('log-prefilled');
    hint.hidden = false;
    hint.textContent = 'Filled in from your last entry (' + new Date(last.loggedAt).toLocaleDateString([], { day: 'numeric', month: 'short' })
      + '). Change anything that is different today, then Save.';
  } else {
    drawMap();
  }
}

form.addEventListener('submit', (event) => { submit(event).catch(() => {}); });
init().catch(() => drawMap()).finally(() => guard.saved());
