"""Mail settings are validated like the rest of the configuration, and with no mail server each
message is written to instance/mail/ with its link in the log (what `make run` does)."""

import logging

import pytest

from tests.conftest import _settings, create_user, empty_tables, form_token
from webapp import create_app
from webapp.config import ConfigError, mail_settings
from webapp.extensions import db


@pytest.fixture
def clean_mail_env(monkeypatch):
    for name in ("MAIL_SERVER", "MAIL_PORT", "MAIL_USERNAME", "MAIL_PASSWORD", "MAIL_USE_TLS", "MAIL_USE_SSL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.delenv("MAIL_DEFAULT_SENDER", raising=False)
    return monkeypatch


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"MAIL_PORT": "smtp"}, "MAIL_PORT must be a port number"),
        ({"MAIL_PORT": "70000"}, "MAIL_PORT must be a port number"),
        ({"MAIL_USERNAME": "relieve"}, "Set both MAIL_USERNAME and MAIL_PASSWORD"),
        ({"MAIL_SERVER": "smtp.example.org"}, "Set MAIL_DEFAULT_SENDER"),
        ({"MAIL_DEFAULT_SENDER": "Relieve"}, "must contain an email address"),
    ],
)
def test_bad_mail_settings_stop_start_up(clean_mail_env, env, message):
    for name, value in env.items():
        clean_mail_env.setenv(name, value)
    with pytest.raises(ConfigError, match=message):
        mail_settings()


def test_good_mail_settings(clean_mail_env):
    for name, value in {
        "MAIL_SERVER": "smtp.example.org",
        "MAIL_PORT": "465",
        "MAIL_USE_SSL": "1",
        "MAIL_USERNAME": "relieve",
        "MAIL_PASSWORD": "secret",
        "MAIL_DEFAULT_SENDER": "Relieve <no-reply@example.org>",
    }.items():
        clean_mail_env.setenv(name, value)
    settings = mail_settings()
    assert settings["MAIL_PORT"] == 465 and settings["MAIL_USE_SSL"] and not settings["MAIL_USE_TLS"]
    assert settings["MAIL_DEFAULT_SENDER"] == "Relieve <no-reply@example.org>"


def test_without_a_mail_server_messages_go_to_the_instance_folder(database_url, tmp_path, clean_mail_env, caplog):
    clean_mail_env.setenv("RELIEVE_INSTANCE_PATH", str(tmp_path))
    settings = {**_settings(database_url, tmp_path), "TESTING": False, "MAIL_SERVER": None}
    app = create_app(settings)
    app.config["WTF_CSRF_ENABLED"] = True
    assert app.config["MAIL_BACKEND"] == "file"
    assert app.config["MAIL_FILE_PATH"] == str(tmp_path / "mail")
    with app.app_context():
        empty_tables()
    create_user(app)
    client = app.test_client()
    with caplog.at_level(logging.WARNING):
        client.post(
            "/account/forgot", data={"csrf_token": form_token(client, "/account/forgot"), "email": "ana@example.com"}
        )
    files = list((tmp_path / "mail").iterdir())
    assert len(files) == 1
    body = files[0].read_text()
    assert "Reset your Relieve password" in body and "/account/reset/" in body
    assert any("Link: http://localhost/account/reset/" in r.getMessage() for r in caplog.records)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()
