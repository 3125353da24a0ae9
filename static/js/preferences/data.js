/* The device's preferences record: read the current one, save a change (synced like any record;
   the same id is kept, so one person has one record), and hand the player its part. */
// @ts-check
import { prefs as local } from '../lib/dom.js';
import { uuid7 } from '../lib/ids.js';
import * as store from '../lib/store.js';
import * as records from '../sync/records.js';
import { current } from './prefs.js';

// What the player reads (routine/cues.js, routine/player.js): its cue switches and its pace.
const CUES_KEY = 'relieve.cues';
const PACE_KEY = 'relieve.pace';
const MIRRORED_KEY = 'relieve.preferencesMirrored';

/** The current preferences, or null when the person has none yet (first run not done).
    @returns {Promise<import('./prefs.js').Preferences | null>} */
export async function load() {
  return current(await store.all('preferences').catch(() => []));
}

/**
 * Gives the player the record's sound, voice, vibration and transition time, once per edit of
 * the record (its updatedAt): a switch flipped in the player afterwards stays as it was until
 * the preferences change again, here or on another device.
 * @param {import('./prefs.js').Preferences | null} record
 */
export function mirror(record) {
  if (!record || !record.updatedAt || local.get(MIRRORED_KEY) === record.updatedAt) return;
  const cues = {};
  for (const name of ['sound', 'voice', 'vibration']) if (typeof record[name] === 'boolean') cues[name] = record[name];
  if (Object.keys(cues).length) local.setJSON(CUES_KEY, { ...(local.getJSON(CUES_KEY) || {}), ...cues });
  if (record.transition) local.setJSON(PACE_KEY, { ...(local.getJSON(PACE_KEY) || {}), transition: record.transition });
  local.set(MIRRORED_KEY, record.updatedAt);
}

/** Saves the answers over the current record. @param {import('./prefs.js').Preferences} changes */
export async function save(changes) {
  const existing = await load();
  const { updatedAt, ...rest } = existing || {};
  const record = { ...rest, ...changes, id: (existing && existing.id) || uuid7(Date.now()) };
  const saved = await records.save('preferences', record);
  mirror(saved);
  return saved;
}
