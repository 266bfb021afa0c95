"""The Documents page's upload when a file hits a limit (AppTest against the real Neo4j, the real pipeline in
its child process): the file is named with the limit in one line, the other file is still previewed and
is the only one offered for storing, and nothing is stored."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import neo4j
import pytest
from streamlit.testing.v1 import AppTest

from pmkg.graph import connection
from pmkg.ui.i18n import md_escape, translate
from tests.test_app import example_records, loaded, open_page  # noqa: F401 (fixtures)
from tests.test_extract_linear import minutes_of

MINUTES = Path(__file__).resolve().parent / "minutes" / "dev" / "genhjerte-bestyrelse-2024-04-18.txt"
COUNT = "MATCH (d:Document) RETURN count(d) AS n"


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_file_over_the_memory_limit_is_named_and_the_other_file_goes_on(
    open_page: Callable[..., AppTest],  # noqa: F811
    loaded: neo4j.Driver,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    monkeypatch.setenv("PMKG_EXTRACT_MEMORY_MB", "150")  # the 4 MB text needs about 340 MB
    before = connection.read(loaded, COUNT)[0]["n"]
    at = open_page("documents", lang)
    files = [
        ("joined_minutes.txt", minutes_of(4_000_000).encode(), "text/plain"),
        (MINUTES.name, MINUTES.read_bytes(), "text/plain"),
    ]
    large_sha = hashlib.sha256(files[0][1]).hexdigest()
    at.file_uploader[0].set_value(files).run()
    assert not at.exception
    message = translate("doc.over_memory", lang, name=md_escape("joined_minutes.txt"), limit=150)
    assert [e.value for e in at.error] == [message]
    assert "\n" not in message and "150 MB" in message
    key = f"upload_fix_{hashlib.sha256(MINUTES.read_bytes()).hexdigest()[:16]}"
    assert at.text_input(key=f"{key}_date").value == "2024-04-18"  # the other file's preview
    assert at.button(key="upload_store").label == translate("doc.store_n", lang, n=1)
    at.text_input(key=f"{key}_title").input("Møde").run()
    assert [e.value for e in at.error] == [message]  # said again on the rerun, not extracted again
    at.file_uploader[0].set_value(files[1:]).run()  # the large file taken out: its failure forgotten
    assert not at.error and large_sha not in at.session_state["upload_failed"]
    at.file_uploader[0].set_value(files).run()  # chosen again: tried again, and stopped again
    assert [e.value for e in at.error] == [message]
    assert connection.read(loaded, COUNT)[0]["n"] == before
