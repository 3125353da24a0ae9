"""Configuration read from the environment.

Every setting a deployment may change comes from an environment variable; nothing secret has a
default in code. `create_app(overrides)` applies a mapping on top (tests use it).
"""

import os
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlparse


class ConfigError(RuntimeError):
    """A setting is missing or invalid; the message says which and how to fix it."""


def _bool(name, default):
    raw = os.environ.get(name)
    if raw is None or raw == "":
        return default
    return raw.strip().lower() in {"1", "true", "yes", "on"}


def database_url(instance_path):
    """DATABASE_URL, normalised for SQLAlchemy; SQLite in the instance folder by default."""
    url = os.environ.get("DATABASE_URL", "").strip()
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "relieve.db")
    return normalise_database_url(url)


def normalise_database_url(url):
    # Hosting platforms hand out postgres:// URLs; SQLAlchemy wants the psycopg 3 driver named.
    if url.startswith("postgres://"):
        url = "postgresql://" + url[len("postgres://") :]
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://") :]
    return url


def secret_key(instance_path):
    """SECRET_KEY from the environment, else a random key kept in the instance folder.

    A generated per-install key keeps a single-machine install secure without a shared,
    hard-coded fallback; multi-process deployments on several machines must set SECRET_KEY.
    """
    key = os.environ.get("SECRET_KEY", "").strip()
    if key:
        return key
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        # Written whole to a private temp file, then linked into place: when several workers
        # start at once, one link wins and every worker reads that same, complete key.
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=".secret_key.")
        try:
            with os.fdopen(fd, "w") as fh:
                fh.write(secrets.token_hex(32))
            os.link(temp, path)
        except FileExistsError:
            pass
        finally:
            os.unlink(temp)
    return path.read_text().strip()


def clinic_settings():
    """The optional "Book a professional session" call to action: both settings or neither."""
    name = os.environ.get("CLINIC_NAME", "").strip()
    url = os.environ.get("CLINIC_BOOKING_URL", "").strip()
    if bool(name) != bool(url):
        raise ConfigError("Set both CLINIC_NAME and CLINIC_BOOKING_URL, or neither.")
    if url:
        validate_booking_url(url)
    return name or None, url or None


def validate_booking_url(url):
    parsed = urlparse(url)
    if parsed.scheme != "https" or not parsed.netloc:
        raise ConfigError(f"CLINIC_BOOKING_URL must be an https:// address, got {url!r}.")


def emergency_settings():
    """Who the emergency screen calls: RELIEVE_REGION sets the default region (otherwise the
    browser guesses it), and RELIEVE_EMERGENCY_NUMBER, RELIEVE_URGENT_NUMBER and
    RELIEVE_URGENT_NAME override that region's numbers. A number that can't be dialled stops
    start-up: a wrong emergency number must never reach a person."""
    from webapp.safety.regions import configured, region_data

    def setting(name):
        return os.environ.get(name, "").strip() or None

    try:
        regions, default = configured(
            setting("RELIEVE_REGION"),
            setting("RELIEVE_EMERGENCY_NUMBER"),
            setting("RELIEVE_URGENT_NUMBER"),
            setting("RELIEVE_URGENT_NAME"),
        )
    except ValueError as error:
        raise ConfigError(str(error)) from None
    return region_data(regions, default)


def mail_settings():
    """SMTP for the account emails (reset, verification, email change). With no MAIL_SERVER the
    messages are written to instance/mail/ instead (see webapp/auth/mail.py)."""
    server = os.environ.get("MAIL_SERVER", "").strip()
    raw_port = os.environ.get("MAIL_PORT", "").strip() or "587"
    if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
        raise ConfigError(f"MAIL_PORT must be a port number such as 587, got {raw_port!r}.")
    username = os.environ.get("MAIL_USERNAME", "").strip() or None
    password = os.environ.get("MAIL_PASSWORD", "") or None
    if bool(username) != bool(password):
        raise ConfigError("Set both MAIL_USERNAME and MAIL_PASSWORD, or neither.")
    sender = os.environ.get("MAIL_DEFAULT_SENDER", "").strip() or None
    if server and not sender:
        raise ConfigError("Set MAIL_DEFAULT_SENDER (for example 'Relieve <no-reply@example.org>') with MAIL_SERVER.")
    if sender and "@" not in sender:
        raise ConfigError(f"MAIL_DEFAULT_SENDER must contain an email address, got {sender!r}.")
    use_tls = _bool("MAIL_USE_TLS", True)
    use_ssl = _bool("MAIL_USE_SSL", False)
    if use_tls and use_ssl:
        use_tls = False  # SSL from the first byte (port 465) replaces STARTTLS
    settings = {
        "MAIL_SERVER": server or None,
        "MAIL_PORT": int(raw_port),
        "MAIL_USERNAME": username,
        "MAIL_PASSWORD": password,
        "MAIL_USE_TLS": use_tls,
        "MAIL_USE_SSL": use_ssl,
    }
    if sender:
        settings["MAIL_DEFAULT_SENDER"] = sender
    return settings


