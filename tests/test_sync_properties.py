"""Sync converges: a property test with two or three devices of one account.

Hypothesis interleaves what devices do: edit or delete a record locally (ids from a small shared
pool, so edits collide; timestamps from a shared clock with per-device skew, so versions tie),
push the outbox (sometimes sending the same batch twice, as after a lost response), deliver an
old batch again late, and pull with small pages. Each device behaves like static/js/sync: its
outbox holds its latest local change per record; a pulled change replaces the local record
unless that record waits in the outbox (the server decides on push); a "superseded" answer
replaces the local record with the winner.

Checked against an oracle kept by the test: every push answer (applied / unchanged / superseded,
the winner, change numbers handed out one by one, the cursor), every pulled page (exactly the
records changed after the cursor, oldest first, each at its winning version), and at the end,
after everyone pushes and pulls: every device holds exactly the server's records, each id once,
and each record is the greatest of all pushed versions by (updated_at, device_id, content hash).
Replays never move the cursor.
"""

import hashlib
import json
from collections import namedtuple

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.conftest import ApiClient, create_user, empty_tables, sign_in
from tests.sync_helpers import now_ms
from webapp.extensions import db
from webapp.sync.schemas import EARLIEST

# Fixed, valid UUIDv7 ids: runs are reproducible. One type per id (a type never changes).
POOL = [
    (f"01978f3a-0000-7000-8000-00000000000{i}", kind)
    for i, kind in enumerate(["routine", "routine", "session", "flag", "routine"])
]
DEVICE_IDS = ["device-aaaa", "device-bbbb", "device-cccc"]
CLOCK = 1_750_000_000_000  # ms, mid-2025: after the server's earliest and before now
PAGE = 200  # the server's default page size

Version = namedtuple("Version", "data updated_at device_id")  # data None: deleted


def record_data(kind, variant):
    """Record contents in the server's normal form (no nulls, defaults spelled out), so that
    what is pushed is exactly what is stored and the test can hash it as the server does."""
    if kind == "routine":
        return {
            "name": f"Routine {variant}",
            "steps": [{"technique": "pelvic-tilt", "reps": 8 + variant, "sides": "none", "rest": 10}],
        }
    if kind == "session":
        return {
            "routineId": "morning-relief",
            "routineName": "Morning relief",
            "startedAt": "2026-11-20T08:00:00.000Z",
            "endedAt": "2026-11-20T08:10:00.000Z",
            "status": "finished",
            "completed": [{"technique": "pelvic-tilt", "set": 1}],
            "skipped": [],
            "skippedAtStart": [],
            "worse": [],
            "painBefore": 6,
            "painAfter": variant,
        }
    return {"technique": "pelvic-tilt", "at": "2026-11-20T08:05:00.000Z", "routineId": f"routine-{variant}"}


def content_hash(op, data):
    canonical = json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(f"{op}:{canonical}".encode()).hexdigest()


def rule_key(change, device_id):
    """The conflict rule's order: (updated_at, device id, content hash)."""
    return change["updated_at"], device_id, content_hash(change["op"], change.get("data"))


