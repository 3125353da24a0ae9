"""Fixtures shared by all tests.

The database is built once per run by the Alembic migrations (never `create_all`), on SQLite in a
temporary folder or on the server named by TEST_DATABASE_URL (CI runs the suite on PostgreSQL
too). Each test starts with empty tables.
"""

import os
import re
from pathlib import Path

import pytest
import sqlalchemy as sa
from flask.testing import FlaskClient
from flask_migrate import upgrade

from webapp import create_app
from webapp.config import normalise_database_url
from webapp.content.loader import load_content
from webapp.extensions import db

ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = ROOT / "content"
STATIC_DIR = ROOT / "static"


def _settings(database_url, instance_path):
    return {
        "TESTING": True,
        "SECRET_KEY": "test-only-secret",
        "SQLALCHEMY_DATABASE_URI": database_url,
        "SESSION_COOKIE_SECURE": False,
        "ASSETS_AUTO_BUILD": True,
        "CONTENT_DIR": str(CONTENT_DIR),
        "CLINIC_NAME": None,
        "CLINIC_BOOKING_URL": None,
        # Real hashing is deliberately slow; tests only need it to be a hash.
        "PASSWORD_HASH_METHOD": "pbkdf2:sha256:1000",
        "RATELIMIT_STORAGE_URL": None,
        "LOGIN_LIMIT_PER_ACCOUNT": 5,
        "LOGIN_LIMIT_PER_ADDRESS": 20,
        "LOGIN_LIMIT_WINDOW": 900,
    }


@pytest.fixture(scope="session")
def database_url(tmp_path_factory):
    """A database with the schema built by running every migration."""
    url = os.environ.get("TEST_DATABASE_URL")
    instance = tmp_path_factory.mktemp("instance")
    if url:
        url = normalise_database_url(url)
        engine = sa.create_engine(url)
        with engine.begin() as conn:
            conn.execute(sa.text("DROP SCHEMA public CASCADE"))
            conn.execute(sa.text("CREATE SCHEMA public"))
        engine.dispose()
    else:
        url = "sqlite:///" + str(instance / "test.db")
    app = create_app(_settings(url, instance))
    with app.app_context():
        upgrade()
        db.engine.dispose()
    return url


def empty_tables():
    tables = list(db.metadata.sorted_tables)
    if db.engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in tables)
        db.session.execute(sa.text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    else:
        for table in reversed(tables):
            db.session.execute(table.delete())
    db.session.commit()


@pytest.fixture
def app(database_url, tmp_path, monkeypatch):
    monkeypatch.delenv("CLINIC_NAME", raising=False)
    monkeypatch.delenv("CLINIC_BOOKING_URL", raising=False)
    application = create_app(_settings(database_url, tmp_path))
    application.test_client_class = BufferedClient
    with application.app_context():
        empty_tables()
        db.session.remove()
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def content_app(app):
    """The app with the real content/ loaded."""
    with app.app_context():
        load_content(CONTENT_DIR, STATIC_DIR)
    return app


class BufferedClient(FlaskClient):
    """Reads every response fully, so static files are closed (ResourceWarnings are errors)."""

    def open(self, *args, **kwargs):
        kwargs.setdefault("buffered", True)
        return super().open(*args, **kwargs)


@pytest.fixture
def client(content_app):
    return content_app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


PASSWORD = "correct horse battery"


def csrf_token(client):
    return client.get("/api/v1/session").get_json()["csrf_token"]


def create_user(app, email="ana@example.com", password=PASSWORD):
    from webapp.auth.models import User

    with app.app_context():
        user = User(email=email)
        user.set_password(password, app.config["PASSWORD_HASH_METHOD"])
        db.session.add(user)
        db.session.commit()
        return user.id


def form_token(client, path):
    """The CSRF token of the form(s) on a page."""
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="(?:[a-z]+-)?csrf_token" type="hidden" value="([^"]+)"', html).group(1)


def sign_in(client, email="ana@example.com", password=PASSWORD, remember=False):
    data = {"csrf_token": form_token(client, "/account/signin"), "email": email, "password": password}
    if remember:
        data["remember"] = "y"
    return client.post("/account/signin", data=data)


class ApiClient:
    """A signed-in device talking to the sync API the way the app does."""

    def __init__(self, client, device_id):
        self.client, self.device_id = client, device_id
        self.token = csrf_token(client)

    def push(self, changes, device_id=None):
        return self.client.post(
            "/api/v1/sync/push",
            json={"device_id": device_id or self.device_id, "changes": changes},
            headers={"X-CSRFToken": self.token},
        )

    def pull(self, since="0", limit=None):
        query = f"?since={since}" + (f"&limit={limit}" if limit else "")
        return self.client.get("/api/v1/sync/pull" + query)


@pytest.fixture
def user(app):
    return create_user(app)


@pytest.fixture
def device(app, user):
    """A signed-in API client for ana@example.com."""
    client = app.test_client()
    assert sign_in(client).status_code == 302
    return ApiClient(client, "device-aaaa")