def from_environment(instance_path):
    """The settings mapping for this process."""
    production = os.environ.get("RELIEVE_ENV", "production").strip().lower() == "production"
    clinic_name, booking_url = clinic_settings()
    return {
        "SECRET_KEY": secret_key(instance_path),
        "SQLALCHEMY_DATABASE_URI": database_url(instance_path),
        "CLINIC_NAME": clinic_name,
        "CLINIC_BOOKING_URL": booking_url,
        "EMERGENCY_REGIONS": emergency_settings(),
        # Cookies only over HTTPS in production; `make run` serves plain HTTP on localhost.
        "SESSION_COOKIE_SECURE": _bool("SESSION_COOKIE_SECURE", production),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": _bool("SESSION_COOKIE_SECURE", production),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_DURATION": 30 * 24 * 3600,
        "PERMANENT_SESSION_LIFETIME": 30 * 24 * 3600,
        # werkzeug's scrypt: a memory-hard KDF. Tests use a cheap method to stay fast.
        "PASSWORD_HASH_METHOD": os.environ.get("PASSWORD_HASH_METHOD", "scrypt"),
        # The CSRF token lives as long as the session: an installed app stays open for days.
        "WTF_CSRF_TIME_LIMIT": None,
        # Rate-limit counts: in the database unless a Redis URL is given (either spelling).
        "RATELIMIT_STORAGE_URL": (
            os.environ.get("RATELIMIT_STORAGE_URL", "").strip()
            or os.environ.get("RATELIMIT_STORAGE_URI", "").strip()
            or None
        ),
        "LOGIN_LIMIT_PER_ACCOUNT": int(os.environ.get("LOGIN_LIMIT_PER_ACCOUNT", "5")),
        "LOGIN_LIMIT_PER_ADDRESS": int(os.environ.get("LOGIN_LIMIT_PER_ADDRESS", "20")),
        "LOGIN_LIMIT_WINDOW": int(os.environ.get("LOGIN_LIMIT_WINDOW", "900")),
        # Per connection per hour; reset emails also per address per hour (silently: the page
        # answers the same whether or not the address has an account).
        "SIGNUP_LIMIT_PER_ADDRESS": int(os.environ.get("SIGNUP_LIMIT_PER_ADDRESS", "10")),
        "RESET_LIMIT_PER_ADDRESS": int(os.environ.get("RESET_LIMIT_PER_ADDRESS", "10")),
        "RESET_LIMIT_PER_EMAIL": int(os.environ.get("RESET_LIMIT_PER_EMAIL", "3")),
        **mail_settings(),
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        # Behind N reverse proxies (nginx, a load balancer), trust their X-Forwarded-* headers:
        # the client's address for sign-in limits, https for cookies and CSRF checks.
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
        # Production serves bundles built ahead of time (`flask assets build`).
        "ASSETS_AUTO_BUILD": _bool("ASSETS_AUTO_BUILD", not production),
        "ASSETS_DEBUG": False,
        "CONTENT_DIR": os.environ.get("CONTENT_DIR") or str(Path(__file__).resolve().parent.parent / "content"),
        "COMPRESS_MIMETYPES": [
            "text/html",
            "text/css",
            "application/javascript",
            "text/javascript",
            "application/json",
            "application/manifest+json",
            "image/svg+xml",
        ],
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        "COMPRESS_MIN_SIZE": 500,
        # Flask-Compress's streaming mode never closes the file it streams; static text files
        # are small, so security.add_headers buffers them and they are compressed whole.
        "COMPRESS_STREAMS": False,
    }
