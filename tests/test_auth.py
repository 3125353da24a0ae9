"""Accounts: sign up, sign in, remember me, sign out, password change, delete, export, limits."""

import pytest

from tests.conftest import PASSWORD, create_user, csrf_token, form_token, sign_in
from tests.sync_helpers import put, routine, uuid7
from webapp.auth.models import User
from webapp.extensions import db
from webapp.sync.models import SyncRecord


def signup(client, email="new@example.com", password="a long enough password"):
    return client.post(
        "/account/signup",
        data={"csrf_token": form_token(client, "/account/signup"), "email": email, "password": password},
    )


class TestSigningUp:
    def test_creates_a_hashed_account_and_signs_in(self, app):
        client = app.test_client()
        response = signup(client, email="  New@Example.COM ")
        assert response.status_code == 302
        with app.app_context():
            user = db.session.scalar(db.select(User))
            assert user.email == "new@example.com"
            assert user.password_hash.startswith("pbkdf2:sha256") and "a long enough" not in user.password_hash
        assert client.get("/api/v1/session").get_json()["authenticated"] is True

    def test_real_configuration_uses_scrypt(self, monkeypatch, tmp_path):
        from webapp import create_app

        monkeypatch.setenv("RELIEVE_INSTANCE_PATH", str(tmp_path))
        monkeypatch.delenv("PASSWORD_HASH_METHOD", raising=False)
        assert create_app({"SECRET_KEY": "x"}).config["PASSWORD_HASH_METHOD"] == "scrypt"

    @pytest.mark.parametrize(
        ("email", "password", "message"),
        [
            ("", "a long enough password", "Enter your email address."),
            ("not-an-email", "a long enough password", "Enter an email address like"),
            ("a@example.com", "short", "Use at least 10 characters."),
            ("a@example.com", "", "Choose a password."),
        ],
    )
    def test_invalid_input_is_explained(self, app, email, password, message):
        response = signup(app.test_client(), email, password)
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
        with app.app_context():
            assert db.session.query(User).count() == 0

    @pytest.mark.parametrize(
        ("password", "reason"),
        [
            ("password1234", "very common password"),
            ("qwertyuiop12", "similar to a commonly used password"),
            ("aaaaaaaaaaaaaa", "repeats like"),
            ("someone@example.com", "Don't use your email address"),
        ],
    )
    def test_guessable_passwords_are_refused_with_the_reason(self, app, password, reason):
        response = signup(app.test_client(), "someone@example.com", password)
        assert response.status_code == 422
        html = response.get_data(as_text=True).replace("&#34;", '"').replace("&#39;", "'")
        assert reason in html and 'aria-invalid="true"' in html
        with app.app_context():
            assert db.session.query(User).count() == 0

    def test_a_taken_email_gets_the_same_answer_and_changes_nothing(self, app, user):
        taken = signup(app.test_client(), "ana@example.com")
        fresh = signup(app.test_client(), "fresh@example.com")
        assert taken.status_code == fresh.status_code == 302
        assert taken.headers["Location"] == fresh.headers["Location"]
        assert taken.get_data() == fresh.get_data()
        assert "already" not in taken.get_data(as_text=True)
        assert sign_in(app.test_client()).status_code == 302, "the owner's password is unchanged"
        with app.app_context():
            assert db.session.query(User).count() == 2

    def test_form_without_csrf_token_is_refused(self, app):
        response = app.test_client().post(
            "/account/signup", data={"email": "x@example.com", "password": "a long enough password"}
        )
        assert response.status_code == 400
        with app.app_context():
            assert db.session.query(User).count() == 0


