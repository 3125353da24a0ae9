"""The push path's bulk statements give the same answers and stored rows as the one-object-per-record
path did: inserts, updates, unchanged replays and superseded changes in one batch, tombstones, the
content hash byte for byte, and all or nothing."""

import hashlib
import json
import re
import threading
import time
from datetime import timedelta

import pytest
import sqlalchemy as sa

from tests.conftest import ApiClient, sign_in
from tests.sync_helpers import delete, now_ms, put, routine, uuid7
from webapp.auth.models import User, UserSession, aware, credentials, token_digest
from webapp.content.models import utcnow
from webapp.database import write_turn
from webapp.extensions import db
from webapp.sync.models import SyncRecord
from webapp.sync.service import NOT_SIGNED_IN, _statements, apply_batch, canonical, content_hash, validate_batch


def old_hash(op, data):
    # The formula every stored hash was made with, written out here on purpose (not imported).
    text = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{op}:{text}".encode()).hexdigest()


def stored(app):
    with app.app_context():
        rows = db.session.scalars(db.select(SyncRecord)).all()
        return {
            row.record_id: {
                "type": row.record_type,
                "data": row.data,
                "deleted": row.deleted,
                "updated_at": row.updated_at,
                "device_id": row.device_id,
                "content_hash": row.content_hash,
                "seq": row.seq,
                "server_updated_at": row.server_updated_at,
            }
            for row in rows
        }


def account_seq(app):
    with app.app_context():
        return db.session.scalar(db.select(User.sync_seq))


def test_content_hash_is_the_old_formula_byte_for_byte():
    data = {"name": "Étirement doux ✓", "steps": [{"technique": "pelvic-tilt", "reps": 8, "sides": "none"}]}
    assert content_hash("put", canonical(data)) == old_hash("put", data)
    # Pinned, made with the old code: a hash stored before the bulk path still compares equal.
    assert content_hash("put", canonical(data)) == "7cef0b09c0410de723be8494630ba79e24db7d173f1af5677083e160e3018477"
    assert content_hash("delete", canonical(None)) == hashlib.sha256(b"delete:null").hexdigest()


def test_mixed_batch_results_and_stored_rows(app, device):
    t = now_ms() - 60_000
    r1, r2, r3, r4, r5, r6 = (uuid7() for _ in range(6))
    first = [put(r1, routine("One"), t), put(r2, routine("Two"), t), put(r3, routine("Three"), t)]
    assert device.push(first).status_code == 200
    assert device.push([put(r4, routine("Four"), t)]).status_code == 200
    tablet_client = app.test_client()
    assert sign_in(tablet_client).status_code == 302
    tablet = ApiClient(tablet_client, "device-bbbb")
    assert tablet.push([put(r3, routine("Tablet"), t + 5000)]).get_json()["results"][0]["status"] == "applied"
    before = stored(app)

    mixed = [
        put(r5, routine("Five"), t + 1000),  # new record: insert
        put(r1, routine("One, edited"), t + 1000),  # later edit: update
        put(r2, routine("Two"), t),  # the same version again: unchanged
        put(r3, routine("Three, older"), t + 1000),  # older than the tablet's: superseded
        delete(r4, t + 1000),  # a tombstone over a stored record: update
        delete(r6, t + 1000),  # a tombstone for a record the server never saw: insert
    ]
    body = device.push(mixed).get_json()
    assert body["results"] == [
        {"id": r5, "status": "applied", "seq": 6},
        {"id": r1, "status": "applied", "seq": 7},
        {"id": r2, "status": "unchanged", "seq": 2},
        {
            "id": r3,
            "status": "superseded",
            "winner": {
                "id": r3,
                "type": "routine",
                "op": "put",
                "data": routine("Tablet"),
                "updated_at": t + 5000,
                "device_id": "device-bbbb",
                "seq": 5,
            },
        },
        {"id": r4, "status": "applied", "seq": 8},
        {"id": r6, "status": "applied", "seq": 9},
    ]
    assert body["cursor"] == "9" and account_seq(app) == 9

    after = stored(app)
    expected = {
        r1: ("put", routine("One, edited"), t + 1000, "device-aaaa", 7),
        r2: ("put", routine("Two"), t, "device-aaaa", 2),
        r3: ("put", routine("Tablet"), t + 5000, "device-bbbb", 5),
        r4: ("delete", None, t + 1000, "device-aaaa", 8),
        r5: ("put", routine("Five"), t + 1000, "device-aaaa", 6),
        r6: ("delete", None, t + 1000, "device-aaaa", 9),
    }
    assert set(after) == set(expected)
    for rid, (op, data, updated_at, device_id, seq) in expected.items():
        row = after[rid]
        assert row["type"] == "routine"
        assert row["data"] == data and row["deleted"] == (op == "delete")
        assert (row["updated_at"], row["device_id"], row["seq"]) == (updated_at, device_id, seq)
        assert row["content_hash"] == old_hash(op, data)
    # Rows left alone are untouched, down to the server's time of the change.
    for rid in (r2, r3):
        assert after[rid] == before[rid]
    assert after[r1]["server_updated_at"] >= before[r1]["server_updated_at"]

    # A tombstone's data is stored as JSON null, as the ORM stored it (not SQL NULL).
    with app.app_context():
        raw = db.session.execute(
            sa.text("SELECT data IS NULL FROM sync_record WHERE record_id IN (:a, :b)"), {"a": r4, "b": r6}
        ).all()
        assert [bool(value) for (value,) in raw] == [False, False]

    # The whole batch replayed changes nothing: same answers (applied ones now unchanged).
    again = device.push(mixed).get_json()
    assert [r["status"] for r in again["results"]] == [
        "unchanged",
        "unchanged",
        "unchanged",
        "superseded",
        "unchanged",
        "unchanged",
    ]
    assert again["cursor"] == "9" and stored(app) == after and account_seq(app) == 9

    # Pulls answer what the old path answered: data as sent, tombstones without data.
    changes = {c["id"]: c for c in device.pull().get_json()["changes"]}
    assert changes[r1]["data"] == routine("One, edited")
    assert changes[r4] == {
        "id": r4,
        "type": "routine",
        "op": "delete",
        "data": None,
        "updated_at": t + 1000,
        "device_id": "device-aaaa",
        "seq": 8,
    }


