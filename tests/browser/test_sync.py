"""Two browsers, one account: offline changes reach the other device, deletes too, concurrent
edits converge on the documented winner, and signing up keeps what was made anonymously."""

import re
from urllib.parse import quote

from playwright.sync_api import expect

from tests.browser.conftest import (
    build_routine,
    come_back,
    device,
    fill_sign_in,
    pass_safety_check,
    screenshot,
    sign_in,
    status,
    wait_for_service_worker,
)


def visit(page, url):
    """Open a page as someone coming back to the app: a page view alone pulls at most every few
    minutes (docs/sync.md); coming back to the foreground pulls at once."""
    page.goto(url)
    come_back(page)


def build(page, live_server, name):
    build_routine(page, live_server, name, go=lambda url: visit(page, url))


def two_devices(browser, live_server, account):
    """A phone and a tablet, both signed in to the account with their service workers running."""
    (ctx_a, a), (ctx_b, b) = device(browser), device(browser)
    for page in (a, b):
        sign_in(page, live_server, account)
        wait_for_service_worker(page)
    return (ctx_a, a), (ctx_b, b)


def close_clean(*contexts):
    """Closes each context once nothing went wrong in it."""
    for context in contexts:
        assert context.console.errors == []
        context.close()


def back_online(context, page, live_server, waiting):
    """The changes made offline, `waiting` of them, go out once the phone is back online."""
    visit(page, live_server + "/log/")
    expect(status(page)).to_have_text(re.compile(rf"Offline: {waiting} waiting"))
    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    expect(status(page)).to_have_text("Synced")


def my_routines(page):
    return page.locator("#my-routines .routine-tile h3")


def test_offline_create_edit_delete_across_two_devices(browser, live_server, account):
    (ctx_a, a), (ctx_b, b) = two_devices(browser, live_server, account)
    for page in (a, b):
        expect(status(page)).to_have_text("Synced")

    # Made offline on A, it reaches B once A is back online.
    ctx_a.set_offline(True)
    build(a, live_server, "Made on the bus")
    visit(a, live_server + "/routines/")
    expect(status(a)).to_have_text("Offline: 1 waiting")
    ctx_a.set_offline(False)
    expect(status(a)).to_have_text("Synced")
    visit(b, live_server + "/routines/")
    expect(my_routines(b)).to_have_text(["Made on the bus"])

    # Both edit it offline; the later edit wins on both, whichever device syncs first.
    ctx_a.set_offline(True)
    ctx_b.set_offline(True)
    for page, name in ((a, "Edited on A"), (b, "Edited on B, later")):
        visit(page, live_server + "/routines/")
        page.get_by_role("link", name="Edit Made on the bus").click()
        # The builder fills in the saved routine after loading it: edit once it has.
        expect(page.get_by_label("Name")).to_have_value("Made on the bus")
        page.get_by_label("Name").fill(name)
        page.get_by_role("button", name="Save routine").click()
        expect(page.locator("#builder-status")).to_contain_text("Saved")
        page.wait_for_timeout(20)  # B's edit is stamped after A's
    ctx_b.set_offline(False)
    visit(b, live_server + "/routines/")
    expect(status(b)).to_have_text("Synced")
    ctx_a.set_offline(False)  # A's older edit arrives last and loses
    visit(a, live_server + "/routines/")
    expect(status(a)).to_have_text("Synced")
    expect(my_routines(a)).to_have_text(["Edited on B, later"])
    visit(b, live_server + "/routines/")
    expect(my_routines(b)).to_have_text(["Edited on B, later"])

    # Deleted on B, it disappears from A.
    b.get_by_role("button", name="Delete Edited on B, later").click()
    b.get_by_role("button", name="Tap again to delete").click()
    expect(my_routines(b)).to_have_count(0)
    expect(status(b)).to_have_text("1 waiting to sync")  # shown at once, sent a moment later
    expect(status(b)).to_have_text("Synced")
    visit(a, live_server + "/routines/")
    expect(my_routines(a)).to_have_count(0)
    expect(status(a)).to_have_text("Synced")

    close_clean(ctx_a, ctx_b)


