// A small catalog in the shape the server sends: time and rep based, per side and not.
const catalog = [
  {
    slug: 'piriformis-stretch',
    name: 'Piriformis stretch',
    kind: 'stretch',
    cue: 'Draw the knee toward the opposite shoulder',
    illustration: '/static/img/techniques/piriformis-stretch.svg?v=1',
    alt: 'On the back, the right ankle crossed over the left knee, drawing the legs toward the chest.',
    dosing: { type: 'time', seconds: 30, sets: 2, per_side: true, rest_seconds: 10 },
  },
  {
    slug: 'cat-cow',
    name: 'Cat-cow',
    kind: 'stretch',
    cue: 'Move slowly with your breath',
    illustration: '/static/img/techniques/cat-cow.svg?v=1',
    alt: 'On hands and knees, the back rounding up, then gently dipping.',
    dosing: { type: 'reps', reps: 10, sets: 1, per_side: false, rest_seconds: 0 },
  },
  {
    slug: 'childs-pose',
    name: "Child's pose",
    kind: 'stretch',
    cue: 'Sit back toward your heels',
    illustration: '/static/img/techniques/childs-pose.svg?v=1',
    alt: 'Kneeling, sitting back toward the heels with the arms forward on the floor.',
    dosing: { type: 'reps', reps: 8, hold_seconds: 5, sets: 2, per_side: false, rest_seconds: 15 },
  },
  {
    slug: 'ball-wall-glutes',
    name: 'Ball against a wall: glutes',
    kind: 'massage',
    cue: 'Upper, outer buttock, not the middle',
    illustration: '/static/img/techniques/ball-wall-glutes.svg?v=1',
    alt: 'Standing with the back to a wall, a ball between the wall and the right buttock.',
    dosing: { type: 'time', seconds: 60, sets: 1, per_side: true, rest_seconds: 0 },
  },
];

const bySlug = Object.fromEntries(catalog.map((t) => [t.slug, t]));

// Deep copies so a test that mutates a routine can't leak into another.
function routine(overrides) {
  return Object.assign({
    id: 'r1',
    name: 'Morning easer',
    steps: [
      { technique: 'cat-cow', sides: 'none', rest: 20 },
      { technique: 'piriformis-stretch', sides: 'left-right', rest: 30 },
      { technique: 'ball-wall-glutes', seconds: 45, sides: 'both', rest: 0 },
    ],
  }, JSON.parse(JSON.stringify(overrides || {})));
}

export { catalog, bySlug, routine };
