/* Taking data away and bringing it back: the JSON file "Download my data" makes (the account's
   records as sync changes: id, type, op, data, updated_at) is read back into this device, from
   where it syncs to whichever account is signed in. Record ids are kept and each record keeps its
   time, so importing into an account that has it changes nothing, importing twice changes
   nothing, and a newer edit made since is never overwritten (the conflict rule decides). */
// @ts-check
import * as store from '../lib/store.js';
import { STORES } from './records.js';

/** @typedef {{ id: string, type: string, op: 'put', data: object, updated_at: number }} ExportedRecord */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** Key order doesn't make two records different. @param {unknown} value @returns {string} */
export function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The records of an export file; throws an Error with a message for the person when the file
 * is not one. Record types this version of the app doesn't know are counted, not imported.
 * @param {string} text @returns {{ records: ExportedRecord[], unknown: number }}
 */
export function parseExport(text) {
  let body;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error('This file is not a Relieve data file (it is not JSON).');
  }
  if (!body || typeof body !== 'object' || !Array.isArray(body.records)) {
    throw new Error('This file is not a Relieve data file: it has no "records" list.');
  }
  /** @type {ExportedRecord[]} */
  const records = [];
  let unknown = 0;
  for (const change of body.records) {
    const valid = change && typeof change === 'object' && typeof change.id === 'string' && UUID.test(change.id)
      && change.op === 'put' && change.data && typeof change.data === 'object' && !Array.isArray(change.data)
      && Number.isInteger(change.updated_at);
    if (!valid) throw new Error('This file has a record Relieve can\'t read; nothing was imported.');
    if (!STORES[change.type]) unknown += 1;
    else records.push({ id: change.id, type: change.type, op: 'put', data: change.data, updated_at: change.updated_at });
  }
  return { records, unknown };
}

/**
 * Writes the records into this device and queues them for the account, in one transaction: a
 * record already here with the same content is left alone.
 * Kept as they are: records here with the same content (`same`), or edited here since (`newer`).
 * @param {ExportedRecord[]} records @returns {Promise<{ added: number, changed: number, same: number, newer: number }>}
 */
export async function importRecords(records) {
  const counts = { added: 0, changed: 0, same: 0, newer: 0 };
  if (!records.length) return counts;
  const names = [...new Set(records.map((r) => STORES[r.type]))];
  await store.transaction([...names, 'outbox'], async (tx) => {
    const outbox = tx.store('outbox');
    for (const r of records) {
      const { id: _ignored, ...data } = /** @type {any} */ (r.data);
      const existing = await tx.store(STORES[r.type]).get(r.id);
      if (existing) {
        const { id: _own, ...mine } = existing;
        if (canonical(mine) === canonical(data)) {
          counts.same += 1;
          continue;
        }
        if (Date.parse(existing.updatedAt) > r.updated_at) {
          counts.newer += 1;
          continue;
        }
      }
      counts[existing ? 'changed' : 'added'] += 1;
      await tx.store(STORES[r.type]).put({ ...data, id: r.id });
      const key = `${r.type}:${r.id}`;
      const pending = await outbox.get(key);
      // A newer change made on this device and not yet sent stays the one to send.
      if (!pending || pending.updatedAt < r.updated_at) {
        await outbox.put({ key, type: r.type, id: r.id, op: 'put', updatedAt: r.updated_at, data });
      }
    }
  });
  return counts;
}

/** What this device holds, in the export file's shape (for a device without an account).
    @returns {Promise<{ exported_at: string, source: string, records: ExportedRecord[] }>} */
export async function deviceExport() {
  const records = [];
  for (const [type, name] of Object.entries(STORES)) {
    for (const { id, ...data } of await store.all(name)) {
      const at = Date.parse(data.updatedAt || data.createdAt || data.at || data.startedAt || data.loggedAt || data.takenAt);
      records.push({ id, type, op: /** @type {'put'} */ ('put'), data, updated_at: Number.isFinite(at) ? at : Date.now() });
    }
  }
  return { exported_at: new Date().toISOString(), source: 'device', records };
}

