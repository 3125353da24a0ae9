/* The routine player's clock as pure functions over a plain, JSON-safe state object.
   Nothing here counts intervals: a backgrounded or throttled page may not run timers for
   minutes, so every call takes `now` (ms, e.g. Date.now()) and works out from the timestamps
   where the routine must be. Functions never mutate the state they are given. */
// @ts-check

/** @typedef {import('./expand.js').Segment} Segment */
/**
 * The player's state: plain data, saved as JSON so a reload resumes.
 * @typedef {object} TimerState
 * @property {number} v  format version
 * @property {'running' | 'paused' | 'finished' | 'ended'} status
 * @property {number} index  the current segment (segments.length once finished)
 * @property {number} segmentStart  ms when the current segment started (shifted by pauses)
 * @property {number | null} pausedAt
 * @property {number} startedAt
 * @property {number | null} endedAt
 * @property {TimerLogEntry[]} log  each work segment left, done or skipped
 * @property {{ index: number, secondsLeft: number } | null} lastCue  the last countdown second cued
 * @property {Segment[]} segments
 * @property {number} [savedAt]  set by serialize
 */
/** @typedef {{ index: number, step: number, technique: string, side: 'left' | 'right' | null, set: number, result: 'done' | 'skipped', at: number }} TimerLogEntry */
/** What a call made happen, for the page to draw and cue.
    @typedef {{ type: 'segment', index: number, segment: Segment } | { type: 'countdown', secondsLeft: number, index: number } | { type: 'finished' } | { type: 'ended' }} TimerEvent */
/** @typedef {{ state: TimerState, events: TimerEvent[] }} Step */

const VERSION = 1;
const STATUSES = ['running', 'paused', 'finished', 'ended'];
const KINDS = ['ready', 'work', 'rest', 'switch'];
const COUNTDOWN_FROM = 3;
// Pressing back this soon after a segment starts means "the one before", as on a music player.
const BACK_GRACE_MS = 3000;
// A half-done routine from much earlier is not something to drop a person back into.
const DEFAULT_MAX_AGE_MS = 12 * 60 * 60 * 1000;
// Far above what expand.js can produce (40 steps x 10 sets x 2 sides plus pauses).
const MAX_SEGMENTS = 2000;
const MAX_LOG = 10000;

const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const isTime = (value) => typeof value === 'number' && Number.isFinite(value);
const isActive = (state) => isObject(state) && (state.status === 'running' || state.status === 'paused');
// Reps are timed too when expand.js gave them a length (their cadence); a state saved before
// that has reps without one, and those wait for a tap.
const isTimed = (segment) => !(segment.kind === 'work' && segment.mode === 'reps') || typeof segment.seconds === 'number';
const isReps = (segment) => segment.kind === 'work' && segment.mode === 'reps';
const clockOf = (state, now) => (state.status === 'paused' ? state.pausedAt : now);
const elapsedMs = (state, now) => Math.max(0, clockOf(state, now) - state.segmentStart);
const unchanged = (state) => ({ state, events: [] });

/** @param {TimerState} state @returns {Segment | null} */
function current(state) {
  if (!isObject(state) || !Array.isArray(state.segments)) return null;
  return state.segments[state.index] || null;
}

/** @param {Segment[]} segments @param {number} now @returns {TimerState} */
function start(segments, now) {
  if (!Array.isArray(segments) || segments.length === 0) throw new TypeError('timer.start needs at least one segment.');
  if (!isTime(now)) throw new TypeError('timer.start needs the current time in ms.');
  return {
    v: VERSION,
    status: 'running',
    index: 0,
    segmentStart: now,
    pausedAt: null,
    startedAt: now,
    endedAt: null,
    log: [],
    lastCue: null,
    segments: segments.slice(),
  };
}

function withLeft(state, result, at) {
  const segment = state.segments[state.index];
  if (!segment || segment.kind !== 'work') return state;
  const entry = {
    index: state.index,
    step: segment.step,
    technique: segment.technique,
    side: segment.side,
    set: segment.set,
    result,
    at,
  };
  return Object.assign({}, state, { log: state.log.concat([entry]) });
}

function enter(state, index, at, events) {
  if (index >= state.segments.length) {
    events.push({ type: 'finished' });
    return Object.assign({}, state, {
      status: 'finished', index: state.segments.length, segmentStart: at, pausedAt: null, endedAt: at, lastCue: null,
    });
  }
  events.push({ type: 'segment', index, segment: state.segments[index] });
  // A move made while paused stays paused, at the very start of the new segment.
  return Object.assign({}, state, {
    index, segmentStart: at, pausedAt: state.status === 'paused' ? at : null, lastCue: null,
  });
}

