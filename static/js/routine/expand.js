/* Turns a saved routine plus the technique catalog into the flat list of timed segments the
   player walks through. No DOM: the same file runs in the page bundle and under node --test. */
// @ts-check

/**
 * A routine: built in (catalog.json) or saved on the device (RoutineData on the server).
 * @typedef {object} Routine
 * @property {string} [id]
 * @property {string} name
 * @property {RoutineStep[]} steps
 * @property {string | null} [createdAt]
 * @property {string | null} [updatedAt]
 */
/**
 * One step of a routine; an absent number means the technique's own dosing.
 * @typedef {object} RoutineStep
 * @property {string} technique  the technique's slug
 * @property {'left-right' | 'both' | 'none'} sides
 * @property {number | null} [seconds]
 * @property {number | null} [reps]
 * @property {number | null} [sets]
 * @property {number | null} [rest]  seconds of rest after the step
 * @property {boolean} [optional]  an add-on (built-in routines: self-massage) the player can leave out
 */
/**
 * A technique of the catalog, as far as the player needs it.
 * @typedef {object} Technique
 * @property {string} [slug]
 * @property {string} name
 * @property {string} [cue]
 * @property {string} [illustration]
 * @property {string} [alt]  the drawing's description, written for the right side like the steps
 * @property {string[]} [equipment]
 * @property {string} [position]
 * @property {string[]} [steps]  the card's numbered steps (the player's how-to sheet)
 * @property {string[]} [stop_if]
 * @property {string | null} [gentler]  a gentler technique's slug, offered when this one makes things worse
 * @property {{ type: 'time' | 'reps', seconds?: number, reps?: number, sets: number, hold_seconds?: number, rest_seconds?: number }} dosing
 */
/** Techniques by slug: a Map, a plain object (catalog.json) or a list of techniques with their slug.
    @typedef {Map<string, Technique> | Record<string, Technique> | Technique[]} Catalog */
/**
 * One part of a played routine: get ready, a technique (work), a rest or a switch of sides.
 * @typedef {object} Segment
 * @property {'ready' | 'work' | 'rest' | 'switch'} kind
 * @property {number} [seconds]  its length; absent on work counted in reps
 * @property {number} [step]  index of the routine step it belongs to (a pause between steps: the next one)
 * @property {string} [next]  ready and rest: the name of the technique that comes next
 * @property {string} [position]  ready: the position to move into, when it changes
 * @property {'left' | 'right'} [toSide]  switch
 * @property {string} [technique]  work: the technique's slug
 * @property {string} [name]  work
 * @property {string} [cue]  work
 * @property {string} [illustration]  work
 * @property {string} [alt]  work: the drawing's description
 * @property {'left' | 'right' | null} [side]  work
 * @property {number} [set]  work: 1 to sets
 * @property {number} [sets]  work
 * @property {boolean} [final]  work on two sides: the last side of the last set (no side to switch to after it)
 * @property {'time' | 'reps'} [mode]  work
 * @property {number} [reps]  work counted in reps
 * @property {number} [holdSeconds]  work counted in reps: the hold of each rep
 * @property {number} [repSeconds]  work counted in reps: the moving part of each rep (routine/cadence.js)
 */
/** A problem with a routine; `step` is the step's index, or null for the routine as a whole.
    @typedef {{ step: number | null, field: string, message: string }} StepError */

import {
  GET_READY, ROUTINE_LIMITS as LIMITS, ROUTINE_MAX_STEPS as MAX_STEPS, ROUTINE_NAME_MAX as NAME_MAX, SECONDS_PER_REP,
  STEP_SIDES as SIDES, SWITCH_SIDES, TRANSITIONS,
} from '../generated/contract.js';
import { repSeconds, setSeconds } from './cadence.js';
import { transitionSeconds } from './transitions.js';

// LIMITS are the server's routine step bounds (webapp/routines/records.py), which are the
// dosing schema's, so a routine step can never ask for more than a technique card could.
const NOUNS = { seconds: 'seconds', reps: 'reps', sets: 'sets', rest: 'rest after the step' };
// Upper bound for the get-ready and switch-sides pauses, which come from user settings.
const OPTION_MAX = 600;

class RoutineError extends Error {
  /** @param {string} message @param {StepError[]} [errors] */
  constructor(message, errors) {
    super(message);
    this.name = 'RoutineError';
    this.errors = errors || [];
  }
}

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isAbsent = (value) => value === undefined || value === null;
// Length in characters as a person counts them, so an emoji is one, not two UTF-16 units.
const charCount = (text) => Array.from(text).length;
const quoteSlug = (slug) => '"' + (slug.length > 40 ? slug.slice(0, 40) + '…' : slug) + '"';

function indexCatalog(catalog) {
  if (catalog instanceof Map) return catalog;
  const map = new Map();
  if (Array.isArray(catalog)) {
    for (const technique of catalog) {
      if (isObject(technique) && typeof technique.slug === 'string') map.set(technique.slug, technique);
    }
  } else if (isObject(catalog)) {
    // Copied into a Map so a slug such as "constructor" can't match an inherited property.
    for (const slug of Object.keys(catalog)) if (isObject(catalog[slug])) map.set(slug, catalog[slug]);
  }
  return map;
}

