/* The safety check page (/safety/?part=&next=&source=&signs=). Each question needs its own yes or
   no: nothing is pre-answered except earlier contraindication answers (they rarely change) and
   warning signs just ticked on a log entry. */
// @ts-check
import { announce, byId } from '../lib/dom.js';
import { fillSummary, markField } from '../lib/form-errors.js';
import * as safety from './state.js';
import * as safetyRules from './rules.js';

const form = byId('safety-form');

const params = new URLSearchParams(window.location.search);
const part = params.get('part');
const source = ['first-run', 'log', 'routine', 'settings'].includes(params.get('source')) ? params.get('source') : 'first-run';
const next = safety.safeNext(params.get('next'));
const signs = (params.get('signs') || '').split(',').filter(Boolean);
const parts = { 'red-flags': byId('part-red-flags'), contraindications: byId('part-contraindications') };
const shown = part && parts[part] ? [part] : Object.keys(parts);

for (const [kind, section] of Object.entries(parts)) section.hidden = !shown.includes(kind);

// Someone sent here on the way to a routine, or from a log entry, is told why.
const WHY = {
  routine: 'Before your routine: a few questions to check a routine is right for you today. It takes a minute or two.',
  log: 'Your last log entry suggested a warning sign. Please answer each of these questions.',
};
if (WHY[source]) {
  byId('safety-why').textContent = WHY[source];
  byId('safety-why').hidden = false;
}

const fieldsets = (kind) => Array.from(/** @type {NodeListOf<HTMLFieldSetElement>} */ (form.querySelectorAll('fieldset.yes-no[data-kind="' + kind + '"]')));
const answerOf = (fieldset) => {
  const checked = fieldset.querySelector('input:checked');
  return checked ? checked.value === 'yes' : null;
};
const setAnswer = (fieldset, yes) => {
  fieldset.querySelector('input[value="' + (yes ? 'yes' : 'no') + '"]').checked = true;
};

async function prefill() {
  const state = await safety.current();
  const contra = safetyRules.latest(state.screenings, 'contraindications');
  if (contra) {
    for (const fieldset of fieldsets('contraindications')) {
      const answer = contra.answers[fieldset.dataset.question];
      if (typeof answer === 'boolean') setAnswer(fieldset, answer);
    }
  }
  for (const fieldset of fieldsets('red-flags')) {
    if (signs.includes(fieldset.dataset.question)) setAnswer(fieldset, true);
  }
}

function showErrors(missing) {
  const summary = byId('safety-errors');
  const list = byId('safety-error-list');
  for (const fieldset of /** @type {NodeListOf<HTMLFieldSetElement>} */ (form.querySelectorAll('fieldset.yes-no'))) {
    const bad = missing.includes(fieldset);
    // The error's text is in the page ("Answer yes or no."); the fieldset is described by it, not marked invalid.
    markField([], byId(fieldset.dataset.question + '-error'), bad, { describe: fieldset });
    fieldset.classList.toggle('invalid', bad);
  }
  // A fieldset can't take focus: go to its first answer, so the next tap or key answers it.
  fillSummary(list, missing.map((fieldset) => ({
    text: fieldset.querySelector('legend').firstChild.textContent.trim(),
    href: '#' + fieldset.id,
    focus: fieldset.querySelector('input'),
    scroll: fieldset,
  })));
  summary.hidden = missing.length === 0;
  if (missing.length) summary.focus();
}

async function submit(event) {
  event.preventDefault();
  const answers = {};
  const missing = [];
  for (const kind of shown) {
    answers[kind] = {};
    for (const fieldset of fieldsets(kind)) {
      const answer = answerOf(fieldset);
      if (answer === null) missing.push(fieldset);
      else answers[kind][fieldset.dataset.question] = answer;
    }
  }
  showErrors(missing);
  if (missing.length) return;
  const button = /** @type {HTMLButtonElement} */ (byId('safety-save'));
  button.disabled = true;
  try {
    for (const kind of shown) await safety.saveScreening(kind, answers[kind], source);
  } catch (error) {
    button.disabled = false;
    byId('safety-error-list').replaceChildren(Object.assign(document.createElement('li'), { textContent: 'Your answers could not be saved on this device: ' + error.message }));
    byId('safety-errors').hidden = false;
    return;
  }
  try {
    await showResult();
  } catch (error) {
    // Saved already: say so rather than leave the form up to be sent twice.
    form.hidden = true;
    const result = byId('safety-result');
    result.hidden = false;
    byId('safety-clear').hidden = false;
    byId('safety-clear-text').textContent = 'Your answers are saved. Open the routine again to continue.';
    result.focus();
  }
}

async function showResult() {
  const state = await safety.current();
  form.hidden = true;
  const result = byId('safety-result');
  result.hidden = false;
  if (state.block) {
    safety.renderBlock(byId('safety-block'), state.block);
    byId('safety-clear').hidden = true;
  } else {
    byId('safety-block').hidden = true;
    byId('safety-clear').hidden = false;
    const ruledOut = Object.keys(state.notAdvised);
    byId('safety-clear-text').textContent = ruledOut.length
      ? 'No warning signs today. Because of your answers, these techniques are not advised for you, and routines will offer to skip them:'
      : (shown.includes('red-flags') ? 'No warning signs today, and nothing in your answers rules out a technique.' : 'Nothing in your answers rules out a technique.');
    const list = byId('safety-not-advised');
    list.replaceChildren();
    for (const slug of ruledOut) {
      const item = document.createElement('li');
      item.textContent = state.data.techniques[slug].name + ' (' + state.notAdvised[slug].join('; ') + ')';
      list.append(item);
    }
    list.hidden = ruledOut.length === 0;
    const cont = /** @type {HTMLAnchorElement} */ (byId('safety-continue'));
    if (next) {
      cont.href = next;
      cont.textContent = next.startsWith('/play') ? 'Continue to the routine' : 'Continue';
    }
  }
  result.focus();
  announce(state.block ? 'Answers saved. Please read the advice to get medical help.' : 'Answers saved.');
}

form.addEventListener('submit', (event) => { submit(event).catch(() => { /** @type {HTMLButtonElement} */ (byId('safety-save')).disabled = false; }); });
prefill().catch(() => {});
