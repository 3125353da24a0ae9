"""Connections to a database server: checked before use only after they sat idle, and a dropped
one is replaced without the request failing (webapp/database.py)."""

import pytest
import sqlalchemy as sa

from webapp import database
from webapp.extensions import db


@pytest.fixture
def engine(app):
    with app.app_context():
        yield db.engine


@pytest.fixture
def pings(engine, monkeypatch):
    count = []
    real = engine.dialect.do_ping

    def counted(dbapi_connection):
        count.append(1)
        return real(dbapi_connection)

    monkeypatch.setattr(engine.dialect, "do_ping", counted)
    return count


def backend_pid(connection):
    return connection.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()


def test_a_connection_used_just_now_is_not_checked_again(engine, pings):
    for _ in range(3):
        with engine.connect() as connection:
            connection.execute(sa.text("SELECT 1"))
    assert pings == []  # SQLite has no connection to lose; a server's was working a moment ago


def test_a_connection_idle_for_a_while_is_checked_first(engine, pings, monkeypatch):
    with engine.connect() as connection:
        connection.execute(sa.text("SELECT 1"))
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 0.0)
    with engine.connect() as connection:
        connection.execute(sa.text("SELECT 1"))
    # A SQLite file has no connection to lose: never checked, however long it sat.
    assert pings == ([] if engine.dialect.name == "sqlite" else [1])


def test_a_connection_the_server_dropped_while_idle_is_replaced(engine, monkeypatch):
    if engine.dialect.name == "sqlite":
        pytest.skip("SQLite: a file, no connection to drop")
    engine.dispose()
    with engine.connect() as connection:
        dropped = backend_pid(connection)
    # The server ends that connection while it sits in the pool (a restart, a proxy's timeout).
    admin = sa.create_engine(engine.url, poolclass=sa.NullPool)
    with admin.connect() as connection:
        connection.execute(sa.text("SELECT pg_terminate_backend(:pid)"), {"pid": dropped})
    monkeypatch.setattr(database, "PING_AFTER_IDLE", 0.0)
    with engine.connect() as connection:
        assert backend_pid(connection) != dropped
