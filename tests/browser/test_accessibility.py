"""axe-core finds no serious or critical accessibility violations, in light and dark mode."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import axe_context, pass_safety_check, serious

PAGES = [
    "/",
    "/techniques/",
    "/techniques/?kind=stretch",
    "/techniques/?q=zzzz",
    "/techniques/foam-roll-glutes",
    "/techniques/sciatic-nerve-glide",
    "/learn/",
    "/learn/how-massage-may-help",
    "/learn/faq",
    "/offline",
    "/no-such-page",
    "/routines/",
    "/routines/morning-relief",
    "/play?routine=desk-break",
    "/routines/new?from=morning-relief",
    "/history",
    "/routines/shared#r=broken",
    "/account/signin",
    "/account/signup",
    "/log/",
    "/log/new",
    "/safety/",
    "/safety/?part=red-flags",
]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violations(browser, live_server, scheme):
    context = axe_context(browser, scheme)
    page = context.new_page()
    axe = Axe()
    problems = []
    for path in PAGES:
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
        problems += serious(axe, page, path)
    context.close()
    assert problems == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_player_while_running_and_when_done(browser, live_server, scheme):
    context = axe_context(browser, scheme)
    page = context.new_page()
    page.clock.install()
    axe = Axe()
    page.goto(live_server + "/")
    pass_safety_check(page)
    page.goto(live_server + "/play?routine=desk-break")
    problems = serious(axe, page, "set-up")
    page.goto(live_server + "/play?routine=flare-up-gentle&flare=1")  # flare mode starts at once
    page.locator("#player-run").wait_for()
    problems += serious(axe, page, "get ready")
    page.clock.run_for(6_000)
    problems += serious(axe, page, "rep step")
    page.get_by_role("button", name="Pause").click()
    problems += serious(axe, page, "paused")
    page.get_by_role("button", name="End routine").click()
    page.get_by_role("button", name="Tap again to end").click()
    page.get_by_role("heading", name="Routine ended early").wait_for()
    problems += serious(axe, page, "done")
    context.close()
    assert problems == []


def test_account_page_and_form_errors(browser, live_server, live_app):
    from tests.conftest import PASSWORD, create_user
    from webapp.auth.models import User
    from webapp.extensions import db

    with live_app.app_context():
        db.session.execute(db.delete(User))
        db.session.commit()
    create_user(live_app, "axe@example.com")
    context = axe_context(browser)
    page = context.new_page()
    axe = Axe()
    page.goto(live_server + "/account/signin")
    page.get_by_role("button", name="Sign in").click()  # empty form: errors shown
    problems = serious(axe, page, "sign-in errors")
    page.get_by_label("Email").fill("axe@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(live_server + "/account/")
    page.get_by_role("button", name="Change password").click()
    problems += serious(axe, page, "account with errors")
    context.close()
    assert problems == []