class TestSigningIn:
    def test_good_password(self, app, user):
        client = app.test_client()
        response = sign_in(client)
        assert response.status_code == 302 and response.headers["Location"] == "/routines/"
        state = client.get("/api/v1/session").get_json()
        assert state["authenticated"] and state["email"] == "ana@example.com"

    def test_wrong_password(self, app, user):
        response = sign_in(app.test_client(), password="wrong password!")
        assert response.status_code == 401
        assert "don&#39;t match" in response.get_data(as_text=True) or "don't match" in response.get_data(as_text=True)

    def test_next_stays_on_this_site(self, app, user):
        client = app.test_client()
        token = form_token(client, "/account/signin")
        for target, expected in (
            ("/history", "/history"),
            ("//evil.example/", "/routines/"),
            ("https://evil.example/", "/routines/"),
        ):
            response = client.post(
                f"/account/signin?next={target}",
                data={"csrf_token": token, "email": "ana@example.com", "password": PASSWORD},
            )
            assert response.headers["Location"] == expected

    def test_session_cookie_flags(self, app, user):
        app.config.update(SESSION_COOKIE_SECURE=True)
        client = app.test_client()
        response = sign_in(client, remember=True)
        cookies = response.headers.getlist("Set-Cookie")
        session_cookie = next(c for c in cookies if c.startswith("session="))
        remember = next(c for c in cookies if c.startswith("remember_token="))
        for cookie in (session_cookie, remember):
            assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Secure" in cookie

    def test_remember_me_survives_a_new_browser_session(self, app, user):
        client = app.test_client()
        sign_in(client, remember=True)
        client.delete_cookie("session")
        assert client.get("/api/v1/session").get_json()["authenticated"] is True

    def test_rate_limited_per_account(self, app, user):
        client = app.test_client()
        for _ in range(5):
            assert sign_in(client, password="wrong password!").status_code == 401
        response = sign_in(client)  # even the right password waits now
        assert response.status_code == 429
        assert "Too many attempts" in response.get_data(as_text=True)

    def test_rate_limited_per_address(self, app, user):
        app.config.update(LOGIN_LIMIT_PER_ADDRESS=3)
        from webapp.auth.ratelimit import init_limiter

        init_limiter(app)
        client = app.test_client()
        for n in range(3):
            assert sign_in(client, email=f"other{n}@example.com", password="wrong password!").status_code == 401
        assert sign_in(client).status_code == 429

    def test_sign_out(self, app, user):
        client = app.test_client()
        sign_in(client)
        token = form_token(client, "/account/")
        assert client.post("/account/signout", data={"csrf_token": token}).status_code == 302
        assert client.get("/api/v1/session").get_json()["authenticated"] is False


class TestAccountPage:
    def test_requires_sign_in(self, app):
        response = app.test_client().get("/account/")
        assert response.status_code == 302 and "/account/signin?next=/account/" in response.headers["Location"]

    def test_password_change_signs_out_other_devices(self, app, user):
        phone, tablet = app.test_client(), app.test_client()
        sign_in(phone)
        sign_in(tablet, remember=True)
        response = phone.post(
            "/account/",
            data={
                "csrf_token": form_token(phone, "/account/"),
                "pw-current": PASSWORD,
                "pw-password": "a brand new password",
                "pw-confirm": "a brand new password",
            },
        )
        assert response.status_code == 302
        assert phone.get("/api/v1/session").get_json()["authenticated"] is True
        assert tablet.get("/api/v1/session").get_json()["authenticated"] is False
        assert sign_in(app.test_client(), password="a brand new password").status_code == 302

    @pytest.mark.parametrize(
        ("current", "new", "confirm", "message"),
        [
            ("wrong password", "a brand new password", "a brand new password", "not your current password"),
            (PASSWORD, "short", "short", "at least 10"),
            (PASSWORD, "a brand new password", "different password", "differ"),
            (PASSWORD, PASSWORD, PASSWORD, "must differ from the current one"),
        ],
    )
    def test_password_change_errors(self, app, user, current, new, confirm, message):
        client = app.test_client()
        sign_in(client)
        response = client.post(
            "/account/",
            data={
                "csrf_token": form_token(client, "/account/"),
                "pw-current": current,
                "pw-password": new,
                "pw-confirm": confirm,
            },
        )
        assert response.status_code == 422
        assert message in response.get_data(as_text=True)
        assert sign_in(app.test_client()).status_code == 302  # the old password still works

    def test_export_holds_the_account_records(self, app, device):
        rid = uuid7()
        device.push([put(rid, routine("Evening"))])
        response = device.client.get("/account/export")
        assert response.headers["Content-Disposition"].startswith("attachment")
        data = response.get_json()
        assert data["account"]["email"] == "ana@example.com"
        assert [r["data"]["name"] for r in data["records"]] == ["Evening"]

    def test_delete_account_removes_everything(self, app, device):
        device.push([put(uuid7(), routine())])
        other = create_user(app, "ben@example.com")
        client = device.client
        token = form_token(client, "/account/")
        refused = client.post(
            "/account/delete", data={"csrf_token": token, "del-password": "wrong", "del-confirm": "y"}
        )
        assert refused.status_code == 422
        response = client.post(
            "/account/delete", data={"csrf_token": token, "del-password": PASSWORD, "del-confirm": "y"}
        )
        assert response.status_code == 302
        with app.app_context():
            assert db.session.scalar(db.select(User.id)) == other
            assert db.session.query(SyncRecord).count() == 0
        assert client.get("/api/v1/session").get_json()["authenticated"] is False


