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
  // Recent sessions: stretches meant for after a massage are offered only after one. Recent
  // flags: what moves the back the same way as a technique that made things worse is left out.
  const suggestion = suggestRoutine(prefs, { techniques, routines: data.routines },
    { block: state.block, notAdvised: state.notAdvised, flagged }, { sessions, flags });
  return { suggestion, prefs, state, techniques };
}

const STEP_KEYS = ['technique', 'seconds', 'reps', 'sets', 'sides', 'rest'];
// A copy made by Start and never edited: its updatedAt is the moment it was saved. Copies from
// before the `suggestion` mark had none; those saved within this long of being created were
// never opened in the builder, so nothing of the person's is lost by updating one.
const UNTOUCHED_MS = 60 * 1000;

/** The steps as saved: only the keys a routine record takes. @param {import('../routine/expand.js').RoutineStep[]} steps */
export function savedSteps(steps) {
  return steps.map((step) => Object.fromEntries(
    STEP_KEYS.filter((k) => step[k] !== undefined && step[k] !== null).map((k) => [k, step[k]]),
  ));
}

const sameSteps = (a, b) => JSON.stringify(savedSteps(a || [])) === JSON.stringify(savedSteps(b || []));

/**
 * The saved routine a suggestion plays as, and whether it must be written: the copy Start made
 * before (its `suggestion` names what it came from), updated when the suggestion's steps have
 * changed (a technique flagged since, an answer changed); else a new one. A copy the person
 * saved in the builder is theirs (the builder writes no `suggestion`) and is never touched.
 * Pure: Node tests it.
 * @param {import('./suggest.js').Suggestion} suggestion
 * @param {Array<Record<string, any>>} saved  the device's routines
 * @param {{ now: string, newId: () => string }} make
 * @returns {{ record: { id: string } & Record<string, any>, write: boolean }}
 */
export function suggestedRecord(suggestion, saved, { now, newId }) {
  const key = suggestion.routine.id;
  const name = (key === 'suggested' ? 'Your routine for today' : `${suggestion.routine.name} (for you)`).slice(0, 60);
  const steps = savedSteps(suggestion.routine.steps);
  const newest = (list) => list.sort((a, b) => String(b.createdAt || '').localeCompare(String(a.createdAt || '')))[0];
  const marked = newest(saved.filter((r) => r && r.suggestion === key));
  // A copy from before the mark, with this name, that Start made and nobody edited since.
  const untouched = (r) => sameSteps(r.steps, steps)
    || Math.abs(Date.parse(r.updatedAt || '') - Date.parse(r.createdAt || '')) <= UNTOUCHED_MS;
  const legacy = marked ? null : newest(saved.filter((r) => r && !r.suggestion && r.name === name && untouched(r)));
  const found = marked || legacy;
  if (!found) return { record: { id: newId(), name, steps, suggestion: key, createdAt: now }, write: true };
  if (marked && sameSteps(found.steps, steps) && found.name === name) return { record: found, write: false };
  return { record: { ...found, name, steps, suggestion: key }, write: true };
}

/** One Start at a time per suggestion: a second tap waits for the first save, never makes another. */
const starting = new Map();

/** Where the Start button goes: the player for a built-in routine; otherwise the routine is
    saved on the device first, as the one copy of this suggestion (suggestedRecord).
    @param {import('./suggest.js').Suggestion} suggestion */
export async function startUrl(suggestion) {
  if (suggestion.builtin) return `/play?routine=${encodeURIComponent(suggestion.routine.id)}`;
  const key = suggestion.routine.id;
  if (!starting.has(key)) {
    starting.set(key, (async () => {
      const saved = await store.all('routines').catch(() => []);
      const { record, write } = suggestedRecord(suggestion, saved, { now: new Date().toISOString(), newId: uuid7 });
      return write ? records.save('routine', record) : record;
    })().finally(() => starting.delete(key)));
  }
  const saved = await starting.get(key);
  return `/play?routine=${encodeURIComponent(saved.id)}`;
}

/** "About 9 minutes · 4 steps". */
export function facts(suggestion) {
  const minutes = Math.max(1, Math.round(suggestion.seconds / 60));
  const steps = suggestion.routine.steps.length;
  return `About ${minutes} minute${minutes === 1 ? '' : 's'} · ${steps} step${steps === 1 ? '' : 's'}`;
}
