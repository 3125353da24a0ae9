"""Security and caching headers applied to every response."""
from flask import request

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "worker-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

ONE_YEAR = 31536000
BUFFERED_TYPES = {"text/css", "text/javascript", "application/javascript", "image/svg+xml"}


def add_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
    if request.path.startswith("/static/"):
        if response.direct_passthrough and response.mimetype in BUFFERED_TYPES and response.status_code == 200:
            # Read the file now (closing it) so it can be compressed like any other response.
            response.direct_passthrough = False
            response.make_sequence()
        # Bundles have the hash in their name, other files in ?v=: either way the URL changes
        # with the bytes, so they can be cached for good.
        if request.path.startswith("/static/gen/") or "v" in request.args:
            headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    elif response.mimetype == "text/html":
        headers.setdefault("Cache-Control", "no-cache")
    return response
