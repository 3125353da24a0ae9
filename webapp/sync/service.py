"""Applying a batch of changes and reading changes since a cursor.

The conflict rule (docs/sync.md): each change carries the device's time of the change
(`updated_at`, ms) and the device's id. The stored version of a record is replaced only by a
change whose (updated_at, device_id, content hash) is greater. Every device compares the same
three values, so all of them keep the same winner; the losing version is answered back as
"superseded" with the winner, never merged field by field.
"""

import hashlib
import json
from datetime import datetime
from operator import itemgetter
from typing import NamedTuple

from pydantic import ValidationError
from sqlalchemy import (
    ARRAY,
    JSON,
    DateTime,
    Integer,
    String,
    Text,
    bindparam,
    cast,
    func,
    insert,
    literal_column,
    select,
    true,
    update,
)

from webapp.auth.models import Credentials, User, UserSession, session_is_open
from webapp.content.models import utcnow
from webapp.extensions import db
from webapp.sync.models import SyncRecord, change_of
from webapp.sync.registry import record_types
from webapp.sync.schemas import MAX_RECORD_BYTES, PushBody

# The answer to a push or pull whose session is over (signed out, here or elsewhere, or idle).
NOT_SIGNED_IN = "Sign in to sync. Your data is safe on this device meanwhile."


class BatchError(Exception):
    """A change in the batch is invalid; nothing of the batch is applied."""

    def __init__(self, message, record=None, field=None, status=422):
        super().__init__(message)
        self.message, self.record, self.field, self.status = message, record, field, status


def _where(loc):
    return ".".join(str(part) for part in loc)


def _first_error(exc):
    error = exc.errors()[0]
    return error["loc"], error["msg"].removeprefix("Value error, ")


def _raw_id(payload, index):
    try:
        value = payload["changes"][index]["id"]
        return value if isinstance(value, str) else None
    except (KeyError, IndexError, TypeError):
        return None


def _has_nul(value):
    # Checked on the values themselves: JSON writes a real NUL as the same six characters.
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, dict):
        return any(_has_nul(k) or _has_nul(v) for k, v in value.items())
    if isinstance(value, list):
        return any(_has_nul(v) for v in value)
    return False


