/* Today's suggestion: a routine that fits a person's answers (time, floor or chair, equipment)
   and leaves out techniques the safety answers rule out and the ones they flagged as making
   things worse. Among the routines that fit, the gentlest comes first (FACTS §5 and §9: the
   seated forward bend tensions the nerve and has a gentler alternative). Pure: the home page and
   first run call it with the catalog; Node tests it. */
// @ts-check
import { MOVEMENT, PREFERENCE_EQUIPMENT } from '../generated/contract.js';
import { expandRoutine, totalSeconds } from '../routine/expand.js';

/**
 * @typedef {import('../routine/expand.js').Routine & { id: string, flare?: boolean, afterMassage?: boolean, builtin?: boolean, summary?: string }} CatalogRoutine
 * @typedef {{ techniques: Record<string, any>, routines: CatalogRoutine[] }} Catalog
 * @typedef {{ block?: any, notAdvised?: Record<string, string[]>, flagged?: string[] }} SafetyState
 * @typedef {{ routineId?: string, routineName?: string, endedAt?: string, symptomDirection?: string | null, completed?: Array<{ technique: string }> }} PastSession
 * @typedef {{ technique: string, at: string }} Flag
 * @typedef {{ sessions?: PastSession[], flags?: Flag[], now?: number }} History
 * @typedef {{ movement: string, techniques: string[], at: string, kept: boolean }} DirectionNote
 *   a movement left out because a technique that moves that way made things worse (`kept`: none
 *   fitted without it, so the suggestion still has it, said so)
 * @typedef {{ routine: CatalogRoutine, seconds: number, builtin: boolean, reasons: string[], leftOut: string[], leftOutFor?: 'time' | 'fit', needs?: string[], setAside?: Array<{ id: string, name: string, endedAt: string }>, direction?: DirectionNote }} Suggestion
 */

const UPRIGHT = ['chair', 'standing', 'wall'];
// A little over is fine: "about 10 minutes".
const SLACK_SECONDS = 90;
const DEFAULT_MINUTES = 10;
// A card that puts pressure on the lower back never comes first (its `warm_up_first`): gentle
// movement before it. A routine meant to follow a massage (its `afterMassage`) is suggested only
// within this long of a session that included self-massage, never as anyone's first routine.
const AFTER_MASSAGE_HOURS = 3;
const needsWarmUp = (techniques, slug) => Boolean((techniques[slug] || {}).warm_up_first);
// Things most homes have, which a person may not think of as equipment: when nothing fits what
// they ticked, a routine that needs only these is offered, saying so ("if you have a chair"),
// rather than one of self-massage alone (FACTS §9: massage only alongside exercise). A rug or
// soft floor counts only for someone happy to get down there.
const HOUSEHOLD = ['chair', 'mat', 'strap'];
const INTENSITY_RANK = { gentle: 0, moderate: 1, firm: 2 };
// FACTS §9: a mix of forward bending only can aggravate disc-related leg pain, so a routine with
// no other movement counts as less gentle. Resting in a position of ease is neither. Each card
// says which it is (its `movement`, content/techniques/*.toml).
const movementOf = (techniques, slug) => (techniques[slug] || {}).movement;
// FACTS §9 (directional preference, physiotherapy practice): when one direction of movement
// stirs leg symptoms up, favour the others. A technique flagged as making things worse within
// this long leaves out the others that move the back the same way; the flagged one itself stays
// out until its card clears the mark.
const DIRECTION_HOURS = 36;

/**
 * The movements to leave out, from recent flags: movement → the flagged techniques and the
 * latest flag's time. A position of ease moves nothing, and a card without a movement (a glide,
 * self-massage) says nothing about direction.
 * @param {Flag[]} flags @param {Record<string, any>} techniques @param {number} now
 * @returns {Map<string, { techniques: string[], at: string }>}
 */
