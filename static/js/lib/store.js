/* The device's own data in IndexedDB: saved routines, session history, techniques flagged as
   making things worse, symptom log entries, safety screening answers, when this episode started,
   the person's preferences, medicines and treatments, and function check-ins. Opened lazily; each
   schema version has an upgrade step, so data written by an older version of the app keeps working. */
// @ts-check
import { uuid7 } from './ids.js';

const NAME = 'relieve';
const VERSION = 6;

// Index i upgrades a database from version i to i + 1. Never edit a released step: add one.
const UPGRADES = [
  (db) => {
    db.createObjectStore('routines', { keyPath: 'id' });
    const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
    sessions.createIndex('startedAt', 'startedAt');
    db.createObjectStore('flags', { keyPath: 'technique' });
  },
  // v2, account sync: an outbox of unsent changes, sync state, and flags keyed by their own
  // id (a flag is an event that syncs like any record; several devices may flag one card).
  (db, tx) => {
    db.createObjectStore('outbox', { keyPath: 'key' });
    db.createObjectStore('meta', { keyPath: 'key' });
    const old = tx.objectStore('flags').getAll();
    old.onsuccess = () => {
      db.deleteObjectStore('flags');
      const flags = db.createObjectStore('flags', { keyPath: 'id' });
      flags.createIndex('technique', 'technique');
      for (const flag of old.result) {
        const at = Date.parse(flag.at) || Date.now();
        flags.put({ ...flag, id: uuid7(at), updatedAt: new Date(at).toISOString() });
      }
    };
  },
  // v3, symptom log and safety screening: both sync like any record; listed by time. The
  // older app skipped these record types when it pulled them from the account (it didn't know
  // them) but moved its cursor past them: forget the cursor, so the next sync pulls them again.
  (db, tx) => {
    db.createObjectStore('logs', { keyPath: 'id' }).createIndex('loggedAt', 'loggedAt');
    db.createObjectStore('screenings', { keyPath: 'id' }).createIndex('takenAt', 'takenAt');
    tx.objectStore('meta').delete('cursor');
  },
  // v4, when this episode started (records of type `episode`, the latest wins). As in v3, the
  // older app skipped these records when it pulled them: forget the cursor to pull them again.
  (db, tx) => {
    db.createObjectStore('episodes', { keyPath: 'id' });
    tx.objectStore('meta').delete('cursor');
  },
  // v5, preferences (records of type `preferences`, one per person, the latest wins). As in v3,
  // forget the cursor so the next sync pulls the ones the older app skipped.
  (db, tx) => {
    db.createObjectStore('preferences', { keyPath: 'id' });
    tx.objectStore('meta').delete('cursor');
  },
  // v6, issue 13: medicines and treatments (`treatment`), the activities a person rates for
  // function (`activity`) and the weekly function check-ins (`function_check`). As in v3,
  // forget the cursor so the next sync pulls the ones the older app skipped.
  (db, tx) => {
    db.createObjectStore('treatments', { keyPath: 'id' }).createIndex('takenAt', 'takenAt');
    db.createObjectStore('activities', { keyPath: 'id' });
    db.createObjectStore('checks', { keyPath: 'id' }).createIndex('checkedAt', 'checkedAt');
    tx.objectStore('meta').delete('cursor');
  },
];

let opening = null;
function open() {
  if (!opening) {
    opening = new Promise((resolve, reject) => {
      const request = indexedDB.open(NAME, VERSION);
      request.onupgradeneeded = (event) => {
        for (let v = event.oldVersion; v < VERSION; v += 1) UPGRADES[v](request.result, request.transaction);
      };
      request.onsuccess = () => {
        const db = request.result;
        // Another tab opened a newer version: let it upgrade, and reopen next time.
        db.onversionchange = () => { db.close(); opening = null; };
        // Safari may close the connection of a long-open app: open a new one next time.
        db.onclose = () => { opening = null; };
        resolve(db);
      };
      request.onerror = () => { opening = null; reject(request.error); };
      request.onblocked = () => {
        opening = null;
        reject(new Error('Close other Relieve tabs to finish updating.'));
      };
    });
  }
  return opening;
}

