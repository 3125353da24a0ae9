"""Counting sign-in attempts per account and per address (and sign-ups per address).

In memory by default (one server process); with RATELIMIT_STORAGE_URL=redis://... the counts are
shared by every process. Fixed windows: simple, and good enough to stop password guessing.
"""

import threading
import time


class MemoryCounter:
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
    """At most `per_account` sign-in attempts for one email and `per_address` for one IP per window;
    a good password clears the account's count and gives the address its attempt back."""

    def __init__(self, counter, per_account=5, per_address=20, window=900):
        self.counter = counter
        self.per_account = per_account
        self.per_address = per_address
        self.window = window

    def _keys(self, email, address):
        return f"login:acct:{email}", f"login:ip:{address}"

    def attempt(self, email, address):
        """Count a sign-in attempt; False when over either limit. Success clears the account's count."""
        account, ip = self._keys(email, address)
        return (
            self.counter.incr(account, self.window) <= self.per_account
            and self.counter.incr(ip, self.window) <= self.per_address
        )

    def succeeded(self, email, address=None):
        """A good password: the account starts afresh, and the attempt no longer counts against
        the address (a household or office shares one)."""
        account, ip = self._keys(email, address or "")
        self.counter.reset(account)
        if address is not None:
            self.counter.decr(ip)

    def allow_signup(self, address, per_hour=10):
        return self.counter.incr(f"signup:ip:{address}", 3600) <= per_hour


def init_limiter(app):
    url = app.config.get("RATELIMIT_STORAGE_URL")
    counter = RedisCounter(url) if url else MemoryCounter()
    app.extensions["relieve.login_limiter"] = LoginLimiter(
        counter,
        per_account=app.config["LOGIN_LIMIT_PER_ACCOUNT"],
        per_address=app.config["LOGIN_LIMIT_PER_ADDRESS"],
        window=app.config["LOGIN_LIMIT_WINDOW"],
    )