def test_sign_up_after_using_the_app_anonymously_keeps_everything(browser, live_server, live_app, account):
    ctx, page = device(browser)
    visit(page, live_server + "/routines/")
    expect(status(page)).to_have_text("Saved on this device only")
    expect(page.locator("#storage-notice")).to_be_visible()
    build(page, live_server, "Before I had an account")
    pass_safety_check(page)
    page.clock.install()
    visit(page, live_server + "/play?routine=flare-up-gentle&flare=1")
    page.get_by_role("button", name="End routine").click()
    page.get_by_role("button", name="Tap again to end").click()
    expect(page.locator("#done-saved")).to_contain_text("Saved")

    visit(page, live_server + "/account/signup")
    page.get_by_label("Email").fill("new@example.com")
    page.get_by_label("Password").fill("a long enough password")
    page.get_by_role("button", name="Create account").click()
    visit(page, live_server + "/routines/")
    expect(status(page)).to_have_text("Synced")
    expect(page.locator("#storage-notice")).to_be_hidden()

    other, tablet = device(browser)
    visit(tablet, live_server + "/account/signin")
    fill_sign_in(tablet, "new@example.com", "a long enough password")
    expect(my_routines(tablet)).to_have_text(["Before I had an account"])
    visit(tablet, live_server + "/history")
    expect(tablet.locator(".history-item h2")).to_have_text(["Gentle flare-up routine"])
    close_clean(ctx, other)


def test_expired_session_keeps_changes_and_asks_to_sign_in(browser, live_server, account):
    ctx, page = device(browser)
    sign_in(page, live_server, account)
    expect(status(page)).to_have_text("Synced")
    ctx.clear_cookies()
    build(page, live_server, "Made after the session expired")
    visit(page, live_server + "/routines/")
    expect(status(page)).to_have_text(re.compile(r"Signed out: 1 change kept on this device"))
    expect(page.get_by_role("link", name="Sign in again")).to_be_visible()
    page.get_by_role("link", name="Sign in again").click()
    fill_sign_in(page, account)
    expect(status(page)).to_have_text("Synced")
    expect(my_routines(page)).to_have_text(["Made after the session expired"])
    assert ctx.console.errors == []
    ctx.close()


def test_log_entries_and_safety_answers_sync_between_devices(browser, live_server, account):
    (ctx_a, phone), (ctx_b, tablet) = two_devices(browser, live_server, account)
    ctx_a.set_offline(True)
    visit(phone, live_server + "/log/new")
    phone.locator("#field-legPain").get_by_role("radio", name="5", exact=True).click()
    phone.locator("#field-backPain").get_by_role("radio", name="2", exact=True).click()
    phone.get_by_role("button", name="Left calf").click()
    phone.get_by_role("button", name="Save", exact=True).click()
    expect(phone.get_by_role("heading", name="Saved")).to_be_visible()
    pass_safety_check(phone, contraindications=("pregnancy",))
    back_online(ctx_a, phone, live_server, 3)

    visit(tablet, live_server + "/log/")
    expect(tablet.locator(".log-item")).to_contain_text("Leg 5 · Back 2")
    expect(tablet.locator(".log-item")).to_contain_text("calf (left)")
    # The answers came too: the tablet neither asks again nor forgets the contraindication.
    visit(tablet, live_server + "/techniques/knee-to-chest")
    expect(tablet.locator("#card-safety")).to_contain_text("pregnancy")

    # Deleted on the tablet, gone from the phone; nothing duplicated on the way.
    visit(tablet, live_server + "/log/")
    tablet.get_by_role("button", name=re.compile("^Delete entry")).click()
    tablet.get_by_role("button", name="Tap again to delete").click()
    expect(tablet.locator("#log-empty")).to_be_visible()
    expect(status(tablet)).to_have_text("Synced")
    visit(phone, live_server + "/log/")
    expect(phone.locator("#log-empty")).to_be_visible()
    assert phone.evaluate("Relieve.store.all('screenings').then((s) => s.length)") == 2
    close_clean(ctx_a, ctx_b)


