/* Sync with the account: push the outbox, then pull changes since the last cursor. No DOM, so
   the service worker runs the same code for Background Sync. One run at a time, in this page
   and across pages and the worker (a Web Lock); a run asked for during another runs right
   after it. As few requests as the work needs (docs/sync.md): a push carries the device's
   cursor and its answer brings other devices' changes, so a change costs one request; the
   session answer is kept and asked again only when the sign-in cookie no longer matches it,
   so a signed-out device asks nothing; without changes to send, a run pulls only when asked
   to or when the last pull is older than PULL_EVERY_MS. Status is reported to listeners:
   { state: 'local'|'synced'|'waiting'|'offline'|'signed-out'|'other-account'|'error', waiting, message, at }
   The device remembers whose data it holds (meta 'owner': the account's opaque key and email),
   so a second person signing in on a shared phone never gets the first person's records. */
// @ts-check
import { SYNC_LIMITS } from '../generated/contract.js';
import { uuid7 } from '../lib/ids.js';
import * as records from './records.js';
import * as store from '../lib/store.js';
import * as clock from './clock.js';
import { jsonBytes, takeBatch } from './batch.js';

/**
 * What the last run found, for the status line (and the service worker's message to pages).
 * @typedef {object} SyncStatus
 * @property {'local' | 'synced' | 'waiting' | 'offline' | 'signed-out' | 'other-account' | 'error'} state
 * @property {number} waiting  changes still in the outbox
 * @property {string} [message]  for the person
 * @property {string} [detail]  the server's own words, for whoever helps them
 * @property {number} [at]  ms when it was reported
 */

const BATCH = /** @type {number} */ (SYNC_LIMITS.MAX_CHANGES);
const PULL_PAGE = /** @type {number} */ (SYNC_LIMITS.PULL_LIMIT_MAX); // the most a pull answers: fewer round trips
/** Without changes to send, how old the last pull may be before a page view pulls again. */
export const PULL_EVERY_MS = 5 * 60 * 1000;
const ACCOUNT_HINT = 'relieve_account';
const LOCK = 'relieve-sync';
const listeners = new Set();
let running = null;
let again = false;
let againPull = false;
/** @type {SyncStatus} */
let last = { state: 'local', waiting: 0 };

const meta = async (name) => ((await store.get('meta', name)) || {}).value;
const setMeta = (name, value) => store.put('meta', { key: name, value });

/** @param {SyncStatus} status */
function report(status) {
  last = { ...status, at: Date.now() };
  for (const listener of listeners) listener(last);
}

class SyncStop extends Error {
  /** @param {SyncStatus['state']} state @param {string} message */
  constructor(state, message) {
    super(message);
    this.state = state;
  }
}

/** This device's id for the account, made on first use. @returns {Promise<string>} */
async function deviceId() {
  let id = await meta('device');
  if (!id) {
    id = `dev-${uuid7().replace(/-/g, '')}`;
    await setMeta('device', id);
  }
  return id;
}

async function request(url, options = {}) {
  let response;
  const sentAt = Date.now();
  try {
    response = await fetch(url, { credentials: 'same-origin', ...options });
  } catch {
    throw new SyncStop('offline', 'No connection. Changes wait on this device.');
  }
  await clock.learn(response, sentAt, Date.now());
  if (response.status === 401) {
    await store.remove('meta', 'session'); // the kept answer is out of date: ask next time
    throw new SyncStop('signed-out', 'Sign in again to sync.');
  }
  return response;
}

/** The session as the server last answered it (meta 'session'), asked again. */
async function freshSession() {
  const response = await request('/api/v1/session', { cache: 'no-store' });
  if (!response.ok) throw new SyncStop('error', `The server is not answering (${response.status}).`);
  const body = await response.json();
  await setMeta('session', body);
  return body;
}

/** Which account the sign-in cookie names ('' for none), in a page; undefined in the worker,
    which has no cookies to read and trusts the kept answer (a page checks it first). */
function accountHint() {
  if (typeof document === 'undefined') return undefined;
  const found = document.cookie.split('; ').find((c) => c.startsWith(`${ACCOUNT_HINT}=`));
  return found ? decodeURIComponent(found.slice(ACCOUNT_HINT.length + 1)) : '';
}

/** The kept session answer while the sign-in cookie agrees with it (signing in or out sets the
    cookie, so the next page notices), else a fresh one. */
