/* Every change to a synced record goes through here: the record and its outbox entry are
   written in one IndexedDB transaction, so a change is never saved without being queued for
   the account, nor queued without being saved. Runs in pages and in the service worker. */
// @ts-check
import * as store from '../lib/store.js';
import * as clock from './clock.js';

/**
 * A change waiting in the outbox to be pushed; `key` is "type:id".
 * @typedef {{ key: string, type: string, id: string, op: 'put' | 'delete', updatedAt: number, data: object | null }} OutboxEntry
 */
/** A change from the account (pulled, or the winner of a conflict).
    @typedef {{ type: string, id: string, op: 'put' | 'delete', data?: object | null }} RemoteChange */

// Record type (as the server names it) → IndexedDB store.
const STORES = { routine: 'routines', session: 'sessions', flag: 'flags', symptom_log: 'logs', screening: 'screenings', episode: 'episodes', preferences: 'preferences',
  treatment: 'treatments', activity: 'activities', function_check: 'checks' };
const key = (type, id) => `${type}:${id}`;
const withoutId = ({ id, ...data }) => data;
const listeners = new Set();

/**
 * What changed, for `onChange` listeners: one record (`type` as the server names it), written
 * here (`remote` false) or applied from the account (`remote` true). `null`: any record may
 * have changed (e.g. the whole device queued by `enqueueAll`).
 * @typedef {{ type: string, id: string, op: 'put' | 'delete', remote: boolean }} RecordChange
 */

/** @param {RecordChange | null} change */
function changed(change) {
  for (const listener of listeners) listener(change);
}

/** Whether a change may concern records of these types (`null` concerns every type).
    @param {RecordChange | null | undefined} change @param {...string} types @returns {boolean} */
const concerns = (change, ...types) => !change || types.includes(change.type);

/** Saves a record and queues it for the account in one transaction; returns it as stored.
    @template {{ id: string }} T
    @param {string} type  record type, a key of STORES @param {T} record
    @returns {Promise<T & { updatedAt: string }>} */
async function save(type, record) {
  // Server-corrected time: a phone whose clock is hours fast must not win later edits.
  const stamped = { ...record, updatedAt: new Date(await clock.now()).toISOString() };
  const entry = { key: key(type, record.id), type, id: record.id, op: 'put', updatedAt: Date.parse(stamped.updatedAt), data: withoutId(stamped) };
  await store.transaction([STORES[type], 'outbox'], (tx) => Promise.all([
    tx.store(STORES[type]).put(stamped),
    tx.store('outbox').put(entry),
  ]));
  changed({ type, id: record.id, op: 'put', remote: false });
  return stamped;
}

/** @param {string} type @param {string} id @returns {Promise<void>} */
async function remove(type, id) {
  const entry = { key: key(type, id), type, id, op: 'delete', updatedAt: await clock.now(), data: null };
  await store.transaction([STORES[type], 'outbox'], (tx) => Promise.all([
    tx.store(STORES[type]).delete(id),
    tx.store('outbox').put(entry),
  ]));
  changed({ type, id, op: 'delete', remote: false });
}

/** Queue every record on this device, e.g. when it first joins an account; `meta` entries are
    written and `forget` meta keys removed in the same transaction.
    @param {{key: string, value: any}[]} [meta] @param {string[]} [forget]
    @returns {Promise<void>} */
async function enqueueAll(meta = [], forget = []) {
  await store.transaction([...Object.values(STORES), 'outbox', 'meta'], async (tx) => {
    // With the queueing, in the same transaction: a page closed halfway never leaves the
    // device linked to an account that its records were not queued for.
    for (const entry of meta) await tx.store('meta').put(entry);
    for (const name of forget) await tx.store('meta').delete(name);
    const outbox = tx.store('outbox');
    const writes = [];
    for (const [type, name] of Object.entries(STORES)) {
      for (const record of await tx.store(name).getAll()) {
        const updatedAt = Date.parse(record.updatedAt || record.createdAt || record.at || record.startedAt || record.loggedAt || record.takenAt || record.checkedAt || record.addedAt) || Date.now();
        writes.push(outbox.put({ key: key(type, record.id), type, id: record.id, op: 'put', updatedAt, data: withoutId(record) }));
      }
    }
    await Promise.all(writes);
  });
  changed(null);
}

/**
 * Stamp waiting changes anew with `now` (server-corrected time): those stamped later than now or
 * before the server's earliest time (a wrong device clock, see clock.correctedStamp), or the one
 * change `only` the server refused for its time. The record's own `updatedAt` follows.
 * @param {number} now @param {string | null} [only]  an outbox key
 * @returns {Promise<void>}
 */