def new_session(app, user_id):
    """The Credentials of a new open session of the account, as signing in makes one."""
    with app.app_context():
        row = UserSession(user_id=user_id, token_hash=token_digest("a-secret"), device="Test")
        db.session.add(row)
        db.session.commit()
        return credentials(f"{row.id}:a-secret")


def push_statements(app, push):
    """Every statement SQLAlchemy runs while `push` runs."""
    statements = []
    with app.app_context():
        engine = db.engine
    listener = lambda _conn, _cursor, statement, *_: statements.append(" ".join(statement.split()))  # noqa: E731
    sa.event.listen(engine, "before_cursor_execute", listener)
    try:
        push()
    finally:
        sa.event.remove(engine, "before_cursor_execute", listener)
    return statements


def account_writes(app, push):
    """The statements that write the account row while `push` runs (on PostgreSQL the lock is
    taken inside the statement that reads the stored versions)."""
    marker = f"UPDATE {User.__tablename__.upper()} "
    return [statement for statement in push_statements(app, push) for _ in range(statement.upper().count(marker))]


def test_a_batch_of_new_versions_writes_the_account_row_once(app, device):
    """The lock hands out the batch's change numbers: no second write when every change applies;
    what a replay or a losing version did not use is given back, so numbers stay consecutive."""
    t = now_ms() - 60_000
    batch = [put(uuid7(), routine(f"R{n}"), t) for n in range(3)]
    assert len(account_writes(app, lambda: device.push(batch))) == 1
    assert account_seq(app) == 3
    # The same batch again: nothing applied, the three numbers given back.
    assert len(account_writes(app, lambda: device.push(batch))) == 2
    assert account_seq(app) == 3
    fresh = put(uuid7(), routine("Four"), t)
    body = device.push([batch[0], fresh]).get_json()
    assert [r.get("seq") for r in body["results"]] == [1, 4]
    assert body["cursor"] == "4" and account_seq(app) == 4


def test_a_push_that_waited_for_the_account_sees_the_push_before_it(app, device):
    """Two devices push the same record at once. The second waits for the account (on
    PostgreSQL inside the statement that also reads the stored versions, whose snapshot was
    taken before the first committed); it must then find the first's version and replace it,
    not insert the record a second time."""
    rid, t = uuid7(), now_ms() - 60_000
    with app.app_context():
        signed_in = new_session(app, db.session.scalar(db.select(User.id)))
    first_in, release, answers = threading.Event(), threading.Event(), {}

    def push(name, device_id, updated_at, hold=False):
        with app.app_context(), write_turn(db.engine):
            _, checked = validate_batch({"device_id": device_id, "changes": [put(rid, routine(name), updated_at)]})
            pushed = apply_batch(signed_in, device_id, checked)
            answers[name] = (pushed.results, pushed.cursor)
            if hold:
                first_in.set()
                release.wait(5)
            db.session.commit()

    first = threading.Thread(target=push, args=("First", "device-aaaa", t, True))
    second = threading.Thread(target=push, args=("Second", "device-bbbb", t + 1000))
    first.start()
    assert first_in.wait(5)
    second.start()
    time.sleep(0.5)  # the second is now waiting for the account
    assert "Second" not in answers
    release.set()
    first.join(5)
    second.join(5)
    assert answers["First"] == ([{"id": rid, "status": "applied", "seq": 1}], 1)
    assert answers["Second"] == ([{"id": rid, "status": "applied", "seq": 2}], 2)
    (row,) = stored(app).values()
    assert (row["data"], row["device_id"], row["seq"]) == (routine("Second"), "device-bbbb", 2)
    assert account_seq(app) == 2


