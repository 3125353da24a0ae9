"""Data a person can trust on a shared phone (issue 14): signing out keeps this device's data or
removes it; another account signing in never receives the first person's records; the data file
can be imported back into a new account without duplicates."""

import json
import time

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    axe_page,
    check_pages,
    device,
    only_accounts,
    screenshot,
    sign_in,
    status,
    wait_for_service_worker,
)
from tests.conftest import PASSWORD, create_user
from webapp.auth.models import User
from webapp.extensions import db
from webapp.sync.models import SyncRecord

ANA, BEN, CLEO = "ana@example.com", "ben@example.com", "cleo@example.com"


@pytest.fixture
def accounts(live_app):
    only_accounts(live_app, ANA, BEN, CLEO)


def build(page, live_server, name):
    page.goto(live_server + "/routines/new?add=pelvic-tilt")
    expect(page.get_by_role("list", name="Steps").get_by_role("listitem")).to_have_count(1)
    page.get_by_label("Name").fill(name)
    page.get_by_role("button", name="Save routine").click()
    expect(page.locator("#builder-status")).to_contain_text("Saved")


def synced(page, live_server):
    page.goto(live_server + "/routines/")
    expect(status(page)).to_have_text("Synced")


def server_records(live_app, email):
    with live_app.app_context():
        user_id = db.session.scalar(db.select(User.id).filter_by(email=email))
        rows = db.session.scalars(db.select(SyncRecord).filter_by(user_id=user_id, deleted=False)).all()
        result = sorted((r.record_id, r.record_type, json.dumps(r.data, sort_keys=True)) for r in rows)
        db.session.remove()
        return result


def eventually(check, seconds=15):
    """The sync after an import runs in the page: wait for the server to have its result."""
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "not within the time allowed"
        time.sleep(0.2)


def sign_out(page, live_server, choice):
    page.goto(live_server + "/account/")
    page.get_by_role("button", name="Sign out of this device").click()
    dialog = page.get_by_role("dialog", name="Sign out of this device")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name=choice).click()
    expect(page).to_have_url(live_server + "/")


DEVICE_DATA = """async () => {
  const db = await new Promise((resolve, reject) => {
    const request = indexedDB.open('relieve');
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  const stores = {};
  for (const name of db.objectStoreNames) stores[name] = await Relieve.store.all(name);
  db.close();
  const caches_ = {};
  for (const name of await caches.keys()) {
    caches_[name] = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
  }
  return { stores, caches: caches_, local: Object.keys(localStorage) };
}"""


def ana_with_a_routine(browser, live_server):
    """A phone Ana signed in on and made a routine on, synced to her account."""
    context, page = device(browser)
    sign_in(page, live_server, ANA)
    wait_for_service_worker(page, 60_000)
    build(page, live_server, "Ana's mornings")
    synced(page, live_server)
    return context, page


def test_signing_out_keeping_data_never_gives_it_to_the_next_account(browser, live_app, live_server, accounts):
    context, page = ana_with_a_routine(browser, live_server)
    assert len(server_records(live_app, ANA)) == 1

    sign_out(page, live_server, "Keep my data on this device")
    expect(page.locator("#notice")).to_contain_text("signed out")

    # Ben signs in on the same phone: Ana's routine is not uploaded into his account.
    sign_in(page, live_server, BEN)
    expect(status(page)).to_have_text("Not synced: this device has data from another account")
    page.get_by_role("link", name="Choose what to do").click()
    other = page.locator("#other-account")
    expect(other).to_be_visible()
    expect(other).to_contain_text("a…@example.com")  # enough to recognise, not to learn
    screenshot(page, "shared-phone-other-account")
    assert server_records(live_app, BEN) == []

    # He removes it: nothing of Ana's is left on the device; his own account syncs from here on.
    other.get_by_role("button", name="Remove that data from this device").click()
    expect(page.locator("#device-data-status")).to_contain_text("removed")
    synced(page, live_server)
    left = page.evaluate(DEVICE_DATA)
    assert "Ana's mornings" not in json.dumps(left["stores"])
    assert ANA not in json.dumps(left)
    assert server_records(live_app, BEN) == []
    assert len(server_records(live_app, ANA)) == 1, "Ana's account keeps what synced"

    # What Ben makes now reaches his account, and only his.
    build(page, live_server, "Ben's evenings")
    synced(page, live_server)
    assert [json.loads(r[2])["name"] for r in server_records(live_app, BEN)] == ["Ben's evenings"]
    assert not context.console.errors, context.console.errors
    context.close()


