/* An interrupted routine, offered again (issue 12): the player saves its state in localStorage
   (routine/player.js); a routine left less than a day ago can be continued from the routines
   list or Home. No DOM and no imports of page code, so any page (and node --test) can use it. */
// @ts-check

export const SAVE_KEY = 'relieve.player';
export const RESUME_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * @typedef {{ url: string, name: string, savedAt: number, stepText: string }} Resumable
 */

/**
 * What can be continued, from the saved player state, or null.
 * @param {any} saved  the parsed value of localStorage[SAVE_KEY]
 * @param {number} now  ms
 * @returns {Resumable | null}
 */
export function resumableFrom(saved, now) {
  if (!saved || typeof saved !== 'object' || !saved.run || typeof saved.state !== 'string') return null;
  let state;
  try {
    state = JSON.parse(saved.state);
  } catch {
    return null;
  }
  if (!state || (state.status !== 'running' && state.status !== 'paused')) return null;
  const savedAt = Number(state.savedAt);
  if (!Number.isFinite(savedAt) || now - savedAt > RESUME_MAX_AGE_MS || now < savedAt - 60000) return null;
  const url = typeof saved.url === 'string' && saved.url.startsWith('/play?') ? saved.url
    : typeof saved.routineId === 'string' ? `/play?routine=${encodeURIComponent(saved.routineId)}` : null;
  if (!url || !Array.isArray(state.segments)) return null;
  const works = state.segments.filter((s) => s && s.kind === 'work');
  const order = [...new Set(works.map((s) => s.step))];
  const segment = state.segments[state.index];
  const at = segment && segment.step !== undefined ? order.indexOf(segment.step) : -1;
  const stepText = order.length ? `Step ${Math.max(1, at + 1)} of ${order.length}` : '';
  return { url, name: String(saved.run.routineName || 'Your routine'), savedAt, stepText };
}

/** The routine this device can continue, or null. @param {number} [now] */
export function resumable(now = Date.now()) {
  try {
    return resumableFrom(JSON.parse(globalThis.localStorage.getItem(SAVE_KEY) || 'null'), now);
  } catch {
    return null;
  }
}