function countdown(state, now) {
  const segment = current(state);
  // A set of reps is paced by its cadence (routine/cadence.js), not by a final countdown.
  if (!segment || !isTimed(segment) || isReps(segment)) return 0;
  const leftMs = segment.seconds * 1000 - elapsedMs(state, now);
  if (leftMs <= 0) return 0;
  const second = Math.ceil(leftMs / 1000);
  if (second > COUNTDOWN_FROM) return 0;
  const last = state.lastCue;
  if (last && last.index === state.index && last.secondsLeft <= second) return 0;
  return second;
}

/** Moves on past every segment whose time is up, and cues the countdown.
    @param {TimerState} state @param {number} now @returns {Step} */
function advance(state, now) {
  if (!isObject(state) || state.status !== 'running') return unchanged(state);
  /** @type {TimerEvent[]} */
  const events = [];
  let s = state;
  for (;;) {
    const segment = s.segments[s.index];
    if (!isTimed(segment)) break;
    const endsAt = s.segmentStart + segment.seconds * 1000;
    if (now < endsAt) break;
    // Boundaries are carried from the exact end time, not from `now`, so a long gap between
    // calls lands on the same place a page that never slept would have reached.
    s = enter(withLeft(s, 'done', endsAt), s.index + 1, endsAt, events);
    if (s.status === 'finished') return { state: s, events };
  }
  // Only the current second of the current segment is ever cued: seconds that passed while
  // the page slept are gone, and a burst of stale beeps would only confuse.
  const second = countdown(s, now);
  if (second) {
    events.push({ type: 'countdown', secondsLeft: second, index: s.index });
    s = Object.assign({}, s, { lastCue: { index: s.index, secondsLeft: second } });
  }
  return { state: s, events };
}

/** Seconds left in the current segment; null for one counted in reps.
    @param {TimerState} state @param {number} now @returns {number | null} */
function remaining(state, now) {
  const segment = current(state);
  if (!segment) return 0;
  if (!isTimed(segment)) return null;
  if (!isActive(state)) return 0;
  const left = segment.seconds - elapsedMs(state, now) / 1000;
  return Math.min(segment.seconds, Math.max(0, left));
}

/** @param {TimerState} state @param {number} now @returns {Step} */
function pause(state, now) {
  if (!isObject(state) || state.status !== 'running') return unchanged(state);
  const caught = advance(state, now);
  if (caught.state.status !== 'running') return caught;
  return { state: Object.assign({}, caught.state, { status: 'paused', pausedAt: now }), events: caught.events };
}

/** @param {TimerState} state @param {number} now @returns {Step} */
function resume(state, now) {
  if (!isObject(state) || state.status !== 'paused') return unchanged(state);
  const pausedFor = Math.max(0, now - state.pausedAt);
  return {
    state: Object.assign({}, state, { status: 'running', pausedAt: null, segmentStart: state.segmentStart + pausedFor }),
    events: [],
  };
}

/** @param {TimerState} state @param {number} now @returns {Step} */
function skip(state, now) {
  if (!isActive(state)) return unchanged(state);
  const caught = advance(state, now);
  // If the segment on screen had already run out, the skip is satisfied: skipping again would
  // throw away a segment the person has not even seen.
  if (caught.state.index !== state.index || !isActive(caught.state)) return caught;
  const events = caught.events.slice();
  const s = enter(withLeft(caught.state, 'skipped', now), caught.state.index + 1, now, events);
  return { state: s, events };
}

/** @param {TimerState} state @param {number} now @returns {Step} */
function back(state, now) {
  if (!isActive(state)) return unchanged(state);
  const caught = advance(state, now);
  const s = caught.state;
  if (!isActive(s)) return caught;
  let target = s.index;
  if (elapsedMs(s, now) <= BACK_GRACE_MS) {
    for (let j = s.index - 1; j >= 0; j -= 1) {
      const kind = s.segments[j].kind;
      if (kind === 'work' || kind === 'ready') {
        target = j;
        break;
      }
    }
  }
  const events = caught.events.slice();
  // The segment being left is not logged: going back means it is still to come.
  return { state: enter(s, target, now, events), events };
}

/** The segments from the current one to the end of its routine step (sets, sides, switches and
    rests between sets; not the pause before the next step). */
function stepEnd(state) {
  const step = state.segments[state.index].step;
  let stop = state.index + 1;
  while (stop < state.segments.length && state.segments[stop].step === step && state.segments[stop].kind !== 'ready') stop += 1;
  return stop;
}

function skippedUntil(state, stop, now) {
  let s = state;
  for (let i = state.index; i < stop; i += 1) s = withLeft(Object.assign({}, s, { index: i }), 'skipped', now);
  return s;
}

/** "Skip this technique now": every remaining set and side of the current step is skipped.
    @param {TimerState} state @param {number} now @returns {Step} */
