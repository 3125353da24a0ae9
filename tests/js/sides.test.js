import test from 'node:test';
import assert from 'node:assert/strict';
import { mirrorText, textForSide, withoutSwitch, WRITTEN_SIDE } from '../../static/js/lib/sides.js';

test('cards are written for the right side, as they are drawn', () => {
  assert.equal(WRITTEN_SIDE, 'right');
});

test('left and right swap as whole words, keeping their case', () => {
  assert.equal(
    mirrorText('Cross your right ankle over your left knee, so your legs make a figure 4.'),
    'Cross your left ankle over your right knee, so your legs make a figure 4.',
  );
  assert.equal(mirrorText('Right foot forward. Left knee bent.'), 'Left foot forward. Right knee bent.');
  assert.equal(mirrorText('LEFT and RIGHT'), 'RIGHT and LEFT');
  assert.equal(mirrorText('right, left, right'), 'left, right, left');
});

test('a swap is one pass: left becomes right and right becomes left, never both the same', () => {
  assert.equal(mirrorText('your right thigh and your left foot'), 'your left thigh and your right foot');
});

test('words that only contain left or right are untouched', () => {
  assert.equal(mirrorText('Go upright, the bright leftover, rightly'), 'Go upright, the bright leftover, rightly');
  assert.equal(mirrorText('right-hand side'), 'left-hand side');
});

test('a right angle, right away and left out are not sides', () => {
  assert.equal(
    mirrorText('Sit with your knees at about a right angle and your right foot flat.'),
    'Sit with your knees at about a right angle and your left foot flat.',
  );
  assert.equal(mirrorText('Hips and knees at right angles, left leg on top.'), 'Hips and knees at right angles, right leg on top.');
  assert.equal(mirrorText('Stop right away if your left leg tingles.'), 'Stop right away if your right leg tingles.');
  assert.equal(mirrorText('Anything left out is fine. All right?'), 'Anything left out is fine. All right?');
});

test('the text reads for the side being played', () => {
  const line = 'Slowly draw your left thigh toward your chest until you feel a gentle stretch deep in your right buttock.';
  assert.equal(textForSide(line, 'right'), line);
  assert.equal(textForSide(line, null), line);
  assert.equal(textForSide(line, undefined), line);
  assert.equal(
    textForSide(line, 'left'),
    'Slowly draw your right thigh toward your chest until you feel a gentle stretch deep in your left buttock.',
  );
  // A card written for the left reads mirrored on the right.
  assert.equal(textForSide('your left knee', 'right', 'left'), 'your right knee');
  assert.equal(textForSide('', 'left'), '');
});

// The two-sided cards' own lines (content/techniques/*.toml), as they must read on the left.
const CARDS = [
  ['Place a massage ball or tennis ball under the upper, outer part of your right buttock, toward the side of your hip.',
    'Place a massage ball or tennis ball under the upper, outer part of your left buttock, toward the side of your hip.'],
  ['After the time is up, uncross your legs, rest, and repeat on the left side.',
    'After the time is up, uncross your legs, rest, and repeat on the right side.'],
  ['Lean a little toward your right side so the roller presses into the fleshy part of your right buttock and outer hip.',
    'Lean a little toward your left side so the roller presses into the fleshy part of your left buttock and outer hip.'],
  ['Place the foam roller under the middle of your right thigh. Bend your left knee and put that foot flat on the floor.',
    'Place the foam roller under the middle of your left thigh. Bend your right knee and put that foot flat on the floor.'],
  ['Lie on your right side with a foam roller under the outer part of your right thigh, just below the hip. Prop yourself up on your right forearm.',
    'Lie on your left side with a foam roller under the outer part of your left thigh, just below the hip. Prop yourself up on your left forearm.'],
  ['Slowly lower your right foot back to the floor. Repeat with your left leg.',
    'Slowly lower your left foot back to the floor. Repeat with your right leg.'],
  ['Do 10 reps, then switch to your left leg.', 'Do 10 reps, then switch to your right leg.'],
  ['Sit toward the front of a sturdy chair with both feet flat on the floor, knees at about a right angle.',
    'Sit toward the front of a sturdy chair with both feet flat on the floor, knees at about a right angle.'],
  ['Slide your right foot forward until your right leg is straight, with your heel on the floor and toes pointing up. Keep your left knee bent.',
    'Slide your left foot forward until your left leg is straight, with your heel on the floor and toes pointing up. Keep your right knee bent.'],
  ['Switch hands and repeat on the other side.', 'Switch hands and repeat on the other side.'],
];

test("the two-sided cards' steps read right on the left side", () => {
  for (const [written, left] of CARDS) {
    assert.equal(textForSide(written, 'left'), left);
    assert.equal(textForSide(written, 'right'), written);
  }
});

test('on the last side, lines that say to change sides lose that part (the cards\' own lines)', () => {
  assert.equal(withoutSwitch('Do 10 reps, then switch to your left leg.'), 'Do 10 reps.');
  assert.equal(withoutSwitch('Repeat 2 to 4 times, then switch legs.'), 'Repeat 2 to 4 times.');
  assert.equal(
    withoutSwitch('Hold for about 30 seconds, breathing slowly. Then sit up, uncross your legs and repeat on the other side.'),
    'Hold for about 30 seconds, breathing slowly. Then sit up, uncross your legs.',
  );
  assert.equal(
    withoutSwitch('Slowly lower your left foot to the floor and uncross your legs. Repeat on the other side.'),
    'Slowly lower your left foot to the floor and uncross your legs.',
  );
  assert.equal(withoutSwitch('After the time is up, uncross your legs, rest, and repeat on the left side.'), 'After the time is up, uncross your legs, rest.');
  assert.equal(withoutSwitch('When the time is up, roll off, turn over and repeat on the left side if you wish.'), 'When the time is up, roll off.');
  assert.equal(withoutSwitch('Keep moving rather than resting on one spot. When the time is up, switch legs.'), 'Keep moving rather than resting on one spot.');
  assert.equal(withoutSwitch('Lift off the ball, move it to the other side and repeat. Roll onto your side to get up.'), 'Lift off the ball. Roll onto your side to get up.');
});

test('a line that only says to change sides is left out; other lines are untouched', () => {
  assert.equal(withoutSwitch('Repeat on the other side.'), '');
  assert.equal(withoutSwitch('Switch hands and repeat on the other side.'), '');
  const line = 'Lie on your back with both knees bent and your right foot flat on the floor.';
  assert.equal(withoutSwitch(line), line);
  assert.equal(withoutSwitch('Stop if your leg tingles more.'), 'Stop if your leg tingles more.');
});
