"""How many requests sync makes, counted in the browser (the page's and the service worker's, via
the context): a saved change is one push and nothing else; a page view online and in sync asks
the server nothing, nor does anything while signed out; a new device's first sync brings each
record once and never its own back; the page and the worker never sync at once."""

import re
import time

from playwright.sync_api import expect

from tests.browser.conftest import build_routine, sign_in, status, wait_for_service_worker
from tests.browser.conftest import device as phone
from tests.browser.kit import SEED_ROUTINES


class Requests:
    """Every API request of a context (its pages and its service worker), in order."""

    def __init__(self, context):
        self.seen, self.open, self.overlapped = [], 0, False
        context.on("request", self.started)
        context.on("requestfinished", self.ended)
        context.on("requestfailed", self.ended)

    def started(self, request):
        if "/api/" not in request.url:
            return
        self.seen.append(request)
        self.open += 1
        self.overlapped = self.overlapped or self.open > 1

    def ended(self, request):
        if "/api/" in request.url:
            self.open -= 1

    def names(self):
        return [f"{r.method} {re.sub(r'[?].*', '', r.url.split('/api/v1')[1])}" for r in self.seen]

    def clear(self):
        self.seen.clear()


def device(browser):
    context, page = phone(browser, timeout_ms=20_000)
    return context, page, Requests(context)


def settle(page, seconds=3.5):
    """Longer than the 2 s a change waits before it is sent."""
    page.wait_for_timeout(seconds * 1000)


def changes_received(requests):
    """Ids of every record the server sent this device: in pull pages and push answers."""
    ids = []
    for request in requests.seen:
        response = request.response()
        if response is None or not response.ok or "/sync/" not in request.url:
            continue
        body = response.json()
        ids += [c["id"] for c in body.get("changes", [])]
    return ids


def test_a_saved_change_is_one_push_and_a_page_view_asks_nothing(browser, live_server, account):
    context, page, requests = device(browser)
    sign_in(page, live_server, account)
    wait_for_service_worker(page)
    expect(status(page)).to_have_text("Synced")
    settle(page, 1)

    requests.clear()
    for path in ("/routines/", "/", "/log/", "/routines/"):
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
    settle(page, 1)
    assert requests.names() == []  # in sync and online: the server is not asked

    build_routine(page, live_server, "Evening stretch")
    settle(page)
    page.goto(live_server + "/routines/")
    expect(status(page)).to_have_text("Synced")
    settle(page, 1)
    assert requests.names() == ["POST /sync/push"]
    assert context.console.errors == []
    context.close()


def test_signed_out_nothing_is_asked(browser, live_server, account):
    context, page, requests = device(browser)
    page.goto(live_server + "/routines/")
    wait_for_service_worker(page)
    for name in ("One", "Two", "Three"):
        build_routine(page, live_server, name)
    page.goto(live_server + "/routines/")
    expect(status(page)).to_have_text("Saved on this device only")
    settle(page)
    assert requests.names() == []
    # Signing in is noticed on the next page (the sign-in answer sets the account cookie), and
    # the three go out in one push.
    sign_in(page, live_server, account)
    expect(status(page)).to_have_text("Synced")
    settle(page, 1)
    assert requests.names() == ["GET /session", "POST /sync/push"]
    context.close()


def test_a_new_devices_first_sync_brings_each_record_once(browser, live_server, account):
    ctx_a, a, _ = device(browser)
    a.goto(live_server + "/routines/")
    theirs = set(a.evaluate(SEED_ROUTINES, 250))
    sign_in(a, live_server, account)
    expect(status(a)).to_have_text("Synced", timeout=60_000)

    ctx_b, b, requests = device(browser)
    b.goto(live_server + "/routines/")
    mine = set(b.evaluate(SEED_ROUTINES, 120))
    sign_in(b, live_server, account)
    expect(status(b)).to_have_text("Synced", timeout=60_000)
    settle(b, 1)
    received = changes_received(requests)
    assert sorted(received) == sorted(theirs)  # each of the other device's records once
    assert not mine & set(received)  # never its own back
    # 120 records in two pushes of up to 100; their answers carried the 250 (pages of 200).
    assert requests.names() == ["GET /session", "POST /sync/push", "POST /sync/push"]
    assert b.evaluate("async () => (await Relieve.store.all('routines')).length") == 370
    assert b.evaluate("async () => (await Relieve.store.all('outbox')).length") == 0

    # A third device with nothing on it: one pull of up to 500 brings the 370, each once.
    ctx_c, c, requests = device(browser)
    sign_in(c, live_server, account)
    expect(status(c)).to_have_text("Synced", timeout=60_000)
    settle(c, 1)
    assert sorted(changes_received(requests)) == sorted(theirs | mine)
    assert requests.names() == ["GET /session", "GET /sync/pull"]
    assert c.evaluate("async () => (await Relieve.store.all('routines')).length") == 370
    for context in (ctx_a, ctx_b, ctx_c):
        context.close()


HOLD_LOCK = """() => new Promise((held) => {
  navigator.locks.request('relieve-sync', () => new Promise((release) => { window.releaseSync = release; held(); }));
})"""


def test_page_and_worker_never_sync_at_once(browser, live_server, account):
    context, page, requests = device(browser)
    sign_in(page, live_server, account)
    wait_for_service_worker(page)
    expect(status(page)).to_have_text("Synced")
    other = context.new_page()  # another tab of the app holds the sync lock meanwhile
    other.goto(live_server + "/privacy")
    other.evaluate(HOLD_LOCK)
    settle(page, 1)
    requests.clear()

    page.evaluate(SEED_ROUTINES, 1)  # a change waiting
    # The worker's Background Sync and the page both start a run while the lock is held.
    cdp = context.new_cdp_session(page)
    registrations = []
    cdp.on("ServiceWorker.workerRegistrationUpdated", lambda e: registrations.extend(e["registrations"]))
    cdp.send("ServiceWorker.enable")
    deadline = time.monotonic() + 10
    while not registrations and time.monotonic() < deadline:
        page.wait_for_timeout(100)
    registration = next(r for r in registrations if not r.get("isDeleted"))
    cdp.send(
        "ServiceWorker.dispatchSyncEvent",
        {
            "origin": live_server,
            "registrationId": registration["registrationId"],
            "tag": "relieve-sync",
            "lastChance": False,
        },
    )
    page.evaluate("window.dispatchEvent(new Event('online'))")
    settle(page, 1.5)
    assert requests.names() == []  # both wait for the lock

    other.evaluate("window.releaseSync()")
    expect(status(page)).to_have_text("Synced")
    settle(page)
    names = requests.names()
    # One run pushed the change; the other found nothing to send (and maybe pulled): the change
    # went out once, and no two sync requests were ever open at the same time.
    assert names.count("POST /sync/push") == 1, names
    assert not requests.overlapped, names
    assert page.evaluate("async () => (await Relieve.store.all('outbox')).length") == 0
    context.close()
