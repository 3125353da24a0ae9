"""Clock-proof sync in the browser (issue 14): a phone whose clock is 12 hours fast stamps its
changes with the server's time, so a later edit on another device wins; changes an older app
stamped with a wrong clock, or set aside because the server refused their time, are re-stamped
and reach the account."""

import time
from datetime import datetime, timedelta

from playwright.sync_api import expect

from tests.browser.conftest import EMAIL, come_back, sign_in, status, wait_for_service_worker
from tests.browser.conftest import device as phone
from webapp.extensions import db
from webapp.sync.models import SyncRecord

HOUR = 3600 * 1000


def device(browser, ahead_ms=0):
    context, page = phone(browser)
    if ahead_ms:
        # Only the device's clock moves: its timers run at their normal pace.
        page.clock.set_system_time(datetime.now() + timedelta(milliseconds=ahead_ms))
    return context, page


def synced(page, live_server):
    """The routines page after a pull: a page view alone pulls at most every few minutes
    (docs/sync.md); coming back to the app pulls at once."""
    page.goto(live_server + "/routines/")
    come_back(page)
    expect(status(page)).to_have_text("Synced")


def stored(live_app):
    with live_app.app_context():
        rows = db.session.scalars(db.select(SyncRecord).filter_by(deleted=False)).all()
        result = {r.record_id: (r.updated_at, r.data.get("name")) for r in rows}
        db.session.remove()
        return result


def now_ms():
    return int(time.time() * 1000)


def test_a_phone_12_hours_fast_does_not_override_a_later_edit(browser, live_app, live_server, account):
    (ctx_fast, fast), (ctx_right, right) = device(browser, ahead_ms=12 * HOUR), device(browser)
    assert fast.evaluate("Date.now()") - now_ms() > 11 * HOUR, "the test's own check: the phone is fast"
    for page in (fast, right):
        sign_in(page, live_server, EMAIL)
        wait_for_service_worker(page, 60_000)
        expect(status(page)).to_have_text("Synced")

    # The fast phone makes a routine: it is stamped with the server's time, not 12 hours ahead.
    # ?add= makes the step once the builder has loaded the catalog (a click before then fails).
    fast.goto(live_server + "/routines/new?add=pelvic-tilt")
    expect(fast.get_by_role("list", name="Steps").get_by_role("listitem")).to_have_count(1)
    fast.get_by_label("Name").fill("Made on the fast phone")
    fast.get_by_role("button", name="Save routine").click()
    expect(fast.locator("#builder-status")).to_contain_text("Saved")
    synced(fast, live_server)
    ((record_id, (stamp, _)),) = stored(live_app).items()
    assert abs(stamp - now_ms()) < 60_000, f"stamped {(stamp - now_ms()) / HOUR:.1f} h from the server's time"

    # A moment later, the right clock edits it, and then the fast phone edits it offline before
    # hearing of that: the fast phone's older edit, sent last, does not win.
    ctx_fast.set_offline(True)
    fast.goto(live_server + "/routines/")
    fast.get_by_role("link", name="Edit Made on the fast phone").click()
    expect(fast.get_by_label("Name")).to_have_value("Made on the fast phone")
    fast.get_by_label("Name").fill("Older edit on the fast phone")
    fast.get_by_role("button", name="Save routine").click()
    expect(fast.locator("#builder-status")).to_contain_text("Saved")
    fast.wait_for_timeout(50)

    synced(right, live_server)
    right.get_by_role("link", name="Edit Made on the fast phone").click()
    expect(right.get_by_label("Name")).to_have_value("Made on the fast phone")
    right.get_by_label("Name").fill("Later edit on the right clock")
    right.get_by_role("button", name="Save routine").click()
    expect(right.locator("#builder-status")).to_contain_text("Saved")
    synced(right, live_server)

    ctx_fast.set_offline(False)
    synced(fast, live_server)
    assert stored(live_app)[record_id][1] == "Later edit on the right clock"
    expect(fast.locator("#my-routines .routine-tile h3")).to_have_text(["Later edit on the right clock"])
    for context in (ctx_fast, ctx_right):
        assert context.console.errors == [], context.console.errors
        context.close()


WRONG_CLOCK_LEFTOVERS = """async ({ ahead }) => {
  const routine = (name) => ({ name, steps: [{ technique: 'pelvic-tilt', reps: 8, sides: 'none', rest: 10 }] });
  // Waiting in the outbox with a stamp 30 hours ahead (the server refuses more than 24).
  const waiting = Relieve.uuid7();
  const at = Date.now() + ahead;
  const data = { ...routine('Stamped 30 hours ahead'), updatedAt: new Date(at).toISOString() };
  await Relieve.store.put('routines', { ...data, id: waiting });
  await Relieve.store.put('outbox', { key: `routine:${waiting}`, type: 'routine', id: waiting, op: 'put', updatedAt: at, data });
  // Set aside by an older app after the server refused its time: only on the device.
  const refused = Relieve.uuid7();
  await Relieve.store.put('routines', { ...routine('Refused for its time'), updatedAt: new Date(at).toISOString(), id: refused });
  await Relieve.store.put('meta', { key: 'rejected', value: [{ key: `routine:${refused}`,
    message: "Change 0: 'updated_at' must be a time in milliseconds since 1970, not before 2024 nor in the future" }] });
  return [waiting, refused];
}"""


def test_changes_stamped_by_a_wrong_clock_reach_the_account(browser, live_app, live_server, account):
    context, page = device(browser)
    sign_in(page, live_server, EMAIL)
    expect(status(page)).to_have_text("Synced")
    ids = page.evaluate(WRONG_CLOCK_LEFTOVERS, {"ahead": 30 * HOUR})
    synced(page, live_server)
    on_server = stored(live_app)
    assert sorted(on_server) == sorted(ids)
    for stamp, _ in on_server.values():
        assert abs(stamp - now_ms()) < 60_000
    assert page.evaluate("async () => (await Relieve.store.get('meta', 'rejected') || {}).value || []") == []
    assert page.evaluate("() => Relieve.store.count('outbox')") == 0
    assert context.console.errors == [], context.console.errors
    context.close()