def test_a_refused_change_once_fixed_syncs_and_the_error_clears(browser, live_server, account):
    ctx, page = device(browser)
    sign_in(page, live_server, account)
    build(page, live_server, "Evening stretch")
    visit(page, live_server + "/routines/")
    expect(status(page)).to_have_text("Synced")
    # A name far past the server's limit, as an older or buggy client could have stored it.
    page.evaluate("""async () => {
      const [routine] = await Relieve.store.all('routines');
      await Relieve.records.save('routine', { ...routine, name: 'x'.repeat(500) });
    }""")
    page.reload()
    expect(status(page)).to_have_text(
        "1 change could not be synced to your account. It is kept on this device. Editing it again may help."
    )
    # Still signed in, whatever the sync line says: the header does not offer "Sign in".
    expect(page.locator("#account-link")).to_have_text("Account")
    screenshot(page, "sync-refused")
    page.evaluate("""async () => {
      const [routine] = await Relieve.store.all('routines');
      await Relieve.records.save('routine', { ...routine, name: 'Evening stretch, fixed' });
    }""")
    page.reload()
    expect(status(page)).to_have_text("Synced")
    # The browser itself logs the refused push; nothing else may go wrong.
    assert [e for e in ctx.console.errors if "status of 422" not in e] == []
    ctx.close()


def test_medicines_and_function_check_ins_sync_both_ways(browser, live_server, account):
    """Issue 13's record types (treatment, activity, function_check) go up from one device and
    come down on the other, and back."""
    (ctx_a, phone), (ctx_b, tablet) = two_devices(browser, live_server, account)
    ctx_a.set_offline(True)
    visit(phone, live_server + "/log/treatments")
    phone.locator("#field-kind").get_by_role("radio", name="Medicine").click()
    phone.get_by_label("Name of the medicine").fill("Naproxen")
    phone.get_by_role("button", name="Save", exact=True).click()
    expect(phone.locator("#treatment-done-text")).to_contain_text("Logged Naproxen")
    visit(phone, live_server + "/log/function")
    for i, name in enumerate(("Sitting through a film", "Walking the dog", "Putting on socks")):
        phone.get_by_label(f"Activity {i + 1}", exact=True).fill(name)
    phone.get_by_role("button", name="Save activities").click()
    for name in ("Sitting through a film", "Walking the dog", "Putting on socks"):
        phone.get_by_role("group", name=name).get_by_role("radio", name="6", exact=True).click()
    phone.get_by_role("button", name="Save check-in").click()
    expect(phone.locator("#function-status")).to_contain_text("Check-in saved")
    back_online(ctx_a, phone, live_server, 5)

    visit(tablet, live_server + "/log/")
    expect(status(tablet)).to_have_text("Synced")
    visit(tablet, live_server + "/log/function")
    expect(tablet.get_by_label("Activity 2", exact=True)).to_have_value("Walking the dog")
    expect(tablet.locator("#check-list")).to_contain_text("average 6 out of 10")
    visit(tablet, live_server + "/log/treatments")
    tablet.get_by_role("button", name="Log Naproxen again now").click()
    expect(tablet.locator("#treatment-done-text")).to_contain_text("Logged Naproxen")
    visit(tablet, live_server + "/log/")
    expect(status(tablet)).to_have_text("Synced")

    visit(phone, live_server + "/log/")
    phone.evaluate("window.dispatchEvent(new Event('online'))")
    expect(status(phone)).to_have_text("Synced")
    visit(phone, live_server + "/log/treatments")
    expect(phone.locator(".treatment-item")).to_have_count(2)
    counts = phone.evaluate("""async () => ({ treatments: (await Relieve.store.all('treatments')).length,
      activities: (await Relieve.store.all('activities')).length, checks: (await Relieve.store.all('checks')).length })""")
    assert counts == {"treatments": 2, "activities": 3, "checks": 1}
    close_clean(ctx_a, ctx_b)


def test_sign_in_from_the_header_comes_back_to_the_page(browser, live_server, account):
    """A person who taps "Sign in" on Today, or on a card, is brought back there, not to a page
    they didn't ask for."""
    ctx, page = device(browser)
    for path in ("/techniques/pelvic-tilt", "/"):
        visit(page, live_server + path)
        link = page.locator("#account-link")
        expect(link).to_have_attribute("href", f"/account/signin?next={quote(path, safe='')}")
        if path == "/":
            link.click()
            fill_sign_in(page, account)
            expect(page).to_have_url(live_server + "/")
            expect(page.locator("#account-link")).to_have_text("Account")
            expect(page.locator("#notice")).to_have_text(f"You're signed in as {account}.")
            screenshot(page, "signed-in-back-on-today")
            page.goto(live_server + "/account/")  # signed in: the header says Account from here on
            expect(page.locator("#account-link")).to_have_attribute("href", "/account/")
            break
    ctx.close()
