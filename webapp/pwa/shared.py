"""Responses that are the same bytes for everyone: the service worker, the catalog, the manifest.

Flask adds `Vary: Cookie` to every response whose request touched the session, and Flask-Login's
after-request hook touches it on every request; so a shared cache (a CDN, a proxy) would keep one
copy per visitor of files that never differ. A response marked shared goes out without it, unless
the session really changed in that request (then it carries a Set-Cookie and must not be shared).
"""

from flask import g
from flask.sessions import SecureCookieSessionInterface


def mark():
    """This response is the same for every visitor."""
    g.shared_response = True


class SessionInterface(SecureCookieSessionInterface):
    def save_session(self, app, session, response):
        if g.get("shared_response") and not session.modified:
            session.accessed = False
        return super().save_session(app, session, response)
