"""Safety that gets a person to the right care fast (issue #9), offline: the short check, the
flare-up's one screen, tap-to-call first on an emergency, routines visibly paused everywhere on a
red-flag day, the emergency questions again after a week, and the new contraindications."""

import re
from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    axe_page,
    go_offline,
    pass_safety_check,
    phone,
    screenshot,
    wait_for_service_worker,
)
from webapp.safety import questions

EMERGENCY = [q.id for q in questions.RED_FLAGS if q.tier == "emergency"]


def test_a_first_run_with_no_signs_takes_three_screens(browser, live_server):
    context, page = phone(browser)
    go_offline(context, page, live_server)
    # The welcome (preferences, then the check) comes first; skipped, the check is offered on its own.
    expect(page.locator("#first-run")).to_be_visible()
    expect(page.locator("#safety-first-run")).to_be_hidden()
    page.locator("#first-run").get_by_role("button", name="Skip").click()
    expect(page.locator("#safety-first-run")).to_be_visible()
    page.locator("#safety-first-run").get_by_role("link", name="Start the safety check").click()
    expect(page.locator("#safety-length")).to_have_text("Three short screens of yes-or-no questions.")
    # The first screen has no Back: Next lines up with the question cards, not a gap in from them.
    card = page.locator(".check-part:visible fieldset").first.bounding_box()
    assert page.locator("#safety-save").bounding_box()["x"] == card["x"]
    for step in (1, 2, 3):
        expect(page.locator("#check-step")).to_have_text(f"Step {step} of 3")
        page.locator(".check-part:visible").get_by_role("button", name="None of these").click()
    # Done after the third screen: no fourth.
    expect(page.locator("#safety-clear")).to_contain_text("No warning signs today")
    # "None of these" is an explicit answer to every question on its screen.
    (red, contra) = sorted(page.evaluate("Relieve.store.all('screenings')"), key=lambda s: s["kind"])[::-1]
    assert red["answers"] == dict.fromkeys(questions.RED_FLAG_IDS, False)
    assert contra["answers"] == dict.fromkeys(questions.CONTRAINDICATION_IDS, False)
    page.goto(live_server + "/")
    expect(page.locator("#safety-last")).to_contain_text("Safety check: last answered today")
    expect(page.locator("#safety-first-run")).to_be_hidden()
    assert context.console.errors == []
    context.close()


def test_the_flare_button_reaches_a_running_routine_after_one_screen(browser, live_server):
    context, page = phone(browser)
    go_offline(context, page, live_server)
    page.get_by_role("link", name=re.compile("Start the gentle routine")).click()
    expect(page).to_have_url(re.compile(r"/safety/\?part=emergency"))
    expect(page.locator("#check-step")).to_have_text("Just this screen")
    # One length, said once: the introduction agrees with the progress line.
    expect(page.locator("#safety-length")).to_have_text("One short screen of yes-or-no questions.")
    screenshot(page, "safety-one-screen")
    expect(page.locator("fieldset.yes-no:visible")).to_have_count(len(EMERGENCY))
    page.get_by_role("button", name="None of these").click()
    expect(page).to_have_url(re.compile(r"/play\?routine=flare-up-gentle&flare=1"))
    expect(page.locator("#player-run")).to_be_visible()
    expect(page.locator("#phase")).to_have_text("Get ready: on the floor")
    # The other screens can wait: they are asked before the next ordinary routine.
    page.goto(live_server + "/play?routine=desk-break")
    expect(page).to_have_url(re.compile(r"/safety/\?part=warning%2Ccontraindications"))
    assert context.console.errors == []
    context.close()