function checkStep(step, i, techniques, add) {
  const n = i + 1;
  if (!isObject(step)) {
    add(i, 'step', `Step ${n} is not a valid step.`);
    return;
  }
  const slug = step.technique;
  const technique = typeof slug === 'string' ? techniques.get(slug) : undefined;
  const label = technique ? `Step ${n} (${technique.name})` : `Step ${n}`;
  if (typeof slug !== 'string' || !slug) {
    add(i, 'technique', `Step ${n} has no technique.`);
  } else if (!technique) {
    add(i, 'technique', `Step ${n}: ${quoteSlug(slug)} is not a technique in this app's library.`);
  } else if (!isObject(technique.dosing) || (technique.dosing.type !== 'time' && technique.dosing.type !== 'reps')) {
    add(i, 'technique', `${label}: the technique's dosing data is incomplete.`);
  }

  for (const field of Object.keys(LIMITS)) {
    const value = step[field];
    if (isAbsent(value)) continue;
    const [lo, hi] = LIMITS[field];
    if (!Number.isInteger(value) || value < lo || value > hi) {
      add(i, field, `${label}: ${NOUNS[field]} must be a whole number from ${lo} to ${hi}.`);
    }
  }
  if (!isAbsent(step.seconds) && !isAbsent(step.reps)) {
    add(i, 'reps', `${label}: give either seconds or reps, not both.`);
  } else if (technique && isObject(technique.dosing)) {
    // The mode follows the technique: a timed hold can't be counted in reps and vice versa.
    if (technique.dosing.type === 'time' && !isAbsent(step.reps)) {
      add(i, 'reps', `${label} is timed, so it takes seconds, not reps.`);
    } else if (technique.dosing.type === 'reps' && !isAbsent(step.seconds)) {
      add(i, 'seconds', `${label} is counted in reps, so it takes reps, not seconds.`);
    }
  }
  if (!SIDES.includes(step.sides)) {
    add(i, 'sides', `${label}: sides must be "both", "left-right" or "none".`);
  }
  if (!isAbsent(step.optional) && typeof step.optional !== 'boolean') {
    add(i, 'optional', `${label}: optional must be true or false.`);
  }
}

function collectErrors(routine, techniques) {
  const errors = [];
  const add = (step, field, message) => errors.push({ step, field, message });
  if (!isObject(routine)) {
    add(null, 'routine', 'The routine is missing or is not a routine.');
    return errors;
  }
  const name = routine.name;
  if (typeof name !== 'string' || !name.trim()) {
    add(null, 'name', 'Give the routine a name.');
  } else if (charCount(name.trim()) > NAME_MAX) {
    add(null, 'name', `The routine's name is too long: at most ${NAME_MAX} characters.`);
  }
  const steps = routine.steps;
  if (!Array.isArray(steps) || steps.length === 0) {
    add(null, 'steps', 'The routine has no steps. Add at least one technique.');
  } else if (steps.length > MAX_STEPS) {
    add(null, 'steps', `The routine has ${steps.length} steps; the most is ${MAX_STEPS}.`);
  } else {
    steps.forEach((step, i) => checkStep(step, i, techniques, add));
  }
  return errors;
}

/** Checks a routine (from storage, a share link or the builder: anything) against the catalog.
    @param {Routine} routine @param {Catalog} catalog
    @returns {{ ok: boolean, errors?: StepError[] }} */
function validateRoutine(routine, catalog) {
  const errors = collectErrors(routine, indexCatalog(catalog));
  return errors.length ? { ok: false, errors } : { ok: true };
}

function optionSeconds(value, fallback, what) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < 0 || value > OPTION_MAX) {
    throw new RoutineError(`${what} must be a whole number of seconds from 0 to ${OPTION_MAX}.`);
  }
  return value;
}

function workSegment(step, i, technique, side, set, sets, tempoPercent) {
  const dosing = technique.dosing;
  /** @type {Segment} */
  const segment = {
    kind: 'work',
    step: i,
    technique: step.technique,
    name: technique.name,
    cue: technique.cue,
    illustration: technique.illustration,
    alt: technique.alt,
    side,
    set,
    sets,
    mode: dosing.type,
  };
  if (dosing.type === 'time') {
    segment.seconds = isAbsent(step.seconds) ? dosing.seconds : step.seconds;
  } else {
    segment.reps = isAbsent(step.reps) ? dosing.reps : step.reps;
    segment.holdSeconds = dosing.hold_seconds || 0;
    // Reps run themselves at a cadence (routine/cadence.js): the set has a length like a hold.
    segment.repSeconds = repSeconds(tempoPercent);
    segment.seconds = Math.round(setSeconds(segment.reps, segment.holdSeconds, segment.repSeconds));
  }
  return segment;
}

