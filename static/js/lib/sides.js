/* Two-sided cards are written (and drawn) for one side: the person's right, the side every card's
   steps start with (docs/illustrations.md, "Sides"). When the player runs the other side, the
   words must say that side too, or "Left side" sits over "cross your right ankle": so the step
   text is mirrored here, the way the drawing is mirrored in css/figures.css. Pure, no DOM. */
// @ts-check

/** The side a card's steps and drawing are written for. */
export const WRITTEN_SIDE = 'right';

// "right" and "left" that are not sides: a right angle, right away, all right, left out...
// They keep their words whichever side is played.
const NOT_A_SIDE = [
  /\bright[ -]angles?\b/gi,
  /\bright (?:away|now|here|there)\b/gi,
  /\b(?:all|just) right\b/gi,
  /\bleft (?:out|over|behind|alone)\b/gi,
  /\b(?:time|is|are|have|has|was|were|be|been|you've|nothing) left\b/gi,
];

const SIDE_WORD = /\b(left|right)\b/gi;

/** `word` with the other side's word, in the same case: left ↔ right, Left ↔ Right, LEFT ↔ RIGHT. */
function swapWord(word) {
  const other = word.toLowerCase() === 'left' ? 'right' : 'left';
  if (word === word.toUpperCase()) return other.toUpperCase();
  if (word[0] === word[0].toUpperCase()) return other[0].toUpperCase() + other.slice(1);
  return other;
}

/**
 * `text` with every side's "left" and "right" swapped, as whole words, case kept; idioms that
 * are not sides ("a right angle", "left out") untouched.
 * @param {string} text
 * @returns {string}
 */
export function mirrorText(text) {
  if (typeof text !== 'string' || !text) return text;
  /** @type {Array<[number, number]>} */
  const kept = [];
  for (const pattern of NOT_A_SIDE) {
    for (const match of text.matchAll(pattern)) kept.push([match.index || 0, (match.index || 0) + match[0].length]);
  }
  const inKept = (at) => kept.some(([from, to]) => at >= from && at < to);
  return text.replace(SIDE_WORD, (word, _group, at) => (inKept(at) ? word : swapWord(word)));
}

/**
 * A card's text as it reads for `side`: unchanged for the side it was written for (and for a
 * step without sides), mirrored for the other one.
 * @param {string} text
 * @param {'left' | 'right' | null | undefined} side  the side being played
 * @param {'left' | 'right'} [writtenFor]
 * @returns {string}
 */
export function textForSide(text, side, writtenFor = WRITTEN_SIDE) {
  if ((side !== 'left' && side !== 'right') || side === writtenFor) return text;
  return mirrorText(text);
}

// Telling the person to change sides: "switch legs", "then switch to your left leg", "and repeat
// on the other side (if you wish)", "Switch hands and repeat on the other side.", "move it to the
// other side and repeat".
const SWITCH = String.raw`(?:switch|change) (?:to (?:your|the) (?:left|right|other) (?:leg|side|hand)|legs|hands|sides)`;
const REPEAT = String.raw`(?:switch hands and )?repeat on the (?:other|left|right) side(?: if you wish)?|move it to the other side and repeat`;
const WHOLE_SENTENCE = new RegExp(String.raw`^(?:(?:when|after) the time is up, )?(?:${SWITCH}|${REPEAT})\.$`, 'i');
const CLAUSE = new RegExp(String.raw`,? (?:turn over )?(?:and |then )?(?:${SWITCH}|${REPEAT})(?=\.)`, 'gi');

/**
 * A card's line without its instructions to change sides, for the last side of the last set of a
 * two-sided step: there is no other side left to go to. Sentences that only say to switch are
 * dropped; "…, then switch legs." ends at the comma. '' when nothing is left of the line.
 * @param {string} text
 * @returns {string}
 */
export function withoutSwitch(text) {
  if (typeof text !== 'string' || !text) return text;
  return text
    .split(/(?<=\.)\s+/)
    .filter((sentence) => !WHOLE_SENTENCE.test(sentence.trim()))
    .map((sentence) => sentence.replace(CLAUSE, ''))
    .join(' ')
    .trim();
}
