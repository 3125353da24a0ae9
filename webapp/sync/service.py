"""Applying a batch of changes and reading changes since a cursor.

The conflict rule (docs/sync.md): each change carries the device's time of the change
(`updated_at`, ms) and the device's id. The stored version of a record is replaced only by a
change whose (updated_at, device_id, content hash) is greater. Every device compares the same
three values, so all of them keep the same winner; the losing version is answered back as
"superseded" with the winner, never merged field by field.
"""

import hashlib
import json

from pydantic import ValidationError

from webapp.auth.models import User
from webapp.extensions import db
from webapp.sync.models import SyncRecord
from webapp.sync.registry import record_types
from webapp.sync.schemas import MAX_RECORD_BYTES, PushBody


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


def canonical(data):
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def validate_batch(payload):
    """The batch with each record's data checked against its type; BatchError names the problem."""
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
                data = types[change.type].model_validate(change.data).model_dump(exclude_unset=True)
            except ValidationError as exc:
                loc, message = _first_error(exc)
                raise BatchError(
                    f"Change {index} ({change.type} {change.id}): 'data.{_where(loc)}' {message}",
                    record=change.id,
                    field=f"data.{_where(loc)}",
                ) from None
            # A real NUL only (PostgreSQL's JSON can't hold it); the six characters "\u0000"
            # typed into a note are text like any other.
            if _has_nul(data):
                raise BatchError(
                    f"Change {index} ({change.type} {change.id}): the record contains a NUL character.",
                    record=change.id,
                    field="data",
                )
            if len(canonical(data).encode()) > MAX_RECORD_BYTES:
                raise BatchError(
                    f"Change {index}: the record is larger than {MAX_RECORD_BYTES // 1024} KB.",
                    record=change.id,
                    field="data",
                    status=413,
                )
        digest = hashlib.sha256(f"{change.op}:{canonical(data)}".encode()).hexdigest()
        checked.append((change, data, digest))
    return body.device_id, checked


def apply_batch(user_id, device_id, checked):
    """Apply validated changes in one transaction. Returns (results, cursor)."""
    # Writing the account row first takes its lock: one batch at a time per account, so change
    # numbers are handed out in commit order and a pull never skips one.
    db.session.execute(db.update(User).where(User.id == user_id).values(sync_seq=User.sync_seq))
    seq = db.session.scalar(db.select(User.sync_seq).where(User.id == user_id))
    ids = [change.id for change, _, _ in checked]
    existing = {
        row.record_id: row
        for row in db.session.scalars(
            db.select(SyncRecord).where(SyncRecord.user_id == user_id, SyncRecord.record_id.in_(ids))
        )
    }
    results = []
    for change, data, digest in checked:
        row = existing.get(change.id)
        incoming = (change.updated_at, device_id, digest)
        if row is not None and row.record_type != change.type:
            raise BatchError(
                f"Record {change.id} is a {row.record_type}, not a {change.type}.",
                record=change.id,
                field="type",
                status=409,
            )
        if row is not None and incoming == row.version_key():
            results.append({"id": change.id, "status": "unchanged", "seq": row.seq})
            continue
        if row is not None and incoming < row.version_key():
            results.append({"id": change.id, "status": "superseded", "winner": row.to_change()})
            continue
        seq += 1
        if row is None:
            row = SyncRecord(user_id=user_id, record_id=change.id, record_type=change.type)
            db.session.add(row)
        row.data, row.deleted = data, change.op == "delete"
        row.updated_at, row.device_id, row.content_hash, row.seq = change.updated_at, device_id, digest, seq
        results.append({"id": change.id, "status": "applied", "seq": seq})
    db.session.execute(db.update(User).where(User.id == user_id).values(sync_seq=seq))
    return results, seq


def pull_changes(user_id, since, limit):
    rows = db.session.scalars(
        db.select(SyncRecord)
        .where(SyncRecord.user_id == user_id, SyncRecord.seq > since)
        .order_by(SyncRecord.seq)
        .limit(limit + 1)
    ).all()
    more = len(rows) > limit
    rows = rows[:limit]
    return [row.to_change() for row in rows], (rows[-1].seq if rows else since), more


def account_records(user_id):
    """Every live record of an account, oldest change first (for the account's data export)."""
    rows = db.session.scalars(db.select(SyncRecord).filter_by(user_id=user_id).order_by(SyncRecord.seq)).all()
    return [row.to_change() for row in rows if not row.deleted]


def delete_account_records(user_id):
    db.session.execute(db.delete(SyncRecord).where(SyncRecord.user_id == user_id))