def test_a_refused_change_late_in_the_batch_applies_nothing(app, device):
    t = now_ms() - 60_000
    rid = uuid7()
    device.push([put(rid, routine(), t)])
    before, seq = stored(app), account_seq(app)
    fresh = uuid7()
    # The new record comes first: it is refused with the batch when a later change is.
    response = device.push([put(fresh, routine("New"), t), delete(rid, t + 1000, "session")])
    assert response.status_code == 409
    assert response.get_json()["error"] == {
        "status": 409,
        "message": f"Record {rid} is a routine, not a session.",
        "record": rid,
        "field": "type",
    }
    assert stored(app) == before and account_seq(app) == seq


def test_unicode_and_nested_data_round_trip_with_their_hash(app, device):
    t = now_ms() - 60_000
    rid = uuid7()
    # Backslashes, tabs and line breaks too: on PostgreSQL new rows are sent inside a JSON text,
    # where these characters are escaped (and COPY's text format, used before, gave them
    # meanings of their own).
    data = routine("Étirement — doux ✓ \\u0000 typed \\N \\. C:\\temp\tand\na new line")
    assert device.push([put(rid, data, t)]).status_code == 200
    (row,) = stored(app).values()
    assert row["data"] == data
    assert row["content_hash"] == old_hash("put", data)
    assert device.pull().get_json()["changes"][0]["data"] == data


def test_writers_take_turns_and_the_next_is_let_in_at_once(app):
    """On SQLite a push waits its turn on a file lock (webapp/database.py), not in SQLite's
    sleep-and-retry: a second writer is held while the first writes and let in when it is done."""
    with app.app_context():
        engine = db.engine
    if engine.dialect.name != "sqlite":
        with write_turn(engine), write_turn(engine):  # PostgreSQL's row locks queue writers: nothing here
            return
    order = []
    first_in = threading.Event()

    def first():
        with write_turn(engine):
            first_in.set()
            time.sleep(0.2)
            order.append(("first done", time.monotonic()))

    def second():
        first_in.wait()
        with write_turn(engine):
            order.append(("second in", time.monotonic()))

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(5)
    assert [name for name, _ in order] == ["first done", "second in"]
    assert order[1][1] - order[0][1] < 0.05  # woken by the release, not by a poll


def _scans_of_records(plan):
    """Every node of a PostgreSQL JSON plan that reads sync_record."""
    found = [plan] if plan.get("Relation Name") == "sync_record" else []
    for child in plan.get("Plans", ()):
        found += _scans_of_records(child)
    return found


