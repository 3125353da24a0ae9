"""Every card's illustration: one shared style, accessible, small, and right in dark mode."""

import gzip
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CARDS = sorted(p.stem for p in (ROOT / "content" / "techniques").glob("*.toml"))
SVG = "{http://www.w3.org/2000/svg}"


def svg_path(slug):
    return ROOT / "static" / "img" / "techniques" / f"{slug}.svg"


def style_of(slug):
    return ET.parse(svg_path(slug)).getroot().find(f"{SVG}style").text


@pytest.mark.parametrize("slug", CARDS)
def test_illustration(slug):
    data = svg_path(slug).read_bytes()
    assert len(gzip.compress(data, 9)) <= 8 * 1024
    root = ET.fromstring(data)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img" and root.get("viewBox") == "0 0 320 220"
    assert root.get("width") is None and root.get("height") is None, "sized by the page"
    title, desc = root.find(f"{SVG}title"), root.find(f"{SVG}desc")
    assert title is not None and title.text.strip()
    assert desc is not None and len(desc.text.strip()) > 20
    text = data.decode()
    assert "prefers-color-scheme: dark" in text or "prefers-color-scheme:dark" in text
    assert not re.search(r"<script|<image|<foreignObject|href=\"http|xlink:href=\"http|@import", text)


def test_one_style_for_all():
    """The same stylesheet (palette and line weights) in every drawing."""
    styles = {slug: style_of(slug) for slug in CARDS}
    assert len(set(styles.values())) == 1, "illustrations differ in style: regenerate with tools/draw_illustrations.py"


def test_every_illustration_belongs_to_a_card():
    files = {p.stem for p in (ROOT / "static" / "img" / "techniques").glob("*.svg")}
    assert files == set(CARDS)
