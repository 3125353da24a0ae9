"""Counting sign-in attempts, sign-ups and password-reset requests.

The counts live in the database by default (table rate_limit_counter): every gunicorn worker and
every host shares them with no extra server, and each count is one atomic upsert, so the limits
hold exactly. With RATELIMIT_STORAGE_URL=redis://... they live in Redis instead. Fixed windows:
simple, and enough to stop password guessing. MemoryCounter is for unit tests only.
"""

import hashlib
import random
import threading
import time

from sqlalchemy import case, delete, update


class MemoryCounter:
    """One process only: unit tests of the counting rules."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts = {}

    def incr(self, key, window):
        now = time.monotonic()
        with self._lock:
            count, started = self._counts.get(key, (0, now))
            if now - started >= window:
                count, started = 0, now
            self._counts[key] = (count + 1, started)
            # Forget finished windows now and then so the dict does not grow without bound.
            if len(self._counts) > 10000:
                self._counts = {k: v for k, v in self._counts.items() if now - v[1] < window}
            return count + 1

    def reset(self, key):
        with self._lock:
            self._counts.pop(key, None)

    def decr(self, key):
        with self._lock:
            if key in self._counts:
                count, started = self._counts[key]
                self._counts[key] = (max(0, count - 1), started)


class DatabaseCounter:
    """Counts in the app's database: INSERT ... ON CONFLICT DO UPDATE ... RETURNING, one statement
    in its own transaction, on SQLite (3.35+) and PostgreSQL alike."""

    LONGEST_WINDOW = 24 * 3600

    @staticmethod
    def _key(key):
        # Keys hold emails; keep them within the column and never store a long one as is.
        return key if len(key) <= 200 else "h:" + hashlib.sha256(key.encode()).hexdigest()

    def _engine(self):
        from webapp.extensions import db

        return db.engine

    def _insert(self, engine):
        from webapp.auth.models import RateLimitCounter

        if engine.dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert
        else:
            from sqlalchemy.dialects.sqlite import insert
        return insert(RateLimitCounter.__table__)

    def incr(self, key, window):
        from webapp.auth.models import RateLimitCounter

        table = RateLimitCounter.__table__
        now = time.time()
        expired = table.c.window_start <= now - window
        engine = self._engine()
        statement = self._insert(engine).values(key=self._key(key), window_start=now, count=1)
        statement = statement.on_conflict_do_update(
            index_elements=[table.c.key],
            set_={
                "count": case((expired, 1), else_=table.c.count + 1),
                "window_start": case((expired, now), else_=table.c.window_start),
            },
        ).returning(table.c.count)
        with engine.begin() as conn:
            count = conn.execute(statement).scalar_one()
            if random.random() < 0.01:  # now and then, forget long-finished windows
                conn.execute(delete(table).where(table.c.window_start < now - self.LONGEST_WINDOW))
        return count

    def reset(self, key):
        from webapp.auth.models import RateLimitCounter

        table = RateLimitCounter.__table__
        with self._engine().begin() as conn:
            conn.execute(delete(table).where(table.c.key == self._key(key)))

    def decr(self, key):
        from webapp.auth.models import RateLimitCounter

        table = RateLimitCounter.__table__
        with self._engine().begin() as conn:
            conn.execute(
                update(table).where(table.c.key == self._key(key), table.c.count > 0).values(count=table.c.count - 1)
            )


class RedisCounter:
    def __init__(self, url):
        import redis

        self._redis = redis.Redis.from_url(url)

    def incr(self, key, window):
        pipe = self._redis.pipeline()
        # Starts the window once (works on any Redis version), then counts.
        pipe.set(key, 0, ex=max(1, int(window)), nx=True)
        pipe.incr(key)
        return pipe.execute()[1]

    def reset(self, key):
        self._redis.delete(key)

    def decr(self, key):
        self._redis.decr(key)


class LoginLimiter:
    """At most `per_account` password guesses for one email and `per_address` for one IP per
    window; a good password clears the account's count and gives the address its attempt back.

    A device that has signed in to the account before (it holds the signed cookie set then; see
    webapp/auth/known_device.py) counts in its own bucket, so guesses from elsewhere can't lock
    the owner out of their own account."""

    def __init__(self, counter, per_account=5, per_address=20, window=900):
        self.counter = counter
        self.per_account = per_account
        self.per_address = per_address
        self.window = window

    def _keys(self, email, address, device=None):
        account = f"login:acct:{email}" + (f":dev:{device}" if device else "")
        return account, f"login:ip:{address}"

    def attempt(self, email, address, device=None):
        """Count a password guess; False when over either limit."""
        account, ip = self._keys(email, address, device)
        return (
            self.counter.incr(account, self.window) <= self.per_account
            and self.counter.incr(ip, self.window) <= self.per_address
        )

    def succeeded(self, email, address=None, device=None):
        """A good password: the account (or this device's bucket) starts afresh, and the attempt
        no longer counts against the address (a household or office shares one)."""
        account, ip = self._keys(email, address or "", device)
        self.counter.reset(account)
        if address is not None:
            self.counter.decr(ip)

    def allow(self, key, limit, window):
        return self.counter.incr(key, window) <= limit

    def allow_signup(self, address, per_hour=10):
        return self.allow(f"signup:ip:{address}", per_hour, 3600)


def init_limiter(app):
    url = app.config.get("RATELIMIT_STORAGE_URL")
    counter = RedisCounter(url) if url else DatabaseCounter()
    app.extensions["relieve.login_limiter"] = LoginLimiter(
        counter,
        per_account=app.config["LOGIN_LIMIT_PER_ACCOUNT"],
        per_address=app.config["LOGIN_LIMIT_PER_ADDRESS"],
        window=app.config["LOGIN_LIMIT_WINDOW"],
    )