# One encoder, made once: json.dumps with these options builds a new one on every call.
_CANONICAL = json.JSONEncoder(sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def canonical(data):
    return _CANONICAL.encode(data)


def content_hash(op, text):
    """The version's content hash: sha256 of "<op>:<canonical JSON>" (byte for byte what every
    stored hash was made from, so stored and new hashes keep comparing)."""
    return hashlib.sha256(f"{op}:{text}".encode()).hexdigest()


def _data_error(index, change, exc):
    loc, message = _first_error(exc)
    return BatchError(
        f"Change {index} ({change.type} {change.id}): 'data.{_where(loc)}' {message}",
        record=change.id,
        field=f"data.{_where(loc)}",
    )


def validate_batch(payload):
    """The batch with each record's data checked against its type; BatchError names the problem.

    Returns (device_id, [(change, data, digest, text)]): `text` is the record's canonical JSON,
    made once and used for the size limit, the content hash and storage."""
    if not isinstance(payload, dict):
        raise BatchError("The body must be a JSON object with 'device_id' and 'changes'.")
    types = record_types()
    try:
        body = PushBody.model_validate(payload, context={"record_types": types})
    except ValidationError as exc:
        loc, message = _first_error(exc)
        if len(loc) >= 2 and loc[0] == "changes" and isinstance(loc[1], int):
            raise BatchError(
                f"Change {loc[1]}: '{_where(loc[2:]) or 'change'}' {message}",
                record=_raw_id(payload, loc[1]),
                field=_where(loc[2:]) or None,
            ) from None
        raise BatchError(f"'{_where(loc)}' {message}", field=_where(loc)) from None
    seen = set()
    checked = []
    for index, change in enumerate(body.changes):
        if change.id in seen:
            raise BatchError(
                f"Change {index}: record {change.id} appears twice in this batch.", record=change.id, field="id"
            )
        seen.add(change.id)
        data = None
        if change.op == "put":
            try:
                # Dumped, not stored as sent: what is stored is what the schema makes of it
                # (nested models, unset fields left out), as the API has always stored it.
                data = types[change.type].model_validate(change.data).model_dump(exclude_unset=True)
            except ValidationError as exc:
                raise _data_error(index, change, exc) from None
        text = canonical(data)
        # A real NUL only (PostgreSQL's JSON can't hold it); the six characters "\u0000" typed
        # into a note are text like any other. JSON escapes a real NUL, so the text is checked
        # first and the values only when it could hold one.
        if "\\u0000" in text and _has_nul(data):
            raise BatchError(
                f"Change {index} ({change.type} {change.id}): the record contains a NUL character.",
                record=change.id,
                field="data",
            )
        if len(text.encode()) > MAX_RECORD_BYTES:
            raise BatchError(
                f"Change {index}: the record is larger than {MAX_RECORD_BYTES // 1024} KB.",
                record=change.id,
                field="data",
                status=413,
            )
        checked.append((change, data, content_hash(change.op, text), text))
    return body.device_id, checked


_records = SyncRecord.__table__
_accounts = User.__table__
_sessions = UserSession.__table__
# What a version is compared by, and what a row needs to be updated: never the data itself.
_EXISTING = (
    _records.c.id,
    _records.c.record_id,
    _records.c.record_type,
    _records.c.updated_at,
    _records.c.device_id,
    _records.c.content_hash,
    _records.c.seq,
)
# The push's session, checked by the push's own first statement (not loaded before it).
_SIGNED_IN = session_is_open(
    bindparam("p_session_id"), bindparam("p_token_hash"), bindparam("p_cutoff", type_=DateTime(timezone=True))
)
# Statements are built once: building them per push cost more than running some of them.
# Writing the account row takes its lock, and hands out the batch's change numbers in advance,
# one per change: every change of a batch of new versions is applied, and then the account row
# needs no second write (one round trip less per push). Replays and losing versions give back
# what they did not use (_SET_SEQ), so change numbers stay consecutive.
_LOCK_ACCOUNT = (
    update(_accounts)
    .where(_accounts.c.id == bindparam("p_user_id"))
    .values(sync_seq=_accounts.c.sync_seq + bindparam("p_count"))
    .returning(_accounts.c.sync_seq)
)
_SET_SEQ = update(_accounts).where(_accounts.c.id == bindparam("p_user_id")).values(sync_seq=bindparam("p_seq"))
# SQLite: the session first (writers already take turns there, and SQLite's RETURNING can't
# name the session's columns in the same UPDATE).
_SESSION_ACCOUNT = select(_sessions.c.user_id, _sessions.c.last_seen_at).where(_SIGNED_IN)
# PostgreSQL: the session checked and the account locked in one statement.
_LOCK_SIGNED_IN = (
    update(_accounts)
    .where(_sessions.c.user_id == _accounts.c.id, _SIGNED_IN)
    .values(sync_seq=_accounts.c.sync_seq + bindparam("p_count"))
    .returning(_accounts.c.id, _accounts.c.sync_seq, _sessions.c.last_seen_at)
)


class Pushed(NamedTuple):
    results: list
    cursor: int  # the account's last change number after the push
    user_id: int
    before: int  # the account's last change number before it (under the lock)
    seen_at: datetime  # when the push's session was last seen, before this push


# What each stored row takes from its change; the rest (account, device, server time) is the
# same for the whole push.
_INSERTED = ("record_id", "record_type", "data", "deleted", "updated_at", "content_hash", "seq")
_UPDATED = ("pk", "data", "deleted", "updated_at", "content_hash", "seq")
_SHARED = {"user_id": Integer, "device_id": String, "now": DateTime(timezone=True)}


class _RowByRow:
    """One INSERT or UPDATE run for every row in one executemany, compiled once to the driver's
    own SQL and handed to it through `exec_driver_sql`: SQLAlchemy would otherwise build and
    process every row's parameters again, about a fifth of a 50-record push on SQLite. Every
    value is one the driver takes as it is, except the server time, made once per push through
    its column type. (On PostgreSQL it runs the updates, which psycopg pipelines in one round trip;
    new rows go in one statement, see _FromJSON. One statement over unnest(arrays) or a multi-row VALUES
    measured 40-80% slower than the pipeline, in adapting the values.)"""

    def __init__(self, statement, dialect):
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        # qmark drivers (sqlite3) take each row as a tuple in this order; named ones (psycopg) a dict.
        self.pick = itemgetter(*compiled.positiontup) if compiled.positiontup else (lambda values: values)
        self.stamp = _records.c.server_updated_at.type.dialect_impl(dialect).bind_processor(dialect)

    def run(self, conn, rows, shared):
        shared = {f"p_{name}": value for name, value in shared.items()}
        if self.stamp:
            shared["p_now"] = self.stamp(shared["p_now"])
        conn.exec_driver_sql(self.sql, [self.pick({**shared, **row}) for row in rows])


class _FromJSON:
    """PostgreSQL: a push's new rows in one INSERT, read from one JSON parameter.

    One round trip (COPY takes two: the COPY command, then the data), one parameter the driver
    takes as it is, and PostgreSQL unpacks the rows in C. Per row, executemany cost psycopg a
    round of Python work (0.6 ms of a 50-record push's CPU), unnest over arrays adapted every
    value in Python. The stored rows are the same: each record's canonical JSON text is stored
    as sent (the JSON type keeps it verbatim), and the unique index still refuses a record
    stored twice."""

    def __init__(self):
        # The canonical JSON goes in as text, and is cast: as a nested object, json_to_recordset
        # would hand it over re-read, not as the text the content hash was made from.
        kinds = dict.fromkeys(_INSERTED, "text") | {"deleted": "boolean", "updated_at": "bigint", "seq": "bigint"}
        picked = ", ".join("r.data::json" if name == "data" else f"r.{name}" for name in _INSERTED)
        shape = ", ".join(f"{name} {kinds[name]}" for name in _INSERTED)
        self.sql = (
            f"INSERT INTO {_records.name} (user_id, device_id, server_updated_at, {', '.join(_INSERTED)}) "
            f"SELECT %(user_id)s, %(device_id)s, %(now)s, {picked} "
            f"FROM json_to_recordset(%(rows)s::json) AS r({shape})"
        )
        self.keys = {f"p_{name}": name for name in _INSERTED}

    def run(self, conn, rows, shared):
        keys = self.keys
        packed = _PACK.encode([{keys[key]: value for key, value in row.items()} for row in rows])
        conn.exec_driver_sql(self.sql, {**shared, "rows": packed})


# The rows' JSON parameter: compact, and not ASCII-escaped (a parameter is UTF-8 anyway).
_PACK = json.JSONEncoder(separators=(",", ":"), ensure_ascii=False)


def _row_statements(dialect):
    """INSERT and UPDATE of one row, for executemany."""
    shared = {name: bindparam(f"p_{name}", type_=kind) for name, kind in _SHARED.items()}
    values = {name: bindparam(f"p_{name}") for name in _UPDATED if name != "pk"}
    # The record's canonical JSON, bound as text: the JSON column's own serializer would write it
    # again. PostgreSQL is told it is JSON; SQLite keeps JSON as text anyway.
    text = bindparam("p_data", type_=Text)
    values["data"] = cast(text, JSON) if dialect.name == "postgresql" else text
    # Given, so that the column's Python-side default is never needed per row.
    values.update(device_id=shared["device_id"], server_updated_at=shared["now"])
    insert_row = insert(_records).values(
        user_id=shared["user_id"], record_id=bindparam("p_record_id"), record_type=bindparam("p_record_type"), **values
    )
    update_row = update(_records).where(_records.c.id == bindparam("p_pk")).values(**values)
    return insert_row, update_row


class _Statements(NamedTuple):
    lock_and_select: object  # PostgreSQL: the account's lock and the stored versions at once
    select_existing: object
    insert_rows: object
    update_rows: object


_STATEMENTS = {}


def _statements(dialect):
    """The SELECT of stored versions and the bulk INSERT and UPDATE, built once per database
    dialect and reused."""
    if dialect.name not in _STATEMENTS:
        if dialect.name == "postgresql":
            # Each id looked up on its own in the (user_id, record_id) unique index: one probe per
            # change, whatever the account's history. As `record_id = ANY(:ids)`, a plan made
            # while the table was young (psycopg prepares the statement and PostgreSQL keeps the
            # plan) read the account's whole history through the (user_id, seq) index instead,
            # a push growing slower with every record stored. LIMIT 1 (one stored version per id
            # anyway) keeps the lookup a separate step the planner can't fold into a join.
            # One array parameter, not one per id: one statement whatever the batch's size.
            ids = func.unnest(bindparam("p_ids", type_=ARRAY(String))).table_valued("record_id")
            ids = ids.render_derived(name="ids")

            def stored_versions(user_id):
                return (
                    select(*_EXISTING)
                    .where(_records.c.user_id == user_id, _records.c.record_id == ids.c.record_id)
                    .limit(literal_column("1"))
                    .lateral("stored")
                )

            stored = stored_versions(bindparam("p_user_id"))
            select_existing = select(*stored.c).select_from(ids).join(stored, true())
            # The same lookup in the statement that checks the session and takes the account's
            # lock (two round trips less), with the account's change number as the statement's
            # snapshot saw it: see _lock_and_read. A row per id; the stored columns are empty
            # for a new record, and every column for a session that is over.
            locked = _LOCK_SIGNED_IN.cte("locked")
            account = select(locked.c.id).scalar_subquery()
            seen = select(_accounts.c.sync_seq).where(_accounts.c.id == account)
            stored = stored_versions(account)
            lock_and_select = (
                select(
                    account.label("account"),
                    select(locked.c.sync_seq).scalar_subquery().label("reserved"),
                    select(locked.c.last_seen_at).scalar_subquery().label("seen_at"),
                    seen.scalar_subquery().label("seen"),
                    *stored.c,
                )
                .select_from(ids)
                .outerjoin(stored, true())
            )
        else:
            batch_ids = _records.c.record_id.in_(bindparam("p_ids", expanding=True))
            select_existing = select(*_EXISTING).where(_records.c.user_id == bindparam("p_user_id"), batch_ids)
            lock_and_select = None  # SQLite: writers already take turns (write_turn)
        insert_row, update_row = _row_statements(dialect)
        _STATEMENTS[dialect.name] = _Statements(
            lock_and_select,
            select_existing,
            _FromJSON() if dialect.name == "postgresql" else _RowByRow(insert_row, dialect),
            _RowByRow(update_row, dialect),
        )
    return _STATEMENTS[dialect.name]


def _lock_and_read(conn, statements, signed_in, ids):
    """Check the push's session, take its account's lock (one batch at a time per account, so
    change numbers are handed out in commit order and a pull never skips one), reserving a
    change number per change, and read the batch's stored versions.
    Returns (account id, the last number reserved, the session's last seen, {record id: row});
    BatchError (401) when the session is over.

    On PostgreSQL all of it happens in one statement. Its reads see the database as it was when
    the statement began; if another push of the same account committed while this one waited
    for the lock, that push's versions are missing from them. Every push moves the account's
    change number under the lock, so the number the statement saw tells: unless it is the one
    the lock found, the versions are read again, now under the lock."""
    params = {**signed_in._asdict(), "ids": ids, "count": len(ids)}
    params = {f"p_{name}": value for name, value in params.items()}
    if statements.lock_and_select is not None:
        rows = conn.execute(statements.lock_and_select, params).all()
        first = rows[0]
        if first.account is None:
            raise BatchError(NOT_SIGNED_IN, status=401)
        user_id, reserved, seen_at = first.account, first.reserved, first.seen_at
        if first.seen == reserved - len(ids):
            return user_id, reserved, seen_at, {row.record_id: row for row in rows if row.id is not None}
    else:
        session = conn.execute(_SESSION_ACCOUNT, params).first()
        if session is None:
            raise BatchError(NOT_SIGNED_IN, status=401)
        user_id, seen_at = session
        reserved = conn.execute(_LOCK_ACCOUNT, {**params, "p_user_id": user_id}).scalar_one()
    existing = conn.execute(statements.select_existing, {**params, "p_user_id": user_id})
    return user_id, reserved, seen_at, {row.record_id: row for row in existing}


def apply_batch(signed_in: Credentials, device_id, checked):
    """Apply validated changes in one transaction, for the account `signed_in` is a session of
    (BatchError 401 if that session is over). Returns Pushed.

    A handful of statements whatever the batch's size: the session and the account row, one
    SELECT of the batch's stored versions (no data; on PostgreSQL all three in one statement),
    the new rows in one bulk INSERT, one bulk UPDATE, and the new change number only when some
    change was not applied."""
    conn = db.session.connection()
    ids = [change.id for change, *_ in checked]
    statements = _statements(conn.dialect)
    user_id, reserved, seen_at, existing = _lock_and_read(conn, statements, signed_in, ids)
    before = seq = reserved - len(checked)
    results, inserts, updates, losers = [], [], [], []
    for change, _data, digest, text in checked:
        row = existing.get(change.id)
        incoming = (change.updated_at, device_id, digest)
        if row is not None:
            if row.record_type != change.type:
                raise BatchError(
                    f"Record {change.id} is a {row.record_type}, not a {change.type}.",
                    record=change.id,
                    field="type",
                    status=409,
                )
            stored = (row.updated_at, row.device_id, row.content_hash)
            if incoming == stored:
                results.append({"id": change.id, "status": "unchanged", "seq": row.seq})
                continue
            if incoming < stored:
                result = {"id": change.id, "status": "superseded"}
                losers.append(result)
                results.append(result)
                continue
        seq += 1
        # One literal per row (the driver gets these as they are): cheaper than filling it in steps.
        if row is None:
            inserts.append(
                {
                    "p_record_id": change.id,
                    "p_record_type": change.type,
                    "p_data": text,
                    "p_deleted": change.op == "delete",
                    "p_updated_at": change.updated_at,
                    "p_content_hash": digest,
                    "p_seq": seq,
                }
            )
        else:
            updates.append(
                {
                    "p_pk": row.id,
                    "p_data": text,
                    "p_deleted": change.op == "delete",
                    "p_updated_at": change.updated_at,
                    "p_content_hash": digest,
                    "p_seq": seq,
                }
            )
        results.append({"id": change.id, "status": "applied", "seq": seq})
    if losers:
        # The winner is answered whole: only now is any stored data read.
        winners = {
            row.record_id: change_of(row)
            for row in conn.execute(
                select(_records).where(
                    _records.c.user_id == user_id, _records.c.record_id.in_([r["id"] for r in losers])
                )
            )
        }
        for result in losers:
            result["winner"] = winners[result["id"]]
    shared = {"user_id": user_id, "device_id": device_id, "now": utcnow()}
    if inserts:
        statements.insert_rows.run(conn, inserts, shared)
    if updates:
        statements.update_rows.run(conn, updates, shared)
    if seq != reserved:
        conn.execute(_SET_SEQ, {"p_user_id": user_id, "p_seq": seq})
    return Pushed(results, seq, user_id, before, seen_at)


def pull_changes(user_id, since, limit, skip=None, own=None):
    """Changes after `since`, oldest first, at most `limit`. Versions the asking device already
    has are passed over (the cursor still moves past them), so a device never pulls back what it
    pushed: `skip`, {record id: seq} of what its push just stored; `own`, (device id, seq): its
    versions numbered from that seq on, stored by its earlier pushes of the same sync. A later
    version of such a record has another seq or device and is answered."""
    rows = db.session.scalars(
        db.select(SyncRecord)
        .where(SyncRecord.user_id == user_id, SyncRecord.seq > since)
        .order_by(SyncRecord.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    skip = skip or {}
    device, first = own or (None, 0)

    def theirs(row):
        return skip.get(row.record_id) != row.seq and not (row.device_id == device and row.seq >= first)

    changes = [row.to_change() for row in rows if theirs(row)]
    return changes, (rows[-1].seq if rows else since), more


def account_records(user_id):
    """Every live record of an account, oldest change first (for the account's data export)."""
    rows = db.session.scalars(db.select(SyncRecord).filter_by(user_id=user_id).order_by(SyncRecord.seq)).all()
    return [row.to_change() for row in rows if not row.deleted]


def delete_account_records(user_id):
    db.session.execute(db.delete(SyncRecord).where(SyncRecord.user_id == user_id))
