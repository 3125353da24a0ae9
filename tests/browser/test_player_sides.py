"""The player as a person on the floor finds it: a two-sided card's steps say the side on screen
(the cards are written, and drawn, for the right; the left mirrors both), "Skip exercise"
leaves every set and side of one exercise in one tap and the session records them as skipped,
and pausing moves nothing: Resume is where Pause was."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.test_routines import go_offline, install_clock

ROUTINE = "after-massage-stretches"
PIRIFORMIS = "Piriformis stretch (lying figure 4)"
# The idioms static/js/lib/sides.js keeps whichever side is played; the cards have only these.
NOT_A_SIDE = re.compile(r"\bright[ -]angles?\b", re.IGNORECASE)


def mirrored(line):
    """The card's line for the left side, as a person would say it: left and right swapped."""
    kept = [m.span() for m in NOT_A_SIDE.finditer(line)]

    def swap(match):
        if any(start <= match.start() < end for start, end in kept):
            return match.group(0)
        word = match.group(0)
        other = "right" if word.lower() == "left" else "left"
        return other.capitalize() if word[0].isupper() else other

    return re.sub(r"\b(left|right)\b", swap, line, flags=re.IGNORECASE)


def how_to(page):
    return page.locator("#how-to-steps li").all_inner_texts()


def skip_set(page):
    page.locator("#skip-button").click()