export function avoidedMovements(flags, techniques, now) {
  const avoided = new Map();
  for (const flag of flags || []) {
    const at = Date.parse((flag && flag.at) || '');
    if (!(at <= now && now - at <= DIRECTION_HOURS * 3600 * 1000)) continue;
    const movement = movementOf(techniques, flag.technique);
    if (!movement || movement === MOVEMENT.POSITION_OF_EASE) continue;
    const seen = avoided.get(movement) || { techniques: [], at: flag.at };
    if (!seen.techniques.includes(flag.technique)) seen.techniques.push(flag.technique);
    if (String(flag.at) > String(seen.at)) seen.at = flag.at;
    avoided.set(movement, seen);
  }
  return avoided;
}

/** Whether a session within AFTER_MASSAGE_HOURS of `now` included self-massage.
    @param {PastSession[]} sessions @param {Record<string, any>} techniques @param {number} now */
export function massagedRecently(sessions, techniques, now) {
  return (sessions || []).some((session) => {
    const ended = Date.parse(session.endedAt || '');
    if (!(ended <= now && now - ended <= AFTER_MASSAGE_HOURS * 3600 * 1000)) return false;
    return (session.completed || []).some((step) => techniques[step.technique] && techniques[step.technique].kind === 'massage');
  });
}

/**
 * Routines whose most recent session ended with leg symptoms spreading further down (FACTS §9:
 * that suggests easing off): not suggested again until the person plays them again and it goes
 * otherwise. Newest session first wins.
 * @param {PastSession[]} sessions
 * @returns {Map<string, { name: string, endedAt: string, techniques: Set<string> }>} routine id → its
 *   name, when, and the techniques done in that session
 */
export function setAside(sessions) {
  /** @type {Map<string, any>} */
  const latest = new Map();
  for (const session of sessions || []) {
    if (!session || !session.routineId || !session.endedAt) continue;
    const seen = latest.get(session.routineId);
    if (!seen || String(session.endedAt) > String(seen.endedAt)) latest.set(session.routineId, session);
  }
  const aside = new Map();
  for (const [id, session] of latest) {
    if (session.symptomDirection !== 'further-down') continue;
    const done = new Set((session.completed || []).map((step) => step.technique));
    aside.set(id, { name: session.routineName || '', endedAt: session.endedAt, techniques: done });
  }
  return aside;
}

/** How much a routine asks of a sore leg: each step's intensity above gentle, one for each step
    that has a gentler alternative (the card's `gentler`), and one if every movement in it bends
    forward. Lower is gentler.
    @param {{ steps: Array<{ technique: string }> }} routine @param {Record<string, any>} techniques */
export function strain(routine, techniques) {
  // The movements: not the rests, nor self-massage (an add-on that moves nothing).
  const moves = routine.steps.map((step) => step.technique)
    .filter((slug) => movementOf(techniques, slug) !== MOVEMENT.POSITION_OF_EASE && (techniques[slug] || {}).kind !== 'massage');
  const forwardOnly = moves.length > 0 && moves.every((slug) => movementOf(techniques, slug) === MOVEMENT.BENDS_FORWARD);
  return routine.steps.reduce((sum, step) => {
    const t = techniques[step.technique] || {};
    return sum + (INTENSITY_RANK[t.intensity] ?? 1) + (t.gentler ? 1 : 0);
  }, forwardOnly ? 1 : 0);
}

/** "a chair", "a mat or rug and a strap or towel". @param {string[]} items */
function needWords(items) {
  return items.map((item) => `a ${(PREFERENCE_EQUIPMENT[item] || item).toLowerCase()}`).join(' and ');
}

/** Household things a person may have without ticking them: a rug only for floor work.
    @param {{ position?: string | null } | null} prefs */
function householdFor(prefs) {
  return HOUSEHOLD.filter((item) => item !== 'mat' || !prefs || prefs.position !== 'chair');
}

/** Whether a technique suits the person's answers and today's safety state. Equipment counts
    when ticked, plus `extra`: by default the household things (the home page's techniques to
    try); the suggestion passes none first, so that "with what you have" is true. */
