"""Signed, expiring links for the emails (itsdangerous, keyed by SECRET_KEY).

Each purpose has its own salt, so a link for one can't be used for another. A reset link carries
a fingerprint of the current password hash: once the password changes it is dead, so it works
once. A verification link names the address it verifies; an email-change link names the old and
the new address, so it stops working if either changes."""

import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

RESET_MAX_AGE = 3600
VERIFY_MAX_AGE = 7 * 24 * 3600
CHANGE_MAX_AGE = 24 * 3600


def _serializer(purpose):
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=f"relieve.{purpose}")


def password_fingerprint(user):
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:24]


def make(purpose, payload):
    return _serializer(purpose).dumps(payload)


def read(purpose, token, max_age):
    """The payload, or None when the link is forged, for another purpose, or expired."""
    try:
        payload = _serializer(purpose).loads(token, max_age=max_age)
    except (SignatureExpired, BadSignature):
        return None
    return payload if isinstance(payload, dict) else None


def reset_token(user):
    return make("reset", {"u": user.id, "p": password_fingerprint(user)})


def verify_token(user):
    return make("verify", {"u": user.id, "e": user.email})


def change_token(user, new_email):
    return make("change-email", {"u": user.id, "old": user.email, "new": new_email})
