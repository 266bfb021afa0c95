"""``pmkg ingest --jobs N`` and ``--records FILE.jsonl``: the same graph as one job, node for node.

The graphs are compared whole: every node's labels and properties, every relationship's type, ends and
properties (the load time stamp aside), against a real Neo4j.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import neo4j
import pytest

from bench.corpus import generate
from pmkg.cli import main
from pmkg.cli.commands.ingest import collect_files
from pmkg.graph import connection

NEW = Path(__file__).resolve().parent / "minutes" / "new"
PMKG = Path(sys.executable).parent / "pmkg"
# The analytics' kept network (graph.netstore) is keyed by the graph's version, which holds the load time.
_NODES = "MATCH (n) WHERE NOT n:NetworkCache RETURN labels(n) AS labels, properties(n) AS props"
_RELS = (
    "MATCH (a)-[r]->(b) RETURN labels(a) AS from_labels, a.id AS from, type(r) AS type, "
    "labels(b) AS to_labels, b.id AS to, properties(r) AS props"
)
STAMP = "ingested_at"  # when a document was loaded: differs between any two loads


def whole_graph(driver: neo4j.Driver) -> tuple[list[str], list[str]]:
    """Every node and relationship as canonical JSON, sorted (a multiset, so duplicates count)."""

    def canonical(row: dict[str, Any]) -> str:
        row["props"] = {k: v for k, v in row["props"].items() if k != STAMP}
        return json.dumps(row, sort_keys=True, default=str, ensure_ascii=False)

    nodes = sorted(canonical(row) for row in connection.read(driver, _NODES))
    rels = sorted(canonical(row) for row in connection.read(driver, _RELS))
    return nodes, rels


def empty(driver: neo4j.Driver) -> None:
    connection.write(driver, "MATCH (n) DETACH DELETE n")


@pytest.fixture
def minutes(tmp_path: Path) -> Path:
    """The new test minutes (PDF, DOCX, HTML, MD, TXT) and one file that is not what its name says."""
    folder = tmp_path / "minutes"
    shutil.copytree(NEW, folder, ignore=shutil.ignore_patterns("*.json"))
    (folder / "broken-minutes.pdf").write_bytes(b"this is not a PDF")
    return folder


def test_two_jobs_give_the_graph_of_one_and_report_the_bad_file(
    neo4j_env: Any, neo4j_driver: neo4j.Driver, minutes: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = len(collect_files([str(minutes)])) - 1
    graphs = []
    for jobs in ("1", "2"):
        empty(neo4j_driver)
        assert main(["ingest", str(minutes), "--jobs", jobs]) == 1  # the broken file fails
        out, err = capsys.readouterr()
        assert f"documents: {good} loaded, 0 replaced, 0 unchanged, 1 failed" in out
        assert f"failed: {minutes / 'broken-minutes.pdf'}: " in err
        assert "file/s" in err or "it/s" in err  # the progress bar
        graphs.append(whole_graph(neo4j_driver))
    one, two = graphs
    assert len(one[0]) > 200 and len(one[1]) > 500  # a real graph, not two empty ones
    assert one[0] == two[0]
    assert one[1] == two[1]
    # the same files again: all unchanged, nothing extracted or written
    assert main(["ingest", str(minutes), "--jobs", "2"]) == 1
    assert f"documents: 0 loaded, 0 replaced, {good} unchanged, 1 failed" in capsys.readouterr().out
    assert whole_graph(neo4j_driver) == two


def test_records_from_pmkg_extract_give_the_graph_of_the_folder(
    neo4j_env: Any,
    neo4j_driver: neo4j.Driver,
    minutes: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    (minutes / "broken-minutes.pdf").unlink()
    files = [str(p) for p in collect_files([str(minutes)])]
    assert main(["ingest", str(minutes), "--jobs", "2"]) == 0
    folder_graph = whole_graph(neo4j_driver)
    capsys.readouterr()

    done = subprocess.run(
        [str(PMKG), "extract", *files, "--format", "jsonl"], capture_output=True, check=True, env=os.environ
    )
    lines = done.stdout.splitlines()
    assert len(lines) == len(files)
    assert [json.loads(line)["document"]["source"] for line in lines] == [Path(f).name for f in files]
    records = tmp_path / "records.jsonl"
    records.write_bytes(b"\n".join([*lines, b'{"document": "not a record"}']) + b"\n")

    empty(neo4j_driver)
    assert main(["ingest", "--records", str(records)]) == 1  # the last line is not a record
    out, err = capsys.readouterr()
    assert f"documents: {len(files)} loaded, 0 replaced, 0 unchanged, 1 failed" in out
    assert f"failed: {records}:{len(files) + 1}: is not a record" in err
    assert whole_graph(neo4j_driver) == folder_graph


def _descendants(pid: int) -> set[int]:
    """Every process below ``pid`` now (read from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier} - found
        found |= frontier
    return found


def _alive(pid: int) -> bool:
    try:
        return (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_ctrl_c_stops_the_ingest_and_leaves_no_worker(neo4j_env: Any, tmp_path: Path) -> None:
    folder = tmp_path / "many"
    folder.mkdir()
    for name, text in generate(400, seed=5):
        (folder / name).write_text(text, encoding="utf-8")
    run = subprocess.Popen(
        [str(PMKG), "ingest", str(folder), "--jobs", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=os.environ,
        start_new_session=True,  # its own process group, as a terminal's Ctrl-C reaches
    )
    seen: set[int] = set()
    deadline = time.monotonic() + 60
    while len(seen) < 3 and time.monotonic() < deadline and run.poll() is None:  # fork server + 2 workers
        seen |= _descendants(run.pid)
        time.sleep(0.2)
    assert len(seen) >= 3, "the workers never started"
    time.sleep(1)  # into the run
    os.killpg(run.pid, signal.SIGINT)
    _, err = run.communicate(timeout=60)
    assert run.returncode == 130, err.decode()
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in seen) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [pid for pid in seen if _alive(pid)]


def _raised(make: Any) -> BaseException:
    try:
        make()
    except BaseException as exc:  # noqa: BLE001 - the chain is what is examined
        return exc
    raise AssertionError("nothing was raised")


def _clean_up_fails_after_ctrl_c() -> None:
    try:
        raise KeyboardInterrupt
    finally:  # as the driver's session does when the interrupt lands inside its socket read
        raise BufferError("Existing exports of data: object cannot be re-sized")


def _plain_failure() -> None:
    try:
        raise ValueError("bad row")
    except ValueError as exc:
        raise BufferError("other") from exc


def test_an_error_while_cleaning_up_after_ctrl_c_still_counts_as_ctrl_c() -> None:
    from pmkg.errors import interrupted

    assert interrupted(_raised(_clean_up_fails_after_ctrl_c))
    assert interrupted(KeyboardInterrupt())
    assert not interrupted(_raised(_plain_failure))
