"""Relieve: a self-care app for people with sciatica."""

import importlib
import os

from flask import Flask

from webapp import config as settings
from webapp.assets import register_bundles
from webapp.extensions import assets, compress, csrf, db, migrate

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# The order is the order of their routes and of their synced record types.
FEATURES = (
    "webapp.main",
    "webapp.library",
    "webapp.learn",
    "webapp.routines",
    "webapp.symptoms",
    "webapp.safety",
    "webapp.insights",
    "webapp.preferences",
    "webapp.auth",
    "webapp.sync",
    "webapp.api",
    "webapp.content",
    "webapp.contract",
)


def create_app(overrides=None):
    """Build the app; `overrides` (a mapping) is applied on top of the environment's settings."""
    app = Flask(
        __name__,
        static_folder=os.path.join(ROOT, "static"),
        template_folder=os.path.join(ROOT, "templates"),
        instance_path=os.environ.get("RELIEVE_INSTANCE_PATH") or os.path.join(ROOT, "instance"),
    )
    os.makedirs(app.instance_path, exist_ok=True)
    app.config.from_mapping(settings.from_environment(app.instance_path))
    if overrides:
        app.config.from_mapping(overrides)

    if app.config.get("TRUSTED_PROXIES"):
        from werkzeug.middleware.proxy_fix import ProxyFix

        hops = app.config["TRUSTED_PROXIES"]
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)
    register_extensions(app)
    register_features(app)
    register_template_helpers(app)
    register_errorhandlers(app)
    register_security_headers(app)
    register_static_files(app)
    return app


def register_extensions(app):
    db.init_app(app)
    migrate.init_app(app, db, directory=os.path.join(ROOT, "migrations"))
    assets.init_app(app)
    with app.app_context():
        register_bundles(assets)
    compress.init_app(app)
    csrf.init_app(app)
    with app.app_context():
        from webapp.database import configure_engine

        configure_engine(db.engine)


def register_features(app):
    """Each feature registers its own blueprint, record types, account-data hooks and commands."""
    from webapp.pwa import shared
    from webapp.pwa.views import bp as pwa

    for feature in FEATURES:
        importlib.import_module(feature).init_app(app)
    app.register_blueprint(pwa)
    app.session_interface = shared.SessionInterface()


def register_template_helpers(app):
    from webapp.assets import scripts
    from webapp.content import dosing, vocabulary
    from webapp.pwa.precache import illustration_path
    from webapp.pwa.static_urls import static_url

    app.jinja_env.globals.update(
        static_url=static_url, illustration_path=illustration_path, vocab=vocabulary, scripts=scripts
    )
    app.jinja_env.filters.update(
        dose=dosing.describe,
        duration=lambda d: dosing.describe_duration(dosing.estimate_seconds(d)),
        labels=lambda values, mapping: [mapping[v] for v in values],
        minutes=dosing.describe_duration,
    )

    @app.context_processor
    def clinic():
        return {
            "clinic_name": app.config.get("CLINIC_NAME"),
            "clinic_booking_url": app.config.get("CLINIC_BOOKING_URL"),
        }


def register_errorhandlers(app):
    from webapp.errors import register

    register(app)


def register_static_files(app):
    """/static/ served precompressed by WhiteNoise, in front of Flask (webapp/pwa/static_files.py)."""
    from webapp.pwa import static_files

    static_files.init_app(app)


def register_security_headers(app):
    from webapp.security import add_headers, reject_nul_bytes

    app.before_request(reject_nul_bytes)
    app.after_request(add_headers)
