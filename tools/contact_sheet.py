#!/usr/bin/env python3
"""Render docs/img/illustrations-{light,dark}.png: every card's start and finish side by side at card
size (the file as a document under reduced motion, which lays the two poses out still), the animated
frame as a card page shows it (<img>, caught mid-cycle), and the list thumbnail (`#k`, the finish). Needs the dev venv
(Playwright) and Chromium at /usr/bin/chromium. Run: `.venv/bin/python tools/contact_sheet.py`."""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PICS = ROOT / "static" / "img" / "techniques"
OUT = ROOT / "docs" / "img"


def page_html(dark):
    bg, fg, surface = ("#15191e", "#e6edf3", "#1e252d") if dark else ("#ffffff", "#1b2733", "#f3f6f8")
    rows = []
    for svg in sorted(PICS.glob("*.svg")):
        url = svg.as_uri()
        rows.append(
            f'<div class="row"><div class="name">{svg.stem}</div>'
            f'<div class="frame both"><iframe src="{url}" loading="eager"></iframe></div>'
            f'<div class="frame"><img src="{url}"></div>'
            f'<div class="thumb"><img src="{url}#k"></div></div>'
        )
    return f"""<!doctype html><meta name="color-scheme" content="{"dark" if dark else "light"}"><style>
    body{{margin:8px;font:13px system-ui;background:{bg};color:{fg}}}
    iframe{{border:0;width:100%;height:100%;color-scheme:light}}
    .row{{display:grid;grid-template-columns:100px 340px 150px 110px;gap:6px;align-items:center;margin-bottom:6px}}
    .frame{{background:{surface};border-radius:8px;height:120px;display:flex}}
    .frame img{{width:100%;height:100%;object-fit:contain}}
    .thumb{{background:{surface};border-radius:8px;width:110px;height:76px;display:flex}}
    .thumb img{{width:100%;height:100%;object-fit:contain}}
    .name{{font-weight:600;word-break:break-word}}
    h1{{font-size:15px}}</style>
    <h1>1 Start + 2 Finish (reduced motion) · animated card frame · list thumbnail</h1>{"".join(rows)}"""


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        for dark in (False, True):
            ctx = browser.new_context(
                viewport={"width": 740, "height": 2700},
                device_scale_factor=1,
                color_scheme="dark" if dark else "light",
                reduced_motion="reduce",
            )
            page = ctx.new_page()
            tmp = OUT / "_sheet.html"
            tmp.write_text(page_html(dark), encoding="utf-8")
            page.goto(tmp.as_uri())
            page.wait_for_timeout(800)
            page.screenshot(path=str(OUT / f"illustrations-{'dark' if dark else 'light'}.png"), full_page=True)
            tmp.unlink()
            ctx.close()
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
