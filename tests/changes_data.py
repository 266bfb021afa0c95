"""A second meeting of the NGC advisory board for the change tests: the fifth meeting's minutes (examples/)
with another date, a new member, a member gone, and the chair passed from one member to another."""

from __future__ import annotations

from pathlib import Path

from pmkg.ingest.pipeline import extract_text
from pmkg.model.record import Record

NGC = Path(__file__).resolve().parent.parent / "examples" / "ngc-advisory-board-5.txt"
SIXTH_MEETING_DATE = "2023-11-09"


def sixth_meeting_text() -> str:
    text = NGC.read_text(encoding="utf-8")
    replacements = {
        "5. møde i det nationale": "6. møde i det nationale",
        "Dato: 14. juni kl. 14-15.30": "Dato: 9. november 2023 kl. 14-16",
        "Peter Løngreen, centerdirektør, DTU \n": "Mette Holm, professor, Region Hovedstaden \n",
        "Københavns Universitet (For-\nperson)": "Københavns Universitet",
        "Klinisk professor, Aarhus Universitet": "Klinisk professor, Aarhus Universitet (Forperson)",
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def sixth_meeting() -> Record:
    return extract_text(sixth_meeting_text(), source="ngc-advisory-board-6.txt")
