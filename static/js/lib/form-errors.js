/* Showing a form's errors, the same way on every form: a summary list (one item per problem, a
   link that moves focus to the field) and each field marked (its error text shown, aria-invalid,
   the error named in aria-describedby). Pure DOM, no page state: the page decides what is wrong. */
// @ts-check

/**
 * One problem in the summary. With `href` the item is a link; with `focus` too, a click moves
 * focus to that element (following the fragment alone would only scroll), and `scroll` is then
 * scrolled to the middle of the view. Without `href` the item is plain text.
 * @typedef {{ text: string, href?: string, focus?: HTMLElement, scroll?: HTMLElement }} SummaryItem
 */

/**
 * Replaces a summary list's items with one `<li>` per problem.
 * @param {HTMLElement} list the `<ul>` (or `<ol>`)
 * @param {SummaryItem[]} items
 */
export function fillSummary(list, items) {
  const doc = list.ownerDocument;
  list.replaceChildren(...items.map((entry) => {
    const item = doc.createElement('li');
    if (!entry.href) {
      item.textContent = entry.text;
      return item;
    }
    const link = doc.createElement('a');
    link.href = entry.href;
    link.textContent = entry.text;
    if (entry.focus) {
      link.addEventListener('click', (event) => {
        event.preventDefault();
        entry.focus.focus();
        if (entry.scroll) entry.scroll.scrollIntoView({ block: 'center' });
      });
    }
    item.append(link);
    return item;
  }));
}

/**
 * Adds an id to (or removes it from) an element's aria-describedby, keeping the ids already there.
 * @param {Element} node
 * @param {string} id
 * @param {boolean} on
 */
export function describedBy(node, id, on) {
  const ids = new Set((node.getAttribute('aria-describedby') || '').split(' ').filter(Boolean));
  if (on) ids.add(id);
  else ids.delete(id);
  if (ids.size) node.setAttribute('aria-describedby', [...ids].join(' '));
  else node.removeAttribute('aria-describedby');
}

/**
 * Marks one field as wrong (a message) or right (no message).
 *
 * `message`: a string sets the error element's text (emptied when right); `true` or `false` shows
 * or hides the error element with the text the page already has.
 *
 * Options: `describe`, the element whose aria-describedby names the error (default: the first
 * control); `keepDescribedBy`, add or remove the error's id among the ids already there (default:
 * the error's id alone when wrong, `validDescribedBy` or nothing when right). Every control gets
 * aria-invalid="true" when wrong (none: pass an empty list).
 * @param {Element | Element[]} controls
 * @param {HTMLElement} errorEl
 * @param {string | boolean | null | undefined} message
 * @param {{ describe?: Element, keepDescribedBy?: boolean, validDescribedBy?: string }} [options]
 */
export function markField(controls, errorEl, message, { describe, keepDescribedBy = false, validDescribedBy } = {}) {
  const list = Array.isArray(controls) ? controls : [controls];
  const wrong = Boolean(message);
  if (typeof message !== 'boolean') errorEl.textContent = message || '';
  errorEl.hidden = !wrong;
  for (const control of list) {
    if (wrong) control.setAttribute('aria-invalid', 'true');
    else control.removeAttribute('aria-invalid');
  }
  const node = describe || list[0];
  if (!node) return;
  if (keepDescribedBy) describedBy(node, errorEl.id, wrong);
  else if (wrong) node.setAttribute('aria-describedby', errorEl.id);
  else if (validDescribedBy) node.setAttribute('aria-describedby', validDescribedBy);
  else node.removeAttribute('aria-describedby');
}

/**
 * After a failed save, the errors that stay on screen as the person edits: those shown that are
 * still wrong (with their current wording). A fixed one goes at once; a new one waits for the
 * next save, so nothing shouts while someone is still typing.
 * @param {Record<string, string | null | undefined>} shown  the errors on screen, by field
 * @param {Record<string, string | null | undefined>} now  the errors the form has now, by field
 * @returns {Record<string, string>}
 */
export function stillWrong(shown, now) {
  /** @type {Record<string, string>} */
  const out = {};
  for (const [field, message] of Object.entries(shown)) if (message && now[field]) out[field] = /** @type {string} */ (now[field]);
  return out;
}
