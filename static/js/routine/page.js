/* A built-in routine's page (/routines/<slug>): the totals, equipment, positions and steps of
   what will actually run. Steps the safety answers rule out, and techniques marked as making
   things worse, are left out with the reason shown; the optional self-massage follows its
   switch (remembered, and read by the player). Start then begins the routine in one tap. */
// @ts-check
import { byId, formatMinutes, prefs } from '../lib/dom.js';
import * as catalog from '../lib/catalog.js';
import * as expand from './expand.js';
import * as safety from '../safety/state.js';
import * as safetyRules from '../safety/rules.js';
import * as store from '../lib/store.js';
import { settleAfter } from '../lib/settle.js';

const OPTIONAL_KEY = 'relieve.includeOptional';
const note = byId('routine-safety');
const toggle = /** @type {HTMLInputElement | null} */ (byId('include-optional'));

async function draw() {
  if (!note) return;
  const data = await catalog.load();
  const routine = data.routines.find((r) => r.id === note.dataset.routine);
  if (!routine) return;
  const safe = await safety.current();
  const concerns = safetyRules.routineConcerns(routine, safe.notAdvised);
  const flags = await store.all('flags').catch(() => []);
  /** @type {Map<string, string>} */
  const why = new Map();
  for (const concern of concerns) why.set(concern.technique, `Left out for you: not advised with ${concern.reasons.join('; ')}.`);
  for (const flag of flags.sort((a, b) => (a.at < b.at ? -1 : 1))) {
    if (!why.has(flag.technique) || why.get(flag.technique).startsWith('Left out: you said')) {
      why.set(flag.technique, `Left out: you said it made things worse (${new Date(flag.at).toLocaleDateString()}). Its card can clear the mark.`);
    }
  }
  const withOptional = !toggle || toggle.checked;
  const skip = [...why.keys()];
  let seconds = 0;
  try {
    seconds = expand.totalSeconds(expand.expandRoutine(routine, data.techniques, { skip, withoutOptional: !withOptional }));
  } catch {
    seconds = 0; // nothing left to play: the steps say why
  }
  const playing = routine.steps.filter((s) => !why.has(s.technique) && (withOptional || s.optional !== true));
  const used = playing.map((s) => data.techniques[s.technique]);
  const left = routine.steps.filter((s) => why.has(s.technique)).length;
  const time = byId('routine-time');
  time.textContent = seconds ? formatMinutes(seconds) + (left ? ` (${left} step${left === 1 ? '' : 's'} left out)` : '')
    : 'Nothing to play: every step is left out';
  byId('routine-equipment').textContent = [...new Set(used.flatMap((t) => t.equipment))].map((e) => data.labels.equipment[e]).join(', ') || 'None';
  byId('routine-positions').textContent = [...new Set(used.map((t) => t.position))].map((p) => data.labels.positions[p]).join(', ');
  for (const item of /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('.routine-steps li[data-technique]'))) {
    item.querySelector('.left-out-reason')?.remove();
    const reason = why.get(item.dataset.technique) || (!withOptional && item.dataset.optional ? 'Left out: the optional self-massage is switched off.' : '');
    item.classList.toggle('left-out-step', Boolean(reason));
    if (reason) {
      const span = document.createElement('span');
      span.className = 'left-out-reason';
      span.textContent = reason;
      (item.querySelector('span') || item).append(span);
    }
  }
}

if (toggle) {
  toggle.checked = prefs.get(OPTIONAL_KEY) !== '0';
  byId('optional-switch').hidden = false;
  toggle.addEventListener('change', () => {
    prefs.set(OPTIONAL_KEY, toggle.checked ? '1' : '0');
    draw().catch((error) => console.warn('routine page:', error));
  });
}
settleAfter(draw()).catch((error) => console.warn('routine page:', error));
