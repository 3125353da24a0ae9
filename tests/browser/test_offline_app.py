"""The installed app works offline: shell, every card, filters, and the offline page."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, ConsoleWatcher, phone, screenshot, wait_for_service_worker
from tests.browser.kit import CHROMIUM_ARGS


def test_app_is_installable(playwright_instance, chromium_path, live_server, tmp_path):
    # Installability is never reported for incognito-like contexts: use a real profile.
    context = playwright_instance.chromium.launch_persistent_context(
        str(tmp_path / "profile"),
        executable_path=chromium_path,
        chromium_sandbox=False,
        args=CHROMIUM_ARGS,
        viewport=PHONE,
    )
    try:
        page = context.pages[0] if context.pages else context.new_page()
        page.goto(live_server + "/")
        wait_for_service_worker(page)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest.get("errors") == [], manifest.get("errors")
        assert cdp.send("Page.getInstallabilityErrors") == {"installabilityErrors": []}
    finally:
        context.close()


def visible_titles(page):
    # The list is shown once the page's first draw is done (static/js/lib/settle.js); until then
    # its text reads as empty.
    page.wait_for_function("() => !document.documentElement.hasAttribute('data-settling')")
    return page.locator("#card-list .card-tile:not([hidden]) .tile-name").all_inner_texts()


def test_offline_library_cards_and_filters(context, page, live_server):
    page.goto(live_server + "/techniques/")
    script = wait_for_service_worker(page)
    assert script.endswith("/sw.js")
    assert page.evaluate("navigator.serviceWorker.controller !== null")
    total = len(visible_titles(page))
    assert total >= 16

    context.set_offline(True)
    response = page.reload()
    assert response.from_service_worker
    assert len(visible_titles(page)) == total
    assert page.locator("#connection-status").is_visible()

    # A card never visited before opens from the cache, with its illustration.
    page.get_by_role("link", name=re.compile("Knee-to-chest", re.I)).first.click()
    page.wait_for_load_state()
    assert "knee-to-chest" in page.url
    assert page.get_by_role("heading", level=1).inner_text().lower().startswith("knee")
    image = page.locator("figure.illustration > img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")

    # Filters and search run in the page, offline.
    page.go_back()
    page.get_by_label("Type").select_option("stretch")
    expect(page).to_have_url(re.compile("kind=stretch"))
    stretches = visible_titles(page)
    assert 0 < len(stretches) < total
    assert page.locator("#card-list .card-tile:not([hidden])[data-kind='massage']").count() == 0
    page.get_by_label("Search").fill("piriformis")
    expect(page).to_have_url(re.compile("q=piriformis"))
    assert all("piriformis" in t.lower() or "figure" in t.lower() for t in visible_titles(page))
    assert page.locator("#result-count").inner_text().endswith(f"of {total} techniques")

    # A filtered address opened offline is answered from the cache and filtered in the page.
    page.goto(live_server + "/techniques/?position=chair")
    assert all(t for t in visible_titles(page))
    assert page.locator("#card-list .card-tile:not([hidden]):not([data-position='chair'])").count() == 0
    assert page.get_by_label("Position").input_value() == "chair"

    # Learn pages are there too; an address that was never saved shows the offline page.
    page.goto(live_server + "/learn/faq")
    assert page.get_by_role("heading", level=1).is_visible()
    page.goto(live_server + "/somewhere-never-cached")
    assert page.get_by_role("heading", name="You're offline").is_visible()
    assert context.console.errors == []


def test_repeat_visit_offline_makes_no_network_requests(context, page, live_server):
    page.goto(live_server + "/")
    wait_for_service_worker(page)
    context.set_offline(True)
    network = []
    page.on(
        "requestfinished",
        lambda r: network.append(r) if r.response() and not r.response().from_service_worker else None,
    )
    page.on("requestfailed", lambda r: network.append(r))
    for path in ("/", "/techniques/", "/techniques/foam-roll-glutes", "/learn/", "/learn/safety"):
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
    assert [r.url for r in network] == []


def test_js_filters_match_the_server(context, page, live_server):
    """The in-page filter and the server's filter agree for the same query."""
    page.goto(live_server + "/techniques/")
    queries = ("kind=massage", "equipment=none", "area=back-of-thigh", "position=floor&kind=stretch", "q=ball")
    # Search as people put it (one synonym table, webapp/library/synonyms.py), and the strap filter.
    queries += ("q=sciatica", "q=sitting", "q=in+bed", "q=gentle", "q=hamstring", "q=gentle+stretch+in+bed")
    queries += ("equipment=strap", "q=towel", "q=sciatic", "q=foam+roller", "q=sciatic&kind=massage")
    for query in queries:
        server = context.new_page()
        server.route("**/*.js", lambda route: route.abort())  # the server's rendering alone
        # Without its scripts the page would wait for the CSS fallback to show (lib/settle.js).
        server.add_init_script(
            "document.addEventListener('DOMContentLoaded', () => document.documentElement.removeAttribute('data-settling'))"
        )
        server.goto(f"{live_server}/techniques/?{query}")
        expected = server.locator("#card-list .card-tile:not([hidden]) .tile-name").all_inner_texts()
        server.close()
        page.goto(f"{live_server}/techniques/?{query}")
        page.wait_for_load_state("load")
        assert visible_titles(page) == expected, query
        if query.startswith(("q=", "equipment=strap")):
            assert expected, f"{query} finds no card"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_typing_a_search_lists_the_best_match_first(browser, live_server, scheme):
    """Searching "sciatic" lists the nerve glide first, not the foam rollers that sit on the nerve's
    path (webapp/library/synonyms.py rank); clearing the search puts the list back in its order."""
    context, page = phone(browser, scheme=scheme)
    try:
        page.goto(live_server + "/techniques/")
        before = visible_titles(page)
        assert before[0].startswith("Foam roller")
        page.get_by_label("Search").fill("sciatic")
        expect(page).to_have_url(re.compile("q=sciatic"))
        titles = visible_titles(page)
        assert titles[0] == "Sciatic nerve glide"
        first_roller = next(i for i, t in enumerate(titles) if t.startswith("Foam roller"))
        nerve = page.locator(
            "#card-list .card-tile:not([hidden])[data-areas~='leg-nerve'] .tile-name"
        ).all_inner_texts()
        assert set(titles[: len(nerve)]) == set(nerve) and first_roller >= len(nerve)
        screenshot(page, f"library-search-sciatic-{scheme}")
        page.get_by_role("link", name="Clear filters").click()
        expect(page).not_to_have_url(re.compile("q="))
        assert visible_titles(page) == before
        assert context.console.errors == []
    finally:
        context.close()