function fitsTechnique(technique, slug, prefs, safety, extra = householdFor(prefs)) {
  if (!technique) return false;
  if (safety.notAdvised && safety.notAdvised[slug]) return false;
  if ((safety.flagged || []).includes(slug)) return false;
  if (!prefs) return true;
  const position = technique.position;
  if (prefs.position === 'chair' && !UPRIGHT.includes(position)) return false;
  // No answer about equipment (first run skipped): anything goes.
  if (!Array.isArray(prefs.equipment)) return true;
  const owned = new Set([...prefs.equipment, ...extra]);
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

/** Gentle before moderate before firm; moving (stretches, nerve glides) before massage; the lower
    back never first. */
function gentleFirst(slugs, techniques) {
  const rank = { gentle: 0, moderate: 1, firm: 2 };
  const sorted = [...slugs].sort((a, b) => {
    const ta = techniques[a];
    const tb = techniques[b];
    return (rank[ta.intensity] ?? 1) - (rank[tb.intensity] ?? 1)
      || (ta.kind === 'massage' ? 1 : 0) - (tb.kind === 'massage' ? 1 : 0)
      || (ta.order ?? 0) - (tb.order ?? 0)
      || a.localeCompare(b);
  });
  const first = sorted.findIndex((slug) => !needsWarmUp(techniques, slug));
  if (first > 0) sorted.unshift(...sorted.splice(first, 1));
  return sorted;
}

/**
 * The built-in routines that fit, each as it would be played (add-ons that don't fit, or don't
 * fit the time, left out).
 * @param {Catalog} catalog @param {(slug: string) => boolean} fits @param {number} budget
 * @param {boolean} massaged
 * @param {{ routines: Map<string, any>, techniques: Set<string> }} avoid  routines set aside
 *   (setAside) and the techniques done in their sessions
 * @returns {Suggestion[]}
 */
function builtinCandidates(catalog, fits, budget, massaged, avoid) {
  const techniques = catalog.techniques || {};
  /** @type {Suggestion[]} */
  const candidates = [];
  for (const routine of catalog.routines || []) {
    if (routine.flare) continue;
    if (routine.afterMassage && !massaged) continue;
    if (avoid.routines.has(routine.id)) continue;
    const required = routine.steps.filter((s) => s.optional !== true);
    if (!required.length || !required.every((s) => fits(s.technique))) continue;
    if (needsWarmUp(techniques, required[0].technique)) continue;
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
      candidates.push({ routine: bare, seconds: bareTime, builtin: true, reasons: [], leftOut: dropped, leftOutFor: 'time' });
      continue;
    }
    candidates.push({ routine: fitted, seconds: time, builtin: true, reasons: [], leftOut, leftOutFor: 'fit' });
  }
  const order = new Map((catalog.routines || []).map((r, i) => [r.id, i]));
  // After symptoms spread down the leg, what was done then is what "seemed to cause it": fewest
  // of those techniques first. Then the gentlest; the closest to the time the person has; the
  // catalog's order.
  const shared = (routine) => routine.steps.filter((step) => avoid.techniques.has(step.technique)).length;
  return candidates.sort((a, b) => shared(a.routine) - shared(b.routine)
    || strain(a.routine, techniques) - strain(b.routine, techniques)
    || Math.abs(budget - a.seconds) - Math.abs(budget - b.seconds)
    || (order.get(a.routine.id) ?? 0) - (order.get(b.routine.id) ?? 0));
}

/**
 * The routine to suggest today, or null (a red-flag day, or nothing fits).
 * A built-in routine is suggested when all its steps fit (its optional add-ons may be left out)
 * and its time is about the person's; the gentlest of those wins. Routines meant for after a
 * massage come only after a session with self-massage (`history.sessions`). When nothing fits
 * the equipment ticked, a routine needing only household things (a chair, a towel, a rug for
 * floor work) is offered, naming them; otherwise one is put together from the techniques that
 * fit, gentlest first, until the time is used.
 * @param {import('../preferences/prefs.js').Preferences | null} prefs
 * @param {Catalog} catalog
 * @param {SafetyState} [safetyState]
 * @param {History} [history]
 * @returns {Suggestion | null}
 */
