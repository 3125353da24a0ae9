/* The rules for a medicine or treatment entry, checked on the device before it is saved. The
   server checks the same again on sync (webapp/symptoms/records.py, TreatmentData); the kinds and
   limits come from the contract generated from that Python. */
// @ts-check
import {
  ISO_TIME_PATTERN, LOG_EARLIEST_MS as EARLIEST, TREATMENT_HELPED, TREATMENT_KINDS, TREATMENT_LIMITS,
  TREATMENT_NAMED_KINDS,
} from '../generated/contract.js';

/**
 * A medicine taken or a treatment done, as stored on the device and synced.
 * @typedef {object} Treatment
 * @property {string} [id]
 * @property {string} takenAt  ISO time
 * @property {string} kind  one of TREATMENT_KINDS
 * @property {string} [name]
 * @property {string} [dose]
 * @property {string | null} [helped]  one of TREATMENT_HELPED, or null: not said
 * @property {string} [sideEffects]
 * @property {string} [notes]
 * @property {string | null} [updatedAt]
 */

// A time typed into the form has minute precision; a minute's grace keeps "now" valid.
const FUTURE_GRACE_MS = 60 * 1000;
const ISO = new RegExp(ISO_TIME_PATTERN);
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const isText = (value) => typeof value === 'string';
// Python's str.strip() (what the server does) and String.trim() agree on the whitespace people type.
const trimmed = (value) => (isText(value) ? value.trim() : value);

const TEXT = {
  name: 'The name',
  dose: 'The dose',
  sideEffects: 'Side effects',
  notes: 'Notes',
};

/**
 * Check a treatment as the form collected it. Returns the errors by field (empty when valid)
 * and the entry ready to save (text trimmed, optional fields filled in).
 * @param {*} input @param {{ now?: number }} [options]
 * @returns {{ errors: Record<string, string>, value: Treatment }}
 */
function validateTreatment(input, { now = Date.now() } = {}) {
  /** @type {Record<string, string>} */
  const errors = {};
  const entry = input && typeof input === 'object' ? input : {};
  const value = {
    takenAt: entry.takenAt,
    kind: entry.kind,
    name: trimmed(entry.name ?? ''),
    dose: trimmed(entry.dose ?? ''),
    helped: entry.helped ?? null,
    sideEffects: trimmed(entry.sideEffects ?? ''),
    notes: entry.notes ?? '',
  };
  const time = isText(value.takenAt) && ISO.test(value.takenAt) ? Date.parse(value.takenAt) : NaN;
  if (Number.isNaN(time)) errors.takenAt = 'Enter when you took it or had it.';
  else if (time > now + FUTURE_GRACE_MS) errors.takenAt = "The date and time can't be in the future.";
  else if (time < EARLIEST) errors.takenAt = 'Enter a date from the year 2000 on.';
  if (!TREATMENT_KINDS.includes(value.kind)) errors.kind = 'Choose what it was: a medicine, physio, massage, an injection, heat, ice or other.';
  for (const field of Object.keys(TEXT)) {
    const text = value[field];
    if (!isText(text) || CONTROL.test(text)) errors[field] = TEXT[field] + " contains a character that can't be saved.";
    else if (text.length > TREATMENT_LIMITS[field]) {
      errors[field] = TEXT[field] + ' can be up to ' + TREATMENT_LIMITS[field] + ' characters (this has ' + text.length + ').';
    }
  }
  if (!errors.name && !errors.kind && !value.name && TREATMENT_NAMED_KINDS.includes(value.kind)) {
    errors.name = value.kind === 'medicine' ? 'Enter the name of the medicine.' : 'Say what it was.';
  }
  if (value.helped !== null && !TREATMENT_HELPED.includes(value.helped)) errors.helped = 'Choose whether it helped.';
  return { errors, value };
}

const DAY_MS = 24 * 3600 * 1000;
const sameMedicine = (a, b) => a.kind === 'medicine' && b.kind === 'medicine'
  && (a.name || '').trim().toLowerCase() === (b.name || '').trim().toLowerCase();

/**
 * The latest other log of the same medicine in the day before this one (or at the same time), or
 * undefined: a double tap or a forgotten earlier dose shows when the entry is saved. Names are
 * compared whatever the dose written, so "400 mg" and "400mg" are the same medicine.
 * @param {Treatment[]} all  @param {Treatment} entry
 */
function earlierDose(all, entry) {
  const at = Date.parse(entry.takenAt);
  let latest;
  for (const other of all) {
    if (other.id === entry.id || !sameMedicine(other, entry)) continue;
    const gap = at - Date.parse(other.takenAt);
    if (gap < 0 || gap >= DAY_MS) continue;
    if (!latest || other.takenAt > latest.takenAt) latest = other;
  }
  return latest;
}

export { validateTreatment, earlierDose };