function skipStep(state, now) {
  if (!isActive(state)) return unchanged(state);
  const caught = advance(state, now);
  if (!isActive(caught.state)) return caught;
  const events = caught.events.slice();
  const stop = stepEnd(caught.state);
  return { state: enter(skippedUntil(caught.state, stop, now), stop, now, events), events };
}

/** "Switch to a gentler alternative": the rest of the current step is skipped and `replacement`
    (segments of the same step) comes next. Earlier segments keep their places, so the log
    still matches them.
    @param {TimerState} state @param {number} now @param {Segment[]} replacement @returns {Step} */
function replaceStep(state, now, replacement) {
  if (!isActive(state) || !Array.isArray(replacement) || replacement.length === 0) return unchanged(state);
  const caught = advance(state, now);
  if (!isActive(caught.state)) return caught;
  const s = caught.state;
  const stop = stepEnd(s);
  const segments = s.segments.slice(0, stop).concat(replacement, s.segments.slice(stop));
  if (segments.length > MAX_SEGMENTS) return caught;
  const events = caught.events.slice();
  const skipped = skippedUntil(Object.assign({}, s, { segments }), stop, now);
  return { state: enter(skipped, stop, now, events), events };
}

/** "Done with this set": a set of reps ends now, done, whether or not its cadence has run out.
    @param {TimerState} state @param {number} now @returns {Step} */
function completeReps(state, now) {
  if (!isActive(state)) return unchanged(state);
  const segment = current(state);
  if (!segment || !isReps(segment)) return unchanged(state);
  /** @type {TimerEvent[]} */
  const events = [];
  return { state: enter(withLeft(state, 'done', now), state.index + 1, now, events), events };
}

/** @param {TimerState} state @param {number} now @returns {Step} */
function end(state, now) {
  if (!isActive(state)) return unchanged(state);
  const caught = advance(state, now);
  if (!isActive(caught.state)) return caught;
  const events = caught.events.concat([{ type: 'ended' }]);
  const s = Object.assign({}, withLeft(caught.state, 'skipped', now), {
    status: 'ended', endedAt: now, pausedAt: null, lastCue: null,
  });
  return { state: s, events };
}

/** @param {TimerState} state */
function summary(state) {
  const done = new Map();
  const skipped = new Map();
  // A segment done once counts as done even if it was later redone (via back) and skipped.
  for (const entry of state.log) {
    if (entry.result === 'done') {
      done.set(entry.index, entry);
      skipped.delete(entry.index);
    } else if (!done.has(entry.index)) {
      skipped.set(entry.index, entry);
    }
  }
  const byIndex = (a, b) => a.index - b.index;
  return {
    completed: Array.from(done.values()).sort(byIndex),
    skipped: Array.from(skipped.values()).sort(byIndex),
    total: state.segments.filter((segment) => segment.kind === 'work').length,
    status: state.status,
    startedAt: state.startedAt,
    endedAt: state.endedAt,
  };
}

/** @param {TimerState} state @param {number} [now] @returns {string} */
function serialize(state, now) {
  const savedAt = isTime(now) ? now : Date.now();
  return JSON.stringify(Object.assign({}, state, { savedAt }));
}

const isInt = (value, lo, hi) => Number.isInteger(value) && value >= lo && value <= hi;
const isOptionalText = (value) => value === undefined || value === null || typeof value === 'string';

// Rebuilt field by field from what was checked, so nothing unexpected in storage survives.
/** @returns {Segment | null} */
function cleanSegment(raw) {
  if (!isObject(raw) || !KINDS.includes(raw.kind)) return null;
  if (raw.kind !== 'work') {
    if (!isInt(raw.seconds, 0, 1200)) return null;
    /** @type {Segment} */
    const segment = { kind: raw.kind, seconds: raw.seconds };
    if (raw.position !== undefined) {
      if (typeof raw.position !== 'string') return null;
      segment.position = raw.position;
    }
    if (raw.step !== undefined) {
      if (!isInt(raw.step, 0, MAX_SEGMENTS)) return null;
      segment.step = raw.step;
    }
    if (raw.next !== undefined) {
      if (typeof raw.next !== 'string') return null;
      segment.next = raw.next;
    }
    if (raw.kind === 'switch') {
      if (raw.toSide !== 'left' && raw.toSide !== 'right') return null;
      segment.toSide = raw.toSide;
    }
    return segment;
  }
  if (typeof raw.technique !== 'string' || !raw.technique || typeof raw.name !== 'string') return null;
  if (!isOptionalText(raw.cue) || !isOptionalText(raw.illustration) || !isOptionalText(raw.alt)) return null;
  if (raw.side !== 'left' && raw.side !== 'right' && raw.side !== null) return null;
  if (!isInt(raw.step, 0, MAX_SEGMENTS) || !isInt(raw.sets, 1, 10) || !isInt(raw.set, 1, raw.sets)) return null;
  /** @type {Segment} */
  const segment = {
    kind: 'work',
    step: raw.step,
    technique: raw.technique,
    name: raw.name,
    side: raw.side,
    set: raw.set,
    sets: raw.sets,
    mode: raw.mode,
  };
  if (typeof raw.cue === 'string') segment.cue = raw.cue;
  if (typeof raw.illustration === 'string') segment.illustration = raw.illustration;
  if (typeof raw.alt === 'string') segment.alt = raw.alt;
  if (raw.final === true) segment.final = true;
  if (raw.mode === 'time') {
    if (!isInt(raw.seconds, 1, 600)) return null;
    segment.seconds = raw.seconds;
  } else if (raw.mode === 'reps') {
    if (!isInt(raw.reps, 1, 50) || !isInt(raw.holdSeconds, 0, 60)) return null;
    segment.reps = raw.reps;
    segment.holdSeconds = raw.holdSeconds;
    if (raw.seconds !== undefined) {
      if (!isInt(raw.seconds, 1, 3600) || typeof raw.repSeconds !== 'number' || !(raw.repSeconds >= 1 && raw.repSeconds <= 20)) return null;
      segment.seconds = raw.seconds;
      segment.repSeconds = raw.repSeconds;
    }
  } else {
    return null;
  }
  return segment;
}

