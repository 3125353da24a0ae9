/* The safety check page (/safety/?part=&next=&source=&signs=): up to three screens, one at a
   time: the emergency signs, the other warning signs, and the conditions that rule out
   techniques (SCREENS, from webapp/safety/questions.py). `part` names the screens to ask
   (comma-separated; "red-flags" means the first two). Each question needs its own yes or no; "None
   of these", after the questions (so they are seen before it), answers every question on its
   screen with no, in one tap; it goes away while a question on the screen is answered yes, so a
   yes is never overwritten by a tap meant as "done". A "yes" to an emergency
   sign is saved at once and the call buttons shown: no more questions stand in the way.
   Nothing is pre-answered except earlier contraindication answers (they rarely change) and
   warning signs just ticked on a log entry. */
// @ts-check
import { SCREENING_SOURCES, SCREENS } from '../generated/contract.js';
import { announce, byId } from '../lib/dom.js';
import { fillSummary, markField } from '../lib/form-errors.js';
import * as safety from './state.js';
import * as safetyRules from './rules.js';
import { settleAfter } from '../lib/settle.js';

const form = /** @type {HTMLFormElement} */ (byId('safety-form'));

const params = new URLSearchParams(window.location.search);
const source = SCREENING_SOURCES.includes(params.get('source')) ? params.get('source') : 'first-run';
const next = safety.safeNext(params.get('next'));
const signs = (params.get('signs') || '').split(',').filter(Boolean);
const sections = Object.fromEntries(SCREENS.map((id) => [id, byId('screen-' + id)]));
const asked = (params.get('part') || '').split(',').flatMap((p) => (p === 'red-flags' ? ['emergency', 'warning'] : [p]));
const shown = SCREENS.filter((id) => asked.includes(id));
if (!shown.length) shown.push(...SCREENS);
let index = 0;
let saving = false;

// Someone sent here on the way to a routine, or from a log entry, is told why.
const WHY = {
  routine: 'Before your routine: a few questions to check a routine is right for you today.',
  log: 'Your last log entry suggested a warning sign. Please answer each of these questions.',
};
// One length, said once, the same as the progress line ("Just this screen", "Step 1 of 2").
const COUNT_WORDS = ['', 'One short screen', 'Two short screens', 'Three short screens'];
byId('safety-length').textContent = `${COUNT_WORDS[shown.length] || `${shown.length} short screens`} of yes-or-no questions.`;
if (WHY[source]) {
  byId('safety-why').textContent = WHY[source];
  byId('safety-why').hidden = false;
}

/** @param {string} screen */
const fieldsets = (screen) => Array.from(/** @type {NodeListOf<HTMLFieldSetElement>} */ (sections[screen].querySelectorAll('fieldset.yes-no')));
const answerOf = (fieldset) => {
  const checked = /** @type {HTMLInputElement | null} */ (fieldset.querySelector('input:checked'));
  return checked ? checked.value === 'yes' : null;
};
const setAnswer = (fieldset, yes) => {
  /** @type {HTMLInputElement} */ (fieldset.querySelector('input[value="' + (yes ? 'yes' : 'no') + '"]')).checked = true;
};
const answersOn = (screens) => Object.fromEntries(screens.flatMap(fieldsets)
  .filter((fieldset) => answerOf(fieldset) !== null)
  .map((fieldset) => [fieldset.dataset.question, answerOf(fieldset)]));

/** The page's introduction (and why the person was sent here), or none of it. */
function showIntro(show) {
  for (const intro of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('#safety-check > .lead, #safety-check > .hint, #safety-why'))) {
    intro.hidden = !show || (intro.id === 'safety-why' && !WHY[source]);
  }
}

/** Show screen `i` of those asked, with the progress line and the right buttons. */
function showScreen(i, { focus = true } = {}) {
  index = i;
  for (const id of SCREENS) sections[id].hidden = id !== shown[i];
  const last = i === shown.length - 1;
  byId('check-step').textContent = shown.length > 1 ? `Step ${i + 1} of ${shown.length}` : 'Just this screen';
  for (const dot of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.progress-dots li'))) {
    const at = shown.indexOf(dot.dataset.screen);
    dot.hidden = at < 0;
    dot.classList.toggle('done', at >= 0 && at < i);
    dot.classList.toggle('current', at === i);
  }
  byId('safety-back').hidden = i === 0;
  // The introduction is read once; later screens start with their questions.
  showIntro(i === 0);
  byId('safety-save').textContent = last ? 'Save my answers' : 'Next';
  if (focus) {
    window.scrollTo(0, 0);
    /** @type {HTMLElement} */ (sections[shown[i]].querySelector('h2')).focus();
  }
}

