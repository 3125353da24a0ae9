/* The account forms (sign in, sign up, your account): the server checks them, and its error
   under a field goes as soon as the person changes that field (a ticked box, a filled-in or
   retyped value), rather than staying until the next submit. */
// @ts-check
import { describedBy } from '../lib/form-errors.js';
import './device-data.js'; // the account page's "Data on this device"; nothing on other pages
import { sinceText } from '../lib/since.js';

for (const form of /** @type {NodeListOf<HTMLFormElement>} */ (document.querySelectorAll('form.account-form'))) {
  const handle = (/** @type {Event} */ event) => {
    const input = /** @type {HTMLInputElement} */ (event.target);
    const wrapper = input.closest('.has-error');
    if (!wrapper) return;
    const fixed = input.type === 'checkbox' ? input.checked : input.value.trim() !== '';
    if (!fixed) return;
    const error = /** @type {HTMLElement | null} */ (wrapper.querySelector('.field-error'));
    wrapper.classList.remove('has-error');
    input.removeAttribute('aria-invalid');
    if (error) {
      describedBy(input, error.id, false);
      error.hidden = true;
    }
  };
  form.addEventListener('input', handle);
  form.addEventListener('change', handle);
}

// "Last seen" in the person's own time zone and words; the server writes UTC without script.
for (const time of /** @type {NodeListOf<HTMLTimeElement>} */ (document.querySelectorAll('time[data-since]'))) {
  time.textContent = sinceText(time.dateTime);
  time.title = new Date(time.dateTime).toLocaleString();
}