function cleanLogEntry(raw, segments) {
  if (!isObject(raw) || !Number.isInteger(raw.index)) return null;
  const segment = segments[raw.index];
  if (!segment || segment.kind !== 'work') return null;
  if (raw.technique !== segment.technique || raw.side !== segment.side) return null;
  if ((raw.result !== 'done' && raw.result !== 'skipped') || !isTime(raw.at)) return null;
  return {
    index: raw.index, step: segment.step, technique: segment.technique, side: segment.side, set: segment.set,
    result: raw.result, at: raw.at,
  };
}

/** A saved state, checked field by field, paused if it was running; null if unusable or too old.
    @param {string | object} json @param {number} now @param {{ maxAgeMs?: number }} [options]
    @returns {TimerState | null} */
function restore(json, now, options) {
  try {
    return restoreUnsafe(json, now, options || {});
  } catch (error) {
    return null;
  }
}

function restoreUnsafe(json, now, options) {
  const maxAgeMs = options.maxAgeMs === undefined ? DEFAULT_MAX_AGE_MS : options.maxAgeMs;
  const data = typeof json === 'string' ? JSON.parse(json) : json;
  if (!isObject(data) || data.v !== VERSION || !STATUSES.includes(data.status) || !isTime(now)) return null;
  if (!isTime(data.savedAt) || now - data.savedAt > maxAgeMs) return null;
  if (!isTime(data.startedAt) || !isTime(data.segmentStart)) return null;

  const rawSegments = data.segments;
  if (!Array.isArray(rawSegments) || rawSegments.length === 0 || rawSegments.length > MAX_SEGMENTS) return null;
  const segments = rawSegments.map(cleanSegment);
  if (segments.includes(null)) return null;

  const finished = data.status === 'finished';
  if (!isInt(data.index, 0, segments.length - (finished ? 0 : 1)) || (finished && data.index !== segments.length)) return null;
  if (data.status === 'paused' ? !isTime(data.pausedAt) : data.pausedAt !== null) return null;
  const over = finished || data.status === 'ended';
  if (over ? !isTime(data.endedAt) : data.endedAt !== null) return null;

  if (!Array.isArray(data.log) || data.log.length > MAX_LOG) return null;
  const log = data.log.map((entry) => cleanLogEntry(entry, segments));
  if (log.includes(null)) return null;

  let lastCue = null;
  if (data.lastCue !== null) {
    const cue = data.lastCue;
    if (!isObject(cue) || cue.index !== data.index || !isInt(cue.secondsLeft, 1, COUNTDOWN_FROM)) return null;
    lastCue = { index: cue.index, secondsLeft: cue.secondsLeft };
  }

  const state = {
    v: VERSION,
    status: data.status,
    index: data.index,
    segmentStart: data.segmentStart,
    pausedAt: data.pausedAt,
    startedAt: data.startedAt,
    endedAt: data.endedAt,
    log,
    lastCue,
    segments,
  };
  if (over) return state;
  // The time the app was closed must not count, and someone reopening it is rarely in
  // position yet: come back paused, with exactly the time that was left, and let them resume.
  const into = Math.max(0, (data.status === 'paused' ? data.pausedAt : data.savedAt) - data.segmentStart);
  return Object.assign(state, { status: 'paused', pausedAt: now, segmentStart: now - into });
}

export {
  start,
  advance,
  remaining,
  current,
  pause,
  resume,
  skip,
  back,
  completeReps,
  skipStep,
  replaceStep,
  end,
  summary,
  serialize,
  restore,
  STATUSES,
};
