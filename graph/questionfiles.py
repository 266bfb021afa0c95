"""The question files: ``queries/NAME.cypher``, their header (title, parameters, result ...) and Cypher.

Reading and checking a file is one job, kept apart from answering (``graph.questions``, which
re-exports these names): the header grammar is documented in ``queries/README.md``. A malformed
file is a one-line error naming the file, so a typo fails at start-up, not when someone asks.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from importlib.resources import files
from pathlib import Path
from typing import Any

from pmkg.errors import PmkgError
from pmkg.graph.analytics import ANALYTICS
from pmkg.model.graph import SEARCHABLE_LABELS

QUERIES_DIR = Path(str(files("pmkg.queries")))
LANGUAGES = ("da", "en")
RESULT_KINDS = ("table", "graph", "chart")

# Parameter types that name a node, and the labels such a node may carry.
ENTITY_LABELS: dict[str, tuple[str, ...]] = {
    "person": ("Person",),
    "organization": ("Organization",),
    "initiative": ("Initiative",),
    "meeting": ("Meeting",),
    "theme": ("Theme",),
    "agreement": ("Agreement",),
    "document": ("Document",),
    "entity": SEARCHABLE_LABELS,
}
SCALAR_TYPES = ("text", "date", "int")
PARAM_TYPES = (*ENTITY_LABELS, *SCALAR_TYPES)
_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")
_HEADER_KEYS = "title|description|param|choices|result|analytic|packed|contact"
_HEADER_RE = re.compile(rf"^//\s*({_HEADER_KEYS})\b\s*(\w*)\s*:\s*(.*)$")
_CYPHER_PARAM_RE = re.compile(r"\$(\w+)")


@dataclass(frozen=True)
class Param:
    """One parameter of a question, as declared in its header."""

    name: str
    type: str
    optional: bool = False
    default: str | None = None
    minimum: int | None = None
    maximum: int | None = None
    labels: Mapping[str, str] = field(default_factory=dict)  # {"da": ..., "en": ...}
    choices_cypher: str | None = None

    @property
    def required(self) -> bool:
        return not self.optional and self.default is None

    @property
    def is_entity(self) -> bool:
        return self.type in ENTITY_LABELS

    def label(self, lang: str = "da") -> str:
        return self.labels.get(lang) or self.labels.get("da") or self.name


@dataclass(frozen=True)
class Question:
    """A prebuilt question read from ``queries/NAME.cypher``."""

    name: str
    titles: Mapping[str, str]
    descriptions: Mapping[str, str]
    params: tuple[Param, ...]
    result: str  # table | graph | chart
    chart: tuple[str, ...] = ()  # (x, y[, series]) for chart results
    cypher: str = ""
    analytic: str | None = None
    packed: tuple[str, ...] = ()  # columns returned as lists, one row per series (unpack_rows)
    # Contact details (e-mail addresses): whole columns, and rows whose column holds a value; shown only
    # to those allowed them (graph.contact.without_contact).
    contact_columns: tuple[str, ...] = ()
    contact_rows: tuple[tuple[str, str], ...] = ()

    def title(self, lang: str = "da") -> str:
        return self.titles.get(lang) or self.titles["da"]

    def description(self, lang: str = "da") -> str:
        return self.descriptions.get(lang) or self.descriptions["da"]

    def param(self, name: str) -> Param:
        for param in self.params:
            if param.name == name:
                return param
        raise PmkgError(
            f"unknown parameter '{name}' for question {self.name}; it takes: {self.param_names()}"
        )

    def param_names(self) -> str:
        return ", ".join(p.name for p in self.params) or "no parameters"


# --- reading the query files -------------------------------------------------------------------


def load_questions(folder: str | Path = QUERIES_DIR) -> dict[str, Question]:
    """Every ``*.cypher`` file in ``folder`` as a Question, by name; a malformed file is an error."""
    folder = Path(folder)
    if not folder.is_dir():
        raise PmkgError(f"no question folder at {folder}; it should hold the queries/*.cypher files")
    return {
        path.stem: parse_question(path.stem, path.read_text(encoding="utf-8"))
        for path in sorted(folder.glob("*.cypher"))
    }


def parse_question(name: str, text: str) -> Question:
    """Parse one query file (header + Cypher); raises PmkgError naming the file and the problem."""

    def fail(problem: str) -> PmkgError:
        return PmkgError(f"queries/{name}.cypher: {problem}")

    if not _NAME_RE.match(name):
        raise fail("the file name must be lower case letters, digits and _")
    fields: dict[str, str] = {}
    params: list[Param] = []
    choices: dict[str, str] = {}
    lines = text.splitlines()
    body_start = len(lines)
    for number, line in enumerate(lines):
        stripped = line.strip()
        if not stripped.startswith("//"):
            body_start = number
            break
        match = _HEADER_RE.match(stripped)
        if not match:
            continue
        key, arg, value = match.group(1), match.group(2), match.group(3).strip()
        if key == "param":
            params.append(_parse_param(arg, value, fail))
        elif key == "choices":
            choices[arg] = value
        elif arg:
            raise fail(f"'{key}' takes no name: {stripped}")
        else:
            fields[key] = value
    for key in ("title", "description", "result"):
        if key not in fields:
            raise fail(f"the header has no '// {key}:' line")
    unknown_choices = set(choices) - {p.name for p in params}
    if unknown_choices:
        raise fail(f"choices for undeclared parameter(s): {', '.join(sorted(unknown_choices))}")
    params = [replace(p, choices_cypher=choices.get(p.name)) for p in params]
    result, chart = _parse_result(fields["result"], fail)
    cypher = "\n".join(lines[body_start:]).strip()
    analytic = fields.get("analytic") or None
    if analytic is None:
        _check_cypher(cypher, params, fail)
    elif analytic not in ANALYTICS:
        raise fail(f"unknown analytic '{analytic}' (analytics: {', '.join(ANALYTICS)})")
    elif cypher:
        raise fail("an analytic question has no Cypher body")
    packed = tuple(c.strip() for c in fields.get("packed", "").split(",") if c.strip())
    if packed and analytic:
        raise fail("an analytic question has no packed columns")
    contact_columns, contact_rows = _parse_contact(fields.get("contact", ""), cypher, fail)
    return Question(
        name=name,
        titles=_bilingual(fields["title"], "title", fail),
        descriptions=_bilingual(fields["description"], "description", fail),
        params=tuple(params),
        result=result,
        chart=chart,
        cypher=cypher,
        analytic=analytic,
        packed=packed,
        contact_columns=contact_columns,
        contact_rows=contact_rows,
    )


def _bilingual(value: str, what: str, fail: Any) -> dict[str, str]:
    parts = [part.strip() for part in value.split(" | ")]
    if len(parts) != len(LANGUAGES) or not all(parts):
        raise fail(f"the {what} must be 'Danish | English': {value}")
    return dict(zip(LANGUAGES, parts, strict=True))


def _parse_param(name: str, spec: str, fail: Any) -> Param:
    spec, _, label = spec.partition(" -- ")
    words = spec.split()
    if not name or not words:
        raise fail(f"a parameter needs a name and a type: param {name}: {spec}")
    if words[0] not in PARAM_TYPES:
        raise fail(f"parameter {name} has unknown type '{words[0]}' (types: {', '.join(PARAM_TYPES)})")
    options: dict[str, Any] = {"optional": False}
    for word in words[1:]:
        key, has_value, value = word.partition("=")
        if word == "optional":
            options["optional"] = True
        elif has_value and key == "default":
            options["default"] = value
        elif has_value and key in ("min", "max"):
            try:
                options["minimum" if key == "min" else "maximum"] = int(value)
            except ValueError as exc:
                raise fail(f"parameter {name}: {key} must be a whole number") from exc
        else:
            raise fail(f"parameter {name}: unknown option '{word}'")
    labels = _bilingual(label, f"label of parameter {name}", fail) if label else {}
    return Param(name=name, type=words[0], labels=labels, **options)


def _parse_result(value: str, fail: Any) -> tuple[str, tuple[str, ...]]:
    kind, _, columns = value.partition(":")
    kind = kind.strip()
    if kind not in RESULT_KINDS:
        raise fail(f"unknown result kind '{value}' (kinds: table, graph, chart:X,Y[,SERIES])")
    chart = tuple(c.strip() for c in columns.split(",") if c.strip())
    if kind == "chart" and len(chart) not in (2, 3):
        raise fail("a chart result names its columns: chart:X,Y[,SERIES]")
    if kind != "chart" and chart:
        raise fail(f"only chart results name columns: {value}")
    return kind, chart


def _check_cypher(cypher: str, params: list[Param], fail: Any) -> None:
    if not cypher:
        raise fail("no Cypher after the header")
    if not re.search(r"\bLIMIT\b", cypher, re.IGNORECASE):
        raise fail("the query must be bounded with LIMIT")
    used = set(_CYPHER_PARAM_RE.findall(cypher))
    declared = {p.name for p in params}
    if used - declared:
        raise fail(f"the query uses undeclared parameter(s): {', '.join(sorted(used - declared))}")
    if declared - used:
        raise fail(f"declared parameter(s) the query never uses: {', '.join(sorted(declared - used))}")


def _parse_contact(value: str, cypher: str, fail: Any) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    """``// contact: COL, COL=VALUE``: contact columns, and rows by a column's value.

    Each must be something the query returns (the column a word of the Cypher, the value a quoted string
    in it), so a renamed column cannot quietly let e-mail addresses through to viewers.
    """
    columns: list[str] = []
    rows: list[tuple[str, str]] = []
    for item in (part.strip() for part in value.split(",")):
        if not item:
            continue
        column, is_row, wanted = (part.strip() for part in item.partition("="))
        if not _NAME_RE.match(column) or (is_row and not wanted):
            raise fail(f"a contact item is COLUMN or COLUMN=VALUE: {item}")
        if not re.search(rf"\b{column}\b", cypher):
            raise fail(f"contact column '{column}' is not in the query")
        if is_row and f"'{wanted}'" not in cypher and f'"{wanted}"' not in cypher:
            raise fail(f"contact rows {column}={wanted}: the query never returns '{wanted}'")
        if is_row:
            rows.append((column, wanted))
        else:
            columns.append(column)
    return tuple(columns), tuple(rows)
