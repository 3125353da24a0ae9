"""axe-core finds no serious or critical accessibility violations, in light and dark mode."""

import pytest

from tests.browser.conftest import axe_page, check_pages, fill_sign_in, only_accounts, pass_safety_check

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
    with axe_page(browser, scheme) as (page, check):
        check_pages(page, check, live_server, PAGES)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_player_while_running_and_when_done(browser, live_server, scheme):
    with axe_page(browser, scheme) as (page, check):
        page.clock.install()
        page.goto(live_server + "/")
        pass_safety_check(page)
        page.goto(live_server + "/play?routine=desk-break")
        check("set-up")
        page.goto(live_server + "/play?routine=flare-up-gentle&flare=1")  # flare mode starts at once
        page.locator("#player-run").wait_for()
        check("get ready")
        page.clock.run_for(6_000)
        check("rep step")
        page.get_by_role("button", name="Pause").click()
        check("paused")
        page.get_by_role("button", name="End routine").click()
        page.get_by_role("button", name="Tap again to end").click()
        page.get_by_role("heading", name="Routine ended early").wait_for()
        check("done")


def test_account_page_and_form_errors(browser, live_server, live_app):
    only_accounts(live_app, "axe@example.com")
    with axe_page(browser) as (page, check):
        page.goto(live_server + "/account/signin")
        page.get_by_role("button", name="Sign in").click()  # empty form: errors shown
        check("sign-in errors")
        fill_sign_in(page, "axe@example.com")
        page.goto(live_server + "/account/")
        page.get_by_role("button", name="Change password").click()
        check("account with errors")
