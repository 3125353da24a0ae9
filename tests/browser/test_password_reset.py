"""The forgotten-password journey in a real browser, with the email going through a real local
SMTP server: "Forgot password?", the link from the email, a guessable password refused with the
reason, the new one accepted, signing in with it, and the link refused the second time."""

import logging
import re
import threading

import pytest
from playwright.sync_api import expect
from werkzeug.serving import make_server

from tests.browser.conftest import EMAIL, axe_page, device, fill_sign_in, only_accounts, screenshot, sign_in
from tests.conftest import _settings
from tests.mail_smtp import mail_settings, start_smtp
from webapp import create_app
from webapp.extensions import db

NEW_PASSWORD = "lantern orchard pebble"


@pytest.fixture(scope="module")
def smtp():
    controller, inbox = start_smtp()
    yield controller, inbox
    controller.stop()


@pytest.fixture(scope="module")
def mail_server(database_url, tmp_path_factory, smtp, live_app):
    """A live server like the shared one, but sending its email over SMTP."""
    app = create_app({**_settings(database_url, tmp_path_factory.mktemp("reset")), **mail_settings(smtp[0].port)})
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield app, f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    # This app's connections, and the shared live app's (fresh_content loads content with it
    # even when its server isn't started), are closed here rather than left to the collector.
    for each in (app, live_app):
        with each.app_context():
            db.engine.dispose()


def test_forgot_password_journey(browser, mail_server, smtp):
    app, base = mail_server
    smtp = smtp[1]
    only_accounts(app, EMAIL)
    smtp.clear()
    context, page = device(browser)

    page.goto(base + "/account/signin")
    page.get_by_role("link", name="Forgot password?").click()
    expect(page).to_have_url(re.compile("/account/forgot$"))
    page.get_by_label("Email").fill(EMAIL)
    screenshot(page, "reset-1-forgot")
    page.get_by_role("button", name="Send me a link").click()
    expect(page.get_by_role("status").filter(has_text="we've sent it a link")).to_be_visible()
    screenshot(page, "reset-2-sent")

    message = smtp.last_to(EMAIL)
    link = re.search(r"http://\S+/account/reset/\S+", message["body"]).group(0)
    page.goto(link)
    expect(page.get_by_role("heading", name="Choose a new password")).to_be_visible()
    page.get_by_label("New password", exact=True).fill("password123")
    page.get_by_label("New password again").fill("password123")
    page.get_by_role("button", name="Save new password").click()
    expect(page.locator(".field-error").first).to_contain_text("easy to guess")
    screenshot(page, "reset-3-weak")
    page.get_by_label("New password", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("New password again").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Save new password").click()
    expect(page).to_have_url(re.compile("/account/signin$"))
    expect(page.locator("#notice")).to_contain_text("Your password is changed")

    fill_sign_in(page, EMAIL, NEW_PASSWORD)
    expect(page).to_have_url(re.compile("/routines/$"))

    page.goto(link)
    expect(page.get_by_role("heading", name="This link no longer works")).to_be_visible()
    # The refused password (422) and the used link (400) are answers, not script errors.
    expected = ("status of 422", "status of 400")
    assert [e for e in context.console.errors if not any(x in e for x in expected)] == []
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_reset_pages_are_accessible(browser, mail_server, smtp, scheme):
    """axe: the request form, its answer, the new-password form with an error, the account page
    with the unverified address and the device list."""
    app, base = mail_server
    inbox = smtp[1]
    only_accounts(app, EMAIL)
    inbox.clear()
    with axe_page(browser, scheme) as (page, check):
        page.goto(base + "/account/forgot")
        check("forgot")
        page.get_by_label("Email").fill(EMAIL)
        page.get_by_role("button", name="Send me a link").click()
        check("sent")
        link = re.search(r"http://\S+/account/reset/\S+", inbox.last_to(EMAIL)["body"]).group(0)
        page.goto(link)
        page.get_by_role("button", name="Save new password").click()
        expect(page.locator(".field-error").first).to_be_visible()
        check("reset with errors")
        sign_in(page, base, EMAIL)
        page.goto(base + "/account/")
        expect(page.locator("#email-unverified")).to_be_visible()
        check("account")
        screenshot(page, f"account-{scheme}")
