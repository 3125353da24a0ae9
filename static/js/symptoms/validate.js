/* The symptom log's rules, checked on the device before an entry is saved. The server checks
   the same rules again on sync (webapp/symptoms/records.py, SymptomLogData). The vocabularies
   and limits come from the contract generated from that Python, so a form can't accept what
   the account would refuse. */
// @ts-check
import {
  HELPED, HELPED_OTHER_MAX, ISO_TIME_PATTERN, LEVELS, LOG_EARLIEST_MS as EARLIEST, NOTES_MAX, PAIN_RANGE, REGIONS,
  SENSATIONS, SIDES, SLEEP, WARNING_SIGNS,
} from '../generated/contract.js';

/**
 * A symptom log entry as stored on the device and synced (SymptomLogData on the server).
 * @typedef {object} SymptomLog
 * @property {string} [id]
 * @property {string} loggedAt  ISO time
 * @property {number} legPain  0 to 10
 * @property {number} [backPain]  0 to 10; absent: not rated in this entry
 * @property {Record<string, 'left' | 'right' | 'both'>} [areas]  body region: side
 * @property {string[]} [sensations]  how it feels, from SENSATIONS
 * @property {string} [numbness]  one of LEVELS; absent: not asked in this entry
 * @property {string} [tingling]  one of LEVELS; absent: not asked
 * @property {string} [weakness]  one of LEVELS; absent: not asked
 * @property {string[]} [warningSigns]
 * @property {string[]} [helped]
 * @property {string} [helpedOther]
 * @property {string | null} [sleep]
 * @property {string} [notes]
 * @property {string | null} [updatedAt]
 */

// A time typed into the form has minute precision; a minute's grace keeps "now" valid.
const FUTURE_GRACE_MS = 60 * 1000;
const ISO = new RegExp(ISO_TIME_PATTERN);

const PAIN_MESSAGE = {
  legPain: 'Choose your leg pain, from 0 (no pain) to 10 (worst pain imaginable).',
  backPain: 'Choose your back pain, from 0 (no pain) to 10 (worst pain imaginable).',
};
const LEVEL_NAMES = { numbness: 'numbness', tingling: 'tingling', weakness: 'weakness' };

// Control characters (other than line breaks and tabs) have no place in notes; the server
// refuses NUL outright, and a refused entry would never reach the account.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const isPain = (value) => Number.isInteger(value) && value >= PAIN_RANGE[0] && value <= PAIN_RANGE[1];
const isText = (value) => typeof value === 'string';

function checkTime(value, now, errors) {
  const time = isText(value) && ISO.test(value) ? Date.parse(value) : NaN;
  if (Number.isNaN(time)) errors.loggedAt = 'Enter the date and time of this entry.';
  else if (time > now + FUTURE_GRACE_MS) errors.loggedAt = "The date and time can't be in the future.";
  else if (time < EARLIEST) errors.loggedAt = 'Enter a date from the year 2000 on.';
}

function checkList(value, allowed, field, message, errors) {
  if (!Array.isArray(value) || value.some((item) => !allowed.includes(item))) errors[field] = message;
  else if (new Set(value).size !== value.length) errors[field] = 'An item is listed twice.';
}

/**
 * Check an entry as the form collected it. Returns the errors by field (empty when valid)
 * and the entry with optional fields filled in, ready to save.
 * @param {*} input  the form's values (anything: nothing is trusted)
 * @param {{ now?: number }} [options]
 * @returns {{ errors: Record<string, string>, value: SymptomLog }}
 */
function validateLog(input, { now = Date.now() } = {}) {
  /** @type {Record<string, string>} */
  const errors = {};
  const entry = input && typeof input === 'object' ? input : {};
  /** @type {SymptomLog} */
  const value = {
    loggedAt: entry.loggedAt,
    legPain: entry.legPain,
    areas: entry.areas ?? {},
    sensations: entry.sensations ?? [],
    helped: entry.helped ?? [],
    helpedOther: isText(entry.helpedOther) ? entry.helpedOther.trim() : entry.helpedOther ?? '',
    sleep: entry.sleep ?? null,
    notes: entry.notes ?? '',
    warningSigns: entry.warningSigns ?? [],
  };
  // Only what the person set is kept: a field left out (or null) stays out of the entry, so
  // nothing they didn't see is saved (issue 13).
  if (entry.backPain !== undefined && entry.backPain !== null) value.backPain = entry.backPain;
  for (const field of Object.keys(LEVEL_NAMES)) {
    if (entry[field] !== undefined && entry[field] !== null) value[field] = entry[field];
  }
  checkTime(value.loggedAt, now, errors);
  if (!isPain(value.legPain)) errors.legPain = PAIN_MESSAGE.legPain;
  if ('backPain' in value && !isPain(value.backPain)) errors.backPain = PAIN_MESSAGE.backPain;
  for (const field of Object.keys(LEVEL_NAMES)) {
    if (field in value && !LEVELS.includes(value[field])) errors[field] = 'Choose none, mild, moderate or severe ' + LEVEL_NAMES[field] + '.';
  }
  const areas = value.areas;
  if (!areas || typeof areas !== 'object' || Array.isArray(areas)
      || Object.entries(areas).some(([region, side]) => !REGIONS.includes(region) || !SIDES.includes(side))) {
    errors.areas = 'Choose areas from the body map, each on the left, right or both sides.';
  }
  checkList(value.sensations, SENSATIONS, 'sensations', 'Choose how it feels from the list.', errors);
  checkList(value.helped, HELPED, 'helped', 'Choose from routine, heat, ice, medication or rest.', errors);
  if (!isText(value.helpedOther) || CONTROL.test(value.helpedOther)) errors.helpedOther = 'Describe what else helped in words.';
  else if (value.helpedOther.length > HELPED_OTHER_MAX) {
    errors.helpedOther = 'Keep this to ' + HELPED_OTHER_MAX + ' characters (it has ' + value.helpedOther.length + ').';
  }
  if (value.sleep !== null && !SLEEP.includes(value.sleep)) errors.sleep = 'Choose how you slept: well, so-so or badly.';
  if (!isText(value.notes)) errors.notes = 'Notes must be text.';
  else if (CONTROL.test(value.notes)) errors.notes = 'Notes contain a character that can\'t be saved. Please retype them.';
  else if (value.notes.length > NOTES_MAX) {
    errors.notes = 'Notes can be up to ' + NOTES_MAX + ' characters (these have ' + value.notes.length + ').';
  }
  checkList(value.warningSigns, WARNING_SIGNS, 'warningSigns', 'Unknown warning sign.', errors);
  return { errors, value };
}

const LIMITS = { LEVELS, REGIONS, SENSATIONS, SIDES, HELPED, SLEEP, WARNING_SIGNS, NOTES_MAX, HELPED_OTHER_MAX };
export { validateLog, LIMITS };
