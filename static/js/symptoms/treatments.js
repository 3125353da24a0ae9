/* Medicines and treatments (/log/treatments): a form to log what was taken or done, the recent
   entries (edit, two-tap delete), and "log again": each medicine or treatment already entered is
   one tap to log again now, followed by Undo and Edit. Works offline; entries sync as
   `treatment` records. */
// @ts-check
import { announce, byId, confirmTap, make } from '../lib/dom.js';
import { uuid7 } from '../lib/ids.js';
import * as store from '../lib/store.js';
import * as records from '../sync/records.js';
import { TREATMENT_HELPED_LABELS, TREATMENT_KIND_LABELS, TREATMENT_NAMED_KINDS } from '../generated/contract.js';
import { earlierDose, validateTreatment } from './treatments-validate.js';
import { errorDisplay, fromLocalInput, shortTime, toLocalInput } from './form-kit.js';
import { sinceText } from '../lib/since.js';

/** @typedef {import('./treatments-validate.js').Treatment} Treatment */
/** @typedef {{ takenAt: HTMLInputElement, name: HTMLInputElement, dose: HTMLInputElement, sideEffects: HTMLInputElement, notes: HTMLTextAreaElement }} Fields */
const form = /** @type {HTMLFormElement & { elements: Fields }} */ (byId('treatment-form'));
const AGAIN_MAX = 6;
const RECENT_MAX = 30;
const LABELS = { kind: 'What was it', name: 'Name', dose: 'Dose', takenAt: 'When', helped: 'Did it help', sideEffects: 'Side effects', notes: 'Notes' };

/** @type {Treatment & { id: string } | null} */
let editing = null;
/** @type {Treatment & { id: string } | null} the entry the Undo bar is about */
let justLogged = null;
let timeTouched = false;

const radio = (name) => /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="' + name + '"]:checked'))?.value ?? null;
const setRadio = (name, value) => {
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input[name="' + name + '"]'))) input.checked = input.value === value;
};

function read() {
  return {
    kind: radio('kind'),
    name: form.elements.name.value,
    dose: form.elements.dose.value,
    takenAt: fromLocalInput(form.elements.takenAt.value),
    helped: radio('helped'),
    sideEffects: form.elements.sideEffects.value,
    notes: form.elements.notes.value,
  };
}

const errors = errorDisplay({ form, prefix: 'treatment', labels: LABELS, check: () => validateTreatment(read()).errors });

/** The name is needed for a medicine or "other"; optional for the rest. */
function markNameNeed() {
  const kind = radio('kind');
  const needed = TREATMENT_NAMED_KINDS.includes(kind);
  byId('name-label').textContent = kind === 'medicine' ? 'Name of the medicine' : 'Name';
  byId('name-hint').textContent = needed ? '' : '(optional)';
  form.elements.name.required = needed;
}
form.addEventListener('change', (event) => {
  if (/** @type {HTMLInputElement} */ (event.target).name === 'kind') markNameNeed();
});
form.elements.takenAt.addEventListener('input', () => { timeTouched = true; });

function refreshNow() {
  const now = new Date();
  form.elements.takenAt.max = toLocalInput(now);
  if (!timeTouched && !editing) form.elements.takenAt.value = toLocalInput(now);
}

function reset() {
  editing = null;
  timeTouched = false;
  form.reset();
  byId('treatment-form-heading').textContent = 'Log a medicine or treatment';
  byId('treatment-cancel').hidden = true;
  errors.show({}, { focus: false });
  markNameNeed();
  refreshNow();
}

/** @param {Treatment & { id: string }} entry */
function startEdit(entry) {
  reset();
  editing = entry;
  setRadio('kind', entry.kind);
  form.elements.name.value = entry.name || '';
  form.elements.dose.value = entry.dose || '';
  form.elements.takenAt.value = toLocalInput(new Date(entry.takenAt));
  setRadio('helped', entry.helped ?? '');
  form.elements.sideEffects.value = entry.sideEffects || '';
  form.elements.notes.value = entry.notes || '';
  byId('treatment-form-heading').textContent = 'Edit: ' + title(entry);
  byId('treatment-cancel').hidden = false;
  markNameNeed();
  const heading = byId('treatment-form-heading');
  heading.tabIndex = -1;
  heading.focus();
  heading.scrollIntoView({ block: 'start' });
}

/** "Ibuprofen 400 mg", "Heat", "Physio: Clinic visit". @param {Treatment} entry */
function title(entry) {
  const kind = TREATMENT_KIND_LABELS[entry.kind] || entry.kind;
  if (!entry.name) return kind;
  const name = entry.kind === 'medicine' || entry.kind === 'other' ? entry.name : kind + ': ' + entry.name;
  return entry.dose ? name + ' ' + entry.dose : name;
}

/** @param {Treatment & { id: string }} entry @param {string} verb */
async function showDone(entry, verb) {
  justLogged = entry;
  const bar = byId('treatment-done');
  bar.hidden = false;
  let text = verb + ' ' + title(entry) + ', ' + shortTime(entry.takenAt) + '.';
  // The same medicine logged earlier the same day: said at once, so a double tap or a dose too
  // soon after the last is noticed now, not in the clinician's summary.
  const earlier = earlierDose(await store.all('treatments').catch(() => []), entry);
  if (earlier) {
    text += ' ' + title(earlier) + ' was also logged ' + sinceText(earlier.takenAt)
      + '. If one was logged by mistake, delete it in the list below.';
  }
  byId('treatment-done-text').textContent = text;
  announce(text);
}

