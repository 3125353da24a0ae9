#!/usr/bin/env python3
"""Generate the technique illustrations in static/img/techniques/<slug>.svg.

Every figure is drawn by this one script, from one skeleton with fixed segment
lengths (torso, neck, upper arm, forearm, hand, thigh, shin, foot), one set of
stroke widths and one palette, so all drawings share a single visual style and
their proportions cannot drift from file to file. A pose only says where the
hip is and at which angles the torso, neck and limbs point (or which point a
hand or foot must reach, solved with two-bone inverse kinematics at the fixed
lengths); limbs that point towards the viewer may be foreshortened, which is a
projection of the same lengths, not a different body (the two hands-on-the-
back techniques use the same skeleton seen from behind). Far-side limbs are drawn
first in a lighter tone, near-side limbs last in a darker one, then a soft
highlight over the area the technique works on. Colours live in an internal
<style> with a prefers-color-scheme: dark override, the background stays
transparent, and there is no text, script, font or external reference, so the
files are small (under 1 KB gzipped each; the budget is 8 KB) and cache well.
To change a drawing, edit its pose function below and re-run from the repo
root with `python3 tools/draw_illustrations.py` (Python 3.11 stdlib only); it
rewrites every file and prints each file's gzipped size.
"""
from __future__ import annotations

import gzip
import math
import sys
from pathlib import Path

OUT_DIR = Path(__file__).resolve().parent.parent / "static" / "img" / "techniques"

W, H = 320, 220
GROUND = 198  # y of the floor line in every drawing

# --- skeleton: fixed segment lengths (viewBox units) ------------------------
HEAD_R = 12
NECK = 7
TORSO = 50   # hip joint to shoulder joint
UARM = 30    # shoulder to elbow
FARM = 27    # elbow to wrist
HAND = 9     # wrist to finger tips
THIGH = 42   # hip to knee
SHIN = 40    # knee to ankle
FOOT = 14    # ankle to toes

# --- stroke widths: identical in every file ---------------------------------
SW_TORSO = 22
SW_NECK = 10
SW_LEG = 14
SW_ARM = 11
SW_FOOT = 9
SW_HAND = 8

# half widths, handy for putting a limb or the torso on the floor
R_TORSO = SW_TORSO / 2
R_LEG = SW_LEG / 2
R_ARM = SW_ARM / 2

ROLLER_R = 10  # foam roller seen end-on
BALL_R = 7     # massage ball

STYLE = (
    ".n{stroke:#33475b}.hd{fill:#33475b}.f{stroke:#8fa3b6}"
    ".eq{fill:#a8d5c5;stroke:#2f7a64;stroke-width:3}"
    ".ch{fill:none;stroke:#2f7a64;stroke-width:5}"
    ".gr{fill:none;stroke:#c5cfd8;stroke-width:3}"
    ".hl{fill:#e76f51;opacity:.45}"
    ".nv{fill:none;stroke:#e76f51;stroke-width:4;stroke-dasharray:1 6;opacity:.95}"
    ".ar{fill:none;stroke:#2f7a64;stroke-width:3}"
    ".gh{fill:none;stroke:#8fa3b6;stroke-width:3;stroke-dasharray:5 5}"
    "@media (prefers-color-scheme:dark){"
    ".n{stroke:#dfe7ee}.hd{fill:#dfe7ee}.f{stroke:#7d8fa1}"
    ".eq{fill:#3f8f78;stroke:#9fe0cb}.ch{stroke:#9fe0cb}.gr{stroke:#4a5866}"
    ".hl{fill:#ff9f80;opacity:.5}.nv{stroke:#ff9f80}.ar{stroke:#9fe0cb}"
    ".gh{stroke:#7d8fa1}}"
)


# --- geometry helpers --------------------------------------------------------
def pt(p, deg, length, fs=1.0):
    """Point `length` (times foreshortening fs) from p at `deg` (0 = right, 90 = up)."""
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


WARNINGS: list[str] = []
BOX: list[float] = []  # x extents of what a drawing uses (for centring)
TOPS: list[float] = []


def track(x1, y, x2=None):
    BOX.extend((x1, x1 if x2 is None else x2))
    TOPS.append(y)


def ik(root, target, l1, l2, bend, name="limb"):
    """Middle joint and end point of a two-bone chain from root towards target.

    bend=+1 puts the middle joint to the left of root->target (screen space,
    y down: "left" means counter-clockwise on screen), -1 to the right. If
    the target is out of reach the chain straightens and stops short; a note
    is kept so a bad pose is noticed.
    """
    d = dist(root, target)
    if d > l1 + l2 - 0.01:
        if d - (l1 + l2) > 1.5:
            WARNINGS.append(f"{name}: target {d - l1 - l2:.1f} out of reach")
        d = l1 + l2 - 0.01
        target = lerp(root, target, d / dist(root, target))
    if d < abs(l1 - l2) + 0.01:
        d = abs(l1 - l2) + 0.01
    a = ang(root, target)
    cos_i = (l1 * l1 + d * d - l2 * l2) / (2 * l1 * d)
    inner = math.degrees(math.acos(max(-1.0, min(1.0, cos_i))))
    mid = pt(root, a + bend * inner, l1)
    return mid, target