def test_stored_versions_are_looked_up_by_record_however_long_the_history(app, device):
    """A push finds its records' stored versions with one probe each in the (user, record) unique
    index. It must not read the account's history through the (user, seq) index, which a plan
    made while the table was young chose on PostgreSQL: every push then grew slower with every
    record the account stored."""
    t = now_ms() - 60_000
    for batch in range(10):
        assert device.push([put(uuid7(), routine(f"R{batch}-{i}"), t) for i in range(100)]).status_code == 200
    with app.app_context():
        known = db.session.scalars(db.select(SyncRecord.record_id).limit(25)).all()
        ids = known + [uuid7() for _ in range(25)]
        user_id = db.session.scalar(db.select(SyncRecord.user_id).limit(1))
        conn = db.session.connection()
        statements = _statements(conn.dialect)
        select_existing = statements.select_existing
        if conn.dialect.name == "postgresql":
            # The plan psycopg's prepared statement would keep: made without the values. Both
            # lookups: with the account's lock, and again under it after a wait.
            conn.exec_driver_sql("SET plan_cache_mode = force_generic_plan")
            session = db.session.scalar(db.select(UserSession))
            literals = {
                "p_user_id": str(user_id),
                "p_ids": "ARRAY[" + ",".join(f"'{i}'" for i in ids) + "]::varchar[]",
                "p_count": "50",
                "p_session_id": str(session.id),
                "p_token_hash": f"'{session.token_hash}'",
                "p_cutoff": "now() - interval '30 days'",
            }
            for name, statement, rows in (
                ("existing", select_existing, 25),
                ("locked", statements.lock_and_select, 50),
            ):
                sql = str(statement.compile(dialect=conn.dialect))
                params = list(dict.fromkeys(re.findall(r"%\((\w+)\)s", sql)))
                for number, param in enumerate(params, 1):
                    sql = sql.replace(f"%({param})s", f"${number}")
                conn.exec_driver_sql(f"PREPARE {name} AS {sql}")
                args = ", ".join(literals[param] for param in params)
                plan = conn.exec_driver_sql(f"EXPLAIN (ANALYZE, FORMAT JSON) EXECUTE {name}({args})")
                tree = plan.scalar()[0]["Plan"]
                scans = _scans_of_records(tree)
                assert scans and all(scan.get("Index Name") == "uq_sync_record_user_record" for scan in scans), scans
                assert sum(scan.get("Rows Removed by Filter", 0) for scan in scans) == 0
                # The 25 stored ones (the 25 new ones not there); with the lock, a row per id.
                assert tree["Actual Rows"] == rows, name
                found = conn.exec_driver_sql(f"EXECUTE {name}({args})").mappings().all()
                assert sum(row["id"] is not None for row in found) == 25, name
        else:
            bound = select_existing.params(p_user_id=user_id, p_ids=ids)
            sql = str(bound.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
            details = " ".join(row[-1] for row in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))
            # SQLite names the unique constraint's index itself; what matters is both columns.
            assert "USING INDEX" in details and "(user_id=? AND record_id=?)" in details, details
        db.session.rollback()


def end_session(app, **values):
    with app.app_context():
        db.session.execute(sa.update(UserSession).values(**values))
        db.session.commit()


def test_the_push_checks_its_session_without_loading_the_account_first(app, device):
    """The session is checked by the push's own first statement: on PostgreSQL the same one that
    takes the account's lock and reads the stored versions (one round trip for all three); the
    account is never loaded on its own."""
    t = now_ms() - 60_000
    statements = push_statements(app, lambda: device.push([put(uuid7(), routine(), t)]))
    assert not any(s.startswith("SELECT") and "user_account" in s for s in statements), statements
    first = statements[0]
    assert "user_session" in first
    with app.app_context():
        dialect = db.engine.dialect.name
    if dialect == "postgresql":
        assert "UPDATE user_account" in first and "sync_record" in first, first
        assert len(statements) == 2, statements  # and the new rows in one INSERT


@pytest.mark.parametrize(
    "ended",
    [
        {"revoked_at": utcnow()},  # signed out, here or from another device
        {"last_seen_at": utcnow() - timedelta(days=31)},  # unused longer than a remember-me cookie lives
        {"token_hash": "0" * 64},  # the cookie's secret no longer matches
    ],
    ids=["revoked", "idle", "other-secret"],
)
def test_a_push_from_a_session_that_is_over_stores_nothing(app, device, ended):
    t = now_ms() - 60_000
    assert device.push([put(uuid7(), routine("Before"), t)]).status_code == 200
    before, seq = stored(app), account_seq(app)
    end_session(app, **ended)
    response = device.push([put(uuid7(), routine("After"), t)])
    assert response.status_code == 401
    assert response.get_json()["error"]["message"] == NOT_SIGNED_IN
    assert stored(app) == before and account_seq(app) == seq
    # Without its token too: a session that is over is told to sign in, not about the token.
    assert device.client.post("/api/v1/sync/push", json={"device_id": "device-aaaa", "changes": []}).status_code == 401


def test_a_device_signed_in_by_its_remember_me_cookie_alone_can_push(app, user):
    client = app.test_client()
    assert sign_in(client, remember=True).status_code == 302
    remembered = client.get_cookie("remember_token").value
    later = app.test_client()  # the browser was closed: only the remember-me cookie is left
    later.set_cookie("remember_token", remembered)
    device = ApiClient(later, "device-bbbb")
    response = device.push([put(uuid7(), routine(), now_ms() - 60_000)])
    assert response.status_code == 200, response.get_json()
    assert [r["status"] for r in response.get_json()["results"]] == ["applied"]


def test_a_push_counts_as_the_session_being_used(app, device):
    """The account page's "last seen" for a device that only syncs moves too."""
    long_ago = utcnow() - timedelta(minutes=30)
    end_session(app, last_seen_at=long_ago)
    assert device.push([put(uuid7(), routine(), now_ms() - 60_000)]).status_code == 200
    with app.app_context():
        seen = aware(db.session.scalar(sa.select(UserSession.last_seen_at)))
    assert seen - long_ago > timedelta(minutes=29)
