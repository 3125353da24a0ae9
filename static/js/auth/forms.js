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

// "Show password": typing with sore hands on a phone keyboard is error-prone; seeing what was
// typed helps. Hidden again before the form is sent, so password managers still see a password.
for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (document.querySelectorAll('form.account-form input[type="password"]'))) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'button quiet show-password';
  button.setAttribute('aria-controls', input.id);
  // The words say what a tap does (not also aria-pressed: a changing name is the toggle's state).
  const set = (/** @type {boolean} */ shown) => {
    input.type = shown ? 'text' : 'password';
    button.textContent = shown ? 'Hide password' : 'Show password';
  };
  set(false);
  button.addEventListener('click', () => set(input.type === 'password'));
  input.form?.addEventListener('submit', () => set(false));
  input.after(button);
}

// "Last seen" in the person's own time zone and words; the server writes UTC without script.
for (const time of /** @type {NodeListOf<HTMLTimeElement>} */ (document.querySelectorAll('time[data-since]'))) {
  time.textContent = sinceText(time.dateTime);
  time.title = new Date(time.dateTime).toLocaleString();
}
