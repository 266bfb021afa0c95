"""The form of every YAML file in ``knowledge/``: one msgspec schema per file, checked on load.

A file is read with :func:`pmkg.knowledge.load`; the schema names each key, its type and whether it
may be left out, and no other key is allowed (a misspelt key is an error, not silently ignored).
``HINTS`` say in words what a field holds, for the error staff see. To add a key to a file, add it
here first; to add a file, add its schema to ``SCHEMAS``.
"""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec

from pmkg.model.record import ROLE_CODES

Words = list[str]  # words or phrases, matched ignoring case and accents unless the file says otherwise
ByLanguage = dict[Literal["da", "en", "no", "sv"], Words]  # the same concern, each language a key
Country = Annotated[str, msgspec.Meta(pattern=r"^[A-Z]{2}$")]
Role = Literal[ROLE_CODES]  # the role codes of the record: chair, vice_chair, minute_taker ...


class _Strict(msgspec.Struct, forbid_unknown_fields=True, frozen=True):
    """No key the schema does not name."""


# --- gazetteer.yaml ----------------------------------------------------------------------------------


class GazetteerEntry(_Strict):
    id: Annotated[str, msgspec.Meta(pattern=r"^(org|init|country):[a-z0-9-]+$")]
    kind: Literal["organization", "initiative", "country"]
    type: str
    name: Annotated[str, msgspec.Meta(min_length=1)]
    name_en: str | None = None
    name_da: str | None = None
    aliases: Words = []
    wikidata: Annotated[str, msgspec.Meta(pattern=r"^Q\d+$")] | None = None
    ror: Annotated[str, msgspec.Meta(pattern=r"^0[a-z0-9]{6}\d\d$")] | None = None
    country: Country | None = None


class GazetteerFile(_Strict):
    entries: list[GazetteerEntry]


# --- content.yaml ------------------------------------------------------------------------------------


class OrganisationWords(_Strict):
    type: str
    stems: Words


class FundingWords(_Strict):
    funder_before_cue: Words
    funder_after_cue: Words
    funder_types: Words
    funding_nouns: Words
    receiver_before_cue: Words
    source_words: Words
    purpose_words: Words
    condition_cues: Words
    condition_openers: Words


class NextMeetingWords(_Strict):
    next_words: Words
    meeting_words: Words
    phrases: Words


class NameTails(_Strict):
    connectors: ByLanguage
    joining: ByLanguage
    adjective_endings: ByLanguage


class ContentFile(_Strict):
    organisation_words: list[OrganisationWords]
    not_organisation_endings: Words
    capitalised_heads: Words
    leading_words: dict[str, Words]
    determiners: ByLanguage
    position_words: Words
    legal_forms: Words
    initiative_words: Words
    member_prefixes: Words
    plans: dict[Literal["scope", "nouns", "subject", "stop"], Words]
    name_tails: NameTails
    name_connectors: Words
    min_compound_prefix: Annotated[int, msgspec.Meta(ge=0)]
    participation: Words
    participation_adverbs: Words
    list_words: Words
    negations: Words
    agreements: dict[Literal["mou", "agreement", "collaboration"], Words]
    collaboration: Words
    party_words: Words
    between_words: Words
    clause_openers: Words
    relative_pronouns: Words
    own_subject_articles: Words
    self_references: Words
    articles: Words
    funding: FundingWords
    figure_not_after: Words
    figure_not_units: Words
    figure_scales: dict[str, Annotated[int, msgspec.Meta(gt=0)]]
    currencies: Words
    month_prepositions: Words
    next_meeting: NextMeetingWords
    deadline_cues: Words
    deadline_words: Words
    abbreviations: Words
    meeting_role_labels: Words
    role_references: dict[Role, dict[Literal["post", "meeting", "any", "opening"], Words]]
    reference_tied_by: Words
    genitive_endings: Words


# --- minutes.yaml ------------------------------------------------------------------------------------


