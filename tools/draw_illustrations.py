#!/usr/bin/env python3
"""Generate the technique illustrations in static/img/techniques/<slug>.svg.

One script, one body, one palette. Every figure is built from one skeleton with fixed segment
lengths (torso, neck, upper arm, forearm, thigh, shin, foot) and fixed widths, drawn as tapered
body shapes: a pelvis, a chest, limbs that narrow from the joint outwards, round joints, hands, and
a head with a nose that shows which way the person faces. Far-side limbs are drawn first in a light
tone, then the torso, then the near-side limbs in a dark one, so crossed legs stay readable. Props
are drawn as what they are: a foam roller is a cylinder (its length and its end), a massage ball is
small and round and shiny, a chair has a seat, back and legs, a wall is a panel, a pillow is soft.

Each file holds two poses, `.p1` (start) and `.p2` (finish, or the way into a hold), each a complete
picture (floor, props, figure, target area, arrows), so either can stand alone. The start pose is
drawn as a joint hierarchy (nested groups for the body, back, head, thigh/shin/foot, upper
arm/forearm/hand) and a second <style> turns each joint about its own origin with CSS @keyframes onto
the finish pose, at the technique's pace (`.gl` a slow glide there and back, `.rl2` rolling back and
forth, `.hd` moving into a hold); shapes off the skeleton (back views, close-ups, strap, pillow) move
as themselves. Under `prefers-reduced-motion: reduce` the two poses sit side by side at half size,
still; `file.svg#k` (the list thumbnails) shows the finish pose alone, still.
The target area is highlighted; on massage cards the sciatic nerve's path (mid-buttock, back of the
thigh) is hatched as a no-go area. One arrow per movement, on the moving part.

Two-sided techniques are drawn on the person's RIGHT side (the near, dark limbs), the side every
card's steps start with; the player mirrors the drawing for the left side. `SIDE` below says so.

The viewBox is fitted to both poses with a small margin, and starts at 0 0. There is no text, script,
font or external reference; colours switch with prefers-color-scheme. Output is deterministic.
Run from the repo root: `python3 tools/draw_illustrations.py` (stdlib only).
"""

from __future__ import annotations

import gzip
import math
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "static" / "img" / "techniques"

GROUND = 200
MARGIN = 6

# --- skeleton: fixed lengths ---------------------------------------------------------------
HEAD_R = 11
NECK = 8
TORSO = 52
UARM = 30
FARM = 27
THIGH = 42
SHIN = 40
FOOT = 13
# --- fixed half-widths (radii) -----------------------------------------------------------
R_HIP, R_CHEST = 11, 12.5
R_THIGH, R_KNEE, R_ANKLE = 8, 5.5, 4
R_SH, R_ELB, R_WR = 5.5, 4.2, 3.2
R_HAND = 4.2
R_NECK = 4.5
R_TORSO = 11.5

STYLE = (
    ".f{fill:#a9b9c8}.t{fill:#5d7389}.n{fill:#2c4155}.ns{fill:#2c4155}"
    ".gr{stroke:#9aa8b5;stroke-width:3;fill:none}"
    ".rl{fill:#5fb59a}.re{fill:#8fd3bd;stroke:#2f7a64;stroke-width:1.5}"
    ".bl{fill:#7b5ea7}.bs{fill:#fff;opacity:.7}"
    ".ch{stroke:#8a5a35;stroke-width:4;fill:none}.wl{fill:#d5dce3}.pl{fill:#f2d7a6;stroke:#c39a55;stroke-width:1.5}"
    ".hl{fill:#e76f51;opacity:.55}"
    ".ng{fill:url(#ng);stroke:#b3261e;stroke-width:1.2;stroke-dasharray:3 2}.nl{stroke:#b3261e;stroke-width:1.3}"
    ".nv{fill:none;stroke:#e9a23b;stroke-width:3;stroke-dasharray:2 3}"
    ".ar{fill:none;stroke:#1f66d1;stroke-width:3;stroke-linecap:round;stroke-linejoin:round}"
    ".sp{fill:none;stroke:#c77d1e;stroke-width:3;stroke-linecap:round}.in{fill:#fff;stroke:#5d7389;stroke-width:2}"
    ".lk{fill:none;stroke:#5d7389;stroke-width:1.2;stroke-dasharray:3 2}"
    "@media (prefers-color-scheme:dark){"
    ".f{fill:#4e5f70}.t{fill:#9db1c4}.n{fill:#e6edf3}.ns{fill:#e6edf3}.gr{stroke:#55626f}"
    ".rl{fill:#3f8f78}.re{fill:#6cc3a6;stroke:#b5ecd9}.bl{fill:#b49ae0}.ch{stroke:#d1a27a}.wl{fill:#3a4652}"
    ".pl{fill:#9c8358;stroke:#e3c58d}.hl{fill:#ff9f80}.ng{stroke:#ff8a80}.nl{stroke:#ff8a80}"
    ".nv{stroke:#f5c46b}.ar{stroke:#8cb8ff}.sp{stroke:#f0a955}.in{fill:#1e252d;stroke:#9db1c4}.lk{stroke:#9db1c4}}"
    ".j{animation:5s ease-in-out infinite}.rl2 .j{animation-duration:3s}.hd .j{animation-duration:9s}.p2{opacity:0}"
    "@media (prefers-reduced-motion:reduce){#k .j{animation:none}#k>*{opacity:1;transform-box:view-box;"
    "transform-origin:0 0}#k>.p1{transform:translate(0,25%) scale(.5)}#k>.p2{transform:translate(50%,25%) scale(.5)}}"
    "#k:target .j{animation:none}#k:target>*{transform:none}#k:target>.p1{opacity:0}#k:target>.p2{opacity:1}"
)
DEFS = (
    '<defs><pattern id="ng" width="5" height="5" patternUnits="userSpaceOnUse" '
    'patternTransform="rotate(45)"><path class="nl" d="M0 0V5"/></pattern></defs>'
)


# --- geometry ----------------------------------------------------------------------------
def pt(p, deg, length, fs=1.0):
    a = math.radians(deg)
    return (p[0] + length * fs * math.cos(a), p[1] - length * fs * math.sin(a))


def lerp(a, b, t):
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def off(p, dx=0.0, dy=0.0):
    return (p[0] + dx, p[1] + dy)


def ang(a, b):
    return math.degrees(math.atan2(a[1] - b[1], b[0] - a[0]))


def dist(a, b):
    return math.hypot(b[0] - a[0], b[1] - a[1])


def mix(a, b, t):
    return a + (b - a) * t


WARNINGS: list[str] = []
BOX: list[tuple[float, float, float, float]] = []


def track(x, y, r=0.0):
    BOX.append((x - r, y - r, x + r, y + r))


def ik(root, target, l1, l2, bend, name="limb"):
    """Middle joint and end of a two-bone chain reaching for target (bend +1/-1 picks the side)."""
    d = dist(root, target)
    if d > l1 + l2 - 0.01:
        if d - (l1 + l2) > 1.5:
            WARNINGS.append(f"{name}: target {d - l1 - l2:.1f} out of reach")
        d = l1 + l2 - 0.01
        target = lerp(root, target, d / dist(root, target))
    d = max(d, abs(l1 - l2) + 0.01)
    a = ang(root, target)
    cos_i = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)
    inner = math.degrees(math.acos(max(-1.0, min(1.0, cos_i))))
    return pt(root, a + bend * inner, l1), target


def fmt(v):
    r = round(v, 1)
    return str(int(r)) if r == int(r) else str(r)


def pts(*ps):
    return " ".join(f"{fmt(x)} {fmt(y)}" for x, y in ps)


class El(str):
    """One drawn shape, remembering what it is (cls) and where (a, b: its two ends, or a == b its
    centre), so the animation can move it from where it is in the start to where it is in the finish."""

    cls: str
    a: tuple
    b: tuple


def el(text, cls, a, b=None):
    e = El(text)
    e.cls, e.a, e.b = cls, a, a if b is None else b
    return e