def foreshortened(a, b, length, name):
    """A segment drawn from a to b must not be longer than the bone."""
    if dist(a, b) > length + 0.5:
        WARNINGS.append(f"{name}: {dist(a, b):.1f} longer than {length}")


def reach_on(a, b, origin, r):
    """The point on segment a-b (searched from a) that is r from origin, so
    an arm can grip a limb without over- or under-reaching."""
    best = a
    for i in range(101):
        p = lerp(a, b, i / 100)
        if abs(dist(origin, p) - r) < abs(dist(origin, best) - r):
            best = p
    return best


def fmt(v):
    r = round(v, 1)
    return str(int(r)) if r == int(r) else str(r)


def pts(*ps):
    return " ".join(f"{fmt(x)} {fmt(y)}" for x, y in ps)


def poly(cls, width, *ps):
    for x, y in ps:
        track(x - width / 2, y - width / 2, x + width / 2)
    return f'<path class="{cls}" stroke-width="{width}" d="M{pts(*ps)}"/>'


def head(c):
    track(c[0] - HEAD_R, c[1] - HEAD_R, c[0] + HEAD_R)
    return f'<circle class="hd" cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{HEAD_R}"/>'


# --- the figure --------------------------------------------------------------
class Figure:
    """A side-view figure built from the fixed skeleton.

    hip: hip joint position; torso: direction hip -> shoulder in degrees;
    curve: how far the middle of the back bows out (positive = to the left of
    the hip->shoulder direction, i.e. towards the top for a torso pointing
    right); neck: direction shoulder -> head.
    """

    def __init__(self, hip, torso, curve=0.0, neck=None):
        self.hip = hip
        self.torso_deg = torso
        self.curve = curve
        self.shoulder = pt(hip, torso, TORSO)
        self.neck_deg = torso if neck is None else neck
        self.neck_top = pt(self.shoulder, self.neck_deg, NECK)
        self.head = pt(self.shoulder, self.neck_deg, NECK + HEAD_R)
        self.limbs = {"f": [], "n": []}  # far / near limb paths
        self.joints = {}

    # point along the (possibly bowed) torso centre line, t=0 hip, t=1 shoulder
    def spine(self, t, side=0.0):
        c = self._ctrl()
        x = (1 - t) ** 2 * self.hip[0] + 2 * (1 - t) * t * c[0] + t * t * self.shoulder[0]
        y = (1 - t) ** 2 * self.hip[1] + 2 * (1 - t) * t * c[1] + t * t * self.shoulder[1]
        if side:
            # offset perpendicular to the local direction (positive = left of it)
            dx = 2 * (1 - t) * (c[0] - self.hip[0]) + 2 * t * (self.shoulder[0] - c[0])
            dy = 2 * (1 - t) * (c[1] - self.hip[1]) + 2 * t * (self.shoulder[1] - c[1])
            n = math.hypot(dx, dy)
            x += side * dy / n
            y += side * -dx / n
        return (x, y)

    def _ctrl(self):
        m = lerp(self.hip, self.shoulder, 0.5)
        # the quadratic control point sits twice as far out as the curve apex
        return pt(m, self.torso_deg + 90, 2 * self.curve)

    def leg(self, side, thigh=None, shin=None, foot=None, ankle=None, bend=1,
            fs_thigh=1.0, fs_shin=1.0, fs_foot=1.0, knee=None):
        """thigh/shin angles, or ankle target (+bend) solved at fixed lengths.

        knee + ankle place a leg that points out of the picture plane: both
        segments may only come out shorter than the skeleton (foreshortened).
        """
        if knee is not None:
            foreshortened(self.hip, knee, THIGH, f"{side} thigh")
            foreshortened(knee, ankle, SHIN, f"{side} shin")
        elif ankle is not None:
            knee, ankle = ik(self.hip, ankle, THIGH * fs_thigh, SHIN * fs_shin, bend, f"{side} leg")
        else:
            knee = pt(self.hip, thigh, THIGH, fs_thigh)
            ankle = pt(knee, shin, SHIN, fs_shin)
        self.limbs[side].append(poly(side, SW_LEG, self.hip, knee, ankle))
        if foot is not None:
            toe = pt(ankle, foot, FOOT, fs_foot)
            self.limbs[side].append(poly(side, SW_FOOT, ankle, toe))
        else:
            toe = ankle
        self.joints[side + "knee"] = knee
        self.joints[side + "ankle"] = ankle
        self.joints[side + "toe"] = toe
        return knee, ankle, toe

    def arm(self, side, upper=None, fore=None, hand=None, wrist=None, bend=1,
            fs_upper=1.0, fs_fore=1.0, origin=None):
        """upper/fore angles or wrist target (+bend); hand = hand direction."""
        sh = origin or self.shoulder
        if wrist is not None:
            elbow, wrist = ik(sh, wrist, UARM * fs_upper, FARM * fs_fore, bend, f"{side} arm")
        else:
            elbow = pt(sh, upper, UARM, fs_upper)
            wrist = pt(elbow, fore, FARM, fs_fore)
        self.limbs[side].append(poly(side, SW_ARM, sh, elbow, wrist))
        tip = wrist
        if hand is not None:
            tip = pt(wrist, hand, HAND)
            self.limbs[side].append(poly(side, SW_HAND, wrist, tip))
        self.joints[side + "elbow"] = elbow
        self.joints[side + "wrist"] = wrist
        self.joints[side + "hand"] = tip
        return elbow, wrist, tip

    def torso_path(self):
        c = self._ctrl()
        if self.curve:
            return (f'<path class="n" stroke-width="{SW_TORSO}" d="M{pts(self.hip)}'
                    f'Q{pts(c, self.shoulder)}"/>')
        return poly("n", SW_TORSO, self.hip, self.shoulder)

    def svg(self):
        out = list(self.limbs["f"])
        out.append(self.torso_path())
        out.append(poly("n", SW_NECK, self.shoulder, self.neck_top))
        out.append(head(self.head))
        out.extend(self.limbs["n"])
        return out