async function correctStamps(now, only = null) {
  await store.transaction([...Object.values(STORES), 'outbox'], async (tx) => {
    const outbox = tx.store('outbox');
    const entries = only ? [await outbox.get(only)].filter(Boolean) : await outbox.getAll();
    for (const entry of entries) {
      const at = only ? now : clock.correctedStamp(entry.updatedAt, now);
      if (at === entry.updatedAt || !STORES[entry.type]) continue;
      const iso = new Date(at).toISOString();
      let data = entry.data;
      if (entry.op === 'put' && data && 'updatedAt' in data) {
        data = { ...data, updatedAt: iso };
        const records = tx.store(STORES[entry.type]);
        const stored = await records.get(entry.id);
        if (stored) await records.put({ ...stored, updatedAt: iso });
      }
      await outbox.put({ ...entry, updatedAt: at, data });
    }
  });
}

/** Queue a record again as it is on this device now (a put, or a delete if it is gone), stamped
    `now`, unless a newer change to it already waits.
    @param {string} type @param {string} id @param {number} now @returns {Promise<void>} */
async function requeue(type, id, now) {
  const name = STORES[type];
  if (!name) return;
  await store.transaction([name, 'outbox'], async (tx) => {
    const outbox = tx.store('outbox');
    if (await outbox.get(key(type, id))) return;
    const record = await tx.store(name).get(id);
    await outbox.put(record
      ? { key: key(type, id), type, id, op: 'put', updatedAt: now, data: withoutId(record) }
      : { key: key(type, id), type, id, op: 'delete', updatedAt: now, data: null });
  });
}

/**
 * Apply a change that came from the account (pulled, or the winner of a conflict). A change
 * still waiting in the outbox is left alone: the server decides between the two on push.
 */
const sameEntry = (a, b) => a.updatedAt === b.updatedAt && a.op === b.op
  && JSON.stringify(a.data) === JSON.stringify(b.data);

/**
 * `lost`: the outbox entry the server just answered "superseded" to. The winner replaces it,
 * unless the record was edited again meanwhile: that newer edit stays queued and the server
 * judges it on the next push.
 */
/** @param {RemoteChange} change @param {{ lost?: OutboxEntry | null }} [options] @returns {Promise<void>} */
async function applyRemote(change, { lost = null } = {}) {
  const name = STORES[change.type];
  if (!name) return; // a record type this version of the app does not know yet
  const applied = await store.transaction([name, 'outbox'], async (tx) => {
    const outbox = tx.store('outbox');
    const pending = await outbox.get(key(change.type, change.id));
    if (pending && !(lost && sameEntry(pending, lost))) return false;
    if (pending) await outbox.delete(key(change.type, change.id));
    if (change.op === 'delete') await tx.store(name).delete(change.id);
    else await tx.store(name).put({ ...change.data, id: change.id });
    return true;
  });
  if (applied) changed({ type: change.type, id: change.id, op: change.op === 'delete' ? 'delete' : 'put', remote: true });
}

/** A page of changes from the account applied in one transaction, with `meta` entries (the pull
    cursor) written in the same one: the cursor never moves past a change that was not stored,
    and a page of 200 costs one transaction, not 200. A record with a change waiting here keeps
    it (the push after sends it, and the server's conflict rule decides), as `applyRemote` does.
    @param {RemoteChange[]} changes @param {{ key: string, value: unknown }[]} [meta]
    @returns {Promise<void>} */
async function applyRemotePage(changes, meta = []) {
  const known = changes.filter((c) => STORES[c.type]); // types this version does not know yet: skipped
  const names = [...new Set(known.map((c) => STORES[c.type]))];
  const applied = await store.transaction([...names, 'outbox', 'meta'], async (tx) => {
    const outbox = tx.store('outbox');
    const done = [];
    for (const change of known) {
      if (await outbox.get(key(change.type, change.id))) continue;
      if (change.op === 'delete') await tx.store(STORES[change.type]).delete(change.id);
      else await tx.store(STORES[change.type]).put({ ...change.data, id: change.id });
      done.push(change);
    }
    for (const entry of meta) await tx.store('meta').put(entry);
    return done;
  });
  for (const change of applied) changed({ type: change.type, id: change.id, op: change.op === 'delete' ? 'delete' : 'put', remote: true });
}

/** Drop an outbox entry once the server has it, unless it changed again meanwhile. */
/** @param {OutboxEntry} entry @returns {Promise<void>} */
async function sent(entry) {
  await store.transaction(['outbox'], async (tx) => {
    const outbox = tx.store('outbox');
    const current = await outbox.get(entry.key);
    if (current && sameEntry(current, entry)) await outbox.delete(entry.key);
  });
}

/**
 * Calls `fn` with what changed after a change to a synced record: saved or removed here, or
 * queued by `enqueueAll` (`null`). `types`: only changes that may concern these record types.
 * `remote`: also changes applied from the account, one call per record (pages that redraw
 * once a sync run is over listen for "relieve:synced" instead).
 * @param {(change: RecordChange | null) => void} fn
 * @param {{ types?: string[], remote?: boolean }} [options]
 */
export function onChange(fn, { types, remote = false } = {}) {
  listeners.add((change) => {
    if (change && change.remote && !remote) return;
    if (types && !concerns(change, ...types)) return;
    fn(change);
  });
}
export { STORES, save, remove, enqueueAll, applyRemote, applyRemotePage, sent, concerns, correctStamps, requeue };