def cap(cls, a, b, ra, rb):
    """A tapered limb: a capsule from a (radius ra) to b (radius rb)."""
    track(*a, ra)
    track(*b, rb)
    d = dist(a, b)
    if d < 0.5:
        return circ(cls, a, max(ra, rb))
    ux, uy = (b[0] - a[0]) / d, (b[1] - a[1]) / d
    nx, ny = -uy, ux
    p1, p2 = (a[0] + nx * ra, a[1] + ny * ra), (b[0] + nx * rb, b[1] + ny * rb)
    p3, p4 = (b[0] - nx * rb, b[1] - ny * rb), (a[0] - nx * ra, a[1] - ny * ra)
    return el(
        f'<path class="{cls}" d="M{pts(p1)}L{pts(p2)}A{fmt(rb)} {fmt(rb)} 0 0 0 {pts(p3)}'
        f'L{pts(p4)}A{fmt(ra)} {fmt(ra)} 0 0 0 {pts(p1)}"/>',
        cls,
        a,
        b,
    )


def line(cls, a, b):
    track(*a, 2)
    track(*b, 2)
    return el(f'<path class="{cls}" d="M{pts(a, b)}"/>', cls, a, b)


def circ(cls, c, r):
    track(*c, r)
    return el(f'<circle class="{cls}" cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(r)}"/>', cls, c)


def ell(cls, c, rx, ry, rot=0.0):
    track(*c, max(rx, ry))
    r = f' transform="rotate({fmt(rot)} {fmt(c[0])} {fmt(c[1])})"' if rot else ""
    return el(f'<ellipse class="{cls}" cx="{fmt(c[0])}" cy="{fmt(c[1])}" rx="{fmt(rx)}" ry="{fmt(ry)}"{r}/>', cls, c)


# --- the body ----------------------------------------------------------------------------
FIGS: list = []  # the Figure each pose drew (the animation moves the start's bones to the finish's)


class Figure:
    """A side view. hip: hip joint; torso: direction hip -> shoulder; curve: bow of the back
    (positive bows to the left of hip->shoulder, i.e. up for a torso pointing right); neck:
    direction shoulder -> head; face: direction the nose points (default: 90 degrees from the neck,
    towards the front of the body)."""

    def __init__(self, hip, torso, curve=0.0, neck=None, face=None, pivot=None):
        self.hip, self.torso_deg, self.curve = hip, torso, curve
        self.pivot = pivot  # where the body turns about when it moves (a kneeling knee), else it shifts
        self.shoulder = pt(hip, torso, TORSO)
        self.neck_deg = torso if neck is None else neck
        self.head = pt(self.shoulder, self.neck_deg, NECK + HEAD_R)
        self.face = self.neck_deg - 90 if face is None else face
        self.parts = {"f": [], "n": []}  # (bone, shape)
        self.j = {}
        self.bones = {}  # bone: (parent bone, joint it turns about, the far end)
        FIGS.append(self)

    def spine(self, t, side=0.0):
        """Point on the back's centre line (t 0 hip .. 1 shoulder), `side` units to its left."""
        m = lerp(self.hip, self.shoulder, 0.5)
        c = pt(m, self.torso_deg + 90, 2 * self.curve)
        h, s = self.hip, self.shoulder
        x = (1 - t) ** 2 * h[0] + 2 * (1 - t) * t * c[0] + t * t * s[0]
        y = (1 - t) ** 2 * h[1] + 2 * (1 - t) * t * c[1] + t * t * s[1]
        if side:
            dx = 2 * (1 - t) * (c[0] - h[0]) + 2 * t * (s[0] - c[0])
            dy = 2 * (1 - t) * (c[1] - h[1]) + 2 * t * (s[1] - c[1])
            n = math.hypot(dx, dy)
            x, y = x + side * dy / n, y - side * dx / n
        return (x, y)

    def leg(self, side, thigh=None, shin=None, foot=None, ankle=None, bend=1, knee=None, fs=1.0):
        if knee is None and ankle is not None:
            knee, ankle = ik(self.hip, ankle, THIGH * fs, SHIN * fs, bend, f"{side} leg")
        elif knee is None:
            knee = pt(self.hip, thigh, THIGH, fs)
            ankle = pt(knee, shin, SHIN, fs)
        th, sh, ft = side + "th", side + "sh", side + "ft"
        self.bones[th], self.bones[sh] = ("b", self.hip, knee), (th, knee, ankle)
        out = [(th, cap(side, self.hip, knee, R_THIGH, R_KNEE)), (sh, cap(side, knee, ankle, R_KNEE + 0.5, R_ANKLE))]
        toe = ankle
        if foot is not None:
            toe = pt(ankle, foot, FOOT)
            self.bones[ft] = (sh, ankle, toe)
            out.append((ft, cap(side, ankle, toe, R_ANKLE, 2.6)))
        self.parts[side] += out
        self.j[side + "knee"], self.j[side + "ankle"], self.j[side + "toe"] = knee, ankle, toe
        return knee, ankle, toe

    def arm(self, side, upper=None, fore=None, wrist=None, bend=1, hand=None, origin=None, fs=1.0):
        sh = origin or self.shoulder
        if wrist is not None:
            elbow, wrist = ik(sh, wrist, UARM * fs, FARM * fs, bend, f"{side} arm")
        else:
            elbow = pt(sh, upper, UARM, fs)
            wrist = pt(elbow, fore, FARM, fs)
        ua, fa, hn = side + "ua", side + "fa", side + "hn"
        self.bones[ua], self.bones[fa] = ("ut", sh, elbow), (ua, elbow, wrist)
        out = [(ua, cap(side, sh, elbow, R_SH, R_ELB)), (fa, cap(side, elbow, wrist, R_ELB, R_WR))]
        tip = wrist
        if hand is not None:
            tip = pt(wrist, hand, 6)
            self.bones[hn] = (fa, wrist, tip)
            out.append((hn, cap(side, wrist, tip, R_WR, R_HAND)))
        self.parts[side] += out
        self.j[side + "elbow"], self.j[side + "wrist"], self.j[side + "hand"] = elbow, wrist, tip
        return elbow, wrist, tip

    def svg(self):
        """The shapes, each tagged with its bone: far limbs, pelvis and torso, neck and head, near limbs.
        Bones: b the body (shifts, or turns about `pivot`, a kneeling knee), lt/ut lower/upper back, hd neck and head, no the nose,
        f/n + th sh ft (thigh, shin, foot) and ua fa hn (upper arm, forearm, hand)."""
        mid = self.spine(0.5)
        nose = pt(self.head, self.face, HEAD_R - 1)
        self.bones.update(
            b=(None, self.pivot, self.hip) if self.pivot else (None, self.hip, off(self.hip, 10)),
            lt=("b", self.hip, mid),
            ut=("lt", mid, self.shoulder),
            hd=("ut", self.shoulder, self.head),
            no=("hd", self.head, nose),
        )
        out = list(self.parts["f"])
        out.append(("lt", cap("t", self.hip, mid, R_HIP, R_TORSO)))
        out.append(("ut", cap("t", mid, self.shoulder, R_TORSO, R_CHEST)))
        out.append(("lt", ell("t", self.hip, R_HIP + 2, R_HIP, -self.torso_deg)))  # pelvis
        out.append(("hd", cap("t", self.shoulder, pt(self.shoulder, self.neck_deg, NECK + 2), R_NECK, R_NECK)))
        out.append(("hd", circ("n", self.head, HEAD_R)))
        out.append(("no", circ("n", nose, 3.6)))  # nose: the way it faces
        out.extend(self.parts["n"])
        return out


