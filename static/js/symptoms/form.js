/* The symptom log entry (/log/new, /log/new?id=<entry> to edit). A new entry starts empty and
   saves only what the person chose: the last entry's answers are offered as a visible "use these
   again" (listing what it copies), never copied unseen (issue 13). The body map is
   symptoms/bodymap.js. Checked with the same rules the server applies (symptoms/validate.js) before it is saved; an
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
import { LEVEL_LABELS, SENSATION_LABELS } from '../generated/contract.js';
import { createBodyMap, describeAreas } from './bodymap.js';


/** @typedef {{ loggedAt: HTMLInputElement, helpedOther: HTMLInputElement, notes: HTMLTextAreaElement }} LogFields */
const form = /** @type {HTMLFormElement & { elements: LogFields }} */ (byId('log-form'));
const params = new URLSearchParams(window.location.search);
const editId = params.get('id');
const FIELDS = ['loggedAt', 'legPain', 'backPain', 'areas', 'sensations', 'numbness', 'tingling', 'weakness', 'warningSigns',
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

const map = createBodyMap(byId('field-areas'), byId('areas-summary'));
const readAreas = () => map.read();
const setAreas = (areas) => map.set(areas);
const drawMap = () => map.draw();

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
  // A question left alone reads as null, and validateLog leaves it out of the entry.
  return {
    loggedAt: fromLocalInput(form.elements.loggedAt.value),
    legPain: leg === null ? null : Number(leg),
    backPain: back === null ? null : Number(back),
    numbness: radio('numbness'),
    tingling: radio('tingling'),
    weakness: radio('weakness'),
    areas: readAreas(),
    sensations: ticked('sensations'),
    warningSigns: ticked('warningSigns'),
    helped: ticked('helped'),
    helpedOther: form.elements.helpedOther.value,
    sleep: radio('sleep'),
    notes: form.elements.notes.value,
  };
}

/** The lasting picture "use these again" may copy from the last entry (not leg pain, which is
    always today's, nor warning signs, what helped or notes). */
const CARRIED = ['backPain', 'numbness', 'tingling', 'weakness', 'areas', 'sensations'];

/** Fill the carried fields from an entry; only those it has (an absent one stays as it is). */
function fillCarried(entry) {
  if (entry.backPain !== undefined && entry.backPain !== null) setRadio('backPain', entry.backPain);
  for (const name of ['numbness', 'tingling', 'weakness']) if (entry[name]) setRadio(name, entry[name]);
  if (entry.areas && Object.keys(entry.areas).length) setAreas(entry.areas);
  if (entry.sensations && entry.sensations.length) setTicked('sensations', entry.sensations);
  // An older entry's "numb" or "pins and needles" stays visible (and kept) when it is edited.
  for (const label of /** @type {NodeListOf<HTMLElement>} */ (form.querySelectorAll('label[data-asked-below]'))) {
    label.hidden = !/** @type {HTMLInputElement} */ (label.querySelector('input')).checked;
  }
}

function fill(entry) {
  setRadio('legPain', entry.legPain);
  fillCarried(entry);
  showClears();
  setTicked('warningSigns', entry.warningSigns);
  setTicked('helped', entry.helped);
  form.elements.helpedOther.value = entry.helpedOther || '';
  setRadio('sleep', entry.sleep);
  form.elements.notes.value = entry.notes || '';
  form.elements.loggedAt.value = toLocalInput(new Date(entry.loggedAt));
  if (entry.helped && entry.helped.length || entry.helpedOther || entry.sleep || entry.notes) /** @type {HTMLDetailsElement} */ (byId('more-fields')).open = true;
  countNotes();
}

// An optional question answered by mistake can be left unanswered again ("Clear back pain").
const clearButtons = Array.from(/** @type {NodeListOf<HTMLButtonElement>} */ (form.querySelectorAll('.clear-choice')));
function showClears() {
  for (const button of clearButtons) button.hidden = radio(button.dataset.clear) === null;
}
for (const button of clearButtons) {
  button.addEventListener('click', () => {
    setRadio(button.dataset.clear, null);
    showClears();
    /** @type {HTMLElement} */ (form.querySelector('input[name="' + button.dataset.clear + '"]')).focus();
  });
}
form.addEventListener('change', showClears);

function countNotes() {
  const counter = byId('notes-count');
  const max = Number(counter.dataset.max);
  const used = form.elements.notes.value.length;
  counter.textContent = used > max - 100 ? used + ' of ' + max + ' characters' : 'Up to ' + max + ' characters.';
}
form.elements.notes.addEventListener('input', countNotes);

// ---- errors ------------------------------------------------------------------------------------

