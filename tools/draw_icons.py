#!/usr/bin/env python3
"""Generate Relieve's app icons in static/icons/ from one shared design.

The icon is defined once here as geometry (a teal rounded square with a soft
white curved stem, like a gently curving spine or nerve, sprouting two
leaves), and every output is produced from that geometry: icon.svg (the
master, also the favicon), icon-192.png and icon-512.png (rounded square on a
transparent background), maskable-512.png (full-bleed teal with the motif
inside the central 80% safe zone), apple-touch-icon.png (180x180, opaque),
and the 96x96 shortcut icons shortcut-library.png (stacked cards),
shortcut-learn.png (light bulb), shortcut-routines.png (play button) and
shortcut-flare.png (heart with a pulse) and shortcut-log.png (a notepad with a tick) in the same
palette. Generating them all from one script keeps them consistent and lets the design be changed in one place.
PNGs are drawn at 4x and downsampled for anti-aliasing, then palette-
quantised to stay small. Re-run from the repo root with
`python3 tools/draw_icons.py`; it needs Pillow (e.g. `python3 -m venv
/tmp/iconvenv && /tmp/iconvenv/bin/pip install pillow`, then run the script
with /tmp/iconvenv/bin/python). The app itself only serves the committed
files and does not need Pillow.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

try:
    from PIL import Image, ImageDraw
except ImportError:  # pragma: no cover - tool-time dependency only
    sys.exit("draw_icons.py needs Pillow: pip install pillow (a throwaway venv is fine)")

OUT_DIR = Path(__file__).resolve().parent.parent / "static" / "icons"

TEAL = "#2f7a64"
WHITE = "#ffffff"
LEAF = "#cfeee2"  # soft mint white for the leaves
SS = 4  # supersampling factor

# --- the design, in a 512 x 512 space ---------------------------------------
SIZE = 512
CORNER = 112  # corner radius of the rounded square
STEM_W = 34
# the stem: two cubic Bezier segments, bottom to top, a gentle S
STEM = [
    ((214, 414), (172, 344), (318, 306), (284, 214)),
    ((284, 214), (268, 170), (236, 150), (240, 104)),
]
# leaves: (base, control on one side, tip, control on the other side) as two
# quadratic curves base->tip and tip->base
LEAVES = [
    ((290, 236), (382, 250), (392, 150), (318, 160)),  # right, larger
    ((236, 322), (156, 332), (140, 250), (206, 262)),  # left, smaller
]


def cubic(p0, p1, p2, p3, t):
    u = 1 - t
    return tuple(
        u**3 * a + 3 * u * u * t * b + 3 * u * t * t * c + t**3 * d for a, b, c, d in zip(p0, p1, p2, p3, strict=True)
    )


def quad(p0, p1, p2, t):
    u = 1 - t
    return tuple(u * u * a + 2 * u * t * b + t * t * c for a, b, c in zip(p0, p1, p2, strict=True))


def stem_points(n=240):
    pts = []
    for seg in STEM:
        pts.extend(cubic(*seg, i / n) for i in range(n + 1))
    return pts


def leaf_points(leaf, n=48):
    base, c1, tip, c2 = leaf
    return [quad(base, c1, tip, i / n) for i in range(n + 1)] + [quad(tip, c2, base, i / n) for i in range(1, n)]


def fmt(v):
    r = round(v, 1)
    return str(int(r)) if r == int(r) else str(r)


def p2s(p):
    return f"{fmt(p[0])} {fmt(p[1])}"


def motif_svg():
    d = "M" + p2s(STEM[0][0])
    for _, c1, c2, end in STEM:
        d += "C" + " ".join(p2s(p) for p in (c1, c2, end))
    leaves = "".join(f'<path d="M{p2s(b)}Q{p2s(c1)} {p2s(t)}Q{p2s(c2)} {p2s(b)}Z"/>' for b, c1, t, c2 in LEAVES)
    return (
        f'<g fill="{LEAF}">{leaves}</g>'
        f'<path d="{d}" fill="none" stroke="{WHITE}" stroke-width="{STEM_W}" stroke-linecap="round"/>'
    )


def write_svg():
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {SIZE} {SIZE}">'
        f'<rect width="{SIZE}" height="{SIZE}" rx="{CORNER}" fill="{TEAL}"/>'
        f"{motif_svg()}</svg>\n"
    )
    (OUT_DIR / "icon.svg").write_text(svg, encoding="utf-8")


# --- raster drawing ------------------------------------------------------------
def thick_line(draw, pts, width, fill):
    """A round-capped, round-joined stroke: discs stamped densely along the
    polyline (cleaner than ImageDraw.line joints on a finely sampled curve)."""
    r = width / 2
    step = max(1.0, r / 6)
    dense = [pts[0]]
    for (x0, y0), (x1, y1) in itertools.pairwise(pts):
        n = max(1, int(((x1 - x0) ** 2 + (y1 - y0) ** 2) ** 0.5 / step))
        dense.extend((x0 + (x1 - x0) * i / n, y0 + (y1 - y0) * i / n) for i in range(1, n + 1))
    for x, y in dense:
        draw.ellipse((x - r, y - r, x + r, y + r), fill=fill)


def draw_motif(draw, scale, dx=0.0, dy=0.0):
    def tr(p):
        return (p[0] * scale + dx, p[1] * scale + dy)

    for leaf in LEAVES:
        draw.polygon([tr(p) for p in leaf_points(leaf)], fill=LEAF)
    thick_line(draw, [tr(p) for p in stem_points()], STEM_W * scale, WHITE)


def finish(img, size, opaque=False):
    img = img.resize((size, size), Image.LANCZOS)
    if opaque:
        return img.convert("RGB").quantize(colors=64, method=Image.Quantize.MEDIANCUT)
    return img.quantize(colors=64, method=Image.Quantize.FASTOCTREE)


def app_icon(size):
    """Rounded square on transparent background, as in icon.svg."""
    big = size * SS
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    k = big / SIZE
    d.rounded_rectangle((0, 0, big - 1, big - 1), radius=CORNER * k, fill=TEAL)
    draw_motif(d, k)
    return finish(img, size)


def motif_radius():
    """Farthest reach of the motif from the centre, in the 512 space."""
    c = SIZE / 2
    far = max(((x - c) ** 2 + (y - c) ** 2) ** 0.5 + STEM_W / 2 for x, y in stem_points(40))
    for leaf in LEAVES:
        far = max(far, max(((x - c) ** 2 + (y - c) ** 2) ** 0.5 for x, y in leaf_points(leaf, 20)))
    return far


def full_bleed(size, scale=1.0):
    """Full-bleed teal square, motif centred; for maskable icons it must stay
    inside the safe zone, a centred circle of radius 40% of the size."""
    reach = motif_radius() * scale / SIZE
    assert reach <= 0.4, f"motif reaches {reach:.2f} of the size, outside the maskable safe zone"
    big = size * SS
    img = Image.new("RGBA", (big, big), TEAL)
    d = ImageDraw.Draw(img)
    k = big / SIZE * scale
    off = (big - SIZE * k) / 2
    draw_motif(d, k, off, off)
    return finish(img, size, opaque=True)


def shortcut(kind, size=96):
    big = size * SS
    img = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    k = big / 96
    d.rounded_rectangle((0, 0, big - 1, big - 1), radius=22 * k, fill=TEAL)
    w = 6 * k
    if kind == "library":
        # two stacked cards, the front one with text lines
        d.rounded_rectangle((30 * k, 20 * k, 70 * k, 66 * k), radius=6 * k, outline=LEAF, width=round(w))
        d.rounded_rectangle((24 * k, 28 * k, 64 * k, 76 * k), radius=6 * k, fill=TEAL)
        d.rounded_rectangle((24 * k, 28 * k, 64 * k, 76 * k), radius=6 * k, outline=WHITE, width=round(w))
        for y, x2 in ((42, 54), (52, 54), (62, 46)):
            thick_line(d, [(34 * k, y * k), (x2 * k, y * k)], 5 * k, WHITE)
    elif kind == "routines":
        # a play button in a ring: start a guided routine
        d.ellipse((20 * k, 20 * k, 76 * k, 76 * k), outline=WHITE, width=round(w))
        d.polygon([(41 * k, 34 * k), (41 * k, 62 * k), (63 * k, 48 * k)], fill=LEAF)
    elif kind == "flare":
        # a soft heart with a pulse line: gentle help on a bad day
        d.ellipse((22 * k, 24 * k, 50 * k, 52 * k), fill=LEAF)
        d.ellipse((46 * k, 24 * k, 74 * k, 52 * k), fill=LEAF)
        d.polygon([(23 * k, 43 * k), (73 * k, 43 * k), (48 * k, 74 * k)], fill=LEAF)
        thick_line(
            d,
            [
                (26 * k, 46 * k),
                (38 * k, 46 * k),
                (43 * k, 36 * k),
                (50 * k, 56 * k),
                (55 * k, 46 * k),
                (70 * k, 46 * k),
            ],
            5 * k,
            TEAL,
        )
    elif kind == "log":
        # a notepad with lines and a tick: log how you feel
        d.rounded_rectangle((26 * k, 18 * k, 70 * k, 78 * k), radius=6 * k, outline=WHITE, width=round(w))
        for y, x2 in ((34, 58), (46, 58)):
            thick_line(d, [(36 * k, y * k), (x2 * k, y * k)], 5 * k, WHITE)
        thick_line(d, [(36 * k, 62 * k), (44 * k, 69 * k), (60 * k, 54 * k)], 7 * k, LEAF)
    else:
        # light bulb: glowing glass, neck and base lines, a small shine
        cx, cy, r = 48 * k, 40 * k, 19 * k
        d.ellipse((cx - r, cy - r, cx + r, cy + r), fill=LEAF, outline=WHITE, width=round(w))
        d.rectangle((38 * k, 54 * k, 58 * k, 62 * k), fill=TEAL)
        d.polygon([(40 * k, 53 * k), (56 * k, 53 * k), (55 * k, 62 * k), (41 * k, 62 * k)], fill=LEAF)
        thick_line(d, [(39 * k, 52 * k), (41 * k, 62 * k)], w, WHITE)
        thick_line(d, [(57 * k, 52 * k), (55 * k, 62 * k)], w, WHITE)
        thick_line(d, [(40 * k, 64 * k), (56 * k, 64 * k)], w, WHITE)
        thick_line(d, [(42 * k, 73 * k), (54 * k, 73 * k)], w, WHITE)
        d.arc((cx - 12 * k, cy - 12 * k, cx + 12 * k, cy + 12 * k), 200, 250, fill=WHITE, width=round(4 * k))
    return finish(img, size)


def save(img, name):
    path = OUT_DIR / name
    img.save(path, optimize=True)
    print(f"{name:24s} {img.size[0]}x{img.size[1]}  {path.stat().st_size:6d} B")


def main():
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_svg()
    print(f"{'icon.svg':24s} {(OUT_DIR / 'icon.svg').stat().st_size:6d} B")
    save(app_icon(192), "icon-192.png")
    save(app_icon(512), "icon-512.png")
    save(full_bleed(512), "maskable-512.png")
    save(full_bleed(180), "apple-touch-icon.png")
    print(f"motif reaches {motif_radius() / SIZE:.2f} of the size from the centre (maskable limit 0.40)")
    save(shortcut("library"), "shortcut-library.png")
    save(shortcut("learn"), "shortcut-learn.png")
    save(shortcut("routines"), "shortcut-routines.png")
    save(shortcut("flare"), "shortcut-flare.png")
    save(shortcut("log"), "shortcut-log.png")


if __name__ == "__main__":
    main()