def test_signing_out_removing_data_leaves_nothing_of_it(browser, live_app, live_server, accounts):
    context, page = ana_with_a_routine(browser, live_server)
    before = page.evaluate(DEVICE_DATA)
    assert before["stores"]["routines"], "the test's own check: the routine was on the device"

    sign_out(page, live_server, "Remove my data from this device")
    expect(page.locator("#notice")).to_contain_text("removed from this device")
    left = page.evaluate(DEVICE_DATA)
    for name, rows in left["stores"].items():
        if name == "meta":
            # Only the device's own id and clock offset: no account, cursor or owner.
            assert {row["key"] for row in rows} <= {"device", "clock"}, rows
        else:
            assert rows == [], f"{name} still holds {rows}"
    text = json.dumps(left)
    assert "Ana's mornings" not in text and ANA not in text
    # The app itself stays (its offline shell); no cache holds an account page or API answer.
    assert left["caches"], "the offline app was removed"
    for name, paths in left["caches"].items():
        assert name.startswith("relieve-precache-"), name
        assert not [p for p in paths if p.startswith(("/account", "/api/"))], paths
    assert len(server_records(live_app, ANA)) == 1, "the account keeps what synced"

    # Offline, the app still opens.
    context.set_offline(True)
    assert page.reload().from_service_worker
    context.close()


def test_export_then_import_gives_the_same_records_without_duplicates(
    browser, live_app, live_server, accounts, tmp_path
):
    context, page = device(browser)
    sign_in(page, live_server, ANA)
    wait_for_service_worker(page, 60_000)
    for name in ("Mornings", "Evenings"):
        build(page, live_server, name)
    synced(page, live_server)
    exported = page.request.get(live_server + "/account/export").json()
    assert len(exported["records"]) == 2
    path = tmp_path / "relieve-data.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    context.close()

    # A new phone, a new account.
    context, page = device(browser)
    sign_in(page, live_server, CLEO)
    page.goto(live_server + "/account/")
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import a data file…").click()
    chooser.value.set_files(str(path))
    expect(page.locator("#device-data-status")).to_have_text("Imported: 2 added.")
    expect(status(page)).to_have_text("Synced")
    eventually(lambda: server_records(live_app, CLEO) == server_records(live_app, ANA))
    cursor = page.request.get(live_server + "/api/v1/sync/pull?since=0").json()["cursor"]

    # Twice: nothing changes, on the device or in the account.
    page.reload()
    page.set_input_files("#import-file", str(path))
    expect(page.locator("#device-data-status")).to_have_text("Imported: 2 already here.")
    expect(status(page)).to_have_text("Synced")
    assert server_records(live_app, CLEO) == server_records(live_app, ANA)
    assert page.request.get(live_server + "/api/v1/sync/pull?since=0").json()["cursor"] == cursor
    routines = page.evaluate("async () => (await Relieve.store.all('routines')).map((r) => r.name).sort()")
    assert routines == ["Evenings", "Mornings"]
    screenshot(page, "account-import")

    # Not a data file: said plainly, nothing imported.
    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}', encoding="utf-8")
    page.set_input_files("#import-file", str(bad))
    expect(page.locator("#device-data-status")).to_contain_text("not a Relieve data file")
    assert not context.console.errors, context.console.errors
    context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_accessibility_violations(browser, live_app, live_server, accounts, scheme):
    with axe_page(browser, scheme) as (page, check):
        check_pages(page, check, live_server, ("/privacy", "/offline/account"))
        sign_in(page, live_server, ANA)
        expect(status(page)).to_have_text("Synced")  # the first sync is over: it writes the owner
        page.evaluate(
            "() => Relieve.store.put('meta', { key: 'owner', value: { key: 'x', email: 'someone@example.com' } })"
        )
        page.goto(live_server + "/account/")
        expect(page.locator("#other-account")).to_be_visible()
        check("account, another account's data")
        page.get_by_role("button", name="Sign out of this device").click()
        expect(page.get_by_role("dialog")).to_be_visible()
        check("sign-out choice")


