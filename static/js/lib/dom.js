/* Small DOM and storage helpers shared by the page scripts. */
// @ts-check

/** The element with this id; callers cast it to its kind (an input, a link…) where that matters.
    @param {string} id @returns {HTMLElement} */
export const byId = (id) => document.getElementById(id);

/** An element with properties (textContent, className, href, …) and children: text goes in
    as text, never parsed as HTML.
    @template {keyof HTMLElementTagNameMap} K
    @param {K} tag @param {Partial<HTMLElementTagNameMap[K]> & Record<string, unknown>} [props]
    @param {...(Node | string)} children @returns {HTMLElementTagNameMap[K]} */
export const make = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
};

/** True when running from the home screen (installed), on Android and on iOS. */
export const isStandalone = () =>
  window.matchMedia('(display-mode: standalone)').matches
  // iOS Safari's own flag, not in the standard Navigator.
  || /** @type {Navigator & { standalone?: boolean }} */ (window.navigator).standalone === true;

/** @template {unknown[]} A @param {(...args: A) => void} fn @param {number} ms @returns {(...args: A) => void} */
export const debounce = (fn, ms) => {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
};

/** localStorage that never throws (it does in some private modes and when storage is full). */
export const prefs = {
  get(key) {
    try { return window.localStorage.getItem(key); } catch { return null; }
  },
  set(key, value) {
    try { window.localStorage.setItem(key, value); } catch { /* not saved: only a preference */ }
  },
  remove(key) {
    try { window.localStorage.removeItem(key); } catch { /* nothing to remove */ }
  },
  getJSON(key) {
    try { return JSON.parse(this.get(key)); } catch { return null; }
  },
  setJSON(key, value) {
    this.set(key, JSON.stringify(value));
  },
};

/** Polite screen reader announcement through the page's live region. @param {string} text */
export const announce = (text) => {
  const region = document.getElementById('announcer');
  if (!region) return;
  region.textContent = '';
  // A fresh text node in a later task makes screen readers announce a repeated message too.
  setTimeout(() => { region.textContent = text; }, 50);
};

/** '4:05' @param {number} seconds @returns {string} */
export const formatClock = (seconds) => {
  const s = Math.max(0, Math.ceil(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
};

/** @param {number} seconds @returns {string} */
export const formatMinutes = (seconds) => {
  const minutes = Math.round(seconds / 60);
  return minutes < 1 ? 'under 1 minute' : `about ${minutes} min`;
};

/** A button that needs a second tap within a few seconds: no modal dialog for a person on the floor. */
/** `askName`: what a screen reader hears while armed, when the visible words need context.
    @param {HTMLElement} button @param {string} askLabel @param {() => unknown} action @param {string} [askName] */
export const confirmTap = (button, askLabel, action, askName = askLabel) => {
  const label = button.textContent;
  const name = button.getAttribute('aria-label');
  const setLabel = (text, accessible) => {
    button.textContent = text;
    if (name !== null) button.setAttribute('aria-label', accessible);
  };
  let armed = 0;
  button.addEventListener('click', () => {
    if (armed) {
      clearTimeout(armed);
      armed = 0;
      setLabel(label, name);
      action();
      return;
    }
    setLabel(askLabel, askName);
    armed = setTimeout(() => { armed = 0; setLabel(label, name); }, 4000);
  });
};