class Server:
    """What the server must hold: per record the winning change, its device and change number."""

    def __init__(self):
        self.current = {}  # id -> (change, device_id, seq)
        self.seq = 0
        self.pushed = []  # every change sent, with its device: the final state is their maximum

    def as_pulled(self, record_id):
        change, device_id, seq = self.current[record_id]
        return {
            "id": record_id,
            "type": change["type"],
            "op": change["op"],
            "data": change.get("data"),
            "updated_at": change["updated_at"],
            "device_id": device_id,
            "seq": seq,
        }

    def expect_push(self, device_id, changes, response, replay=False):
        """Check a push answer change by change, then record what it applied."""
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json()
        assert [r["id"] for r in body["results"]] == [c["id"] for c in changes]
        before = self.seq
        for change, result in zip(changes, body["results"], strict=True):
            self.pushed.append((change, device_id))
            stored = self.current.get(change["id"])
            incoming = rule_key(change, device_id)
            if stored is None or incoming > rule_key(stored[0], stored[1]):
                assert not replay, f"a replay applied {change}"
                self.seq += 1
                assert result == {"id": change["id"], "status": "applied", "seq": self.seq}
                self.current[change["id"]] = (change, device_id, self.seq)
            elif incoming == rule_key(stored[0], stored[1]):
                assert result == {"id": change["id"], "status": "unchanged", "seq": stored[2]}
            else:
                assert result == {"id": change["id"], "status": "superseded", "winner": self.as_pulled(change["id"])}
        assert body["cursor"] == str(self.seq)
        if replay:
            assert self.seq == before, "a replay moved the cursor"
        return body["results"]

    def expect_page(self, since, limit, response):
        assert response.status_code == 200, response.get_data(as_text=True)
        body = response.get_json()
        after = sorted((seq, record_id) for record_id, (_, _, seq) in self.current.items() if seq > since)
        expected = [self.as_pulled(record_id) for _, record_id in after[:limit]]
        assert body["changes"] == expected
        assert body["has_more"] == (len(after) > limit)
        assert body["cursor"] == str(expected[-1]["seq"] if expected else since)
        return body

    def winners(self):
        """Independently of the above: per id, the greatest pushed change by the rule."""
        best = {}
        for change, device_id in self.pushed:
            if change["id"] not in best or rule_key(change, device_id) > rule_key(*best[change["id"]]):
                best[change["id"]] = (change, device_id)
        return best


class Device:
    def __init__(self, api):
        self.api, self.id = api, api.device_id
        self.records = {}  # id -> Version
        self.outbox = {}  # id -> change not yet acknowledged by the server
        self.cursor = 0
        self.last_batch = None

    def edit(self, record_id, kind, op, variant, updated_at):
        change = {"id": record_id, "type": kind, "op": op, "updated_at": updated_at}
        if op == "put":
            change["data"] = record_data(kind, variant)
        self.outbox[record_id] = change
        self.records[record_id] = Version(change.get("data"), updated_at, self.id)

    def take(self, change):
        self.records[change["id"]] = Version(change["data"], change["updated_at"], change["device_id"])

    def push(self, server, replay_now=False):
        if not self.outbox:
            return
        changes = sorted(self.outbox.values(), key=lambda c: (c["updated_at"], c["id"]))
        if replay_now:
            # The first answer is lost on the way back; the device sends the same batch again.
            server.expect_push(self.id, changes, self.api.push(changes))
            results = server.expect_push(self.id, changes, self.api.push(changes), replay=True)
        else:
            results = server.expect_push(self.id, changes, self.api.push(changes))
        for result in results:
            if result["status"] == "superseded":
                self.take(result["winner"])
            del self.outbox[result["id"]]
        self.last_batch = changes

    def deliver_old_batch_again(self, server):
        """A duplicate of an earlier request arrives late: nothing may change on the server."""
        if self.last_batch is not None:
            server.expect_push(self.id, self.last_batch, self.api.push(self.last_batch), replay=True)

    def pull(self, server, limit, to_the_end):
        seen = []
        while True:
            body = server.expect_page(self.cursor, limit, self.api.pull(str(self.cursor), limit))
            for change in body["changes"]:
                seen.append(change["id"])
                if change["id"] not in self.outbox:
                    self.take(change)
            self.cursor = int(body["cursor"])
            if not body["has_more"] or not to_the_end:
                break
        if to_the_end:
            assert len(seen) == len(set(seen)), f"a record came twice in one pull: {seen}"


