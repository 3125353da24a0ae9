/* What the medicine and function forms share: local times for <input type="datetime-local">,
   and showing errors the same way as the symptom log (a summary of links, each field marked,
   each error gone as soon as it is fixed). */
// @ts-check
import { byId } from '../lib/dom.js';
import { fillSummary, markField, stillWrong } from '../lib/form-errors.js';
import * as days from '../lib/days.js';

/** A time as <input type="datetime-local"> shows it: the device's local time, to the minute.
    @param {Date} date */
export function toLocalInput(date) {
  return days.localDay(date) + 'T' + days.pad(date.getHours()) + ':' + days.pad(date.getMinutes());
}

/** @param {string} text @returns {string} an ISO time, or '' when the text is not a time */
export function fromLocalInput(text) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(text || '')) return '';
  const date = new Date(text); // local time, as typed
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** "Tue 3 Nov, 14:05". @param {string} iso */
export { shortTime } from '../lib/since.js';

/**
 * Errors for one form: `prefix` names the summary (`<prefix>-errors`, `<prefix>-error-list`);
 * a field `name` has its wrapper `field-<name>` and its message `<name>-error`.
 * @param {{ form: HTMLFormElement, prefix: string, labels: Record<string, string>, check: () => Record<string, string> }} options
 */
export function errorDisplay({ form, prefix, labels, check }) {
  /** @type {Record<string, string>} */
  let shown = {};
  const box = byId(prefix + '-errors');
  const list = byId(prefix + '-error-list');

  /** @param {Record<string, string>} errors @param {{ focus?: boolean }} [options] */
  function show(errors, { focus = true } = {}) {
    shown = errors;
    const fields = new Set([...Object.keys(labels), ...Object.keys(errors)]);
    const items = [];
    for (const field of fields) {
      const wrapper = document.getElementById('field-' + field);
      const message = document.getElementById(field + '-error');
      if (!wrapper || !message) continue;
      const control = wrapper.matches('fieldset') ? wrapper : wrapper.querySelector('input, textarea, select');
      markField(control, message, errors[field]);
      if (errors[field]) items.push({ text: (labels[field] || 'This') + ': ' + errors[field], href: '#field-' + field });
    }
    fillSummary(list, items);
    box.hidden = items.length === 0;
    if (items.length && focus) box.focus();
  }

  const clearFixed = () => {
    if (Object.keys(shown).length) show(stillWrong(shown, check()), { focus: false });
  };
  for (const type of ['input', 'change', 'click']) form.addEventListener(type, () => { setTimeout(clearFixed, 0); });
  return { show };
}
