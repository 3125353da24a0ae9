// The error-summary builder and field marking (static/js/lib/form-errors.js), against a small
// stand-in for the DOM: the module only creates elements, sets attributes and listens for clicks.
import test from 'node:test';
import assert from 'node:assert/strict';
import { describedBy, fillSummary, markField } from '../../static/js/lib/form-errors.js';

class FakeElement {
  constructor(doc, tag, id = '') {
    this.ownerDocument = doc;
    this.tagName = tag;
    this.id = id;
    this.attributes = new Map();
    this.children = [];
    this.listeners = {};
    this.hidden = false;
    this.textContent = '';
    this.focused = 0;
    this.scrolled = [];
  }
  setAttribute(name, value) { this.attributes.set(name, String(value)); }
  getAttribute(name) { return this.attributes.has(name) ? this.attributes.get(name) : null; }
  removeAttribute(name) { this.attributes.delete(name); }
  append(...nodes) { this.children.push(...nodes); }
  replaceChildren(...nodes) { this.children = nodes; }
  addEventListener(type, fn) { (this.listeners[type] ||= []).push(fn); }
  click() {
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    for (const fn of this.listeners.click || []) fn(event);
    return event;
  }
  focus() { this.focused += 1; }
  scrollIntoView(options) { this.scrolled.push(options); }
}

const fakeDocument = () => {
  const doc = { createElement: (tag) => new FakeElement(doc, tag) };
  return doc;
};

test('fillSummary: a link per problem, a click moves focus and scrolls only when asked', () => {
  const doc = fakeDocument();
  const list = new FakeElement(doc, 'ul');
  list.append(new FakeElement(doc, 'li'));
  const field = new FakeElement(doc, 'input', 'time');
  const input = new FakeElement(doc, 'input');
  const fieldset = new FakeElement(doc, 'fieldset', 'q1');
  fillSummary(list, [
    { text: 'Choose a time.', href: '#time', focus: field },
    { text: 'Question one', href: '#q1', focus: input, scroll: fieldset },
    { text: 'Leg pain: Choose one.', href: '#field-legPain' },
    { text: 'Add a step.' },
  ]);
  assert.equal(list.children.length, 4);
  const [first, second, third, fourth] = list.children;
  assert.deepEqual(first.children.map((a) => [a.tagName, a.href, a.textContent]), [['a', '#time', 'Choose a time.']]);
  assert.equal(first.children[0].click().defaultPrevented, true);
  assert.equal(field.focused, 1);
  assert.equal(second.children[0].click().defaultPrevented, true);
  assert.equal(input.focused, 1);
  assert.deepEqual(fieldset.scrolled, [{ block: 'center' }]);
  assert.equal(third.children[0].href, '#field-legPain');
  assert.equal(third.children[0].click().defaultPrevented, false);
  assert.equal(fourth.textContent, 'Add a step.');
  assert.equal(fourth.children.length, 0);
  fillSummary(list, []);
  assert.equal(list.children.length, 0);
});

test('markField: error text, aria-invalid and aria-describedby set and cleared', () => {
  const doc = fakeDocument();
  const control = new FakeElement(doc, 'input', 'notes');
  const error = new FakeElement(doc, 'p', 'notes-error');
  control.setAttribute('aria-describedby', 'notes-count');
  markField(control, error, 'Too long.', { validDescribedBy: 'notes-count' });
  assert.equal(error.textContent, 'Too long.');
  assert.equal(error.hidden, false);
  assert.equal(control.getAttribute('aria-invalid'), 'true');
  assert.equal(control.getAttribute('aria-describedby'), 'notes-error');
  markField(control, error, undefined, { validDescribedBy: 'notes-count' });
  assert.equal(error.textContent, '');
  assert.equal(error.hidden, true);
  assert.equal(control.getAttribute('aria-invalid'), null);
  assert.equal(control.getAttribute('aria-describedby'), 'notes-count');
  markField(control, error, '');
  assert.equal(control.getAttribute('aria-describedby'), null);
});

test('markField: several controls, another element described, ids kept', () => {
  const doc = fakeDocument();
  const boxes = [new FakeElement(doc, 'input'), new FakeElement(doc, 'input')];
  const group = new FakeElement(doc, 'div', 'reminder-days');
  group.setAttribute('aria-describedby', 'days-hint');
  const error = new FakeElement(doc, 'p', 'days-error');
  markField(boxes, error, 'Choose a day.', { describe: group, keepDescribedBy: true });
  assert.deepEqual(boxes.map((b) => b.getAttribute('aria-invalid')), ['true', 'true']);
  assert.equal(group.getAttribute('aria-describedby'), 'days-hint days-error');
  markField(boxes, error, '', { describe: group, keepDescribedBy: true });
  assert.deepEqual(boxes.map((b) => b.getAttribute('aria-invalid')), [null, null]);
  assert.equal(group.getAttribute('aria-describedby'), 'days-hint');
  describedBy(group, 'days-hint', false);
  assert.equal(group.getAttribute('aria-describedby'), null);
});

test('markField: true/false shows the page\'s own text; no controls marks none', () => {
  const doc = fakeDocument();
  const fieldset = new FakeElement(doc, 'fieldset', 'q1');
  const error = new FakeElement(doc, 'p', 'q1-error');
  error.textContent = 'Answer yes or no.';
  markField([], error, true, { describe: fieldset });
  assert.equal(error.hidden, false);
  assert.equal(error.textContent, 'Answer yes or no.');
  assert.equal(fieldset.getAttribute('aria-invalid'), null);
  assert.equal(fieldset.getAttribute('aria-describedby'), 'q1-error');
  markField([], error, false, { describe: fieldset });
  assert.equal(error.hidden, true);
  assert.equal(error.textContent, 'Answer yes or no.');
  assert.equal(fieldset.getAttribute('aria-describedby'), null);
  const p = new FakeElement(doc, 'p');
  markField([], p, 'Seconds must be 5 to 600.');
  assert.equal(p.hidden, false);
});
