"""axe-core finds no serious or critical accessibility violations, in light and dark mode."""
import pytest
from axe_playwright_python.sync_playwright import Axe

from tests.browser.conftest import PHONE

PAGES = ["/", "/techniques/", "/techniques/?kind=stretch", "/techniques/?q=zzzz", "/techniques/foam-roll-glutes",
         "/techniques/sciatic-nerve-glide", "/learn/", "/learn/how-massage-may-help", "/learn/faq",
         "/offline", "/no-such-page"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violations(browser, live_server, scheme):
    # axe is injected as a script, which the app's strict CSP would rightly block.
    context = browser.new_context(viewport=PHONE, bypass_csp=True, color_scheme=scheme)
    page = context.new_page()
    axe = Axe()
    problems = []
    for path in PAGES:
        page.goto(live_server + path)
        page.wait_for_load_state("networkidle")
        for violation in axe.run(page).response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                targets = [node["target"] for node in violation["nodes"]][:3]
                problems.append(f"{path}: {violation['id']} ({violation['impact']}): {violation['help']} {targets}")
    context.close()
    assert problems == []