class BackFigure:
    """The same skeleton seen from behind, standing (used where hands on the
    back must be visible). Shoulder and hip joints sit either side of the
    spine; the torso is the same 22-wide stroke run round the shoulder/hip
    outline so the body reads as a back."""

    SH_HALF = 13  # half distance between shoulder joints
    HIP_HALF = 8  # half distance between hip joints

    def __init__(self, cx, hip_y=None):
        self.cx = cx
        self.hip_y = hip_y if hip_y is not None else GROUND - 5 - THIGH - SHIN
        self.sh_y = self.hip_y - TORSO
        self.head = (cx, self.sh_y - NECK - HEAD_R)
        self.parts = []

    def shoulder(self, s):  # s = -1 (viewer's left) or +1
        # the arm leaves from the round of the shoulder, outside the torso
        return (self.cx + s * (self.SH_HALF + 6), self.sh_y + 3)

    def hipj(self, s):
        return (self.cx + s * self.HIP_HALF, self.hip_y)

    def waist(self, s, t=0.3, out=1.0):
        """Point on the back surface: t up from hip (0..1), out 0=spine 1=flank."""
        y = self.hip_y - t * TORSO
        half = self.HIP_HALF + (self.SH_HALF - self.HIP_HALF) * t + R_TORSO
        return (self.cx + s * half * out, y)

    def arm(self, s, wrist, bend, hand=None):
        sh = self.shoulder(s)
        elbow, wrist = ik(sh, wrist, UARM, FARM, bend, f"back arm {s}")
        self.parts.append(poly("n", SW_ARM, sh, elbow, wrist))
        tip = wrist
        if hand is not None:
            tip = hand
            self.parts.append(poly("n", SW_HAND, wrist, tip))
        return elbow, wrist, tip

    def arm_down(self, s):
        sh = self.shoulder(s)
        elbow = pt(sh, 270 + s * 9, UARM)
        wrist = pt(elbow, 270 + s * 5, FARM)
        tip = pt(wrist, 270 + s * 3, HAND)
        self.parts.append(poly("n", SW_ARM, sh, elbow, wrist))
        self.parts.append(poly("n", SW_HAND, wrist, tip))

    def svg(self):
        cx, hy, sy = self.cx, self.hip_y, self.sh_y
        out = []
        for s in (-1, 1):
            hip = self.hipj(s)
            knee = pt(hip, 270 + s * 4, THIGH)
            ankle = pt(knee, 270 + s * 3, SHIN)
            out.append(poly("n", SW_LEG, hip, knee, ankle))
            out.append(poly("n", SW_FOOT, ankle, off(ankle, s * 3, 0)))
        hh, sh = self.HIP_HALF, self.SH_HALF
        out.append(f'<path class="n hd" stroke-width="{SW_TORSO}" d="M{pts((cx - hh, hy), (cx + hh, hy), (cx + sh, sy), (cx - sh, sy))}Z"/>')
        out.append(poly("n", SW_NECK, (cx, sy), (cx, sy - NECK)))
        out.append(head(self.head))
        out.extend(self.parts)
        return out


# --- scenery -----------------------------------------------------------------
def floor():
    return f'<path class="gr" d="M16 {fmt(GROUND + 1.5)}H304"/>'


def wall(x, top=24):
    track(x - 2, top)
    return f'<path class="gr" d="M{pts((x, GROUND + 1.5), (x, top))}"/>'


def roller(cx):
    cy = GROUND - ROLLER_R
    track(cx - ROLLER_R, cy, cx + ROLLER_R)
    return (f'<circle class="eq" cx="{fmt(cx)}" cy="{fmt(cy)}" r="{ROLLER_R}"/>'
            f'<circle class="eq" cx="{fmt(cx)}" cy="{fmt(cy)}" r="3"/>')


def ball(c):
    return f'<circle class="eq" cx="{fmt(c[0])}" cy="{fmt(c[1])}" r="{BALL_R}"/>'


SEAT_Y = GROUND - 44  # top of a chair seat


def chair(x_back, x_front):
    """Side view of a simple chair: backrest at x_back, seat to x_front."""
    y = SEAT_Y + 2.5
    track(x_back - 3, y, x_front + 3)
    return (f'<path class="ch" d="M{pts((x_back, y - 50), (x_back, GROUND))}'
            f'M{pts((x_back, y), (x_front, y), (x_front, GROUND))}"/>')


