"""Forms that behave (issue 12): errors go as they are fixed (builder, reminders, log, account),
leaving unsaved changes asks first (builder, log), confirmations show on the page you land on
(sign up, sign out, account deletion), and a card's "Try it now" and "Add to a routine"."""

import re

from playwright.sync_api import expect

from tests.browser.conftest import device, go_offline, sign_in, wait_for_service_worker
from tests.conftest import PASSWORD


def asks_before_leaving(page, leave):
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    leave()
    page.wait_for_timeout(300)
    return asked == ["beforeunload"]


def test_builder_errors_clear_as_fixed_and_leaving_asks(context, page, live_server):
    go_offline(context, page, live_server)
    page.goto(live_server + "/routines/new")
    page.get_by_label("Technique to add").select_option("seated-figure-four")
    page.get_by_role("button", name="Add step").click()
    page.locator(".builder-step").nth(0).get_by_label("Seconds", exact=True).fill("0")
    page.get_by_role("button", name="Save routine").click()
    errors = page.locator("#builder-errors")
    expect(errors).to_contain_text("Give the routine a name")
    expect(errors).to_contain_text("seconds must be a whole number")
    page.get_by_label("Name").fill("Lunch")
    expect(errors).not_to_contain_text("Give the routine a name")
    expect(errors).to_contain_text("seconds must be a whole number")
    page.locator(".builder-step").nth(0).get_by_label("Seconds", exact=True).fill("40")
    expect(errors).to_be_hidden()
    expect(page.locator(".builder-step .field-error").first).to_be_hidden()
    assert asks_before_leaving(page, lambda: page.get_by_role("link", name="Home").click())
    page.get_by_role("button", name="Save routine").click()
    expect(page.locator("#builder-status")).to_contain_text("Saved")
    page.get_by_role("link", name="Home").click()
    expect(page).to_have_url(live_server + "/")
    assert context.console.errors == []


def test_reminder_errors_clear_as_fixed(context, page, live_server):
    go_offline(context, page, live_server)
    page.goto(live_server + "/reminders/")
    page.get_by_label("Time").fill("")
    page.get_by_role("button", name="Download calendar file").click()
    errors = page.locator("#reminder-errors")
    expect(errors.get_by_role("link")).to_have_text(["Pick at least one day.", "Enter a time like 07:30."])
    page.get_by_role("checkbox", name="Monday").check()
    expect(page.locator("#days-error")).to_be_hidden()
    expect(page.get_by_role("checkbox", name="Monday")).not_to_have_attribute("aria-invalid", "true")
    expect(errors.get_by_role("link")).to_have_text(["Enter a time like 07:30."])
    page.get_by_label("Time").fill("07:30")
    expect(errors).to_be_hidden()
    assert context.console.errors == []


def test_log_errors_clear_as_fixed_and_leaving_asks(context, page, live_server):
    go_offline(context, page, live_server)
    page.goto(live_server + "/log/new")
    page.get_by_role("button", name="Save", exact=True).click()
    errors = page.locator("#log-errors")
    expect(errors).to_be_visible()
    expect(errors).to_contain_text("Leg pain")
    page.get_by_label("Date and time").fill("2031-01-01T10:00")
    page.locator("#field-legPain").get_by_role("radio", name="4", exact=True).click()
    expect(errors).not_to_contain_text("Leg pain")
    expect(page.locator("#legPain-error")).to_be_hidden()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(errors).to_contain_text("can't be in the future")
    page.get_by_label("Date and time").fill("2026-01-01T10:00")
    expect(errors).to_be_hidden()
    assert asks_before_leaving(page, lambda: page.get_by_role("link", name="Home").click())
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    page.get_by_role("link", name="Home").click()
    expect(page).to_have_url(live_server + "/")
    assert context.console.errors == []


def test_a_card_can_be_tried_now_or_added_to_a_routine(context, page, live_server):
    go_offline(context, page, live_server)
    page.goto(live_server + "/techniques/pelvic-tilt")
    expect(page.get_by_role("link", name="Try it now")).to_have_attribute("href", "/play?technique=pelvic-tilt")
    page.evaluate("""() => Relieve.records.save('routine', { id: Relieve.uuid7(), name: 'Evening mine',
      steps: [{ technique: 'knee-to-chest', sides: 'left-right', rest: 10 }], createdAt: new Date().toISOString() })""")
    page.reload()
    page.locator("#add-to-mine summary").click()
    page.get_by_role("link", name="Evening mine").click()
    steps = page.locator(".builder-step .step-title")
    expect(steps).to_have_text(["Knee-to-chest stretch", "Pelvic tilt"])
    expect(page.get_by_label("Name")).to_have_value("Evening mine")
    page.get_by_role("button", name="Save routine").click()
    expect(page.locator("#builder-status")).to_contain_text("Saved")
    page.goto(live_server + "/techniques/pelvic-tilt")
    page.get_by_role("link", name="Add to a new routine").click()
    expect(page.locator(".builder-step .step-title")).to_have_text(["Pelvic tilt"])
    expect(page.get_by_label("Name")).to_be_focused()
    assert context.console.errors == []


def test_confirmations_show_on_the_page_you_land_on(browser, live_server, account):
    context, page = device(browser)
    page.goto(live_server + "/")
    wait_for_service_worker(page)  # Today now comes from the cache, as on a phone

    page.goto(live_server + "/account/signup")
    page.get_by_label("Email").fill("new@example.com")
    password = page.get_by_label("Password")
    password.fill("a long enough password")
    # What was typed can be checked; it is a password field again when the form is sent.
    page.get_by_role("button", name="Show password").click()
    expect(password).to_have_attribute("type", "text")
    page.get_by_role("button", name="Hide password").click()
    expect(password).to_have_attribute("type", "password")
    page.get_by_role("button", name="Show password").click()
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile("/routines/$"))
    # The same notice as for an email that already has an account (docs/accounts.md).
    expect(page.locator("#notice")).to_have_text(
        "Thanks. We've sent an email to new@example.com: follow its link to confirm your address."
    )
    page.reload()
    expect(page.locator("#notice")).to_be_hidden()  # once

    page.goto(live_server + "/account/")
    page.get_by_role("button", name="Sign out of this device").click()
    page.get_by_role("button", name="Keep my data on this device").click()  # the shared-phone choice
    expect(page).to_have_url(live_server + "/")
    expect(page.locator("#notice")).to_have_text("You are signed out. What is saved on this device stays here.")

    # Deleting: a right password with the box unticked is only asked to tick the box.
    sign_in(page, live_server, account)
    page.goto(live_server + "/account/")
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page.locator("#del-confirm-error")).to_have_text("Tick the box to confirm.")
    expect(page.get_by_text("That is not your password.")).to_have_count(0)
    # The error goes once the box is ticked.
    page.get_by_role("checkbox", name="Delete my account and everything synced to it").check()
    expect(page.locator("#del-confirm-error")).to_be_hidden()
    page.get_by_label("Your password").fill(PASSWORD)
    page.get_by_role("button", name="Delete my account").click()
    expect(page).to_have_url(live_server + "/")
    expect(page.locator("#notice")).to_contain_text("Your account and everything synced to it are deleted.")
    # The refused delete answered 422, which the browser logs; nothing else went wrong.
    assert [e for e in context.console.errors if "/account/delete" not in e or "422" not in e] == []
    context.close()
