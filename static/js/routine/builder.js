/* The routine builder (/routines/new, ?id=<id> to edit, ?from=<built-in id> to copy). Saved in
   IndexedDB on the device; validated with the player's own rules before anything is saved. */
// @ts-check
import { announce, byId, formatMinutes } from '../lib/dom.js';
import { fillSummary, markField, stillWrong } from '../lib/form-errors.js';
import { guardUnsaved } from '../lib/unsaved.js';
import { uuid7 } from '../lib/ids.js';
import * as catalog from '../lib/catalog.js';
import * as expand from './expand.js';
import * as records from '../sync/records.js';
import * as store from '../lib/store.js';
import { flaggedText, latestFlags, startingStep } from './starting.js';

const form = /** @type {HTMLFormElement} */ (byId('builder'));

const list = byId('builder-steps');
const template = /** @type {HTMLTemplateElement} */ (byId('step-template'));
const params = new URLSearchParams(window.location.search);
let data = null;
let editing = null; // the saved record being edited, if any
/** @type {Map<string, string>} technique → when it was marked as making things worse */
let flagged = new Map();

const amountField = (technique) => (technique.dosing.type === 'time'
  ? { key: 'seconds', label: 'Seconds', min: 5, max: 600 }
  : { key: 'reps', label: 'Reps', min: 1, max: 50 });

function stepElement(step) {
  const technique = data.techniques[step.technique];
  const li = /** @type {HTMLLIElement} */ (template.content.firstElementChild.cloneNode(true));
  li.dataset.technique = step.technique;
  li.querySelector('.field-error').id = `err-${Math.random().toString(36).slice(2, 9)}`;
  li.querySelector('.step-title').textContent = technique.name;
  const amount = amountField(technique);
  const id = () => `f${Math.random().toString(36).slice(2, 9)}`;
  /** @type {NodeListOf<HTMLInputElement | HTMLSelectElement>} */ (li.querySelectorAll('[data-field]')).forEach((input) => {
    input.id = id();
    /** @type {HTMLLabelElement} */ (li.querySelector(`[data-for="${input.dataset.field}"]`)).htmlFor = input.id;
  });
  li.querySelector('[data-for="amount"]').textContent = amount.label;
  const amountInput = /** @type {HTMLInputElement} */ (li.querySelector('[data-field="amount"]'));
  amountInput.min = String(amount.min);
  amountInput.max = String(amount.max);
  amountInput.value = step[amount.key] ?? technique.dosing[amount.key];
  /** @type {HTMLInputElement} */ (li.querySelector('[data-field="sets"]')).value = step.sets ?? technique.dosing.sets;
  /** @type {HTMLSelectElement} */ (li.querySelector('[data-field="sides"]')).value = step.sides || (technique.dosing.per_side ? 'left-right' : 'none');
  /** @type {HTMLInputElement} */ (li.querySelector('[data-field="rest"]')).value = step.rest ?? 15;
  // Marked as making things worse: the player leaves it out, so say so here, with a way to the
  // card that can clear the mark.
  const note = /** @type {HTMLElement} */ (li.querySelector('.step-flag'));
  note.hidden = !flagged.has(step.technique);
  if (!note.hidden) {
    const link = document.createElement('a');
    link.href = technique.url;
    link.textContent = `${technique.name} card`;
    note.replaceChildren(`${flaggedText(flagged.get(step.technique))} `, link);
  }
  return li;
}

const intOrNull = (value) => (value.trim() === '' ? null : Number(value));

function readRoutine() {
  const steps = Array.from(/** @type {HTMLCollectionOf<HTMLLIElement>} */ (list.children), (li) => {
    const technique = data.techniques[li.dataset.technique];
    const amount = amountField(technique);
    const field = (name) => /** @type {HTMLInputElement | HTMLSelectElement} */ (li.querySelector(`[data-field="${name}"]`)).value;
    return {
      technique: li.dataset.technique,
      [amount.key]: intOrNull(field('amount')),
      sets: intOrNull(field('sets')),
      sides: /** @type {import('./expand.js').RoutineStep['sides']} */ (field('sides')), // a <select> of these
      rest: intOrNull(field('rest')),
    };
  });
  return { name: /** @type {HTMLInputElement} */ (byId('routine-name')).value.trim(), steps };
}

function refresh() {
  const items = Array.from(list.children);
  items.forEach((li, i) => {
    /** @type {HTMLButtonElement} */ (li.querySelector('[data-action="up"]')).disabled = i === 0;
    /** @type {HTMLButtonElement} */ (li.querySelector('[data-action="down"]')).disabled = i === items.length - 1;
    li.querySelectorAll('button').forEach((b) => {
      b.setAttribute('aria-label', `${b.textContent}: step ${i + 1}, ${li.querySelector('.step-title').textContent}`);
    });
  });
  byId('no-steps').hidden = items.length > 0;
  const routine = readRoutine();
  const check = expand.validateRoutine({ ...routine, name: routine.name || 'x' }, data.techniques);
  byId('builder-total').textContent = check.ok && items.length
    ? `Total time: ${formatMinutes(expand.totalSeconds(expand.expandRoutine({ ...routine, name: 'x' }, data.techniques)))}`
    : '';
}

