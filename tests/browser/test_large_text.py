"""Large text and small phones (WCAG 1.4.4 and 1.4.10): many people in pain set their phone's text
size up. At 150% and 200% text on a 390x844 phone, and at normal text on 360x640 and 320x568 ones, no page
scrolls sideways, no control is cut off at the screen's edge, the player's controls and pain
answers wrap into rows instead, and each answer stays at least 24 px wide (WCAG 2.5.8). Also: "A
new version is ready" never covers a routine in progress; it waits for the routine's end."""

import itertools

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import pass_safety_check, phone, screenshot, wait_for_service_worker

# Text size set on the phone, as Android's font scaling does to a page's rem sizes. Through the
# CSSOM, which the app's Content-Security-Policy allows (a <style> tag would be refused).
# Run before the page's own markup exists, so it waits for the root element.
TEXT_SIZE = """(size) => {
  const apply = () => { document.documentElement.style.fontSize = size; };
  if (document.documentElement) { apply(); return; }
  const observer = new MutationObserver(() => { if (document.documentElement) { observer.disconnect(); apply(); } });
  observer.observe(document, { childList: true });
}"""

SIZES = [
    pytest.param({"width": 390, "height": 844}, "150%", id="390-text150"),
    pytest.param({"width": 390, "height": 844}, "200%", id="390-text200"),
    pytest.param({"width": 360, "height": 640}, "100%", id="360-text100"),
    pytest.param({"width": 320, "height": 568}, "100%", id="320-text100"),
]

PAGES = [
    "/",
    "/welcome",
    "/safety/",
    "/routines/",
    "/routines/new",
    "/history",
    "/techniques/",
    "/techniques/cat-cow",
    "/log/",
    "/log/new",
    "/log/treatments",
    "/log/function",
    "/insights/",
    "/insights/summary",
    "/reminders/",
    "/settings",
    "/learn/",
    "/account/signup",
]

OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const out = [];
  for (const node of document.querySelectorAll('main *, .tabbar *')) {
    const box = node.getBoundingClientRect();
    if (!box.width || !box.height || node.closest('[hidden], details:not([open]) > :not(summary)')) continue;
    if (box.right > width + 1 || box.left < -1) out.push(`${node.tagName.toLowerCase()}#${node.id}.${node.className} ${Math.round(box.left)}..${Math.round(box.right)}`);
  }
  return { scroll: document.documentElement.scrollWidth, width, out: out.slice(0, 8) };
}"""


def phone_with_text(browser, viewport, size, scheme="light"):
    context, page = phone(browser, scheme=scheme, viewport=viewport)
    context.add_init_script(script=f"({TEXT_SIZE})({size!r})")
    return context, page


def assert_fits(page, where):
    found = page.evaluate(OVERFLOW)
    assert found["scroll"] <= found["width"] and not found["out"], f"{where}: {found}"


@pytest.mark.parametrize(("viewport", "size"), SIZES)
def test_pages_fit_the_width_with_large_text(browser, live_server, viewport, size):
    context, page = phone_with_text(browser, viewport, size)
    try:
        page.goto(live_server + "/")
        pass_safety_check(page)
        for path in PAGES:
            page.goto(live_server + path)
            page.wait_for_load_state("networkidle")
            assert_fits(page, path)
        # The tab bar's labels stay apart: none runs into the next.
        boxes = [tab.bounding_box() for tab in page.locator(".tabbar a span").all() if tab.is_visible()]
        if boxes:
            assert all(a["x"] + a["width"] <= b["x"] + 0.5 for a, b in itertools.pairwise(boxes)), boxes
        assert context.console.errors == []
    finally:
        context.close()


@pytest.mark.parametrize(("viewport", "size"), SIZES)
def test_player_controls_and_pain_answers_wrap_instead_of_running_off(browser, live_server, viewport, size):
    for scheme in ("light", "dark"):
        context, page = phone_with_text(browser, viewport, size, scheme)
        try:
            page.clock.install()
            page.goto(live_server + "/")
            pass_safety_check(page)
            page.goto(live_server + "/play?routine=desk-break")
            expect(page.locator("#player-run")).to_be_visible()
            page.clock.run_for(12_500)  # past "Get ready": the first step, with "Pain right now?"
            expect(page.locator("#pain-before")).to_be_visible()
            assert_fits(page, "player, first step")
            answers = page.locator("#pain-before .scale span")
            expect(answers).to_have_count(11)
            for answer in answers.all():
                box = answer.bounding_box()
                assert box["width"] >= 24 and box["height"] >= 44, box
            page.locator("#pause-button").click()
            expect(page.locator("#pause-button")).to_have_text("Resume")
            assert_fits(page, "player, paused")
            for selector in ("#back-button", "#pause-button", "#skip-button", "#worse-button", "#end-button"):
                box = page.locator(selector).bounding_box()
                assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"], (selector, box)
            page.evaluate("window.scrollTo(0, 0)")
            screenshot(page, f"large-text-player-paused-{viewport['width']}-{size.rstrip('%')}-{scheme}")
            page.locator("#pause-button").scroll_into_view_if_needed()
            screenshot(page, f"large-text-player-{viewport['width']}-{size.rstrip('%')}-{scheme}")
            assert context.console.errors == []
        finally:
            context.close()


def test_a_new_version_waits_for_the_end_of_the_routine(context, page, live_server, live_app):
    page.goto(live_server + "/")
    wait_for_service_worker(page)
    pass_safety_check(page)
    page.goto(live_server + "/play?routine=desk-break")
    expect(page.locator("#player-run")).to_be_visible()
    before = live_app.config.get("CLINIC_NAME")
    try:
        live_app.config.update(CLINIC_NAME="Calm Clinic")  # a new version of what pages are built from
        page.evaluate("""async () => {
          const registration = await navigator.serviceWorker.getRegistration();
          await registration.update();
          const worker = registration.installing || registration.waiting;
          if (worker && worker.state !== 'installed') {
            await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'installed' && resolve()));
          }
        }""")
        page.wait_for_timeout(300)
        assert page.locator("#update-toast").is_hidden(), "offered over a routine in progress"
        page.locator("#end-button").click()
        page.locator("#end-button").click()  # "Tap again to end"
        expect(page.locator("#player-done")).to_be_visible()
        expect(page.locator("#update-toast")).to_be_visible()
    finally:
        live_app.config.update(CLINIC_NAME=before)
    assert context.console.errors == []