class BackFigure:
    """The same body seen from behind, standing, for the hands-on-the-back techniques."""

    SH, HP = 15, 9  # half distances between shoulder joints, hip joints

    def __init__(self, cx, lean=0.0):
        self.cx = cx
        self.hip_y = GROUND - 4 - THIGH - SHIN
        self.sh_y = self.hip_y - TORSO
        self.lean = lean  # sideways shift of the shoulders (a side bend)
        self.head = (cx + lean * 1.3, self.sh_y - NECK - HEAD_R + 2)
        self.parts = []

    def shoulder(self, s):
        return (self.cx + self.lean + s * (self.SH + 5), self.sh_y + 4)

    def waist(self, s, t=0.3, out=1.0):
        y = self.hip_y - t * TORSO
        half = self.HP + 2 + (self.SH - self.HP) * t + R_TORSO - 4
        return (self.cx + self.lean * t + s * half * out, y)

    def arm(self, s, wrist, bend, thumb):
        elbow, wrist = ik(self.shoulder(s), wrist, UARM, FARM, bend, f"back arm {s}")
        self.parts += [
            cap("n", self.shoulder(s), elbow, R_SH, R_ELB),
            cap("n", elbow, wrist, R_ELB, R_WR),
            circ("n", wrist, R_HAND + 1),
            cap("n", wrist, thumb, 2.6, 2.4),
        ]

    def arm_down(self, s):
        sh = self.shoulder(s)
        elbow = pt(sh, 270 + s * 8, UARM)
        wrist = pt(elbow, 270 + s * 4, FARM)
        self.parts += [cap("n", sh, elbow, R_SH, R_ELB), cap("n", elbow, wrist, R_ELB, R_WR), circ("n", wrist, R_HAND)]

    def svg(self):
        cx, hy, sy = self.cx, self.hip_y, self.sh_y
        out = []
        for s in (-1, 1):
            hip = (cx + s * self.HP, hy)
            knee = pt(hip, 270 + s * 3, THIGH)
            ankle = pt(knee, 270 + s * 2, SHIN)
            out += [
                cap("t", hip, knee, R_THIGH + 1, R_KNEE + 0.5),
                cap("t", knee, ankle, R_KNEE + 1, R_ANKLE),
                cap("t", ankle, off(ankle, s * 5, 1), R_ANKLE, 3),
            ]
        ls = self.lean
        out.append(cap("t", (cx - self.HP, hy - 4), (cx - self.SH + ls, sy + 6), R_TORSO, R_CHEST))
        out.append(cap("t", (cx + self.HP, hy - 4), (cx + self.SH + ls, sy + 6), R_TORSO, R_CHEST))
        out.append(ell("t", (cx, hy), self.HP + R_HIP + 1, R_HIP + 1))
        out.append(cap("t", (cx + ls, sy), (cx + ls * 1.2, sy - NECK), R_NECK, R_NECK))
        out.append(circ("n", self.head, HEAD_R))
        out.extend(self.parts)
        return out

    def nogo(self):
        """The sciatic nerve's path on both sides: mid-buttock down the back of the thigh."""
        return [
            cap("ng", (self.cx + s * 10, self.hip_y + 4), (self.cx + s * 11, self.hip_y + THIGH - 4), 4.5, 3.5)
            for s in (-1, 1)
        ]


# --- props -------------------------------------------------------------------------------
ROLLER_R = 9.5


def roller(cx, cy=None):
    """A foam roller lying across the picture: its length runs back and up, its end faces us."""
    cy = GROUND - ROLLER_R if cy is None else cy
    back = (cx + 9, cy - 7)
    return [cap("rl", back, (cx, cy), ROLLER_R, ROLLER_R), circ("re", (cx, cy), ROLLER_R), circ("rl", (cx, cy), 3)]


def ball(c, r=6.5):
    return [circ("bl", c, r), circ("bs", off(c, -2, -2), 1.8)]


SEAT_Y = GROUND - 46


def chair(x_back, x_front, back=True):
    track(x_back, SEAT_Y - (52 if back else 0), 3)
    track(x_front, GROUND, 3)
    d = f"M{pts((x_back, SEAT_Y + 2), (x_front, SEAT_Y + 2))}M{pts((x_back + 3, SEAT_Y + 2), (x_back + 3, GROUND))}"
    d += f"M{pts((x_front - 3, SEAT_Y + 2), (x_front - 3, GROUND))}"
    if back:
        d += f"M{pts((x_back, GROUND), (x_back - 2, SEAT_Y - 50))}"
    return [f'<path class="ch" d="{d}"/>']


def wall(x, top):
    track(x - 8, top)
    track(x, GROUND)
    return [f'<path class="wl" d="M{pts((x - 8, top), (x, top), (x, GROUND), (x - 8, GROUND))}Z"/>']


def towel(x):
    """A folded towel under the knees (the kneeling cards' steps suggest one if the knees are sore)."""
    track(x - 15, GROUND - 5)
    return el(f'<rect class="pl" x="{fmt(x - 15)}" y="{GROUND - 5}" width="30" height="6" rx="2"/>', "pl", (x, GROUND))


def hl(c, rx, ry, rot=0.0):
    return ell("hl", c, rx, ry, rot)


def arrow_head(tip, deg, size=7):
    a, b = pt(tip, deg + 180 - 35, size), pt(tip, deg + 180 + 35, size)
    return f"M{pts(a, tip, b)}"


def arc_arrow(c, r, start, end, both=False):
    """An arc round c from angle start to end (degrees, counter-clockwise when end > start)."""
    p0, p1 = pt(c, start, r), pt(c, end, r)
    ccw = end > start
    d = f"M{pts(p0)}A{fmt(r)} {fmt(r)} 0 {1 if abs(end - start) > 180 else 0} {0 if ccw else 1} {pts(p1)}"
    d += arrow_head(p1, end + (90 if ccw else -90))
    if both:
        d += arrow_head(p0, start + (-90 if ccw else 90))
    for a in range(int(min(start, end)), int(max(start, end)) + 1, 10):
        track(*pt(c, a, r), 4)
    return [f'<path class="ar" d="{d}"/>']


def line_arrow(a, b, both=False):
    d = f"M{pts(a, b)}" + arrow_head(b, ang(a, b))
    if both:
        d += arrow_head(a, ang(b, a))
    track(*a, 5)
    track(*b, 5)
    return [f'<path class="ar" d="{d}"/>']


def nerve_nogo(a, b):
    """The sciatic nerve's path as a hatched no-go band, a (mid-buttock) to b (back of thigh)."""
    return [cap("ng", a, b, 5, 4)]


FLOOR_Y = GROUND - R_TORSO + 1  # torso centre line when lying on the floor
ANKLE_Y = GROUND - R_ANKLE - 2
HAND_Y = GROUND - R_WR - 1


# --- the techniques: each function draws pose t (0 start, 1 finish) ----------------------
def foam_roll_glutes(t):
    rx = 120
    hip = (rx + mix(-7, 8, t), GROUND - 2 * ROLLER_R - 9)
    f = Figure(hip, 140, neck=110)
    hands = pt((rx, hip[1]), 140, TORSO)[0]  # hands and the left foot stay put; the body rolls
    f.arm("f", wrist=(hands - 15, HAND_Y), bend=-1, hand=180)
    knee, _, _ = f.leg("f", ankle=(rx + 48, ANKLE_Y), foot=0, bend=1)
    f.leg("n", knee=off(hip, 20, -12), ankle=off(knee, 3, -13), foot=10)  # right ankle on left knee
    f.arm("n", wrist=(hands - 10, HAND_Y), bend=-1, hand=180)
    return (
        roller(rx)
        + f.svg()
        + [hl(off(hip, -2, 5), 13, 9, -20)]
        + nerve_nogo(off(hip, 2, 9), off(hip, 20, 7))
        + line_arrow((rx - 16, GROUND + 9), (rx + 16, GROUND + 9), True)
    )


def foam_roll_lower_back(t):
    # hips on the floor, roller across the mid back below the shoulder blades; feet push a short way
    f_at = mix(0.78, 0.6, t)
    lift = 2 * ROLLER_R
    deg = math.degrees(math.asin(lift / (f_at * TORSO)))
    rx = 150
    hip = (rx + f_at * TORSO * math.cos(math.radians(deg)), FLOOR_Y)
    f = Figure(hip, 180 - deg, neck=180 - deg * 0.6, face=90)
    f.leg("f", ankle=(hip[0] + 60, ANKLE_Y), foot=0, bend=1)
    f.leg("n", ankle=(hip[0] + 55, ANKLE_Y), foot=0, bend=1)
    # hands behind the head, elbows forward (step 2's other choice: it reads better than crossed arms)
    f.arm("f", wrist=off(f.head, 3, 7), bend=-1, hand=180)
    f.arm("n", wrist=off(f.head, 1, 9), bend=-1, hand=180)
    return (
        roller(rx)
        + f.svg()
        + [hl(f.spine(0.72, 7), 12, 5, -deg)]
        + line_arrow((rx - 15, GROUND + 9), (rx + 15, GROUND + 9), True)
    )