async function session() {
  const kept = await meta('session');
  const hint = accountHint();
  if (kept && (hint === undefined || hint === (kept.authenticated ? kept.account_key : ''))) return kept;
  // Never asked, no sign-in cookie and never linked to an account: signed out, nothing to ask.
  // (A device signed in before the cookie existed has an account link, and asks once.)
  if (!kept && hint === '' && !(await meta('account'))) return { authenticated: false };
  return freshSession();
}

async function errorMessage(response) {
  try {
    return (await response.json()).error.message;
  } catch {
    return `The server answered ${response.status}.`;
  }
}

const toChange = (e) => (e.op === 'put'
  ? { id: e.id, type: e.type, op: 'put', updated_at: e.updatedAt, data: e.data }
  : { id: e.id, type: e.type, op: 'delete', updated_at: e.updatedAt });

/** Changes the server refused for their time (a device clock far off) are queued again,
    stamped with server-corrected time: once the clock is right they go out like any other. */
async function requeueRefusedForTime(now) {
  const rejected = (await meta('rejected')) || [];
  // Older versions kept only the message: theirs is the envelope's time check.
  const forTime = (r) => r.field === 'updated_at' || /not before 2024 nor in the future/.test(r.message || '');
  const retry = rejected.filter(forTime);
  if (!retry.length) return;
  for (const r of retry) {
    const [type, ...rest] = r.key.split(':');
    await records.requeue(type, rest.join(':'), now);
  }
  await setMeta('rejected', rejected.filter((r) => !forTime(r)));
}

/** Sends the outbox, a batch per request, each carrying the pull cursor: the answer's changes
    are applied with the new cursor in one transaction. Sets `state.current` when the last
    answer left nothing to pull. */
async function push(state) {
  const device = await deviceId();
  await requeueRefusedForTime(await clock.now());
  const restamped = new Set();
  let maxBytes = /** @type {number} */ (SYNC_LIMITS.MAX_PUSH_BYTES);
  for (;;) {
    // Stamps from before the device knew its clock was off (later than now) become now.
    await records.correctStamps(await clock.now());
    const outbox = (await store.all('outbox')).sort((a, b) => a.updatedAt - b.updatedAt);
    if (!outbox.length) return;
    // By count and by bytes: a batch over the server's limit would be refused whole.
    const batch = outbox.slice(0, takeBatch(outbox.map(toChange), device, { maxChanges: BATCH, maxBytes }).length);
    const since = (await meta('cursor')) || '0';
    const mark = state.firstApplied ? { pushed_from: String(state.firstApplied) } : {};
    const body = JSON.stringify({ device_id: device, changes: batch.map(toChange), since, ...mark });
    let response = await request('/api/v1/sync/push', {
      method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-CSRFToken': state.token },
    });
    if ((response.status === 400 || response.status === 403) && (await response.clone().text()).includes('CSRF')) {
      // The kept token is out of date (the session was renewed): one retry with a fresh one.
      state.token = (await freshSession()).csrf_token;
      response = await request('/api/v1/sync/push', {
        method: 'POST', body, headers: { 'Content-Type': 'application/json', 'X-CSRFToken': state.token },
      });
    }
    if (response.status === 422 || response.status === 409 || response.status === 413) {
      const error = (await response.json()).error;
      if (response.status === 413 && !error.record && batch.length > 1) {
        // The whole body was too big for this server (a smaller limit than ours): send less.
        maxBytes = Math.floor(jsonBytes(JSON.parse(body)) / 2);
        continue;
      }
      const bad = batch.find((e) => e.id === error.record) || batch[0];
      if (error.field === 'updated_at' && !restamped.has(bad.key)) {
        // Refused for its time: the answer just told us the server's clock. Stamp it anew.
        restamped.add(bad.key);
        await records.correctStamps(await clock.now(), bad.key);
        continue;
      }
      // One record the server refuses must not block the rest: set it aside, keep it locally.
      const rejected = (await meta('rejected')) || [];
      await setMeta('rejected', [...rejected.filter((r) => r.key !== bad.key), { key: bad.key, message: error.message, field: error.field }]);
      await store.remove('outbox', bad.key);
      continue;
    }
    if (!response.ok) throw new SyncStop('error', await errorMessage(response));
    const answer = await response.json();
    const byId = new Map(batch.map((e) => [e.id, e]));
    for (const result of answer.results) {
      const entry = byId.get(result.id);
      if (result.status === 'superseded') {
        await records.applyRemote(result.winner, { lost: entry });
        state.mine.set(result.id, result.winner.seq);
      } else {
        await records.sent(entry);
        state.mine.set(result.id, result.seq);
        if (result.status === 'applied' && !state.firstApplied) state.firstApplied = result.seq;
      }
    }
    await forgiveAccepted(batch);
    if (Array.isArray(answer.changes)) {
      await applyPage(answer.changes, answer.cursor, state);
      state.current = !answer.has_more;
    } else {
      state.current = false; // an older server, or a cursor it does not know: pull
    }
  }
}

