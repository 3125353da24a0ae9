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
}
