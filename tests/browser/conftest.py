"""Browser tests: Debian's Chromium driven by Python Playwright against a live server.

Locally they skip with a message when Chromium is missing; under CI=true they must run.
Screenshots go to test-artifacts/screenshots/.

What several test files do lives here once: an app offline (go_offline), a phone of its own with
an account (device, the account fixture, sign_in, status), the safety check passed
(pass_safety_check) and axe on a journey's screens (axe_page).
"""

import logging
import os
import re
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from tests.browser import kit
from tests.conftest import CONTENT_DIR, PASSWORD, STATIC_DIR, _settings, create_user
from webapp import create_app
from webapp.auth.models import User
from webapp.content.loader import load_content
from webapp.extensions import db

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
PHONE = {"width": 390, "height": 844}
EMAIL = "sam@example.com"


# When a browser drops a connection mid-download (a closed context, an aborted precache), the
# development server skips closing the static file it was streaming. That is the test server's
# doing, not the app's (the unit tests check the app closes its files), so only that is ignored.
# (A colon would end the message field of the filter, hence ".*" after "in".)
DROPPED_STATIC_FILE = (
    "ignore:Exception ignored in.*_io.FileIO name='[^']*/static/:pytest.PytestUnraisableExceptionWarning"
)


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.filterwarnings(DROPPED_STATIC_FILE))


@pytest.fixture(scope="session")
def chromium_path():
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: install Debian's chromium (apt-get install chromium) to run browser tests"
        if os.environ.get("CI") == "true":
            pytest.fail(message + " -- browser tests may not skip under CI=true")
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def live_app(database_url, tmp_path_factory):
    app = create_app(_settings(database_url, tmp_path_factory.mktemp("live")))
    return app


@pytest.fixture(scope="session")
def live_server(live_app):
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # one line per request drowns the report
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    with live_app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def fresh_content(live_app):
    """Other tests empty the tables between tests; put the content back and reset settings."""
    live_app.config.update(CLINIC_NAME=None, CLINIC_BOOKING_URL=None)
    with live_app.app_context():
        load_content(CONTENT_DIR, STATIC_DIR)


@pytest.fixture(scope="session")
def playwright_instance(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def testkit():
    """tests/browser/testkit.js bundled into one classic script that sets window.Relieve."""
    return kit.bundle_testkit()


@pytest.fixture(scope="session")
def browser(playwright_instance, chromium_path, testkit):
    browser = playwright_instance.chromium.launch(
        executable_path=chromium_path, chromium_sandbox=False, args=kit.CHROMIUM_ARGS
    )
    new_context = browser.new_context

    def with_testkit(**options):
        ctx = new_context(**options)
        ctx.add_init_script(script=testkit)
        return ctx

    # Every context a test opens gets the kit, the fixtures' and the tests' own alike.
    browser.new_context = with_testkit
    yield browser
    browser.close()


class ConsoleWatcher:
    """Collects console errors and uncaught exceptions of every page in a context."""

    def __init__(self, context):
        self.errors = []
        context.on("page", self.watch)
        for page in context.pages:
            self.watch(page)

    def watch(self, page):
        page.on("console", lambda msg: msg.type == "error" and self.errors.append(self.describe(page, msg)))
        page.on("pageerror", lambda exc: self.errors.append(f"{page.url}: {exc}"))

    @staticmethod
    def describe(page, msg):
        # A failed load's text doesn't name the resource; its location does.
        source = msg.location.get("url") if msg.location else ""
        where = f" ({source})" if source and source != page.url else ""
        return f"{page.url}: {msg.text}{where}"


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, bypass_csp=False)
    ctx.set_default_timeout(10_000)
    ctx.console = ConsoleWatcher(ctx)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context):
    return context.new_page()


WAIT_FOR_SERVICE_WORKER = """async () => {
  await navigator.serviceWorker.ready;
  if (!navigator.serviceWorker.controller) {
    await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
  }
  const worker = navigator.serviceWorker.controller;
  if (worker.state !== 'activated') {
    await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve()));
  }
  return worker.scriptURL;
}"""


def wait_for_service_worker(page, timeout_ms=20_000):
    # page.evaluate has no timeout of its own: a worker that never installs (a syntax error in
    # the bundle, say) would hang the run instead of failing the test.
    # The timer is cleared once the worker is ready, so a test's fake clock can't fire it later.
    return page.evaluate(
        f"""(ms) => new Promise((resolve, reject) => {{
      const timer = setTimeout(() => reject(new Error(`no service worker after ${{ms}} ms`)), ms);
      ({WAIT_FOR_SERVICE_WORKER})().then((url) => {{ clearTimeout(timer); resolve(url); }},
        (error) => {{ clearTimeout(timer); reject(error); }});
    }})""",
        timeout_ms,
    )


def go_offline(context, page, live_server, now=None):
    """Home, once the service worker has cached the app, then offline: as a phone with no signal.
    `now`, if given, fixes the page's clock first."""
    if now is not None:
        page.clock.set_fixed_time(now)
    page.goto(live_server + "/")
    wait_for_service_worker(page)
    context.set_offline(True)


