"""The sign-in limiter's counting."""

import time

from webapp.auth.ratelimit import LoginLimiter, MemoryCounter


def test_blocks_after_the_limit_and_forgives_after_the_window():
    limiter = LoginLimiter(MemoryCounter(), per_account=2, per_address=10, window=0.2)
    assert limiter.attempt("a@example.com", "1.2.3.4")
    assert limiter.attempt("a@example.com", "1.2.3.4")
    assert not limiter.attempt("a@example.com", "9.9.9.9"), "per account, from any address"
    assert limiter.attempt("b@example.com", "1.2.3.4")
    time.sleep(0.25)
    assert limiter.attempt("a@example.com", "1.2.3.4")


def test_success_clears_the_account_count():
    limiter = LoginLimiter(MemoryCounter(), per_account=2, per_address=10, window=60)
    limiter.attempt("a@example.com", "1.2.3.4")
    limiter.attempt("a@example.com", "1.2.3.4")
    limiter.succeeded("a@example.com", "1.2.3.4")
    assert limiter.attempt("a@example.com", "5.5.5.5")


def test_memory_counter_stays_bounded():
    counter = MemoryCounter()
    for n in range(10005):
        counter.incr(f"k{n}", 0.0001)
    time.sleep(0.001)
    counter.incr("last", 0.0001)
    assert len(counter._counts) < 10005


def test_good_sign_ins_do_not_use_up_the_address_limit():
    limiter = LoginLimiter(MemoryCounter(), per_account=5, per_address=3, window=60)
    for n in range(10):
        assert limiter.attempt(f"user{n}@example.com", "10.0.0.1")
        limiter.succeeded(f"user{n}@example.com", "10.0.0.1")
    for n in range(3):
        assert limiter.attempt(f"guess{n}@example.com", "10.0.0.1")
    assert not limiter.attempt("guess9@example.com", "10.0.0.1")