def hl(c, rx, ry, rot=0.0):
    r = f' transform="rotate({fmt(rot)} {fmt(c[0])} {fmt(c[1])})"' if rot else ""
    return f'<ellipse class="hl" cx="{fmt(c[0])}" cy="{fmt(c[1])}" rx="{fmt(rx)}" ry="{fmt(ry)}"{r}/>'


def arrow_head(tip, deg, size=6):
    """Open chevron at tip, pointing in direction deg."""
    a = pt(tip, deg + 180 - 38, size)
    b = pt(tip, deg + 180 + 38, size)
    return f"M{pts(a, tip, b)}"


def arc_arrow(c, r, start, end):
    """Circular arc round c from angle start to end (degrees; counter-clockwise
    on screen when end > start) with an arrow head at the end."""
    p0, p1 = pt(c, start, r), pt(c, end, r)
    ccw = end > start
    large = 1 if abs(end - start) > 180 else 0
    sweep = 0 if ccw else 1  # SVG sweep-flag 1 = clockwise on screen
    d = f"M{pts(p0)}A{fmt(r)} {fmt(r)} 0 {large} {sweep} {pts(p1)}"
    d += arrow_head(p1, end + (90 if ccw else -90))
    track(c[0] - r, c[1] - r, c[0] + r)
    return f'<path class="ar" d="{d}"/>'


# --- the poses ---------------------------------------------------------------
FLOOR_Y = GROUND - R_TORSO  # torso centre when lying on the floor
ANKLE_Y = GROUND - 5        # ankle when the foot is flat on the floor
HAND_Y = GROUND - 5         # wrist when the palm is flat on the floor


def foam_roll_glutes():
    rx = 120
    hip = (rx + 2, GROUND - 2 * ROLLER_R - 8)
    f = Figure(hip, 145, neck=112)
    f.arm("f", wrist=(f.shoulder[0] - 25, HAND_Y), bend=-1, hand=180)
    # supporting leg: foot flat on the floor, knee up
    knee, _, _ = f.leg("f", ankle=(hip[0] + 44, ANKLE_Y), foot=0, bend=1)
    # crossed leg: knee dropped out towards the viewer (foreshortened), shin
    # lying across the top of the supporting knee, foot past it
    f.leg("n", knee=off(hip, 18, -10), ankle=off(knee, 2, -12), foot=8)
    f.arm("n", wrist=(f.shoulder[0] - 20, HAND_Y), bend=-1, hand=180)
    return [roller(rx)] + f.svg() + [hl(off(hip, -4, 6), 14, 9, -25)]


def foam_roll_lower_back():
    # roller under the lower back (40% of the way from hip to shoulder)
    hip = (186, GROUND - 2 * ROLLER_R - R_TORSO - 1.5)
    rx = hip[0] - 0.4 * TORSO
    f = Figure(hip, 183, neck=166)
    f.leg("f", ankle=(hip[0] + 70, ANKLE_Y), foot=0, bend=1)
    # hands cradle the back of the head, elbows flared out to the sides
    # (towards / away from the viewer, so the arms are foreshortened)
    f.arm("f", wrist=off(f.head, -4, 8), bend=-1, fs_upper=0.75, fs_fore=0.8)
    f.leg("n", ankle=(hip[0] + 64, ANKLE_Y), foot=0, bend=1)
    f.arm("n", wrist=off(f.head, -8, 5), bend=-1, fs_upper=0.75, fs_fore=0.8)
    return [roller(rx)] + f.svg() + [hl(f.spine(0.32, -5), 17, 7, 4)]


def foam_roll_hamstrings():
    hip = (104, GROUND - 2 * ROLLER_R - 10)
    rx = hip[0] + 24
    f = Figure(hip, 142, neck=115)
    f.arm("f", wrist=(f.shoulder[0] - 10, HAND_Y), bend=-1, hand=180)
    f.leg("f", thigh=-5, shin=-14, foot=64)
    f.leg("n", thigh=-3, shin=-12, foot=66)
    f.arm("n", wrist=(f.shoulder[0] - 5, HAND_Y), bend=-1, hand=180)
    knee = f.joints["nknee"]
    return [roller(rx)] + f.svg() + [hl(off(lerp(hip, knee, 0.55), 0, 5), 18, 6, 3)]


def foam_roll_outer_thigh():
    # side-lying seen from the front: propped on the forearm, roller under the
    # bottom thigh, top leg crossed in front with its foot on the floor
    elbow = (80, GROUND - R_ARM)
    shoulder = (elbow[0] + 1, elbow[1] - UARM + 0.5)
    hip = pt(shoulder, -10, TORSO)
    rx = hip[0] + 17
    t = ang(hip, shoulder)
    f = Figure(hip, t, neck=t - 22)
    # bottom leg: over the roller and down to the floor
    knee, _, _ = f.leg("f", ankle=(hip[0] + 80, GROUND - 7), bend=1, foot=-5)
    # supporting forearm flat on the floor
    f.arm("n", wrist=(elbow[0] - FARM + 0.5, elbow[1]), bend=1, hand=180)
    # top arm: hand resting on the top hip, elbow up
    f.arm("n", wrist=off(hip, -8, -17), bend=1, hand=-75)
    # top leg crossed in front, foot flat on the floor
    f.leg("n", ankle=(hip[0] + 32, ANKLE_Y), bend=1, foot=0)
    thigh_under = off(lerp(hip, knee, 0.45), 0, 5)
    return [roller(rx)] + f.svg() + [hl(thigh_under, 17, 7, -ang(hip, knee))]


