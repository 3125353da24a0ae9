/* A guard against leaving a form with unsaved changes: the browser's own "Leave site?" question
   when the form differs from what was last saved. Pages call `saved()` after saving (or after
   filling the form from the device's data). */
// @ts-check

/** What a form holds, as one comparable string. @param {HTMLFormElement} form */
export const formSnapshot = (form) => new URLSearchParams(/** @type {any} */ (new FormData(form))).toString();

/**
 * @param {HTMLFormElement} form
 * @param {{ snapshot?: () => string }} [options]  what counts as the form's content (default: its fields)
 * @returns {{ saved: () => void, dirty: () => boolean, release: () => void }}
 */
export function guardUnsaved(form, { snapshot = () => formSnapshot(form) } = {}) {
  let last = snapshot();
  const dirty = () => snapshot() !== last;
  const onLeave = (/** @type {BeforeUnloadEvent} */ event) => {
    if (!dirty()) return;
    event.preventDefault();
    event.returnValue = ''; // older browsers need a value to ask
  };
  window.addEventListener('beforeunload', onLeave);
  return {
    saved() { last = snapshot(); },
    dirty,
    release() { window.removeEventListener('beforeunload', onLeave); },
  };
}