/** The segments the player walks through; throws a RoutineError for an invalid routine.
    @param {Routine} routine @param {Catalog} catalog
    @param {{ getReady?: number, switchSides?: number, skip?: Iterable<string>, withoutOptional?: boolean,
      slower?: boolean, tempoPercent?: number }} [options]
      getReady fixes the first pause (otherwise it follows the position, routine/transitions.js);
      switchSides in seconds; slugs to leave out; withoutOptional leaves out the optional steps (as
      webapp/routines/timing.py total_seconds(..., without_optional=True) counts them); slower
      doubles the pauses to move; tempoPercent (100 or more) slows the moving part of each rep
    @returns {Segment[]} */
function expandRoutine(routine, catalog, options) {
  const opts = options || {};
  const slower = opts.slower === true;
  const getReady = optionSeconds(opts.getReady, GET_READY, 'getReady');
  const switchSides = optionSeconds(opts.switchSides, slower ? SWITCH_SIDES * TRANSITIONS.slower : SWITCH_SIDES, 'switchSides');
  const tempoPercent = opts.tempoPercent === undefined ? 100 : opts.tempoPercent;
  if (!Number.isInteger(tempoPercent) || tempoPercent < 100 || tempoPercent > 300) {
    throw new RoutineError('tempoPercent must be a whole number from 100 to 300.');
  }
  const skip = new Set(opts.skip || []);
  const withoutOptional = opts.withoutOptional === true;
  const techniques = indexCatalog(catalog);

  const errors = collectErrors(routine, techniques);
  if (errors.length) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? 's' : ''})` : '';
    throw new RoutineError(errors[0].message + more, errors);
  }

  const included = [];
  routine.steps.forEach((step, i) => {
    if (!skip.has(step.technique) && !(withoutOptional && step.optional === true)) included.push(i);
  });
  if (!included.length) {
    const message = withoutOptional && routine.steps.every((step) => step.optional === true)
      ? 'Every step in this routine is optional, so there is nothing to play without the optional steps.'
      : 'Every technique in this routine is set to be skipped, so there is nothing to play.';
    throw new RoutineError(message, [{ step: null, field: 'skip', message }]);
  }

  /** @type {Segment[]} */
  const segments = [];
  const nameOf = (i) => techniques.get(routine.steps[i].technique).name;
  const positionOf = (i) => techniques.get(routine.steps[i].technique).position || null;
  // Time to move: the first pause counts from standing, unless the caller fixes it.
  const first = opts.getReady === undefined ? transitionSeconds(null, positionOf(included[0]), { slower }) : getReady;
  if (first > 0) {
    /** @type {Segment} */
    const ready = { kind: 'ready', seconds: first, step: included[0], next: nameOf(included[0]) };
    if (positionOf(included[0])) ready.position = positionOf(included[0]);
    segments.push(ready);
  }

  included.forEach((i, k) => {
    const step = routine.steps[i];
    const technique = techniques.get(step.technique);
    const sets = isAbsent(step.sets) ? technique.dosing.sets : step.sets;
    /** @type {Array<'left' | 'right' | null>} */
    const sides = step.sides === 'left-right' ? ['left', 'right'] : [null];
    const setRest = technique.dosing.rest_seconds;
    for (let set = 1; set <= sets; set += 1) {
      sides.forEach((side, s) => {
        if (s > 0 && switchSides > 0) segments.push({ kind: 'switch', seconds: switchSides, step: i, toSide: side });
        const work = workSegment(step, i, technique, side, set, sets, tempoPercent);
        if (side && set === sets && s === sides.length - 1) work.final = true;
        segments.push(work);
      });
      if (set < sets && setRest > 0) segments.push({ kind: 'rest', seconds: setRest, step: i, next: technique.name });
    }
    // The pause between steps: the rest asked for (which belongs to the step before it, so
    // skipping a step drops its own rest) or the time to move into the next position, whichever
    // is longer. It counts as the next step's, so "skip this technique" stops before it.
    const rest = isAbsent(step.rest) ? 0 : step.rest;
    if (k < included.length - 1) {
      const following = included[k + 1];
      const moves = (positionOf(i) || '') !== (positionOf(following) || '');
      const seconds = Math.max(rest, transitionSeconds(positionOf(i), positionOf(following), { slower }));
      /** @type {Segment} */
      const gap = { kind: moves || rest === 0 ? 'ready' : 'rest', seconds, step: following, next: nameOf(following) };
      if (moves && positionOf(following)) gap.position = positionOf(following);
      segments.push(gap);
    }
  });
  return segments;
}

/** A routine's length in seconds, counting `secondsPerRep` (plus the hold) for each rep.
    @param {Segment[]} segments @param {{ secondsPerRep?: number }} [options] @returns {number} */
function totalSeconds(segments, options) {
  const secondsPerRep = options && options.secondsPerRep !== undefined ? options.secondsPerRep : SECONDS_PER_REP;
  let total = 0;
  for (const segment of segments || []) {
    if (segment.kind === 'work' && segment.mode === 'reps') {
      total += segment.reps * (secondsPerRep + (segment.holdSeconds || 0));
    } else {
      total += segment.seconds || 0;
    }
  }
  return total;
}

export {
  expandRoutine,
  validateRoutine,
  totalSeconds,
  RoutineError,
  LIMITS,
  SIDES,
  MAX_STEPS,
  NAME_MAX,
};
