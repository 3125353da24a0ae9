/* What the builder gives a step it adds: the card's starting dose (its dosing `start`, from the
   note's "start with ..."), and the note for a technique marked as making things worse. Pure:
   Node tests it. */
// @ts-check

/**
 * A new step for a technique, at the card's starting dose; what `start` leaves blank is the
 * full dose's.
 * @param {string} slug
 * @param {{ dosing: { type: 'time' | 'reps', seconds?: number, reps?: number, sets: number, per_side: boolean, start?: { seconds?: number | null, reps?: number | null, sets?: number | null } | null } }} technique
 * @returns {import('./expand.js').RoutineStep}
 */
export function startingStep(slug, technique) {
  const dosing = technique.dosing;
  const start = dosing.start || {};
  const key = dosing.type === 'time' ? 'seconds' : 'reps';
  return {
    technique: slug,
    [key]: start[key] ?? dosing[key],
    sets: start.sets ?? dosing.sets,
    sides: dosing.per_side ? 'left-right' : 'none',
    rest: 15,
  };
}

/** The latest "made it worse" mark for each technique. @param {Array<{ technique: string, at: string }>} flags
    @returns {Map<string, string>} technique → when */
export function latestFlags(flags) {
  const latest = new Map();
  for (const flag of flags || []) {
    if (!flag || !flag.technique) continue;
    if (!latest.has(flag.technique) || String(flag.at) > latest.get(flag.technique)) latest.set(flag.technique, flag.at);
  }
  return latest;
}

/** The routine page's words for a flagged step (routine/page.js), for a step being built: it is
    left out when the routine plays. @param {string} at */
export function flaggedText(at) {
  return `Left out when played: you said it made things worse (${new Date(at).toLocaleDateString()}). Its card can clear the mark.`;
}