def ball_wall_glutes():
    wx = 100
    hip = (wx + 2 * BALL_R + R_TORSO + 1, ANKLE_Y - 79)
    f = Figure(hip, 93, neck=88)
    f.leg("f", ankle=(hip[0] + 21, ANKLE_Y), bend=1, foot=0)
    f.arm("f", upper=-96, fore=-84, hand=-86)
    f.leg("n", ankle=(hip[0] + 17, ANKLE_Y), bend=1, foot=0)
    f.arm("n", upper=-78, fore=-66, hand=-70)
    b = (wx + BALL_R + 1.5, hip[1] + 6)
    return [wall(wx)] + f.svg() + [hl((hip[0] - 8, hip[1] + 6), 8, 12), ball(b)]


def ball_floor_glutes():
    b = (112, GROUND - BALL_R)
    hip = (b[0] + 3, b[1] - BALL_R - 9)
    f = Figure(hip, 128, neck=102)
    f.arm("f", wrist=(f.shoulder[0] - 8, HAND_Y), bend=-1, hand=180)
    f.leg("f", ankle=(hip[0] + 66, ANKLE_Y), foot=0, bend=1)
    f.leg("n", ankle=(hip[0] + 56, ANKLE_Y), foot=0, bend=1)
    f.arm("n", wrist=(f.shoulder[0] - 3, HAND_Y), bend=-1, hand=180)
    return f.svg() + [hl(off(hip, -3, 1), 13, 9, -15), ball(b)]


def hand_kneading_lower_back():
    f = BackFigure(160)
    for s in (-1, 1):
        w = f.waist(s, 0.34, 1.0)
        f.arm(s, wrist=off(w, s * 1, 0), bend=s, hand=f.waist(s, 0.3, 0.4))
    hls = [hl(f.waist(s, 0.3, 0.45), 5.5, 13) for s in (-1, 1)]
    return f.svg() + hls


def hand_circles_buttock():
    hip = (160, ANKLE_Y - THIGH - SHIN + 1)
    f = Figure(hip, 91, neck=90)
    f.leg("f", thigh=-86, shin=-91, foot=0)
    f.arm("f", upper=-92, fore=-84, hand=-86)
    f.leg("n", thigh=-91, shin=-92, foot=0)
    spot = off(hip, -12, 4)  # side of the buttock
    f.arm("n", wrist=off(spot, 3, -7), bend=-1, hand=-95)
    return f.svg() + [hl(off(hip, -6, 4), 11, 14), arc_arrow(off(spot, -17, 3), 9, 100, 400)]


def ql_self_massage():
    f = BackFigure(160)
    # hand on the waist, elbow out, thumb pressing into the flank between the
    # lowest rib and the pelvis
    flank = f.waist(1, 0.42, 0.8)
    f.arm(1, wrist=f.waist(1, 0.46, 1.15), bend=1, hand=flank)
    f.arm_down(-1)
    return f.svg() + [hl(off(flank, -2, 1), 6, 11)]


def lie_on_back(hip_x, neck=178, curve=0.0):
    return Figure((hip_x, FLOOR_Y), 180, curve=curve, neck=neck)


def piriformis_stretch():
    f = lie_on_back(180)
    hip = f.hip
    # bottom leg (far): thigh pulled up towards the chest, shin pointing away
    knee, _, _ = f.leg("f", thigh=100, shin=12, foot=92)
    grip = reach_on(lerp(hip, knee, 0.5), lerp(hip, knee, 0.85), f.shoulder, UARM + FARM - 2)
    f.arm("f", wrist=off(grip, 2, -2), bend=1)
    f.arm("n", wrist=grip, bend=1)
    # crossed leg (near): knee out towards the viewer, ankle resting across
    # the bottom thigh just below its knee: the "figure 4"
    rest = lerp(hip, knee, 0.92)
    f.leg("n", ankle=off(rest, -2, 0), bend=-1, fs_thigh=0.8, fs_shin=0.85, foot=164, fs_foot=0.9)
    return f.svg() + [hl(off(hip, 6, -1), 14, 9, -50)]


def seated_figure_four():
    hip = (110, SEAT_Y - 9)
    f = Figure(hip, 64, neck=44)
    knee, _, _ = f.leg("f", ankle=(hip[0] + 46, ANKLE_Y), bend=1, foot=0)
    # crossed leg: ankle across the top of the other knee, knee dropped out
    _, ank, _ = f.leg("n", knee=off(hip, 15, 4), ankle=off(knee, -2, -12), foot=10)
    f.arm("n", wrist=lerp(f.joints["nknee"], ank, 0.45), bend=-1, hand=-15)
    return [chair(80, 122)] + f.svg() + [hl(off(hip, -4, 3), 12, 9)]


def knee_to_chest():
    f = lie_on_back(178)
    hip = f.hip
    f.leg("f", ankle=(hip[0] + 64, ANKLE_Y), foot=0, bend=1)
    knee, ankle, _ = f.leg("n", thigh=122, shin=-28, foot=65)
    grip = reach_on(knee, ankle, f.shoulder, UARM + FARM - 3)
    f.arm("f", wrist=off(grip, 3, 1), bend=1)
    f.arm("n", wrist=grip, bend=1)
    return f.svg() + [hl(off(hip, -12, 6), 16, 6), hl(off(hip, 9, 2), 9, 8, -40)]