COME_BACK = """() => new Promise((resolve, reject) => {
  const timer = setTimeout(() => reject(new Error('no sync run finished within 15 s')), 15000);
  window.addEventListener('relieve:synced', () => { clearTimeout(timer); resolve(); }, { once: true });
  document.dispatchEvent(new Event('visibilitychange'));
})"""


def come_back(page):
    """The app comes back to the foreground, which pulls at once (a page view alone pulls at most
    every few minutes, docs/sync.md); returns when that pull is done. Waiting for the status line
    is not enough: it may already read "Synced" from the page's own run while the pull is still
    on the wire, and a test that then cuts the connection sees that pull fail."""
    page.evaluate(COME_BACK)


def screenshot(page, name):
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(folder / f"{name}.png"))


PASS_SAFETY_CHECK = """async ({ redFlags, contraindications }) => {
  const data = await Relieve.catalog.load();
  const answers = (questions, yes) => Object.fromEntries(questions.map((q) => [q.id, yes.includes(q.id)]));
  await Relieve.safety.saveScreening('red-flags', answers(data.safety.redFlags, redFlags), 'first-run');
  await Relieve.safety.saveScreening('contraindications', answers(data.safety.contraindications, contraindications), 'first-run');
}"""


def pass_safety_check(page, red_flags=(), contraindications=()):
    """Answer the safety check on this device (all "no" unless told otherwise), as a person
    would have before their first routine. The page must be on the app."""
    page.wait_for_function("() => window.Relieve && window.Relieve.safety")
    page.evaluate(PASS_SAFETY_CHECK, {"redFlags": list(red_flags), "contraindications": list(contraindications)})


def axe_context(browser, scheme="light"):
    """A phone-sized context for axe checks. axe is injected as a script, which the app's strict
    CSP would rightly block, so this one context bypasses it."""
    return browser.new_context(viewport=PHONE, bypass_csp=True, color_scheme=scheme)


def serious(axe, page, where):
    """axe's serious and critical violations on the page, each named with where it was seen."""
    problems = []
    for violation in axe.run(page).response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            targets = [node["target"] for node in violation["nodes"]][:3]
            problems.append(f"{where}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    return problems


@contextmanager
def axe_page(browser, scheme="light"):
    """A page in an axe context and a `check(where)` to call on each screen worth checking; on
    leaving, the context closes and the test fails if any check found a serious or critical
    violation (all of them listed, not only the first)."""
    from axe_playwright_python.sync_playwright import Axe

    context = axe_context(browser, scheme)
    page = context.new_page()
    axe, problems = Axe(), []

    def check(where):
        problems.extend(serious(axe, page, where))

    try:
        yield page, check
    finally:
        context.close()
    assert not problems, "axe found:\n" + "\n".join(problems)


def check_pages(page, check, live_server, paths):
    """axe on each page as it is once loaded (the network quiet, so the scripts have drawn)."""
    for path in paths:
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
        check(path)


def only_accounts(app, *emails):
    """No accounts but these, each with PASSWORD."""
    with app.app_context():
        db.session.execute(db.delete(User))
        db.session.commit()
    for email in emails:
        create_user(app, email)


@pytest.fixture
def account(live_app):
    """One account, EMAIL with PASSWORD, and no other."""
    only_accounts(live_app, EMAIL)
    return EMAIL


def phone(browser, timezone="Europe/London", locale="en-GB", scheme="light", viewport=PHONE):
    """A phone-sized touch context in a place and colour scheme, and its page."""
    context = browser.new_context(
        viewport=viewport, timezone_id=timezone, locale=locale, color_scheme=scheme, is_mobile=True, has_touch=True
    )
    context.set_default_timeout(10_000)
    context.console = ConsoleWatcher(context)
    return context, context.new_page()


def build_routine(page, live_server, name, go=None):
    """A routine of one step made in the builder and saved, its step added as a card's "Add to a
    routine" does (?add=). `go` opens the builder (default: page.goto)."""
    (go or page.goto)(live_server + "/routines/new?add=pelvic-tilt")
    expect(page.get_by_role("list", name="Steps").get_by_role("listitem")).to_have_count(1)
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Save routine").click()
    expect(page.locator("#builder-status")).to_contain_text("Saved")


def device(browser, timeout_ms=15_000):
    """A phone of its own (a context: its own storage, cookies and service worker) and its page.
    Syncing waits on the server, hence a longer timeout than the `context` fixture's."""
    context = browser.new_context(viewport=PHONE)
    context.set_default_timeout(timeout_ms)
    context.console = ConsoleWatcher(context)
    return context, context.new_page()


def fill_sign_in(page, email, password=PASSWORD):
    """The sign-in form, filled and sent (the page must be on it)."""
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()


def sign_in(page, live_server, email, password=PASSWORD):
    """Signs in from the sign-in page and waits for where signing in lands: the routines."""
    from playwright.sync_api import expect

    page.goto(live_server + "/account/signin")
    fill_sign_in(page, email, password)
    expect(page).to_have_url(re.compile("/routines/$"))


def status(page):
    """The sync status line."""
    return page.locator("[data-sync-status]").first
