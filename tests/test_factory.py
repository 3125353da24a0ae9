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


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"RELIEVE_REGION": "mars"}, "RELIEVE_REGION must be one of"),
        (
            {"RELIEVE_REGION": "uk", "RELIEVE_EMERGENCY_NUMBER": "nine-nine-nine"},
            "RELIEVE_EMERGENCY_NUMBER must be a phone",
        ),
        ({"RELIEVE_REGION": "uk", "RELIEVE_URGENT_NUMBER": "111; DROP"}, "RELIEVE_URGENT_NUMBER must be a phone"),
        ({"RELIEVE_REGION": "uk", "RELIEVE_EMERGENCY_NUMBER": "9"}, "RELIEVE_EMERGENCY_NUMBER must be a phone"),
        ({"RELIEVE_REGION": "uk", "RELIEVE_EMERGENCY_NUMBER": "1" * 16}, "RELIEVE_EMERGENCY_NUMBER must be a phone"),
        ({"RELIEVE_EMERGENCY_NUMBER": "112"}, "Set RELIEVE_REGION too"),
        ({"RELIEVE_REGION": "eu", "RELIEVE_URGENT_NAME": "Helpline"}, "set RELIEVE_URGENT_NUMBER"),
    ],
)
def test_a_region_or_number_that_cannot_be_dialled_stops_start_up(clean_env, settings, message):
    for name, value in settings.items():
        clean_env.setenv(name, value)
    with pytest.raises(ConfigError, match=message):
        create_app()


def test_the_deployment_sets_the_region_and_its_numbers(clean_env, tmp_path):
    clean_env.setenv("RELIEVE_REGION", "eu")
    clean_env.setenv("RELIEVE_EMERGENCY_NUMBER", "+353 112")
    clean_env.setenv("RELIEVE_URGENT_NUMBER", "1850 24 1850")
    clean_env.setenv("RELIEVE_URGENT_NAME", "the out-of-hours line")
    calls = create_app().config["EMERGENCY_REGIONS"]
    assert calls["default"] == "eu"
    eu = next(r for r in calls["regions"] if r["id"] == "eu")
    assert (eu["emergency"], eu["urgent"], eu["urgentName"]) == ("+353 112", "1850 24 1850", "the out-of-hours line")
    uk = next(r for r in calls["regions"] if r["id"] == "uk")
    assert (uk["emergency"], uk["urgent"]) == ("999", "111")


def test_without_settings_the_browser_guesses_the_region(clean_env):
    calls = create_app().config["EMERGENCY_REGIONS"]
    assert calls["default"] is None
    assert {r["id"]: r["emergency"] for r in calls["regions"]} == {
        "uk": "999",
        "eu": "112",
        "us": "911",
        "ca": "911",
        "au": "000",
    }