/** A page of other devices' changes, applied with the cursor after it in one transaction.
    Versions this run pushed are left out (the server leaves them out of a push's own answer;
    a later pull page may still hold them). */
async function applyPage(changes, cursor, state) {
  const theirs = changes.filter((c) => state.mine.get(c.id) !== c.seq);
  await records.applyRemotePage(theirs, [{ key: 'cursor', value: cursor }, { key: 'pulledAt', value: Date.now() }]);
}

/** A record once refused and since fixed (or deleted) on this device was accepted now: it no
    longer counts as "could not be synced". */
async function forgiveAccepted(batch) {
  const rejected = (await meta('rejected')) || [];
  const accepted = new Set(batch.map((e) => e.key));
  if (rejected.some((r) => accepted.has(r.key))) await setMeta('rejected', rejected.filter((r) => !accepted.has(r.key)));
}

async function pull(state) {
  let cursor = (await meta('cursor')) || '0';
  for (;;) {
    const response = await request(`/api/v1/sync/pull?since=${encodeURIComponent(cursor)}&limit=${PULL_PAGE}`);
    if (response.status === 410) {
      cursor = '0';
      continue;
    }
    if (!response.ok) throw new SyncStop('error', await errorMessage(response));
    const page = await response.json();
    await applyPage(page.changes, page.cursor, state);
    cursor = page.cursor;
    if (!page.has_more) return;
  }
}

/** @param {boolean} wantPull  pull even if the last pull is recent */
async function once(wantPull) {
  const waiting = await store.count('outbox');
  if (self.navigator && self.navigator.onLine === false) {
    // Never linked to an account and not signed in: nothing is waiting to sync, it all lives
    // here ("Offline: 3 waiting" promised a sync that would never come).
    if (accountHint() === '' && !(await meta('account'))) {
      report({ state: 'local', waiting });
      return;
    }
    throw new SyncStop('offline', 'Offline. Changes wait on this device.');
  }
  const current = await session();
  const account = await meta('account');
  if (!current.authenticated) {
    if (account) throw new SyncStop('signed-out', 'You are signed out. Sign in again to sync.');
    report({ state: 'local', waiting });
    return;
  }
  const owner = await whoseData(account, current);
  if (owner && owner.key !== current.account_key && owner.email !== current.email) {
    // A shared phone: the data here is someone else's. Never merge it silently.
    throw new SyncStop('other-account', `This device has data from another account (${masked(owner.email)}). Remove it from this device, or sign in to that account instead.`);
  }
  if (!account || account.key !== current.account_key) {
    // First sync of this device with this account (or with the account re-created under the
    // same email after it was deleted): everything on it joins the account.
    await records.enqueueAll([
      { key: 'account', value: { user: current.user, email: current.email, key: current.account_key } },
      { key: 'cursor', value: '0' },
    ], ['pulledAt']);
  }
  await setMeta('owner', { key: current.account_key, email: current.email });
  const state = { token: current.csrf_token, current: false, mine: new Map(), firstApplied: 0 };
  const pushed = await store.count('outbox');
  await push(state);
  // A push's answer brought the changes since the cursor; without one, pull when asked, when
  // this device never pulled, or when its last pull is old.
  const pulledAt = (await meta('pulledAt')) || 0;
  const due = wantPull || !pulledAt || Date.now() - pulledAt > PULL_EVERY_MS || Date.now() < pulledAt;
  if (pushed ? !state.current : due) await pull(state);
  const rejected = (await meta('rejected')) || [];
  const left = await store.count('outbox');
  if (rejected.length) {
    report({ state: 'error', waiting: left, message: refusedText(rejected), detail: rejected[0].message });
  } else {
    report({ state: left ? 'waiting' : 'synced', waiting: left });
  }
}

/** What the person reads when the server refused some changes: what it means for their data and,
    where the reason is one they can fix (a time in the future: the phone's clock is ahead), what
    to do. The server's own message, for whoever helps them, stays in the status's `detail`.
    @param {Array<{ message?: string, field?: string }>} rejected */
