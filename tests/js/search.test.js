import test from 'node:test';
import assert from 'node:assert/strict';
import { matchesQuery, terms } from '../../static/js/lib/search.js';

// Search texts as webapp/library/filters.py search_text writes them (shortened).
const glide = 'sciatic nerve glide sit on a chair and gently move the nerve. stretch on a chair gentle nerve along the leg chair @slug:sciatic-nerve-glide @kind:stretch @position:chair @intensity:gentle @area:leg-nerve';
const roll = 'foam roller: hamstrings roll the back of your thigh. self-massage on the floor moderate back of thigh foam roller @slug:foam-roll-hamstrings @kind:massage @position:floor @intensity:moderate @area:back-of-thigh';
const pelvic = 'pelvic tilt lying on your back with knees bent. stretch on the floor gentle lower back mat or rug @slug:pelvic-tilt @kind:stretch @position:floor @intensity:gentle @area:lower-back';

test('phrases stay whole and small words go', () => {
  assert.deepEqual(terms('Gentle stretch  IN BED'), ['gentle', 'stretch', 'in bed']);
  assert.deepEqual(terms('for my lower back'), ['lower back']);
  assert.deepEqual(terms('no equipment'), ['no', 'equipment']);
});

test('people\'s words find the cards by their tags', () => {
  assert.ok(matchesQuery('sitting', glide) && !matchesQuery('sitting', roll));
  assert.ok(matchesQuery('hamstring', roll) && !matchesQuery('hamstring', pelvic));
  assert.ok(matchesQuery('gentle', pelvic) && !matchesQuery('gentle', roll));
  assert.ok(matchesQuery('in bed', pelvic) && !matchesQuery('in bed', glide));
  assert.ok(matchesQuery('sciatica', glide) && matchesQuery('sciatica', roll));
  assert.ok(matchesQuery('gentle stretch in bed', pelvic));
});

test('every term must match; plain words still match the text', () => {
  assert.ok(matchesQuery('foam roller', roll));
  assert.ok(!matchesQuery('gentle hamstring', roll));
  assert.ok(!matchesQuery('xyz', glide));
  assert.ok(matchesQuery('', glide));
});
