"""JSON endpoints: the session state and the sync of records. One error shape for all errors:
{"error": {"status", "message", "record"?, "field"?}}."""

import hashlib
import json
from datetime import UTC

from flask import Blueprint, current_app, g, jsonify, request
from flask_login import current_user, user_logged_in, user_logged_out
from flask_wtf.csrf import CSRFError, generate_csrf

from webapp.api.openapi import document
from webapp.auth.sessions import request_credentials, touch_session
from webapp.database import write_turn
from webapp.errors import error_response
from webapp.extensions import csrf, db
from webapp.sync.fields import now_ms
from webapp.sync.schemas import MAX_PUSH_BYTES, PULL_LIMIT_DEFAULT, PULL_LIMIT_MAX
from webapp.sync.service import NOT_SIGNED_IN, BatchError, apply_batch, pull_changes, validate_batch

bp = Blueprint("api", __name__, url_prefix="/api/v1")
# Checked in each changing view after the sign-in check, so an expired session answers 401
# (sign in again) rather than a token error.
csrf.exempt(bp)


@bp.after_request
def no_store(response):
    # Personal data: never kept by the browser's or any shared cache.
    response.headers["Cache-Control"] = "no-store"
    # The server's clock on every answer: devices stamp their changes with server-corrected
    # time, so a phone whose clock is hours fast does not win every later conflict (docs/sync.md).
    response.headers["X-Server-Time"] = str(now_ms())
    return response


def too_large():
    return error_response(413, f"The batch is larger than {MAX_PUSH_BYTES // 1024} KB; send fewer changes at a time.")


def digits(text, most):
    """Plain ASCII digits, at most `most` of them (int() of a huge string is itself an error)."""
    return text.isascii() and text.isdigit() and len(text) <= most


def account_key(user):
    """Which account a device's data belongs to. Not the integer id, which SQLite hands out again
    after an account is deleted: id and creation time together are never reused."""
    created = user.created_at
    if created.tzinfo is not None:  # PostgreSQL answers in its session's zone, SQLite naive UTC
        created = created.astimezone(UTC).replace(tzinfo=None)
    created = created.isoformat(timespec="microseconds")
    return hashlib.sha256(f"relieve-account:{user.id}:{created}".encode()).hexdigest()[:32]


def require_user():
    if not current_user.is_authenticated:
        return error_response(401, NOT_SIGNED_IN)
    return None


# A cookie the app can read (not the session: that one stays HttpOnly) saying which account is
# signed in: the account key, or absent when signed out. The app keeps the last /session answer
# and asks again only when this cookie no longer matches it, so a signed-out device asks the
# server nothing, and a sign-in or sign-out anywhere is noticed on the next page (docs/sync.md).
ACCOUNT_HINT = "relieve_account"


def _hint_signed_in(_app, user, **_):
    g.account_hint = account_key(user)


def _hint_signed_out(_app, **_):
    g.account_hint = ""


user_logged_in.connect(_hint_signed_in)
user_logged_out.connect(_hint_signed_out)


def set_account_hint(response, key):
    if key:
        response.set_cookie(
            ACCOUNT_HINT,
            key,
            secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
            httponly=False,
            samesite="Lax",
        )
    elif ACCOUNT_HINT in request.cookies:
        response.delete_cookie(ACCOUNT_HINT)
    return response


@bp.after_app_request
def account_hint(response):
    if "account_hint" in g:
        set_account_hint(response, g.account_hint)
    return response


@bp.get("/session")
def session_state():
    """Who is signed in, and the CSRF token the app sends back on changes."""
    body = {"authenticated": current_user.is_authenticated, "csrf_token": generate_csrf()}
    if current_user.is_authenticated:
        body.update(email=current_user.email, user=str(current_user.id), account_key=account_key(current_user))
    g.account_hint = body.get("account_key", "")
    return jsonify(body)


@bp.post("/sync/push")
def push():
    """Apply a batch of changes, all or nothing; replays change nothing."""
    # The session is checked by the push's first statement, which also takes the account's
    # lock: the account is not loaded first (a round trip to the database fewer).
    signed_in = request_credentials()
    if signed_in is None:
        return error_response(401, NOT_SIGNED_IN)
    try:
        csrf.protect()
    except CSRFError:
        # A session that is over answers 401 (sign in again) rather than a token error.
        if (denied := require_user()) is not None:
            return denied
        raise
    if request.mimetype != "application/json":
        return error_response(415, "Send the batch as JSON (Content-Type: application/json).")
    # The declared length first, so a huge body is refused before it is read.
    if request.content_length is not None and request.content_length > MAX_PUSH_BYTES:
        return too_large()
    raw = request.get_data(cache=False)
    if len(raw) > MAX_PUSH_BYTES:
        return too_large()
    try:
        payload = json.loads(raw)
    except (ValueError, UnicodeDecodeError, RecursionError):
        return error_response(400, "The body is not valid JSON (or is nested too deeply).")
    try:
        device_id, checked = validate_batch(payload)
        with write_turn(db.engine):
            try:
                pushed = apply_batch(signed_in, device_id, checked)
                db.session.commit()
            except BaseException:
                db.session.rollback()  # before the next writer's turn, which would wait for it
                raise
    except BatchError as exc:
        return error_response(exc.status, exc.message, record=exc.record, field=exc.field)
    if "_login_user" not in g:  # not loaded (by a remember-me cookie): its after-request hook won't
        touch_session(signed_in.session_id, pushed.seen_at)
    answer = {"results": pushed.results, "cursor": str(pushed.cursor)}
    since = payload.get("since")
    # A cursor past the account's number before the push isn't this account's.
    if since is not None and int(since) <= pushed.before:
        # The changes since the device's cursor, as a pull answers them, less the versions this
        # push stored (the device has them): one round trip per change, nothing pulled back.
        # Read after the commit, so the cursor never passes a change committed before it.
        skip = {r["id"]: r["seq"] if "seq" in r else r["winner"]["seq"] for r in pushed.results}
        own = (device_id, int(payload["pushed_from"])) if payload.get("pushed_from") else None
        changes, pulled, more = pull_changes(pushed.user_id, int(since), PULL_LIMIT_DEFAULT, skip, own)
        answer.update(changes=changes, cursor=str(pulled), has_more=more)
    return jsonify(answer)


@bp.get("/sync/pull")
def pull():
    """Changes after a cursor, oldest first, a page at a time."""
    if (denied := require_user()) is not None:
        return denied
    since_text = request.args.get("since", "0")
    if not digits(since_text, 18):
        return error_response(
            400, "'since' must be a cursor from an earlier pull (digits), or 0 for everything.", field="since"
        )
    limit_text = request.args.get("limit", str(PULL_LIMIT_DEFAULT))
    if not digits(limit_text, 3) or not 1 <= int(limit_text) <= PULL_LIMIT_MAX:
        return error_response(400, f"'limit' must be a whole number from 1 to {PULL_LIMIT_MAX}.", field="limit")
    since = int(since_text)
    if since > current_user.sync_seq:
        return error_response(410, "This cursor is unknown to this account. Pull again from 0.", field="since")
    changes, cursor, more = pull_changes(current_user.id, since, int(limit_text))
    return jsonify({"changes": changes, "cursor": str(cursor), "has_more": more})


@bp.get("/openapi.json")
def openapi():
    """The API's description (OpenAPI 3.1), generated from the schemas the API validates with."""
    return jsonify(document())
