"""The player as a coach (issue 12): one tap to a running routine, reps that run themselves,
"this made it worse" that acts at once, time to move between positions, focus mode, resume after
the phone killed the app, one technique from its card, progress in steps; axe and screenshots."""

import contextlib
import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, axe_page, pass_safety_check
from tests.browser.test_routines import clock_seconds, go_offline, install_clock


def start_from_routine_page(page, live_server, slug):
    page.goto(f"{live_server}/routines/{slug}")
    page.get_by_role("link", name="Start", exact=True).click()
    expect(page.locator("#player-run")).to_be_visible()


def skip_to(page, name):
    for _ in range(30):
        if page.locator("#step-name").inner_text() == name:
            return
        page.locator("#skip-button").click()
    raise AssertionError(f"never reached {name}")


def test_one_tap_from_a_routine_to_running_in_focus_mode(context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    start_from_routine_page(page, live_server, "after-massage-stretches")
    # No set-up page: get-ready has begun, and the person is asked about pain without being held up.
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    expect(page.locator("#pain-before")).to_be_visible()
    expect(page.locator("#progress-text")).to_have_text("Step 1 of 3")
    # Focus mode: the site header and tab bar give way, so a stray tap can't leave the routine.
    expect(page.locator("body")).to_have_class(re.compile("player-focus"))
    expect(page.locator("nav.tabbar")).to_be_hidden()
    expect(page.locator("header.site-header")).to_be_hidden()
    # Pausing says so clearly.
    page.get_by_role("button", name="Pause").click()
    expect(page.locator("#paused-banner")).to_be_visible()
    page.get_by_role("button", name="Resume").click()
    expect(page.locator("#paused-banner")).to_be_hidden()
    # How-to is one tap away, without leaving.
    page.locator("#how-to summary").click()
    expect(page.locator("#how-to-steps li").first).to_be_visible()
    assert page.locator("#how-to-steps li").count() >= 2
    expect(page).to_have_url(re.compile(r"/play\?routine=after-massage-stretches"))
    # Leaving needs End; the tab bar comes back on the end screen.
    page.get_by_role("button", name="End routine").click()
    page.get_by_role("button", name="Tap again to end").click()
    expect(page.locator("#done-heading")).to_have_text("Routine ended early")
    expect(page.locator("#done-summary")).to_have_text("0 of 3 steps done.")
    expect(page.locator("nav.tabbar")).to_be_visible()
    assert context.console.errors == []


def test_try_a_technique_now_and_its_reps_run_without_a_tap(context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    page.goto(live_server + "/play?technique=pelvic-tilt")
    expect(page.locator("#step-name")).to_have_text("Next: Pelvic tilt")
    expect(page.locator("#progress-text")).to_have_text("Step 1 of 1")
    page.clock.run_for(20_500)  # standing to the floor
    expect(page.locator("#step-name")).to_have_text("Pelvic tilt")
    expect(page.locator("#rep-count")).to_have_text("Rep 1 of 5")
    expect(page.locator("#rep-phase")).to_have_text("Move into it")
    page.clock.run_for(1_600)  # up takes 1.5 s, then the 2 s hold counts down
    expect(page.locator("#rep-phase")).to_have_text("Hold · 2")
    page.clock.run_for(1_000)
    expect(page.locator("#rep-phase")).to_have_text("Hold · 1")
    page.clock.run_for(1_000)
    expect(page.locator("#rep-phase")).to_have_text("Come back")
    page.clock.run_for(2_000)
    expect(page.locator("#rep-count")).to_have_text("Rep 2 of 5")
    expect(page.get_by_role("button", name="Done with this set")).to_be_visible()
    # Five reps of 6 s each, with no tap at all.
    page.clock.run_for(25_000)
    expect(page.locator("#done-heading")).to_have_text("Routine finished")
    expect(page.locator("#done-summary")).to_have_text("1 of 1 step done.")
    sessions = page.evaluate("Relieve.store.all('sessions')")
    assert [(s["routineId"], s["routineName"], len(s["completed"])) for s in sessions] == [
        ("technique:pelvic-tilt", "Pelvic tilt", 1)
    ]
    assert context.console.errors == []


def worse_on_the_forward_bend(page, live_server):
    page.evaluate(
        "Relieve.store.all('flags').then((fs) => Promise.all(fs.map((f) => Relieve.records.remove('flag', f.id))))"
    )
    start_from_routine_page(page, live_server, "after-massage-stretches")
    skip_to(page, "Seated forward bend")
    page.clock.run_for(3_000)
    held = clock_seconds(page)
    page.get_by_role("button", name="This made it worse").click()
    panel = page.locator("#worse-panel")
    expect(panel).to_be_visible()
    expect(page.locator("#worse-heading")).to_be_focused()
    expect(panel.locator("#worse-stop-if li").first).to_be_visible()
    # It stops at once: the stretch no longer counts down.
    page.clock.run_for(10_000)
    assert clock_seconds(page) == held
    flags = page.evaluate("Relieve.store.all('flags').then((fs) => fs.map((f) => f.technique))")
    assert flags == ["seated-forward-bend"]
    return panel


@pytest.mark.parametrize("choice", ["skip", "gentler", "end"])
def test_made_it_worse_pauses_and_offers_three_ways_on(context, page, live_server, choice):
    install_clock(page)
    go_offline(context, page, live_server)
    panel = worse_on_the_forward_bend(page, live_server)
    if choice == "skip":
        panel.get_by_role("button", name="Skip this technique now").click()
        expect(page.locator("#step-name")).to_have_text("Next: Knee-to-chest stretch")
        expect(page.locator("#progress-text")).to_have_text("Step 3 of 3")
        page.clock.run_for(2_000)
        assert page.locator("#clock").is_visible()
        expect(page.get_by_role("button", name="Pause")).to_be_visible()  # running again
    elif choice == "gentler":
        panel.get_by_role("button", name="Switch to Sciatic nerve glide (gentler)").click()
        expect(page.locator("#step-name")).to_have_text("Next: Sciatic nerve glide")
        expect(page.locator("#progress-text")).to_have_text("Step 2 of 3")
        page.clock.run_for(5_500)  # chair to chair
        expect(page.locator("#step-name")).to_have_text("Sciatic nerve glide")
        expect(page.locator("#rep-count")).to_have_text("Rep 1 of 10")
    else:
        panel.get_by_role("button", name="End the routine").click()
        expect(page.locator("#done-heading")).to_have_text("Routine stopped")
        expect(page.locator("#done-summary")).to_have_text("0 of 3 steps done, 2 skipped.")
        session = page.evaluate("Relieve.store.all('sessions').then((s) => s[0])")
        assert session["worse"] == ["seated-forward-bend"]
    assert context.console.errors == []


def ready_seconds(page):
    """Lengths of the pauses to move, as the player planned them."""
    saved = json.loads(page.evaluate("localStorage.getItem('relieve.player')"))
    return [s["seconds"] for s in json.loads(saved["state"])["segments"] if s["kind"] == "ready"]


def test_transitions_get_longer_when_the_position_changes(context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    routine = {
        "id": "0190a0a0-0000-7000-8000-000000000001",
        "name": "Positions",
        "steps": [
            {"technique": "knee-to-chest", "seconds": 15, "sets": 1, "sides": "none", "rest": 0},
            {"technique": "pelvic-tilt", "reps": 2, "sets": 1, "sides": "none", "rest": 0},
            {"technique": "seated-figure-four", "seconds": 15, "sets": 1, "sides": "none", "rest": 0},
            {"technique": "ball-wall-glutes", "seconds": 15, "sets": 1, "sides": "none", "rest": 0},
        ],
    }
    page.evaluate("(r) => Relieve.records.save('routine', r)", routine)
    page.goto(f"{live_server}/play?routine={routine['id']}")
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    assert clock_seconds(page) == 20  # standing to the floor
    page.clock.run_for(20_500 + 15_000)
    expect(page.locator("#phase")).to_have_text("Get ready")  # floor to floor
    assert clock_seconds(page) == 5
    page.clock.run_for(5_000 + 2 * 6_000)
    expect(page.locator("#phase")).to_have_text("Get ready: on a chair")
    assert clock_seconds(page) == 12
    assert ready_seconds(page) == [20, 5, 12, 12]
    page.get_by_role("button", name="End routine").click()
    page.get_by_role("button", name="Tap again to end").click()

    # "More time to move" doubles them.
    page.evaluate("localStorage.setItem('relieve.pace', JSON.stringify({ transition: 'slower' }))")
    page.goto(f"{live_server}/play?routine={routine['id']}")
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    assert ready_seconds(page) == [40, 10, 24, 24]
    assert context.console.errors == []


def test_resume_is_offered_after_the_phone_killed_the_app(browser, context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    start_from_routine_page(page, live_server, "after-massage-stretches")
    page.clock.run_for(20_500 + 12_000)
    expect(page.locator("#step-name")).to_have_text("Piriformis stretch (lying figure 4)")
    left = clock_seconds(page)
    # The last periodic save was seconds ago; only the save on going hidden has the latest.
    page.clock.run_for(4_050)
    saved_at = page.evaluate("""() => {
      Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
      return [JSON.parse(JSON.parse(localStorage.getItem('relieve.player')).state).savedAt, Date.now()];
    }""")
    assert saved_at[0] == saved_at[1], "saved the moment the page went hidden"
    with contextlib.suppress(Exception):  # the tab is meant to die
        page.goto("chrome://crash", timeout=3_000)
    page.close()
    page = context.new_page()  # the context's fake clock carries on, still paused
    page.goto(live_server + "/routines/")
    offer = page.locator("#resume-offer")
    expect(offer).to_be_visible()
    expect(offer).to_contain_text("Stretches after a massage · Step 1 of 3")
    offer.get_by_role("link", name="Continue").click()
    expect(page.locator("#step-name")).to_have_text("Piriformis stretch (lying figure 4)")
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    assert left - 5 <= clock_seconds(page) <= left - 3


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_running_player_and_end_screen_pass_axe_and_are_photographed(browser, live_server, scheme):
    with axe_page(browser, scheme) as (page, check):
        page.clock.install()  # running: axe's run() can hang while the fake clock is paused
        page.goto(live_server + "/")
        pass_safety_check(page)
        page.goto(live_server + "/routines/desk-break")
        check("routine page")
        page.get_by_role("link", name="Start", exact=True).click()
        page.locator("#player-run").wait_for()
        check("get ready")
        page.clock.run_for(12_500)  # to the chair
        expect(page.locator("#rep-count")).to_be_visible()
        page.clock.run_for(2_000)  # mid-rep
        shots = ARTIFACTS / "screenshots"
        shots.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(shots / f"player-running-{scheme}.png"))
        check("running")
        page.locator("#how-to summary").click()
        check("how-to open")
        page.get_by_role("button", name="This made it worse").click()
        page.screenshot(path=str(shots / f"player-worse-{scheme}.png"))
        check("made it worse")
        page.get_by_role("button", name="End the routine").click()
        page.locator("#player-done").wait_for()
        page.locator("#pain-after").get_by_role("radio", name="2", exact=True).check()
        page.get_by_role("radio", name="Stayed the same").check()
        page.screenshot(path=str(shots / f"player-done-{scheme}.png"), full_page=True)
        check("done")
