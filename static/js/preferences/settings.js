/* The settings page (/settings): the preferences record, changed offline and synced. Errors show
   on save and each clears as soon as its answer is fixed; leaving with unsaved changes asks first. */
// @ts-check
import { byId } from '../lib/dom.js';
import { fillSummary, markField } from '../lib/form-errors.js';
import { guardUnsaved } from '../lib/unsaved.js';
import * as records from '../sync/records.js';
import { load, mirror, save } from './data.js';
import { problems, withDefaults } from './prefs.js';
import { fillForm, readForm, watchSideNote } from './form.js';

const form = /** @type {HTMLFormElement} */ (byId('settings-form'));
const summary = byId('settings-errors');
const list = byId('settings-error-list');
const status = byId('settings-status');
const FIELDS = ['side', 'position', 'equipment', 'minutes', 'sound', 'transition'];
const guard = guardUnsaved(form);
let shown = new Set(); // fields whose error is on screen

function mark(field, message) {
  const fieldset = byId(`pref-${field === 'sound' ? 'cues' : field}`);
  const controls = Array.from(fieldset.querySelectorAll('input'));
  markField(controls, byId(`${field}-error`), message, { describe: fieldset, keepDescribedBy: true });
  if (message) fieldset.setAttribute('aria-invalid', 'true');
  else fieldset.removeAttribute('aria-invalid');
}

/** Shows the problems; with `onlyClear`, only takes away the ones now fixed (as the person fixes them). */
function show(found, { onlyClear = false } = {}) {
  const byField = new Map(found.map((p) => [p.field, p.message]));
  for (const field of FIELDS) {
    if (byField.has(field) && !onlyClear) mark(field, byField.get(field));
    else if (!byField.has(field) && shown.has(field)) mark(field, null);
  }
  shown = onlyClear ? new Set([...shown].filter((f) => byField.has(f))) : new Set(byField.keys());
  const remaining = found.filter((p) => shown.has(p.field));
  fillSummary(list, remaining.map((p) => ({
    text: p.message, href: `#pref-${p.field}`, focus: /** @type {HTMLElement} */ (byId(`pref-${p.field}`).querySelector('input')),
  })));
  summary.hidden = remaining.length === 0;
}

// The emergency questions, from the note under "Both sides": answers that are complete are saved
// first (the person chose them), so coming back shows them and leaving doesn't ask "Leave site?".
watchSideNote(form, async () => {
  const data = readForm(form);
  if (problems(data).length) return;
  await save(data);
  guard.saved();
});

form.addEventListener('change', () => {
  status.textContent = '';
  if (shown.size) show(problems(readForm(form)), { onlyClear: true });
});

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = readForm(form);
  const found = problems(data);
  show(found);
  if (found.length) {
    summary.focus();
    return;
  }
  try {
    await save(data);
    guard.saved();
    status.textContent = 'Settings saved.';
  } catch (error) {
    status.textContent = `Not saved: ${error.message}`;
  }
});

async function refresh() {
  if (guard.dirty()) return; // never overwrite what the person is changing
  const record = await load();
  mirror(record);
  fillForm(form, withDefaults(record));
  guard.saved();
}
refresh().catch(() => {});
records.onChange((change) => { if (change && change.remote) refresh().catch(() => {}); }, { types: ['preferences'] });
window.addEventListener('relieve:synced', () => { refresh().catch(() => {}); });
