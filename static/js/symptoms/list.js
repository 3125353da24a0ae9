/* The symptom log list (/log/): entries grouped by day, newest first, each with edit and a
   two-tap delete. Redrawn when the data changes (a sync may bring entries from another device). */
// @ts-check
import { announce, byId, confirmTap, make } from '../lib/dom.js';
import * as records from '../sync/records.js';
import * as store from '../lib/store.js';
import * as episodeForm from './episode-form.js';
import { SENSATION_LABELS } from '../generated/contract.js';
import { describeAreas } from './bodymap.js';
import { settleAfter } from '../lib/settle.js';

const page = byId('log-list-page');

const LEVELS = { mild: 'mild', moderate: 'moderate', severe: 'severe' };
let drawn = '';

const params = new URLSearchParams(window.location.search);
if (params.get('deleted')) {
  const status = byId('log-status');
  status.hidden = false;
  status.textContent = 'Entry deleted.';
}

function describe(entry) {
  const parts = [];
  for (const name of ['numbness', 'tingling', 'weakness']) {
    if (LEVELS[entry[name]]) parts.push(LEVELS[entry[name]] + ' ' + name);
  }
  const where = describeAreas(entry.areas || {});
  if (where) parts.push('felt in ' + where.charAt(0).toLowerCase() + where.slice(1));
  const feels = (entry.sensations || []).filter((s) => SENSATION_LABELS[s]).map((s) => SENSATION_LABELS[s].toLowerCase());
  if (feels.length) parts.push(feels.join(', '));
  return parts.join('; ');
}

function item(entry) {
  const li = make('li', { className: 'log-item' });
  li.dataset.entry = entry.id;
  const when = new Date(entry.loggedAt);
  const head = make('p', { className: 'log-item-head' });
  head.append(make('span', { textContent: when.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }), className: 'log-time' }),
    make('strong', { textContent: 'Leg ' + entry.legPain + (typeof entry.backPain === 'number' ? ' · Back ' + entry.backPain : '') }));
  li.append(head);
  const details = describe(entry);
  if (details) li.append(make('p', { textContent: details.charAt(0).toUpperCase() + details.slice(1), className: 'tile-meta' }));
  if ((entry.warningSigns || []).length) li.append(make('p', { textContent: 'Warning signs recorded', className: 'badge badge-urgent' }));
  if (entry.notes) li.append(make('p', { textContent: entry.notes, className: 'log-notes' }));
  const actions = make('p', { className: 'item-actions' });
  const edit = make('a', { textContent: 'Edit', className: 'button' });
  edit.href = '/log/new?id=' + encodeURIComponent(entry.id);
  const label = 'entry at ' + when.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
  edit.setAttribute('aria-label', 'Edit ' + label);
  const del = make('button', { textContent: 'Delete', className: 'button quiet' });
  del.type = 'button';
  del.setAttribute('aria-label', 'Delete ' + label);
  confirmTap(del, 'Tap again to delete', async () => {
    // Focus goes to the next entry (or the day, or the page heading) once this one is gone.
    const next = /** @type {HTMLElement | null} */ (li.nextElementSibling || li.closest('.log-day').nextElementSibling);
    await records.remove('symptom_log', entry.id);
    await draw();
    const id = next && (next.dataset.entry || /** @type {HTMLElement | null} */ (next.querySelector('.log-item'))?.dataset.entry);
    const target = /** @type {HTMLElement} */ ((id && page.querySelector('.log-item[data-entry="' + id + '"] a')) || byId('log-list-heading'));
    target.focus();
    announce('Entry deleted.');
  }, 'Tap again to delete ' + label);
  actions.append(edit, del);
  li.append(actions);
  return li;
}

async function draw() {
  const logs = (await store.all('logs').catch(() => []))
    .sort((a, b) => (a.loggedAt < b.loggedAt ? 1 : -1));
  const signature = JSON.stringify(logs);
  // Redraw only when the entries changed, so a background sync can't swallow a second tap of Delete.
  if (signature === drawn) return;
  drawn = signature;
  byId('log-empty').hidden = logs.length > 0;
  const days = byId('log-days');
  days.replaceChildren();
  let list = null;
  let day = '';
  for (const entry of logs) {
    const date = new Date(entry.loggedAt);
    const key = date.toDateString();
    if (key !== day) {
      day = key;
      const section = make('section', { className: 'log-day' });
      section.append(make('h2', { textContent: date.toLocaleDateString([], { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }) }));
      list = make('ul', { className: 'log-items' });
      section.append(list);
      days.append(section);
    }
    list.append(item(entry));
  }
}

settleAfter(draw()).catch(() => {});
episodeForm.init();
// Local changes, and entries a sync brought from another device.
records.onChange(() => draw().catch(() => {}), { types: ['symptom_log'] });
window.addEventListener('relieve:synced', () => draw().catch(() => {}));
