"""The attendance list as it is resolved: one entry per person, roles from fields and presenters merged."""

from __future__ import annotations

from dataclasses import replace

from pmkg.ingest.parse.minutes import NameMention
from pmkg.ingest.people.index import PeopleIndex


class Roster:
    """The attendance list as it is resolved: one entry per person, roles merged."""

    def __init__(self, listed: list[NameMention]) -> None:
        self.index = PeopleIndex()
        self.entries: list[NameMention] = []
        self._where: dict[str, int] = {}
        for mention in listed:
            self._enter(self.index.add(mention), mention)
        self._names = {p.id: p.name for p in self.index.people()}

    def _enter(self, pid: str, mention: NameMention) -> None:
        if pid in self._where:
            first = self.entries[self._where[pid]]
            first.roles = list(dict.fromkeys(first.roles + mention.roles))
            first.role_rules = {**mention.role_rules, **first.role_rules}
            first.titles = list(dict.fromkeys(first.titles + mention.titles))  # "Møteleder: Name, title"
            if not first.affiliation:
                first.affiliation, first.affiliation_rule = mention.affiliation, mention.affiliation_rule
            if mention.status == "absent" and first.status != "absent":  # a roster, then "Afbud: X"
                first.status, first.group = "absent", mention.group or first.group
        else:
            self._where[pid] = len(self.entries)
            self.entries.append(mention)

    def assign(self, mention: NameMention, *, add_missing: bool) -> NameMention | None:
        """Resolve a presenter or a role field (``Ordstyrer: Jan``) to a listed person and give that
        person the role; an unlisted full name joins the list when ``add_missing``. Returns the
        mention with a first-name-only reference completed, or None when it names nobody known."""
        pid = self.index.find(mention.name)
        full = len(mention.name.split()) >= 2
        if pid is None and add_missing and full:
            pid = self.index.add(mention)
            self._names[pid] = mention.name
            self._enter(
                pid, replace(mention, roles=[], role_rules={}, rule=mention.rule or "attendance.presenter")
            )
        if pid is None:
            return None
        if pid in self._where:
            self._enter(pid, replace(mention, roles=[r for r in mention.roles if r != "presenter"]))
        if full:
            self.index.add(mention)
            return mention  # a full name stays as written; the record keeps other spellings as aliases
        return replace(mention, name=self._names.get(pid, mention.name))
