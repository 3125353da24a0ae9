"""The app factory and configuration from the environment."""

import os
import stat

import pytest

from webapp import create_app
from webapp.config import ConfigError, database_url, normalise_database_url


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in (
        "DATABASE_URL",
        "SECRET_KEY",
        "CLINIC_NAME",
        "CLINIC_BOOKING_URL",
        "RELIEVE_ENV",
        "SESSION_COOKIE_SECURE",
        "ASSETS_AUTO_BUILD",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RELIEVE_INSTANCE_PATH", str(tmp_path / "instance"))
    return monkeypatch


def test_defaults_to_sqlite_in_the_instance_folder(clean_env, tmp_path):
    app = create_app()
    assert app.config["SQLALCHEMY_DATABASE_URI"] == f"sqlite:///{tmp_path / 'instance' / 'relieve.db'}"
    assert not app.testing


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("postgres://u:p@db/relieve", "postgresql+psycopg://u:p@db/relieve"),
        ("postgresql://u:p@db/relieve", "postgresql+psycopg://u:p@db/relieve"),
        ("postgresql+psycopg://u:p@db/relieve", "postgresql+psycopg://u:p@db/relieve"),
        ("sqlite:////tmp/x.db", "sqlite:////tmp/x.db"),
    ],
)
def test_database_url_from_environment(clean_env, given, expected):
    assert normalise_database_url(given) == expected
    clean_env.setenv("DATABASE_URL", given)
    assert database_url("/unused") == expected


def test_secret_key_is_generated_once_and_kept_private(clean_env, tmp_path):
    first = create_app().config["SECRET_KEY"]
    second = create_app().config["SECRET_KEY"]
    assert first == second and len(first) == 64
    key_file = tmp_path / "instance" / "secret_key"
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600


def test_secret_key_from_environment(clean_env):
    clean_env.setenv("SECRET_KEY", "from-the-environment")
    assert create_app().config["SECRET_KEY"] == "from-the-environment"


def test_production_cookies_are_secure(clean_env):
    config = create_app().config
    assert config["SESSION_COOKIE_SECURE"] and config["SESSION_COOKIE_HTTPONLY"]
    assert config["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert config["ASSETS_AUTO_BUILD"] is False


def test_development_serves_plain_http(clean_env):
    clean_env.setenv("RELIEVE_ENV", "development")
    config = create_app().config
    assert config["SESSION_COOKIE_SECURE"] is False and config["ASSETS_AUTO_BUILD"] is True


def test_overrides_apply_on_top(clean_env):
    assert create_app({"TESTING": True}).testing


@pytest.mark.parametrize(
    ("name", "url", "message"),
    [
        ("Calm Clinic", "", "Set both"),
        ("", "https://example.com/book", "Set both"),
        ("Calm Clinic", "http://example.com/book", "https://"),
        ("Calm Clinic", "javascript:alert(1)", "https://"),
    ],
)
def test_clinic_settings_are_checked(clean_env, name, url, message):
    clean_env.setenv("CLINIC_NAME", name)
    clean_env.setenv("CLINIC_BOOKING_URL", url)
    with pytest.raises(ConfigError, match=message):
        create_app()


def test_clinic_settings_accepted(clean_env):
    clean_env.setenv("CLINIC_NAME", "Calm Clinic")
    clean_env.setenv("CLINIC_BOOKING_URL", "https://calm.example/book")
    config = create_app().config
    assert (config["CLINIC_NAME"], config["CLINIC_BOOKING_URL"]) == ("Calm Clinic", "https://calm.example/book")


def test_blueprints_registered(app):
    assert {"main", "library", "learn", "pwa", "content"} <= set(app.blueprints)
