"""The technique drawings in Chromium (issue #11): the body moves by its joints from the start pose
onto the finish pose, reduced motion shows both poses side by side and still, the figure fills its
frame on every card page, list thumbnails show the finish pose still, and the player mirrors the
drawing (which shows the right side) for the left side."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, pass_safety_check, wait_for_service_worker

ROOT = Path(__file__).resolve().parents[2]
CARDS = sorted(p.stem for p in (ROOT / "content" / "techniques").glob("*.toml"))
FILL = 0.60  # issue #11 budget: the figure covers at least 60% of the frame's width or height

POSES = """() => [...document.querySelectorAll('.p1, .p2')].map((g) => {
  const s = getComputedStyle(g); const r = g.getBoundingClientRect();
  return { cls: g.getAttribute('class'), animation: s.animationName, opacity: s.opacity,
           left: r.left, right: r.right, width: r.width };
})"""


def svg_url(live_server, slug):
    return f"{live_server}/static/img/techniques/{slug}.svg"


# Pause every animation half way through its cycle, where all three paces hold the finish pose, and
# compare the moving start pose with the still finish pose shape by shape (the near limbs and head).
AT_FINISH = """() => {
  for (const a of document.getAnimations()) { a.pause(); a.currentTime = a.effect.getComputedTiming().duration / 2; }
  const centre = (e) => { const r = e.getBoundingClientRect(); return [(r.left + r.right) / 2, (r.top + r.bottom) / 2]; };
  const moved = [...document.querySelectorAll('.p1 .n')].map(centre);
  const still = [...document.querySelectorAll('.p2 .n')].map(centre);
  const turned = [...document.querySelectorAll('.p1 .j')].filter((g) => {
    const m = new DOMMatrix(getComputedStyle(g).transform); return Math.abs(m.b) > 0.01; }).length;
  const off = moved.length === still.length
    ? Math.max(...moved.map((p, i) => Math.hypot(p[0] - still[i][0], p[1] - still[i][1]))) : Infinity;
  return { off: off / innerWidth, turned };
}"""


@pytest.mark.parametrize("motion", ["no-preference", "reduce"])
def test_the_body_moves_or_both_poses_sit_side_by_side_still(browser, live_server, motion):
    # Opened as a document, a file gets the app's CSP (no inline style); as an <img>, as the app shows
    # it, it does not, so these direct looks bypass the CSP.
    context = browser.new_context(viewport={"width": 640, "height": 400}, reduced_motion=motion, bypass_csp=True)
    page = context.new_page()
    for slug in CARDS:
        page.goto(svg_url(live_server, slug))
        poses = page.evaluate(POSES)
        assert [p["cls"] for p in poses] == ["p1", "p2"], slug
        joints = page.evaluate(
            "() => [...document.querySelectorAll('.p1 .j')].map((g) => getComputedStyle(g).animationName)"
        )
        assert len(joints) >= 3, slug
        if motion == "reduce":
            assert set(joints) == {"none"}, slug
            assert all(p["opacity"] == "1" for p in poses), slug
            start, finish = poses
            assert start["right"] <= finish["left"] + 1, f"{slug}: the two poses overlap"
        else:
            # One figure moving: the start pose's joints animate (not a fade), the finish is hidden...
            assert "none" not in joints and poses[0]["opacity"] == "1" and poses[1]["opacity"] == "0", slug
            # ...and half way through the cycle its limbs have turned onto the finish pose.
            finish = page.evaluate(AT_FINISH)
            assert finish["turned"] >= 1, f"{slug}: no joint turns"
            assert finish["off"] < 0.02, f"{slug}: the moving figure misses the finish pose by {finish['off']:.1%}"
    context.close()


def test_thumbnail_fragment_shows_the_finish_still(browser, live_server, page):
    page.goto(live_server + "/techniques/")
    src = page.locator(".card-tile img").first.get_attribute("src")
    assert src.endswith("#k")
    look = browser.new_context(bypass_csp=True)
    svg = look.new_page()
    svg.goto(live_server + src)
    poses = {p["cls"]: p for p in svg.evaluate(POSES)}
    running = svg.evaluate("() => document.getAnimations().length")
    look.close()
    assert poses["p1"]["opacity"] == "0" and poses["p2"]["opacity"] == "1"
    assert running == 0, "the thumbnail is still"


def test_the_figure_fills_its_frame_on_every_card(browser, live_server, page):
    page.set_viewport_size(PHONE)
    measure = browser.new_context(bypass_csp=True)
    svg = measure.new_page()
    fills = {}
    for slug in CARDS:
        page.goto(f"{live_server}/techniques/{slug}")
        frame = page.locator("figure.illustration > img")
        expect(frame).to_be_visible()
        box = frame.bounding_box()
        expect(page.locator("#pose-captions")).to_contain_text("1 Start")
        expect(page.locator("#pose-captions")).to_contain_text("2 Finish")
        # The same file at the frame's rendered size: the figure group's box against the frame.
        svg.set_viewport_size({"width": round(box["width"]), "height": round(box["height"])})
        svg.goto(svg_url(live_server, slug))
        fig = svg.evaluate("""() => {
          const r = document.querySelector('.p2 > g').getBoundingClientRect();
          return { w: r.width / innerWidth, h: r.height / innerHeight };
        }""")
        fills[slug] = max(fig["w"], fig["h"])
    measure.close()
    low = {slug: round(f, 2) for slug, f in fills.items() if f < FILL}
    assert not low, f"figures filling less than {FILL:.0%} of their frame: {low}"


def test_the_player_mirrors_the_drawing_for_the_left_side(context, page, live_server):
    page.goto(live_server + "/")
    wait_for_service_worker(page)
    pass_safety_check(page)
    page.goto(live_server + "/play?routine=after-massage-stretches")
    # The set-up screen (if the player shows one) leads to the first step.
    page.wait_for_selector("#setup-name:visible, #player-run:visible")
    if page.locator("#setup-name").is_visible():
        page.get_by_role("button", name="Start").click()
    figure = page.locator(".step-figure")
    image = page.locator("#step-image")
    seen = set()
    for _ in range(12):
        page.wait_for_timeout(100)
        phase = page.locator("#phase").inner_text()
        side = figure.get_attribute("data-side")
        transform = image.evaluate("(img) => getComputedStyle(img).transform")
        label = figure.evaluate("(f) => getComputedStyle(f, '::after').content")
        if phase.startswith("Right side"):
            assert side == "right" and transform == "none" and label == '"Right"'
            seen.add("right")
        elif phase.startswith("Left side"):
            assert side == "left" and transform.startswith("matrix(-1, 0, 0, 1") and label == '"Left"'
            seen.add("left")
        if seen == {"left", "right"}:
            break
        page.locator("#skip-button").click()
    assert seen == {"left", "right"}