@pytest.mark.parametrize(
    ("timezone", "locale", "first"),
    [
        ("Europe/London", "en-GB", "tel:999"),
        ("America/New_York", "en-US", "tel:911"),
        ("Australia/Sydney", "en-AU", "tel:000"),
        ("Europe/Berlin", "de-DE", "tel:112"),
    ],
)
def test_each_emergency_answer_puts_the_call_button_first(browser, live_server, timezone, locale, first):
    context, page = phone(browser, timezone, locale)
    go_offline(context, page, live_server)
    for question in EMERGENCY:
        page.goto(live_server + "/safety/?part=emergency")
        page.locator(f"#q-{question}").get_by_role("radio", name="Yes", exact=True).click()
        block = page.locator("#safety-block")
        expect(block.get_by_role("heading", name="Emergency now")).to_be_visible()
        links = block.get_by_role("link")
        expect(links.first).to_have_attribute("href", first)
        # The emergency number alone: no advice line or "call your GP today" beside it to blur
        # what to do (FACTS §7: emergency now is A&E or the emergency number).
        expect(block.locator('a[href^="tel:"]')).to_have_count(1)
        expect(block).not_to_contain_text("advice today")
        # First and largest: nothing above it but the tier's name.
        call = links.first.bounding_box()
        assert call["height"] >= 70 and call["y"] < 844, question
        expect(block.locator(".doctor-card")).to_contain_text("Noted in the safety check today at")
    # Another region in one tap.
    block.get_by_label("Numbers for").select_option(label="Canada")
    expect(page.locator("#safety-block").get_by_role("link").first).to_have_attribute("href", "tel:911")
    assert context.console.errors == []
    context.close()


@pytest.mark.parametrize(
    ("timezone", "locale", "lead", "note"),
    [
        ("Europe/London", "en-GB", "tel:111", None),
        ("America/New_York", "en-US", "tel:911", "Call your doctor (GP) and ask for advice today."),
    ],
)
def test_a_today_answer_leads_with_advice_and_keeps_the_emergency_number(
    browser, live_server, timezone, locale, lead, note
):
    context, page = phone(browser, timezone, locale)
    go_offline(context, page, live_server)
    page.goto(live_server + "/safety/?part=warning")
    for question in (q.id for q in questions.RED_FLAGS if q.tier != "emergency"):
        page.locator(f"#q-{question}").get_by_role("radio", name="No", exact=True).click()
    page.locator("#q-fever").get_by_role("radio", name="Yes", exact=True).click()
    page.locator("#safety-save").click()
    block = page.locator("#safety-block")
    expect(block.get_by_role("heading", name="Today")).to_be_visible()
    expect(block.locator('a[href^="tel:"]').first).to_have_attribute("href", lead)
    if note:  # no sourced advice line there: the GP, then the emergency number if it gets worse
        expect(block.locator(".call-note")).to_have_text(note)
    expect(block.locator(".call-emergency")).to_contain_text("If it gets worse")
    assert context.console.errors == []
    context.close()


def test_a_red_flag_day_pauses_every_way_into_a_routine(browser, live_server):
    context, page = phone(browser)
    go_offline(context, page, live_server)
    pass_safety_check(page, red_flags=("walking",))
    page.goto(live_server + "/")
    expect(page.locator("#safety-today")).to_contain_text("Emergency now")
    expect(page.locator("#flare-button")).to_have_text("Paused today: see why")
    page.goto(live_server + "/routines/")
    starts = page.locator('a[href^="/play"]')
    expect(starts.first).to_be_visible()
    for link in starts.all():
        expect(link).to_have_class(re.compile("is-blocked"))
        expect(link).to_have_text("Paused today: see why")
    expect(page.locator("#safety-banner")).to_contain_text("Emergency now")
    page.goto(live_server + "/routines/desk-break")
    expect(page.locator("#routine-safety")).to_contain_text("Emergency now")
    expect(page.get_by_role("link", name=re.compile("Routines are paused today"))).to_be_visible()
    page.goto(live_server + "/techniques/pelvic-tilt")
    expect(page.locator("#safety-banner")).to_contain_text("Emergency now")
    # The shortcut's flare-up goes to the player, which says why and who to call.
    page.goto(live_server + "/play?routine=flare-up-gentle&flare=1")
    expect(page.locator("#player-blocked").get_by_role("link").first).to_have_attribute("href", "tel:999")
    assert page.evaluate("Relieve.store.all('sessions')") == []
    assert context.console.errors == []
    context.close()


def test_the_emergency_questions_come_back_after_seven_days(browser, live_server):
    context, page = phone(browser)
    start = datetime(2026, 11, 2, 9, 0)
    page.clock.install(time=start)
    go_offline(context, page, live_server)
    pass_safety_check(page)
    page.goto(live_server + "/")
    expect(page.locator("#safety-last")).to_contain_text("last answered today")
    page.clock.set_system_time(start + timedelta(days=6))
    page.reload()
    expect(page.locator("#safety-last")).to_contain_text("last answered 6 days ago")
    expect(page.locator("#safety-last")).not_to_have_class(re.compile("due"))
    page.clock.set_system_time(start + timedelta(days=7, hours=1))
    page.reload()
    expect(page.locator("#safety-last")).to_contain_text("Time to check the emergency signs again")
    page.goto(live_server + "/play?routine=desk-break")
    expect(page).to_have_url(re.compile(r"/safety/\?part=emergency&"))
    page.get_by_role("button", name="None of these").click()
    expect(page).to_have_url(re.compile(r"/play\?routine=desk-break"))
    expect(page.locator("#player-run")).to_be_visible()
    assert context.console.errors == []
    context.close()