devices = st.integers(0, len(DEVICE_IDS) - 1)
operations = st.lists(
    st.one_of(
        # edit: device, record, put or delete, contents, clock tick (0: same ms as the last edit)
        st.tuples(
            st.just("edit"),
            devices,
            st.integers(0, len(POOL) - 1),
            st.sampled_from(["put", "put", "delete"]),
            st.integers(0, 2),
            st.integers(0, 2),
        ),
        st.tuples(st.just("push"), devices, st.booleans()),
        st.tuples(st.just("late"), devices),
        st.tuples(st.just("pull"), devices, st.sampled_from([1, 2, 3, PAGE]), st.booleans()),
    ),
    min_size=15,
    max_size=60,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(count=st.integers(2, 3), skews=st.lists(st.integers(-2, 2), min_size=3, max_size=3), ops=operations)
# Every run: two devices editing the same record in the same ms; a put and a delete tying; a
# device behind in time losing its later edit; replays; pages of one.
@example(
    count=2,
    skews=[0, 0, 0],
    ops=[
        ("edit", 0, 0, "put", 1, 1),
        ("edit", 1, 0, "put", 2, 0),
        ("push", 1, True),
        ("push", 0, False),
        ("pull", 0, 1, True),
        ("pull", 1, 1, False),
        ("late", 1),
    ],
)
@example(
    count=3,
    skews=[0, 0, 0],
    ops=[
        ("edit", 0, 3, "put", 0, 1),
        ("edit", 2, 3, "delete", 0, 0),
        ("push", 0, False),
        ("push", 2, True),
        ("edit", 1, 3, "put", 0, 0),
        ("push", 1, False),
        ("late", 0),
        ("pull", 2, 2, True),
    ],
)
@example(
    count=2,
    skews=[-2, 2, 0],
    ops=[
        ("edit", 1, 2, "put", 1, 1),
        ("push", 1, False),
        ("pull", 0, 3, True),
        ("edit", 0, 2, "put", 2, 2),
        ("push", 0, True),
        ("edit", 0, 1, "delete", 0, 0),
        ("pull", 0, 1, False),
        ("push", 0, False),
    ],
)
def test_devices_converge_on_the_rules_winners(app, count, skews, ops):
    with app.app_context():
        empty_tables()
        db.session.remove()
    create_user(app)
    fleet = []
    for device_id in DEVICE_IDS[:count]:
        client = app.test_client()
        assert sign_in(client).status_code == 302
        fleet.append(Device(ApiClient(client, device_id)))
    server, now = Server(), 0

    for op in ops:
        device = fleet[op[1] % count]
        if op[0] == "edit":
            _, index, record, kind, variant, tick = op
            now += tick
            record_id, record_type = POOL[record]
            device.edit(record_id, record_type, kind, variant, CLOCK + now + skews[index % count])
        elif op[0] == "push":
            device.push(server, replay_now=op[2])
        elif op[0] == "late":
            device.deliver_old_batch_again(server)
        else:
            device.pull(server, limit=op[2], to_the_end=op[3])

    for device in fleet:
        device.push(server)
        assert not device.outbox
    for device in fleet:
        device.pull(server, limit=2, to_the_end=True)

    everything = fleet[0].api.pull("0", 500).get_json()
    assert not everything["has_more"]
    ids = [change["id"] for change in everything["changes"]]
    assert len(ids) == len(set(ids)), "the server holds a record twice"
    on_server = {c["id"]: Version(c["data"], c["updated_at"], c["device_id"]) for c in everything["changes"]}

    # Nothing lost, nothing resurrected: the server keeps the greatest pushed version of each record.
    winners = server.winners()
    assert set(on_server) == set(winners)
    for record_id, (change, device_id) in winners.items():
        assert on_server[record_id] == Version(change.get("data"), change["updated_at"], device_id)

    # Every device holds exactly that: the same versions, tombstones included, and so the same
    # live records (deleted ones absent).
    live = {record_id: change["data"] for record_id, (change, _) in winners.items() if change["op"] == "put"}
    for device in fleet:
        assert device.records == on_server, f"{device.id} differs from the server"
        assert {record_id: v.data for record_id, v in device.records.items() if v.data is not None} == live
        assert device.cursor == server.seq


# --- Skewed device clocks (issue 14) ------------------------------------------------------------
#
# Devices whose clocks are hours off, behind the server's earliest time, or fixed mid-run, each
# behaving like static/js/sync (clock.js, core.js): every API answer carries the server's clock
# (X-Server-Time); the device keeps the offset and stamps edits with its clock plus that offset
# (its bare clock before the first answer); before a push it asks for the session (learning the
# offset), and a waiting change stamped later than server-corrected now, or before the earliest
# time, is stamped now; a change refused for its time is stamped now and sent again. The server's
# clock is simulated, so runs are deterministic.

HOUR = 3600 * 1000
SKEWS = [0, 12 * HOUR, -12 * HOUR, 30 * HOUR, -(3 * 365 * 24 * HOUR)]  # 30 h: past the server's limit


class SkewedDevice(Device):
    def __init__(self, api, skew, sim):
        super().__init__(api)
        self.skew, self.sim = skew, sim
        self.offset = None  # server clock minus device clock, once the server has answered
        self.fresh = False  # the offset was learnt with the clock as it is now
        self.set_aside = []

    def clock(self):
        return self.sim["now"] + self.skew

    def learn(self, response):
        self.offset = int(response.headers["X-Server-Time"]) - self.clock()
        self.fresh = True

    def stamp(self):
        return self.clock() + (self.offset or 0)

    def fix_clock(self):
        self.skew = 0
        self.fresh = self.offset == 0

    def push(self, server, replay_now=False):
        self.learn(self.api.client.get("/api/v1/session"))
        now = self.stamp()
        for record_id, change in self.outbox.items():
            if change["updated_at"] > now or change["updated_at"] < EARLIEST:
                self.outbox[record_id] = {**change, "updated_at": now}
                self.records[record_id] = self.records[record_id]._replace(updated_at=now)
        retried = set()
        while self.outbox:
            changes = sorted(self.outbox.values(), key=lambda c: (c["updated_at"], c["id"]))
            response = self.api.push(changes)
            self.learn(response)
            if response.status_code == 422:
                error = response.get_json()["error"]
                if error.get("field") == "updated_at" and error["record"] not in retried:
                    retried.add(error["record"])
                    record_id = error["record"]
                    self.outbox[record_id] = {**self.outbox[record_id], "updated_at": self.stamp()}
                    self.records[record_id] = self.records[record_id]._replace(updated_at=self.stamp())
                    continue
                self.set_aside.append(error)
                del self.outbox[error["record"]]
                continue
            results = server.expect_push(self.id, changes, response)
            for change in changes:
                assert change["updated_at"] <= self.sim["now"], "a change stamped ahead of the server's clock"
            for result in results:
                if result["status"] == "superseded":
                    self.take(result["winner"])
                del self.outbox[result["id"]]
            return

    def pull(self, server, limit, to_the_end):
        super().pull(server, limit, to_the_end)


skewed_operations = st.lists(
    st.one_of(
        st.tuples(st.just("edit"), devices, st.integers(0, len(POOL) - 1), st.sampled_from(["put", "delete"])),
        st.tuples(st.just("push"), devices),
        st.tuples(st.just("pull"), devices),
        st.tuples(st.just("wait"), st.sampled_from([1, 1000, HOUR, 13 * HOUR])),
        st.tuples(st.just("fix"), devices),
    ),
    min_size=10,
    max_size=40,
)


def run_skewed(app, monkeypatch, skews, ops):
    with app.app_context():
        empty_tables()
        db.session.remove()
    create_user(app)
    sim = {"now": EARLIEST + 2 * 365 * 24 * HOUR}  # early 2026
    monkeypatch.setattr("webapp.sync.schemas.now_ms", lambda: sim["now"])
    monkeypatch.setattr("webapp.api.views.now_ms", lambda: sim["now"])
    server = Server()
    fleet = []
    for device_id, skew in zip(DEVICE_IDS, skews, strict=False):
        client = app.test_client()
        assert sign_in(client).status_code == 302
        fleet.append(SkewedDevice(ApiClient(client, device_id), skew, sim))
    edits = []  # (real time, record id, device, fresh offset, data) in the order they happen
    for op in ops:
        if op[0] == "wait":
            sim["now"] += op[1]
            continue
        device = fleet[op[1] % len(fleet)]
        if op[0] == "edit":
            _, _, record, kind = op
            sim["now"] += 1  # one edit per ms: "later" is never a tie
            record_id, record_type = POOL[record]
            device.edit(record_id, record_type, kind, len(edits) % 3, device.stamp())
            edits.append((sim["now"], record_id, device, device.fresh, device.outbox[record_id]))
        elif op[0] == "push":
            device.push(server)
        elif op[0] == "fix":
            device.fix_clock()
        else:
            device.pull(server, limit=PAGE, to_the_end=True)
    for device in fleet:
        device.push(server)
    for device in fleet:
        device.pull(server, limit=PAGE, to_the_end=True)
    return fleet, server, edits


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(skews=st.lists(st.sampled_from(SKEWS), min_size=2, max_size=3), ops=skewed_operations)
def test_skewed_clocks_converge_and_nothing_is_set_aside(app, monkeypatch, skews, ops):
    fleet, _, edits = run_skewed(app, monkeypatch, skews, ops)
    for device in fleet:
        assert not device.set_aside, f"{device.id} had changes refused: {device.set_aside}"
        assert not device.outbox
    everything = fleet[0].api.pull("0", 500).get_json()
    on_server = {c["id"]: Version(c["data"], c["updated_at"], c["device_id"]) for c in everything["changes"]}
    assert set(on_server) == {record_id for _, record_id, *_ in edits}, "every edited record reached the account"
    for device in fleet:
        assert device.records == on_server, f"{device.id} differs from the server"
    # The last edit of a record wins when its device knew the server's time and every earlier
    # edit was stamped with a known offset too: however fast or slow the other clocks.
    last = {}
    for edit in edits:
        last.setdefault(edit[1], []).append(edit)
    for record_id, history in last.items():
        if all(fresh for _, _, _, fresh, _ in history):
            final = history[-1][4]
            assert on_server[record_id].data == final.get("data"), f"an earlier edit beat the last one of {record_id}"


def test_a_device_12_hours_fast_does_not_override_a_later_edit(app, monkeypatch):
    record = POOL[0][0]
    ops = [
        ("push", 0),  # both devices have heard the server once
        ("push", 1),
        ("edit", 0, 0, "put"),  # the phone 12 hours fast edits first
        ("wait", HOUR),
        ("edit", 1, 0, "put"),  # an hour later, the right clock edits the same routine
        ("push", 1),
        ("push", 0),
    ]
    fleet, _, edits = run_skewed(app, monkeypatch, [12 * HOUR, 0], ops)
    assert fleet[0].records[record].device_id == fleet[1].id, "the later edit won on the fast phone"
    assert fleet[1].records[record].data == edits[-1][4]["data"]
    # Before any answer from the server the fast phone's stamp is 12 hours ahead; it is brought
    # back to the server's time before it is sent, so it can't win later edits either.
    fleet, _, edits = run_skewed(
        app,
        monkeypatch,
        [12 * HOUR, 0],
        [("edit", 0, 0, "put"), ("push", 0), ("wait", HOUR), ("edit", 1, 0, "put"), ("push", 1), ("pull", 0)],
    )
    assert fleet[0].records[record].device_id == fleet[1].id


def test_a_change_refused_for_its_time_syncs_once_restamped(app, monkeypatch, device):
    """What an older app set aside: 30 hours ahead is refused, naming the field; stamped with
    the server's time it is accepted."""
    record_id = POOL[0][0]
    change = {"id": record_id, "type": "routine", "op": "put", "data": record_data("routine", 1)}
    response = device.push([{**change, "updated_at": now_ms() + 30 * HOUR}])
    assert response.status_code == 422
    assert response.get_json()["error"]["field"] == "updated_at"
    server_now = int(response.headers["X-Server-Time"])
    assert device.push([{**change, "updated_at": server_now}]).status_code == 200
    assert [c["id"] for c in device.pull().get_json()["changes"]] == [record_id]
