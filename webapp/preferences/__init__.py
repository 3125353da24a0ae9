"""A person's preferences (which side hurts, floor or chair, equipment, time, sound and pace) as a
synced `preferences` record, and the pages that set them: first run (/welcome) and settings."""


def init_app(app):
    from webapp.preferences.records import RECORD_TYPES
    from webapp.preferences.views import bp
    from webapp.sync.registry import register_record_type

    app.register_blueprint(bp)
    for name, data_model in RECORD_TYPES.items():
        register_record_type(app, name, data_model)
