"""The JSON API under /api/v1, described by an OpenAPI document generated from the schemas it
validates with (openapi.py), served at /api/v1/openapi.json."""


def init_app(app):
    from webapp.api.views import bp

    app.register_blueprint(bp)