let shown = []; // the errors on screen since the last try
const errorKey = (error) => `${error.step ?? ''}:${error.field}`;

function showErrors(errors, { focus = true } = {}) {
  shown = errors;
  const box = byId('builder-errors');
  /** @type {NodeListOf<HTMLElement>} */ (list.querySelectorAll('.field-error')).forEach((p) => { p.hidden = true; p.textContent = ''; });
  form.querySelectorAll('[aria-invalid]').forEach((input) => {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  });
  if (!errors.length) {
    box.hidden = true;
    return;
  }
  const fieldNames = { seconds: 'amount', reps: 'amount', sets: 'sets', sides: 'sides', rest: 'rest' };
  for (const error of errors) {
    if (error.step === null || error.step === undefined) {
      if (error.field === 'name') byId('routine-name').setAttribute('aria-invalid', 'true');
      continue;
    }
    const li = list.children[error.step];
    if (!li) continue;
    // A step has one error text: a second problem with the same step adds to it.
    const p = /** @type {HTMLElement} */ (li.querySelector('.field-error'));
    const input = li.querySelector(`[data-field="${fieldNames[error.field]}"]`);
    markField(input ? [input] : [], p, [p.textContent, error.message].filter(Boolean).join(' '));
  }
  box.replaceChildren();
  const heading = document.createElement('p');
  heading.textContent = errors.length === 1 ? 'Please fix this to save:' : `Please fix these ${errors.length} things to save:`;
  const ul = document.createElement('ul');
  fillSummary(ul, errors.map((error) => ({ text: error.message })));
  box.append(heading, ul);
  box.hidden = false;
  if (focus) box.focus();
}

// Each error goes as soon as it is fixed; new ones wait for the next Save.
function clearFixed() {
  if (!shown.length || !data) return;
  const now = expand.validateRoutine(readRoutine(), data.techniques);
  const nowByKey = Object.fromEntries((now.ok ? [] : now.errors).map((e) => [errorKey(e), e.message]));
  const keep = stillWrong(Object.fromEntries(shown.map((e) => [errorKey(e), e.message])), nowByKey);
  showErrors(shown.filter((e) => keep[errorKey(e)]), { focus: false });
}

function move(li, offset) {
  const target = offset < 0 ? li.previousElementSibling : li.nextElementSibling;
  if (!target) return;
  if (offset < 0) list.insertBefore(li, target);
  else list.insertBefore(target, li);
  refresh();
  const same = li.querySelector(`[data-action="${offset < 0 ? 'up' : 'down'}"]`);
  // At the top or bottom that button is now disabled: focus its enabled partner instead.
  (same.disabled ? li.querySelector(`[data-action="${offset < 0 ? 'down' : 'up'}"]`) : same).focus();
  const position = Array.from(list.children).indexOf(li) + 1;
  announce(`${li.querySelector('.step-title').textContent} moved to step ${position}`);
}

list.addEventListener('click', (event) => {
  const button = /** @type {HTMLElement | null} */ (/** @type {Element} */ (event.target).closest('[data-action]'));
  if (!button) return;
  const li = button.closest('li');
  if (button.dataset.action === 'up') move(li, -1);
  else if (button.dataset.action === 'down') move(li, 1);
  else if (button.dataset.action === 'remove') {
    const next = li.nextElementSibling || li.previousElementSibling;
    announce(`${li.querySelector('.step-title').textContent} removed`);
    li.remove();
    refresh();
    clearFixed();
    /** @type {HTMLElement} */ (next ? next.querySelector('[data-action="remove"]') : byId('add-technique')).focus();
  }
});
list.addEventListener('input', refresh);
form.addEventListener('input', clearFixed);
form.addEventListener('change', clearFixed);
// Leaving with unsaved changes asks first.
const guard = guardUnsaved(form, { snapshot: () => (data ? JSON.stringify(readRoutine()) : '') });

// Drag by the handle with pointer events: works with touch, pen and mouse alike.
list.addEventListener('pointerdown', (event) => {
  const handle = /** @type {Element} */ (event.target).closest('.drag-handle');
  if (!handle) return;
  event.preventDefault();
  const li = handle.closest('li');
  li.classList.add('dragging');
  // Listen on the document: moving the dragged element in the DOM drops pointer capture.
  const onMove = (e) => {
    if (e.pointerId !== event.pointerId) return;
    const over = Array.from(list.children).find((item) => {
      const box = item.getBoundingClientRect();
      return item !== li && e.clientY > box.top && e.clientY < box.bottom;
    });
    if (!over) return;
    const box = over.getBoundingClientRect();
    list.insertBefore(li, e.clientY < box.top + box.height / 2 ? over : over.nextElementSibling);
  };
  const onUp = (e) => {
    if (e.pointerId !== event.pointerId) return;
    li.classList.remove('dragging');
    document.removeEventListener('pointermove', onMove);
    document.removeEventListener('pointerup', onUp);
    document.removeEventListener('pointercancel', onUp);
    refresh();
  };
  document.addEventListener('pointermove', onMove);
  document.addEventListener('pointerup', onUp);
  document.addEventListener('pointercancel', onUp);
});

