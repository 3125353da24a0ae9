/* Reps that run themselves (issue 12): each rep follows a cadence of up, hold (the card's
   hold_seconds), down and rest. The moving part of a rep takes SECONDS_PER_REP from the
   contract, so a routine's total is the same here as on the server (webapp/routines/timing.py);
   the slow tempo stretches only the moving part, never the hold. Pure: node --test runs it. */
// @ts-check
import { SECONDS_PER_REP } from '../generated/contract.js';

/** @typedef {'up' | 'hold' | 'down' | 'rest'} Phase */
/** @typedef {{ rep: number, reps: number, phase: Phase, phaseLeftMs: number, phaseMs: number, done: boolean }} Cadence */

// How the moving seconds of a rep are shared out: 1.5 s up, 1.5 s down, 1 s rest at 4 s.
const SHARE = { up: 0.375, down: 0.375, rest: 0.25 };

/** Words on screen (and spoken) for each phase. */
export const PHASE_WORDS = Object.freeze({ up: 'Move into it', hold: 'Hold', down: 'Come back', rest: 'Relax' });

/** Seconds of movement in one rep at a tempo (percent of normal: 100, or 150 for slow).
    @param {number} [tempoPercent] */
export function repSeconds(tempoPercent = 100) {
  return (SECONDS_PER_REP * tempoPercent) / 100;
}

/** The phases of one rep, in order, with their length in ms (no hold phase when there is none).
    @param {number} holdSeconds @param {number} [moveSeconds] @returns {{ phase: Phase, ms: number }[]} */
export function repPhases(holdSeconds, moveSeconds = SECONDS_PER_REP) {
  const move = moveSeconds * 1000;
  /** @type {{ phase: Phase, ms: number }[]} */
  const phases = [{ phase: 'up', ms: Math.round(move * SHARE.up) }];
  if (holdSeconds > 0) phases.push({ phase: 'hold', ms: holdSeconds * 1000 });
  phases.push({ phase: 'down', ms: Math.round(move * SHARE.down) });
  phases.push({ phase: 'rest', ms: move - Math.round(move * SHARE.up) - Math.round(move * SHARE.down) });
  return phases;
}

/** Length of one rep in ms. @param {number} holdSeconds @param {number} [moveSeconds] */
export function repMs(holdSeconds, moveSeconds = SECONDS_PER_REP) {
  return moveSeconds * 1000 + Math.max(0, holdSeconds || 0) * 1000;
}

/** Seconds a set of reps takes (what expand.js gives the segment). */
export function setSeconds(reps, holdSeconds, moveSeconds = SECONDS_PER_REP) {
  return (reps * repMs(holdSeconds, moveSeconds)) / 1000;
}

/**
 * Where a set of reps is after `elapsedMs`: which rep (1-based), which phase and how long is left
 * of it; `done` once every rep has run.
 * @param {{ reps?: number, holdSeconds?: number, repSeconds?: number }} segment
 * @param {number} elapsedMs
 * @returns {Cadence}
 */
export function cadenceAt(segment, elapsedMs) {
  const hold = segment.holdSeconds || 0;
  const move = segment.repSeconds || SECONDS_PER_REP;
  const one = repMs(hold, move);
  const reps = segment.reps || 1;
  const t = Math.max(0, elapsedMs);
  if (t >= reps * one) {
    return { rep: reps, reps, phase: 'rest', phaseLeftMs: 0, phaseMs: 0, done: true };
  }
  const rep = Math.floor(t / one) + 1;
  let into = t - (rep - 1) * one;
  for (const { phase, ms } of repPhases(hold, move)) {
    if (into < ms) return { rep, reps, phase, phaseLeftMs: ms - into, phaseMs: ms, done: false };
    into -= ms;
  }
  return { rep, reps, phase: 'rest', phaseLeftMs: 0, phaseMs: 0, done: false };
}
