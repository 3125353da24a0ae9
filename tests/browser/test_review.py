"""The recovery timeline on the home page, offline, with a fixed clock: the episode start date
(saved, refused when in the future) and the review suggestion after 6 weeks of flat leg pain,
with the printable summary one tap away; none when the log shows a meaningful improvement.

Today is Tuesday 24 November 2026. Entries every other day from 44 days back (11 October): flat
leg pain of 6 means no improvement (first week 6, last 7 days 6); pain falling from 7 to 4 is a
3-point drop. An episode start of 6 October is 49 days back: 7 weeks.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import axe_page, go_offline, screenshot

NOW = "2026-11-24T10:00:00"

SEED = """async ({ flat }) => {
  const R = window.Relieve;
  for (const log of await R.store.all('logs')) await R.records.remove('symptom_log', log.id);
  // Local times, so the days are the same whatever the machine's time zone.
  for (let back = 44; back >= 0; back -= 2) {
    await R.records.save('symptom_log', {
      id: R.uuid7(), loggedAt: new Date(2026, 10, 24 - back, 9).toISOString(),
      legPain: flat ? 6 : (back > 30 ? 7 : 4), backPain: 3, numbness: 'none', tingling: 'mild', weakness: 'none',
      areas: { buttock: 'left' }, helped: [], helpedOther: '', sleep: null, notes: '', warningSigns: [] });
  }
}"""


def seed(page, flat=True):
    page.wait_for_function("() => window.Relieve && window.Relieve.records")
    page.evaluate(SEED, {"flat": flat})


def test_review_nudge_after_six_weeks_of_flat_pain_offline(context, page, live_server):
    go_offline(context, page, live_server, NOW)
    nudge = page.locator("#review-nudge")
    expect(page.get_by_role("heading", name="When did this episode start?")).to_be_visible()
    expect(nudge).to_be_hidden()

    seed(page, flat=True)
    page.reload()
    # Without a start date, the weeks count from the first entry (44 days: 6 weeks).
    expect(nudge).to_be_visible()
    expect(page.locator("#review-text")).to_have_text(
        "It's been 6 weeks and your leg pain hasn't eased much. It's a good time to book a GP or physio review."
    )
    why = page.locator("#review-why li")
    expect(why.nth(0)).to_contain_text("Counting from your first log entry")
    expect(why.nth(1)).to_contain_text("leg pain averaged 6 out of 10 (4 entries)")
    expect(why.nth(2)).to_contain_text("leg pain averaged 6 out of 10 (4 entries)")
    expect(why.nth(3)).to_have_text("A meaningful change is a drop of at least 2 points or 30%.")
    expect(page.locator("#review-weakness")).to_be_hidden()

    # A start date in the future is refused, on the form, named.
    start = page.get_by_label("Start date")
    start.fill("2026-12-01")
    page.locator("#episode-form").get_by_role("button", name="Save").click()
    expect(page.locator("#episode-error")).to_have_text(re.compile("can’t be in the future"))
    expect(start).to_have_attribute("aria-invalid", "true")
    expect(start).to_be_focused()
    assert page.evaluate("() => Relieve.store.all('episodes')") == []

    start.fill("2026-10-06")
    page.locator("#episode-form").get_by_role("button", name="Save").click()
    # The browser's own date format (en-US here).
    expect(page.locator("#episode-status")).to_have_text(
        re.compile(r"^Saved\. Started (6 October|October 6), 2026, 7 weeks ago\.$")
    )
    expect(page.locator("#episode-error")).to_be_hidden()
    expect(start).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator("#review-text")).to_contain_text("It's been 7 weeks and your leg pain hasn't eased much.")
    expect(why.nth(0)).to_contain_text("when you said this episode started")
    stored = page.evaluate("() => Relieve.store.all('episodes')")
    assert [e["startedOn"] for e in stored] == ["2026-10-06"]
    outbox = page.evaluate("() => Relieve.store.all('outbox')")
    assert any(entry["type"] == "episode" for entry in outbox)

    # The date is kept, and shown on the log list too.
    page.reload()
    expect(page.get_by_label("Start date")).to_have_value("2026-10-06")
    page.evaluate("document.querySelector('#review-nudge').scrollIntoView()")
    screenshot(page, "home-review-nudge")

    # The printable summary is one tap away, offline.
    page.locator("#review-nudge").get_by_role("link", name="Open your summary to print or show").click()
    expect(page).to_have_url(re.compile(r"/insights/summary\?days=90$"))
    expect(page.locator("#summary")).to_have_attribute("data-ready", "90")

    page.goto(live_server + "/log/")
    expect(page.get_by_label("Start date")).to_have_value("2026-10-06")
    page.get_by_role("button", name="Clear").click()
    expect(page.locator("#episode-status")).to_have_text("Start date cleared.")
    assert page.evaluate("() => Relieve.store.all('episodes')") == []
    assert context.console.errors == []


def test_no_nudge_when_pain_has_eased(context, page, live_server):
    go_offline(context, page, live_server, NOW)
    seed(page, flat=False)
    page.reload()
    expect(page.get_by_role("heading", name="When did this episode start?")).to_be_visible()
    page.wait_for_timeout(300)  # the nudge is drawn from IndexedDB after the page loads
    expect(page.locator("#review-nudge")).to_be_hidden()
    # Flat pain again, as entries from another device would arrive: a sync run ends with
    # "relieve:synced" (the test kit's writes reach the page's IndexedDB, not its listeners).
    seed(page, flat=True)
    page.evaluate("() => window.dispatchEvent(new Event('relieve:synced'))")
    expect(page.locator("#review-nudge")).to_be_visible()
    assert context.console.errors == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_home_with_the_nudge_has_no_serious_axe_violations(browser, live_server, scheme):
    with axe_page(browser, scheme) as (page, check):
        page.clock.set_fixed_time(NOW)
        page.goto(live_server + "/")
        seed(page, flat=True)
        page.evaluate("() => Relieve.records.save('episode', { id: Relieve.uuid7(), startedOn: '2026-10-06' })")
        page.reload()
        expect(page.locator("#review-nudge")).to_be_visible()
        expect(page.get_by_label("Start date")).to_have_value("2026-10-06")
        check(f"home with the review nudge ({scheme})")
        # The form's error state, too.
        page.get_by_label("Start date").fill("2026-12-01")
        page.locator("#episode-form").get_by_role("button", name="Save").click()
        expect(page.locator("#episode-error")).to_be_visible()
        check(f"home, episode date refused ({scheme})")
