"""``knowledge/record.schema.json``, generated from the record classes (never edited by hand).

``python -m pmkg.model.jsonschema`` rewrites the file; a test fails while the committed file differs
from what the classes generate, so the schema partners validate against is always the code's.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import msgspec

from pmkg import knowledge
from pmkg.model.record import Record

SCHEMA_FILE = "record.schema.json"
SCHEMA_ID = "https://w3id.org/pmkg/record.schema.json"


def _closed(definitions: dict[str, Any]) -> None:
    """Every record object lists all its fields: a field the classes do not know is an error."""
    for definition in definitions.values():
        if definition.get("type") == "object":
            definition["additionalProperties"] = False


def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a record as ``pmkg extract --format json`` prints it."""
    generated = msgspec.json.schema(Record)
    definitions = generated["$defs"]
    _closed(definitions)
    root = definitions.pop("Record")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "pmkg extraction record",
        **root,
        "$defs": definitions,
    }


def render() -> str:
    """The schema file's text: two-space indents, non-ASCII kept, a final newline."""
    return json.dumps(record_schema(), indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Write the schema into the knowledge folder (or the path given)."""
    args = sys.argv[1:] if argv is None else argv
    target = Path(args[0]) if args else knowledge.path(SCHEMA_FILE)
    target.write_text(render(), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
