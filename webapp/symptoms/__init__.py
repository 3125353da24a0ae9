"""Symptom log pages. Entries are kept on the device (IndexedDB) and synced as `symptom_log`
records; the server renders the same page shells for everyone so they can be cached offline."""


def init_app(app):
    from webapp.symptoms.records import RECORD_TYPES
    from webapp.symptoms.views import bp
    from webapp.sync.registry import register_record_type

    app.register_blueprint(bp)
    for name, data_model in RECORD_TYPES.items():
        register_record_type(app, name, data_model)
