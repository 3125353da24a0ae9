/* Reading and filling the preference questions (templates/preferences/_fields.html), wherever
   they are on a page. */
// @ts-check

/** @param {HTMLFormElement} form @returns {import('./prefs.js').Preferences} */
export function readForm(form) {
  const picked = (name) => {
    const input = /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]:checked`));
    return input ? input.value : null;
  };
  const box = (name) => /** @type {HTMLInputElement | null} */ (form.querySelector(`input[name="${name}"]`));
  /** @type {any} */
  const data = {
    side: picked('side'),
    position: picked('position'),
    equipment: Array.from(form.querySelectorAll('input[name="equipment"]:checked')).map((i) => /** @type {HTMLInputElement} */ (i).value),
    minutes: picked('minutes') === null ? null : Number(picked('minutes')),
  };
  for (const name of ['sound', 'voice', 'vibration']) if (box(name)) data[name] = box(name).checked;
  if (form.querySelector('input[name="transition"]')) data.transition = picked('transition') || 'normal';
  return data;
}

/** @param {HTMLFormElement} form @param {ReturnType<typeof import('./prefs.js').withDefaults>} prefs */
export function fillForm(form, prefs) {
  for (const input of /** @type {NodeListOf<HTMLInputElement>} */ (form.querySelectorAll('input'))) {
    const value = /** @type {any} */ (prefs)[input.name];
    if (input.type === 'radio') input.checked = value !== null && value !== undefined && String(value) === input.value;
    else if (input.name === 'equipment') input.checked = (prefs.equipment || []).includes(input.value);
    else if (input.type === 'checkbox') input.checked = Boolean(value);
  }
  showSideNote(form);
}

/** The note under "Which side hurts?" shows while Both sides is chosen: leg symptoms in both legs
    are also a warning sign when new or getting worse (templates/preferences/_fields.html).
    @param {HTMLFormElement} form */
export function showSideNote(form) {
  const note = /** @type {HTMLElement | null} */ (form.querySelector('#side-both-note'));
  const both = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="side"][value="both"]'));
  if (note) note.hidden = !(both && both.checked);
}

/**
 * Keeps the note in step with the answer, and makes its link to the safety check keep what was
 * answered: `beforeLeaving` (saving the answers) runs before the page is left.
 * @param {HTMLFormElement} form
 * @param {() => Promise<unknown>} beforeLeaving
 */
export function watchSideNote(form, beforeLeaving) {
  form.addEventListener('change', () => showSideNote(form));
  showSideNote(form);
  const link = /** @type {HTMLAnchorElement | null} */ (form.querySelector('#side-both-check'));
  if (!link) return;
  link.addEventListener('click', async (event) => {
    event.preventDefault();
    await beforeLeaving().catch(() => {});
    window.location.assign(link.href);
  });
}
