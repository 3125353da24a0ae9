"""Health content: technique cards and learn pages, loaded from `content/` into the database."""


def init_app(app):
    """`flask content load`."""
    from webapp.content.cli import bp

    app.register_blueprint(bp)
