"""The managed Neo4j server: loopback only, authentication on, private password, restarts.

Most tests use their own server (module fixture ``own``) so stopping it never disturbs the
session server other test modules share.
"""

from __future__ import annotations

import ipaddress
import os
import re
import shutil
import stat
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

from pmkg import cli
from pmkg.cli.commands.neo4j import NOT_RUNNING
from pmkg.errors import PmkgError, StoreUnavailable
from pmkg.graph import connection, server
from tests.conftest import temporary_home

# ---- pure parts -------------------------------------------------------------------------------------


@pytest.mark.parametrize("action", ["install", "start", "stop", "status"])
def test_neo4j_home_is_accepted_before_and_after_the_action(action: str) -> None:
    parser = cli.build_parser()
    assert parser.parse_args(["neo4j", action, "--home", "/tmp/x"]).home == Path("/tmp/x")
    assert parser.parse_args(["neo4j", "--home", "/tmp/x", action]).home == Path("/tmp/x")
    assert parser.parse_args(["neo4j", "--home", "/tmp/x", action, "--home", "/tmp/y"]).home == Path("/tmp/y")
    assert parser.parse_args(["neo4j", action]).home is None


def test_neo4j_start_takes_home_with_its_own_options() -> None:
    args = cli.build_parser().parse_args(["neo4j", "start", "--bolt-port", "7999", "--home", "h"])
    assert (args.home, args.bolt_port, args.func.__name__) == (Path("h"), 7999, "_start")


def test_java_major_reads_modern_and_legacy_version_strings() -> None:
    assert server.java_major('openjdk version "17.0.15" 2025-04-15') == 17
    assert server.java_major('openjdk version "21" 2023-09-19') == 21
    assert server.java_major('java version "1.8.0_392"') == 8
    assert server.java_major("no java here") is None


def test_conf_listens_on_loopback_with_auth_and_round_trips_the_port(tmp_path: Path) -> None:
    managed = server.ManagedServer(home=tmp_path, bolt_port=17999)
    conf = server.render_conf(managed)
    assert "server.bolt.listen_address=127.0.0.1:17999\n" in conf
    assert "dbms.security.auth_enabled=true\n" in conf
    assert "server.http.enabled=false\n" in conf
    assert "dbms.usage_report.enabled=false\n" in conf
    assert server.bolt_port_in(conf) == 17999


def test_pinned_version_is_a_5_26_patch() -> None:
    assert re.fullmatch(r"5\.26\.\d+", server.pinned_version(server.POM.read_text(encoding="utf-8")))


def test_settings_come_from_the_environment_when_neo4j_uri_is_set(tmp_path: Path) -> None:
    env = {"NEO4J_URI": "neo4j+s://abc.databases.neo4j.io", "NEO4J_PASSWORD": "pw", "NEO4J_DATABASE": "g"}
    s = connection.settings(env, home=tmp_path)
    assert (s.uri, s.username, s.password, s.database, s.source) == (
        "neo4j+s://abc.databases.neo4j.io",
        "neo4j",
        "pw",
        "g",
        "environment",
    )
    assert "pw" not in repr(s)


def test_settings_without_a_started_server_say_what_to_do(tmp_path: Path) -> None:
    with pytest.raises(StoreUnavailable, match="pmkg neo4j start"):
        connection.settings({}, home=tmp_path)


