/* The rules for the function check-in (the Patient-Specific Functional Scale): the activities a
   person names and their weekly ratings. The server checks the same again on sync
   (webapp/symptoms/records.py, ActivityData and FunctionCheckData); the limits come from the
   contract generated from that Python. */
// @ts-check
import {
  ACTIVITY_NAME_MAX, CHANGES, ISO_TIME_PATTERN, LOG_EARLIEST_MS as EARLIEST, MINUTES_MAX, SCORE_RANGE, ACTIVITIES_MAX,
} from '../generated/contract.js';

/**
 * @typedef {{ id?: string, name: string, addedAt: string, archived?: boolean, updatedAt?: string | null }} Activity
 * @typedef {{ activity: string, name: string, score: number }} Rating
 * @typedef {object} FunctionCheck
 * @property {string} [id]
 * @property {string} checkedAt  ISO time
 * @property {Rating[]} ratings  one per activity rated, 0 (unable) to 10 (as before)
 * @property {number | null} [walkMinutes]
 * @property {number | null} [sitMinutes]
 * @property {number | null} [change]  -3 (very much worse) to 3 (very much better)
 * @property {string | null} [updatedAt]
 */

const FUTURE_GRACE_MS = 60 * 1000;
const ISO = new RegExp(ISO_TIME_PATTERN);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

function timeError(value, now) {
  const time = typeof value === 'string' && ISO.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) return 'Enter a date and time.';
  if (time > now + FUTURE_GRACE_MS) return "The date and time can't be in the future.";
  if (time < EARLIEST) return 'Enter a date from the year 2000 on.';
  return '';
}

/** The message for an activity's name, or '' when it is fine. @param {*} name */
function nameError(name) {
  if (typeof name !== 'string' || !name.trim()) return 'Give the activity a name, for example "walking the dog".';
  if (CONTROL.test(name)) return "The name contains a character that can't be saved.";
  if (name.trim().length > ACTIVITY_NAME_MAX) return 'Keep the name to ' + ACTIVITY_NAME_MAX + ' characters (it has ' + name.trim().length + ').';
  return '';
}

/** @param {*} input @param {{ now?: number }} [options]
    @returns {{ errors: Record<string, string>, value: Activity }} */
function validateActivity(input, { now = Date.now() } = {}) {
  const entry = input && typeof input === 'object' ? input : {};
  /** @type {Record<string, string>} */
  const errors = {};
  const value = { name: typeof entry.name === 'string' ? entry.name.trim() : entry.name, addedAt: entry.addedAt, archived: entry.archived ?? false };
  const name = nameError(entry.name);
  if (name) errors.name = name;
  const added = timeError(value.addedAt, now);
  if (added) errors.addedAt = added;
  if (typeof value.archived !== 'boolean') errors.archived = 'Archived must be yes or no.';
  return { errors, value };
}

const isMinutes = (value) => Number.isInteger(value) && value >= 0 && value <= MINUTES_MAX;

/** Errors are keyed by field; a rating's by "score-<activity id>".
    @param {*} input @param {{ now?: number }} [options]
    @returns {{ errors: Record<string, string>, value: FunctionCheck }} */
function validateCheck(input, { now = Date.now() } = {}) {
  const entry = input && typeof input === 'object' ? input : {};
  /** @type {Record<string, string>} */
  const errors = {};
  const value = {
    checkedAt: entry.checkedAt,
    ratings: Array.isArray(entry.ratings) ? entry.ratings : [],
    walkMinutes: entry.walkMinutes ?? null,
    sitMinutes: entry.sitMinutes ?? null,
    change: entry.change ?? null,
  };
  const when = timeError(value.checkedAt, now);
  if (when) errors.checkedAt = when;
  if (!Array.isArray(entry.ratings ?? [])) errors.ratings = 'Ratings must be a list.';
  if (value.ratings.length > ACTIVITIES_MAX) errors.ratings = 'Rate up to ' + ACTIVITIES_MAX + ' activities.';
  const seen = new Set();
  for (const rating of value.ratings) {
    const id = rating && typeof rating.activity === 'string' ? rating.activity : '';
    const key = 'score-' + id;
    if (!UUID.test(id)) errors.ratings = 'A rating is for an activity this device does not know.';
    else if (seen.has(id)) errors.ratings = 'An activity is rated twice.';
    seen.add(id);
    if (nameError(rating?.name)) errors.ratings = 'A rated activity has no name.';
    const score = rating?.score;
    if (!Number.isInteger(score) || score < SCORE_RANGE[0] || score > SCORE_RANGE[1]) {
      errors[key] = 'Choose a number from ' + SCORE_RANGE[0] + ' (unable to do it) to ' + SCORE_RANGE[1] + ' (as before the problem).';
    }
  }
  for (const [field, what] of [['walkMinutes', 'walk'], ['sitMinutes', 'sit']]) {
    if (value[field] !== null && !isMinutes(value[field])) {
      errors[field] = 'Enter whole minutes you can ' + what + ', from 0 to ' + MINUTES_MAX + ', or leave it empty.';
    }
  }
  if (value.change !== null && !CHANGES.includes(value.change)) errors.change = 'Choose one of the seven answers, or leave it.';
  return { errors, value };
}

export { validateActivity, validateCheck, nameError };
