#!/usr/bin/env python3
"""Render docs/img/illustrations-{light,dark}.png: for every card, the start and finish side by side
(what a person with reduced motion sees: the file's own reduced-motion rules), the moving figure at
card size caught at three moments (start, half way through the move, finish), and the list
thumbnail (`#k`, the finish, still). Needs the dev venv (Playwright) and Chromium at
/usr/bin/chromium. Run: `.venv/bin/python tools/contact_sheet.py`."""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
PICS = ROOT / "static" / "img" / "techniques"
OUT = ROOT / "docs" / "img"
# Half way through the move from the start to the finish, per pace (tools/draw_illustrations.py KEYS).
MID = {"gl": 0.275, "rl2": 0.25, "hd": 0.165}

# In each frame: the reduced-motion layout applied directly ("both"), or the animation paused at a moment.
SETUP = r"""() => {
  for (const frame of document.querySelectorAll('iframe')) {
    const doc = frame.contentDocument;
    if (frame.dataset.at === 'both') {
      const css = doc.querySelector('style').textContent;
      const rules = css.match(/@media \(prefers-reduced-motion:reduce\)\{(.*?\})\}/)[1];
      const style = doc.createElementNS('http://www.w3.org/2000/svg', 'style');
      style.textContent = rules;
      doc.documentElement.appendChild(style);
      continue;
    }
    const pace = doc.getElementById('k').getAttribute('class');
    const at = { start: 0, finish: 0.5, mid: JSON.parse(frame.dataset.mid)[pace] }[frame.dataset.at];
    for (const a of doc.getAnimations()) { a.pause(); a.currentTime = at * a.effect.getComputedTiming().duration; }
  }
}"""


def page_html(dark):
    bg, fg, surface = ("#15191e", "#e6edf3", "#1e252d") if dark else ("#ffffff", "#1b2733", "#f3f6f8")
    rows = []
    mid = str(MID).replace("'", "&quot;")
    for svg in sorted(PICS.glob("*.svg")):
        url = svg.as_uri()
        frames = "".join(
            f'<div class="frame"><iframe src="{url}" data-at="{at}" data-mid="{mid}"></iframe></div>'
            for at in ("start", "mid", "finish")
        )
        rows.append(
            f'<div class="row"><div class="name">{svg.stem}</div>'
            f'<div class="frame both"><iframe src="{url}" data-at="both"></iframe></div>{frames}'
            f'<div class="thumb"><img src="{url}#k"></div></div>'
        )
    return f"""<!doctype html><meta name="color-scheme" content="{"dark" if dark else "light"}"><style>
    body{{margin:8px;font:13px system-ui;background:{bg};color:{fg}}}
    iframe{{border:0;width:100%;height:100%;color-scheme:light}}
    .row{{display:grid;grid-template-columns:92px 260px repeat(3,178px) 110px;gap:6px;align-items:center}}
    .row{{margin-bottom:6px}}
    .frame{{background:{surface};border-radius:8px;height:100px;display:flex}}
    .thumb{{background:{surface};border-radius:8px;width:110px;height:76px;display:flex}}
    .thumb img{{width:100%;height:100%;object-fit:contain}}
    .name{{font-weight:600;word-break:break-word}}
    h1{{font-size:15px}}</style>
    <h1>1 Start + 2 Finish (reduced motion) · moving at card size: start, half way, finish · list thumbnail</h1>
    {"".join(rows)}"""


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        # The sheet reaches into its file:// frames to pause their animations.
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--allow-file-access-from-files"])
        for dark in (False, True):
            ctx = browser.new_context(
                viewport={"width": 1080, "height": 800},
                device_scale_factor=1,
                color_scheme="dark" if dark else "light",
            )
            page = ctx.new_page()
            tmp = OUT / "_sheet.html"
            tmp.write_text(page_html(dark), encoding="utf-8")
            page.goto(tmp.as_uri())
            page.wait_for_timeout(800)
            page.evaluate(SETUP)
            page.wait_for_timeout(300)
            page.screenshot(path=str(OUT / f"illustrations-{'dark' if dark else 'light'}.png"), full_page=True)
            tmp.unlink()
            ctx.close()
        browser.close()


if __name__ == "__main__":
    sys.exit(main())