def foam_roll_hamstrings(t):
    rx = 150
    hip = (rx - mix(0.72, 0.38, t) * THIGH, GROUND - 2 * ROLLER_R - 6)
    f = Figure(hip, 130, neck=105)
    mid = rx - 0.55 * THIGH  # hands and the left foot stay put; the body rolls
    hands = pt((mid, hip[1]), 130, TORSO)[0]
    f.arm("f", wrist=(hands - 5, HAND_Y), bend=-1, hand=180)
    f.leg("f", ankle=(mid + 50, ANKLE_Y), foot=0, bend=1)  # left knee bent, foot flat
    rest = (rx, GROUND - 2 * ROLLER_R - R_THIGH + 2)
    a = ang(hip, rest)
    knee, _, _ = f.leg("n", thigh=a, shin=a - 4, foot=70)  # right thigh on the roller
    f.arm("n", wrist=(hands - 1, HAND_Y), bend=-1, hand=180)
    return (
        roller(rx)
        + f.svg()
        + [hl(off(lerp(hip, knee, 0.55), 0, 5), 14, 5, -a)]
        + line_arrow((rx - 16, GROUND + 9), (rx + 16, GROUND + 9), True)
    )


def foam_roll_outer_thigh(t):
    # lying on the right side, propped on the right forearm, roller under the outer right thigh; the
    # forearm and the left foot stay put while the body rolls along the thigh
    elbow = (78, GROUND - R_ELB)
    hip_y = GROUND - 2 * ROLLER_R - 6
    base = elbow[0] + 2 + math.sqrt(TORSO**2 - (hip_y - elbow[1] + UARM - 1) ** 2)
    rx = 150
    hip = (base + mix(-8, 8, t), hip_y)
    shoulder = min((ik(elbow, hip, UARM, TORSO, b)[0] for b in (1, -1)), key=lambda p: p[1])
    f = Figure(hip, ang(hip, shoulder), neck=ang(hip, shoulder) - 15, face=80)
    f.leg("f", ankle=(base + 34, ANKLE_Y), bend=1, foot=0)  # top (left) leg crossed in front
    f.arm("n", wrist=(elbow[0] - FARM + 1, elbow[1]), bend=1, hand=180)
    f.leg("n", ankle=(hip[0] + 80, GROUND - R_ANKLE), bend=1, foot=-10)  # bottom (right) leg on the roller
    knee = f.j["nknee"]
    return (
        roller(rx)
        + f.svg()
        + [hl(off(lerp(hip, knee, 0.5), 0, 4), 14, 6, -ang(hip, knee))]
        + line_arrow((rx - 16, GROUND + 9), (rx + 16, GROUND + 9), True)
    )


def ball_wall_glutes(t):
    wx = 92
    drop = mix(0, 12, t)
    hip = (wx + 2 * 6.5 + R_HIP + 1, ANKLE_Y - 80 + drop)
    f = Figure(hip, 95, neck=90, face=0)
    f.leg("f", ankle=(hip[0] + 22, ANKLE_Y), bend=1, foot=0)
    f.arm("f", upper=-95, fore=-80, hand=-80)
    f.leg("n", ankle=(hip[0] + 18, ANKLE_Y), bend=1, foot=0)
    f.arm("n", upper=-70, fore=-40, hand=-40)
    b = (wx + 6.5, hip[1] + 2)
    return (
        wall(wx, 50)
        + f.svg()
        + [hl((hip[0] - 7, hip[1] + 1), 7, 11)]
        + ball(b)
        + nerve_nogo(off(hip, -4, 10), off(f.j["nknee"], -6, -8))
        + line_arrow((hip[0] + 32, hip[1] - 22), (hip[0] + 32, hip[1] + 2), True)
    )


def ball_floor_glutes(t):
    b = (112, GROUND - 6.5)
    hip = (b[0] + mix(-3, 5, t), b[1] - 6.5 - 10)
    f = Figure(hip, 125, neck=100)
    mid = b[0] + 1  # hands and feet stay put; the hips shift over the ball
    hands = pt((mid, hip[1]), 125, TORSO)[0]
    f.arm("f", wrist=(hands - 3, HAND_Y), bend=-1, hand=180)
    f.leg("f", ankle=(mid + 62, ANKLE_Y), foot=0, bend=1)
    f.leg("n", ankle=(mid + 54, ANKLE_Y), foot=0, bend=1)
    f.arm("n", wrist=(hands + 1, HAND_Y), bend=-1, hand=180)
    return [
        *f.svg(),
        hl(off(hip, -3, 1), 12, 8, -15),
        *ball(b),
        *nerve_nogo(off(hip, 4, 8), off(hip, 24, 4)),
        *line_arrow((b[0] - 14, GROUND + 9), (b[0] + 14, GROUND + 9), True),
    ]


INSET_R = 38
CLIP: list[str] = []  # the close-up's round clip, in the file's <defs>
Z = INSET_R / 30  # the close-ups are drawn on a 30-unit circle, then scaled


def inset(c, spot):
    """A round close-up at c, linked to the spot on the figure it magnifies. Its content is drawn in
    coordinates relative to c (see the callers)."""
    edge = lerp(c, spot, INSET_R / dist(c, spot))
    track(*c, INSET_R)
    CLIP[:] = [f'<clipPath id="cl"><circle cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{fmt(INSET_R - 3)}"/></clipPath>']
    return [line("lk", edge, spot), circ("in", c, INSET_R), '<g clip-path="url(#cl)">', circ("t", c, INSET_R - 3)]


def zo(c, dx, dy):
    """A point of a close-up: dx, dy on the 30-unit circle round c."""
    return off(c, dx * Z, dy * Z)


def hand_kneading_lower_back(t):
    # seen from behind: thumbs either side of the spine, working from the lowest ribs down to the hip bones
    f = BackFigure(160)
    h = mix(0.45, 0.15, t)
    for s in (-1, 1):
        f.arm(s, wrist=f.waist(s, h + 0.05, 1.15), bend=s, thumb=(f.cx + s * 6, f.hip_y - h * TORSO))
    c = (f.cx + 92, f.hip_y - 30)
    y = mix(-11, 11, t)  # close-up: the thumbs on the two bands of muscle, moving down (and back up)
    close = inset(c, (f.cx + 9, f.hip_y - 0.3 * TORSO)) + [line("gr", zo(c, 0, -26), zo(c, 0, 26))]
    close += [hl(zo(c, s * 9, 0), 5 * Z, 21 * Z) for s in (-1, 1)]
    close += [cap("n", zo(c, s * 30, y + 10), zo(c, s * 9, y), 6 * Z, 4 * Z) for s in (-1, 1)] + ["</g>"]
    return (
        f.svg()
        + [hl((f.cx + s * 7, f.hip_y - 0.3 * TORSO), 4.5, 13) for s in (-1, 1)]
        + f.nogo()
        + line_arrow((f.cx - 38, f.hip_y - 26), (f.cx - 38, f.hip_y - 4), True)
        + close
        + line_arrow(zo(c, 0, -18), zo(c, 0, 18), True)
    )


def hand_circles_buttock(t):
    # seen from behind: the right hand's fingertips circle on the upper outer buttock, away from the
    # nerve's path in the middle of the buttock
    f = BackFigure(160)
    spot = (f.cx + 16, f.hip_y - 2)
    wrist = pt(spot, mix(120, 300, t), 4)
    f.arm(1, wrist=off(wrist, 3, -7), bend=1, thumb=off(wrist, -1, 4))
    f.arm_down(-1)
    c = (f.cx + 92, f.hip_y + 2)
    cs = zo(c, 9, -9)  # close-up: the spot, the hand's fingers on it, the no-go band, the circle
    close = inset(c, spot) + [line("gr", zo(c, -20, -8), zo(c, -20, 27))]
    close += [cap("ng", zo(c, -6, -2), zo(c, -4, 30), 5 * Z, 4 * Z), circ("hl", cs, 8 * Z)]
    close += [cap("n", zo(c, 30, -30), pt(cs, mix(120, 300, t), 5 * Z), 7 * Z, 4 * Z), "</g>"]
    return [*f.svg(), hl(spot, 6, 6), *f.nogo(), *close, *arc_arrow(cs, 13 * Z, 110, 400)]