const LABELS = {
  loggedAt: 'Date and time', legPain: 'Leg pain', backPain: 'Back pain', areas: 'Where you feel it', sensations: 'How it feels',
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

/** Everything an entry stores, one line each, and what it leaves out: the confirmation shows both. */
function storedLines(entry) {
  const lines = ['Leg pain: ' + entry.legPain + ' out of 10'];
  const missing = [];
  if (typeof entry.backPain === 'number') lines.push('Back pain: ' + entry.backPain + ' out of 10');
  else missing.push('back pain');
  const where = describeAreas(entry.areas || {});
  if (where) lines.push('Where: ' + where);
  else missing.push('where you feel it');
  if ((entry.sensations || []).length) lines.push('How it feels: ' + entry.sensations.map((s) => SENSATION_LABELS[s].toLowerCase()).join(', '));
  for (const name of ['numbness', 'tingling', 'weakness']) {
    if (entry[name]) lines.push(LABELS[name] + ': ' + LEVEL_LABELS[entry[name]].toLowerCase());
    else missing.push(name);
  }
  if ((entry.warningSigns || []).length) lines.push('Warning signs: ' + entry.warningSigns.length + ' ticked');
  if ((entry.helped || []).length || entry.helpedOther) lines.push('What helped: ' + [...(entry.helped || []), entry.helpedOther].filter(Boolean).join(', '));
  if (entry.sleep) lines.push('Sleep: ' + entry.sleep);
  if (entry.notes) lines.push('Notes: ' + entry.notes);
  return { lines, missing };
}

async function showSaved(entry) {
  form.hidden = true;
  byId('log-prefilled').hidden = true;
  byId('log-last').hidden = true;
  const panel = byId('log-saved');
  panel.hidden = false;
  const when = new Date(entry.loggedAt);
  byId('log-done-heading').textContent = editing ? 'Changes saved' : 'Saved';
  byId('log-done-text').textContent = 'For ' + when.toLocaleString([], { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }) + ', this entry holds:';
  const { lines, missing } = storedLines(entry);
  byId('log-done-list').replaceChildren(...lines.map((line) => Object.assign(document.createElement('li'), { textContent: line })));
  byId('log-done-missing').textContent = missing.length ? 'Not recorded this time: ' + missing.join(', ') + '.' : '';

  const state = await safety.current(); // reads the log too: the previous entry comes from it
  // "Worse than last time" compares with the last entry that had an answer: a quick entry in
  // between (weakness not asked, no areas chosen) must not read as "none".
  const lastWith = (has) => previousEntry(state.logs.filter(has), entry.loggedAt);
  const previous = {
    weakness: lastWith((l) => l.weakness)?.weakness,
    areas: lastWith((l) => Object.keys(l.areas || {}).length)?.areas || {},
  };
  const { explicit, suggested } = safetyRules.logTriggers(entry, /** @type {any} */ (previous));
  const block = byId('log-block');
  const blocked = Boolean(explicit.length && state.block);
  if (blocked) safety.renderBlock(block, state);
  else block.hidden = true;
  const suggest = byId('log-suggest');
  suggest.hidden = !(explicit.length || suggested.length);
  // With a warning sign ticked, what to do and who to call comes first, alone: the fuller
  // check is offered after the confirmation, as a plain button, so nothing competes with the
  // call button. A suggestion on its own (both legs on the map) stays above the confirmation.
  if (blocked) byId('log-done').after(suggest);
  else byId('log-done').before(suggest);
  byId('log-suggest-link').classList.toggle('primary', !blocked);
  if (!suggest.hidden) {
    const reasons = [];
    if (suggested.includes('both-legs')) reasons.push('you marked symptoms in both legs');
    if (suggested.includes('weakness-worse')) reasons.push('your leg weakness is worse than last time');
    byId('log-suggest-text').textContent = explicit.length
      ? 'Please also go through the full list of warning signs, one question at a time.'
      : 'Because ' + reasons.join(' and ') + ', please check for warning signs before your next routine.';
    /** @type {HTMLAnchorElement} */ (byId('log-suggest-link')).href = safety.checkUrl({ part: 'red-flags', source: 'log', signs: explicit, next: '/log/' });
  }
  // The form was scrolled (Save entry is at its foot) and is now gone: start at the top, so the
  // first thing seen is the urgent advice and its call button, or the confirmation.
  window.scrollTo(0, 0);
  if (blocked) {
    block.tabIndex = -1;
    block.focus({ preventScroll: true });
    announce('Entry saved. Please read the advice to get medical help.');
    return;
  }
  panel.focus({ preventScroll: true });
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
  drawMap();
  offerLast(await lastWithPicture());
}

/** The latest entry with something "use these again" could copy (a quick entry with leg pain
    alone has nothing, so the one before it is offered, with its own date). */
async function lastWithPicture() {
  const logs = (await store.all('logs').catch(() => []))
    .sort((a, b) => (a.loggedAt === b.loggedAt ? ((a.updatedAt || '') < (b.updatedAt || '') ? 1 : -1) : a.loggedAt < b.loggedAt ? 1 : -1));
  return logs.find((entry) => storedLines(carried(entry)).lines.length > 1) || null;
}

const carried = (entry) => ({ ...Object.fromEntries(CARRIED.map((k) => [k, entry[k]])), legPain: entry.legPain });

/** "Same as last time" for the lasting picture, as an explicit choice that says what it copies. */
function offerLast(last) {
  if (!last) return;
  const { lines } = storedLines(carried(last));
  const copied = lines.slice(1); // not leg pain: that is always today's
  if (!copied.length) return;
  const day = new Date(last.loggedAt).toLocaleDateString([], { day: 'numeric', month: 'short' });
  byId('log-last-text').textContent = 'Same as your last entry (' + day + ') for the rest? ' + copied.join('; ') + '.';
  byId('log-last').hidden = false;
  byId('log-use-last').addEventListener('click', () => {
    fillCarried(last);
    showClears();
    const text = byId('log-last-text');
    text.textContent = 'Copied from your last entry (' + day + '): ' + copied.join('; ') + '. Change anything that is different today.';
    byId('log-use-last').hidden = true;
    text.tabIndex = -1;
    text.focus();
    announce(text.textContent);
  }, { once: true });
}

form.addEventListener('submit', (event) => { submit(event).catch(() => {}); });
init().catch(() => drawMap()).finally(() => guard.saved());
