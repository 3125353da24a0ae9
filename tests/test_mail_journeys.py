"""Email journeys end to end through a real local SMTP server (aiosmtpd): forgot password,
email verification, email change, and the email for a sign-up with a taken address."""

import re

import pytest

from tests.conftest import PASSWORD, BufferedClient, _settings, create_user, empty_tables, form_token, sign_in
from tests.mail_smtp import link_in, mail_settings, start_smtp
from webapp import create_app
from webapp.auth import tokens
from webapp.auth.models import User
from webapp.extensions import db

NEW_PASSWORD = "lantern orchard pebble"


@pytest.fixture(scope="module")
def smtp():
    controller, inbox = start_smtp()
    yield controller, inbox
    controller.stop()


@pytest.fixture
def inbox(smtp):
    smtp[1].clear()
    return smtp[1]


@pytest.fixture
def mail_app(database_url, tmp_path, smtp):
    app = create_app({**_settings(database_url, tmp_path), **mail_settings(smtp[0].port)})
    app.test_client_class = BufferedClient
    with app.app_context():
        empty_tables()
        db.session.remove()
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def forgot(client, email):
    token = form_token(client, "/account/forgot")
    return client.post("/account/forgot", data={"csrf_token": token, "email": email})


def reset(client, path, password, confirm=None):
    token = form_token(client, path)
    return client.post(path, data={"csrf_token": token, "password": password, "confirm": confirm or password})


def authenticated(client):
    return client.get("/api/v1/session").get_json()["authenticated"]


class TestForgotPassword:
    def test_the_whole_journey(self, mail_app, inbox):
        create_user(mail_app)
        other_device = mail_app.test_client()
        sign_in(other_device, remember=True)
        client = mail_app.test_client()
        assert 'href="/account/forgot"' in client.get("/account/signin").get_data(as_text=True)
        response = forgot(client, "ana@example.com")
        assert response.status_code == 200 and "we've sent it a link" in response.get_data(as_text=True)
        message = inbox.last_to("ana@example.com")
        assert message["subject"] == "Reset your Relieve password"
        path = link_in(message)
        assert path.startswith("/account/reset/")

        page = client.get(path)
        assert page.status_code == 200 and "ana@example.com" in page.get_data(as_text=True)
        assert page.headers["Cache-Control"] == "no-store"
        weak = reset(client, path, "password123")
        assert weak.status_code == 422 and "easy to guess" in weak.get_data(as_text=True)
        done = reset(client, path, NEW_PASSWORD)
        assert done.status_code == 302 and done.headers["Location"] == "/account/signin"

        assert sign_in(mail_app.test_client()).status_code == 401, "the old password is gone"
        assert sign_in(mail_app.test_client(), password=NEW_PASSWORD).status_code == 302
        assert not authenticated(other_device), "every device signs in again"
        with mail_app.app_context():
            assert db.session.scalar(db.select(User.email_verified_at)) is not None, "the link proved the address"

        again = client.get(path)
        assert again.status_code == 400 and "already used" in again.get_data(as_text=True), "single use"

    def test_same_answer_for_an_unknown_email_and_no_mail(self, mail_app, inbox):
        create_user(mail_app)
        known = forgot(mail_app.test_client(), "ana@example.com")
        unknown = forgot(mail_app.test_client(), "nobody@example.com")
        assert known.status_code == unknown.status_code == 200

        def scrub(response):
            html = response.get_data(as_text=True).replace("ana@example.com", "X").replace("nobody@example.com", "X")
            return re.sub(r'value="[^"]+"|nonce="[^"]+"', "", html)

        assert scrub(known) == scrub(unknown)
        inbox.wait_for(1)
        assert [m["to"] for m in inbox.messages] == [["ana@example.com"]]

    def test_an_expired_link_is_refused(self, mail_app, inbox, monkeypatch):
        create_user(mail_app)
        forgot(mail_app.test_client(), "ana@example.com")
        path = link_in(inbox.last_to("ana@example.com"))
        monkeypatch.setattr(tokens, "RESET_MAX_AGE", -1)
        response = mail_app.test_client().get(path)
        assert response.status_code == 400 and "expired" in response.get_data(as_text=True)

    def test_a_forged_or_other_purpose_link_is_refused(self, mail_app):
        user_id = create_user(mail_app)
        with mail_app.test_request_context():
            user = db.session.get(User, user_id)
            verify = tokens.verify_token(user)
        assert mail_app.test_client().get(f"/account/reset/{verify}").status_code == 400
        assert mail_app.test_client().get("/account/reset/made-up").status_code == 400

    def test_requests_are_limited(self, mail_app, inbox):
        create_user(mail_app)
        client = mail_app.test_client()
        codes = [forgot(client, "ana@example.com").status_code for _ in range(4)]
        assert codes == [200] * 4
        inbox.wait_for(3)
        assert len(inbox.messages) == 3, "at most 3 emails an hour to one address, silently"
        for n in range(6):
            assert forgot(client, f"someone{n}@example.com").status_code == 200
        response = forgot(client, "ana@example.com")
        assert response.status_code == 429 and "Too many requests" in response.get_data(as_text=True)


