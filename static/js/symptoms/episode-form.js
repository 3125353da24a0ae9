/* The "When did this episode start?" form (templates/symptoms/_episode.html), on the home page
   and the log list. One date, optional: saved as an `episode` record (synced like any record;
   the latest wins), cleared by deleting the device's episode records. */
// @ts-check
import { byId } from '../lib/dom.js';
import { localDay } from '../lib/days.js';
import { markField } from '../lib/form-errors.js';
import { uuid7 } from '../lib/ids.js';
import * as store from '../lib/store.js';
import * as records from '../sync/records.js';
import { current, startError } from './episode.js';

/** The current episode on this device, or null. @returns {Promise<import('./episode.js').Episode | null>} */
export async function load() {
  return current(await store.all('episodes').catch(() => []));
}

const longDay = (day) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
};

/** How long ago a day was, in words a person would use. */
function ago(day, today) {
  const days = Math.round((Date.parse(today) - Date.parse(day)) / 86400000);
  if (days === 0) return 'today';
  if (days < 14) return days === 1 ? 'yesterday' : `${days} days ago`;
  return `${Math.floor(days / 7)} weeks ago`;
}

/** Wires the form if the page has one. `onSaved` runs after every save or clear. */
export function init({ onSaved = () => {} } = {}) {
  const section = document.getElementById('episode');
  if (!section) return;
  const form = /** @type {HTMLFormElement} */ (byId('episode-form'));
  const input = /** @type {HTMLInputElement} */ (byId('episode-start'));
  const error = byId('episode-error');
  const status = byId('episode-status');
  const clear = byId('episode-clear');
  const today = () => /** @type {string} */ (localDay(Date.now()));

  function show(episode) {
    input.max = today();
    input.value = episode ? episode.startedOn : '';
    clear.hidden = !episode;
    status.textContent = episode ? `Started ${longDay(episode.startedOn)}, ${ago(episode.startedOn, today())}.` : '';
  }

  async function refresh() {
    show(await load());
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = startError(input.value, today(), { badInput: input.validity.badInput });
    markField(input, error, message, { validDescribedBy: 'episode-hint' });
    if (message) {
      input.setAttribute('aria-describedby', 'episode-error episode-hint');
      input.focus();
      return;
    }
    try {
      // Editing keeps the record's id, so the account holds one episode that the latest edit wins.
      const existing = await load();
      const saved = await records.save('episode', { id: existing ? existing.id : uuid7(), startedOn: input.value });
      show(saved);
      status.textContent = `Saved. ${status.textContent}`;
      onSaved();
    } catch (failure) {
      status.textContent = `The date could not be saved on this device: ${failure.message}`;
    }
  });

  clear.addEventListener('click', async () => {
    try {
      for (const episode of await store.all('episodes')) await records.remove('episode', episode.id);
      show(null);
      markField(input, error, null, { validDescribedBy: 'episode-hint' });
      status.textContent = 'Start date cleared.';
      input.focus();
      onSaved();
    } catch (failure) {
      status.textContent = `The date could not be cleared on this device: ${failure.message}`;
    }
  });

  // Another device's edit arrives with a sync (this form's own saves are already shown).
  records.onChange((change) => {
    if (!change || change.remote) refresh().catch(() => {});
  }, { types: ['episode'], remote: true });
  section.hidden = false;
  refresh().catch(() => {});
}
