"""Every knowledge file loads through one loader, and a broken copy says file, line and what is wrong."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pmkg import knowledge
from pmkg.knowledge.loader import KnowledgeError
from pmkg.knowledge.schemas import SCHEMAS


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_shipped_file_matches_its_schema(name: str) -> None:
    data = knowledge.load(name)
    assert data  # a file with content, read through libyaml and checked
    assert knowledge.load(name) is data  # read once per process


def test_every_yaml_file_has_a_schema() -> None:
    shipped = {p.name for p in knowledge.path("").glob("*.yaml")}
    assert shipped == set(SCHEMAS)


def _broken(tmp_path: Path, name: str, old: str, new: str) -> Path:
    """A copy of a shipped file with one text replaced, as staff might leave it."""
    copy = tmp_path / name
    shutil.copy(knowledge.path(name), copy)
    text = copy.read_text(encoding="utf-8")
    assert old in text
    copy.write_text(text.replace(old, new, 1), encoding="utf-8")
    return copy


def _line_of(path: Path, needle: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if needle in line)


def _error(path: Path) -> KnowledgeError:
    with pytest.raises(KnowledgeError) as caught:
        knowledge.load_file(path)
    message = str(caught.value)
    assert "\n" not in message and "restore it from git" in message
    return caught.value


def test_a_missing_key_names_the_file_and_the_key(tmp_path: Path) -> None:
    copy = _broken(tmp_path, "content.yaml", "\nlist_words:", "\nlist_word:")
    error = _error(copy)
    assert str(error).startswith("knowledge/content.yaml, line ")
    assert "list_word" in str(error)  # reported as unknown (misspelt) or as the key now missing
    assert error.line == _line_of(copy, "list_word:") or "missing the key list_words" in str(error)


def test_a_key_left_out_is_named(tmp_path: Path) -> None:
    copy = _broken(tmp_path, "content.yaml", "\nnegations:", "\n# negations:")
    assert "missing the key negations" in str(_error(copy))


def test_a_misspelt_key_points_at_its_line(tmp_path: Path) -> None:
    copy = _broken(tmp_path, "content.yaml", "\nparticipation_adverbs:", "\nparticipation_adverb:")
    error = _error(copy)
    assert error.line == _line_of(copy, "participation_adverb:")
    assert "unknown key 'participation_adverb'" in str(error)


def test_a_wrong_type_names_the_line_and_the_types(tmp_path: Path) -> None:
    copy = _broken(tmp_path, "content.yaml", "min_compound_prefix: 4", "min_compound_prefix: four")
    error = _error(copy)
    assert error.line == _line_of(copy, "min_compound_prefix: four")
    assert "min_compound_prefix: expected a whole number, got a text" in str(error)


def test_a_list_item_of_the_wrong_type_is_found_inside_a_nested_list(tmp_path: Path) -> None:
    copy = _broken(tmp_path, "content.yaml", "    stems: [rhf]", "    stems: [rhf, [hf]]")
    error = _error(copy)
    assert error.line == _line_of(copy, "stems: [rhf, [hf]]")
    assert "organisation_words[0] (region).stems[1]: expected a text, got a list" in str(error)


def test_a_gazetteer_entry_is_named_by_its_id(tmp_path: Path) -> None:
    copy = _broken(tmp_path, "gazetteer.yaml", "kind: organization", "kind: organisation")
    error = _error(copy)
    assert error.line == _line_of(copy, "kind: organisation")
    allowed = "(organization, initiative or country)"
    assert f"'organisation' is not one of the allowed values {allowed}" in str(error)
    assert "entries[0] (org:" in str(error)


def test_a_key_given_twice_names_both_lines(tmp_path: Path) -> None:
    copy = _broken(tmp_path, "attendance.yaml", "\nsv:", "\nsv:\n  present: [närvarande]\nsv:")
    error = _error(copy)
    first = _line_of(copy, "sv:")
    assert error.line == first + 2
    assert f"'sv' is given twice (first on line {first})" in str(error)


def test_every_shipped_file_is_free_of_repeated_keys() -> None:
    for path in sorted(Path(knowledge.path("content.yaml")).parent.glob("*.yaml")):
        knowledge.load_file(path)  # raises for a repeated key


def test_a_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    copy = _broken(tmp_path, "minutes.yaml", "\ntime_words: [", "\ntime_words: [[")
    error = _error(copy)
    assert "not valid YAML" in str(error)
    assert error.line is not None and error.line >= _line_of(copy, "time_words: [[")


def test_a_tab_in_the_indentation_is_a_syntax_error_with_its_line(tmp_path: Path) -> None:
    copy = _broken(tmp_path, "content.yaml", "  - type: hospital", "\t- type: hospital")
    error = _error(copy)
    assert error.line == _line_of(copy, "\t- type: hospital")
    assert "not valid YAML" in str(error)


def test_an_unreadable_file_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "content.yaml"
    with pytest.raises(KnowledgeError, match=r"^knowledge/content.yaml: cannot be read"):
        knowledge.load_file(missing)


def test_a_role_word_given_for_two_roles_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pmkg.ingest import vocabulary

    copy = _broken(
        tmp_path, "roles.yaml", "  sv: [kassör, skattmästare]", "  sv: [kassör, skattmästare, ordförande]"
    )
    monkeypatch.setattr(
        knowledge, "load", lambda name: knowledge.load_file(copy) if name == "roles.yaml" else None
    )
    vocabulary.role_words.cache_clear()
    try:
        with pytest.raises(KnowledgeError, match="'ordförande' is given for chair and treasurer"):
            vocabulary.role_words()
    finally:
        vocabulary.role_words.cache_clear()


def test_every_role_has_words_and_every_word_one_role() -> None:
    from pmkg.ingest.vocabulary import role_of, role_words
    from pmkg.model.record import ROLE_CODES

    roles = knowledge.load("roles.yaml")
    assert set(roles) <= set(ROLE_CODES)
    for role, languages in roles.items():
        assert any(languages.values()), role
        for words in languages.values():
            assert all(role_of(word) == role for word in words), role
    assert role_words()["formand"] == "chair" and role_words()["ersättare"] == "deputy"