def seated_forward_bend():
    hip = (116, SEAT_Y - 9)
    f = Figure(hip, 40, neck=18)
    fk, _, _ = f.leg("f", ankle=(hip[0] + 22, ANKLE_Y), bend=1, foot=0)
    f.arm("f", wrist=lerp(hip, fk, 0.95), bend=-1, hand=-50)
    # near leg straight, heel on the floor, toes up
    heel_y = GROUND - 6
    dy = heel_y - hip[1]
    dx = math.sqrt((THIGH + SHIN - 0.5) ** 2 - dy ** 2)
    knee, ankle, _ = f.leg("n", ankle=(hip[0] + dx, heel_y), bend=1, foot=75)
    f.arm("n", wrist=lerp(hip, fk, 0.75), bend=-1, hand=-50)
    under = off(lerp(hip, knee, 0.55), 2, 6)
    return [chair(80, 120)] + f.svg() + [hl(under, 18, 6, -ang(hip, knee))]


def cat_cow():
    knee_x = 116
    hip = (knee_x, GROUND - R_LEG - THIGH)
    sh_y = GROUND - 6 - UARM - FARM + 4
    ta = math.degrees(math.asin((hip[1] - sh_y) / TORSO))
    f = Figure(hip, ta, curve=13, neck=-60)
    wrist = (f.shoulder[0] + 2, HAND_Y)
    f.leg("f", thigh=-88, shin=180, foot=182)
    f.arm("f", wrist=off(wrist, 5, 0), bend=-1, hand=0)
    f.leg("n", thigh=-90, shin=180, foot=182)
    f.arm("n", wrist=wrist, bend=-1, hand=0)
    # faint "cow": the back dipping towards the floor instead of rounding,
    # drawn behind the figure so it shows under the arch
    cow = Figure(hip, ta, curve=-11)
    a, m, b = (cow.spine(t, -R_TORSO + 1) for t in (0.12, 0.5, 0.88))
    ctrl = (2 * m[0] - (a[0] + b[0]) / 2, 2 * m[1] - (a[1] + b[1]) / 2)
    ghost = f'<path class="gh" d="M{pts(a)}Q{pts(ctrl, b)}"/>'
    return [ghost] + f.svg() + [hl(f.spine(0.3, 5), 14, 8, -ta - 14)]


def pelvic_tilt():
    f = lie_on_back(180)
    hip = f.hip
    f.leg("f", ankle=(hip[0] + 64, ANKLE_Y), foot=0, bend=1)
    f.leg("n", ankle=(hip[0] + 58, ANKLE_Y), foot=0, bend=1)
    f.arm("n", upper=-3, fore=-2, hand=0)
    return f.svg() + [hl(f.spine(0.3, -5), 17, 6), arc_arrow(hip, 23, 35, 145)]


def sciatic_nerve_glide():
    hip = (106, SEAT_Y - 9)
    f = Figure(hip, 92, neck=116)
    f.leg("f", ankle=(hip[0] + 42, ANKLE_Y), bend=1, foot=0)
    f.arm("f", wrist=(hip[0] + 30, hip[1] - 9), bend=-1, hand=-10)
    knee, ankle, toe = f.leg("n", thigh=-3, shin=-9, foot=86)
    f.arm("n", wrist=(hip[0] + 24, hip[1] - 8), bend=-1, hand=-10)
    # nerve path: buttock, back of the thigh, back of the calf, to the heel
    nerve = [off(hip, -4, 9), off(knee, 0, 8), off(ankle, 1, 8)]
    nv = f'<path class="nv" d="M{pts(*nerve)}"/>'
    knee_arrow = arc_arrow(knee, SHIN + 13, -42, -14)
    neck_arrow = arc_arrow(f.shoulder, NECK + 2 * HEAD_R + 9, 82, 118)
    return [chair(80, 120)] + f.svg() + [nv, knee_arrow, neck_arrow]


def childs_pose():
    knee = (152, GROUND - R_LEG)
    hip = (116, knee[1] - 21)
    f = Figure(hip, -3, curve=7, neck=-50)
    f.leg("f", ankle=(hip[0] - 2, GROUND - R_LEG), bend=1, foot=180)
    f.arm("f", wrist=(f.shoulder[0] + 53, HAND_Y), bend=1, hand=0)
    f.leg("n", ankle=(hip[0] - 4, GROUND - R_LEG), bend=1, foot=180)
    f.arm("n", wrist=(f.shoulder[0] + 52, HAND_Y), bend=1, hand=0)
    return f.svg() + [hl(f.spine(0.25, 5), 15, 7, 6)]


def prone_press_up():
    hip = (140, FLOOR_Y)
    f = Figure(hip, 50, curve=-6, neck=70)
    f.leg("f", thigh=181, shin=180, foot=192)
    sh = f.shoulder
    f.arm("f", wrist=(sh[0] + 18, HAND_Y), bend=-1, hand=0)
    f.leg("n", thigh=182, shin=180, foot=192)
    f.arm("n", wrist=(sh[0] + 14, HAND_Y), bend=-1, hand=0)
    return f.svg() + [hl(f.spine(0.25, 6), 14, 7, -40)]


