"""Symptom log and safety screening in the browser, offline: the quick log from the manifest
shortcut in three taps, validation on the form, the first-run safety check, red flags blocking
routines, and contraindications shown on cards, routines and in the player."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_page, go_offline, pass_safety_check, phone
from webapp.safety import questions
from webapp.symptoms.vocabulary import LEVELS, WARNING_LABELS


def stored_logs(page):
    return page.evaluate("Relieve.store.all('logs')")


def answer_check(page, yes=()):
    for fieldset in page.locator("fieldset.yes-no:visible").all():
        question = fieldset.get_attribute("data-question")
        fieldset.get_by_role("radio", name="Yes" if question in yes else "No", exact=True).click()


def test_quick_log_from_the_shortcut_in_three_taps(context, page, live_server):
    manifest = page.request.get(live_server + "/manifest.webmanifest").json()
    shortcut = next(s for s in manifest["shortcuts"] if s["short_name"] == "Log symptoms")
    go_offline(context, page, live_server)
    page.goto(live_server + shortcut["url"])
    expect(page.get_by_role("heading", name="How are you feeling?")).to_be_visible()

    taps = 0
    for action in (
        lambda: page.locator("#field-legPain").get_by_role("radio", name="6", exact=True).click(),
        lambda: page.locator("#field-backPain").get_by_role("radio", name="3", exact=True).click(),
        lambda: page.get_by_role("button", name="Save", exact=True).click(),
    ):
        action()
        taps += 1
    assert taps == 3
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    expect(page.locator("#log-done-list li")).to_have_text(["Leg pain: 6 out of 10", "Back pain: 3 out of 10"])
    expect(page.locator("#log-done-missing")).to_have_text(
        "Not recorded this time: where you feel it, numbness, tingling, weakness."
    )
    [entry] = stored_logs(page)
    assert (entry["legPain"], entry["backPain"], entry["areas"]) == (6, 3, {})
    assert "numbness" not in entry  # not asked, not stored
    outbox = page.evaluate("Relieve.store.all('outbox')")
    assert [(o["type"], o["id"]) for o in outbox] == [("symptom_log", entry["id"])]

    # The next entry offers this one's back pain as a visible choice, and copies it only when asked.
    page.goto(live_server + shortcut["url"])
    expect(page.locator("#log-last-text")).to_contain_text("Back pain: 3 out of 10")
    expect(page.locator("#field-backPain input:checked")).to_have_count(0)
    page.locator("#field-legPain").get_by_role("radio", name="5", exact=True).click()
    page.get_by_role("button", name="Use these again").click()
    expect(page.locator("#field-backPain input[value='3']")).to_be_checked()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    assert sorted((e["legPain"], e["backPain"]) for e in stored_logs(page)) == [(5, 3), (6, 3)]
    assert context.console.errors == []


def test_full_entry_with_body_map_then_edit_and_delete(context, page, live_server):
    go_offline(context, page, live_server)
    page.get_by_role("link", name="Log how you feel").click()
    page.locator("#field-legPain").get_by_role("radio", name="7", exact=True).click()
    page.locator("#field-backPain").get_by_role("radio", name="2", exact=True).click()
    page.get_by_role("button", name="Left buttock").click()
    page.get_by_role("button", name="Left calf").click()
    page.get_by_role("button", name="Right calf").click()
    # The drawing is tappable too.
    page.locator('.bm-region[data-region="sole"][data-side="right"]').click()
    expect(page.get_by_role("button", name="Right sole of foot")).to_have_attribute("aria-pressed", "true")
    # The front of the body, by keyboard.
    page.get_by_role("button", name="Front", exact=True).press("Enter")
    expect(page.get_by_role("button", name="Left calf")).to_be_hidden()
    page.get_by_role("button", name="Left knee").press("Enter")
    expect(page.locator("#areas-summary")).to_have_text(
        "Chosen: Buttock (left), knee (left), calf (both sides), sole of foot (right)"
    )
    page.get_by_label("Burning").check()
    page.get_by_label("Electric or shooting").check()
    page.locator("#field-tingling").get_by_role("radio", name="Moderate", exact=True).click()
    page.get_by_text("What helped, sleep and notes").click()
    page.get_by_label("Heat").check()
    page.get_by_label("Something else that helped").fill("A short walk")
    page.locator("#field-sleep").get_by_role("radio", name="Badly", exact=True).click()
    page.get_by_label("Notes").fill('Sat for 3 hours, "awful" chair')
    page.get_by_role("button", name="Save entry").click()
    # Calf on both sides means both legs: the app asks for the warning-sign check.
    expect(page.locator("#log-suggest")).to_contain_text("you marked symptoms in both legs")
    [entry] = stored_logs(page)
    assert entry["areas"] == {"buttock": "left", "calf": "both", "sole": "right", "knee": "left"}
    assert entry["sensations"] == ["burning", "shooting"]
    assert (entry["tingling"], entry["helped"], entry["helpedOther"], entry["sleep"]) == (
        "moderate",
        ["heat"],
        "A short walk",
        "poor",
    )

    page.get_by_role("link", name="See your log").click()
    item = page.locator(".log-item")
    expect(item).to_contain_text("Leg 7 · Back 2")
    expect(item).to_contain_text(
        "Moderate tingling; felt in buttock (left), knee (left), calf (both sides), sole of foot (right); burning, electric or shooting"
    )
    item.get_by_role("link", name=re.compile("^Edit entry")).click()
    expect(page.get_by_role("heading", name="Edit entry")).to_be_visible()
    expect(page.locator("#field-legPain input[value='7']")).to_be_checked()
    expect(page.get_by_label("Notes")).to_have_value('Sat for 3 hours, "awful" chair')
    page.locator("#field-legPain").get_by_role("radio", name="4", exact=True).click()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="Changes saved")).to_be_visible()
    [edited] = stored_logs(page)
    assert edited["id"] == entry["id"] and edited["legPain"] == 4

    page.goto(live_server + "/log/")
    delete = page.get_by_role("button", name=re.compile("^Delete entry"))
    delete.click()
    page.get_by_role("button", name="Tap again to delete").click()
    expect(page.locator("#log-empty")).to_be_visible()
    assert stored_logs(page) == []
    assert context.console.errors == []


def test_bad_input_is_explained_and_nothing_is_saved(context, page, live_server):
    go_offline(context, page, live_server)
    page.goto(live_server + "/log/new")
    page.get_by_role("button", name="Save", exact=True).click()
    summary = page.locator("#log-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Leg pain: Choose your leg pain")
    expect(summary).not_to_contain_text("Back pain")  # optional
    expect(page.locator("#field-legPain")).to_have_attribute("aria-invalid", "true")

    page.locator("#field-legPain").get_by_role("radio", name="5", exact=True).click()
    # Fixed: the message goes at once.
    expect(page.locator("#legPain-error")).to_be_hidden()
    expect(page.locator("#field-legPain")).not_to_have_attribute("aria-invalid", "true")
    page.locator("#field-backPain").get_by_role("radio", name="5", exact=True).click()
    page.get_by_label("Date and time").fill("2031-01-01T10:00")
    page.get_by_text("What helped, sleep and notes").click()
    page.get_by_label("Notes").fill("x" * 1001)
    page.get_by_role("button", name="Save entry").click()
    expect(summary).to_contain_text("The date and time can't be in the future.")
    expect(summary).to_contain_text("Notes can be up to 1000 characters (these have 1001).")
    expect(page.locator("#loggedAt")).to_have_attribute("aria-invalid", "true")
    assert stored_logs(page) == []
    assert context.console.errors == []


def test_first_routine_asks_the_safety_check_and_a_red_flag_blocks_routines(context, page, live_server):
    go_offline(context, page, live_server)
    page.locator("#first-run").get_by_role("button", name="Skip").click()
    expect(page.locator("#safety-first-run")).to_be_visible()  # offered on first run
    page.goto(live_server + "/routines/morning-relief")
    page.get_by_role("link", name="Start", exact=True).click()
    expect(page).to_have_url(re.compile(r"/safety/\?"))
    expect(page.get_by_role("heading", name="Safety check")).to_be_visible()
    expect(page.locator("#safety-why")).to_contain_text("Before your routine")

    expect(page.locator("#check-step")).to_have_text("Step 1 of 3")

    # Every question on the screen needs its own answer.
    page.get_by_role("button", name="Next").click()
    expect(page.locator("#safety-errors")).to_be_focused()
    expect(page.locator("#safety-error-list li")).to_have_count(6)

    # An emergency "yes" needs no more answers: who to call comes at once.
    page.locator("#q-saddle-numbness").get_by_role("radio", name="Yes", exact=True).click()
    block = page.locator("#safety-block")
    expect(block.get_by_role("heading", name="Emergency now")).to_be_visible()
    expect(block.get_by_role("link").first).to_have_attribute("href", re.compile(r"^tel:"))
    expect(block).to_contain_text("Numbness or tingling between your legs")
    expect(block).to_contain_text("emergency department (A&E or ER) now")
    expect(page.locator("#safety-continue")).to_be_hidden()
    screenings = page.evaluate("Relieve.store.all('screenings')")
    assert [(s["kind"], s["answers"]) for s in screenings] == [("red-flags", {"saddle-numbness": True})]

    # No routine starts today, flare mode included; the home page says why.
    for path in ("/play?routine=morning-relief", "/play?routine=flare-up-gentle&flare=1"):
        page.goto(live_server + path)
        expect(page.locator("#player-blocked")).to_contain_text("Relieve won't start routines today")
        expect(page.locator("#player-run")).to_be_hidden()
        expect(page.get_by_role("button", name="Start")).to_be_hidden()
    assert page.evaluate("Relieve.store.all('sessions')") == []
    page.goto(live_server + "/")
    expect(page.locator("#safety-today")).to_contain_text("Emergency now")
    expect(page.locator("#safety-first-run")).to_be_hidden()
    page.goto(live_server + "/routines/morning-relief")
    expect(page.locator("#routine-safety")).to_contain_text("Emergency now")
    assert context.console.errors == []


def test_a_warning_sign_on_a_log_blocks_routines_and_offers_the_check(context, page, live_server):
    go_offline(context, page, live_server)
    pass_safety_check(page)
    page.goto(live_server + "/log/new")
    page.locator("#field-legPain").get_by_role("radio", name="8", exact=True).click()
    page.locator("#field-backPain").get_by_role("radio", name="4", exact=True).click()
    page.get_by_label("Fever, chills or feeling very unwell").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#log-block").get_by_role("heading", name="Today")).to_be_visible()
    entry_id = stored_logs(page)[0]["id"]
    expect(
        page.locator("#log-block").get_by_role("link", name="Ticked by mistake? Edit the log entry")
    ).to_have_attribute("href", f"/log/new?id={entry_id}")
    page.locator("#log-suggest-link").click()
    expect(page.locator("#screen-contraindications")).to_be_hidden()
    expect(page.locator("#q-fever input[value='yes']")).to_be_checked()
    page.goto(live_server + "/play?routine=desk-break")
    expect(page.locator("#player-blocked")).to_contain_text("Get medical advice today")
    assert context.console.errors == []


ON_SCREEN = """(selector) => {
  const box = document.querySelector(selector).getBoundingClientRect();
  // The tab bar is fixed to the foot of a phone's screen: under it is not on screen.
  const bar = document.querySelector('.tabbar');
  const foot = bar && getComputedStyle(bar).position === 'fixed' ? bar.getBoundingClientRect().top : innerHeight;
  return box.height > 0 && box.top >= 0 && box.bottom <= foot;
}"""


def urgent_first(page, tier):
    """After saving with a warning sign: the tier's advice holds the focus, and its heading and
    leading call action are on the 390x844 screen, above the confirmation and the fuller check."""
    block = page.locator("#log-block")
    expect(block.get_by_role("heading", name=questions.TIER[tier].name)).to_be_visible()
    page.wait_for_function("() => document.activeElement && document.activeElement.id === 'log-block'")
    assert page.evaluate(ON_SCREEN, "#log-block .tier-name")
    assert page.evaluate(ON_SCREEN, "#log-block .call-actions > :first-child")
    order = page.evaluate("""() => ['log-block', 'log-done', 'log-suggest']
      .map((id) => document.getElementById(id)).map((el) => el.getBoundingClientRect().top)""")
    assert order == sorted(order)
    expect(block.get_by_role("link", name="Ticked by mistake? Edit the log entry")).to_be_visible()


def test_a_warning_sign_saved_from_the_foot_of_the_log_shows_who_to_call_first(browser, live_server):
    # The reviewer's walk: both legs and fever ticked, "Save entry" at the foot of the form.
    context, page = phone(browser, timezone="America/New_York", locale="en-US")
    go_offline(context, page, live_server)
    pass_safety_check(page)
    page.goto(live_server + "/log/new")
    page.locator("#field-legPain").get_by_role("radio", name="7", exact=True).click()
    page.get_by_label(WARNING_LABELS["both-legs"]).check()
    page.get_by_label(WARNING_LABELS["fever"]).check()
    page.get_by_role("button", name="Save entry").click()
    assert questions.tier_for(["both-legs", "fever"], level_order=LEVELS) == "emergency"
    urgent_first(page, "emergency")
    expect(page.locator("#log-block .call-emergency")).to_have_text("Call 911")
    # The fuller check is offered after the confirmation, not as a second green button beside the call.
    expect(page.locator("#log-suggest-link")).not_to_have_class(re.compile(r"\bprimary\b"))
    expect(page.locator("#log-done")).to_be_visible()
    assert context.console.errors == []
    context.close()


def test_every_warning_sign_the_log_offers_shows_its_tier_first(browser, live_server):
    context, page = phone(browser)
    go_offline(context, page, live_server)
    pass_safety_check(page)
    assert set(WARNING_LABELS) == set(questions.LOG_WARNING_SIGNS)
    for sign in questions.LOG_WARNING_SIGNS:
        page.goto(live_server + "/log/new")
        page.locator("#field-legPain").get_by_role("radio", name="5", exact=True).click()
        page.get_by_label(WARNING_LABELS[sign]).check()
        page.get_by_role("button", name="Save entry").click()
        # Every sign the log offers is one FACTS calls urgent: "Emergency now" or "Today", with a call.
        tier = questions.tier_for([sign], level_order=LEVELS)
        assert questions.TIER[tier].call is not None
        urgent_first(page, tier)
        # One entry a day at a time: the next sign's tier is its own.
        page.evaluate(
            "async () => { for (const l of await Relieve.store.all('logs')) await Relieve.records.remove('symptom_log', l.id); }"
        )
    assert context.console.errors == []
    context.close()


def test_a_contraindication_shows_on_cards_routines_and_in_the_player(context, page, live_server):
    go_offline(context, page, live_server)
    pass_safety_check(page, contraindications=("blood-clot",))
    page.goto(live_server + "/techniques/foam-roll-glutes")
    expect(page.locator("#card-safety")).to_contain_text("Not advised for you: you told us you have a blood clot (DVT)")
    page.goto(live_server + "/techniques/pelvic-tilt")
    expect(page.locator("#card-safety")).to_be_hidden()
    page.goto(live_server + "/techniques/")
    expect(page.locator('.card-tile[data-slug="foam-roll-glutes"] .safety-tag')).to_have_text("Not advised for you")
    expect(page.locator('.card-tile[data-slug="pelvic-tilt"] .safety-tag')).to_have_count(0)
    page.goto(live_server + "/routines/")
    expect(page.locator('.routine-tile[data-routine="morning-relief"] .safety-tag')).to_be_visible()
    expect(page.locator('.routine-tile[data-routine="after-massage-stretches"] .safety-tag')).to_have_count(0)
    page.goto(live_server + "/routines/morning-relief")
    expect(page.locator("#routine-safety")).to_contain_text("Foam roller: glutes")
    # The routine page lists it as left out, with the reason, and its totals leave it out.
    expect(page.locator('li[data-technique="foam-roll-glutes"] .left-out-reason')).to_have_text(
        "Left out for you: not advised with a blood clot (DVT) or suspected clot."
    )
    expect(page.locator("#routine-time")).to_contain_text("1 step left out")
    # Left out of the routine itself: the player never reaches it.
    skipped = page.evaluate("""async () => {
      const data = await Relieve.catalog.load();
      const routine = await Relieve.catalog.routine('morning-relief');
      return Relieve.expand.expandRoutine(routine, data.techniques, { skip: ['foam-roll-glutes'] }).length;
    }""")
    page.get_by_role("link", name="Start", exact=True).click()
    expect(page.locator("#player-run")).to_be_visible()
    expect(page.locator("#left-out")).to_contain_text("Foam roller: glutes")
    total = page.evaluate("JSON.parse(JSON.parse(localStorage.getItem('relieve.player')).state).segments.length")
    assert total == skipped
    assert context.console.errors == []


MAKE_V2_DATABASE = """() => new Promise((resolve, reject) => {
  // The schema as version 2 of the app left it, with one record of each kind and an unsent change.
  const request = indexedDB.open('relieve', 2);
  request.onupgradeneeded = () => {
    const db = request.result;
    db.createObjectStore('routines', { keyPath: 'id' });
    db.createObjectStore('sessions', { keyPath: 'id' }).createIndex('startedAt', 'startedAt');
    db.createObjectStore('flags', { keyPath: 'id' }).createIndex('technique', 'technique');
    db.createObjectStore('outbox', { keyPath: 'key' });
    db.createObjectStore('meta', { keyPath: 'key' });
  };
  request.onerror = () => reject(request.error);
  request.onsuccess = () => {
    const db = request.result;
    const tx = db.transaction(['routines', 'sessions', 'flags', 'outbox', 'meta'], 'readwrite');
    const id = '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
    tx.objectStore('routines').put({ id, name: 'Old routine', steps: [{ technique: 'pelvic-tilt', reps: 8, sides: 'none' }] });
    tx.objectStore('sessions').put({ id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c', routineId: id, routineName: 'Old routine',
      startedAt: '2026-11-20T08:00:00.000Z', endedAt: '2026-11-20T08:10:00.000Z', status: 'finished', completed: [], skipped: [] });
    tx.objectStore('flags').put({ id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5d', technique: 'cat-cow', at: '2026-11-20T08:05:00.000Z' });
    tx.objectStore('outbox').put({ key: 'routine:' + id, type: 'routine', id, op: 'put', updatedAt: 1, data: {} });
    tx.objectStore('meta').put({ key: 'cursor', value: '42' });
    tx.oncomplete = () => { db.close(); resolve(); };
  };
})"""


def test_an_older_database_upgrades_and_keeps_its_data(page, live_server):
    # The manifest is on the app's origin but runs none of its scripts: the old schema is made first.
    page.goto(live_server + "/manifest.webmanifest")
    page.evaluate(MAKE_V2_DATABASE)
    page.goto(live_server + "/log/")
    page.wait_for_function("() => window.Relieve && window.Relieve.store")
    counts = page.evaluate("""async () => {
      const names = ['routines', 'sessions', 'flags', 'outbox', 'logs', 'screenings'];
      const counts = await Promise.all(names.map((n) => Relieve.store.count(n)));
      return Object.fromEntries(names.map((n, i) => [n, counts[i]]));
    }""")
    assert counts == {"routines": 1, "sessions": 1, "flags": 1, "outbox": 1, "logs": 0, "screenings": 0}
    # Record types the old version skipped when it pulled are pulled again.
    assert page.evaluate("Relieve.store.get('meta', 'cursor')") is None
    page.goto(live_server + "/history")
    expect(page.locator(".history-item h2")).to_have_text(["Old routine"])


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_with_data(browser, live_server, scheme):
    with axe_page(browser, scheme) as (page, check):
        page.goto(live_server + "/log/new")
        page.get_by_role("button", name="Save", exact=True).click()
        check("log form with errors")
        page.locator("#field-legPain").get_by_role("radio", name="6", exact=True).click()
        page.locator("#field-backPain").get_by_role("radio", name="3", exact=True).click()
        page.get_by_role("button", name="Left calf").click()
        page.get_by_role("button", name="Right back of thigh").click()
        page.get_by_label("Symptoms in both legs").check()
        page.get_by_role("button", name="Save", exact=True).click()
        page.locator("#log-block").wait_for()
        check("saved with a warning sign")
        page.goto(live_server + "/log/")
        page.locator(".log-item").wait_for()
        check("log list")
        page.goto(live_server + "/safety/?part=red-flags")
        page.get_by_role("button", name="Next").click()
        check("safety check with errors")
        answer_check(page)
        page.get_by_role("button", name="Next").click()
        answer_check(page, yes=("fever",))
        page.get_by_role("button", name="Save my answers").click()
        page.locator("#safety-block").wait_for()
        check("safety check result")
        page.goto(live_server + "/play?routine=desk-break")
        page.locator("#player-blocked").wait_for()
        check("player blocked")
        page.goto(live_server + "/")
        page.locator("#safety-today").wait_for()
        check("home on a red-flag day")
