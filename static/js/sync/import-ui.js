/* The controls that take data away and bring it back (account page, privacy page). */
// @ts-check
import * as sync from './core.js';
import { deviceExport, importRecords, parseExport } from './transfer.js';

/** @param {HTMLElement | null} status @param {string} text @param {string} [state] */
export function say(status, text, state = '') {
  if (!status) return;
  status.textContent = text;
  status.dataset.state = state;
}

/** A file input that imports a Relieve data file, then syncs.
    @param {HTMLInputElement} input @param {HTMLElement | null} status */
export function wireImport(input, status) {
  // The file input itself is a small, unstyled control: a full-size button opens it.
  const opener = document.querySelector(`[data-import-for="${input.id}"]`);
  if (opener) opener.addEventListener('click', () => input.click());
  input.addEventListener('change', async () => {
    const file = input.files && input.files[0];
    if (!file) return;
    try {
      const { records, unknown } = parseExport(await file.text());
      const counts = await importRecords(records);
      const parts = [];
      if (counts.added) parts.push(`${counts.added} added`);
      if (counts.changed) parts.push(`${counts.changed} updated`);
      if (counts.same) parts.push(`${counts.same} already here`);
      if (counts.newer) parts.push(`${counts.newer} kept as edited here since`);
      if (unknown) parts.push(`${unknown} of a kind this version of the app doesn't know, left out`);
      say(status, records.length || unknown ? `Imported: ${parts.join(', ')}.` : 'This file has no records.', 'done');
      await sync.refresh(); // "N waiting to sync" at once
      await sync.run();
      window.dispatchEvent(new Event('relieve:synced'));
    } catch (error) {
      say(status, error.message, 'error');
    } finally {
      input.value = '';
    }
  });
}

/** A button that downloads what this device holds, in the same format.
    @param {HTMLButtonElement} button */
export function wireDeviceExport(button) {
  button.addEventListener('click', async () => {
    const body = JSON.stringify(await deviceExport(), null, 2);
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([body], { type: 'application/json' }));
    link.download = `relieve-device-${new Date().toISOString().slice(0, 10)}.json`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
  });
}
