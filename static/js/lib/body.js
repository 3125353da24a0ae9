/* The sciatica body map's drawing: one human silhouette and the regions on it, shared by the log
   form (symptoms/bodymap.js) and the clinician summary (insights/chart.js) so the two always
   agree. Each view is drawn in the same 200-wide space, centred on x = 100; a region is given
   once, for the leg (or side of the back) on the drawing's left, and the other side is it
   reflected about x = 100. From behind, the person's left is on the viewer's left; from the front
   it is mirrored (their left on the viewer's right), as anyone facing them sees it.
   Regions are simple bands clipped by the silhouette, so their edges follow the body outline. */
// @ts-check

const NS = 'http://www.w3.org/2000/svg';

/** The part of the 200 x 400 space the figure (arms included) and its side labels fill. */
export const VIEW_BOX = { x: 24, y: 0, width: 152, height: 400 };

// The left half of the outline, from the top of the head round to the crotch, as points a
// smooth curve passes through; the right half is the same points reflected.
const HALF = [
  [100, 10], [88, 14], [82, 26], [83, 39], [87, 49], [93, 55], [93, 64], [78, 69], [64, 73], [56, 82],
  [52, 100], [49, 130], [46, 158], [43, 190], [41, 210], [39, 223], [42, 236], [48, 240], [54, 232],
  [54, 214], [56, 190], [59, 160], [63, 128], [67, 106], [70, 122], [71, 148], [66, 176], [65, 210],
  [68, 250], [73, 276], [70, 300], [73, 330], [80, 356], [77, 372], [80, 385], [92, 388], [97, 380],
  [94, 358], [94, 330], [96, 300], [94, 276], [97, 240], [99, 214], [100, 206],
];

/** A closed curve through `points` (Catmull-Rom as cubic Béziers), rounded to 0.1. */
function smooth(points) {
  const at = (i) => points[(i + points.length) % points.length];
  const r = (n) => Math.round(n * 10) / 10;
  let d = `M${r(points[0][0])} ${r(points[0][1])}`;
  for (let i = 0; i < points.length; i += 1) {
    const [p0, p1, p2, p3] = [at(i - 1), at(i), at(i + 1), at(i + 2)];
    d += `C${r(p1[0] + (p2[0] - p0[0]) / 6)} ${r(p1[1] + (p2[1] - p0[1]) / 6)} `
      + `${r(p2[0] - (p3[0] - p1[0]) / 6)} ${r(p2[1] - (p3[1] - p1[1]) / 6)} ${r(p2[0])} ${r(p2[1])}`;
  }
  return d + 'Z';
}

/** The whole outline: head, neck, shoulders, arms, torso, pelvis, legs and feet. */
export const SILHOUETTE = smooth([
  ...HALF, ...HALF.slice(1, -1).reverse().map(([x, y]) => [200 - x, y]),
]);

// A rounded band across the drawing's left half, from x to the middle (less a gap), y1 to y2.
const band = (x, y1, y2, r = 5) => `M${x + r} ${y1}H98.5V${y2}H${x + r}Q${x} ${y2} ${x} ${y2 - r}V${y1 + r}Q${x} ${y1} ${x + r} ${y1}Z`;

/** Each view's regions, top to bottom, as the drawing's left-hand shape. */
export const REGION_SHAPES = {
  back: {
    'lower-back': band(62, 138, 171, 8),
    buttock: 'M62 176H98.5V210Q86 220 70 212Q60 206 62 190Z',
    thigh: band(60, 216, 268),
    calf: band(60, 284, 350, 8),
    sole: band(60, 364, 388, 8),
  },
  front: {
    hip: 'M62 160H74Q80 160 80 166V206Q80 212 74 212H62Z',
    groin: 'M84 186Q93 192 98.5 201V212H88Q84 212 84 208Z',
    'thigh-front': band(60, 216, 266),
    knee: band(60, 270, 291, 8),
    shin: band(60, 295, 348),
    ankle: band(60, 352, 364, 4),
    'foot-top': band(60, 368, 388, 8),
  },
};

/** Which of the person's sides a view draws on the viewer's left. @param {string} view */
export const sideOnLeft = (view) => (view === 'back' ? 'left' : 'right');

function make(tag, attrs = {}, ...children) {
  const node = document.createElementNS(NS, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  node.append(...children);
  return node;
}

/**
 * One view of the figure as an SVG group, in VIEW_BOX's coordinates: the silhouette, a path per
 * region and side (class `regionClass`, `data-region`, `data-side`), the outline again on top (so
 * every region's edge follows it), and "Left"/"Right" beside the legs. `id` must be unique in the
 * page: it names the clip path. `labels` are the two side words (e.g. ['L', 'R'] on paper).
 * @param {string} view @param {{ id: string, regionClass: string, labels?: Record<string, string> }} options
 */
export function drawBody(view, { id, regionClass, labels = { left: 'Left', right: 'Right' } }) {
  const clip = `${id}-clip`;
  const group = make('g', { 'data-view': view },
    make('clipPath', { id: clip }, make('path', { d: SILHOUETTE })),
    make('path', { d: SILHOUETTE, class: 'body-shape' }));
  const onLeft = sideOnLeft(view);
  for (const [region, d] of Object.entries(REGION_SHAPES[view])) {
    for (const side of ['left', 'right']) {
      const attrs = { d, class: regionClass, 'data-region': region, 'data-side': side, 'clip-path': `url(#${clip})` };
      // Drawn on the viewer's right: the left-hand shape reflected.
      if (side !== onLeft) attrs.transform = 'matrix(-1 0 0 1 200 0)';
      group.append(make('path', attrs));
    }
  }
  group.append(make('path', { d: SILHOUETTE, class: 'body-edge' }));
  const other = onLeft === 'left' ? 'right' : 'left';
  group.append(
    make('text', { x: 66, y: 322, 'text-anchor': 'end', class: 'body-side' }, labels[onLeft]),
    make('text', { x: 134, y: 322, 'text-anchor': 'start', class: 'body-side' }, labels[other]),
  );
  return group;
}
