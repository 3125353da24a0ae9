"""A device that has signed in to an account before keeps its own allowance of password guesses.

A good sign-in leaves a signed, long-lived cookie naming (a hash of) the email and a random
nonce; later guesses from that browser are counted under the nonce, apart from everyone else's.
Guessing from elsewhere can't produce the cookie, so it can't use up the owner's allowance.
"""

import hashlib
import secrets

from flask import after_this_request, current_app, request
from itsdangerous import BadSignature, URLSafeSerializer

COOKIE = "relieve_device"
MAX_AGE = 365 * 24 * 3600


def _serializer():
    return URLSafeSerializer(current_app.config["SECRET_KEY"], salt="relieve.known-device")


def _digest(email):
    return hashlib.sha256(email.encode()).hexdigest()[:32]


def known_device(email):
    """This browser's own bucket for `email`, or None when it has not signed in to it before."""
    raw = request.cookies.get(COOKIE)
    if not raw:
        return None
    try:
        value = _serializer().loads(raw)
    except BadSignature:
        return None
    if isinstance(value, dict) and value.get("e") == _digest(email) and isinstance(value.get("n"), str):
        return value["n"]
    return None


def remember_device(email):
    """After a good sign-in: keep (or start) this browser's bucket for `email`."""
    nonce = known_device(email) or secrets.token_urlsafe(12)
    value = _serializer().dumps({"e": _digest(email), "n": nonce})

    @after_this_request
    def set_cookie(response):
        response.set_cookie(
            COOKIE,
            value,
            max_age=MAX_AGE,
            path="/account/",
            httponly=True,
            samesite="Lax",
            secure=current_app.config.get("SESSION_COOKIE_SECURE", False),
        )
        return response