def test_missing_java_is_one_line_saying_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))  # an empty folder: no java, no mvn
    monkeypatch.delenv("JAVA_HOME", raising=False)
    with pytest.raises(PmkgError, match=r"Java is not installed.*openjdk-17"):
        server.find_java()
    assert cli.main(["neo4j", "--home", str(tmp_path / "home"), "start"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Java is not installed" in err


def test_missing_maven_is_one_line_saying_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(PmkgError, match=r"Maven is not installed.*apt-get install maven"):
        server.install(lib=tmp_path / "lib")


# ---- a real server of its own -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def own() -> Iterator[server.ManagedServer]:
    home = temporary_home("pmkg-test-server-")
    try:
        yield server.start(home, bolt_port=server.free_port(), lib=server.managed().lib_dir)
    finally:
        server.stop(home)
        shutil.rmtree(home, ignore_errors=True)


def listening_addresses(port: int) -> set[ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """Local addresses of the sockets listening on ``port``, from /proc/net/tcp and tcp6."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            local, state = line.split()[1], line.split()[3]
            address, port_hex = local.split(":")
            if state != "0A" or int(port_hex, 16) != port:  # 0A: LISTEN
                continue
            raw = bytes.fromhex(address)
            # the kernel prints each 32-bit word in host (little-endian) order
            raw = b"".join(raw[i : i + 4][::-1] for i in range(0, len(raw), 4))
            found.add(ipaddress.ip_address(raw))
    return found


def is_loopback(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    mapped = getattr(address, "ipv4_mapped", None)
    return (mapped or address).is_loopback


def test_server_listens_on_loopback_only(own: server.ManagedServer) -> None:
    addresses = listening_addresses(own.bolt_port)
    assert addresses, "nothing listens on the Bolt port"
    assert all(is_loopback(a) for a in addresses), addresses
    assert not listening_addresses(7474) or server.port_is_free(7474)  # no HTTP of ours


def test_wrong_and_default_passwords_are_refused(own: server.ManagedServer) -> None:
    for password in ("wrong-password", server.DEFAULT_PASSWORD):
        bad = connection.Settings(uri=own.uri, username="neo4j", password=password)
        with pytest.raises(StoreUnavailable, match="refused the login"):
            connection.driver(bad)


def test_password_file_is_private(own: server.ManagedServer) -> None:
    assert stat.S_IMODE(own.password_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(own.root.stat().st_mode) == 0o700
    assert len(own.read_password() or "") >= 24


def test_status_output_and_no_password_in_output_or_logs(
    own: server.ManagedServer, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["neo4j", "--home", str(own.home), "start"]) == 0  # already running: a no-op
    assert cli.main(["neo4j", "--home", str(own.home), "status"]) == 0
    out = capsys.readouterr().out
    version = server.pinned_version(server.POM.read_text(encoding="utf-8"))
    assert f"uri:      bolt://127.0.0.1:{own.bolt_port}" in out
    assert f"version:  {version}" in out
    assert "database: neo4j" in out
    assert f"data:     {own.data_dir}" in out
    password = own.read_password()
    assert password and password not in out
    logs = [p for p in own.logs_dir.rglob("*") if p.is_file()]
    assert logs
    assert all(password not in p.read_text(errors="replace") for p in logs)


def test_status_reports_the_server_named_by_neo4j_uri(
    own: server.ManagedServer, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEO4J_URI", own.uri)
    monkeypatch.setenv("NEO4J_PASSWORD", own.read_password() or "")
    assert cli.main(["neo4j", "status"]) == 0
    out = capsys.readouterr().out
    assert "server:   from NEO4J_URI" in out and f"uri:      {own.uri}" in out and "Neo4j/5.26." in out
    monkeypatch.setenv("NEO4J_PASSWORD", "not-the-password")
    assert cli.main(["neo4j", "status"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "check NEO4J_USERNAME and NEO4J_PASSWORD" in err


def test_a_stale_pid_file_means_not_running(tmp_path: Path) -> None:
    stale = server.ManagedServer(home=tmp_path)
    stale.run_dir.mkdir(parents=True)
    stale.pid_file.write_text(f"{os.getpid()}\n")  # alive, but not a Neo4j
    assert server.running_pid(stale) is None
    assert not stale.pid_file.exists()
    assert server.stop(tmp_path) is False


def test_routing_uri_reads_and_writes(own: server.ManagedServer) -> None:
    routed = connection.Settings(
        uri=f"neo4j://127.0.0.1:{own.bolt_port}", username="neo4j", password=own.read_password() or ""
    )
    with connection.driver(routed) as drv:
        counters = connection.write(drv, "CREATE (:RoutingProbe {n: $n})", {"n": 7})
        assert counters.nodes_created == 1
        assert connection.read(drv, "MATCH (p:RoutingProbe) RETURN p.n AS n") == [{"n": 7}]


def test_read_transactions_refuse_writes(own: server.ManagedServer) -> None:
    with connection.driver(own.settings()) as drv, pytest.raises(neo4j.exceptions.ClientError):
        connection.read(drv, "CREATE (:Sneaky)")


def test_port_taken_is_a_one_line_error(own: server.ManagedServer) -> None:
    home = temporary_home("pmkg-test-port-")
    try:
        with pytest.raises(PmkgError, match=rf"port {own.bolt_port} on 127.0.0.1 is in use"):
            server.start(home, bolt_port=own.bolt_port, lib=own.lib_dir)
    finally:
        shutil.rmtree(home, ignore_errors=True)


def test_stop_and_start_keep_the_data(own: server.ManagedServer, capsys: pytest.CaptureFixture[str]) -> None:
    with connection.driver(own.settings()) as drv:
        connection.write(drv, "MERGE (:Kept {id: $id})", {"id": "kept-1"})
    pid = server.running_pid(own)
    assert server.stop(own.home) is True
    assert server.running_pid(own) is None and not own.pid_file.exists()
    assert server.stop(own.home) is False
    assert cli.main(["neo4j", "--home", str(own.home), "status"]) == NOT_RUNNING
    assert "stopped" in capsys.readouterr().out
    restarted = server.start(own.home, lib=own.lib_dir)
    assert restarted.bolt_port == own.bolt_port and server.running_pid(own) not in (None, pid)
    with connection.driver(own.settings()) as drv:
        assert connection.read(drv, "MATCH (k:Kept) RETURN k.id AS id") == [{"id": "kept-1"}]


def test_stop_during_a_write_is_a_one_line_error_and_the_server_recovers(own: server.ManagedServer) -> None:
    """Issue 7: the server stops in the middle of a write transaction; nothing of it is stored (and the
    write is retried for ``WRITE_RETRY_TIME_S`` only)."""
    drv = connection.driver(own.settings())
    try:

        def work(tx: neo4j.ManagedTransaction) -> None:
            tx.run("CREATE (:HalfWritten {n: 1})").consume()
            server.stop(own.home)  # a no-op on the driver's retries
            tx.run("CREATE (:HalfWritten {n: 2})").consume()

        with pytest.raises(StoreUnavailable) as caught:
            connection.write_tx(drv, work)
        message = str(caught.value)
        assert "\n" not in message
        assert message == f"Neo4j is not reachable at {own.uri}: start it with `pmkg neo4j start`"

        server.start(own.home, lib=own.lib_dir)
        assert connection.read(drv, "MATCH (h:HalfWritten) RETURN count(h) AS n") == [{"n": 0}]
        connection.write(drv, "CREATE (:AfterRestart)")
        assert connection.read(drv, "MATCH (a:AfterRestart) RETURN count(a) AS n") == [{"n": 1}]
    finally:
        drv.close()


def test_session_fixture_gives_an_empty_database(neo4j_driver: neo4j.Driver) -> None:
    assert connection.read(neo4j_driver, "MATCH (n) RETURN count(n) AS n") == [{"n": 0}]
    connection.write(neo4j_driver, "CREATE (:Leftover)")


def test_each_test_starts_clean(neo4j_driver: neo4j.Driver) -> None:
    assert connection.read(neo4j_driver, "MATCH (n) RETURN count(n) AS n") == [{"n": 0}]


def test_neo4j_env_points_the_cli_at_the_test_server(
    neo4j_env: connection.Settings, capsys: pytest.CaptureFixture[str]
) -> None:
    env = connection.settings()
    assert (env.uri, env.password, env.source) == (neo4j_env.uri, neo4j_env.password, "environment")
    assert cli.main(["neo4j", "status"]) == 0
    assert f"uri:      {neo4j_env.uri}" in capsys.readouterr().out


def test_a_fresh_home_never_accepts_the_default_password(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18: the password is set before the first start, so from the moment Bolt listens only the
    configured one logs in; it never appears on a command line, in output or in a log."""
    home, port = temporary_home("pmkg-test-fresh-"), server.free_port()
    commands: list[list[str]] = []
    run = subprocess.run

    def recorded(args: list[str], **kwargs: object) -> subprocess.CompletedProcess:
        commands.append(list(args))
        return run(args, **kwargs)

    monkeypatch.setattr(subprocess, "run", recorded)
    outcomes: list[str] = []

    def knock() -> None:
        """Log in as neo4j/neo4j from before the start until Bolt first answers (the old way, that answer
        was a welcome: the password was changed over Bolt afterwards). Once only: repeated failures
        would lock the user out for a while."""
        while not outcomes or outcomes[-1] == "not listening":
            try:
                auth = ("neo4j", server.DEFAULT_PASSWORD)
                with neo4j.GraphDatabase.driver(f"bolt://127.0.0.1:{port}", auth=auth) as drv:
                    drv.verify_connectivity()
                outcomes.append("accepted")
            except neo4j.exceptions.AuthError:
                outcomes.append("refused")
            except (OSError, neo4j.exceptions.DriverError):
                outcomes.append("not listening")
                time.sleep(0.05)

    knocker = threading.Thread(target=knock, daemon=True)
    knocker.start()
    try:
        fresh = server.start(home, bolt_port=port, lib=server.managed().lib_dir)
        knocker.join()
        password = fresh.read_password() or ""
        assert len(password) >= 24 and not fresh.password_file.with_name("password.new").exists()
        assert set(outcomes[:-1]) <= {"not listening"} and outcomes[-1] == "refused"
        with connection.driver(fresh.settings()) as drv:
            assert connection.read(drv, "RETURN 1 AS one") == [{"one": 1}]
        admin = [c for c in commands if server.ADMIN_TOOL in c]
        assert len(admin) == 1 and admin[0][-2:] == [
            "set-initial-password",
            f"@{fresh.root / 'password.new'}",
        ]
        assert all(password not in " ".join(c) for c in commands)
        assert password not in Path(f"/proc/{server.running_pid(fresh)}/cmdline").read_text(errors="replace")
        written = [p for p in fresh.root.rglob("*") if p.is_file() and p != fresh.password_file]
        assert all(password.encode() not in p.read_bytes() for p in written)
    finally:
        server.stop(home)
        shutil.rmtree(home, ignore_errors=True)


def test_a_generated_password_is_one_argument_to_the_admin_tool() -> None:
    """The admin tool parses its @file as arguments: a generated password never looks like an option
    or holds characters its parser reads (a leading '-' failed one first start in 64)."""
    passwords = [server.new_password() for _ in range(2000)]
    assert all(re.fullmatch(r"[0-9a-f]{48}", p) for p in passwords)
    assert len(set(passwords)) == 2000