def rest_calves_on_chair():
    # lying on the back, hips and knees bent at about right angles, both
    # calves resting along a chair seat (a position of ease)
    f = lie_on_back(150)
    hip = f.hip
    calf_y = SEAT_Y - R_LEG  # shin centre line lying on the seat
    lift = math.degrees(math.asin((hip[1] - calf_y) / THIGH))
    f.leg("f", thigh=lift + 3, shin=1, foot=80)
    knee, ankle, _ = f.leg("n", thigh=lift, shin=0, foot=76)
    f.arm("n", upper=-3, fore=-2, hand=0)
    return [chair(ankle[0] + 13, knee[0] + 9)] + f.svg() + [hl(f.spine(0.3, -5), 17, 6)]


def rest_side_lying_pillow():
    # seen from the front, lying on one side: the BackFigure's torso outline
    # turned to lie along the floor (shoulder and hip joints stacked one
    # above the other), the head on a cushion, the knees bent forwards
    # (towards the viewer, so the legs are foreshortened) and stacked, and a
    # pillow between them that keeps the top knee level with the top hip
    sh_half, hip_half = BackFigure.SH_HALF, BackFigure.HIP_HALF
    cy = GROUND - 1 - sh_half - R_TORSO  # body centre line; the shoulder rests on the floor
    hx = 182
    sx = hx - TORSO
    low_hip, top_hip = (hx, cy + hip_half), (hx, cy - hip_half)
    low_knee, low_ankle = (hx + 33, GROUND - R_LEG), (hx + 64, GROUND - R_LEG)
    top_knee, top_ankle = (hx + 33, top_hip[1]), (hx + 63, top_hip[1] + 8)
    parts = []
    neck_end = (sx - NECK, cy)
    head_c = (sx - NECK - HEAD_R + 1, cy)
    cushion_y = head_c[1] + HEAD_R + 4
    parts.append(f'<ellipse class="eq" cx="{fmt(head_c[0] - 2)}" cy="{fmt(cushion_y)}" rx="20" ry="{fmt(GROUND - cushion_y)}"/>')
    track(head_c[0] - 22, cushion_y, head_c[0] + 18)
    legs = {}
    for side, h, k, a in (("f", low_hip, low_knee, low_ankle), ("n", top_hip, top_knee, top_ankle)):
        foreshortened(h, k, THIGH, f"{side} thigh")
        foreshortened(k, a, SHIN, f"{side} shin")
        legs[side] = [poly(side, SW_LEG, h, k, a), poly(side, SW_FOOT, a, pt(a, -10, FOOT, 0.55))]
    parts += legs["f"]
    between = lerp(low_knee, top_knee, 0.5)
    ry = (low_knee[1] - top_knee[1]) / 2 - 2
    parts.append(f'<ellipse class="eq" cx="{fmt(between[0] - 3)}" cy="{fmt(between[1])}" rx="16" ry="{fmt(ry)}"/>')
    parts.append(f'<path class="n hd" stroke-width="{SW_TORSO}" d="M{pts((hx, cy - hip_half), (hx, cy + hip_half), (sx, cy + sh_half), (sx, cy - sh_half))}Z"/>')
    track(sx - R_TORSO, cy - sh_half - R_TORSO, hx + R_TORSO)
    parts.append(poly("n", SW_NECK, (sx, cy), neck_end))
    parts.append(head(head_c))
    parts += legs["n"]
    # top arm: hand resting on the top hip, elbow up
    shoulder = (sx + 6, cy - sh_half - 6)
    elbow, wrist = ik(shoulder, (hx - 12, cy - hip_half - 10), UARM, FARM, 1, "top arm")
    parts.append(poly("n", SW_ARM, shoulder, elbow, wrist))
    parts.append(poly("n", SW_HAND, wrist, pt(wrist, -60, HAND)))
    return parts + [hl((hx - 12, cy), 14, 11)]

