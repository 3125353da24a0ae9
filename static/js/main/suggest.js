/* Today's suggestion: a routine that fits a person's answers (time, floor or chair, equipment)
   and leaves out techniques the safety answers rule out and the ones they flagged as making
   things worse. Pure: the home page and first run call it with the catalog; Node tests it. */
// @ts-check
import { expandRoutine, totalSeconds } from '../routine/expand.js';

/**
 * @typedef {import('../routine/expand.js').Routine & { id: string, flare?: boolean, builtin?: boolean, summary?: string }} CatalogRoutine
 * @typedef {{ techniques: Record<string, any>, routines: CatalogRoutine[] }} Catalog
 * @typedef {{ block?: any, notAdvised?: Record<string, string[]>, flagged?: string[] }} SafetyState
 * @typedef {{ routine: CatalogRoutine, seconds: number, builtin: boolean, reasons: string[], leftOut: string[], leftOutFor?: 'time' | 'fit' }} Suggestion
 */

const UPRIGHT = ['chair', 'standing', 'wall'];
// A little over is fine: "about 10 minutes".
const SLACK_SECONDS = 90;
const DEFAULT_MINUTES = 10;
// Rolling the lower back never comes first: warm up with gentle movement before any pressure there.
const NOT_FIRST = new Set(['foam-roll-lower-back']);

/** Whether a technique suits the person's answers and today's safety state. */
function fitsTechnique(technique, slug, prefs, safety) {
  if (!technique) return false;
  if (safety.notAdvised && safety.notAdvised[slug]) return false;
  if ((safety.flagged || []).includes(slug)) return false;
  if (!prefs) return true;
  const position = technique.position;
  if (prefs.position === 'chair' && !UPRIGHT.includes(position)) return false;
  const owned = new Set(prefs.equipment || []);
  // "Mat or rug": any soft floor will do for someone happy to get down there; and a towel does
  // for a strap (the cards use it only to reach a foot or a thigh).
  if (prefs.position !== 'chair') owned.add('mat');
  owned.add('strap');
  // No answer about equipment (first run skipped): anything goes.
  if (!Array.isArray(prefs.equipment)) return true;
  if (position === 'wall' && !owned.has('wall')) return false;
  return (technique.equipment || []).every((e) => owned.has(e));
}

function seconds(routine, techniques) {
  try {
    return totalSeconds(expandRoutine(routine, techniques));
  } catch {
    return Infinity;
  }
}

/** Gentle before moderate before firm; stretches before massage; the lower back never first. */
function gentleFirst(slugs, techniques) {
  const rank = { gentle: 0, moderate: 1, firm: 2 };
  const sorted = [...slugs].sort((a, b) => {
    const ta = techniques[a];
    const tb = techniques[b];
    return (rank[ta.intensity] ?? 1) - (rank[tb.intensity] ?? 1)
      || (ta.kind === 'stretch' ? 0 : 1) - (tb.kind === 'stretch' ? 0 : 1)
      || (ta.order ?? 0) - (tb.order ?? 0)
      || a.localeCompare(b);
  });
  const first = sorted.findIndex((slug) => !NOT_FIRST.has(slug));
  if (first > 0) sorted.unshift(...sorted.splice(first, 1));
  return sorted;
}

/**
 * The routine to suggest today, or null (a red-flag day, or nothing fits).
 * A built-in routine is suggested when all its steps fit (its optional add-ons may be left out)
 * and its time is about the person's; otherwise one is put together from the techniques that
 * fit, gentlest first, until the time is used.
 * @param {import('../preferences/prefs.js').Preferences | null} prefs
 * @param {Catalog} catalog
 * @param {SafetyState} [safetyState]
 * @returns {Suggestion | null}
 */
export function suggestRoutine(prefs, catalog, safetyState = {}) {
  const safety = safetyState || {};
  if (safety.block) return null;
  const techniques = catalog.techniques || {};
  const budget = ((prefs && prefs.minutes) || DEFAULT_MINUTES) * 60;
  const fits = (slug) => fitsTechnique(techniques[slug], slug, prefs, safety);
  const reasons = [];
  if (prefs && prefs.minutes) reasons.push(`about ${prefs.minutes} minutes`);
  if (prefs && prefs.position === 'chair') reasons.push('on a chair or standing');
  else if (prefs && prefs.position === 'floor') reasons.push('floor work is OK');
  if (prefs && prefs.equipment) reasons.push(prefs.equipment.length ? 'with what you have' : 'no equipment');

  /** @type {Suggestion[]} */
  const candidates = [];
  for (const routine of catalog.routines || []) {
    if (routine.flare) continue;
    const required = routine.steps.filter((s) => s.optional !== true);
    if (!required.length || !required.every((s) => fits(s.technique))) continue;
    if (NOT_FIRST.has(required[0].technique)) continue;
    const leftOut = routine.steps.filter((s) => s.optional === true && !fits(s.technique)).map((s) => s.technique);
    const steps = routine.steps.filter((s) => fits(s.technique));
    const fitted = leftOut.length ? { ...routine, steps } : routine;
    const time = seconds(fitted, techniques);
    if (time > budget + SLACK_SECONDS) {
      // Too long with the add-ons: try without them.
      const bare = { ...routine, steps: required };
      const bareTime = seconds(bare, techniques);
      if (bareTime > budget + SLACK_SECONDS) continue;
      const dropped = routine.steps.filter((s) => s.optional === true).map((s) => s.technique);
      candidates.push({ routine: bare, seconds: bareTime, builtin: true, reasons, leftOut: dropped, leftOutFor: 'time' });
      continue;
    }
    candidates.push({ routine: fitted, seconds: time, builtin: true, reasons, leftOut, leftOutFor: 'fit' });
  }
  if (candidates.length) {
    // Closest to the time the person has; on a tie, the gentler start.
    candidates.sort((a, b) => Math.abs(budget - a.seconds) - Math.abs(budget - b.seconds)
      || a.routine.id.localeCompare(b.routine.id));
    const best = candidates[0];
    // A built-in routine with steps left out is a new routine: it plays as the person's own.
    if (best.leftOut.length) best.builtin = false;
    return best;
  }

  // Nothing built in fits: put one together.
  const usable = gentleFirst(Object.keys(techniques).filter(fits), techniques);
  /** @type {import('../routine/expand.js').RoutineStep[]} */
  const steps = [];
  let time = 0;
  for (const slug of usable) {
    /** @type {import('../routine/expand.js').RoutineStep} */
    const step = { technique: slug, sides: techniques[slug].dosing && techniques[slug].dosing.per_side ? 'left-right' : 'none', rest: 15 };
    const next = seconds({ name: 'x', steps: [...steps, step] }, techniques);
    if (steps.length && next > budget + SLACK_SECONDS) continue;
    steps.push(step);
    time = next;
    if (time >= budget) break;
  }
  if (!steps.length || time === Infinity) return null;
  return {
    routine: { id: 'suggested', name: 'Your routine for today', steps },
    seconds: time, builtin: false, reasons, leftOut: [],
  };
}

export { fitsTechnique, gentleFirst };
