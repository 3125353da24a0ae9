"""The account model, the signed-in sessions and the shared rate-limit counters."""

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import NamedTuple

from flask_login import UserMixin
from sqlalchemy import BigInteger, DateTime, Float, ForeignKey, Integer, String, and_, select
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from webapp.content.models import utcnow
from webapp.extensions import db


def new_session_token():
    return secrets.token_hex(16)


def token_digest(secret):
    """Sessions keep only a hash of their secret: a copy of the table signs nobody in."""
    return hashlib.sha256(secret.encode()).hexdigest()


def aware(moment):
    """SQLite hands back naive datetimes; they are all UTC."""
    return moment if moment is None or moment.tzinfo else moment.replace(tzinfo=UTC)


class User(UserMixin, db.Model):
    __tablename__ = "user_account"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    # Changed with the password; kept for accounts made before sessions were recorded.
    session_token: Mapped[str] = mapped_column(String(32), default=new_session_token)
    # The last change number given to this account's synced records (see webapp/sync).
    sync_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # None until the person follows the link in the verification email (the app works before).
    email_verified_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    # The session this request is signed in with (set by load_user or start_session).
    login_session = None

    def set_password(self, password, method):
        self.password_hash = generate_password_hash(password, method=method)
        self.session_token = new_session_token()

    def check_password(self, password):
        return check_password_hash(self.password_hash, password)

    def get_id(self):
        # What Flask-Login keeps in the session and the remember-me cookie: the server-side
        # session's id and secret, so revoking the row ends both for good.
        return self.login_session.login_id if self.login_session else None

    def __repr__(self):
        return f"<User {self.id}>"


class UserSession(db.Model):
    """One signed-in browser. Signing out (here or from another device) revokes it."""

    __tablename__ = "user_session"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user_account.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    device: Mapped[str] = mapped_column(String(120))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)

    user: Mapped[User] = relationship(lazy="joined")

    # The secret, only known in the request that created the row.
    login_id = None
    # Read once when the request signs in: after the view commits, reading the columns again
    # would cost a query per request (the commit expires them).
    key = None
    seen_at = None


class RateLimitCounter(db.Model):
    """A fixed-window counter shared by every worker and host through the database."""

    __tablename__ = "rate_limit_counter"

    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    window_start: Mapped[float] = mapped_column(Float)
    count: Mapped[int] = mapped_column(Integer)


def idle_cutoff():
    """Sessions not seen since then are over (the remember-me cookie's lifetime)."""
    from flask import current_app

    return utcnow() - timedelta(seconds=current_app.config.get("REMEMBER_COOKIE_DURATION", 30 * 24 * 3600))


class Credentials(NamedTuple):
    """What a request signs in with: the session's id, the hash of its secret, and the earliest
    "last seen" an open session can have."""

    session_id: int
    token_hash: str
    cutoff: datetime


def credentials(login_id):
    """The Credentials in a login id "<session id>:<secret>" (see User.get_id), or None."""
    session_id, _, secret = (login_id or "").partition(":")
    if not (session_id.isascii() and session_id.isdigit() and len(session_id) <= 18) or not secret:
        return None
    return Credentials(int(session_id), token_digest(secret), idle_cutoff())


def session_is_open(session_id, token_hash, cutoff):
    """The rule for a session that signs its browser in, as a condition on user_session (values or
    bound parameters): the session named, carrying its secret, not revoked, and used within a
    remember-me cookie's lifetime. Every sign-in check uses it: page loads (load_user) and the
    sync push, which checks it in the statement that takes the account's lock.

    The database compares hashes of a 256-bit secret, never the secret: how long a comparison
    takes tells nothing about the secret, so no constant-time comparison is needed."""
    columns = UserSession.__table__.c
    return and_(
        columns.id == session_id,
        columns.token_hash == token_hash,
        columns.revoked_at.is_(None),
        columns.last_seen_at >= cutoff,
    )


def load_user(login_id):
    """Flask-Login's loader: the id names a session that is still open and carries its secret."""
    signed_in = credentials(login_id)
    if signed_in is None:
        return None
    row = db.session.scalar(select(UserSession).where(session_is_open(*signed_in)))
    if row is None:
        return None
    row.login_id, row.key, row.seen_at = login_id, row.id, row.last_seen_at
    row.user.login_session = row
    return row.user
