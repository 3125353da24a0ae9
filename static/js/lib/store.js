/* The device's own data in IndexedDB: saved routines, session history, and techniques flagged
   as making things worse. Opened lazily; each schema version has an upgrade step, so data
   written by an older version of the app keeps working. */
(() => {
  'use strict';
  const Relieve = (window.Relieve = window.Relieve || {});
  const NAME = 'relieve';
  const VERSION = 1;

  // Index i upgrades a database from version i to i + 1. Never edit a released step: add one.
  const UPGRADES = [
    (db) => {
      db.createObjectStore('routines', { keyPath: 'id' });
      const sessions = db.createObjectStore('sessions', { keyPath: 'id' });
      sessions.createIndex('startedAt', 'startedAt');
      db.createObjectStore('flags', { keyPath: 'technique' });
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
    const result = await fn(tx.objectStore(storeName));
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error || new Error('The change was not saved.'));
    });
    return result;
  }

  Relieve.store = Object.assign(Relieve.store || {}, {
    get: (store, key) => run(store, 'readonly', (s) => done(s.get(key))),
    all: (store) => run(store, 'readonly', (s) => done(s.getAll())),
    put: (store, value) => run(store, 'readwrite', (s) => done(s.put(value))),
    remove: (store, key) => run(store, 'readwrite', (s) => done(s.delete(key))),
  });
})();
