"""Issue 13 in the browser, offline: the quick log stores only what was shown, the body map keeps
older entries, medicines are logged and re-logged in one tap, and the weekly function check-in
(PSFS) is set up and rated; bad input is explained on the form; axe finds nothing serious."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import ARTIFACTS, axe_page, go_offline

# What an entry holds when the person chose leg pain alone (id and updatedAt aside).
QUICK_KEYS = {"loggedAt", "legPain", "areas", "sensations", "helped", "helpedOther", "sleep", "notes", "warningSigns"}


def stored(page, name):
    return page.evaluate(f"Relieve.store.all('{name}')")


def newest_log(page):
    # Entries made within a minute share loggedAt (the form has minute precision): newest saved.
    return max(stored(page, "logs"), key=lambda e: e["updatedAt"])


def test_a_one_tap_quick_log_stores_only_what_was_shown(context, page, live_server):
    go_offline(context, page, live_server)
    page.goto(live_server + "/log/new")
    # A full entry first.
    page.locator("#field-legPain").get_by_role("radio", name="7", exact=True).click()
    page.locator("#field-backPain").get_by_role("radio", name="4", exact=True).click()
    page.get_by_role("button", name="Left buttock").click()
    page.get_by_role("button", name="Left back of thigh").click()
    page.get_by_label("Burning").check()
    page.locator("#field-numbness").get_by_role("radio", name="Moderate", exact=True).click()
    page.locator("#field-weakness").get_by_role("radio", name="Mild", exact=True).click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    full = newest_log(page)
    assert (full["backPain"], full["numbness"], full["weakness"]) == (4, "moderate", "mild")

    # Then the quick log: one pain number and Save. Nothing from the last entry is on the form,
    # only offered (with what it would copy).
    page.goto(live_server + "/log/new")
    offer = page.locator("#log-last")
    expect(offer).to_be_visible()
    expect(offer).to_contain_text("Back pain: 4 out of 10")
    expect(offer).to_contain_text("Buttock (left), back of thigh (left)")
    expect(offer).to_contain_text("Numbness: moderate")
    expect(page.locator("#log-form input:checked")).to_have_count(0)
    expect(page.locator('.bm-button[aria-pressed="true"]')).to_have_count(0)
    page.locator("#field-legPain").get_by_role("radio", name="3", exact=True).click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    expect(page.locator("#log-done-list li")).to_have_text(["Leg pain: 3 out of 10"])
    expect(page.locator("#log-done-missing")).to_have_text(
        "Not recorded this time: back pain, where you feel it, numbness, tingling, weakness."
    )
    quick = newest_log(page)
    assert set(quick) - {"id", "updatedAt"} == QUICK_KEYS
    assert (quick["legPain"], quick["areas"], quick["sensations"], quick["warningSigns"]) == (3, {}, [], [])
    # The outbox sends the same: nothing unseen reaches the account either.
    [sent] = [o for o in stored(page, "outbox") if o["id"] == quick["id"]]
    assert set(sent["data"]) - {"updatedAt"} == QUICK_KEYS

    # "Same as last time" is an explicit choice, shown before saving; the quick entry had nothing
    # to copy, so the full one before it is offered.
    page.goto(live_server + "/log/new")
    expect(page.locator("#log-last")).to_contain_text("Back pain: 4 out of 10")
    page.locator("#field-legPain").get_by_role("radio", name="4", exact=True).click()
    page.get_by_role("button", name="Use these again").click()
    expect(page.locator("#log-last-text")).to_be_focused()
    expect(page.locator("#field-numbness input[value='moderate']")).to_be_checked()
    expect(page.get_by_role("button", name="Left buttock")).to_have_attribute("aria-pressed", "true")
    # An answer can be taken back: numbness not answered today.
    page.get_by_role("button", name="Clear numbness").click()
    expect(page.locator("#field-numbness input:checked")).to_have_count(0)
    expect(page.get_by_role("button", name="Clear numbness")).to_be_hidden()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#log-done-list li")).to_contain_text(["Leg pain: 4 out of 10", "Back pain: 4 out of 10"])
    copied = newest_log(page)
    assert (copied["legPain"], copied["backPain"], copied["weakness"]) == (4, 4, "mild")
    assert copied["areas"] == full["areas"] and copied["sensations"] == ["burning"]
    assert "tingling" not in copied and "numbness" not in copied
    assert context.console.errors == []


def test_the_body_map_front_and_back_and_an_older_entry(context, page, live_server):
    go_offline(context, page, live_server)
    # An entry from the first, four-region map (with "foot") and every level set.
    page.evaluate("""Relieve.records.save('symptom_log', { id: '0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60',
      loggedAt: '2026-11-20T08:00:00.000Z', legPain: 5, backPain: 2, numbness: 'none', tingling: 'mild',
      weakness: 'none', areas: { foot: 'right', thigh: 'left' }, sensations: ['numb'], helped: [], helpedOther: '',
      sleep: null, notes: '', warningSigns: [] })""")
    page.goto(live_server + "/log/")
    expect(page.locator(".log-item")).to_contain_text("felt in back of thigh (left), foot (older entries) (right)")
    page.goto(live_server + "/log/new?id=0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a60")
    older = page.get_by_role("button", name="Right foot (older entries)")
    expect(older).to_be_visible()
    expect(older).to_have_attribute("aria-pressed", "true")
    # "Numb" is asked with how strong now; an entry that has the older chip keeps it, shown and ticked.
    expect(page.get_by_label("Numb", exact=True)).to_be_checked()
    expect(page.get_by_label("Numb", exact=True)).to_be_visible()

    page.goto(live_server + "/log/new")
    expect(page.get_by_label("Numb", exact=True)).to_be_hidden()
    page.locator("#field-legPain").get_by_role("radio", name="6", exact=True).click()
    expect(page.get_by_role("button", name="Right foot (older entries)")).to_be_hidden()
    page.get_by_role("button", name="Right lower back").click()
    page.locator('.bm-region[data-region="calf"][data-side="right"]').click()
    page.get_by_role("button", name="Front", exact=True).click()
    expect(page.get_by_role("button", name="Back", exact=True)).to_have_attribute("aria-pressed", "false")
    page.get_by_role("button", name="Right front of thigh").click()
    page.get_by_role("button", name="Left top of foot").click()
    page.get_by_role("button", name="Right top of foot").click()
    expect(page.locator("#areas-summary")).to_have_text(
        "Chosen: Lower back (right), front of thigh (right), calf (right), top of foot (both sides)"
    )
    page.get_by_label("Electric or shooting").check()
    page.get_by_role("button", name="Save entry").click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    entry = newest_log(page)
    assert entry["areas"] == {"lower-back": "right", "calf": "right", "thigh-front": "right", "foot-top": "both"}
    assert entry["sensations"] == ["shooting"]
    # Each region button is a full-size target.
    page.goto(live_server + "/log/new")
    box = page.get_by_role("button", name="Left buttock").bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    assert context.console.errors == []


def centre_x(locator):
    box = locator.bounding_box()
    return box["x"] + box["width"] / 2


def test_the_body_map_draws_each_side_where_its_buttons_are(context, page, live_server):
    """From behind, the person's left is on the viewer's left; from the front it is mirrored. The
    buttons, the words on the drawing and the drawn regions all agree, in both views."""
    go_offline(context, page, live_server)
    page.goto(live_server + "/log/new")
    toggle = page.get_by_role("button", name="Back", exact=True)
    assert toggle.bounding_box()["height"] >= 44
    for view, region, label, person_left_on_viewer_left in (
        ("back", "calf", "calf", True),
        ("front", "knee", "knee", False),
    ):
        if view == "front":
            page.get_by_role("button", name="Front", exact=True).click()
            expect(page.get_by_role("button", name="Front", exact=True)).to_have_attribute("aria-pressed", "true")
        shown = page.locator(f'.body-map[data-view="{view}"]')
        middle = centre_x(shown.locator(".body-figure"))
        words = shown.locator(".body-figure text")
        expect(words).to_have_text(["Left", "Right"] if person_left_on_viewer_left else ["Right", "Left"])
        assert (centre_x(words.first) < middle) and (centre_x(words.last) > middle)
        for side in ("left", "right"):
            button = page.get_by_role("button", name=f"{side.capitalize()} {label}", exact=True)
            drawn = shown.locator(f'.bm-region[data-region="{region}"][data-side="{side}"]')
            on_viewer_left = (side == "left") == person_left_on_viewer_left
            assert (centre_x(button) < middle) == on_viewer_left, (view, side, "button")
            assert (centre_x(drawn) < middle) == on_viewer_left, (view, side, "drawing")
            # Tapping the drawing presses that side's button, and the region shows it by more than colour.
            plain_stroke = drawn.evaluate("node => getComputedStyle(node).strokeWidth")
            drawn.click()
            expect(button).to_have_attribute("aria-pressed", "true")
            style = drawn.evaluate("node => { const s = getComputedStyle(node); return [s.fill, s.strokeWidth]; }")
            assert style[0].startswith("url(") and style[1] != plain_stroke, style
        # The buttons run top to bottom, as the body does.
        names = shown.locator(".bm-button.left").evaluate_all("nodes => nodes.map(n => n.textContent.trim())")
        tops = [b.bounding_box()["y"] for b in shown.locator(".bm-button.left").all()]
        assert tops == sorted(tops)
        assert names == (
            ["Lower back", "Buttock", "Back of thigh", "Calf", "Sole of foot"]
            if view == "back"
            else ["Hip", "Groin", "Front of thigh", "Knee", "Shin", "Ankle", "Top of foot"]
        )
    assert context.console.errors == []


def test_a_medicine_logged_and_logged_again_in_one_tap(context, page, live_server):
    go_offline(context, page, live_server)
    page.goto(live_server + "/")
    page.get_by_role("link", name="Log a medicine or treatment").click()
    expect(page.get_by_role("heading", name="Medicines and treatments", level=1)).to_be_visible()

    # Bad input first: a medicine needs a name, of a sane length, and not in the future.
    page.locator("#field-kind").get_by_role("radio", name="Medicine").click()
    page.get_by_label("When").fill("2031-01-01T10:00")
    page.get_by_role("button", name="Save", exact=True).click()
    summary = page.locator("#treatment-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Name: Enter the name of the medicine.")
    expect(summary).to_contain_text("When: The date and time can't be in the future.")
    page.get_by_label("Name of the medicine").fill("x" * 81)
    expect(page.locator("#name-error")).to_have_text("The name can be up to 80 characters (this has 81).")
    page.get_by_label("Name of the medicine").fill("Ibuprofen")
    expect(page.locator("#name-error")).to_be_hidden()  # clears once fixed
    assert stored(page, "treatments") == []

    page.get_by_label("When").fill("2026-11-20T08:30")
    page.get_by_label("Dose").fill("400 mg")
    page.locator("#field-helped").get_by_role("radio", name="A little").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#treatment-done-text")).to_contain_text("Logged Ibuprofen 400 mg")
    [first] = stored(page, "treatments")
    assert (first["kind"], first["name"], first["dose"], first["helped"]) == (
        "medicine",
        "Ibuprofen",
        "400 mg",
        "a-little",
    )

    # One tap logs it again, now.
    # The button says when it was last logged, so a second dose too soon shows before the tap.
    expect(page.get_by_role("button", name="Log Ibuprofen 400 mg again now")).to_contain_text("Last logged")
    page.get_by_role("button", name="Log Ibuprofen 400 mg again now").click()
    expect(page.locator("#treatment-done-text")).to_contain_text("Logged Ibuprofen 400 mg")
    expect(page.locator("#treatment-done-text")).not_to_contain_text("also logged")  # the first was days ago
    both = sorted(stored(page, "treatments"), key=lambda t: t["takenAt"])
    assert len(both) == 2 and both[0]["id"] == first["id"]
    again = both[1]
    assert (again["kind"], again["name"], again["dose"], again["helped"]) == ("medicine", "Ibuprofen", "400 mg", None)
    assert again["takenAt"] > first["takenAt"]
    outbox = {o["id"] for o in stored(page, "outbox") if o["type"] == "treatment"}
    assert outbox == {first["id"], again["id"]}

    # Edit straight after: say it helped.
    page.get_by_role("button", name="Edit", exact=True).first.click()
    expect(page.locator("#treatment-form-heading")).to_contain_text("Edit: Ibuprofen 400 mg")
    page.locator("#field-helped").get_by_role("radio", name="Yes").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#treatment-done-text")).to_contain_text("Saved changes to Ibuprofen 400 mg")
    assert {t["id"]: t["helped"] for t in stored(page, "treatments")}[again["id"]] == "yes"

    # A third, undone at once.
    page.locator("#field-kind").get_by_role("radio", name="Heat").click()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#treatment-done-text")).to_contain_text("Logged Heat")
    assert len(stored(page, "treatments")) == 3
    page.get_by_role("button", name="Undo").click()
    expect(page.locator("#treatment-done-text")).to_have_text("Removed Heat.")
    assert len(stored(page, "treatments")) == 2
    expect(page.locator(".treatment-item")).to_have_count(2)

    # The same medicine again a moment later (a double tap, or a dose forgotten): said at once.
    page.get_by_role("button", name="Log Ibuprofen 400 mg again now").click()
    expect(page.locator("#treatment-done-text")).to_contain_text(
        re.compile(r"Ibuprofen 400 mg was also logged (just now|\d+ minutes? ago)\. If one was logged by mistake")
    )
    assert len(stored(page, "treatments")) == 3
    assert context.console.errors == []


def test_psfs_set_up_and_a_weekly_rating(context, page, live_server):
    go_offline(context, page, live_server)
    page.goto(live_server + "/log/function")
    expect(page.locator(".source-note")).to_contain_text("Stratford")
    # Fewer than 3 activities, or a name too long: explained, nothing saved.
    page.get_by_label("Activity 1").fill("Sitting through a film")
    page.get_by_label("Activity 2").fill("a" * 61)
    page.get_by_role("button", name="Save activities").click()
    summary = page.locator("#setup-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Name at least 3 activities")
    expect(summary).to_contain_text("Keep the name to 60 characters (it has 61).")
    page.get_by_label("Activity 2").fill("Walking the dog")
    expect(page.locator("#activity-1-error")).to_be_hidden()
    # An example fills the next empty box in one tap; examples already used are not offered again.
    expect(page.get_by_role("button", name="Sitting through a film")).to_be_hidden()
    page.get_by_role("button", name="Putting on socks").click()
    expect(page.get_by_label("Activity 3")).to_have_value("Putting on socks")
    expect(page.get_by_label("Activity 3")).to_be_focused()
    page.get_by_role("button", name="Save activities").click()
    expect(page.locator("#function-status")).to_contain_text("Your activities are saved")
    activities = sorted(stored(page, "activities"), key=lambda a: a["addedAt"])
    assert [a["name"] for a in activities] == ["Sitting through a film", "Walking the dog", "Putting on socks"]
    assert not any(a["archived"] for a in activities)

    # Today offers the check-in once the activities are set up and none is done.
    page.goto(live_server + "/")
    expect(page.get_by_role("link", name="Weekly check-in due")).to_be_visible()
    page.get_by_role("link", name="Weekly check-in due").click()

    # The first check-in: each activity rated; the change since the start isn't asked yet.
    expect(page.locator("#field-change")).to_be_hidden()
    page.get_by_role("button", name="Save check-in").click()
    check_summary = page.locator("#check-errors")
    expect(check_summary).to_be_focused()
    expect(check_summary).to_contain_text("Walking the dog: Choose how well you could do this now")
    expect(check_summary).to_contain_text("even if you did not try it this week")
    ratings = {"Sitting through a film": "2", "Walking the dog": "5", "Putting on socks": "0, unable to do it"}
    for name, score in ratings.items():
        page.get_by_role("group", name=name).get_by_role("radio", name=score, exact=True).click()
    page.get_by_label("Minutes you can walk").fill("30")
    page.get_by_label("Minutes you can sit").fill("601")
    page.get_by_role("button", name="Save check-in").click()
    expect(check_summary).to_contain_text("Sitting: Enter whole minutes you can sit, from 0 to 600")
    page.get_by_label("Minutes you can sit").fill("45")
    expect(page.locator("#sitMinutes-error")).to_be_hidden()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("#function-status")).to_contain_text(
        "Check-in saved: average 2.3 out of 10 across 3 activities"
    )
    [check] = stored(page, "checks")
    by_id = {a["id"]: a["name"] for a in activities}
    assert [(by_id[r["activity"]], r["name"], r["score"]) for r in check["ratings"]] == [
        ("Sitting through a film", "Sitting through a film", 2),
        ("Walking the dog", "Walking the dog", 5),
        ("Putting on socks", "Putting on socks", 0),
    ]
    assert (check["walkMinutes"], check["sitMinutes"], check["change"]) == (30, 45, None)
    # Checked in this week: the form folds away behind a button instead of asking again at once;
    # opened, the second check-in asks the 7-point change. Today no longer says one is due.
    expect(page.locator("#check-form")).to_be_hidden()
    page.get_by_role("button", name="Check in again now").click()
    expect(page.locator("#field-change")).to_be_visible()
    page.goto(live_server + "/")
    page.wait_for_function("() => window.Relieve && window.Relieve.store")
    expect(page.locator("#check-due")).to_be_hidden()

    # Changing the activities: an emptied box archives its activity, a new name adds one; the
    # check-in's ratings keep the names they were given.
    page.goto(live_server + "/log/function")
    page.get_by_text("Change your activities").click()
    page.get_by_label("Activity 3", exact=True).fill("")
    page.get_by_label("Activity 4").fill("Lifting my toddler")
    page.get_by_role("button", name="Save activities").click()
    page.get_by_role("button", name="Check in again now").click()
    expect(page.get_by_role("group", name="Lifting my toddler")).to_be_visible()
    expect(page.get_by_role("group", name="Putting on socks")).to_have_count(0)
    archived = {a["name"]: a["archived"] for a in stored(page, "activities")}
    assert archived == {
        "Sitting through a film": False,
        "Walking the dog": False,
        "Putting on socks": True,
        "Lifting my toddler": False,
    }
    expect(page.locator("#check-list")).to_contain_text("Putting on socks: 0")

    # The second check-in says at once how the average moved since the first (as Insights does).
    for name, score in {"Sitting through a film": "5", "Walking the dog": "7", "Lifting my toddler": "6"}.items():
        page.get_by_role("group", name=name).get_by_role("radio", name=score, exact=True).click()
    page.get_by_role("button", name="Save check-in").click()
    expect(page.locator("#function-status")).to_contain_text(
        "Check-in saved: average 6 out of 10 across 3 activities. Up 3.7 points since your first check-in "
        "(2.3 then 6), a change most people notice."
    )
    page.locator("#function-status").scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "screenshots" / "function-second-check-in.png"))
    assert context.console.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations_on_the_new_screens(browser, live_server, scheme):
    with axe_page(browser, scheme) as (page, check):
        page.goto(live_server + "/log/new")
        page.locator("#field-legPain").get_by_role("radio", name="6", exact=True).click()
        page.get_by_role("button", name="Left calf").click()
        page.get_by_label("Aching", exact=True).check()
        page.get_by_role("button", name="Save", exact=True).click()
        page.locator("#log-done-list li").first.wait_for()
        page.goto(live_server + "/log/new")
        page.locator("#log-last").wait_for()
        page.get_by_role("button", name="Right buttock").click()
        check("log form, back of the map with a region chosen")
        page.get_by_role("button", name="Front", exact=True).click()
        page.get_by_role("button", name="Right knee").click()
        check("log form, front of the map, same-as-last offer")

        page.goto(live_server + "/log/treatments")
        page.locator("#field-kind").get_by_role("radio", name="Medicine").click()
        page.get_by_role("button", name="Save", exact=True).click()
        page.locator("#treatment-errors").wait_for()
        check("treatment form with errors")
        page.get_by_label("Name of the medicine").fill("Paracetamol")
        page.get_by_role("button", name="Save", exact=True).click()
        page.get_by_role("button", name="Log Paracetamol again now").wait_for()
        check("treatments with one entry")

        page.goto(live_server + "/log/function")
        page.get_by_role("button", name="Save activities").click()
        page.locator("#setup-errors").wait_for()
        check("function set-up with errors")
        for i, name in enumerate(("Gardening", "Driving to work", "Sleeping through the night")):
            page.get_by_label(f"Activity {i + 1}", exact=True).fill(name)
        page.get_by_role("button", name="Save activities").click()
        page.get_by_role("button", name="Save check-in").click()
        page.locator("#check-errors").wait_for()
        check("function check-in with errors")