TECHNIQUES = [
    ("foam-roll-glutes", "Foam rolling the glutes", foam_roll_glutes,
     "Sitting on a foam roller with hands on the floor behind and one ankle crossed over the opposite knee, "
     "leaning towards the crossed side; the buttock being rolled is highlighted."),
    ("foam-roll-lower-back", "Foam rolling the lower back", foam_roll_lower_back,
     "Lying on the back with a foam roller under the mid to lower back, knees bent, feet on the floor and hips "
     "lifted slightly; the muscles beside the lower spine are highlighted."),
    ("foam-roll-hamstrings", "Foam rolling the hamstrings", foam_roll_hamstrings,
     "Sitting with a foam roller under the middle of the back of the thighs, hands on the floor behind and legs "
     "nearly straight; the back of the thigh is highlighted."),
    ("foam-roll-outer-thigh", "Foam rolling the outer thigh", foam_roll_outer_thigh,
     "Lying on one side on a foam roller placed under the outer thigh, propped on the forearm, with the top leg "
     "crossed in front and its foot on the floor; the outer thigh is highlighted."),
    ("ball-wall-glutes", "Massage ball against a wall for the glutes", ball_wall_glutes,
     "Standing with the back to a wall and a small ball between the buttock and the wall, knees slightly bent; "
     "the buttock is highlighted."),
    ("ball-floor-glutes", "Massage ball on the floor for the glutes", ball_floor_glutes,
     "Sitting on the floor leaning onto one buttock with a small ball under it, knees bent and hands behind for "
     "support; the buttock is highlighted."),
    ("hand-kneading-lower-back", "Kneading the lower back by hand", hand_kneading_lower_back,
     "Standing, seen from behind, with hands on the hips and thumbs pressing the muscles either side of the "
     "lower spine; those lower back muscles are highlighted."),
    ("hand-circles-buttock", "Hand circles on the buttock", hand_circles_buttock,
     "Standing, with one hand making small circles on the side of the buttock and hip, shown by a circular "
     "arrow; the buttock and hip are highlighted."),
    ("ql-self-massage", "Quadratus lumborum self-massage", ql_self_massage,
     "Standing, seen from behind, with one hand on the waist and the thumb pressing into the side of the lower "
     "back between the lowest rib and the hip bone; that flank area is highlighted."),
    ("piriformis-stretch", "Piriformis stretch", piriformis_stretch,
     "Lying on the back with one ankle crossed over the other knee in a figure 4 and the hands pulling the lower "
     "thigh towards the chest; the buttock is highlighted."),
    ("seated-figure-four", "Seated figure-four stretch", seated_figure_four,
     "Sitting on a chair with one ankle resting on the opposite knee, leaning forward with a straight back; the "
     "buttock is highlighted."),
    ("knee-to-chest", "Knee-to-chest stretch", knee_to_chest,
     "Lying on the back, drawing one knee towards the chest with both hands while the other knee is bent with "
     "the foot on the floor; the lower back and buttock are highlighted."),
    ("seated-forward-bend", "Seated hamstring stretch", seated_forward_bend,
     "Sitting at the front edge of a chair with one leg straight, heel on the floor and toes up, hinging forward "
     "with a long back and hands on the bent thigh; the back of the straight thigh is highlighted."),
    ("cat-cow", "Cat-cow", cat_cow,
     "On hands and knees with the back rounded upwards in the cat position, with a dashed line showing the "
     "arched cow back; the lower back is highlighted."),
    ("pelvic-tilt", "Pelvic tilt", pelvic_tilt,
     "Lying on the back with knees bent and feet flat, tilting the pelvis, shown by an arrow, to flatten the "
     "lower back onto the floor; the lower back is highlighted."),
    ("sciatic-nerve-glide", "Sciatic nerve glide", sciatic_nerve_glide,
     "Sitting on a chair, straightening one knee with the ankle flexed while tilting the head back, with arrows "
     "showing knee and neck moving together; the nerve path down the back of the leg is highlighted."),
    ("childs-pose", "Child's pose", childs_pose,
     "Kneeling with the bottom towards the heels, arms reaching forward on the floor and forehead towards the "
     "floor; the lower back is highlighted."),
    ("prone-press-up", "Prone press-up", prone_press_up,
     "Lying face down and pressing the chest up on the hands with the hips on the floor and the back gently "
     "arched; the lower back is highlighted."),
    ("rest-calves-on-chair", "Resting on the back with calves on a chair", rest_calves_on_chair,
     "Lying on the back on the floor with hips and knees bent at about right angles and both calves resting "
     "along the seat of a chair, arms by the sides; the lower back is highlighted."),
    ("rest-side-lying-pillow", "Resting on the side with a pillow between the knees", rest_side_lying_pillow,
     "Lying on one side, seen from the front, with the head on a cushion, knees bent and stacked, and a pillow "
     "between the knees keeping the top knee level with the hip; the lower back is highlighted."),
]


def esc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render(title, desc, parts):
    # centre the drawing horizontally; the floor line stays put
    dx = round(W / 2 - (min(BOX) + max(BOX)) / 2)
    if min(BOX) + dx < 12 or max(BOX) + dx > W - 12 or min(TOPS) < 10:
        WARNINGS.append(f"close to the edge: x {min(BOX) + dx:.0f}..{max(BOX) + dx:.0f}, top {min(TOPS):.0f}")
    body = floor() + f'<g transform="translate({dx})">' + "".join(parts) + "</g>"
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 320 220" role="img" aria-labelledby="t d">'
        f'<title id="t">{esc(title)}</title><desc id="d">{esc(desc)}</desc>'
        f"<style>{STYLE}</style>"
        '<g fill="none" stroke-linecap="round" stroke-linejoin="round">'
        f"{body}</g></svg>\n"
    )


def main(argv):
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    only = set(argv[1:])
    largest = 0
    for slug, title, fn, desc in TECHNIQUES:
        if only and slug not in only:
            continue
        WARNINGS.clear()
        BOX.clear()
        TOPS.clear()
        svg = render(title, desc, fn())
        path = OUT_DIR / f"{slug}.svg"
        path.write_text(svg, encoding="utf-8")
        gz = len(gzip.compress(svg.encode("utf-8"), 9))
        largest = max(largest, gz)
        note = ("  WARN " + "; ".join(WARNINGS)) if WARNINGS else ""
        print(f"{slug:28s} {len(svg):6d} B  {gz:5d} B gz{note}")
    print(f"largest gzipped: {largest} B")


if __name__ == "__main__":
    main(sys.argv)
