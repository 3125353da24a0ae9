/* Techniques and built-in routines (/catalog.json, precached by the service worker), and
   finding a routine by id among the built-in ones and the device's own. */
// @ts-check
import * as expand from '../routine/expand.js';
import * as store from './store.js';

let loading = null;

function load() {
  if (!loading) {
    loading = fetch('/catalog.json', { credentials: 'same-origin' }).then((response) => {
      if (!response.ok) throw new Error(`The technique list could not be loaded (${response.status}).`);
      return response.json();
    }).catch((error) => {
      loading = null;
      throw error;
    });
  }
  return loading;
}

async function routine(id) {
  if (!id) return null;
  const data = await load();
  const builtin = data.routines.find((r) => r.id === id);
  if (builtin) return builtin;
  return (await store.get('routines', id)) || null;
}

/** Total time (with and without the optional steps), equipment and positions of a routine, for
    display before it starts. */
async function facts(r) {
  const data = await load();
  // A flare routine plays with the slower transitions (routine/transitions.js).
  const slower = r.flare === true;
  const segments = expand.expandRoutine(r, data.techniques, { slower });
  const used = r.steps.map((step) => data.techniques[step.technique]);
  const hasRequired = r.steps.some((step) => step.optional !== true);
  const without = hasRequired ? expand.expandRoutine(r, data.techniques, { withoutOptional: true, slower }) : [];
  return {
    seconds: expand.totalSeconds(segments),
    secondsWithoutOptional: expand.totalSeconds(without),
    equipment: [...new Set(used.flatMap((t) => t.equipment))],
    positions: [...new Set(used.map((t) => t.position))],
  };
}

export { load, routine, facts };