const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

async function run(storeName, mode, fn) {
  const db = await open();
  const tx = db.transaction(storeName, mode);
  // Listen before any request runs, so completion can't slip past.
  const finished = new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error || new Error('The change was not saved.'));
  });
  finished.catch(() => {}); // awaited below; this only stops an "unhandled" report if fn throws
  let result;
  try {
    result = await fn(Array.isArray(storeName) ? tx : tx.objectStore(storeName));
  } catch (error) {
    // A throw in fn (not only a failed request) undoes the writes it made: all or nothing.
    try {
      tx.abort();
    } catch {
      // already finished or aborted by the failed request
    }
    throw error;
  }
  await finished;
  return result;
}

/** Store names: routines, sessions, flags, logs, screenings, episodes, preferences, treatments, activities, checks (records); outbox, meta (sync). */
/** @type {(store: string, key: IDBValidKey) => Promise<any>} */
export const get = (store, key) => run(store, 'readonly', (s) => done(s.get(key)));
/** @type {(store: string) => Promise<any[]>} */
export const all = (store) => run(store, 'readonly', (s) => done(s.getAll()));
/** @type {(store: string, index: string, key: IDBValidKey | IDBKeyRange) => Promise<any[]>} */
export const byIndex = (store, index, key) => run(store, 'readonly', (s) => done(s.index(index).getAll(key)));
/** @type {(store: string, value: object) => Promise<IDBValidKey>} */
export const put = (store, value) => run(store, 'readwrite', (s) => done(s.put(value)));
/** @type {(store: string, key: IDBValidKey) => Promise<void>} */
export const remove = (store, key) => run(store, 'readwrite', (s) => done(s.delete(key)));
/** @type {(store: string) => Promise<number>} */
export const count = (store) => run(store, 'readonly', (s) => done(s.count()));
/**
 * @typedef {object} TxStore An object store whose requests are promises.
 * @property {(key: IDBValidKey) => Promise<any>} get
 * @property {(query?: IDBValidKey | IDBKeyRange) => Promise<any[]>} getAll
 * @property {(value: object) => Promise<IDBValidKey>} put
 * @property {(key: IDBValidKey) => Promise<void>} delete
 * @typedef {{ store: (name: string) => TxStore }} Tx
 */

/** Requests as promises, as the idb library does. Awaiting a request inside the transaction keeps
    it open; awaiting anything else (a fetch, a timer) would let it commit half-way, so don't. */
function awaitable(tx) {
  return {
    store(name) {
      const s = tx.objectStore(name);
      return {
        get: (key) => done(s.get(key)),
        getAll: (query) => done(s.getAll(query)),
        put: (value) => done(s.put(value)),
        delete: (key) => done(s.delete(key)),
      };
    },
  };
}

/** Empty every store of the device (records, outbox, sync state), in one transaction, keeping
    only the `meta` entries named in `keepMeta`: removing a person's data from a shared phone.
    @type {(keepMeta?: string[]) => Promise<void>} */
export const clearAll = async (keepMeta = []) => {
  const names = [...(await open()).objectStoreNames];
  await run(names, 'readwrite', async (tx) => {
    const meta = tx.objectStore('meta');
    const kept = (await Promise.all(keepMeta.map((k) => done(meta.get(k))))).filter(Boolean);
    await Promise.all(names.map((name) => done(tx.objectStore(name).clear())));
    await Promise.all(kept.map((value) => done(meta.put(value))));
  });
};

/** Several stores in one read-write transaction: all or nothing. fn(tx) reads and writes through
    tx.store(name), awaiting its requests; the result is fn's once the transaction has committed.
    @type {<T>(stores: string[], fn: (tx: Tx) => Promise<T>) => Promise<T>} */
export const transaction = (stores, fn) => run(stores, 'readwrite', (tx) => fn(awaitable(tx)));
