"""Install prompts: the browser's prompt behind our button, and the iOS hint."""

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


def test_install_button_uses_the_browser_prompt(page, live_server):
    page.goto(live_server + "/")
    assert page.locator("#install-banner").is_hidden()
    top = page.locator("main").bounding_box()["y"]
    assert page.evaluate(FAKE_PROMPT) is True, "the mini-infobar is replaced by our button"
    assert page.locator("#install-banner").is_visible()
    assert page.locator("main").bounding_box()["y"] == top, "the offer must not push the page down"
    page.get_by_role("button", name="Install app").click()
    assert page.evaluate("window.promptCalls") == 1
    assert page.locator("#install-banner").is_hidden()


def test_install_banner_not_now_is_remembered(page, live_server):
    page.goto(live_server + "/")
    page.evaluate(FAKE_PROMPT)
    page.get_by_role("button", name="Not now").click()
    page.reload()
    page.evaluate(FAKE_PROMPT)
    assert page.locator("#install-banner").is_hidden()


def test_iphone_gets_the_add_to_home_screen_hint(browser, live_server):
    context = browser.new_context(viewport=PHONE, user_agent=IPHONE_UA, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_server + "/")
    hint = page.locator("#ios-install-hint")
    assert hint.is_visible()
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