class TestVerification:
    def test_sign_up_then_verify(self, mail_app, inbox):
        client = mail_app.test_client()
        token = form_token(client, "/account/signup")
        response = client.post(
            "/account/signup", data={"csrf_token": token, "email": "new@example.com", "password": NEW_PASSWORD}
        )
        assert response.status_code == 302 and authenticated(client), "usable before verifying"
        message = inbox.last_to("new@example.com")
        assert message["subject"] == "Confirm your email address for Relieve"
        page = client.get("/account/").get_data(as_text=True)
        assert 'id="email-unverified"' in page and "Send the link again" in page

        resend = client.post("/account/verify/resend", data={"csrf_token": form_token(client, "/account/")})
        assert resend.status_code == 302
        inbox.wait_for(2)

        response = client.get(link_in(message))
        assert response.status_code == 302
        page = client.get("/account/").get_data(as_text=True)
        assert 'id="email-unverified"' not in page
        assert client.get(link_in(message)).status_code == 302, "following it twice is harmless"

    def test_a_taken_email_gets_a_warning_email(self, mail_app, inbox):
        create_user(mail_app)
        client = mail_app.test_client()
        token = form_token(client, "/account/signup")
        response = client.post(
            "/account/signup", data={"csrf_token": token, "email": "ana@example.com", "password": NEW_PASSWORD}
        )
        assert response.status_code == 302 and not authenticated(client)
        message = inbox.last_to("ana@example.com")
        assert "tried to sign up" in message["subject"]
        assert "/account/forgot" in message["body"] and "/account/signin" in message["body"]


class TestEmailChange:
    def change(self, client, email, password=PASSWORD):
        token = form_token(client, "/account/")
        return client.post("/account/email", data={"csrf_token": token, "em-email": email, "em-password": password})

    def test_confirmed_through_the_new_address_and_the_old_one_told(self, mail_app, inbox):
        create_user(mail_app)
        client = mail_app.test_client()
        sign_in(client)
        wrong = self.change(client, "ana.new@example.com", "not my password")
        assert wrong.status_code == 422 and "That is not your password." in wrong.get_data(as_text=True)
        assert self.change(client, "ana.new@example.com").status_code == 302
        message = inbox.last_to("ana.new@example.com")
        path = link_in(message)
        with mail_app.app_context():
            assert db.session.scalar(db.select(User.email)) == "ana@example.com", "nothing changes before"

        page = client.get(path)
        assert page.status_code == 200 and "ana.new@example.com" in page.get_data(as_text=True)
        confirmed = client.post(path, data={"csrf_token": form_token(client, path)})
        assert confirmed.status_code == 302
        with mail_app.app_context():
            user = db.session.scalar(db.select(User))
            assert user.email == "ana.new@example.com" and user.email_verified_at is not None
        notice = inbox.last_to("ana@example.com")
        assert "changed" in notice["subject"] and "ana.new@example.com" in notice["body"]
        assert sign_in(mail_app.test_client(), email="ana.new@example.com").status_code == 302
        assert client.get(path).status_code == 400, "used up"

    def test_an_address_taken_meanwhile_is_not_stolen(self, mail_app, inbox):
        create_user(mail_app)
        client = mail_app.test_client()
        sign_in(client)
        self.change(client, "ben@example.com")
        path = link_in(inbox.last_to("ben@example.com"))
        create_user(mail_app, "ben@example.com")
        response = client.post(path, data={"csrf_token": form_token(client, path)})
        assert response.status_code == 400 and "already used by another account" in response.get_data(as_text=True)