async function prefill() {
  const state = await safety.current();
  const contra = safetyRules.latestAnswers(state.screenings, 'contraindications');
  for (const fieldset of fieldsets('contraindications')) {
    const answer = contra[fieldset.dataset.question];
    if (answer) setAnswer(fieldset, answer.yes);
  }
  for (const fieldset of [...fieldsets('emergency'), ...fieldsets('warning')]) {
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

/** Save what was answered: the red flags as one screening, the contraindications as another. */
async function save(screens) {
  const redFlags = answersOn(screens.filter((id) => id !== 'contraindications'));
  if (Object.keys(redFlags).length) await safety.saveScreening('red-flags', redFlags, source);
  if (screens.includes('contraindications')) await safety.saveScreening('contraindications', answersOn(['contraindications']), source);
}

async function finish(screens) {
  if (saving) return;
  saving = true;
  const button = /** @type {HTMLButtonElement} */ (byId('safety-save'));
  button.disabled = true;
  try {
    await save(screens);
  } catch (error) {
    saving = false;
    button.disabled = false;
    byId('safety-error-list').replaceChildren(Object.assign(document.createElement('li'), { textContent: 'Your answers could not be saved on this device: ' + error.message }));
    byId('safety-errors').hidden = false;
    return;
  }
  try {
    await showResult();
  } catch {
    // Saved already: say so rather than leave the form up to be sent twice.
    form.hidden = true;
    const result = byId('safety-result');
    result.hidden = false;
    byId('safety-clear').hidden = false;
    byId('safety-clear-text').textContent = 'Your answers are saved. Open the routine again to continue.';
    result.focus();
  }
}

/** Next screen, or save on the last; this screen's questions must all be answered first. */
function advance() {
  const missing = fieldsets(shown[index]).filter((fieldset) => answerOf(fieldset) === null);
  showErrors(missing);
  if (missing.length) return;
  if (index < shown.length - 1) showScreen(index + 1);
  else finish(shown).catch(() => {});
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  advance();
});
for (const button of form.querySelectorAll('[data-none]')) {
  button.addEventListener('click', () => {
    for (const fieldset of fieldsets(shown[index])) setAnswer(fieldset, false);
    advance();
  });
}
/** Show each screen's "None of these" only while none of its questions is answered yes. */
function offerNone() {
  for (const id of SCREENS) {
    const none = /** @type {HTMLElement} */ (sections[id].querySelector('[data-none]'));
    none.hidden = fieldsets(id).some((fieldset) => answerOf(fieldset) === true);
  }
}
form.addEventListener('change', offerNone);
byId('safety-back').addEventListener('click', () => showScreen(Math.max(0, index - 1)));
// An emergency sign can't wait for the rest of the check.
sections.emergency.addEventListener('change', (event) => {
  const input = /** @type {HTMLInputElement} */ (event.target);
  if (input.value === 'yes' && input.checked) finish(['emergency']).catch(() => {});
});

async function showResult() {
  const state = await safety.current();
  // On the way to a routine with nothing to stop it: straight on (the player names any step the
  // answers leave out, and why).
  if (!state.block && next && next.startsWith('/play')) {
    window.location.replace(next);
    return;
  }
  form.hidden = true;
  const result = byId('safety-result');
  result.hidden = false;
  if (state.block) {
    safety.renderBlock(byId('safety-block'), state);
    byId('safety-clear').hidden = true;
  } else {
    byId('safety-block').hidden = true;
    byId('safety-clear').hidden = false;
    const ruledOut = Object.keys(state.notAdvised);
    byId('safety-clear-text').textContent = ruledOut.length
      ? 'No warning signs today. Because of your answers, these techniques are not advised for you, and routines will offer to skip them:'
      : (shown.includes('emergency') ? 'No warning signs today, and nothing in your answers rules out a technique.' : 'Nothing in your answers rules out a technique.');
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
  // The result replaces the check: on an emergency the call button must be the first thing seen.
  showIntro(false);
  window.scrollTo(0, 0);
  result.focus({ preventScroll: true });
  announce(state.block ? 'Answers saved. Please read the advice to get medical help.' : 'Answers saved.');
}

showScreen(0, { focus: false });
settleAfter(prefill().then(offerNone)).catch(() => {});