def ql_self_massage(t):
    # seen from behind: the right thumb presses in at the side of the waist, between the lowest rib and
    # the hip bone, then the body leans a little towards that side
    f = BackFigure(160, lean=mix(0, 5, t))
    h = mix(0.5, 0.4, t)
    f.arm(1, wrist=f.waist(1, 0.12, 1.45), bend=1, thumb=f.waist(1, h, 0.55))
    f.arm_down(-1)
    spot = f.waist(1, 0.42, 0.6)
    c = (f.cx + 92, f.hip_y - 30)
    # close-up: the waist's edge (right), the lowest rib above, the hip bone below, the thumb pressing in
    close = inset(c, spot) + [ell("in", zo(c, 38, 0), 18 * Z, 40 * Z)]
    close += [line("gr", zo(c, -26, -12), zo(c, 16, -20)), line("gr", zo(c, -26, 20), zo(c, 18, 14))]
    close += [hl(zo(c, 4, -1), 8 * Z, 9 * Z), cap("n", zo(c, 30, mix(-3, 1, t)), zo(c, 8, -1), 6 * Z, 4 * Z), "</g>"]
    return [
        *f.svg(),
        hl(spot, 5, 9),
        *f.nogo(),
        *arc_arrow((f.cx, f.sh_y + 40), 50, 80, 68),
        *close,
        *line_arrow(zo(c, 25, -12), zo(c, 11, -9)),
    ]


def lie_on_back(hip_x):
    return Figure((hip_x, FLOOR_Y), 180, neck=178, face=90)


def piriformis_stretch(t):
    # both hands hold a strap (or towel) looped behind the left thigh, near the knee (step 3), and draw
    # that thigh towards the chest (step 4); the right ankle rests on the left knee
    f = lie_on_back(180)
    hip = f.hip
    if t == 0:
        knee, _, _ = f.leg("f", ankle=(hip[0] + 56, ANKLE_Y), foot=0, bend=1)
    else:
        knee, _, _ = f.leg("f", thigh=100, shin=10, foot=92)
    a = ang(hip, knee)
    back, front = pt(lerp(hip, knee, 0.8), a - 90, R_THIGH), pt(lerp(hip, knee, 0.8), a + 90, R_THIGH - 2)
    grip = lerp(f.shoulder, back, mix(44, 40, t) / dist(f.shoulder, back))
    f.arm("f", wrist=off(grip, 2, -2), bend=1, hand=ang(grip, back))
    rest = off(lerp(hip, knee, 0.92), 0, -7)  # the right ankle on the left knee, legs their own length
    nk, _ = ik(hip, rest, THIGH * 0.85, SHIN * 0.85, -1, "crossed leg")
    f.leg("n", knee=nk, ankle=rest, foot=ang(nk, rest) + 10)
    f.arm("n", wrist=grip, bend=1, hand=ang(grip, back))
    strap = [line("sp", grip, back), line("sp", grip, front)]
    arrow = arc_arrow(hip, THIGH + 16, 42, 90) if t == 0 else arc_arrow(hip, THIGH + 16, 75, 110)
    return [*f.svg(), *strap, hl(off(hip, 0, 2), 12, 9, -40), *arrow]


def seated_figure_four(t):
    hip = (110, SEAT_Y - 9)
    deg = mix(88, 50, t)
    f = Figure(hip, deg, neck=deg - 12)
    knee, _, _ = f.leg("f", ankle=(hip[0] + 44, ANKLE_Y), bend=1, foot=0)
    _, ank, _ = f.leg("n", knee=off(hip, 24, -16), ankle=off(knee, -2, -12), foot=8)
    f.arm("n", wrist=lerp(f.j["nknee"], ank, 0.5), bend=-1, hand=-30)
    return chair(80, 124) + f.svg() + [hl(off(hip, -3, 2), 11, 8)] + arc_arrow(hip, TORSO + 20, 88, 52)


def knee_to_chest(t):
    f = lie_on_back(178)
    hip = f.hip
    f.leg("f", ankle=(hip[0] + 60, ANKLE_Y), foot=0, bend=1)
    if t == 0:
        f.leg("n", ankle=(hip[0] + 54, ANKLE_Y), foot=0, bend=1)
        f.arm("n", upper=-6, fore=-3, hand=0)
        arrow = arc_arrow(hip, THIGH + 14, 50, 95)
    else:
        knee, ankle, _ = f.leg("n", thigh=118, shin=-30, foot=62)
        f.arm("n", wrist=lerp(knee, ankle, 0.25), bend=1, hand=-60)
        arrow = arc_arrow(hip, THIGH + 14, 95, 130)
    return [*f.svg(), hl(off(hip, -12, 5), 14, 5), hl(off(hip, 6, 2), 8, 7, -40), *arrow]


def seated_forward_bend(t):
    hip = (116, SEAT_Y - 9)
    deg = mix(86, 45, t)
    f = Figure(hip, deg, neck=deg - 15)
    _fk, _, _ = f.leg("f", ankle=(hip[0] + 24, ANKLE_Y), bend=1, foot=0)
    heel_y = GROUND - 5
    dx = math.sqrt((THIGH + SHIN - 0.5) ** 2 - (heel_y - hip[1]) ** 2)
    knee, _, _ = f.leg("n", ankle=(hip[0] + dx, heel_y), bend=1, foot=75)
    f.arm("n", wrist=lerp(hip, knee, mix(0.45, 0.62, t)), bend=-1, hand=-20)
    return (
        chair(84, 124)
        + f.svg()
        + [hl(off(lerp(hip, knee, 0.55), 1, 6), 16, 5, -ang(hip, knee))]
        + arc_arrow(hip, TORSO + 20, 86, 48)
    )


def cat_cow(t):
    # start: the cat (back rounded, head down); finish: the cow (belly down, looking forward)
    knee_x = 110
    hip = (knee_x, GROUND - R_KNEE - THIGH)
    sh_y = HAND_Y - (UARM + FARM - 3)
    ta = math.degrees(math.asin((hip[1] - sh_y) / TORSO))
    f = Figure(hip, ta, curve=mix(16, -10, t), neck=mix(-60, 20, t), face=mix(-130, -40, t))
    wrist = (f.shoulder[0] + 2, HAND_Y)
    f.leg("f", thigh=-88, shin=180, foot=182)
    f.arm("f", wrist=off(wrist, 4, 0), bend=-1, hand=0)
    f.leg("n", thigh=-90, shin=180, foot=182)
    f.arm("n", wrist=wrist, bend=-1, hand=0)
    top = f.spine(0.5, R_TORSO + 8)
    arrow = line_arrow(off(top, 0, 8), off(top, 0, -10), True)
    return [towel(knee_x), *f.svg(), hl(f.spine(0.3, 5), 12, 7, -ta), *arrow]


def pelvic_tilt(t):
    f = Figure((180, FLOOR_Y - mix(0, 1, t)), 180, curve=mix(-9, 0, t), neck=178, face=90)
    hip = f.hip
    f.leg("f", ankle=(hip[0] + 60, ANKLE_Y), foot=0, bend=1)
    f.leg("n", ankle=(hip[0] + 54, ANKLE_Y), foot=0, bend=1)
    f.arm("n", upper=-4, fore=-2, hand=0)
    # one arrow: the small of the back pressing down into the floor as the pelvis tilts
    arrow = line_arrow(f.spine(0.3, -30), f.spine(0.3, -14))
    return [*f.svg(), hl(f.spine(0.3, 5), 14, 5), *arrow]


