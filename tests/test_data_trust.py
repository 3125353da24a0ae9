"""Data a person can trust (issue 14): deleted means deleted, a literal "\\u0000" in a note is text,
every API answer carries the server's clock, and the session names the account by a key that a
re-created account never shares."""

import pytest
from sqlalchemy.engine import make_url

from tests.conftest import PASSWORD, create_user, form_token, sign_in
from tests.sync_helpers import put, symptom_log, uuid7
from webapp.extensions import db
from webapp.sync.fields import now_ms


def test_a_literal_backslash_u0000_in_a_note_is_text(device):
    record = uuid7()
    response = device.push(
        [put(record, symptom_log(notes="typed \\u0000 as six characters"), record_type="symptom_log")]
    )
    assert response.status_code == 200, response.get_json()
    (change,) = device.pull().get_json()["changes"]
    assert change["data"]["notes"] == "typed \\u0000 as six characters"


def test_a_real_nul_is_refused_naming_the_record(device):
    record = uuid7()
    response = device.push([put(record, symptom_log(notes="a real \x00 NUL"), record_type="symptom_log")])
    assert response.status_code == 422
    assert "NUL" in response.get_json()["error"]["message"]
    assert response.get_json()["error"]["record"] == record


def test_every_api_answer_carries_the_server_clock(app, device):
    for response in (
        device.client.get("/api/v1/session"),
        device.pull(),
        device.push([]),
        app.test_client().get("/api/v1/sync/pull"),
    ):
        server = int(response.headers["X-Server-Time"])
        assert abs(server - now_ms()) < 5000, response.status_code


def session_of(client):
    return client.get("/api/v1/session").get_json()


def test_a_re_created_account_has_a_new_key(app):
    client = app.test_client()
    create_user(app)
    assert sign_in(client).status_code == 302
    first = session_of(client)
    assert len(first["account_key"]) == 32 and first["account_key"] != first["user"]
    assert session_of(client)["account_key"] == first["account_key"], "stable for the account"
    token = form_token(client, "/account/")
    response = client.post(
        "/account/delete", data={"del-csrf_token": token, "del-password": PASSWORD, "del-confirm": "y"}
    )
    assert response.status_code == 302
    create_user(app)
    assert sign_in(client).status_code == 302
    second = session_of(client)
    # The integer id may be handed out again (SQLite does); the key is not.
    assert second["account_key"] != first["account_key"]


def test_a_deleted_accounts_notes_are_not_left_in_the_database_file(app, device):
    url = make_url(app.config["SQLALCHEMY_DATABASE_URI"])
    if url.get_backend_name() != "sqlite":
        pytest.skip("secure_delete is SQLite's; PostgreSQL's files are the server's to vacuum")
    secret = f"Quokka-{uuid7()}-unrepeatable"
    logs = [put(uuid7(), symptom_log(notes=f"{secret} {i} " + "x" * 300), record_type="symptom_log") for i in range(40)]
    assert device.push(logs).status_code == 200
    with app.app_context():
        db.session.execute(db.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        assert db.session.execute(db.text("PRAGMA secure_delete")).scalar() == 1
    with open(url.database, "rb") as fh:
        assert secret.encode() in fh.read(), "the test's own check: the notes were written to the file"

    token = form_token(device.client, "/account/")
    response = device.client.post(
        "/account/delete", data={"del-csrf_token": token, "del-password": PASSWORD, "del-confirm": "y"}
    )
    assert response.status_code == 302
    with app.app_context():
        db.session.execute(db.text("PRAGMA wal_checkpoint(TRUNCATE)"))
        db.session.remove()
        db.engine.dispose()
    for suffix in ("", "-wal"):
        try:
            with open(url.database + suffix, "rb") as fh:
                assert secret.encode() not in fh.read(), f"a deleted note is readable in {url.database + suffix}"
        except FileNotFoundError:
            pass
