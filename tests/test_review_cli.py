"""``pmkg review``, ``pmkg resolve`` and ``pmkg confirm`` against a real Neo4j: the Review page's two
queues from a terminal. Invented minutes where "Anna" fits two attendees and two grants are found only
by a cue word (the minutes of ``test_review_shortforms`` and ``test_review_facts``); a dry run changes
nothing, a decision holds when the same minutes are ingested again (removed and loaded anew) and in a
new version, and a wrong id or a second decision is one line on stderr with exit status 1."""

from __future__ import annotations

import neo4j
import pytest

from pmkg.cli import main
from pmkg.cli.commands.review import _fact_line, _listed
from pmkg.graph import corrections, lowconfidence, shortforms
from pmkg.graph.store import load_record, read_rows, remove_document
from tests.test_review_facts import grants
from tests.test_review_facts import minutes as grant_minutes
from tests.test_review_shortforms import HOLMGAARD, VESTERGAARD, annas
from tests.test_review_shortforms import minutes as anna_minutes


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The one line a refused command writes (nothing on stdout)."""
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1
    return err


def test_resolve_lists_dry_runs_records_and_holds_over_a_reingest(
    curator: neo4j.Driver,
    capsys: pytest.CaptureFixture[str],
) -> None:
    record = anna_minutes()
    load_record(curator, record)
    [form] = shortforms.queue(curator)

    assert main(["review", "shortforms"]) == 0
    assert capsys.readouterr().out == (
        f"{form.id}\t'Anna' in styregruppe-2025-03-04.txt (2025-03-04)\t"
        f"{HOLMGAARD} (Anna Holmgaard), {VESTERGAARD} (Anna Vestergaard)\n"
        "    Anna bød velkommen og gennemgik dagsordenen.\n"
        "    Peter Kjærsgaard orienterede om projektets fremdrift. Anna sagde, at næste skridt er en fælles"
        " ansøgning.\n"
    )

    before = read_rows(curator)
    assert main(["resolve", form.id, HOLMGAARD, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "would mention" not in out  # Anna Holmgaard is mentioned already
    assert f"would read 'Anna' in {record.document.id} as {HOLMGAARD} (2 places)\n" in out
    assert out.endswith("dry run: nothing stored\n")
    assert read_rows(curator) == before and corrections.listing(curator) == []
    assert [f.id for f in shortforms.queue(curator)] == [form.id]

    assert main(["resolve", form.id, HOLMGAARD, "--reason", "she chaired"]) == 0
    out = capsys.readouterr().out
    [item] = corrections.listing(curator)
    c = item.correction
    assert (c.kind, c.author, c.reason, c.payload["person"]) == ("resolve", "kari", "she chaired", HOLMGAARD)
    assert out.endswith(f"recorded {c.id} (resolve by kari at {c.at})\n")
    assert shortforms.queue(curator) == []
    assert annas(curator, record.document.id) == {HOLMGAARD: 2, VESTERGAARD: 0}

    assert main(["resolve", form.id, "--none"]) == 1
    assert error_line(capsys) == (
        f"pmkg: error: short form {form.id} ('Anna' in styregruppe-2025-03-04.txt) is already decided by "
        f"{c.id} (pmkg corrections undo {c.id} to decide it again)\n"
    )

    remove_document(curator, record.document.id)  # the same minutes ingested again
    load_record(curator, anna_minutes())
    assert shortforms.queue(curator) == []
    assert annas(curator, record.document.id) == {HOLMGAARD: 2, VESTERGAARD: 0}
    version2 = anna_minutes(extra="3. Eventuelt\nIntet.\n")
    assert load_record(curator, version2).status == "replaced"
    assert annas(curator, version2.document.id) == {HOLMGAARD: 2, VESTERGAARD: 0}
    assert main(["review", "shortforms"]) == 0
    assert capsys.readouterr().out == "no short forms to resolve\n"

    assert main(["resolve", "shortform:0000000000000000", HOLMGAARD]) == 1
    assert error_line(capsys) == (
        "pmkg: error: no short form 'shortform:0000000000000000' in the graph (its document was removed?)\n"
    )
    corrections.undo(curator, c.id, "kari")
    [form] = shortforms.queue(curator)  # the new version's
    assert main(["resolve", form.id, "person:peter-kjaersgaard"]) == 1
    assert (
        error_line(capsys)
        == f"pmkg: error: person:peter-kjaersgaard is not one of {HOLMGAARD}, {VESTERGAARD}\n"
    )
    assert main(["resolve", form.id, "--none", "--why", "a third Anna"]) == 0
    assert capsys.readouterr().out.startswith(
        f"decide short form 'Anna' of {version2.document.id}: not one of these\n"
    )


def test_confirm_lists_dry_runs_records_and_holds_over_a_reingest(
    curator: neo4j.Driver,
    capsys: pytest.CaptureFixture[str],
) -> None:
    record = grant_minutes()
    load_record(curator, record)
    lundbeck, novo = lowconfidence.queue(curator)

    assert main(["review", "facts"]) == 0
    assert capsys.readouterr().out == (
        f"{lundbeck.id}\t{lundbeck.from_id} FUNDS {lundbeck.to_id}\tLundbeckfonden -> Region Syddanmark\t"
        f"funding.cue\t{lundbeck.title} (2025-03-04)\n"
        "    Lundbeckfonden finansierer Region Syddanmark.\n"
        f"{novo.id}\t{novo.from_id} FUNDS {novo.to_id}\tNovo Nordisk Fonden -> Aarhus Universitet\t"
        f"funding.cue\t{novo.title} (2025-03-04)\n"
        "    Novo Nordisk Fonden finansierer Aarhus Universitet.\n"
    )

    before = read_rows(curator)
    assert main(["confirm", novo.id, "--dry-run"]) == 0
    assert capsys.readouterr().out == (
        f"would confirm FUNDS {novo.from_id} -> {novo.to_id}\ndry run: nothing stored\n"
    )
    assert read_rows(curator) == before and corrections.listing(curator) == []
    assert len(lowconfidence.queue(curator)) == 2

    assert main(["confirm", novo.id, "--reason", "the grant letter"]) == 0
    [item] = corrections.listing(curator)
    c = item.correction
    assert capsys.readouterr().out == (
        f"confirm FUNDS {novo.from_id} -> {novo.to_id}\nrecorded {c.id} (confirm by kari at {c.at})\n"
    )
    assert (c.kind, c.author, c.reason, c.targets) == (
        "confirm",
        "kari",
        "the grant letter",
        [novo.from_id, novo.to_id],
    )
    assert [f.id for f in lowconfidence.queue(curator)] == [lundbeck.id]

    assert main(["confirm", novo.id]) == 1
    assert error_line(capsys) == f"pmkg: error: {novo.id} is already confirmed by {c.id}\n"

    remove_document(curator, record.document.id)  # the same minutes ingested again
    load_record(curator, grant_minutes())
    assert [f.id for f in lowconfidence.queue(curator)] == [lundbeck.id]
    assert load_record(curator, grant_minutes(extra="2. Eventuelt\n")).status == "replaced"
    [left] = lowconfidence.queue(curator)
    assert (left.from_name, left.to_name) == ("Lundbeckfonden", "Region Syddanmark")
    assert ("Novo Nordisk Fonden", "Aarhus Universitet", False) in grants(curator)

    assert main(["reject", left.from_id, "FUNDS", left.to_id]) == 0
    rejected = corrections.listing(curator)[-1].correction
    capsys.readouterr()
    assert main(["confirm", left.id]) == 1
    assert error_line(capsys) == f"pmkg: error: {left.id} is already rejected by {rejected.id}\n"
    assert main(["confirm", "lowconf:0000000000000000"]) == 1
    assert error_line(capsys) == (
        "pmkg: error: no low-confidence fact 'lowconf:0000000000000000' in the graph"
        " (see pmkg review facts)\n"
    )


def test_a_fact_with_free_text_is_listed_as_a_shell_takes_it(capsys: pytest.CaptureFixture[str]) -> None:
    """A condition is free text and a PDF's line may hold line breaks: the listing stays one line per
    fact, its --where quoted for the shell, and one line per place."""
    fact = lowconfidence.Fact(
        "lowconf:1", "FUNDS", "org:nnf", "Novo Nordisk Fonden", "Organization", "org:ngc", "NGC",
        "Organization", {"condition": "staten viderefører infrastrukturen"}, ("funding.cue",),
        ("en præmis for Novo Nordisk Fondens \n\ndonation, at staten",), "5. møde", "2023-06-14",
    )  # fmt: skip
    _listed([fact], False, _fact_line, "none")
    assert capsys.readouterr().out == (
        "lowconf:1\torg:nnf FUNDS org:ngc --where 'condition=staten viderefører infrastrukturen'\t"
        "Novo Nordisk Fonden -> NGC\tfunding.cue\t5. møde (2023-06-14)\n"
        "    en præmis for Novo Nordisk Fondens donation, at staten\n"
    )
