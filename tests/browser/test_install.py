"""Install prompts: the browser's prompt behind our button, and the iOS hint, offered once the
person has kept something on the device (never on a first visit, over the welcome and the
warning signs)."""

from playwright.sync_api import expect

from tests.browser.conftest import PHONE

IPHONE_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 "
    "(KHTML, like Gecko) Version/18.0 Mobile/15E148 Safari/604.1"
)

FAKE_PROMPT = """() => {
  const event = new Event('beforeinstallprompt', { cancelable: true });
  window.promptCalls = 0;
  event.prompt = () => { window.promptCalls += 1; return Promise.resolve(); };
  event.userChoice = Promise.resolve({ outcome: 'accepted' });
  window.dispatchEvent(event);
  return event.defaultPrevented;
}"""


# A routine the person saved: something worth keeping on this device.
KEEP_SOMETHING = """async () => {
  await Relieve.store.put('routines', { id: '0190a0a0-0000-7000-8000-0000000000aa', name: 'Mine', steps: [] });
}"""


def visit_with_something_kept(page, live_server):
    page.goto(live_server + "/")
    page.wait_for_function("() => window.Relieve && window.Relieve.store")
    page.evaluate(KEEP_SOMETHING)
    page.reload()
    page.wait_for_function("() => !document.documentElement.hasAttribute('data-settling')")


def test_no_install_offer_on_a_first_visit(page, live_server):
    page.goto(live_server + "/")
    assert page.evaluate(FAKE_PROMPT) is True, "the browser's own mini-infobar is still replaced"
    page.wait_for_timeout(500)
    expect(page.locator("#install-banner")).to_be_hidden()


def test_install_button_uses_the_browser_prompt(page, live_server):
    visit_with_something_kept(page, live_server)
    assert page.locator("#install-banner").is_hidden()
    top = page.locator("main").bounding_box()["y"]
    assert page.evaluate(FAKE_PROMPT) is True, "the mini-infobar is replaced by our button"
    expect(page.locator("#install-banner")).to_be_visible()
    assert page.locator("main").bounding_box()["y"] == top, "the offer must not push the page down"
    page.get_by_role("button", name="Install app").click()
    assert page.evaluate("window.promptCalls") == 1
    assert page.locator("#install-banner").is_hidden()


def test_install_banner_not_now_is_remembered(page, live_server):
    visit_with_something_kept(page, live_server)
    page.evaluate(FAKE_PROMPT)
    page.get_by_role("button", name="Not now").click()
    page.reload()
    page.evaluate(FAKE_PROMPT)
    page.wait_for_timeout(500)
    assert page.locator("#install-banner").is_hidden()


def test_iphone_gets_the_add_to_home_screen_hint(browser, live_server):
    context = browser.new_context(viewport=PHONE, user_agent=IPHONE_UA, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server + "/")
    hint = page.locator("#ios-install-hint")
    page.wait_for_timeout(500)
    assert hint.is_hidden(), "not on a first visit"
    visit_with_something_kept(page, live_server)
    expect(hint).to_be_visible()
    assert "Add to Home Screen" in hint.inner_text()
    page.get_by_role("button", name="Got it").click()
    page.reload()
    assert hint.is_hidden()
    context.close()


def test_no_hint_once_installed(browser, live_server):
    context = browser.new_context(viewport=PHONE, user_agent=IPHONE_UA, is_mobile=True, has_touch=True)
    # Opened from the home screen, iOS Safari sets navigator.standalone.
    context.add_init_script("Object.defineProperty(navigator, 'standalone', { get: () => true })")
    page = context.new_page()
    page.goto(live_server + "/")
    page.evaluate(FAKE_PROMPT)
    assert page.locator("#ios-install-hint").is_hidden()
    assert page.locator("#install-banner").is_hidden()
    context.close()


def test_no_install_offer_over_a_task(page, live_server):
    """A log being filled in, a routine being built: the offer waits for a page that is read."""
    visit_with_something_kept(page, live_server)
    for path in ("/log/new", "/log/treatments", "/routines/new"):
        page.goto(live_server + path)
        page.wait_for_function("() => document.body.hasAttribute('data-task')")
        assert page.evaluate(FAKE_PROMPT) is True
        page.wait_for_timeout(300)
        assert page.locator("#install-banner").is_hidden(), path
    # On a page that is read, it shows, and the page gets its height as room at the bottom.
    page.goto(live_server + "/techniques/")
    page.evaluate(FAKE_PROMPT)
    expect(page.locator("#install-banner")).to_be_visible()
    # (The room is set by a ResizeObserver, just after the offer shows.)
    page.wait_for_function(
        """() => Math.abs(parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--banner-h'))
             - document.getElementById('install-banner').offsetHeight) < 1"""
    )
