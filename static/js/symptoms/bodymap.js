/* The sciatica body map on the log form (templates/symptoms/_bodymap.html): back and front views
   switched by a two-part toggle, a button per region and side (the accessible, keyboard way to
   choose), and the drawing (lib/body.js, shared with the clinician summary) as a second, bigger
   way to press the same buttons. A region chosen on
   both sides reads as "both". The summary under the map lists every choice, in both views. */
// @ts-check
import { REGION_LABELS, REGION_VIEWS, REGIONS } from '../generated/contract.js';
import { drawBody } from '../lib/body.js';

const NS = 'http://www.w3.org/2000/svg';

const SIDE_WORDS = { left: 'left', right: 'right', both: 'both sides' };

/** "Buttock (left), calf (both sides)": an entry's areas in words, in map order; unknown keys are
    skipped (an entry from a newer app). @param {Record<string, string>} areas */
export function describeAreas(areas) {
  return REGIONS
    .filter((region) => areas && SIDE_WORDS[areas[region]])
    .map((region, i) => {
      const label = REGION_LABELS[region];
      return (i ? label.toLowerCase() : label) + ' (' + SIDE_WORDS[areas[region]] + ')';
    })
    .join(', ');
}

/** Which view an entry's areas are mostly in (the back unless only front regions are chosen).
    @param {Record<string, string>} areas */
export function viewFor(areas) {
  const views = Object.keys(areas || {}).map((region) => REGION_VIEWS[region]).filter(Boolean);
  return views.length && views.every((view) => view === 'front') ? 'front' : 'back';
}

/** The figure into the page's empty drawing, with the hatching a chosen region is filled with
    (one per view: a pattern inside a hidden view would not paint in the other).
    @param {SVGSVGElement} figure @param {string} view */
function drawFigure(figure, view) {
  const make = (tag, attrs) => {
    const node = document.createElementNS(NS, tag);
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
  };
  const pattern = make('pattern', {
    id: `bm-hatch-${view}`, patternUnits: 'userSpaceOnUse', width: '8', height: '8', patternTransform: 'rotate(45)',
  });
  pattern.append(make('rect', { class: 'bm-hatch-bg', width: '8', height: '8' }), make('path', { class: 'bm-hatch-line', d: 'M0 0V8' }));
  const defs = make('defs', {});
  defs.append(pattern);
  figure.replaceChildren(defs, drawBody(view, { id: `bm-${view}`, regionClass: 'bm-region' }));
}

/**
 * Wire up the map inside `root`; `summary` shows the choices in words.
 * @param {HTMLElement} root @param {HTMLElement} summary
 */
export function createBodyMap(root, summary) {
  for (const figure of /** @type {NodeListOf<SVGSVGElement>} */ (root.querySelectorAll('svg[data-figure]'))) {
    drawFigure(figure, figure.dataset.figure);
  }
  const buttons = Array.from(/** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll('.bm-button')));
  const viewButtons = Array.from(/** @type {NodeListOf<HTMLButtonElement>} */ (root.querySelectorAll('.bm-view-button')));
  const views = Array.from(/** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('.body-map[data-view]')));

  function read() {
    /** @type {Record<string, string>} */
    const areas = {};
    for (const button of buttons) {
      if (button.getAttribute('aria-pressed') !== 'true') continue;
      const { region, side } = button.dataset;
      areas[region] = areas[region] && areas[region] !== side ? 'both' : side;
    }
    return areas;
  }

  function draw() {
    const areas = read();
    for (const shape of /** @type {NodeListOf<SVGElement>} */ (root.querySelectorAll('.bm-region'))) {
      const side = areas[shape.dataset.region];
      shape.classList.toggle('on', side === 'both' || side === shape.dataset.side);
    }
    const words = describeAreas(areas);
    summary.textContent = words ? 'Chosen: ' + words : 'Nothing chosen';
  }

  function show(view) {
    for (const button of viewButtons) button.setAttribute('aria-pressed', String(button.dataset.showView === view));
    for (const node of views) node.hidden = node.dataset.view !== view;
  }

  /** @param {Record<string, string>} areas */
  function set(areas) {
    for (const button of buttons) {
      const side = areas[button.dataset.region];
      button.setAttribute('aria-pressed', String(side === 'both' || side === button.dataset.side));
    }
    // A region the map no longer draws (an older entry's "foot") shows only when chosen.
    for (const older of /** @type {NodeListOf<HTMLElement>} */ (root.querySelectorAll('.bm-older'))) {
      older.hidden = !areas[older.dataset.older];
    }
    show(viewFor(areas));
    draw();
  }

  for (const button of buttons) {
    button.addEventListener('click', () => {
      button.setAttribute('aria-pressed', String(button.getAttribute('aria-pressed') !== 'true'));
      draw();
    });
  }
  for (const shape of /** @type {NodeListOf<SVGElement>} */ (root.querySelectorAll('.bm-region'))) {
    shape.addEventListener('click', () => {
      const { region, side } = shape.dataset;
      buttons.find((b) => b.dataset.region === region && b.dataset.side === side)?.click();
    });
  }
  for (const button of viewButtons) button.addEventListener('click', () => show(button.dataset.showView));
  return { read, set, draw, show };
}
