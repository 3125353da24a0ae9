"""Every card's illustration (issue #11): one generator and style, two poses, accessible, small,
dark mode, reduced motion, the drawn side, captions tied to real steps, and a deterministic build."""

import gzip
import importlib.util
import re
import tomllib
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CARDS = sorted(p.stem for p in (ROOT / "content" / "techniques").glob("*.toml"))
SVG = "{http://www.w3.org/2000/svg}"
BUDGET = 3 * 1024  # gzipped, both poses and the animation included


def svg_path(slug):
    return ROOT / "static" / "img" / "techniques" / f"{slug}.svg"


def card(slug):
    return tomllib.loads((ROOT / "content" / "techniques" / f"{slug}.toml").read_text(encoding="utf-8"))


def generator():
    spec = importlib.util.spec_from_file_location("draw_illustrations", ROOT / "tools" / "draw_illustrations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("slug", CARDS)
def test_illustration(slug):
    data = svg_path(slug).read_bytes()
    assert len(gzip.compress(data, 9)) <= BUDGET
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert re.fullmatch(r"0 0 \d+ \d+", root.get("viewBox")), "fitted to the figure, from 0 0"
    assert root.get("width") is None and root.get("height") is None, "sized by the page"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text.strip()
    assert "Start" in desc.text and "Finish" in desc.text, "the description covers both poses"
    text = data.decode()
    assert "prefers-color-scheme:dark" in text and "prefers-reduced-motion:reduce" in text
    assert "@keyframes" in text
    assert not re.search(r"<script|<image|<text|<foreignObject|href=\"http|@import|<animate", text)
    # Two complete poses: each with the floor, a head and an arrow for the movement.
    stage = root.find(f"{SVG}g[@id='k']")
    poses = [g.get("class") for g in stage.findall(f"{SVG}g")]
    assert poses == ["p1", "p2"]
    for pose in stage.findall(f"{SVG}g"):
        classes = [el.get("class") for el in pose.iter()]
        assert "gr" in classes and "n" in classes and "ar" in classes
        assert "hl" in classes or "nv" in classes, "the target area is marked"


@pytest.mark.parametrize("slug", CARDS)
def test_massage_cards_mark_the_nerve_as_no_go(slug):
    text = svg_path(slug).read_text(encoding="utf-8")
    # Where the hands, a ball or the roller work on the buttock, the nerve's path is close by.
    if card(slug)["kind"] == "massage" and "buttock" in card(slug)["target_areas"]:
        assert 'class="ng"' in text, "the sciatic nerve's path hatched as no-go"


@pytest.mark.parametrize("slug", CARDS)
def test_two_sided_cards_say_which_side_is_drawn(slug):
    side = ET.parse(svg_path(slug)).getroot().get("data-side")
    assert side == ("right" if card(slug)["dosing"]["per_side"] else None)


def test_one_style_for_all():
    styles = {ET.parse(svg_path(s)).getroot().find(f"{SVG}style").text for s in CARDS}
    assert len(styles) == 1, "illustrations differ in style: regenerate with tools/draw_illustrations.py"


def test_every_illustration_belongs_to_a_card():
    files = {p.stem for p in (ROOT / "static" / "img" / "techniques").glob("*.svg")}
    assert files == set(CARDS) == {t[0] for t in generator().TECHNIQUES}


def test_the_generator_is_deterministic_and_the_files_are_current():
    first, second = generator().build(), generator().build()
    assert first == second
    for slug, svg in first.items():
        assert svg_path(slug).read_text(encoding="utf-8") == svg, f"{slug}: re-run tools/draw_illustrations.py"


def test_pose_captions_point_at_real_steps():
    template = (ROOT / "templates" / "library" / "detail.html").read_text(encoding="utf-8")
    pairs = dict(re.findall(r'"([a-z-]+)": \((\d+, \d+)\)', template))
    assert set(pairs) == set(CARDS)
    for slug, pair in pairs.items():
        start, finish = (int(n) for n in pair.split(", "))
        assert 1 <= start < finish <= len(card(slug)["steps"]), slug


def test_card_page_captions_and_thumbnails(client, content_app):
    html = client.get("/techniques/piriformis-stretch").get_data(as_text=True)
    assert 'href="#step-2"' in html and "1</span> Start" in html and 'id="step-4"' in html
    assert "2</span> Finish" in html and "shows your <strong>right</strong> side" in html
    assert '#k" alt=""' in client.get("/techniques/").get_data(as_text=True)