def test_the_steps_say_the_side_on_screen_on_both_sides(context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    page.goto(f"{live_server}/play?routine={ROUTINE}")
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    skip_set(page)

    # Left first: the drawing is mirrored, the badge says Left, and so do the words.
    expect(page.locator("#phase")).to_have_text("Left side · Set 1 of 3")
    expect(page.locator(".step-figure")).to_have_attribute("data-side", "left")
    # A screen reader hears what the drawing shows (the card's description), not only its name.
    expect(page.locator("#step-image")).to_have_attribute(
        "alt", re.compile(r"^A person lies on their back on a mat, one ankle crossed over the opposite knee")
    )
    expect(page.locator("#how-to-name")).to_have_text(f"{PIRIFORMIS}, left side")
    page.locator("#how-to summary").click()
    lines = " ".join(how_to(page))
    assert "Cross your left ankle over your right knee" in lines
    assert "a gentle stretch deep in your left buttock" in lines
    assert "right buttock" not in lines and "right ankle" not in lines

    skip_set(page)  # to the switch of sides
    expect(page.locator("#phase")).to_have_text("Switch sides")
    skip_set(page)
    expect(page.locator("#phase")).to_have_text("Right side · Set 1 of 3")
    expect(page.locator(".step-figure")).to_have_attribute("data-side", "right")
    expect(page.locator("#how-to-name")).to_have_text(f"{PIRIFORMIS}, right side")
    lines = " ".join(how_to(page))
    assert "Cross your right ankle over your left knee" in lines
    assert "a gentle stretch deep in your right buttock" in lines
    assert "left buttock" not in lines and "left ankle" not in lines
    assert "Repeat on the other side." in lines  # the left side of set 2 is still to come

    # The last side of the last set: nothing left to switch to, so the card's "Repeat on the
    # other side." is not said there.
    while page.locator("#phase").inner_text() != "Right side · Set 3 of 3":
        skip_set(page)
    lines = how_to(page)
    assert lines[-1] == "Slowly lower your left foot to the floor and uncross your legs."
    assert "other side" not in " ".join(lines)
    page.locator("#how-to").scroll_into_view_if_needed()
    screenshot(page, "player-last-side")
    page.emulate_media(color_scheme="dark")
    screenshot(page, "player-last-side-dark")
    assert context.console.errors == []


def test_every_two_sided_card_reads_for_each_side(context, page, live_server):
    """Each two-sided card on its own ("Try it now"): its lines as written on the right, and
    mirrored, word for word, on the left."""
    install_clock(page)
    go_offline(context, page, live_server)
    techniques = page.evaluate("async () => Object.values((await Relieve.catalog.load()).techniques)")
    two_sided = [t for t in techniques if t["dosing"]["per_side"]]
    assert len(two_sided) >= 10
    for technique in two_sided:
        page.evaluate("() => localStorage.removeItem('relieve.player')")
        page.goto(f"{live_server}/play?technique={technique['slug']}")
        expect(page.locator("#player-run")).to_be_visible()
        if page.locator("#phase").inner_text().startswith("Get ready"):
            skip_set(page)
        for side in ("left", "right"):
            expect(page.locator("#phase")).to_contain_text(f"{side.capitalize()} side")
            expect(page.locator(".step-figure")).to_have_attribute("data-side", side)
            want = [mirrored(line) for line in technique["steps"]] if side == "left" else technique["steps"]
            if side == "right" and re.search(r"Set (\d+) of \1$|^Right side$", page.locator("#phase").inner_text()):
                # The last side of the last set: the lines that say to change sides lose that part
                # (static/js/lib/sides.js, pinned line by line in tests/js/sides.test.js).
                want = page.evaluate("(lines) => lines.map(Relieve.sides.withoutSwitch).filter(Boolean)", want)
            assert page.locator("#how-to-steps li").all_text_contents() == want, (technique["slug"], side)
            if side == "left":
                while not page.locator("#phase").inner_text().startswith("Right side"):
                    skip_set(page)
    assert context.console.errors == []


def test_skip_this_exercise_leaves_every_set_and_side_in_one_tap(context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    page.goto(f"{live_server}/play?routine={ROUTINE}")
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    skip_set(page)
    expect(page.locator("#phase")).to_have_text("Left side · Set 1 of 3")

    whole = page.get_by_role("button", name="Skip exercise", exact=True)
    box = whole.bounding_box()
    assert box["height"] >= 48 and box["width"] >= 150
    whole.click()
    # One tap: past three sets on each side, to the pause before the next exercise.
    expect(page.locator("#step-name")).to_have_text("Next: Seated forward bend")
    expect(page.locator("#progress-text")).to_have_text("Step 2 of 3")
    page.clock.run_for(200)
    expect(page.locator("#announcer")).to_have_text(f"{PIRIFORMIS} skipped. Next: Seated forward bend")

    page.get_by_role("button", name="End routine").click()
    page.get_by_role("button", name="Tap again to end").click()
    expect(page.locator("#done-summary")).to_have_text("0 of 3 steps done, 1 skipped.")
    # Saved as the finish screen shows: wait for the write, not just the screen.
    page.wait_for_function("() => Relieve.store.count('sessions').then((n) => n > 0)")
    session = page.evaluate("Relieve.store.all('sessions').then((s) => s[0])")
    # Recorded as Skip records one set: each set and side, as its own skipped step.
    assert session["completed"] == []
    assert session["skipped"] == [
        {"technique": "piriformis-stretch", "side": side, "set": n} for n in (1, 2, 3) for side in ("left", "right")
    ]
    assert context.console.errors == []


def test_pausing_moves_nothing_resume_is_where_pause_was(context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    page.goto(f"{live_server}/play?routine={ROUTINE}")
    skip_set(page)
    expect(page.locator("#phase")).to_have_text("Left side · Set 1 of 3")
    pause = page.get_by_role("button", name="Pause")
    before = pause.bounding_box()
    others = [page.locator(sel).bounding_box() for sel in ("#skip-button", "#skip-step-button", "#clock", "#how-to")]
    pause.click()
    expect(page.locator("#paused-banner")).to_be_visible()
    resume = page.get_by_role("button", name="Resume")
    assert resume.bounding_box() == before
    assert [
        page.locator(sel).bounding_box() for sel in ("#skip-button", "#skip-step-button", "#clock", "#how-to")
    ] == others
    resume.click()
    expect(page.locator("#paused-banner")).to_be_hidden()
    assert page.get_by_role("button", name="Pause").bounding_box() == before


def test_how_to_uses_the_full_width(context, page, live_server):
    install_clock(page)
    go_offline(context, page, live_server)
    page.goto(f"{live_server}/play?routine={ROUTINE}")
    skip_set(page)
    summary = page.locator("#how-to summary")
    expect(summary).to_be_visible()
    # "How to do" and the name are one line of text that wraps across the box, not two columns.
    # (The disclosure chevron sits before it.)
    words = page.locator("#how-to summary > span").bounding_box()
    box = summary.bounding_box()
    assert words["x"] - box["x"] <= 48
    assert words["x"] + words["width"] >= box["x"] + box["width"] - 12
    page.locator("#how-to summary").click()
    first = page.locator("#how-to-steps li").first.bounding_box()
    assert first["width"] >= 300
