"""Account forms say the right thing: a right password with the box unticked is only asked to
tick the box; confirmations (signed up, signed out, deleted) reach the page the person lands on,
even when that page comes from the service worker's cache (a short-lived cookie, shown once by
static/js/lib/notice.js); flashed messages render on every page."""

from urllib.parse import unquote

from tests.conftest import PASSWORD, form_token
from webapp.auth.models import User
from webapp.extensions import db


def notice_of(response):
    for header in response.headers.getlist("Set-Cookie"):
        if header.startswith("relieve_notice="):
            return unquote(header.split(";", 1)[0].split("=", 1)[1])
    return None


def delete(client, password, confirm):
    token = form_token(client, "/account/")
    data = {"csrf_token": token, "del-password": password}
    if confirm:
        data["del-confirm"] = "y"
    return client.post("/account/delete", data=data)


def test_right_password_box_unticked_only_asks_to_tick_the_box(app, device):
    response = delete(device.client, PASSWORD, confirm=False)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Tick the box to confirm." in html
    assert "That is not your password." not in html
    with app.app_context():
        assert db.session.scalar(db.select(User.id)) is not None


def test_wrong_password_box_unticked_says_both(device):
    html = delete(device.client, "not it at all", confirm=False).get_data(as_text=True)
    assert "That is not your password." in html and "Tick the box to confirm." in html


def test_wrong_password_box_ticked_says_the_password_is_wrong(device):
    response = delete(device.client, "not it at all", confirm=True)
    html = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "That is not your password." in html and "Tick the box to confirm." not in html


def test_no_password_asks_for_it(device):
    html = delete(device.client, "", confirm=True).get_data(as_text=True)
    assert "Enter your password to confirm." in html and "That is not your password." not in html


def test_deleting_leaves_a_confirmation_for_the_home_page(device):
    response = delete(device.client, PASSWORD, confirm=True)
    assert response.status_code == 302 and response.headers["Location"].endswith("/")
    assert notice_of(response) == (
        "Your account and everything synced to it are deleted. This device still has its own copy."
    )


def test_signing_out_and_up_leave_a_confirmation(app, device):
    token = form_token(device.client, "/account/")
    response = device.client.post("/account/signout", data={"csrf_token": token})
    assert response.status_code == 302
    assert notice_of(response) == "You are signed out. What is saved on this device stays here."
    client = app.test_client()
    token = form_token(client, "/account/signup")
    response = client.post(
        "/account/signup", data={"csrf_token": token, "email": "new@example.com", "password": "a long password here"}
    )
    assert response.status_code == 302
    assert (
        notice_of(response)
        == "Thanks. We've sent an email to new@example.com: follow its link to confirm your address."
    )


def test_every_page_has_the_confirmation_region(client):
    for path in ("/", "/techniques/", "/settings", "/welcome", "/log/"):
        html = client.get(path).get_data(as_text=True)
        assert 'id="notice"' in html, path


def test_signing_in_says_so_on_the_page_it_lands_on(app, user):
    client = app.test_client()
    token = form_token(client, "/account/signin?next=/log/")
    response = client.post(
        "/account/signin?next=/log/", data={"csrf_token": token, "email": "ana@example.com", "password": PASSWORD}
    )
    assert response.status_code == 302 and response.headers["Location"] == "/log/"
    assert notice_of(response) == "You're signed in as ana@example.com."
