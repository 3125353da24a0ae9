/* The device's preferences record: read the current one, save a change (synced like any record;
   the same id is kept, so one person has one record). */
// @ts-check
import { uuid7 } from '../lib/ids.js';
import * as store from '../lib/store.js';
import * as records from '../sync/records.js';
import { current } from './prefs.js';

/** The current preferences, or null when the person has none yet (first run not done).
    @returns {Promise<import('./prefs.js').Preferences | null>} */
export async function load() {
  return current(await store.all('preferences').catch(() => []));
}

/** Saves the answers over the current record. @param {import('./prefs.js').Preferences} changes */
export async function save(changes) {
  const existing = await load();
  const { updatedAt, ...rest } = existing || {};
  const record = { ...rest, ...changes, id: (existing && existing.id) || uuid7(Date.now()) };
  return records.save('preferences', record);
}