class MinutesFile(_Strict):
    months: dict[Annotated[int, msgspec.Meta(ge=1, le=12)], Words]
    weekdays: dict[Annotated[int, msgspec.Meta(ge=1, le=7)], Words]
    time_words: Words
    approximately: Words
    fields: dict[Literal["date", "time", "location"], Words]
    online_places: dict[str, str]
    place_prepositions: Words
    document_words: Words
    meeting_words: Words
    meeting_modifiers: Words
    compound_bodies: dict[str, str]
    body_words: Words
    section_headings: Words
    item_prefixes: Words
    presenter_markers: Words
    table_headers: dict[
        Literal["name", "organisation", "role", "title", "present", "absent", "deputy", "other"], Words
    ]
    member_columns: Words
    table_marks: dict[Literal["checked", "unchecked"], Words]
    role_fields: dict[str, Role]
    signoff_headings: dict[str, Role | None]
    absent_markers: Words
    present_markers: Words
    titles: Words
    post_nominals: Words
    substitute_words: Words
    name_particles: Words
    person_verbs: Words
    person_before_words: Words
    not_name_words: Words
    organisation_endings: Words
    party_letters: Words
    representation_words: Words
    affiliation_words: Words
    unit_words: Words


# --- given-names.yaml, languages.yaml ----------------------------------------------------------------


GivenNamesFile = dict[str, Words]  # a group of names (danish_norwegian, swedish ...) -> names


class LanguageWords(_Strict):
    name: str
    stopwords: Words
    continuation_words: Words = []
    abbreviations: Words = []
    conjunctions: Words = []
    presenter_markers: Words = []


class LanguagesFile(_Strict):
    languages: dict[Literal["da", "en", "no", "sv"], LanguageWords]
    page_furniture: Words


# --- attendance.yaml ---------------------------------------------------------------------------------


class AttendanceWords(_Strict):
    present: Words
    absent: Words
    groups: dict[Role, Words]
    qualifiers: Words
    leadership: Words = []  # "Formandskab:": a group heading that gives no role; each entry says whose


AttendanceFile = dict[Literal["da", "en", "no", "sv"], AttendanceWords]


# --- prose-attendance.yaml ---------------------------------------------------------------------------

ProseKey = Literal[
    "present", "absent", "chair", "vice_chair", "minute_taker", "secretariat", "guest", "observer"
]


class ProseAttendanceWords(_Strict):
    before: dict[ProseKey, Words]  # phrases opening a sentence before a list of names
    after: dict[ProseKey, Words]  # phrases after a list of names (or a clause after one name)
    whole_body: Words  # "Hele bestyrelsen", "all members": the body, never a person
    except_words: Words  # "Alle styremedlemmer unntatt X": X is the exception to the whole body's status


ProseAttendanceFile = dict[Literal["da", "en", "no", "sv"], ProseAttendanceWords]


# --- presenting.yaml ---------------------------------------------------------------------------------


class PresentingWords(_Strict):
    after: Words
    before: Words
    adverbs: Words
    chairing: Words


PresentingFile = dict[Literal["da", "en", "no", "sv"], PresentingWords]


# --- meeting-date.yaml -------------------------------------------------------------------------------


class MeetingDateWords(_Strict):
    other: Words
    meeting: Words


MeetingDateFile = dict[Literal["da", "en", "no", "sv"], MeetingDateWords]


# --- roles.yaml --------------------------------------------------------------------------------------

RolesFile = dict[Role, ByLanguage]  # every role code, its words in each language


# --- review.yaml -------------------------------------------------------------------------------------


class ReviewFile(_Strict):
    """The extraction rules whose facts the Review page queues as low confidence, each with why."""

    precision_threshold: float  # a rule whose measured precision is below it is listed (tests/data)
    low_confidence: dict[str, dict[Literal["da", "en"], str]]


SCHEMAS: dict[str, object] = {
    "meeting-date.yaml": MeetingDateFile,
    "attendance.yaml": AttendanceFile,
    "prose-attendance.yaml": ProseAttendanceFile,
    "presenting.yaml": PresentingFile,
    "gazetteer.yaml": GazetteerFile,
    "content.yaml": ContentFile,
    "minutes.yaml": MinutesFile,
    "roles.yaml": RolesFile,
    "given-names.yaml": GivenNamesFile,
    "languages.yaml": LanguagesFile,
    "review.yaml": ReviewFile,
}

HINTS = {
    "country": 'an ISO 3166-1 alpha-2 code in capitals, quoted where YAML could misread it ("NO")',
    "kind": "organization, initiative or country",
    "id": "org:…, init:… or country:… followed by lower-case letters, digits and hyphens",
    "wikidata": "a Wikidata QID such as Q186285, or null",
    "ror": "a ROR id such as 035b05819, or null",
    "status": "present, absent or unknown",
    "min_compound_prefix": "a whole number of letters",
}
