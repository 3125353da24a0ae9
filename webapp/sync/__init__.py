"""Offline-first sync of a person's records between their devices, through their account.

An engine that knows no record type: the change envelope, change numbers, the cursor and the
conflict rule. Features register their record types (registry.py); the API (webapp/api) serves it.
"""


def init_app(app):
    """Make an account's synced records part of its data export and of its deletion."""
    from webapp.auth.account_data import register_account_data
    from webapp.sync.service import account_records, delete_account_records

    register_account_data(app, "records", export=account_records, delete=delete_account_records)