function refusedText(rejected) {
  const n = rejected.length;
  const clockAhead = rejected.some((r) => /in the future|ahead of the server/i.test(r.message || ''));
  return [
    `${n} change${n === 1 ? '' : 's'} could not be synced to your account. ${n === 1 ? 'It is' : 'They are'} kept on this device.`,
    clockAhead ? "Check that this phone's date and time are right." : 'Editing it again may help.',
  ].join(' ');
}

/** Enough of an email to recognise one's own account, not to learn someone else's. */
const masked = (email) => {
  const [name, domain] = String(email || '').split('@');
  return domain ? `${name.slice(0, 1)}…@${domain}` : 'another account';
};

/** Whose data this device holds: the account it last synced with, kept after signing out with
    "keep my data"; none for data never synced (it joins whichever account signs in). */
async function whoseData(account, current) {
  const owner = await meta('owner');
  if (owner) return owner;
  // Devices from before the owner was kept: only the account link, with the integer id.
  if (account && !account.key) return { key: account.user === current.user ? current.account_key : null, email: account.email };
  return null;
}

/** One run at a time across this origin's pages and its worker (where the browser has Web Locks). */
function exclusive(fn) {
  const locks = self.navigator && self.navigator.locks;
  return locks ? locks.request(LOCK, fn) : fn();
}

/** Push, then pull if needed; a run asked for during another runs right after it.
    @param {{ pull?: boolean }} [options]  pull: pull even if the last pull is recent
    @returns {Promise<SyncStatus>} */
async function run({ pull: wantPull = false } = {}) {
  if (running) {
    again = true;
    againPull = againPull || wantPull;
    return running;
  }
  running = (async () => {
    let forced = wantPull;
    do {
      again = false;
      try {
        await exclusive(() => once(forced));
      } catch (error) {
        const waiting = await store.count('outbox').catch(() => 0);
        if (error instanceof SyncStop) report({ state: error.state, waiting, message: error.message });
        else report({ state: 'error', waiting, message: error.message });
      }
      forced = againPull;
      againPull = false;
    } while (again);
  })();
  try {
    await running;
  } finally {
    running = null;
  }
  return last;
}

/** Show a change as waiting at once, before the next sync sends it. */
/** @returns {Promise<void>} */
async function refresh() {
  const waiting = await store.count('outbox');
  const state = last.state === 'synced' || last.state === 'waiting' ? (waiting ? 'waiting' : 'synced') : last.state;
  report({ ...last, state, waiting });
}

/** Forget the account link on this device (after signing out), keeping the data: it is still
    that account's ('owner'), so another account signing in here does not receive it. */
/** @returns {Promise<void>} */
async function forgetAccount() {
  await store.remove('meta', 'account');
  await store.remove('meta', 'cursor');
  await store.remove('meta', 'pulledAt');
  await store.remove('meta', 'session');
}

/** The data on this device no longer belongs to an account (the account was deleted): it stays
    here, and joins whichever account signs in next. */
/** @returns {Promise<void>} */
async function disown() {
  await forgetAccount();
  await store.remove('meta', 'owner');
  await store.remove('meta', 'rejected');
}

const PRECACHE_PREFIX = 'relieve-precache-';
/** Remove the person's data from this device: every record, the outbox, the sync state, and
    every cached response that isn't the app itself (the precache of pages, scripts and cards,
    which holds nothing personal; account pages and the API are never cached). The device's id
    and clock offset stay: they belong to the device, not to a person. */
/** @returns {Promise<void>} */
async function removeDeviceData() {
  await store.clearAll(['device', 'clock']);
  if (self.caches) {
    for (const name of await caches.keys()) {
      if (!name.startsWith(PRECACHE_PREFIX)) {
        await caches.delete(name);
        continue;
      }
      const cache = await caches.open(name);
      for (const cached of await cache.keys()) {
        const path = new URL(cached.url).pathname;
        if (path.startsWith('/account') || path.startsWith('/api/')) await cache.delete(cached);
      }
    }
  }
  report({ state: 'local', waiting: 0 });
}

/** @returns {SyncStatus} */
export const status = () => last;
/** Calls `fn` with every status from now on, and at once with the last one.
    @param {(status: SyncStatus) => void} fn */
export const onStatus = (fn) => { listeners.add(fn); fn(last); };
export { run, refresh, forgetAccount, disown, removeDeviceData, deviceId };
