/* Pages whose first view depends on the device's own data (IndexedDB, the catalogue) keep
   their content unpainted until that first draw is done, then show it whole: notices and cards
   revealed by a script would otherwise push the page down under the reader's thumb (layout
   shift). A page opts in with `data-settling` on <html> (templates: `{% set settles = true %}`);
   its scripts hand their first draw to settleAfter(). A slow device never waits more than
   SETTLE_CAP_MS, and static/css/base.css shows the page anyway if no script runs at all. */
// @ts-check

const SETTLE_CAP_MS = 1200;
/** @type {Promise<unknown>[]} */
const pending = [];

/**
 * Hold the page's first paint of its content until `work` finishes (or fails).
 * @template T
 * @param {Promise<T>} work
 * @returns {Promise<T>} the same work, for chaining
 */
export function settleAfter(work) {
  pending.push(work.catch(() => {}));
  return work;
}

function reveal() {
  document.documentElement.removeAttribute('data-settling');
}

function whenDrawn() {
  const cap = new Promise((resolve) => { setTimeout(resolve, SETTLE_CAP_MS); });
  // Two frames after the work: the last DOM writes are laid out before the page shows.
  Promise.race([Promise.all(pending), cap]).then(() => requestAnimationFrame(reveal));
}

if (document.documentElement.hasAttribute('data-settling')) {
  // Module scripts have all run (and registered their first draws) by DOMContentLoaded.
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', whenDrawn, { once: true });
  else setTimeout(whenDrawn, 0);
}
