"""The parser's rules: how an attendee, a role, an affiliation or the meeting's heading was found.

The extraction rules name themselves in :mod:`pmkg.ingest.extract.registry`; the parser's paths are
named here, each with the one sentence ``pmkg extract --explain`` shows staff (through
:func:`pmkg.ingest.extract.registry.describe`). The names are stable: the record's provenance carries them.
"""

from __future__ import annotations

PARSER_RULES: dict[str, str] = {
    "meeting.title": (
        "The title is the first line of the minutes that reads as a heading, not a date or a field."
    ),
    "meeting.body": "The body that met is named in the title or in a line of the heading above the date.",
    "meeting.date": (
        "The meeting's own date is the first date at the head of the minutes that is no "
        "sending, approving or next-meeting date."
    ),
    "attendance.list": (
        "A name listed under an attendance heading (Deltagere, Present, Afbud), one a "
        "line or in a comma list."
    ),
    "attendance.table": (
        "A row of a table under an attendance heading, read by what its header row says each column holds."
    ),
    "attendance.grid": (
        "A name in a table with a column per status (Til stede | Afbud): the column gives the status."
    ),
    "attendance.field": "A name after a role field such as Referent:, Ordstyrer: or Minutes taken by.",
    "attendance.signature": "A name among the signatures that close the minutes (Vid protokollet, Justeras).",
    "attendance.substitute": (
        "A person another stood in for (Ingrid Forsberg in Mattias Sjölander för Ingrid Forsberg): absent."
    ),
    "attendance.whole_body": (
        "A person named as the exception to the whole body, such as X in Alle styremedlemmer unntatt X."
    ),
    "attendance.presenter": "A person who presented an agenda item and was not on the attendance list.",
    "roles.word": "A role word written in the person's own entry, such as formand, Chair or sekreterare.",
    "roles.heading": (
        "The role the attendance heading gives everyone under it, such as Observatører: or Sekretariat:."
    ),
    "roles.column": (
        "The role a table's column gives everyone in it: members under Medlem or Member, deputies under "
        "Varamedlem or Deputy."
    ),
    "roles.unit": (
        "The secretariat role a secretariat word after an organisation gives, such as NorPGx Secretariat "
        "or Biobank Sverige kansliet."
    ),
    "roles.field": (
        "The role the field names that the person stands after, such as Referent: for minute taker."
    ),
    "roles.signature": (
        "The role the signature heading or the line under the signature gives, such as Vid protokollet."
    ),
    "roles.presenter": (
        "The person presented an agenda item, named at the item (v/ Name) or before a presenting verb."
    ),
    "roles.named_post": (
        "A post written with the person's name in brackets in the text, as in Formanden (Name) bød velkommen."
    ),
    "affiliation.comma": "An organisation written after the name, set apart by a comma or in a table cell.",
    "affiliation.parenthesis": "An organisation written in brackets after the name.",
    "affiliation.shared": (
        "An organisation written after the last of names joined by a conjunction (A og B fra X): theirs too."
    ),
    "affiliation.from": (
        "An organisation after a linking word, such as Name fra Region Syddanmark or Name from NHS England."
    ),
    "affiliation.of": (
        "An organisation after a title or role and a linking word, such as Director of Genomics England."
    ),
    "affiliation.representing": (
        "An organisation after a word of representation, such as repræsentant for Danske Patienter."
    ),
    "affiliation.org_first": (
        "An organisation written before the person, such as Region Syddanmark v/ Eva Holm."
    ),
    "affiliation.label": (
        "An organisation that labels a line of names, such as Danske Regioner: Anne Hansen, Bo Jensen."
    ),
    "affiliation.heading": (
        "An organisation the group heading names after its role word, such as "
        "Fra sekretariatet i Helse Vest RHF:."
    ),
    "affiliation.prose": (
        "An organisation the minutes name right after a person in running text, such as "
        "professor Bengt Ahlqvist vid Karolinska Institutet."
    ),
    "affiliation.unit": (
        "An organisation the minutes or the gazetteer know, written before a unit or post word, such as "
        "NPOC Office or NPOC Programme Manager."
    ),
    "people.unresolved": (
        "A short form (a first name, a surname, initials) that fits two or more of the document's people."
    ),
    "affiliation.column": "An organisation in the organisation column of an attendance table.",
}


def describe_parser_rule(name: str) -> str | None:
    """What the parser's rule ``name`` does, or None when the parser has no such rule."""
    return PARSER_RULES.get(name)