def sciatic_nerve_glide(t):
    hip = (106, SEAT_Y - 9)
    f = Figure(hip, 90, neck=mix(60, 110, t), face=mix(-30, 20, t))
    f.leg("f", ankle=(hip[0] + 40, ANKLE_Y), bend=1, foot=0)
    f.arm("f", wrist=(hip[0] + 28, hip[1] - 6), bend=-1, hand=-10)
    if t == 0:
        knee, ankle, _ = f.leg("n", ankle=(hip[0] + 36, ANKLE_Y), bend=1, foot=0)
    else:
        knee, ankle, _ = f.leg("n", thigh=-3, shin=-8, foot=85)
    f.arm("n", wrist=(hip[0] + 24, hip[1] - 5), bend=-1, hand=-10)
    nerve = [
        ("nth", line("nv", off(hip, -2, 9), off(knee, 0, 6))),
        ("nsh", line("nv", off(knee, 0, 6), off(ankle, 0, 5))),
    ]
    arrows = arc_arrow(knee, SHIN + 10, -95 + 0 * t, -20) + arc_arrow(f.shoulder, NECK + 2 * HEAD_R + 8, 60, 112)
    return chair(80, 120) + f.svg() + nerve + arrows


def childs_pose(t):
    # start: on hands and knees; finish: sitting back towards the heels, arms long, forehead down
    knee = (150, GROUND - R_KNEE)
    if t == 0:
        hip = (knee[0], knee[1] - THIGH)
        ta = math.degrees(math.asin((hip[1] - HAND_Y + UARM + FARM - 3) / TORSO))
        f = Figure(hip, ta, neck=ta - 30, face=ta - 90, pivot=knee)
        wrist = (f.shoulder[0] + 2, HAND_Y)
        f.leg("f", thigh=-90, shin=180, foot=182)
        f.leg("n", thigh=-92, shin=180, foot=182)
        f.arm("f", wrist=off(wrist, 4, 0), bend=-1, hand=0)
        f.arm("n", wrist=wrist, bend=-1, hand=0)
        arrow = arc_arrow(knee, THIGH + 12, 110, 150)
    else:
        # the hands stay where they were (step 3: "keeping your hands where they are")
        hip0 = (knee[0], knee[1] - THIGH)
        ta0 = math.degrees(math.asin((hip0[1] - HAND_Y + UARM + FARM - 3) / TORSO))
        wrist = (pt(hip0, ta0, TORSO)[0] + 2, HAND_Y)
        hip = (knee[0] - 40, knee[1] - 14)  # sitting back towards the heels
        f = Figure(hip, -4, curve=6, neck=-10, face=-95, pivot=knee)
        f.leg("f", ankle=(hip[0] - 2, GROUND - R_ANKLE), bend=1, foot=180)
        f.leg("n", ankle=(hip[0] - 4, GROUND - R_ANKLE), bend=1, foot=180)
        f.arm("f", wrist=off(wrist, 4, 0), bend=1, hand=0)
        f.arm("n", wrist=wrist, bend=1, hand=0)
        arrow = arc_arrow(knee, THIGH + 12, 110, 150)
    return [towel(knee[0]), *f.svg(), hl(f.spine(0.25, 5), 12, 6, 4), *arrow]


def prone_press_up(t):
    # start: on the forearms; finish: pressed up on the hands, hips and thighs on the floor
    hip = (150, FLOOR_Y)
    if t == 0:
        f = Figure(hip, 18, curve=-3, neck=40, face=-20)
        f.leg("f", thigh=181, shin=180, foot=192)
        f.leg("n", thigh=182, shin=180, foot=192)
        el = (f.shoulder[0] - 2, GROUND - R_ELB)
        f.arm("f", wrist=(el[0] + FARM, GROUND - R_WR), bend=-1, hand=0)
        f.arm("n", wrist=(el[0] + FARM - 3, GROUND - R_WR), bend=-1, hand=0)
    else:
        f = Figure(hip, 42, curve=-7, neck=62, face=0)
        f.leg("f", thigh=181, shin=180, foot=192)
        f.leg("n", thigh=182, shin=180, foot=192)
        f.arm("f", wrist=(f.shoulder[0] + 8, HAND_Y), bend=-1, hand=0)
        f.arm("n", wrist=(f.shoulder[0] + 4, HAND_Y), bend=-1, hand=0)
    return [*f.svg(), hl(f.spine(0.2, 6), 12, 6, -20), *arc_arrow(hip, TORSO + 16, 20, 44)]


def rest_calves_on_chair(t):
    f = lie_on_back(140)
    hip = f.hip
    seat_x = hip[0] + 48
    if t == 0:
        f.leg("f", ankle=(hip[0] + 58, ANKLE_Y), foot=0, bend=1)
        _, ankle, _ = f.leg("n", ankle=(hip[0] + 52, ANKLE_Y), foot=0, bend=1)
        arrow = line_arrow(off(ankle, 8, -10), off(ankle, 26, -34))
    else:
        calf_y = SEAT_Y - R_KNEE
        lift = math.degrees(math.asin((hip[1] - calf_y) / THIGH))
        f.leg("f", thigh=lift + 3, shin=1, foot=80)
        _knee, ankle, _ = f.leg("n", thigh=lift, shin=0, foot=76)
        arrow = line_arrow(off(ankle, -10, 10), off(ankle, -10, -2))
    f.arm("n", upper=-4, fore=-2, hand=0)
    return chair(seat_x + 46, seat_x) + f.svg() + [hl(f.spine(0.3, 5), 14, 5)] + arrow


def rest_side_lying_pillow(t):
    # lying on the left side, seen from above (the mat under the whole body, the floor line its edge):
    # the back towards the top of the picture, the front (and the nose) towards the bottom. Start: knees a
    # little bent, a pillow beside them. Finish: knees bent and drawn up a little towards the chest, the
    # pillow between them (top leg dark, bottom leg light just below it).
    hip = (168, GROUND - 58)
    x0, x1, top = 74, 272, hip[1] - 24
    mat = [f'<path class="wl" d="M{pts((x0, top), (x1, top), (x1, GROUND), (x0, GROUND))}Z"/>']
    track(x0, top)
    track(x1, GROUND)
    f = Figure(hip, 180, curve=mix(0, -4, t), neck=182, face=-95)
    bend = mix(25, 55, t)  # hip flexion; the knees bend with it
    knee = mix(35, 90, t)
    f.leg("f", thigh=-bend - 8, shin=-bend - 8 + knee, foot=-bend - 8 + knee - 80)
    beside, between = (hip[0] + 66, GROUND - 20), pt(hip, -55, THIGH * 0.78)
    pillow = ell("pl", between if t else beside, 14, 18)
    f.leg("n", thigh=-bend, shin=-bend + knee, foot=-bend + knee - 80)
    f.arm("n", upper=-12, fore=-35, hand=-35)  # the top arm resting along the side
    cushion = ell("pl", off(f.head, -4, 0), 13, 20)
    arrows = arc_arrow(hip, 30, -12, -52) + line_arrow(off(beside, -12, -10), off(between, 14, -2))
    parts = f.svg()
    far = [p for p in parts if isinstance(p, tuple) and p[0].startswith("f")]
    rest = [p for p in parts if p not in far]
    return [*mat, cushion, *far, pillow, *rest, hl(f.spine(0.25, 7), 12, 5), *arrows]


