// The body map's shared drawing (static/js/lib/body.js), used by the log form and the clinician
// summary: every region the server offers is drawn once, in its own view, top to bottom, inside
// the figure, on the drawing's left half (the other side is that shape reflected).
import test from 'node:test';
import assert from 'node:assert/strict';
import { REGION_SHAPES, SILHOUETTE, VIEW_BOX, sideOnLeft } from '../../static/js/lib/body.js';
import { MAP_REGIONS, REGION_VIEWS } from '../../static/js/generated/contract.js';

/** The bounding box of an absolute path made of M, L, H, V, Q, C and Z (what body.js uses). */
function bounds(d) {
  const xs = [];
  const ys = [];
  let x = 0;
  let y = 0;
  for (const [, command, args] of d.matchAll(/([MLHVQCZ])([^MLHVQCZ]*)/g)) {
    const n = args.trim() ? args.trim().split(/[\s,]+/).map(Number) : [];
    assert.ok(n.every(Number.isFinite), `numbers in ${command}${args}`);
    if (command === 'H') [x] = n.slice(-1);
    else if (command === 'V') [y] = n.slice(-1);
    else if (command !== 'Z') {
      for (let i = 0; i < n.length; i += 2) { xs.push(n[i]); ys.push(n[i + 1]); }
      [x, y] = n.slice(-2);
    }
    xs.push(x);
    ys.push(y);
  }
  return { left: Math.min(...xs), right: Math.max(...xs), top: Math.min(...ys), bottom: Math.max(...ys) };
}

test('each view draws exactly the regions the contract gives it, top to bottom', () => {
  for (const view of ['back', 'front']) {
    const offered = MAP_REGIONS.filter((region) => REGION_VIEWS[region] === view);
    assert.deepEqual(Object.keys(REGION_SHAPES[view]), offered, view);
    const tops = offered.map((region) => bounds(REGION_SHAPES[view][region]).top);
    assert.deepEqual(tops, [...tops].sort((a, b) => a - b), `${view} regions run top to bottom`);
  }
});

test('the figure is symmetric about x = 100 and fits the drawn box; regions lie on it, left of the middle', () => {
  const body = bounds(SILHOUETTE);
  assert.ok(Math.abs(body.left + body.right - 200) < 0.5, `centred: ${JSON.stringify(body)}`);
  assert.ok(body.left >= VIEW_BOX.x && body.right <= VIEW_BOX.x + VIEW_BOX.width);
  assert.ok(body.top >= VIEW_BOX.y && body.bottom <= VIEW_BOX.y + VIEW_BOX.height);
  for (const [view, shapes] of Object.entries(REGION_SHAPES)) {
    for (const [region, d] of Object.entries(shapes)) {
      const box = bounds(d);
      assert.ok(box.right < 100, `${view} ${region} stays on its side of the middle`);
      assert.ok(box.left >= body.left && box.top >= body.top && box.bottom <= body.bottom, `${view} ${region} on the body`);
      assert.ok(box.bottom - box.top >= 12, `${view} ${region} big enough to see and tap`);
    }
  }
});

test("from behind the person's left is drawn on the viewer's left; from the front, mirrored", () => {
  assert.equal(sideOnLeft('back'), 'left');
  assert.equal(sideOnLeft('front'), 'right');
});

test('the drawing stays small (it is in the precached bundle)', () => {
  const size = SILHOUETTE.length + JSON.stringify(REGION_SHAPES).length;
  assert.ok(size < 4000, `${size} characters`);
});
