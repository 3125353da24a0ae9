"""The limiter's counting rules, its database counter, the owner's own allowance, and the limits
holding exactly under gunicorn with 3 workers."""

import json
import os
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from tests.conftest import PASSWORD, create_user, form_token, sign_in
from tests.mail_smtp import free_port
from webapp.auth.ratelimit import DatabaseCounter, LoginLimiter, MemoryCounter


def test_blocks_after_the_limit_and_forgives_after_the_window():
    limiter = LoginLimiter(MemoryCounter(), per_account=2, per_address=10, window=0.2)
    assert limiter.attempt("a@example.com", "1.2.3.4")
    assert limiter.attempt("a@example.com", "1.2.3.4")
    assert not limiter.attempt("a@example.com", "9.9.9.9"), "per account, from any address"
    assert limiter.attempt("b@example.com", "1.2.3.4")
    time.sleep(0.25)
    assert limiter.attempt("a@example.com", "1.2.3.4")


def test_success_clears_the_account_count():
    limiter = LoginLimiter(MemoryCounter(), per_account=2, per_address=10, window=60)
    limiter.attempt("a@example.com", "1.2.3.4")
    limiter.attempt("a@example.com", "1.2.3.4")
    limiter.succeeded("a@example.com", "1.2.3.4")
    assert limiter.attempt("a@example.com", "5.5.5.5")


def test_memory_counter_stays_bounded():
    counter = MemoryCounter()
    for n in range(10005):
        counter.incr(f"k{n}", 0.0001)
    time.sleep(0.001)
    counter.incr("last", 0.0001)
    assert len(counter._counts) < 10005


def test_good_sign_ins_do_not_use_up_the_address_limit():
    limiter = LoginLimiter(MemoryCounter(), per_account=5, per_address=3, window=60)
    for n in range(10):
        assert limiter.attempt(f"user{n}@example.com", "10.0.0.1")
        limiter.succeeded(f"user{n}@example.com", "10.0.0.1")
    for n in range(3):
        assert limiter.attempt(f"guess{n}@example.com", "10.0.0.1")
    assert not limiter.attempt("guess9@example.com", "10.0.0.1")


# --- Counted in the database: shared by workers and hosts, exact, and fair to the owner. ---


ROOT = Path(__file__).resolve().parent.parent


def test_database_counter_counts_forgets_and_resets(app):
    counter = DatabaseCounter()
    with app.app_context():
        assert [counter.incr("k", 0.3) for _ in range(3)] == [1, 2, 3]
        counter.decr("k")
        assert counter.incr("k", 0.3) == 3
        time.sleep(0.35)
        assert counter.incr("k", 0.3) == 1, "a new window"
        counter.reset("k")
        assert counter.incr("k", 60) == 1
        long_key = "login:acct:" + "x" * 300 + "@example.com"
        assert counter.incr(long_key, 60) == 1 and counter.incr(long_key, 60) == 2


def wrong_guess(client, email="ana@example.com"):
    return sign_in(client, email=email, password="wrong password!").status_code


def test_guesses_from_elsewhere_do_not_lock_the_owner_out(app, user):
    owner = app.test_client()
    assert sign_in(owner).status_code == 302, "the owner's device signed in before"
    owner.post("/account/signout", data={"csrf_token": form_token(owner, "/account/")})
    attacker = app.test_client()
    assert [wrong_guess(attacker) for _ in range(6)] == [401] * 5 + [429]
    assert sign_in(app.test_client()).status_code == 429, "a new device waits"
    assert sign_in(owner).status_code == 302, "the owner's own device has its own allowance"


def test_the_owner_device_is_limited_too(app, user):
    owner = app.test_client()
    sign_in(owner)
    assert [wrong_guess(owner) for _ in range(6)] == [401] * 5 + [429]


def test_a_forged_device_cookie_counts_with_everyone_else(app, user):
    attacker = app.test_client()
    for _ in range(5):
        wrong_guess(attacker)
    attacker.set_cookie("relieve_device", "eyJlIjoiYWJjIn0.forged", path="/account/")
    assert wrong_guess(attacker) == 429


def change_password(client, current):
    return client.post(
        "/account/",
        data={
            "csrf_token": form_token(client, "/account/"),
            "pw-current": current,
            "pw-password": "lantern orchard pebble",
            "pw-confirm": "lantern orchard pebble",
        },
    )


def test_the_account_page_counts_password_guesses(app, user):
    client = app.test_client()
    sign_in(client)
    assert [change_password(client, "guess number one").status_code for _ in range(5)] == [422] * 5
    blocked = change_password(client, PASSWORD)
    assert blocked.status_code == 429 and "Too many attempts" in blocked.get_data(as_text=True)
    token = form_token(client, "/account/")
    deleting = client.post("/account/delete", data={"csrf_token": token, "del-password": PASSWORD, "del-confirm": "y"})
    assert deleting.status_code == 429, "deleting counts in the same allowance"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def post(opener, url, cookie, data):
    request = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers={"Cookie": cookie})
    try:
        with opener.open(request, timeout=180) as response:
            return response.status
    except urllib.error.HTTPError as error:
        error.close()
        return error.code


def all_at_once(count, send):
    results, barrier = [None] * count, threading.Barrier(count)

    def run(n):
        barrier.wait()
        results[n] = send(n)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def test_limits_hold_exactly_across_three_gunicorn_workers(app, database_url, tmp_path):
    """The README's deployment: 3 workers. Exactly the configured number of guesses and
    sign-ups get through, with everything sent at once."""
    create_user(app)
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "SECRET_KEY": "test-only-secret",
        "RELIEVE_INSTANCE_PATH": str(tmp_path),
        "RELIEVE_ENV": "development",
        "SESSION_COOKIE_SECURE": "0",
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "LOGIN_LIMIT_PER_ACCOUNT": "5",
        "LOGIN_LIMIT_PER_ADDRESS": "100",
        "SIGNUP_LIMIT_PER_ADDRESS": "10",
        "RATELIMIT_STORAGE_URL": "",
        "MAIL_SERVER": "",
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--workers", "3", "--bind", f"127.0.0.1:{port}", "wsgi:app"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    base = f"http://127.0.0.1:{port}"
    opener = urllib.request.build_opener(NoRedirect)
    try:
        # Workers start slowly on a busy machine: wait for one to answer, then warm all three.
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(base + "/api/v1/session", timeout=30) as response:
                    cookie = response.headers["Set-Cookie"].split(";", 1)[0]
                    token = json.load(response)["csrf_token"]
                break
            except OSError:  # refused while starting, or a timeout
                assert server.poll() is None and time.monotonic() < deadline, server.stderr.read().decode()
                time.sleep(0.3)

        for _ in range(6):
            with urllib.request.urlopen(base + "/account/signin", timeout=180) as response:
                response.read()
        guesses = all_at_once(
            12,
            lambda n: post(
                opener,
                base + "/account/signin",
                cookie,
                {"csrf_token": token, "email": "ana@example.com", "password": f"wrong guess {n}"},
            ),
        )
        assert sorted(guesses) == [401] * 5 + [429] * 7, guesses

        signups = all_at_once(
            13,
            lambda n: post(
                opener,
                base + "/account/signup",
                cookie,
                {"csrf_token": token, "email": f"new{n}@example.com", "password": "lantern orchard pebble"},
            ),
        )
        assert sorted(signups) == [302] * 10 + [429] * 3, signups
    finally:
        server.terminate()
        server.wait(timeout=30)
        server.stderr.close()