byId('add-step').addEventListener('click', async () => {
  // A tap before the catalog has loaded (a slow phone, a first visit) waits for it, not lost.
  await ready;
  const slug = /** @type {HTMLSelectElement} */ (byId('add-technique')).value;
  // A new step starts where the card says to start, not at its full dose.
  list.append(stepElement(startingStep(slug, data.techniques[slug])));
  refresh();
  announce(addedText(slug));
});

/** Under the technique picker: the note for a flagged choice, before it is added. */
function drawAddFlag() {
  const slug = /** @type {HTMLSelectElement} */ (byId('add-technique')).value;
  const hint = byId('add-flag');
  hint.hidden = !flagged.has(slug);
  if (!hint.hidden) hint.textContent = flaggedText(flagged.get(slug));
}
byId('add-technique').addEventListener('change', drawAddFlag);

/** "Knee to chest added as step 3", and the flag's note when it has one. @param {string} slug */
function addedText(slug) {
  const added = `${data.techniques[slug].name} added as step ${list.children.length}`;
  return flagged.has(slug) ? `${added}. ${flaggedText(flagged.get(slug))}` : added;
}

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  await ready;
  const routine = readRoutine();
  const check = expand.validateRoutine(routine, data.techniques);
  if (!check.ok) {
    showErrors(check.errors);
    return;
  }
  showErrors([]);
  const now = new Date().toISOString();
  const record = {
    id: editing ? editing.id : uuid7(),
    name: routine.name,
    steps: routine.steps,
    createdAt: editing ? editing.createdAt : now,
    updatedAt: now,
  };
  // A copy Today's Start made (its `suggestion`) stays that copy only while saved unchanged;
  // once the person changes it, it is theirs, and Start never rewrites it (main/today.js).
  if (editing && editing.suggestion && JSON.stringify(editing.steps) === JSON.stringify(routine.steps) && editing.name === routine.name) {
    record.suggestion = editing.suggestion;
  }
  // Known before the write, so a second tap on Save updates this routine, never makes another.
  editing = record;
  const button = /** @type {HTMLButtonElement} */ (byId('save-routine'));
  button.disabled = true;
  try {
    editing = await records.save('routine', record);
  } catch (error) {
    byId('builder-status').textContent = `Not saved: ${error.message}`;
    return;
  } finally {
    button.disabled = false;
  }
  guard.saved();
  window.history.replaceState(null, '', `?id=${encodeURIComponent(record.id)}`);
  byId('builder-status').innerHTML = '';
  const link = document.createElement('a');
  link.href = `/play?routine=${encodeURIComponent(record.id)}`;
  link.textContent = 'Start it now';
  // The next thing a person wants after saving: a real button, not a small link under the form.
  link.className = 'button primary large';
  byId('builder-status').append(`Saved “${record.name}” on this device. `, link);
});

async function init() {
  const [loaded, flags] = await Promise.all([catalog.load(), store.all('flags').catch(() => [])]);
  data = loaded;
  flagged = latestFlags(flags);
  drawAddFlag();
  let source = null;
  if (params.get('id')) {
    editing = await store.get('routines', params.get('id'));
    if (!editing) {
      byId('builder-status').textContent = 'That routine is not on this device any more. You can build a new one.';
    }
    source = editing;
    if (editing) byId('builder-heading').textContent = 'Edit routine';
  } else if (params.get('from')) {
    source = await catalog.routine(params.get('from'));
    if (source) source = { ...source, name: `${source.name} (my copy)`.slice(0, 60) };
  }
  if (source) {
    /** @type {HTMLInputElement} */ (byId('routine-name')).value = source.name;
    for (const step of source.steps) if (data.techniques[step.technique]) list.append(stepElement(step));
  }
  guard.saved();
  // From a card's "Add to a routine" (?add=<slug>, with ?id= for an existing routine): the
  // technique joins as the last step, a change the person still saves.
  const add = params.get('add');
  if (add && data.techniques[add]) {
    list.append(stepElement(startingStep(add, data.techniques[add])));
    if (!source) /** @type {HTMLInputElement} */ (byId('routine-name')).focus();
    announce(addedText(add));
  }
  refresh();
}
const ready = init();
ready.catch((error) => { byId('builder-status').textContent = `The builder could not start: ${error.message}`; });
