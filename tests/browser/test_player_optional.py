"""The player's switch for the optional self-massage (FACTS §9): shown only for routines with
optional steps, on by default, remembered, the totals follow it, and off leaves those steps out."""

import json
from datetime import datetime, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import pass_safety_check, wait_for_service_worker

T0 = "2026-11-24T08:00:00"


def minutes(seconds):
    """As lib/dom.js formatMinutes writes it (JavaScript rounds halves up)."""
    return f"about {int(seconds / 60 + 0.5)} min"


def played_techniques(page):
    saved = page.evaluate("() => localStorage.getItem('relieve.player')")
    state = json.loads(json.loads(saved)["state"])
    return {s["technique"] for s in state["segments"] if s["kind"] == "work"}


def test_switching_off_the_optional_self_massage_leaves_it_out(context, page, live_server):
    # Installed a little before T0: pausing in the past fails on a busy machine.
    page.clock.install(time=datetime.fromisoformat(T0) - timedelta(seconds=2))
    page.clock.pause_at(T0)
    page.goto(live_server + "/")
    wait_for_service_worker(page)
    pass_safety_check(page)
    context.set_offline(True)

    routine = page.evaluate("async () => (await Relieve.catalog.load()).routines.find((r) => r.id === 'desk-break')")
    optional = {s["technique"] for s in routine["steps"] if s.get("optional")}
    required = {s["technique"] for s in routine["steps"] if not s.get("optional")}
    assert optional and required
    facts = page.evaluate(
        "async () => { const c = await Relieve.catalog.load(); const r = c.routines.find((x) => x.id === 'desk-break');"
        " return Relieve.catalog.facts(r); }"
    )

    # The switch is on the routine page (the player starts in one tap), and the totals follow it.
    page.goto(live_server + "/routines/desk-break")
    switch = page.get_by_role("switch", name="Include the optional self-massage")
    expect(switch).to_be_visible()
    expect(switch).to_be_checked()
    expect(page.locator("#optional-hint")).to_contain_text("self-massage is an extra you can leave out")
    expect(page.locator("#routine-time")).to_have_text(minutes(facts["seconds"]))
    expect(page.locator(".optional-step .left-out-reason")).to_have_count(0)

    switch.uncheck()
    expect(page.locator("#routine-time")).to_have_text(minutes(facts["secondsWithoutOptional"]))
    expect(page.locator(".optional-step .left-out-reason").first).to_have_text(
        "Left out: the optional self-massage is switched off."
    )

    # Remembered: a reload keeps it off, and the player leaves those steps out.
    page.reload()
    expect(page.get_by_role("switch", name="Include the optional self-massage")).not_to_be_checked()
    page.get_by_role("link", name="Start", exact=True).click()
    expect(page.locator("#phase")).to_contain_text("Get ready")
    assert played_techniques(page) == required

    # A routine without optional steps shows no switch.
    page.evaluate("() => localStorage.removeItem('relieve.player')")
    no_optional = page.evaluate(
        "async () => (await Relieve.catalog.load()).routines.find((r) => r.steps.every((s) => !s.optional)) || null"
    )
    if no_optional:
        page.goto(live_server + f"/routines/{no_optional['id']}")
        expect(page.locator("#routine-time")).to_be_visible()
        expect(page.locator("#optional-switch")).to_have_count(0)
    assert context.console.errors == []
