"""One row per synced record, tombstones included."""

from datetime import datetime

from sqlalchemy import JSON, BigInteger, Boolean, DateTime, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from webapp.content.models import utcnow
from webapp.extensions import db


class SyncRecord(db.Model):
    __tablename__ = "sync_record"
    __table_args__ = (
        UniqueConstraint("user_id", "record_id", name="uq_sync_record_user_record"),
        # Pulls read "this user's changes after cursor N": the cost follows the changes.
        Index("ix_sync_record_user_seq", "user_id", "seq"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"))
    record_id: Mapped[str] = mapped_column(String(36))
    record_type: Mapped[str] = mapped_column(String(32))
    data: Mapped[dict | None] = mapped_column(JSON, nullable=True)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    # The device's time of the change (ms since the epoch) and which device made it: together
    # with the content hash they order concurrent edits the same way everywhere.
    updated_at: Mapped[int] = mapped_column(BigInteger)
    device_id: Mapped[str] = mapped_column(String(64))
    content_hash: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(BigInteger)
    server_updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    def version_key(self):
        return (self.updated_at, self.device_id, self.content_hash)

    def to_change(self):
        return change_of(self)


def change_of(row):
    """A stored version as the API answers it; `row` is a SyncRecord or a selected table row."""
    return {
        "id": row.record_id,
        "type": row.record_type,
        "op": "delete" if row.deleted else "put",
        "data": None if row.deleted else row.data,
        "updated_at": row.updated_at,
        "device_id": row.device_id,
        "seq": row.seq,
    }
