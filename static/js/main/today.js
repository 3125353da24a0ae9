/* Today's suggestion on a page: gathers what suggestRoutine needs (the catalog with each card's
   intensity, the preferences, the safety answers and the flags), and starts the suggested routine
   (a built-in one by its id; one put together or trimmed is first saved as the person's own). */
// @ts-check
import * as catalog from '../lib/catalog.js';
import { uuid7 } from '../lib/ids.js';
import * as store from '../lib/store.js';
import * as safety from '../safety/state.js';
import * as records from '../sync/records.js';
import { load as loadPrefs } from '../preferences/data.js';
import { suggestRoutine } from './suggest.js';

/** Extra facts about each card the page carries (`<script id="technique-meta">`). */
function meta() {
  const node = document.getElementById('technique-meta');
  try {
    return node ? JSON.parse(node.textContent || '{}') : {};
  } catch {
    return {};
  }
}

/** Everything the suggestion depends on, and the suggestion. */
export async function today() {
  const [data, prefs, state, flags, sessions] = await Promise.all([
    catalog.load(),
    loadPrefs(),
    safety.current(),
    store.all('flags').catch(() => []),
    store.all('sessions').catch(() => []),
  ]);
  const extra = meta();
  const techniques = Object.fromEntries(Object.entries(data.techniques).map(([slug, t]) => [slug, { ...t, ...(extra[slug] || {}) }]));
  const flagged = [...new Set(flags.map((f) => f.technique))];
  // Recent sessions: stretches meant for after a massage are offered only after one.
  const suggestion = suggestRoutine(prefs, { techniques, routines: data.routines },
    { block: state.block, notAdvised: state.notAdvised, flagged }, { sessions });
  return { suggestion, prefs, state, techniques };
}

const STEP_KEYS = ['technique', 'seconds', 'reps', 'sets', 'sides', 'rest'];

/** Where the Start button goes: the player for a built-in routine; otherwise the routine is
    saved on the device first. @param {import('./suggest.js').Suggestion} suggestion */
export async function startUrl(suggestion) {
  if (suggestion.builtin) return `/play?routine=${encodeURIComponent(suggestion.routine.id)}`;
  const steps = suggestion.routine.steps.map((step) => Object.fromEntries(
    STEP_KEYS.filter((k) => step[k] !== undefined && step[k] !== null).map((k) => [k, step[k]]),
  ));
  const name = suggestion.routine.id === 'suggested' ? 'Your routine for today' : `${suggestion.routine.name} (for you)`;
  const saved = await records.save('routine', { id: uuid7(), name: name.slice(0, 60), steps, createdAt: new Date().toISOString() });
  return `/play?routine=${encodeURIComponent(saved.id)}`;
}

/** "About 9 minutes · 4 steps". */
export function facts(suggestion) {
  const minutes = Math.max(1, Math.round(suggestion.seconds / 60));
  const steps = suggestion.routine.steps.length;
  return `About ${minutes} minute${minutes === 1 ? '' : 's'} · ${steps} step${steps === 1 ? '' : 's'}`;
}
