"""The routine player, builder and sharing, offline, with Playwright's clock driving time."""

import re
from datetime import datetime, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, PHONE, ConsoleWatcher, pass_safety_check, wait_for_service_worker

T0 = "2026-11-24T08:00:00"


def install_clock(page):
    # Frozen until the test moves it, so readings before and after a reload are comparable.
    # Installed a little before T0: the clock runs between the two calls, and pausing in the
    # past fails on a busy machine.
    page.clock.install(time=datetime.fromisoformat(T0) - timedelta(seconds=2))
    page.clock.pause_at(T0)


def go_offline(context, page, live_server):
    page.goto(live_server + "/")
    wait_for_service_worker(page)
    pass_safety_check(page)
    context.set_offline(True)


def clock_seconds(page):
    # The player shows once its first draw is done (static/js/lib/settle.js); hidden text reads empty.
    expect(page.locator("#clock")).to_be_visible()
    minutes, seconds = page.locator("#clock").inner_text().split(":")
    return int(minutes) * 60 + int(seconds)


def finish_routine(page):
    """Fast-forward to the end: reps run themselves, so no taps."""
    for _ in range(400):
        if page.locator("#player-done").is_visible():
            return
        if page.locator("#reps").is_visible():
            page.clock.run_for(5_000)
        else:
            page.clock.run_for(max(1, clock_seconds(page)) * 1000 + 300)
    raise AssertionError("the routine did not finish")


