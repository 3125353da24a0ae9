"""Database models for the content loaded from `content/`."""

from datetime import UTC, datetime

from sqlalchemy import JSON, Boolean, DateTime, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from webapp.extensions import db


def utcnow():
    return datetime.now(UTC)


class ContentRow:
    """Columns every loaded content item has: its file's slug, its order and its hash."""

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    # Hash of the source file's parsed data: the loader skips unchanged items, and the service
    # worker's cache version changes whenever any item does.
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, onupdate=utcnow)

    def __repr__(self):
        return f"<{type(self).__name__} {self.slug}>"


class Technique(ContentRow, db.Model):
    """One technique card (self-massage, stretch or nerve glide)."""

    __tablename__ = "technique"

    name: Mapped[str] = mapped_column(String(60))
    kind: Mapped[str] = mapped_column(String(16))
    summary: Mapped[str] = mapped_column(String(160))
    position: Mapped[str] = mapped_column(String(16))
    intensity: Mapped[str] = mapped_column(String(16))
    intensity_note: Mapped[str] = mapped_column(Text)
    illustration_alt: Mapped[str] = mapped_column(String(300))
    evidence: Mapped[str] = mapped_column(Text)
    target_areas: Mapped[list] = mapped_column(JSON)
    equipment: Mapped[list] = mapped_column(JSON)
    steps: Mapped[list] = mapped_column(JSON)
    cues: Mapped[list] = mapped_column(JSON)
    cautions: Mapped[list] = mapped_column(JSON)
    stop_if: Mapped[list] = mapped_column(JSON)
    avoid_if: Mapped[list] = mapped_column(JSON)
    gentler: Mapped[str | None] = mapped_column(String(80), nullable=True, default=None)
    movement: Mapped[str | None] = mapped_column(String(24), nullable=True, default=None)
    warm_up_first: Mapped[bool] = mapped_column(Boolean, default=False)
    dosing: Mapped[dict] = mapped_column(JSON)
    sources: Mapped[list] = mapped_column(JSON)


class Article(ContentRow, db.Model):
    """One learn page."""

    __tablename__ = "article"

    title: Mapped[str] = mapped_column(String(80))
    summary: Mapped[str] = mapped_column(String(200))
    body_html: Mapped[str] = mapped_column(Text)
    sources: Mapped[list] = mapped_column(JSON)


class Routine(ContentRow, db.Model):
    """A built-in routine: an ordered list of steps drawn from the technique cards."""

    __tablename__ = "routine"

    name: Mapped[str] = mapped_column(String(60))
    summary: Mapped[str] = mapped_column(String(200))
    flare: Mapped[bool] = mapped_column(Boolean, default=False)
    after_massage: Mapped[bool] = mapped_column(Boolean, default=False)
    # Each step fully resolved at load time (technique defaults filled in), so every client
    # plays exactly the same routine.
    steps: Mapped[list] = mapped_column(JSON)
