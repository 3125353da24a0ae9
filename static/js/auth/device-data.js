/* The account page's "Data on this device": signing out keeps this device's data or removes it
   (a shared or borrowed phone); data from another account found here is never added to this
   one: the person removes it or signs in to that account; and a data file is imported back. */
// @ts-check
import { byId, prefs } from '../lib/dom.js';
import * as sync from '../sync/core.js';
import { say as sayIn, wireImport } from '../sync/import-ui.js';

const NOTICE = 'relieve_notice';
const section = byId('device-data');

/** A confirmation on the page the person lands on (lib/notice.js shows it). @param {string} text */
function notice(text) {
  document.cookie = `${NOTICE}=${encodeURIComponent(text)}; Max-Age=120; Path=/; SameSite=Lax`;
}

/** Sign out on the server without leaving the page. @param {HTMLFormElement} form */
async function signOutHere(form) {
  const response = await fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
  if (!response.ok) throw new Error(`The server answered ${response.status}.`);
}

/** Everything of the person's on this device: records, outbox, sync state, cached personal
    responses (sync/core.js), and the app's own settings in this browser. */
async function removeEverything() {
  await sync.removeDeviceData();
  for (const key of Object.keys(window.localStorage)) {
    // "Not now" to the install offer is about the phone, not the person: it stays.
    if (key.startsWith('relieve.') && !key.startsWith('relieve.dismissed.')) prefs.remove(key);
  }
}

const say = (text, state = '') => sayIn(byId('device-data-status'), text, state);

const form = /** @type {HTMLFormElement | null} */ (byId('signout-form'));
const dialog = /** @type {HTMLDialogElement | null} */ (byId('signout-dialog'));
if (form && dialog) {
  // Capture: decided here before sync/ui.js's own sign-out handler (which keeps the data).
  form.addEventListener('submit', (event) => {
    if (form.dataset.choice) return; // chosen: let the keep path through
    event.preventDefault();
    event.stopImmediatePropagation();
    const waiting = sync.status().waiting;
    const warning = /** @type {HTMLElement} */ (dialog.querySelector('[data-signout-waiting]'));
    warning.hidden = !waiting;
    warning.textContent = `${waiting} change${waiting === 1 ? ' has' : 's have'} not reached your account yet: removing the data deletes ${waiting === 1 ? 'it' : 'them'} for good.`;
    dialog.returnValue = '';
    dialog.showModal();
  }, true);
  dialog.addEventListener('close', async () => {
    if (dialog.returnValue === 'keep') {
      form.dataset.choice = 'keep';
      form.requestSubmit();
    } else if (dialog.returnValue === 'remove') {
      try {
        say('Signing out and removing your data from this device…');
        await signOutHere(form);
        await sync.run(); // lets a run in progress finish before the data goes
        await removeEverything();
        notice('You are signed out, and your data is removed from this device. Your account still has what was synced.');
        window.location.assign('/');
      } catch {
        say('Signing out needs a connection. Nothing was removed; try again when you are online.', 'error');
      }
    }
  });
}

// Data from another account on this device: remove it, or sign in to that account instead.
const other = byId('other-account');
if (other && form) {
  sync.onStatus((status) => {
    other.hidden = status.state !== 'other-account';
    if (!other.hidden) /** @type {HTMLElement} */ (other.querySelector('[data-other-message]')).textContent = status.message || '';
  });
  other.querySelector('[data-remove-other]')?.addEventListener('click', async () => {
    await removeEverything();
    say('That data is removed from this device.');
    await sync.run();
    window.dispatchEvent(new Event('relieve:synced'));
  });
  other.querySelector('[data-signin-other]')?.addEventListener('click', async () => {
    try {
      await signOutHere(form);
      window.location.assign('/account/signin');
    } catch {
      say('Signing out needs a connection.', 'error');
    }
  });
}

// Deleting the account: the data this device keeps no longer belongs to it, and joins whichever
// account signs in next (a re-created one included).
const deleteForm = /** @type {HTMLFormElement | null} */ (document.querySelector('form[action$="/account/delete"]'));
if (deleteForm) {
  deleteForm.addEventListener('submit', (event) => {
    if (deleteForm.dataset.disowned) return;
    event.preventDefault();
    sync.disown().catch(() => {}).finally(() => {
      deleteForm.dataset.disowned = '1';
      deleteForm.requestSubmit();
    });
  });
}

const input = /** @type {HTMLInputElement | null} */ (byId('import-file'));
if (input && section) wireImport(input, byId('device-data-status'));
