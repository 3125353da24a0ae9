"""Routines: built-in routine pages, the player, the builder, history and shared links.

The server renders the built-in routines and the page shells; the player, the builder and the
history run in the browser on the device's own data (IndexedDB), so they work offline.
"""


def init_app(app):
    """The pages and /catalog.json; routines, sessions and flags as synced record types."""
    from webapp.routines.records import RECORD_TYPES
    from webapp.routines.views import bp
    from webapp.sync.registry import register_record_type

    app.register_blueprint(bp)
    for name, data_model in RECORD_TYPES.items():
        register_record_type(app, name, data_model)
