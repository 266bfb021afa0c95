"""Reading a knowledge file: YAML parsed once, checked against its schema, errors as one line.

Staff edit these files by hand, so a broken one must say where and what: ``knowledge/content.yaml,
line 14: participation[3]: expected a text, got a list``. The YAML is parsed with libyaml into nodes
(which keep their line), turned into plain data, and converted to the file's schema
(:mod:`pmkg.knowledge.schemas`, msgspec: about a millisecond per file); a schema error names a path
(``$.entries[3].country``), which is walked back through the nodes to the line staff must fix.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import msgspec
import yaml

from pmkg.errors import PmkgError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml: ten times faster where installed
_PATH_PART = re.compile(r"\.([^.\[]+)|\[(\d+)\]")
_MESSAGE = re.compile(r"^(?P<what>.*?)(?: - at `(?P<path>\$[^`]*)`)?$")
_TYPES = {
    "array": "a list",
    "object": "a mapping",
    "str": "a text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true/false",
    "null": "nothing",
}
_YAML_BOOLEANS = ' (YAML reads a bare NO, no, yes, on, off as true/false: put the value in quotes, "NO")'


class KnowledgeError(PmkgError):
    """A knowledge file that cannot be used: its name, the line and what is wrong, on one line."""

    def __init__(self, name: str, line: int | None, problem: str) -> None:
        where = f"knowledge/{name}" + (f", line {line}" if line else "")
        super().__init__(f"{where}: {problem}; fix the file or restore it from git (see docs/knowledge.md)")
        self.name = name
        self.line = line
        self.problem = problem


def read(path: Path, name: str, schema: type | None, hints: dict[str, str]) -> Any:
    """The plain data (dicts, lists, texts, numbers) of the YAML file at ``path``, checked against
    ``schema`` when there is one; ``hints`` explain a field's expected form in the error."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(name, None, f"cannot be read ({exc.__class__.__name__}: {exc})") from exc
    loader = _LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = " ".join(str(exc.problem or exc.context or "not valid YAML").split())
        raise KnowledgeError(name, mark.line + 1 if mark else None, f"not valid YAML: {problem}") from exc
    except yaml.YAMLError as exc:
        raise KnowledgeError(name, None, f"not valid YAML: {' '.join(str(exc).split())}") from exc
    finally:
        loader.dispose()
    duplicate = _duplicate_key(node)
    if duplicate is not None:
        key, line, first = duplicate
        raise KnowledgeError(name, line, f"'{key}' is given twice (first on line {first}); keep one")
    if schema is not None:
        try:
            msgspec.convert(data, schema, strict=True)
        except msgspec.ValidationError as exc:
            raise _schema_error(name, node, str(exc), hints) from exc
    return data


def _duplicate_key(root: yaml.Node | None) -> tuple[str, int, int] | None:
    """The first key a mapping repeats, with its line and the line of its first use: YAML keeps the
    last value silently, so a word list given twice would lose the first one unnoticed."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode):
                    if key.value in seen:
                        return key.value, key.start_mark.line + 1, seen[key.value]
                    seen[key.value] = key.start_mark.line + 1
                stack.append(value)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)
    return None


def _schema_error(name: str, root: yaml.Node | None, message: str, hints: dict[str, str]) -> KnowledgeError:
    """The msgspec message in staff's words, with the line of the value it is about."""
    m = _MESSAGE.match(message)
    what, path = (m["what"], m["path"] or "$") if m else (message, "$")
    parts: list[str | int] = [int(i) if i else key for key, i in _PATH_PART.findall(path[1:])]
    node, label = _walk(root, parts)
    unknown = re.match(r"Object contains unknown field `(.+)`", what)
    if unknown and isinstance(node, yaml.MappingNode):
        key = next((k for k, _ in node.value if k.value == unknown[1]), None)
        node = key or node
        what = f"unknown key {unknown[1]!r} (a misspelt key, or one this file does not use)"
    else:
        what = _in_words(what, node)
    field = next((p for p in reversed(parts) if isinstance(p, str)), "")
    hint = f" ({hints[field]})" if field in hints else ""
    line = node.start_mark.line + 1 if node is not None else None
    return KnowledgeError(name, line, f"{label + ': ' if label else ''}{what}{hint}")


def _walk(root: yaml.Node | None, parts: list[str | int]) -> tuple[yaml.Node | None, str]:
    """The node at a schema path and a label for it: ``entries[3] (org:ngc).country``."""
    node, label = root, ""
    for part in parts:
        if isinstance(part, int) and isinstance(node, yaml.SequenceNode) and part < len(node.value):
            node = node.value[part]
            label += f"[{part}]{_named(node)}"
        elif isinstance(node, yaml.MappingNode):
            node = next((v for k, v in node.value if k.value == str(part)), node)
            label += f"{'.' if label else ''}{part}"
        else:
            break
    return node, label


def _named(node: yaml.Node) -> str:
    """`` (org:ngc)`` for an entry with an id or a name, so staff find it in a long list."""
    if isinstance(node, yaml.MappingNode):
        for key in ("id", "name", "type"):
            value = next((v.value for k, v in node.value if k.value == key), None)
            if isinstance(value, str):
                return f" ({value})"
    return ""


def _in_words(what: str, node: yaml.Node | None) -> str:
    """``Expected `array`, got `str``` -> ``expected a list, got a text``; a value YAML read as true or
    false is shown as written ("got NO, which YAML reads as false"): staff wrote a word, not a boolean."""
    what = re.sub(r"`([^`]+)`", lambda m: " or ".join(_TYPES.get(t, t) for t in m[1].split(" | ")), what)
    what = what.replace("Expected", "expected").replace("Object missing required field", "missing the key")
    if isinstance(node, yaml.ScalarNode) and what.endswith("got true/false"):
        value = "true" if yaml.safe_load(node.value) else "false"
        what = f"{what[: -len('true/false')]}{node.value}, which YAML reads as {value}{_YAML_BOOLEANS}"
    return re.sub(r"Invalid enum value (.+)", r"\1 is not one of the allowed values", what)
