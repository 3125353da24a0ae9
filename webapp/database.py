"""Engine settings per database."""

import os
import time
from contextlib import contextmanager, nullcontext

from sqlalchemy import event, exc

try:
    import fcntl
except ImportError:  # not on Windows: writers then rely on SQLite's busy timeout alone
    fcntl = None


# A connection back in the pool for longer than this is checked before it is used again.
PING_AFTER_IDLE = 0.5


def configure_engine(engine):
    if engine.dialect.name != "sqlite":
        ping_idle_connections(engine)
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


def ping_idle_connections(engine):
    """Check a pooled connection before use only when it has been idle a while.

    A database server can drop idle connections (a restart, a proxy's timeout), so a connection
    taken from the pool is checked first. SQLAlchemy's pre-ping checks on every checkout: one
    more round trip per request, the biggest wait in a push after COPY when the server is
    busy. A connection given back under half a second ago was working then; the check is
    skipped, as HikariCP does for the same reason (its aliveBypassWindowMs, 500 ms by default).
    If the server went away in that half second, the request fails once, SQLAlchemy sees the
    disconnect and replaces every pooled connection, and a sync simply retries.
    A SQLite file has no connection to lose: no check there."""

    @event.listens_for(engine, "checkin")
    def stamp(_dbapi_connection, record):
        record.info["returned_at"] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def ping_if_idle(dbapi_connection, record, _proxy):
        returned = record.info.get("returned_at")
        # A connection just made has nothing to check yet; one back recently was working then.
        if returned is None or time.monotonic() - returned < PING_AFTER_IDLE:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except engine.dialect.loaded_dbapi.Error as error:
            # As pre-ping does: every pooled connection is suspect, the pool makes new ones.
            raise exc.InvalidatePoolError() from error