def test_api_session_for_signed_out_visitors(app):
    body = app.test_client().get("/api/v1/session").get_json()
    assert body["authenticated"] is False and body["csrf_token"]


def test_expired_session_gets_401_json_and_keeps_nothing_half_done(app, device):
    device.client.delete_cookie("session")
    response = device.push([put(uuid7(), routine())])
    assert response.status_code == 401
    assert response.get_json()["error"]["message"].startswith("Sign in")
    with app.app_context():
        assert db.session.query(SyncRecord).count() == 0


def test_csrf_token_changes_nothing_without_it(app, device):
    response = device.client.post(
        "/api/v1/sync/push", json={"device_id": "device-aaaa", "changes": [put(uuid7(), routine())]}
    )
    assert response.status_code == 400
    assert "X-CSRFToken" in response.get_json()["error"]["message"]
    assert csrf_token(device.client)


class TestHardening:
    @pytest.mark.parametrize(
        "target",
        [
            "/\t/evil.example",
            "/\n/evil.example",
            "//evil.example",
            "/\\evil.example",
            "https://evil.example/",
            "/\x7f/evil.example",
        ],
    )
    def test_next_cannot_leave_the_site(self, app, user, target):
        client = app.test_client()
        token = form_token(client, "/account/signin")
        response = client.post(
            "/account/signin",
            query_string={"next": target},
            data={"csrf_token": token, "email": "ana@example.com", "password": PASSWORD},
        )
        assert response.status_code == 302 and response.headers["Location"] == "/routines/"

    @pytest.mark.parametrize("path", ["/learn/a%00b", "/routines/a%00b", "/techniques/?q=a%00b"])
    def test_nul_bytes_are_a_bad_request(self, app, path):
        assert app.test_client().get(path).status_code == 400

    def test_nul_in_a_form_is_a_bad_request(self, app, user):
        client = app.test_client()
        token = form_token(client, "/account/signin")
        response = client.post("/account/signin", data={"csrf_token": token, "email": "a\x00b", "password": "x"})
        assert response.status_code == 400

    def test_simultaneous_guesses_are_all_counted(self, app, user):
        limiter = app.extensions["relieve.login_limiter"]
        with app.app_context():
            results = [limiter.attempt("ana@example.com", "1.1.1.1") for _ in range(7)]
        assert results == [True] * 5 + [False] * 2

    def test_sign_up_is_limited_per_address(self, app):
        client = app.test_client()
        codes = [signup(client, email=f"u{n}@example.com").status_code for n in range(11)]
        assert codes[:10] == [302] * 10 and codes[10] == 429

    def test_password_change_keeps_a_not_remembered_device_not_remembered(self, app, user):
        client = app.test_client()
        sign_in(client)
        response = client.post(
            "/account/",
            data={
                "csrf_token": form_token(client, "/account/"),
                "pw-current": PASSWORD,
                "pw-password": "a brand new password",
                "pw-confirm": "a brand new password",
            },
        )
        assert not any(c.startswith("remember_token=") for c in response.headers.getlist("Set-Cookie"))


def test_secret_key_created_once_by_racing_workers(tmp_path):
    import concurrent.futures

    from webapp.config import secret_key

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        keys = set(pool.map(lambda _: secret_key(str(tmp_path)), range(32)))
    assert len(keys) == 1 and len(keys.pop()) == 64
    assert [p.name for p in tmp_path.iterdir()] == ["secret_key"]
