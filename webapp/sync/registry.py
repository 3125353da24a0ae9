"""Which record types this app syncs. The sync engine carries any registered type the same way;
each feature registers its own (name -> pydantic model of the record's data) from its init_app."""

from flask import current_app

KEY = "relieve.record_types"


def register_record_type(app, name, data_model):
    types = app.extensions.setdefault(KEY, {})
    if types.get(name, data_model) is not data_model:
        raise ValueError(f"record type {name!r} is already registered with another schema")
    types[name] = data_model


def record_types(app=None):
    """name -> data model, in registration order."""
    return (app or current_app).extensions.get(KEY, {})
