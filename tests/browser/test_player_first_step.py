"""The player's first screen at 390x844 (a phone held in one hand, the person on the floor): with
the optional "Pain right now?" row showing, the step, its main control, "This made it worse" and
"End routine" are all on screen without scrolling, in flare mode too, and the row's answers stay
at least 48 px tall. Photographed light and dark."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, pass_safety_check, phone, screenshot

# Its first step counts reps (the sciatic nerve glide), the longest first screen of the built-ins.
ROUTINE = "desk-break"


def on_screen(page, selector):
    box = page.locator(selector).bounding_box()
    assert box is not None, f"{selector} is not shown"
    assert box["y"] >= 0 and box["y"] + box["height"] <= PHONE["height"], f"{selector} is off screen: {box}"


@pytest.mark.parametrize(("scheme", "flare"), [("light", False), ("dark", False), ("light", True), ("dark", True)])
def test_first_step_fits_with_the_pain_row(browser, live_server, scheme, flare):
    context, page = phone(browser, scheme=scheme)
    try:
        page.clock.install()
        page.goto(live_server + "/")
        pass_safety_check(page)
        page.goto(f"{live_server}/play?routine={ROUTINE}" + ("&flare=1" if flare else ""))
        expect(page.locator("#player-run")).to_be_visible()
        expect(page.locator("#phase")).to_contain_text("Get ready")
        expect(page.locator("#pain-before")).to_be_visible()
        for selector in ("#clock", "#pause-button", "#end-button"):
            on_screen(page, selector)

        # Get-ready over (12 s to a chair from standing; twice that in a flare): the first step,
        # which counts reps.
        page.clock.run_for(24_500 if flare else 12_500)
        expect(page.locator("#rep-count")).to_be_visible()
        expect(page.locator("#pain-before")).to_be_visible()
        for selector in ("#step-name", "#rep-button", "#pause-button", "#worse-button", "#end-button"):
            on_screen(page, selector)
        answers = page.locator("#pain-before .scale span")
        expect(answers).to_have_count(11)
        assert min(a.bounding_box()["height"] for a in answers.all()) >= 48
        assert page.evaluate("() => document.scrollingElement.scrollTop") == 0
        screenshot(page, f"player-first-step{'-flare' if flare else ''}-{scheme}")

        # Once the row has been answered it goes with the first step, and the drawing is full size again.
        page.locator("#pain-before").get_by_role("radio", name="3", exact=True).check()
        small = page.locator("#step-image").bounding_box()["height"]
        page.locator("#skip-button").click()
        expect(page.locator("#pain-before")).to_be_hidden()
        assert page.locator("#step-image").bounding_box()["height"] > small
        assert context.console.errors == []
    finally:
        context.close()
