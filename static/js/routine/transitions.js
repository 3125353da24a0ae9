/* Time to move (issue 12): the pause before a step follows the change of position (floor,
   chair, standing, wall), and a "slower transitions" setting stretches it. The constants come
   from webapp/routines/timing.py through the contract, and timing.py applies the same rule to
   the routine totals the server shows. Pure: runs in the page and under node --test. */
// @ts-check
import { SLOW_TEMPO_PERCENT, SWITCH_SIDES, TRANSITIONS } from '../generated/contract.js';

/**
 * Seconds to get from one position into the next; `before` null or undefined means the start of
 * the routine (counted from standing: the phone is in the person's hand).
 * @param {string | null | undefined} before
 * @param {string | null | undefined} after
 * @param {{ slower?: boolean }} [options]
 * @returns {number}
 */
export function transitionSeconds(before, after, options) {
  const from = before || TRANSITIONS.start;
  const to = after || TRANSITIONS.start;
  /** @type {number} */
  let seconds = TRANSITIONS.change;
  if (from === to) seconds = TRANSITIONS.same;
  else if ((from === 'floor' && TRANSITIONS.upright.includes(to)) || (to === 'floor' && TRANSITIONS.upright.includes(from))) {
    seconds = TRANSITIONS.floorStanding;
  }
  return options && options.slower ? seconds * TRANSITIONS.slower : seconds;
}

/**
 * What the player's pacing settings mean for expandRoutine: `prefs` is the synced preferences
 * record (or, until it exists, the device's own settings) with `transition` ('normal' | 'slower';
 * `transitionTime` is read too) and `tempo` ('normal' | 'slow'); anything else counts as normal.
 * In a flare (`context.flare`) the transitions are the slower ones whatever the setting: getting
 * down to the floor or up from it hurts most then, and "Skip get-ready" is there for anyone
 * ready sooner. webapp/routines/timing.py counts a flare routine's time the same way.
 * @param {{ transition?: string, transitionTime?: string, tempo?: string } | null | undefined} prefs
 * @param {{ flare?: boolean }} [context]
 * @returns {{ slower: boolean, tempoPercent: number, switchSides: number }}
 */
export function transitionOptions(prefs, context) {
  const slower = Boolean(context && context.flare) || Boolean(prefs && (prefs.transition || prefs.transitionTime) === 'slower');
  return {
    slower,
    tempoPercent: prefs && prefs.tempo === 'slow' ? SLOW_TEMPO_PERCENT : 100,
    switchSides: slower ? SWITCH_SIDES * TRANSITIONS.slower : SWITCH_SIDES,
  };
}