@pytest.mark.parametrize(
    ("answer", "ruled_out", "kept"),
    [
        (
            "hip-replacement",
            ["piriformis-stretch", "seated-figure-four", "knee-to-chest", "foam-roll-glutes"],
            "cat-cow",
        ),
        ("spinal-stenosis", ["prone-press-up"], "knee-to-chest"),
        ("spinal-surgery", ["pelvic-tilt", "sciatic-nerve-glide", "hand-circles-buttock"], None),
    ],
)
def test_new_contraindications_rule_out_the_right_cards(browser, live_server, answer, ruled_out, kept):
    context, page = phone(browser)
    go_offline(context, page, live_server)
    pass_safety_check(page, contraindications=(answer,))
    reason = next(q.reason for q in questions.CONTRAINDICATIONS if q.id == answer)
    for slug in ruled_out:
        page.goto(f"{live_server}/techniques/{slug}")
        expect(page.locator("#card-safety")).to_contain_text(f"Not advised for you: you told us you have {reason}")
    if kept:
        page.goto(f"{live_server}/techniques/{kept}")
        expect(page.locator("#card-safety")).to_be_hidden()
    assert context.console.errors == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_on_the_new_safety_screens(browser, live_server, scheme):
    with axe_page(browser, scheme) as (page, check):
        page.goto(live_server + "/")
        wait_for_service_worker(page)
        page.goto(live_server + "/safety/")
        check("check, screen 1")
        page.get_by_role("button", name="Next").click()
        check("check, screen 1 with errors")
        page.get_by_role("button", name="None of these").click()
        check("check, screen 2")
        page.goto(live_server + "/")
        pass_safety_check(page)
        page.reload()
        page.locator("#safety-last").wait_for()
        check("home with the last check")
        page.goto(live_server + "/safety/?part=emergency")
        page.locator("#q-bladder").get_by_role("radio", name="Yes", exact=True).click()
        page.locator("#safety-block .call-actions").wait_for()
        check("emergency with call buttons")
        page.goto(live_server + "/routines/")
        page.locator("#safety-banner").wait_for()
        check("routines paused")


AFTER_LAST_QUESTION = """(screen) => {
  const section = document.getElementById('screen-' + screen);
  const questions = section.querySelectorAll('fieldset.yes-no');
  const none = section.querySelector('[data-none]');
  return Boolean(questions.length) && Boolean(questions[questions.length - 1].compareDocumentPosition(none) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""


def test_none_of_these_comes_after_the_questions_and_never_overwrites_a_yes(browser, live_server):
    context, page = phone(browser)
    go_offline(context, page, live_server)
    page.goto(live_server + "/safety/")
    # On every screen the questions are passed on the way to "None of these", in the page's order
    # (what a screen reader and the keyboard follow) and on the screen.
    for screen in questions.SCREENS:
        assert page.evaluate(AFTER_LAST_QUESTION, screen), screen
    last = page.locator("#screen-emergency fieldset.yes-no").last.bounding_box()
    none = page.locator("#screen-emergency").get_by_role("button", name="None of these").bounding_box()
    assert none["y"] >= last["y"] + last["height"]
    page.get_by_role("button", name="None of these").click()
    # A yes on the screen takes "None of these" away (one tap meant as "done" would undo it), and a
    # no brings it back.
    warning = page.locator("#screen-warning")
    expect(warning.get_by_role("button", name="None of these")).to_be_visible()
    page.locator("#q-fever").get_by_role("radio", name="Yes", exact=True).click()
    expect(warning.get_by_role("button", name="None of these")).to_be_hidden()
    page.locator("#q-fever").get_by_role("radio", name="No", exact=True).click()
    warning.get_by_role("button", name="None of these").click()
    expect(page.locator("#check-step")).to_have_text("Step 3 of 3")
    assert context.console.errors == []
    context.close()