# slug, pace (gl glide, rl2 rolling, hd held), drawn side, title, function, description of both poses
TECHNIQUES = [
    (
        "foam-roll-glutes",
        "rl2",
        "right",
        "Foam rolling the glutes",
        foam_roll_glutes,
        "Start: sitting on a foam roller, hands on the floor behind, right ankle crossed over the left knee. "
        "Finish: the hips rolled a short way forward over the roller; the arrow shows rolling back and forth. "
        "The right buttock is highlighted; the sciatic nerve's path is hatched as an area to avoid.",
    ),
    (
        "foam-roll-lower-back",
        "rl2",
        None,
        "Foam rolling the mid back, hips down",
        foam_roll_lower_back,
        "Start: lying on the back, hips on the floor, knees bent, hands behind the head, a foam roller across the mid back "
        "below the shoulder blades. Finish: the feet have pushed the body so the roller sits at the bottom of the "
        "ribs; the arrow shows rolling a short way. The muscles beside the spine are highlighted.",
    ),
    (
        "foam-roll-hamstrings",
        "rl2",
        "right",
        "Foam rolling the hamstrings",
        foam_roll_hamstrings,
        "Start: sitting with the roller under the right thigh a hand's width above the knee, left knee bent with "
        "the foot flat, hands behind, bottom lifted a little. Finish: the body has rolled forward so the roller "
        "is nearer the buttock; hands and left foot stay put; the arrow shows rolling back and forth over the "
        "middle of the thigh. The back of the thigh is highlighted.",
    ),
    (
        "foam-roll-outer-thigh",
        "rl2",
        "right",
        "Foam rolling the outer thigh",
        foam_roll_outer_thigh,
        "Start: lying on the right side on a foam roller under the outer thigh, propped on the forearm, left foot "
        "on the floor in front. Finish: rolled a short way along the thigh; the arrow shows back and forth. "
        "The outer thigh is highlighted.",
    ),
    (
        "ball-wall-glutes",
        "rl2",
        "right",
        "Massage ball against a wall for the glutes",
        ball_wall_glutes,
        "Start: standing with the back to a wall, a small ball between the wall and the upper outer buttock. "
        "Finish: knees bent a little so the ball rolls; the arrow shows up and down. The buttock is highlighted; "
        "the sciatic nerve's path is hatched as an area to avoid.",
    ),
    (
        "ball-floor-glutes",
        "rl2",
        "right",
        "Massage ball on the floor for the glutes",
        ball_floor_glutes,
        "Start: sitting on the floor, knees bent, hands behind, leaning onto a small ball under the right buttock. "
        "Finish: shifted a little so the ball rolls; the arrow shows small movements. The buttock is highlighted; "
        "the sciatic nerve's path is hatched as an area to avoid.",
    ),
    (
        "hand-kneading-lower-back",
        "gl",
        None,
        "Kneading the lower back by hand",
        hand_kneading_lower_back,
        "Seen from behind, standing. Start: hands on the waist, thumbs on the muscles either side of the spine "
        "at the lowest ribs. Finish: the thumbs have worked down to the top of the hip bones; the arrow shows up "
        "and down. A round close-up shows the two thumbs on the two bands of muscle beside the spine, moving "
        "down and up. Those muscles are highlighted; the nerve's path on the buttocks is hatched as an area to "
        "avoid.",
    ),
    (
        "hand-circles-buttock",
        "gl",
        "right",
        "Hand circles on the buttock",
        hand_circles_buttock,
        "Seen from behind, standing, the right hand reaching back to the upper outer part of the right buttock. "
        "Start: the fingertips at the top of a small circle. Finish: at its bottom. A round close-up shows the "
        "fingertips on that spot and a circular arrow for the movement. The spot is highlighted; the sciatic "
        "nerve's path, mid-buttock and down the back of the thigh, is hatched as an area to avoid.",
    ),
    (
        "ql-self-massage",
        "gl",
        "right",
        "Quadratus lumborum self-massage",
        ql_self_massage,
        "Seen from behind, standing. Start: the right hand on the waist, thumb pressing the side of the lower back "
        "between the lowest rib and the hip bone. Finish: leaning slightly towards that side; the arrow shows "
        "the lean. A round close-up shows the thumb pressing inward between the rib and the hip bone, with an "
        "arrow for the push. That area is highlighted; the nerve's path on the buttocks is hatched as an area to "
        "avoid.",
    ),
    (
        "piriformis-stretch",
        "hd",
        "right",
        "Piriformis stretch",
        piriformis_stretch,
        "Start: lying on the back, left foot on the floor, right ankle crossed over the left knee in a figure 4, "
        "both hands holding a strap or towel looped behind the left thigh near the knee. Finish: the strap draws "
        "the left thigh towards the chest and holds; the arrow shows the pull. The right buttock is highlighted.",
    ),
    (
        "seated-figure-four",
        "hd",
        "right",
        "Seated figure-four stretch",
        seated_figure_four,
        "Start: sitting upright on a chair with the right ankle on the left knee. Finish: leaning forward from "
        "the hips with a long back and holding; the arrow shows the lean. The buttock is highlighted.",
    ),
    (
        "knee-to-chest",
        "hd",
        "right",
        "Knee-to-chest stretch",
        knee_to_chest,
        "Start: lying on the back with both knees bent and feet on the floor. Finish: the right knee drawn to "
        "the chest with both hands and held; the arrow shows the knee moving. The lower back and buttock are "
        "highlighted.",
    ),
    (
        "seated-forward-bend",
        "hd",
        "right",
        "Seated hamstring stretch",
        seated_forward_bend,
        "Start: sitting upright at the front of a chair, right leg straight with the heel on the floor and toes "
        "up. Finish: hinging forward from the hips with a long back and holding; the arrow shows the lean. "
        "The back of the straight thigh is highlighted.",
    ),
    (
        "cat-cow",
        "gl",
        None,
        "Cat-cow",
        cat_cow,
        "On hands and knees, a folded towel under the knees. Start: the cat, back rounded up and head dropped. Finish: the cow, belly sinking "
        "and looking forward. The arrow shows the back moving up and down between them. The lower back is "
        "highlighted.",
    ),
    (
        "pelvic-tilt",
        "gl",
        None,
        "Pelvic tilt",
        pelvic_tilt,
        "Lying on the back with knees bent and feet flat. Start: a small arch under the lower back. Finish: the "
        "pelvis tilted so the lower back presses flat into the floor; the arrow shows the lower back pressing down. The lower back "
        "is highlighted.",
    ),
    (
        "sciatic-nerve-glide",
        "gl",
        "right",
        "Sciatic nerve glide",
        sciatic_nerve_glide,
        "Sitting on a chair. Start: right foot on the floor, head tipped forward. Finish: the right knee "
        "straightened with the toes up while the head tilts back; the two arrows show knee and head moving "
        "together. The nerve's path down the back of the leg is marked.",
    ),
    (
        "childs-pose",
        "hd",
        None,
        "Child's pose",
        childs_pose,
        "Start: on hands and knees, a folded towel under the knees. Finish: sitting back towards the heels, the hands staying where they were so "
        "the arms reach forward, forehead down, held; the arrow shows the hips moving back. The lower back is "
        "highlighted.",
    ),
    (
        "prone-press-up",
        "gl",
        None,
        "Prone press-up",
        prone_press_up,
        "Start: lying face down, propped on the forearms. Finish: pushed up on the hands with the hips and thighs "
        "on the floor and the lower back relaxed; the arrow shows the chest rising. The lower back is "
        "highlighted.",
    ),
    (
        "rest-calves-on-chair",
        "hd",
        None,
        "Resting on the back with calves on a chair",
        rest_calves_on_chair,
        "Start: lying on the back by a chair with knees bent and feet on the floor. Finish: both calves resting "
        "on the chair seat, hips and knees at about right angles; the arrow shows the legs lifting. The lower "
        "back is highlighted.",
    ),
    (
        "rest-side-lying-pillow",
        "hd",
        None,
        "Resting on the side with a pillow between the knees",
        rest_side_lying_pillow,
        "Seen from above, lying on one side on a mat with the head on a cushion. Start: knees a little bent, a "
        "pillow beside them. Finish: knees bent and drawn up a little towards the chest, the pillow between the "
        "knees; the arrows show the knees drawing up and the pillow going between them. The lower back is "
        "highlighted.",
    ),
]
SIDE = {slug: side for slug, _, side, *_ in TECHNIQUES}


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- motion ------------------------------------------------------------------------------
# Keyframe positions per pace: the start pose at K0, the finish at K1 (a glide there and back with
# short rests, rolling back and forth, or moving into a hold and staying there most of the cycle).
KEYS = {"gl": ("0%,10%,90%,to", "45%,55%"), "rl2": ("0%,to", "50%"), "hd": ("0%,8%,to", "25%,85%")}
TARGETS = ("hl", "ng", "nv")  # marks on the body: they ride on the nearest bone


def sang(a, b):
    """Screen angle a -> b in degrees (y down), the sense CSS rotate() turns."""
    return math.degrees(math.atan2(b[1] - a[1], b[0] - a[0]))


def norm(d):
    return (d + 180) % 360 - 180