@pytest.mark.parametrize("where", ["here", "elsewhere"])
def test_an_account_deleted_and_created_again_gets_the_devices_records(browser, live_app, live_server, accounts, where):
    context, page = device(browser)
    sign_in(page, live_server, ANA)
    build(page, live_server, "Kept through it all")
    synced(page, live_server)
    with live_app.app_context():
        old_id = db.session.scalar(db.select(User.id).filter_by(email=ANA))
    if where == "here":
        page.goto(live_server + "/account/")
        form = page.locator("form[action$='/account/delete']")
        form.get_by_label("Your password").fill(PASSWORD)
        form.get_by_role("checkbox").check()
        form.get_by_role("button", name="Delete my account").click()
        expect(page.locator("#notice")).to_contain_text("deleted")
    else:
        # Deleted from another device: this one still thinks it holds Ana's (old) account's data.
        with live_app.app_context():
            db.session.execute(db.delete(SyncRecord).where(SyncRecord.user_id == old_id))
            db.session.execute(db.delete(User).where(User.id == old_id))
            db.session.commit()
        context.clear_cookies()
    assert server_records(live_app, ANA) == []

    create_user(live_app, ANA)  # the same person, a new account (SQLite may hand out the same id)
    sign_in(page, live_server, ANA)
    synced(page, live_server)
    # The status line can read "Synced" from the run before the device re-queues its records for
    # the new account; the records reach it in the run that follows.
    eventually(lambda: [json.loads(r[2])["name"] for r in server_records(live_app, ANA)] == ["Kept through it all"])
    assert not context.console.errors, context.console.errors
    context.close()


def test_without_an_account_a_device_file_moves_to_a_new_device(browser, live_server, accounts, tmp_path):
    context, page = device(browser)
    build(page, live_server, "Made without an account")
    page.goto(live_server + "/privacy")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download this device's data").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert [r["data"]["name"] for r in json.loads(path.read_text())["records"] if r["type"] == "routine"] == [
        "Made without an account"
    ]
    context.close()

    context, page = device(browser)
    page.goto(live_server + "/privacy")
    for expected in ("added", "already here"):
        with page.expect_file_chooser() as chooser:
            page.get_by_role("button", name="Import a data file…").click()
        chooser.value.set_files(str(path))
        expect(page.locator("#device-data-status")).to_contain_text(expected)
    page.goto(live_server + "/routines/")
    expect(page.locator("#my-routines .routine-tile h3")).to_have_text(["Made without an account"])
    expect(status(page)).to_have_text("Saved on this device only")
    assert not context.console.errors, context.console.errors
    context.close()


def test_joining_an_account_is_all_or_nothing(browser, live_server):
    """A device joins an account by queueing every record it holds and linking the account in one
    transaction: a page closed halfway must not leave it linked with its records never queued
    (they would then never reach the account, which was a CI flake's real cause)."""
    context, page = device(browser)
    page.goto(live_server + "/")
    left = page.evaluate("""async () => {
      await Relieve.records.save('routine', { id: Relieve.uuid7(), name: 'Mine', steps: [] });
      for (const entry of await Relieve.store.all('outbox')) await Relieve.store.remove('outbox', entry.key);
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (value, ...rest) {
        if (this.name === 'outbox') throw new Error('the page went away');
        return put.call(this, value, ...rest);
      };
      let failed = false;
      try {
        await Relieve.records.enqueueAll([{ key: 'account', value: { key: 'new-account' } }], ['cursor']);
      } catch {
        failed = true;
      }
      IDBObjectStore.prototype.put = put;
      return { failed, account: await Relieve.store.get('meta', 'account'), outbox: await Relieve.store.count('outbox') };
    }""")
    assert left == {"failed": True, "account": None, "outbox": 0}
    # And when nothing fails, both happen.
    done = page.evaluate("""async () => {
      await Relieve.records.enqueueAll([{ key: 'account', value: { key: 'new-account' } }]);
      return { account: (await Relieve.store.get('meta', 'account')).value.key, outbox: await Relieve.store.count('outbox') };
    }""")
    assert done == {"account": "new-account", "outbox": 1}
    context.close()
