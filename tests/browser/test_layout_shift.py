"""Nothing moves under the reader's thumb (issue 15): pages drawn from the device's data show
their content once the first draw is done (static/js/lib/settle.js), so the notices, offers and
banners a script reveals never push the page down. Measured as the browser's own cumulative
layout shift on a phone with the CPU slowed four times, as Lighthouse's mobile run does: without
the settle step the first visit to Today shifts by about 0.28 here."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, pass_safety_check

# Every layout shift since the page started, as the browser scores it (input-driven ones excluded).
RECORD_SHIFTS = """
window.__shifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (!entry.hadRecentInput) window.__shifts.push({ value: entry.value, at: Math.round(entry.startTime),
      nodes: (entry.sources || []).map((s) => s.node && s.node.nodeType === 1 ? (s.node.id || s.node.className) : '?') });
  }
}).observe({ type: 'layout-shift', buffered: true });
"""


SLOW_PERSISTED = """
if (navigator.storage && navigator.storage.persisted) {
  const persisted = navigator.storage.persisted.bind(navigator.storage);
  navigator.storage.persisted = () => new Promise((resolve) => { setTimeout(() => resolve(persisted()), 250); });
}
"""


@pytest.fixture
def slow_phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    context.set_default_timeout(15_000)
    context.add_init_script(RECORD_SHIFTS)
    page = context.new_page()
    context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": 4})
    yield page
    context.close()


def shifts_after_settling(page):
    """The page's layout shifts once it has shown its content and a moment has passed."""
    page.wait_for_function("() => !document.documentElement.hasAttribute('data-settling')")
    page.wait_for_timeout(600)
    return page.evaluate("window.__shifts")


def test_today_on_a_first_visit_does_not_move(slow_phone, live_server):
    slow_phone.goto(live_server + "/")
    assert shifts_after_settling(slow_phone) == []
    expect(slow_phone.locator("#first-run")).to_be_visible()


@pytest.mark.parametrize("path", ["/routines/", "/history", "/log/"])
def test_the_storage_notice_is_drawn_before_the_page_shows(slow_phone, live_server, path):
    """Signed out, a device that has used the app is told its data is kept only here. The notice
    sits above the content; drawn after the page showed, it pushed the lists down by its height
    (0.13 on the routines list, measured by Lighthouse). Like Lighthouse, the service worker and
    its caches are cleared first, so the page loads from the network; and the browser takes a
    quarter of a second to say whether its storage is persistent, as a busy phone can."""
    slow_phone.goto(live_server + "/")
    pass_safety_check(slow_phone)
    cdp = slow_phone.context.new_cdp_session(slow_phone)
    cdp.send("Storage.clearDataForOrigin", {"origin": live_server, "storageTypes": "service_workers,cache_storage"})
    cdp.send("Network.clearBrowserCache")
    slow_phone.context.add_init_script(SLOW_PERSISTED)
    assert slow_phone.goto(live_server + path).ok
    assert shifts_after_settling(slow_phone) == []
    expect(slow_phone.locator("#storage-notice")).to_be_visible()


def test_a_red_flag_day_does_not_move_today_or_the_routines_list(slow_phone, live_server):
    slow_phone.goto(live_server + "/")
    pass_safety_check(slow_phone, red_flags=("bladder",))
    for path in ("/", "/routines/"):
        slow_phone.goto(live_server + path)
        assert shifts_after_settling(slow_phone) == [], path
        expect(slow_phone.get_by_role("alert").first).to_be_visible()


def test_the_player_sending_a_new_person_to_the_safety_check_does_not_move(slow_phone, live_server):
    slow_phone.goto(live_server + "/play?routine=desk-break")
    expect(slow_phone).to_have_url(re.compile(r"/safety/"))
    assert shifts_after_settling(slow_phone) == []


def test_a_card_and_a_routine_page_do_not_move_once_checked(slow_phone, live_server):
    slow_phone.goto(live_server + "/")
    pass_safety_check(slow_phone)
    for path in ("/techniques/", "/routines/desk-break", "/history"):
        assert slow_phone.goto(live_server + path).ok
        assert shifts_after_settling(slow_phone) == [], path


def test_without_scripts_the_page_shows_at_once(browser, live_server):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/routines/")
    # No waiting for the fallback: the <noscript> style shows the page straight away.
    assert page.locator("main").evaluate("(main) => getComputedStyle(main).visibility") == "visible"
    context.close()