def turn(v, deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return (v[0] * c - v[1] * s, v[0] * s + v[1] * c)


def bone_moves(f0, f1):
    """bone: (origin, dx, dy, deg), the move of each bone in its parent's frame that takes the start
    pose's bone onto the finish pose's: a turn about its joint (and, where a joint is not where the
    parent's turn brings it, a shift). Nested groups then carry children with their parents."""
    world, moves = {}, {}

    def w(name):
        if name not in world:
            _, j0, e0 = f0.bones[name]
            _, j1, e1 = f1.bones[name]
            world[name] = (j0, j1, norm(sang(j1, e1) - sang(j0, e0)))
        return world[name]

    for name, (parent, *_) in f0.bones.items():
        if name not in f1.bones or (parent and parent not in f1.bones):
            continue
        j0, j1, d = w(name)
        if parent is None:
            q, rel = j1, d
        else:
            pj0, pj1, pd = w(parent)
            v = turn((j1[0] - pj1[0], j1[1] - pj1[1]), -pd)
            q, rel = (pj0[0] + v[0], pj0[1] + v[1]), norm(d - pd)
        moves[name] = (j0, q[0] - j0[0], q[1] - j0[1], rel)
    return moves


def still(move):
    return abs(move[3]) < 0.5 and math.hypot(move[1], move[2]) < 0.3


def seg_dist(p, a, b):
    ab = (b[0] - a[0], b[1] - a[1])
    n = ab[0] ** 2 + ab[1] ** 2
    t = 0.0 if n == 0 else max(0.0, min(1.0, ((p[0] - a[0]) * ab[0] + (p[1] - a[1]) * ab[1]) / n))
    return dist(p, (a[0] + ab[0] * t, a[1] + ab[1] * t))


def carrier(f, e):
    """The bone a mark rides on: the nerve's path on the near thigh, a mark at the hip on the pelvis,
    otherwise the nearest of the back and the near leg."""
    c = lerp(e.a, e.b, 0.5)
    if e.cls == "ng" and "nth" in f.bones:
        return "nth"
    if dist(c, f.hip) < 15:
        return "lt"
    return min((b for b in ("lt", "ut", "nth", "nsh") if b in f.bones), key=lambda b: seg_dist(c, *f.bones[b][1:]))


def animate(start, finish, f0, f1, pace):
    """The start pose's shapes in nested groups that move them to the finish pose (CSS @keyframes,
    one per moving bone or shape), and the CSS for it."""
    k0, k1 = KEYS[pace]
    moves = {k: v for k, v in bone_moves(f0, f1).items() if not still(v)} if f0 and f1 else {}
    names, css = {}, []

    def group(key, move):
        if key not in names:
            names[key] = f"j{len(names)}"
            (ox, oy), dx, dy, deg = move
            t = f"translate({fmt(dx)}px,{fmt(dy)}px)" if math.hypot(dx, dy) >= 0.3 else ""
            t += f" rotate({fmt(deg)}deg)" if abs(deg) >= 0.5 else ""
            n = names[key]
            css.append(
                f".{n}{{transform-origin:{fmt(ox)}px {fmt(oy)}px;animation-name:{n}}}"
                f"@keyframes {n}{{{k0}{{transform:none}}{k1}{{transform:{t.strip()}}}}}"
            )
        return names[key]

    def chain(bone):
        out = []
        while bone:
            if bone in moves:
                out.append(group(bone, moves[bone]))
            bone = f0.bones[bone][0]
        return out[::-1]

    def loose(items):
        return [e for e in items if isinstance(e, El) and not (f0 and e.cls in TARGETS)]

    # Shapes not on a bone (props, and the bodies drawn without a Figure) move as themselves.
    pairs = dict(zip(map(id, loose(start)), loose(finish))) if len(loose(start)) == len(loose(finish)) else {}
    if not pairs and loose(start):
        WARNINGS.append("the two poses draw different shapes off the skeleton: those stay still")
    seq = []
    for item in start:
        if isinstance(item, tuple):
            seq.append((chain(item[0]), item[1]))
        elif isinstance(item, El) and f0 and item.cls in TARGETS:
            seq.append((chain(carrier(f0, item)), item))
        elif id(item) in pairs and pairs[id(item)].cls == item.cls:
            e1 = pairs[id(item)]
            d = 0.0 if item.a == item.b else norm(sang(e1.a, e1.b) - sang(item.a, item.b))
            move = (item.a, e1.a[0] - item.a[0], e1.a[1] - item.a[1], d)
            seq.append(([] if still(move) else [group(id(item), move)], item))
        else:
            seq.append(([], item))
    out, stack = [], []
    for ch, item in seq:
        k = 0
        while k < min(len(stack), len(ch)) and stack[k] == ch[k]:
            k += 1
        out += ["</g>"] * (len(stack) - k) + [f'<g class="j {n}">' for n in ch[k:]] + [item]
        stack = ch
    out += ["</g>"] * len(stack)
    return "".join(out), "".join(css)


def flat(items):
    return "".join(i[1] if isinstance(i, tuple) else i for i in items)


def render(slug, pace, side, title, fn, desc):
    BOX.clear()
    FIGS.clear()
    CLIP.clear()
    start = fn(0)
    f0 = FIGS[-1] if FIGS else None
    FIGS.clear()
    finish = fn(1)
    f1 = FIGS[-1] if FIGS else None
    x0 = min(b[0] for b in BOX) - MARGIN
    y0 = min(b[1] for b in BOX) - MARGIN
    x1 = max(b[2] for b in BOX) + MARGIN
    y1 = max(max(b[3] for b in BOX), GROUND + 2) + MARGIN
    w, h = math.ceil(x1 - x0), math.ceil(y1 - y0)
    fl = f'<path class="gr" d="M{fmt(x0 + 2)} {GROUND + 1.5}H{fmt(x1 - 2)}"/>'
    move = f'<g transform="translate({fmt(-x0)} {fmt(-y0)})">'
    moving, css = animate(start, finish, f0, f1, pace)
    groups = f'<g class="p1">{move}{fl}{moving}</g></g><g class="p2">{move}{fl}{flat(finish)}</g></g>'
    data_side = f' data-side="{side}"' if side else ""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" role="img" aria-labelledby="t d"{data_side}>'
        f'<title id="t">{esc(title)}</title><desc id="d">{esc(desc)}</desc>'
        f"<style>{STYLE}</style><style>{css}</style>{DEFS.replace('</defs>', ''.join(CLIP) + '</defs>')}"
        f'<g id="k" class="{pace}">{groups}</g></svg>\n'
    )


def build():
    """{slug: svg text} for every technique."""
    out = {}
    for slug, pace, side, title, fn, desc in TECHNIQUES:
        WARNINGS.clear()
        out[slug] = render(slug, pace, side, title, fn, desc)
        if WARNINGS:
            print(f"{slug}: WARN " + "; ".join(WARNINGS), file=sys.stderr)
    return out


# The key under each card's drawing: each mark drawn as the drawings draw it, one per fragment
# (key.svg#m-ng shows the no-go band alone), in the same style sheet, so light, dark and the
# colours always match the drawings.
KEY_PATH = OUT_DIR.parent / "key.svg"


def key_svg():
    marks = {
        "hl": ell("hl", (18, 10), 15, 7),
        "ng": cap("ng", (5, 10), (31, 10), 6, 5),
        "ar": f'<path class="ar" d="M{pts((4, 10), (31, 10))}{arrow_head((31, 10), 0)}"/>',
        "nv": f'<path class="nv" d="M{pts((3, 10), (33, 10))}"/>',
    }
    BOX.clear()  # drawing the marks tracked their extent; the key has its own fixed frame
    marks = "".join(f'<g id="m-{name}" class="s">{mark}</g>' for name, mark in marks.items())
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 36 20" aria-hidden="true">'
        f"<style>{STYLE}.s{{display:none}}.s:target{{display:inline}}</style>{DEFS}{marks}</svg>\n"
    )


def main(argv):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    KEY_PATH.write_text(key_svg(), encoding="utf-8")
    only = set(argv[1:])
    sizes = []
    for slug, svg in build().items():
        if only and slug not in only:
            continue
        (OUT_DIR / f"{slug}.svg").write_text(svg, encoding="utf-8")
        gz = len(gzip.compress(svg.encode("utf-8"), 9))
        sizes.append(gz)
        print(f"{slug:26s} {len(svg):6d} B {gz:5d} B gz")
    if sizes:
        print(f"gzipped: min {min(sizes)} B, max {max(sizes)} B")


if __name__ == "__main__":
    main(sys.argv)
