"""Corrections under stress, on the real server: two sessions correcting at once, and a server that
dies in the middle of a replay (of an import, and of a load's), then comes back and the next run
finishes the job."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import neo4j
import pytest

from pmkg.errors import StoreUnavailable
from pmkg.graph import connection, corrections, curation, server
from pmkg.graph.store import load_record, load_records, read_rows
from pmkg.model.correction import Correction, make
from tests.conftest import temporary_home
from tests.graph_samples import board_minutes

NAME = "MATCH (p:Person {id: $id}) RETURN p.name AS name"
STORED = "MATCH (c:Correction) RETURN c.id AS id, c.status AS status ORDER BY id"
BETTINA = "person:bettina-lundgren"


def rename(node: str, name: str, was: str, author: str = "tester", at: str | None = None) -> Correction:
    return make("rename", [node], {"label": "Person", "name": name, "was": was}, author, "", at)


def agrees_with_replay(drv: neo4j.Driver) -> bool:
    """Whether replaying every stored correction, in order, leaves the graph as it is."""
    before = read_rows(drv)
    connection.write_tx(drv, corrections.replay)
    return read_rows(drv) == before


def chairs(count: int) -> list[str]:
    return [f"Chair Number{chr(ord('A') + i)}" for i in range(count)]


def test_two_sessions_correcting_at_once_lose_neither(
    neo4j_driver: neo4j.Driver, neo4j_settings: connection.Settings
) -> None:
    names = chairs(8)
    load_records(neo4j_driver, [board_minutes(f"{i}.txt", chair=n) for i, n in enumerate(names)], batch=8)
    ids = ["person:" + n.lower().replace(" ", "-") for n in names]
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def session(who: str, mine: list[str]) -> None:
        """One editor's session: its own driver, renaming its people and the shared one, as fast as it can."""
        try:
            with connection.driver(neo4j_settings) as drv:
                start.wait()
                for node in mine:
                    corrections.record(drv, rename(node, f"{node} by {who}", "", who))
                corrections.record(drv, rename(BETTINA, f"Bettina by {who}", "Bettina Lundgren", who))
        except BaseException as exc:  # reported by the test, not lost in the thread
            failures.append(exc)

    threads = [
        threading.Thread(target=session, args=("ann", ids[:4])),
        threading.Thread(target=session, args=("bo", ids[4:])),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    stored = connection.read(neo4j_driver, STORED)
    assert len(stored) == 10 and {row["status"] for row in stored} == {"applied"}
    for node in ids:
        who = "ann" if node in ids[:4] else "bo"
        assert connection.read(neo4j_driver, NAME, {"id": node}) == [{"name": f"{node} by {who}"}]
    # the shared node shows the later of the two renames, as every later replay will
    later = max(corrections.listing(neo4j_driver), key=lambda s: s.correction.at).correction
    assert connection.read(neo4j_driver, NAME, {"id": BETTINA}) == [{"name": later.payload["name"]}]
    assert agrees_with_replay(neo4j_driver)


def test_a_decision_committed_after_a_later_one_gives_the_graph_a_replay_gives(
    neo4j_driver: neo4j.Driver,
) -> None:
    """A slow session's correction, made before another's but stored after it: the graph shows what
    replaying them in order shows (the later decision), not whichever committed last."""
    load_record(neo4j_driver, board_minutes("a.txt"))
    earlier = rename(BETTINA, "Bettina L.", "Bettina Lundgren", "ann")
    later = rename(BETTINA, "B. Lundgren", "Bettina Lundgren", "bo")
    assert earlier.at < later.at

    corrections.record(neo4j_driver, later)
    corrections.record(neo4j_driver, earlier)

    assert connection.read(neo4j_driver, NAME, {"id": BETTINA}) == [{"name": "B. Lundgren"}]
    assert agrees_with_replay(neo4j_driver)


@pytest.fixture
def own_server() -> Iterator[server.ManagedServer]:
    with server.disposable(temporary_home("pmkg-replay-crash-")) as managed:
        yield managed


def crash_at(own: server.ManagedServer, monkeypatch: pytest.MonkeyPatch, call: int) -> list[int]:
    """Stop the server (SIGKILL: a crash) while the ``call``-th correction is applied in a replay."""
    apply = curation.apply
    seen: list[int] = []

    def apply_then_crash(tx: neo4j.ManagedTransaction, c: Correction) -> curation.Outcome:
        outcome = apply(tx, c)
        seen.append(1)
        if len(seen) == call:
            server.stop(own, timeout=0)
        return outcome

    monkeypatch.setattr(curation, "apply", apply_then_crash)
    return seen


def restart(own: server.ManagedServer) -> neo4j.Driver:
    return connection.driver(server.start(own.home, bolt_port=own.bolt_port, lib=own.lib).settings())


def test_a_server_dying_mid_replay_leaves_the_graph_as_it_was_and_the_next_run_finishes(
    own_server: server.ManagedServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    chain = [
        rename(BETTINA, f"Bettina {n}", "Bettina Lundgren" if n == 0 else f"Bettina {n - 1}")
        for n in range(40)
    ]
    with connection.driver(own_server.settings()) as drv:
        load_record(drv, board_minutes("a.txt"))
        before = read_rows(drv)
    crash_at(own_server, monkeypatch, 20)  # an import replays all 40: the server dies at the 20th
    with connection.driver(own_server.settings()) as drv, pytest.raises(StoreUnavailable):
        corrections.import_lines(drv, chain)
    monkeypatch.undo()

    with restart(own_server) as drv:
        assert connection.read(drv, STORED) == []  # not one of the 40 stored
        assert read_rows(drv) == before  # nor half of them applied
        new, replay = corrections.import_lines(drv, chain)  # the next run does all of it
        assert new == 40 and len(replay.outcomes) == 40
        assert connection.read(drv, NAME, {"id": BETTINA}) == [{"name": "Bettina 39"}]
        corrected = read_rows(drv)

    # a new version of the minutes: its load replays the 40 in its transaction; the server dies at the 30th
    seen = crash_at(own_server, monkeypatch, 30)
    version2 = board_minutes("a.txt", extra="Nyt punkt.")
    with connection.driver(own_server.settings()) as drv, pytest.raises(StoreUnavailable):
        load_record(drv, version2)
    assert len(seen) == 30
    monkeypatch.undo()

    with restart(own_server) as drv:
        assert read_rows(drv) == corrected  # the old version, corrected; nothing of the new one
        assert load_record(drv, version2).status == "replaced"
        assert connection.read(drv, NAME, {"id": BETTINA}) == [{"name": "Bettina 39"}]
        assert {row["status"] for row in connection.read(drv, STORED)} == {"applied"}
        assert agrees_with_replay(drv)