def test_update_prompt_then_refresh(context, page, live_server, live_app):
    page.goto(live_server + "/")
    first = wait_for_service_worker(page)
    assert page.locator("#update-toast").is_hidden()
    # The person's data on this device must survive the update.
    page.evaluate("""() => Relieve.records.save('symptom_log', {
      id: Relieve.uuid7(), loggedAt: new Date().toISOString(), legPain: 5, backPain: 2, numbness: 'none',
      tingling: 'mild', weakness: 'none', areas: {}, helped: [], helpedOther: '', sleep: null, notes: 'before the update',
      warningSigns: [] })""")
    # Any change to what the pages are built from makes a new service worker version.
    live_app.config.update(CLINIC_NAME="Calm Clinic", CLINIC_BOOKING_URL="https://calm.example/book")
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    toast = page.locator("#update-toast")
    toast.wait_for(state="visible")
    assert "Book a professional session" not in page.content(), "the old version stays until the person refreshes"
    with page.expect_navigation():
        page.get_by_role("button", name="Refresh to update").click()
    wait_for_service_worker(page)
    expect(page.get_by_role("heading", name="Book a professional session")).to_be_visible()
    assert first.endswith("/sw.js")
    caches = page.evaluate("caches.keys()")
    assert len([c for c in caches if c.startswith("relieve-precache-")]) == 1, caches
    assert [log["notes"] for log in page.evaluate("Relieve.store.all('logs')")] == ["before the update"]
    assert page.evaluate("Relieve.store.count('outbox')") == 1
    # The new version works offline from its own cache.
    context.set_offline(True)
    page.goto(live_server + "/log/")
    expect(page.locator("#log-list-page")).to_contain_text("before the update")
    context.set_offline(False)
    assert context.console.errors == []


def test_sign_in_and_sign_up_offline_say_why_and_that_the_data_is_safe(browser, live_server):
    for scheme in ("light", "dark"):
        context = browser.new_context(viewport=PHONE, device_scale_factor=2, color_scheme=scheme)
        console = ConsoleWatcher(context)
        page = context.new_page()
        page.goto(live_server + "/")
        wait_for_service_worker(page, 60_000)
        context.set_offline(True)
        for path in ("/account/signin", "/account/signup", "/account/signin?next=/log/"):
            response = page.goto(live_server + path)
            assert response.from_service_worker
            expect(page.get_by_role("heading", level=1)).to_have_text("Signing in needs a connection")
            expect(page.get_by_text("Your data is safe on this device")).to_be_visible()
        screenshot(page, f"offline-signin-{scheme}")
        # Back online, the real page.
        context.set_offline(False)
        page.goto(live_server + "/account/signin")
        expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
        context.close()
        assert console.errors == [] or all("ERR_INTERNET_DISCONNECTED" in e for e in console.errors), console.errors


def test_phone_screenshots(browser, live_server):
    for scheme in ("light", "dark"):
        context = browser.new_context(
            viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, color_scheme=scheme
        )
        console = ConsoleWatcher(context)
        page = context.new_page()
        for name, path in (
            ("home", "/"),
            ("library", "/techniques/"),
            ("card", "/techniques/foam-roll-glutes"),
            ("learn", "/learn/"),
            ("article", "/learn/when-to-get-help"),
            ("offline", "/offline"),
            ("privacy", "/privacy"),
        ):
            page.goto(live_server + path)
            page.wait_for_load_state("networkidle")
            # Nothing may stick out sideways on a phone.
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), (scheme, path)
            screenshot(page, f"{name}-{scheme}")
        context.close()
        assert console.errors == []
