/* First run (/welcome): three short screens (side and floor or chair; equipment; time), always
   skippable, then the safety check (/safety/?source=first-run), then the routine that fits
   (/welcome?step=suggest, main/suggest.js decides) with one Start. */
// @ts-check
import { byId, make } from '../lib/dom.js';
import * as safety from '../safety/state.js';
import { load, save } from './data.js';
import { fillForm, readForm, watchSideNote } from './form.js';
import { withDefaults } from './prefs.js';
import { facts, startUrl, today } from '../main/today.js';

const form = /** @type {HTMLFormElement} */ (byId('welcome-form'));
const screens = /** @type {HTMLElement[]} */ (Array.from(form.querySelectorAll('.welcome-screen')));
const stepText = byId('welcome-step');
const dots = Array.from(form.querySelectorAll('.progress-dots li'));
const back = /** @type {HTMLButtonElement} */ (byId('welcome-back'));
const next = /** @type {HTMLButtonElement} */ (byId('welcome-next'));
const params = new URLSearchParams(window.location.search);
let index = 0;

function showScreen(i, { focus = true } = {}) {
  index = i;
  screens.forEach((screen, n) => { screen.hidden = n !== i; });
  stepText.textContent = `Step ${i + 1} of ${screens.length}`;
  dots.forEach((dot, n) => { dot.classList.toggle('done', n < i); dot.classList.toggle('current', n === i); });
  back.hidden = i === 0;
  next.textContent = i === screens.length - 1 ? 'Continue to the safety check' : 'Next';
  if (focus) {
    const first = /** @type {HTMLElement | null} */ (screens[i].querySelector('input'));
    if (first) first.focus();
  }
}

back.addEventListener('click', () => showScreen(Math.max(0, index - 1)));
// Off to the emergency questions and back: the answers so far are kept, and filled in again here.
watchSideNote(form, () => save(readForm(form)));

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  if (index < screens.length - 1) {
    showScreen(index + 1);
    return;
  }
  next.disabled = true;
  await save(readForm(form)).catch(() => {});
  const state = await safety.current().catch(() => null);
  const after = '/welcome?step=suggest';
  window.location.assign(state && !state.needsRedFlags && !state.needsContraindications
    ? after : safety.checkUrl({ source: 'first-run', next: after }));
});

// Skip: keep what was answered (so Today doesn't ask again), and go to Today.
byId('welcome-skip').addEventListener('click', async (event) => {
  event.preventDefault();
  await save(readForm(form)).catch(() => {});
  window.location.assign('/');
});

async function showSuggestion() {
  form.hidden = true;
  byId('welcome-heading').textContent = 'Your first routine';
  const { suggestion, techniques } = await today();
  if (!suggestion) {
    byId('welcome-nothing').hidden = false;
    return;
  }
  const card = byId('welcome-suggestion');
  card.querySelector('.eyebrow').textContent = suggestion.reasons.length ? `Fits: ${suggestion.reasons.join(', ')}` : 'Suggested for you';
  byId('suggestion-heading').textContent = suggestion.routine.name;
  byId('suggestion-facts').textContent = facts(suggestion);
  byId('suggestion-steps').replaceChildren(...suggestion.routine.steps.map((step) => make('li', { textContent: techniques[step.technique].name })));
  const leftOut = byId('suggestion-left-out');
  leftOut.hidden = suggestion.leftOut.length === 0;
  const names = suggestion.leftOut.map((slug) => techniques[slug].name).join(', ');
  leftOut.textContent = suggestion.leftOutFor === 'time'
    ? `Left out to fit your time: ${names} (optional self-massage).`
    : suggestion.leftOut.length === 1
      ? `Left out: ${names}. It needs equipment you don't have, or your answers rule it out.`
      : `Left out: ${names}. They need equipment you don't have, or your answers rule them out.`;
  const start = /** @type {HTMLAnchorElement} */ (byId('suggestion-start'));
  start.href = suggestion.builtin ? await startUrl(suggestion) : '#';
  start.addEventListener('click', async (event) => {
    if (suggestion.builtin) return;
    event.preventDefault();
    window.location.assign(await startUrl(suggestion));
  });
  card.hidden = false;
  byId('suggestion-heading').focus({ preventScroll: true });
}

if (params.get('step') === 'suggest') {
  showSuggestion().catch(() => { byId('welcome-nothing').hidden = false; });
} else {
  showScreen(0, { focus: false });
  load().then((prefs) => { if (prefs) fillForm(form, withDefaults(prefs)); }).catch(() => {});
}