async function submit(event) {
  event.preventDefault();
  refreshNow();
  const { errors: found, value } = validateTreatment(read());
  errors.show(found);
  if (Object.keys(found).length) return;
  const button = /** @type {HTMLButtonElement} */ (byId('treatment-save'));
  button.disabled = true;
  try {
    const wasEditing = Boolean(editing);
    const saved = await records.save('treatment', { ...value, id: editing ? editing.id : uuid7() });
    reset();
    await draw();
    await showDone(saved, wasEditing ? 'Saved changes to' : 'Logged');
    byId('treatment-done').focus();
  } catch (error) {
    errors.show({ kind: 'This could not be saved on this device: ' + error.message });
  } finally {
    button.disabled = false;
  }
}

/** One tap: the same medicine or treatment (kind, name, dose), now. @param {Treatment} like */
async function logAgain(like) {
  const saved = await records.save('treatment', {
    id: uuid7(), takenAt: new Date().toISOString(), kind: like.kind, name: like.name || '', dose: like.dose || '',
    helped: null, sideEffects: '', notes: '',
  });
  await draw();
  await showDone(saved, 'Logged');
  byId('treatment-done').focus();
}

byId('treatment-undo').addEventListener('click', async () => {
  if (!justLogged) return;
  const gone = justLogged;
  justLogged = null;
  await records.remove('treatment', gone.id);
  if (editing && editing.id === gone.id) reset();
  await draw();
  byId('treatment-done-text').textContent = 'Removed ' + title(gone) + '.';
  byId('treatment-undo').hidden = true;
  byId('treatment-edit-done').hidden = true;
  announce('Removed ' + title(gone) + '.');
});
byId('treatment-edit-done').addEventListener('click', () => { if (justLogged) startEdit(justLogged); });
byId('treatment-cancel').addEventListener('click', () => { reset(); byId('treatments-heading').focus(); });

/** Distinct medicines and treatments, the most recent first. @param {Treatment[]} all */
function usual(all) {
  const seen = new Map();
  for (const entry of all) {
    const key = [entry.kind, (entry.name || '').toLowerCase(), (entry.dose || '').toLowerCase()].join('|');
    if (!seen.has(key)) seen.set(key, entry);
  }
  return [...seen.values()].slice(0, AGAIN_MAX);
}

/** @param {Treatment & { id: string }} entry */
function item(entry) {
  const li = make('li', { className: 'treatment-item' });
  li.dataset.entry = entry.id;
  li.append(make('p', {}, make('strong', { textContent: title(entry) }), ' · ' + shortTime(entry.takenAt)));
  const facts = [];
  if (entry.helped) facts.push('Helped: ' + TREATMENT_HELPED_LABELS[entry.helped].toLowerCase());
  if (entry.sideEffects) facts.push('Side effects: ' + entry.sideEffects);
  if (facts.length) li.append(make('p', { className: 'tile-meta', textContent: facts.join(' · ') }));
  if (entry.notes) li.append(make('p', { className: 'log-notes', textContent: entry.notes }));
  const label = title(entry) + ', ' + shortTime(entry.takenAt);
  const edit = make('button', { type: 'button', className: 'button', textContent: 'Edit' });
  edit.setAttribute('aria-label', 'Edit ' + label);
  edit.addEventListener('click', () => startEdit(entry));
  const del = make('button', { type: 'button', className: 'button quiet', textContent: 'Delete' });
  del.setAttribute('aria-label', 'Delete ' + label);
  confirmTap(del, 'Tap again to delete', async () => {
    await records.remove('treatment', entry.id);
    if (editing && editing.id === entry.id) reset();
    await draw();
    byId('recent-heading').setAttribute('tabindex', '-1');
    byId('recent-heading').focus();
    announce('Deleted ' + label + '.');
  }, 'Tap again to delete ' + label);
  li.append(make('p', { className: 'item-actions' }, edit, del));
  return li;
}

let drawn = '';
async function draw() {
  /** @type {(Treatment & { id: string })[]} */
  const all = (await store.all('treatments').catch(() => [])).sort((a, b) => (a.takenAt < b.takenAt ? 1 : -1));
  const signature = JSON.stringify(all);
  if (signature === drawn) return; // a background sync can't swallow a second tap of Delete
  drawn = signature;
  byId('treatments-empty').hidden = all.length > 0;
  byId('treatment-list').replaceChildren(...all.slice(0, RECENT_MAX).map(item));
  const again = usual(all);
  byId('again').hidden = again.length === 0;
  byId('again-list').replaceChildren(...again.map((entry) => {
    // When it was last logged, on the button itself: two doses too close together show before the tap.
    const last = 'last logged ' + sinceText(entry.takenAt);
    const button = make('button', { type: 'button', className: 'button large' },
      make('span', { textContent: title(entry) }), make('span', { className: 'again-last', textContent: 'L' + last.slice(1) }));
    button.setAttribute('aria-label', 'Log ' + title(entry) + ' again now, ' + last);
    button.addEventListener('click', () => { logAgain(entry).catch(() => {}); });
    return make('li', { className: 'again-item' }, button);
  }));
  const names = [...new Set(all.filter((e) => e.name).map((e) => e.name))].slice(0, 20);
  byId('name-suggestions').replaceChildren(...names.map((name) => make('option', { value: name })));
}

form.addEventListener('submit', (event) => { submit(event).catch(() => {}); });
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') refreshNow(); });
reset();
draw().catch(() => {});
records.onChange(() => draw().catch(() => {}), { types: ['treatment'], remote: true });
window.addEventListener('relieve:synced', () => draw().catch(() => {}));
