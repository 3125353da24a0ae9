import test from 'node:test';
import assert from 'node:assert/strict';
import { matchesQuery, rank, terms } from '../../static/js/lib/search.js';

// Search texts as webapp/library/filters.py search_text writes them (shortened): name, summary,
// then labels and tags, one line each.
const glide = 'sciatic nerve glide\nsit on a chair and gently move the nerve.\nstretch on a chair gentle nerve along the leg chair @slug:sciatic-nerve-glide @kind:stretch @position:chair @intensity:gentle @area:leg-nerve';
const roll = 'foam roller: hamstrings\nroll the back of your thigh.\nself-massage on the floor moderate back of thigh foam roller @slug:foam-roll-hamstrings @kind:massage @position:floor @intensity:moderate @area:back-of-thigh';
const pelvic = 'pelvic tilt\nlying on your back with knees bent.\nstretch on the floor gentle lower back mat or rug @slug:pelvic-tilt @kind:stretch @position:floor @intensity:gentle @area:lower-back';

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

// A card about the nerve that only names it in its summary, and one that only sits on its path.
const rest = 'lying with calves on a chair\na resting position that eases the sciatic nerve.\nstretch on the floor gentle lower back nerve along the leg @slug:rest-calves-on-chair @kind:stretch @position:floor @intensity:gentle @area:lower-back @area:leg-nerve';
const ball = 'ball against a wall: glutes\nlean on a ball to ease the buttock.\nself-massage against a wall moderate buttock massage or tennis ball @slug:ball-wall-glutes @kind:massage @position:wall @intensity:moderate @area:buttock';
const calves = 'lying with calves on a chair\na resting position.\nstretch on the floor gentle lower back nerve along the leg @slug:rest-calves-on-chair @kind:stretch @position:floor @intensity:gentle @area:lower-back @area:leg-nerve';

test('a match in the name beats one in the summary, which beats one in the labels or tags', () => {
  assert.equal(rank('sciatic', glide), 0);
  assert.equal(rank('sciatic', rest), 1);
  // About the nerve (the first tag "sciatic" stands for) beats merely near its path.
  assert.equal(rank('sciatic', calves), 2);
  assert.equal(rank('sciatic', roll), 3);
  assert.equal(rank('sciatic', ball), 3);
  assert.equal(rank('hamstring', roll), 0);
  assert.equal(rank('stretch', pelvic), 2);
  // Terms add up; a term that does not match leaves the card out.
  assert.equal(rank('gentle sciatic', glide), 2);
  assert.equal(rank('sciatic xyz', glide), null);
  assert.equal(rank('', pelvic), 0);
});