export function suggestRoutine(prefs, catalog, safetyState = {}, history = {}) {
  const safety = safetyState || {};
  if (safety.block) return null;
  const techniques = catalog.techniques || {};
  const avoided = avoidedMovements((history && history.flags) || [], techniques, (history && history.now) || Date.now());
  if (!avoided.size) return suggestWithin(prefs, catalog, safety, history, () => true);
  // The same movement as what made things worse: left out, said why. Only when nothing fits
  // without it is it offered, saying so.
  const [movement, { techniques: flagged, at }] = [...avoided][0];
  const other = (slug) => !avoided.has(movementOf(techniques, slug));
  const without = suggestWithin(prefs, catalog, safety, history, other);
  if (without) return { ...without, direction: { movement, techniques: flagged, at, kept: false } };
  const anyway = suggestWithin(prefs, catalog, safety, history, () => true);
  return anyway && { ...anyway, direction: { movement, techniques: flagged, at, kept: true } };
}

/** suggestRoutine with techniques limited to those `allowed` passes.
    @param {import('../preferences/prefs.js').Preferences | null} prefs @param {Catalog} catalog
    @param {SafetyState} safety @param {History} history @param {(slug: string) => boolean} allowed
    @returns {Suggestion | null} */
function suggestWithin(prefs, catalog, safety, history, allowed) {
  const techniques = catalog.techniques || {};
  const budget = ((prefs && prefs.minutes) || DEFAULT_MINUTES) * 60;
  const massaged = massagedRecently((history && history.sessions) || [], techniques, (history && history.now) || Date.now());
  const fits = (slug) => allowed(slug) && fitsTechnique(techniques[slug], slug, prefs, safety, []);
  const reasons = [];
  if (prefs && prefs.minutes) reasons.push(`about ${prefs.minutes} minutes`);
  if (prefs && prefs.position === 'chair') reasons.push('on a chair or standing');
  else if (prefs && prefs.position === 'floor') reasons.push('floor work is OK');
  const ticked = prefs && Array.isArray(prefs.equipment) ? prefs.equipment : null;

  const aside = setAside((history && history.sessions) || []);
  const avoid = { routines: aside, techniques: new Set([...aside.values()].flatMap((a) => [...a.techniques])) };
  // Said on the card, so the person knows why their usual routine is not offered.
  const asideNote = [...aside].filter(([id]) => (catalog.routines || []).some((r) => r.id === id))
    .map(([id, { name, endedAt }]) => ({ id, name, endedAt }));
  const withNote = (suggestion) => (asideNote.length ? { ...suggestion, setAside: asideNote } : suggestion);
  const best = builtinCandidates(catalog, fits, budget, massaged, avoid)[0];
  if (best) {
    if (ticked) reasons.push(ticked.length ? 'with what you have' : 'no equipment');
    best.reasons = reasons;
    // A built-in routine with steps left out is a new routine: it plays as the person's own.
    if (best.leftOut.length) best.builtin = false;
    return withNote(best);
  }

  if (ticked) {
    // Nothing fits what was ticked: household things may do, said plainly.
    const extra = householdFor(prefs).filter((item) => !ticked.includes(item));
    const fitsWithExtra = (slug) => allowed(slug) && fitsTechnique(techniques[slug], slug, prefs, safety, extra);
    const household = builtinCandidates(catalog, fitsWithExtra, budget, massaged, avoid)[0];
    if (household) {
      const used = new Set(household.routine.steps.flatMap((step) => techniques[step.technique].equipment || []));
      const needs = extra.filter((item) => used.has(item));
      household.needs = needs;
      household.reasons = [...reasons, `if you have ${needWords(needs)}`];
      if (household.leftOut.length) household.builtin = false;
      return withNote(household);
    }
    reasons.push(ticked.length ? 'with what you have' : 'no equipment');
  }

  // Nothing built in fits: put one together.
  // The techniques done in a set-aside session go last, as in the built-in routines' order.
  const ordered = gentleFirst(Object.keys(techniques).filter(fits), techniques);
  const usable = [...ordered.filter((slug) => !avoid.techniques.has(slug)), ...ordered.filter((slug) => avoid.techniques.has(slug))];
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
  return withNote({
    routine: { id: 'suggested', name: 'Your routine for today', steps },
    seconds: time, builtin: false, reasons, leftOut: [],
  });
}

export { fitsTechnique, gentleFirst };
