"""Engine settings per database."""

from sqlalchemy import event


def configure_engine(engine):
    if engine.dialect.name != "sqlite":
        return

    @event.listens_for(engine, "connect")
    def sqlite_pragmas(connection, _record):
        cursor = connection.cursor()
        # Readers don't block the writer (several gunicorn workers); writers wait for each
        # other instead of failing at once; foreign keys enforced as on PostgreSQL.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=15000")
        cursor.execute("PRAGMA foreign_keys=ON")
        # Deleted rows (a deleted account's notes) are overwritten with zeros, not left
        # readable in free pages of the file.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()
