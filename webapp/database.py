"""Engine settings per database."""

import os
from contextlib import contextmanager, nullcontext

from sqlalchemy import event

try:
    import fcntl
except ImportError:  # not on Windows: writers then rely on SQLite's busy timeout alone
    fcntl = None


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


def write_turn(engine):
    """Wait for this process's turn to write, for the length of one write transaction.

    SQLite lets one writer in at a time, and a writer that finds the file locked sleeps and
    tries again (1, 2, 5, 10 ms and longer): under load, other gunicorn workers' pushes slept
    while the lock sat free, a quarter of each worker's time. Queued on a file lock instead,
    the next writer is woken the moment the last one commits. PostgreSQL locks rows and wakes
    waiters itself: nothing to do there."""
    path = engine.url.database
    if engine.dialect.name != "sqlite" or fcntl is None or not path or path == ":memory:":
        return nullcontext()
    return _file_lock(f"{path}-writer.lock")


@contextmanager
def _file_lock(path):
    # Opened for each turn: a lock belongs to one open file, so threads of one process queue too.
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)  # closing the file lets the next writer in
