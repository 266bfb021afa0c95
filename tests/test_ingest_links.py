"""``pmkg ingest FOLDER`` does not follow links that leave the folder unless ``--follow-links``.

A link to a file outside (``/etc/passwd`` in the report that found this) and a link to a folder outside
are skipped and listed; a link that stays inside is read. Stored documents are read back from Neo4j.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import neo4j
import pytest

from pmkg.cli import main
from pmkg.graph import connection
from pmkg.ingest.gather import gather

NEW = Path(__file__).resolve().parent / "minutes" / "new"
INSIDE = "fsfmg-styrelse-2023-09-12.txt"
OUTSIDE_FILE = "ilegusavnid-styrelse-2024-03-08.txt"
OUTSIDE_DIR_FILE = "arvelig-kraeft-forening-bestyrelse-2022-05-03.txt"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """``minutes/`` with one file, a link to a file outside, a link to a folder outside, an inside link."""
    minutes, elsewhere = tmp_path / "minutes", tmp_path / "elsewhere"
    (elsewhere / "sub").mkdir(parents=True)
    minutes.mkdir()
    shutil.copy(NEW / INSIDE, minutes / INSIDE)
    shutil.copy(NEW / OUTSIDE_FILE, elsewhere / OUTSIDE_FILE)
    shutil.copy(NEW / OUTSIDE_DIR_FILE, elsewhere / "sub" / OUTSIDE_DIR_FILE)
    (minutes / "secret.txt").symlink_to(elsewhere / OUTSIDE_FILE)
    (minutes / "linked-folder").symlink_to(elsewhere / "sub", target_is_directory=True)
    (minutes / "inner").mkdir()
    (minutes / "inner" / "again.txt").symlink_to(minutes / INSIDE)  # inside: read (same bytes)
    return minutes


def stored_sources(driver: neo4j.Driver) -> set[str]:
    return {row["s"] for row in connection.read(driver, "MATCH (d:Document) RETURN d.source AS s")}


def test_gather_skips_links_leaving_the_folder(folder: Path) -> None:
    kept = gather([str(folder)])
    assert [p.relative_to(folder).as_posix() for p in kept.files] == [INSIDE, "inner/again.txt"]
    assert sorted(p.name for p, _ in kept.skipped) == ["linked-folder", "secret.txt"]
    assert all("--follow-links" in why for _, why in kept.skipped)
    followed = gather([str(folder)], follow_links=True)
    assert {p.name for p in followed.files} == {INSIDE, "again.txt", "secret.txt", OUTSIDE_DIR_FILE}
    assert followed.skipped == []


def test_ingest_skips_and_lists_links_then_follows_on_request(
    neo4j_env: Any, neo4j_driver: neo4j.Driver, folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(folder), "--jobs", "1"]) == 0
    out, err = capsys.readouterr()
    sources = stored_sources(neo4j_driver)
    assert not any("secret" in s or OUTSIDE_DIR_FILE in s for s in sources), sources
    assert len(sources) == 1
    assert "links skipped: 2" in out
    assert f"skipped: {folder / 'secret.txt'}: link to" in err
    assert f"skipped: {folder / 'linked-folder'}: link to" in err

    assert main(["ingest", str(folder), "--jobs", "1", "--json"]) == 0
    assert len(json.loads(capsys.readouterr().out)["skipped"]) == 2

    assert main(["ingest", str(folder), "--jobs", "1", "--follow-links"]) == 0
    assert len(stored_sources(neo4j_driver)) == 3
