/* Preferences, pure: the current record among the device's, the defaults, and what the settings
   form must have before it saves (the same vocabularies as the server, webapp/preferences/records.py,
   through the contract). No DOM: runs in the pages and under node --test. */
// @ts-check
import {
  PREFERENCE_EQUIPMENT, PREFERENCE_MINUTES, PREFERENCE_POSITIONS, PREFERENCE_SIDES, PREFERENCE_TRANSITIONS,
} from '../generated/contract.js';

/**
 * @typedef {object} Preferences
 * @property {string} [id]
 * @property {'left' | 'right' | 'both' | null} [side]
 * @property {'floor' | 'chair' | null} [position]  floor work is OK, or a chair or standing is better
 * @property {string[]} [equipment]  owned: the content's equipment, plus 'wall'
 * @property {5 | 10 | 15 | null} [minutes]
 * @property {boolean} [sound]
 * @property {boolean} [voice]
 * @property {boolean} [vibration]
 * @property {'normal' | 'slower'} [transition]
 * @property {string} [updatedAt]
 */

/** @type {Required<Omit<Preferences, 'id' | 'updatedAt'>>} */
export const DEFAULTS = Object.freeze({
  side: null, position: null, equipment: [], minutes: null, sound: true, voice: true, vibration: true, transition: 'normal',
});

/** The latest of the device's preferences records (one per person; the latest edit wins), or null.
    @param {Preferences[]} list @returns {Preferences | null} */
export function current(list) {
  let best = null;
  for (const record of list || []) {
    if (!record || typeof record !== 'object') continue;
    if (!best || String(record.updatedAt || '') > String(best.updatedAt || '')) best = record;
  }
  return best;
}

/** A record's values over the defaults. @param {Preferences | null} record */
export function withDefaults(record) {
  return { ...DEFAULTS, ...(record || {}), equipment: [...((record && record.equipment) || [])] };
}

/**
 * What is wrong with the settings form's answers, one problem per field, in the form's order.
 * `required`: the answers the settings page asks for (first run may leave any unset).
 * @param {Preferences} data
 * @param {{ required?: string[] }} [options]
 * @returns {Array<{ field: string, message: string }>}
 */
export function problems(data, { required = ['side', 'position', 'minutes'] } = {}) {
  const out = [];
  const missing = {
    side: 'Choose which side hurts, or both.',
    position: 'Choose whether the floor is OK or a chair or standing is better.',
    minutes: 'Choose about how long you usually have.',
  };
  const check = (field, ok, message) => { if (!ok) out.push({ field, message }); };
  const value = (field) => /** @type {any} */ (data)[field];
  for (const field of ['side', 'position', 'minutes']) {
    const v = value(field);
    if (v === null || v === undefined || v === '') {
      if (required.includes(field)) out.push({ field, message: missing[field] });
      continue;
    }
    if (field === 'side') check(field, Object.hasOwn(PREFERENCE_SIDES, v), 'Choose left, right or both.');
    if (field === 'position') check(field, Object.hasOwn(PREFERENCE_POSITIONS, v), missing.position);
    if (field === 'minutes') check(field, PREFERENCE_MINUTES.includes(v), 'Choose about 5, 10 or 15 minutes.');
  }
  const equipment = value('equipment') || [];
  check('equipment', Array.isArray(equipment) && equipment.every((e) => Object.hasOwn(PREFERENCE_EQUIPMENT, e))
    && new Set(equipment).size === equipment.length, 'Tick only the equipment listed.');
  for (const flag of ['sound', 'voice', 'vibration']) {
    const v = value(flag);
    check(flag, v === undefined || typeof v === 'boolean', 'Choose on or off.');
  }
  const transition = value('transition');
  check('transition', transition === undefined || Object.hasOwn(PREFERENCE_TRANSITIONS, transition), 'Choose normal or slower.');
  return out;
}
