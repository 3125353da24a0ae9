"""Signed-in sessions recorded on the server.

Flask-Login's session and remember-me cookies carry "<session id>:<secret>" (see User.get_id);
the row keeps a hash of the secret. Signing out revokes the row, so a copied cookie, or one
replayed after signing out, signs nobody in.
"""

import re
import secrets
from datetime import timedelta

from flask import current_app, g, request, session
from flask_login import current_user, login_user
from sqlalchemy import update

from webapp.auth.models import UserSession, aware, credentials, idle_cutoff, token_digest
from webapp.content.models import utcnow
from webapp.extensions import db

# Writing "last seen" on every request would be a write per request; this is precise enough
# for "last seen" on the account page.
TOUCH_EVERY = timedelta(minutes=5)

BROWSERS = (
    ("Edg/", "Edge"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Firefox/", "Firefox"),
    ("FxiOS/", "Firefox"),
    ("CriOS/", "Chrome"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("CrOS", "ChromeOS"),
    ("Windows", "Windows"),
    ("Mac OS X", "Mac"),
    ("Macintosh", "Mac"),
    ("Linux", "Linux"),
)


def device_label(user_agent):
    """A name a person recognises ("Chrome on Android"); the raw User-Agent is not kept."""
    agent = user_agent or ""
    browser = next((name for marker, name in BROWSERS if marker in agent), None)
    system = next((name for marker, name in SYSTEMS if marker in agent), None)
    if browser and system:
        return f"{browser} on {system}"
    return browser or system or (re.sub(r"[^\w .-]", "", agent)[:40] or "Unknown device")


def start_session(user, remember):
    """Record a new session for this browser and sign it in."""
    secret = secrets.token_urlsafe(32)
    row = UserSession(user_id=user.id, token_hash=token_digest(secret), device=device_label(request.user_agent.string))
    db.session.add(row)
    db.session.commit()
    row.login_id, row.key, row.seen_at = f"{row.id}:{secret}", row.id, row.last_seen_at
    user.login_session = row
    login_user(user, remember=remember)
    return row


def current_session_id():
    row = getattr(current_user, "login_session", None)
    return row.key if row is not None else None


def revoke(user_id, session_id=None, keep=None):
    """Revoke one session of this account, or all of them except `keep`; the caller commits."""
    statement = update(UserSession).where(UserSession.user_id == user_id, UserSession.revoked_at.is_(None))
    if session_id is not None:
        statement = statement.where(UserSession.id == session_id)
    if keep is not None:
        statement = statement.where(UserSession.id != keep)
    return db.session.execute(statement.values(revoked_at=utcnow())).rowcount


def open_sessions(user_id):
    return db.session.scalars(
        db.select(UserSession)
        .filter_by(user_id=user_id, revoked_at=None)
        .filter(UserSession.last_seen_at >= idle_cutoff())
        .order_by(UserSession.last_seen_at.desc(), UserSession.id.desc())
    ).all()


def request_credentials():
    """The Credentials this request signs in with, without loading the account: the sync push
    checks them in its own first statement (webapp/sync/service.py), one round trip to the
    database fewer than loading the account first. None when signed out."""
    # Flask-Login keeps the login id in the session under this key (login_user). Its session
    # protection is "basic" here (webapp/auth/__init__.py), which marks a session not fresh but
    # never refuses it: reading the key directly skips no check.
    login_id = session.get("_user_id")
    if login_id is None and current_user.is_authenticated:
        # Signed in by the remember-me cookie alone: loading the user restored the session.
        login_id = current_user.get_id()
    return credentials(login_id)


def touch(response):
    """After the request: note when this session was last seen (at most every few minutes)."""
    # Only when the request loaded the user anyway (never a query for a static file).
    row = getattr(g.get("_login_user"), "login_session", None)
    if row is not None:
        touch_session(row.key, row.seen_at)
    return response


def touch_session(session_id, seen_at):
    """Record that a session was used now, if it was last seen long enough ago."""
    if seen_at is None:
        return
    now = utcnow()
    if now - aware(seen_at) >= TOUCH_EVERY:
        try:
            # Its own transaction: the view has committed (or rolled back) by now.
            with db.engine.begin() as conn:
                conn.execute(update(UserSession).where(UserSession.id == session_id).values(last_seen_at=now))
        except Exception:  # "last seen" must never fail a request
            current_app.logger.warning("Could not record last seen for session %s", session_id, exc_info=True)
