"""Data other features keep for an account. Accounts know no feature: a feature that stores
data per account registers how to export it and how to delete it, and the account pages call
every registered hook (download my data; delete my account)."""

from flask import current_app

KEY = "relieve.account_data"


def register_account_data(app, name, export, delete):
    """`export(user_id)` returns what goes under `name` in the export; `delete(user_id)` removes
    it in the current transaction, before the account row itself is deleted."""
    app.extensions.setdefault(KEY, {})[name] = (export, delete)


def _hooks():
    return current_app.extensions.get(KEY, {})


def export_account_data(user_id):
    return {name: export(user_id) for name, (export, _) in _hooks().items()}


def delete_account_data(user_id):
    for _, delete in _hooks().values():
        delete(user_id)
