"""Requests sync makes, counted in Chromium (issue 15; not a test: run it and read the figures).

Starts the app's development server from a checkout (this one, or --root, e.g. an older commit
unpacked with `git archive`, to compare), and counts every /api/ request of a browser context,
its pages' and its service worker's alike:

- per saved change: a routine saved in the builder while signed in and in sync (from the click
  until the sync after it is over);
- per online page view: five views of app pages while signed in and in sync;
- while signed out: ten saves without an account;
- a first sync of 1,000 records: a device holding 1,000 routines signs in (pushes, pulls, and
  how many of its own records the server sent back);
- a new device's first pull: a device with nothing signs in to that account (how many records
  it received, and how many of them more than once).

    .venv/bin/python bench/requests.py
    .venv/bin/python bench/requests.py --root /tmp/relieve-before --port 5069
"""

import argparse
import collections
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(HERE))

from tests.browser.kit import SEED_ROUTINES, bundle_testkit  # noqa: E402

EMAIL, PASSWORD = "bench@example.com", "bench password 123"
PHONE = {"width": 390, "height": 844}
CREATE_USER = """
from webapp import create_app
from webapp.auth.models import User
from webapp.extensions import db
app = create_app()
with app.app_context():
    user = User(email={email!r})
    user.set_password({password!r}, "pbkdf2:sha256:1000")
    db.session.add(user)
    db.session.commit()
"""


def server(root, port, instance):
    env = {
        **os.environ,
        "RELIEVE_ENV": "development",
        "RELIEVE_INSTANCE_PATH": instance,
        "FLASK_APP": "wsgi",
    }
    python = str(HERE / ".venv" / "bin" / "python")
    for command in (["db", "upgrade"], ["contract", "build"], ["content", "load"]):
        subprocess.run([python, "-m", "flask", *command], cwd=root, env=env, check=True, capture_output=True)
    subprocess.run(
        [python, "-c", CREATE_USER.format(email=EMAIL, password=PASSWORD)],
        cwd=root,
        env=env,
        check=True,
        capture_output=True,
    )
    process = subprocess.Popen(
        [python, "-m", "flask", "run", "--port", str(port)],
        cwd=root,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "/routines/", timeout=30)  # the first view builds the bundles
            return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("the development server did not start")


class Counted:
    def __init__(self, browser, kit):
        self.context = browser.new_context(viewport=PHONE)
        self.context.set_default_timeout(120_000)
        self.context.add_init_script(script=kit)
        self.requests = []
        self.context.on("request", lambda r: "/api/" in r.url and self.requests.append(r))
        self.page = self.context.new_page()

    def names(self):
        return collections.Counter(
            r.method + " " + re.sub(r"\?.*", "", r.url.split("/api/v1")[1]) for r in self.requests
        )

    def received(self):
        """Ids of records the server sent (pull pages and push answers)."""
        ids = []
        for request in self.requests:
            response = request.response()
            if response is not None and response.ok and "/sync/" in request.url:
                ids += [c["id"] for c in response.json().get("changes", [])]
        return ids


def sign_in(device, url):
    page = device.page
    page.goto(url + "/account/signin")
    page.get_by_label("Email").fill(EMAIL)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(re.compile("/routines/$"))
    synced(page)


def synced(page):
    page.locator("[data-sync-status]").first.filter(has_text=re.compile("^Synced$")).wait_for()
    page.wait_for_timeout(1500)


def save_routine(page, url, name):
    page.goto(url + "/routines/new")
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    return lambda: (
        page.get_by_label("Name").fill(name),
        page.get_by_role("button", name="Add step").click(),
        page.get_by_role("button", name="Save routine").click(),
        page.locator("#builder-status").filter(has_text="Saved").wait_for(),
        page.wait_for_timeout(3500),  # changes wait 2 s before they are sent
    )


def measure(browser, kit, url):
    figures = {}
    phone = Counted(browser, kit)
    sign_in(phone, url)
    phone.page.wait_for_timeout(2000)

    saves = 5
    counts = collections.Counter()
    for n in range(saves):
        save = save_routine(phone.page, url, f"Saved {n}")
        phone.requests.clear()
        save()
        counts += phone.names()
    figures["per saved change"] = {"requests": sum(counts.values()) / saves, "by kind": dict(counts)}

    phone.page.goto(url + "/routines/")
    synced(phone.page)
    phone.requests.clear()
    views = ["/", "/routines/", "/log/", "/techniques/", "/routines/"]
    for path in views:
        phone.page.goto(url + path)
        phone.page.wait_for_load_state("networkidle")
    phone.page.wait_for_timeout(1500)
    figures["per online page view"] = {"requests": len(phone.requests) / len(views), "by kind": dict(phone.names())}
    phone.context.close()

    anonymous = Counted(browser, kit)
    for n in range(10):
        save_routine(anonymous.page, url, f"Alone {n}")()
    figures["10 saves while signed out"] = {"requests": len(anonymous.requests), "by kind": dict(anonymous.names())}
    anonymous.context.close()

    first = Counted(browser, kit)
    first.page.goto(url + "/routines/")
    own = set(first.page.evaluate(SEED_ROUTINES, 1000))
    first.requests.clear()
    started = time.monotonic()
    sign_in(first, url)
    received = first.received()
    figures["first sync of 1,000 records"] = {
        "requests": len(first.requests),
        "by kind": dict(first.names()),
        "own records sent back": sum(1 for i in received if i in own),
        "seconds": round(time.monotonic() - started, 1),
    }
    first.context.close()

    fresh = Counted(browser, kit)
    sign_in(fresh, url)
    received = fresh.received()
    stored = fresh.page.evaluate("async () => (await Relieve.store.all('routines')).length")
    figures["new device's first pull"] = {
        "requests": len(fresh.requests),
        "by kind": dict(fresh.names()),
        "records received": len(received),
        "distinct": len(set(received)),
        "routines stored": stored,
    }
    fresh.context.close()
    return figures


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", default=str(HERE), help="the checkout to serve (default: this one)")
    parser.add_argument("--port", type=int, default=5068)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="relieve-bench-requests-") as instance:
        process, url = server(args.root, args.port, instance)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
                figures = measure(browser, bundle_testkit(Path(args.root).resolve()), url)
                browser.close()
        finally:
            process.terminate()
            process.wait()
    json.dump(figures, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
