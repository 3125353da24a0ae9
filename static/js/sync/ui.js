/* Shows the account and sync state in pages, and decides when to sync: shortly after each
   change (one push, whose answer brings other devices' changes), when the connection returns
   or the app comes back to the foreground (a pull), and at start (a pull only if the last one
   is older than sync.PULL_EVERY_MS, so moving between pages asks the server nothing). Background Sync, where the browser has it, is registered only when a
   run found the device offline with changes waiting (docs/sync.md). */
// @ts-check
import { byId, debounce, prefs } from '../lib/dom.js';
import * as records from './records.js';
import * as store from '../lib/store.js';
import * as sync from './core.js';
import { settleAfter } from '../lib/settle.js';
import { ACCOUNT_KEY, knownAccount } from './account.js';

const FIRST_STATUS_WAIT_MS = 400;
const accountLink = /** @type {HTMLAnchorElement} */ (byId('account-link'));

/** "Sign in" comes back to the page it was tapped on (Today, a card, the log), not to a fixed
    page; from the account pages themselves, to the server's default. */
function signInHref() {
  if (location.pathname.startsWith('/account/')) return '/account/signin';
  return `/account/signin?next=${encodeURIComponent(location.pathname + location.search)}`;
}

function showAccount(account) {
  if (!accountLink) return;
  accountLink.textContent = account ? 'Account' : 'Sign in';
  accountLink.href = account ? '/account/' : signInHref();
}
showAccount(knownAccount()); // known at once, even offline

const TEXT = {
  local: () => 'Saved on this device only',
  synced: () => 'Synced',
  waiting: (s) => `${s.waiting} waiting to sync`,
  offline: (s) => (s.waiting ? `Offline: ${s.waiting} waiting` : 'Offline'),
  // Calm when nothing is waiting: everything is safe on this device either way.
  'signed-out': (s) => (s.waiting ? `Signed out: ${s.waiting} change${s.waiting === 1 ? '' : 's'} kept on this device until you sign in` : 'Signed out. Everything is kept on this device'),
  'other-account': () => 'Not synced: this device has data from another account',
  error: (s) => s.message || 'Sync failed',
};

function render(status) {
  // The sync module's starting value, before any run has reported: not a fact about this device.
  // Drawn, it said "Saved on this device only" and forgot the account, so the header read
  // "Sign in" on a signed-in phone that was offline or had a change refused.
  if (!status.at) return;
  /** @type {NodeListOf<HTMLElement>} */ (document.querySelectorAll('[data-sync-status]')).forEach((el) => {
    el.textContent = TEXT[status.state](status);
    el.dataset.state = status.state;
  });
  /** @type {NodeListOf<HTMLAnchorElement>} */ (document.querySelectorAll('[data-sync-action]')).forEach((el) => {
    // Without an account the storage notice already offers one; this link is for expired
    // sessions, and for a shared phone holding another account's data (the account page asks).
    el.hidden = status.state !== 'signed-out' && status.state !== 'other-account';
    if (status.state === 'other-account') {
      el.textContent = 'Choose what to do';
      el.href = '/account/#device-data';
    } else {
      el.textContent = 'Sign in again';
      el.href = `/account/signin?next=${encodeURIComponent(location.pathname)}`;
    }
  });
  if (status.state === 'synced' || status.state === 'waiting') {
    store.get('meta', 'account').then((m) => {
      prefs.setJSON(ACCOUNT_KEY, m ? m.value : null);
      showAccount(m && m.value);
    }).catch(() => {});
  } else if (status.state === 'local') {
    prefs.remove(ACCOUNT_KEY);
    showAccount(null);
  }
  storageNotice(status);
}

// Browsers may clear site data that is not persistent (Safari after weeks of no use).
let persisted = null;
/** @type {() => void} */
let noticeDrawn = () => {};
const firstNotice = new Promise((resolve) => { noticeDrawn = () => resolve(undefined); });
async function storageNotice(status) {
  const notice = byId('storage-notice');
  if (notice) {
    if (persisted === null && navigator.storage && navigator.storage.persisted) {
      persisted = await navigator.storage.persisted().catch(() => false);
    }
    const onlyHere = status.state === 'local' || (status.waiting > 0 && !persisted);
    notice.hidden = !onlyHere;
  }
  noticeDrawn();
}

async function askToPersist() {
  if (!navigator.storage || !navigator.storage.persist) return;
  persisted = await navigator.storage.persisted().catch(() => false);
  if (!persisted) persisted = await navigator.storage.persist().catch(() => false);
}

const soon = debounce(() => sync.run(), 2000);
records.onChange(() => {
  askToPersist();
  sync.refresh().catch(() => {});
  soon();
});

/** Changes wait and the connection is gone: the browser syncs them when it returns, even if
    the app is closed by then. */
let registered = false;
async function backgroundSync(status) {
  if (status.state !== 'offline' || !status.waiting || registered || !('serviceWorker' in navigator)) return;
  registered = true;
  try {
    const registration = await navigator.serviceWorker.ready;
    // Background Sync is not in TypeScript's DOM types (Chromium only).
    const background = /** @type {ServiceWorkerRegistration & { sync?: { register(tag: string): Promise<void> } }} */ (registration).sync;
    if (background) await background.register('relieve-sync');
  } catch { /* no Background Sync here: the 'online' trigger below covers it */ }
}

const signOut = /** @type {HTMLFormElement} */ (byId('signout-form'));
if (signOut) {
  // Signing out on purpose: this device keeps its data but stops syncing to the account.
  signOut.addEventListener('submit', async (event) => {
    event.preventDefault();
    await sync.forgetAccount().catch(() => {});
    prefs.remove(ACCOUNT_KEY);
    signOut.submit();
  });
}

sync.onStatus(render);
sync.onStatus((status) => {
  if (status.state !== 'offline') registered = false;
  backgroundSync(status);
});
/** Other devices' changes now, and pages redraw with them: the connection is back, or the app
    is back in the foreground (someone picking up the phone after using the tablet). */
const pullNow = () => sync.run({ pull: true }).then(() => window.dispatchEvent(new Event('relieve:synced')));
window.addEventListener('online', pullNow);
window.addEventListener('offline', () => sync.run());
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible') pullNow();
});
if ('serviceWorker' in navigator) {
  // The worker synced in the background: show what it pulled.
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'synced') window.dispatchEvent(new Event('relieve:synced'));
  });
}
sync.run().then(() => window.dispatchEvent(new Event('relieve:synced')));
// The first status decides the storage notice above a page's content: shown after the page did,
// it pushed everything down by its height (layout shift). A device that has nothing to ask the
// server (signed out, or nothing waiting and a recent pull) knows it within a frame or two; a run
// that has to wait for the network is not waited for.
settleAfter(Promise.race([firstNotice, new Promise((resolve) => { setTimeout(resolve, FIRST_STATUS_WAIT_MS); })]));