def test_builtin_routine_offline(context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    page.goto(live_server + "/routines/")
    # One tap: the tile's Start begins the routine; pain before is asked, optionally, while getting ready.
    page.get_by_role("link", name="Start Stretches after a massage").click()
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    expect(page.locator("#progress-text")).to_have_text("Step 1 of 3")
    page.locator("#pain-before").get_by_role("radio", name="6", exact=True).check()
    # Standing to the floor takes longer than the old fixed 5 seconds.
    page.clock.run_for(15_000)
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    page.clock.run_for(5_500)
    expect(page.locator("#phase")).to_have_text("Left side · Set 1 of 3")
    expect(page.locator("#progress-text")).to_have_text("Step 1 of 3 · left side")
    expect(page.locator("#step-name")).to_have_text("Piriformis stretch (lying figure 4)")
    assert 28 <= clock_seconds(page) <= 30
    expect(page.locator("#announcer")).to_contain_text("Left side: Piriformis stretch (lying figure 4)")

    # Sides switch by themselves.
    page.clock.run_for(30_000)
    expect(page.locator("#phase")).to_have_text("Switch sides")
    page.clock.run_for(5_000)
    expect(page.locator("#phase")).to_have_text("Right side · Set 1 of 3")
    expect(page.locator("#progress-text")).to_have_text("Step 1 of 3 · right side")

    # Pause holds the time.
    page.clock.run_for(10_000)
    page.get_by_role("button", name="Pause").click()
    expect(page.locator("#paused-banner")).to_have_text("Paused")
    held = clock_seconds(page)
    page.clock.run_for(60_000)
    assert clock_seconds(page) == held
    page.get_by_role("button", name="Resume").click()
    page.clock.run_for(5_000)
    assert clock_seconds(page) in (held - 5, held - 4)

    # Skip ends this set now: the rest before the next set comes up.
    page.locator("#skip-button").click()
    expect(page.locator("#phase")).to_have_text("Rest")
    expect(page.locator("#step-name")).to_have_text("Next: Piriformis stretch (lying figure 4)")

    # A reload mid-step resumes at the same step and remaining time, paused.
    page.locator("#skip-button").click()
    page.clock.run_for(7_000)
    before = (page.locator("#phase").inner_text(), page.locator("#step-name").inner_text(), clock_seconds(page))
    response = page.reload()
    assert response.from_service_worker
    expect(page.locator("#player-run")).to_be_visible()
    after = (page.locator("#phase").inner_text(), page.locator("#step-name").inner_text(), clock_seconds(page))
    assert after[:2] == before[:2]
    # The display is redrawn five times a second, so it may trail the saved time by that much.
    assert before[2] - 1 <= after[2] <= before[2]
    expect(page.get_by_role("button", name="Resume")).to_be_visible()
    page.clock.run_for(30_000)
    assert after[2] - 1 <= clock_seconds(page) <= after[2], "paused after a reload until the person resumes"
    page.get_by_role("button", name="Resume").click()

    finish_routine(page)
    expect(page.locator("#done-heading")).to_have_text("Routine finished")
    # Steps, not segments: a skipped set still leaves its step done.
    expect(page.locator("#done-summary")).to_have_text("3 of 3 steps done.")
    expect(page.locator("#done-saved")).to_have_text("Saved to your history on this device.")
    page.locator("#pain-after").get_by_role("radio", name="3", exact=True).check()
    expect(page.locator("#done-saved")).to_contain_text("pain 3 out of 10")
    expect(page.locator("#pain-change")).to_have_text("Pain 6 before, 3 after: 3 points lower.")
    # The symptom direction question (FACTS §9), kept with the session.
    page.get_by_role("radio", name="Toward my back").check()
    expect(page.locator("#direction-advice")).to_contain_text("usually a good sign")
    expect(page.locator("#done-saved")).to_have_text("Saved with this session.")
    stored = page.evaluate(
        "Relieve.store.all('sessions').then((s) => s.map((x) => [x.symptomDirection, x.painBefore, x.painAfter]))"
    )
    assert stored == [["toward-back", 6, 3]]

    page.get_by_role("link", name="See your history").click()
    item = page.locator(".history-item").first
    expect(item.get_by_role("heading")).to_have_text("Stretches after a massage")
    expect(item).to_contain_text("3 of 3 steps done")  # steps, as on the finish screen
    expect(item).to_contain_text("Pain 6 before, 3 after")
    # The answer is there to look back on (a "further down" most of all).
    expect(item).to_contain_text("Leg symptoms afterwards: toward my back")
    # Never signed in: offline or not, nothing is "waiting" for a sync that would never come.
    expect(page.locator("[data-sync-status]").first).to_have_text("Saved on this device only")
    page.screenshot(path=str(ARTIFACTS / "screenshots" / "history-direction.png"))
    assert context.console.errors == []


CALVES = "Rest on your back, calves on a chair"


def test_flare_mode_and_made_it_worse(context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    page.goto(live_server + "/")
    page.get_by_role("link", name=re.compile("Start the gentle routine")).click()
    # One tap: the gentle routine starts straight away, with extra-large controls.
    expect(page.locator("body")).to_have_class(re.compile("flare"))
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    assert page.get_by_role("button", name="Pause").bounding_box()["height"] >= 80
    # Getting down to the floor in a flare: twice the usual time (40 s, not 20), and a way to go sooner.
    assert 38 <= clock_seconds(page) <= 40
    expect(page.get_by_role("button", name="Skip get-ready")).to_be_visible()
    page.get_by_text("Sound, voice and pace").click()
    longer = page.get_by_label("More time to move between steps")
    expect(longer).to_be_checked()
    expect(longer).to_be_disabled()
    expect(page.locator("#pace-note")).to_have_text("In a flare there is always more time to move between steps.")
    page.screenshot(path=str(ARTIFACTS / "screenshots" / "player-flare-pace.png"))
    page.get_by_text("Sound, voice and pace").click()
    page.clock.run_for(20_500)
    expect(page.locator("#step-name")).to_have_text(f"Next: {CALVES}")
    page.clock.run_for(20_000)
    expect(page.locator("#step-name")).to_have_text(CALVES)
    page.get_by_role("button", name="This made it worse").click()
    expect(page.locator("#worse-panel")).to_be_visible()
    page.get_by_role("button", name="End the routine").click()
    expect(page.locator("#done-heading")).to_have_text("Routine stopped")

    # The card shows the mark, and next time it is left out, with the reason on the routine page.
    page.goto(live_server + "/techniques/rest-calves-on-chair")
    expect(page.locator("#worse-note")).to_be_visible()
    page.goto(live_server + "/routines/flare-up-gentle")
    expect(page.locator('li[data-technique="rest-calves-on-chair"] .left-out-reason')).to_contain_text(
        "made things worse"
    )
    page.get_by_role("link", name="Start", exact=True).click()
    expect(page.locator("#left-out")).to_contain_text(CALVES)
    page.clock.run_for(40_500)
    expect(page.locator("#step-name")).to_have_text("Pelvic tilt")
    page.get_by_role("button", name="End routine").click()
    page.get_by_role("button", name="Tap again to end").click()
    page.goto(live_server + "/play?routine=flare-up-gentle&flare=1")
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    page.clock.run_for(40_500)
    expect(page.locator("#step-name")).to_have_text("Pelvic tilt")
    assert context.console.errors == []


def test_build_offline_then_share_into_a_fresh_browser(browser, context, page, live_server):
    go_offline(context, page, live_server)
    page.goto(live_server + "/routines/new")
    page.get_by_role("button", name="Save routine").click()
    errors = page.locator("#builder-errors")
    expect(errors).to_be_visible()
    expect(errors).to_contain_text("Give the routine a name")

    page.get_by_label("Name").fill("Lunch stretch 🌿")
    page.get_by_label("Technique to add").select_option("seated-figure-four")
    page.get_by_role("button", name="Add step").click()
    page.get_by_label("Technique to add").select_option("sciatic-nerve-glide")
    page.get_by_role("button", name="Add step").click()
    steps = page.locator(".builder-step")
    expect(steps).to_have_count(2)
    steps.nth(0).get_by_label("Seconds", exact=True).fill("0")
    page.get_by_role("button", name="Save routine").click()
    expect(errors).to_contain_text("seconds must be a whole number from 5 to 600")
    steps.nth(0).get_by_label("Seconds", exact=True).fill("40")
    # Reorder with the buttons: the nerve glide goes first.
    page.get_by_role("button", name=re.compile("^Up: step 2")).click()
    expect(steps.nth(0).locator(".step-title")).to_have_text("Sciatic nerve glide")
    page.get_by_role("button", name="Save routine").click()
    expect(page.locator("#builder-status")).to_contain_text("Saved")
    expect(errors).to_be_hidden()

    page.reload()
    expect(page.get_by_label("Name")).to_have_value("Lunch stretch 🌿")
    expect(page.locator(".builder-step .step-title")).to_have_text(["Sciatic nerve glide", "Seated figure 4 stretch"])
    page.goto(live_server + "/routines/")
    mine = page.locator("#my-routines .routine-tile")
    expect(mine).to_have_count(1)
    expect(mine.get_by_role("heading")).to_have_text("Lunch stretch 🌿")
    link = page.evaluate(
        "Relieve.store.all('routines').then((rs) => location.origin + '/routines/shared#r=' + Relieve.share.encodeRoutine(rs[0]))"
    )
    assert len(link) < 600

    other = browser.new_context(viewport=PHONE)
    console = ConsoleWatcher(other)
    friend = other.new_page()
    friend.goto(link)
    expect(friend.locator("#shared-name")).to_have_text("Lunch stretch 🌿")
    expect(friend.locator("#shared-steps li")).to_have_count(2)
    friend.get_by_role("button", name="Save to my routines").click()
    expect(friend.locator("#shared-status")).to_contain_text("Saved")
    friend.goto(live_server + "/routines/")
    expect(friend.locator("#my-routines .routine-tile h3")).to_have_text(["Lunch stretch 🌿"])

    # A tampered link explains itself and saves nothing.
    tampered = link[:-3] + ("aaa" if not link.endswith("aaa") else "bbb")
    friend.goto(live_server + "/routines/")  # leave the page so the hash change is a navigation
    friend.goto(tampered)
    expect(friend.locator("#shared-error")).to_contain_text("can't be opened")
    expect(friend.locator("#shared-preview")).to_be_hidden()
    assert friend.evaluate("Relieve.store.all('routines').then((r) => r.length)") == 1
    other.close()
    assert console.errors == [] and context.console.errors == []


def test_routine_times_agree_between_server_and_player(page, live_server):
    page.goto(live_server + "/routines/")
    slugs = [
        href.rsplit("/", 1)[1]
        for href in page.locator(".routine-tile h3 a").evaluate_all(
            "(links) => links.map((a) => a.getAttribute('href'))"
        )
    ]
    assert len(slugs) >= 5
    for slug in slugs:
        page.goto(f"{live_server}/routines/{slug}")
        time = page.locator("#routine-time")
        server = [int(time.get_attribute("data-seconds")), int(time.get_attribute("data-seconds-without-optional"))]
        browser_seconds = page.evaluate(
            "(id) => Relieve.catalog.routine(id).then((r) => Relieve.catalog.facts(r))"
            ".then((f) => [f.seconds, f.secondsWithoutOptional])",
            slug,
        )
        assert browser_seconds == server, slug


def test_unknown_routine_is_explained(page, live_server):
    page.goto(live_server + "/play?routine=nope")
    expect(page.locator("#player-error")).to_contain_text("could not find that routine")


def test_builder_drag_reorder_and_double_save(page, live_server):
    page.goto(live_server + "/routines/new?from=desk-break")
    titles = page.locator(".builder-step .step-title")
    expect(titles).to_have_count(5)
    first, third = titles.nth(0).inner_text(), titles.nth(2).inner_text()
    handle = page.locator(".builder-step .drag-handle").nth(0)
    target = page.locator(".builder-step").nth(2).bounding_box()
    box = handle.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + 10, target["y"] + target["height"] * 0.75, steps=12)
    page.mouse.up()
    expect(titles.nth(2)).to_have_text(first)
    expect(titles.nth(1)).to_have_text(third)
    expect(page.locator(".builder-step.dragging")).to_have_count(0)
    # Up/Down states follow the new order.
    expect(page.locator(".builder-step").nth(0).get_by_role("button", name=re.compile("^Up"))).to_be_disabled()

    page.get_by_role("button", name="Save routine").dblclick()
    expect(page.locator("#builder-status")).to_contain_text("Saved")
    assert page.evaluate("Relieve.store.all('routines').then((r) => r.length)") == 1
    # What comes next, a button under the thumb: play it.
    start = page.locator("#builder-status").get_by_role("link", name="Start it now")
    assert start.bounding_box()["height"] >= 48
    start.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "screenshots" / "builder-saved.png"))


def test_add_step_tapped_before_the_catalog_loads_is_not_lost(page, live_server):
    """On a slow phone the builder shows before the technique list arrives: a tap on "Add step"
    then waits for it and adds the step (it used to do nothing)."""
    held = []
    page.route("**/catalog.json", lambda route: held.append(route))
    page.goto(live_server + "/routines/new")
    expect(page.get_by_role("button", name="Add step")).to_be_visible()  # shown after settle's cap
    assert held, "the catalog was requested"
    page.get_by_role("button", name="Add step").click()
    steps = page.get_by_role("list", name="Steps").get_by_role("listitem")
    expect(steps).to_have_count(0)
    for route in held:
        route.continue_()
    expect(steps).to_have_count(1)
    # "Left, then right" is read whole: the sides box spans the step, not half of it.
    sides = steps.first.locator('[data-field="sides"]')
    assert sides.bounding_box()["width"] >= 300
    steps.first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "screenshots" / "builder-step.png"))
