"""Security and caching headers applied to every response."""

from flask import abort, request

CSP = "; ".join(
    [
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
    ]
)

ONE_YEAR = 31536000
BUFFERED_TYPES = {"text/css", "text/javascript", "application/javascript", "image/svg+xml"}


def reject_nul_bytes():
    """NUL can't be stored in PostgreSQL text: refuse it at the door instead of failing later."""
    if "\x00" in request.path or any("\x00" in key + value for key, value in request.args.items(multi=True)):
        abort(400, "The address contains a character that is not allowed.")
    form_post = request.method == "POST" and request.mimetype in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    )
    if form_post and any("\x00" in value for value in request.form.values()):
        abort(400, "The form contains a character that is not allowed.")


def add_headers(response):
    headers = response.headers
    headers.setdefault("Content-Security-Policy", CSP)
    headers.setdefault("X-Content-Type-Options", "nosniff")
    headers.setdefault("Referrer-Policy", "same-origin")
    headers.setdefault("X-Frame-Options", "DENY")
    headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()")
    if request.is_secure:
        headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    # /static/ is answered by WhiteNoise before Flask (webapp/pwa/static_files.py), from
    # precompressed copies; only a file added after start-up in production reaches this.
    if request.path.startswith("/static/") and response.status_code == 200:
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
