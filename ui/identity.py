"""Who is using pmkg, and what they may do: the one place every author and every permission comes from.

Until sign-in exists the user is the local one: ``PMKG_USER`` if set, else the operating-system
account, with every role (whoever can run pmkg on this machine can already change its database).
Sign-in (OpenID Connect) slots in here: :func:`current_user` returns the signed-in person with the
roles their identity provider grants, and nothing else in the app changes, because every write in
the app (corrections, uploads, removals) calls :func:`require` on the server side before it
touches the graph. Hiding a button is a courtesy; :func:`require` is the check.

The CLI takes its author from :func:`local_user` too (no Streamlit is imported here).
"""

from __future__ import annotations

import getpass
import os
from collections.abc import Mapping
from dataclasses import dataclass

from pmkg.errors import PmkgError

ROLES = frozenset({"viewer", "editor", "admin"})
# Which roles allow an action: reading the graph, changing it (corrections, uploads, removals), and
# administering the installation (users and settings, once sign-in exists).
ALLOWED: Mapping[str, frozenset[str]] = {
    "view": frozenset({"viewer", "editor", "admin"}),
    "edit": frozenset({"editor", "admin"}),
    "admin": frozenset({"admin"}),
}
USER_ENV = "PMKG_USER"
_VERBS = {"view": "see", "edit": "change", "admin": "administer"}


class NotAllowed(PmkgError):
    """The user lacks the role an action needs (a one-line message, like every user-facing error)."""

    def __init__(self, user: str, action: str) -> None:
        needed = " or ".join(sorted(ALLOWED[action]))
        super().__init__(f"{user} may not {_VERBS[action]} the graph: ask for the {needed} role")
        self.user = user
        self.action = action


@dataclass(frozen=True)
class User:
    """A person using pmkg: the name written into the history of what they change, and their roles."""

    name: str
    roles: frozenset[str]

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise ValueError("a user needs a name")
        unknown = set(self.roles) - ROLES
        if unknown:
            raise ValueError(f"unknown roles {sorted(unknown)}: a role is one of {sorted(ROLES)}")

    def can(self, action: str) -> bool:
        """Whether one of the user's roles allows ``action`` (``view``, ``edit``, ``admin``)."""
        if action not in ALLOWED:
            raise ValueError(f"unknown action {action!r}: one of {sorted(ALLOWED)}")
        return bool(self.roles & ALLOWED[action])


def local_user(env: Mapping[str, str] | None = None) -> User:
    """The person at this machine: ``PMKG_USER``, else the operating-system account; every role."""
    env = os.environ if env is None else env
    name = (env.get(USER_ENV) or "").strip()
    if not name:
        try:
            name = getpass.getuser()
        except (KeyError, OSError):  # no passwd entry (some containers) and no LOGNAME/USER
            name = f"uid {os.getuid()}"
    return User(name=name, roles=ROLES)


def current_user() -> User:
    """The user of this request. Sign-in is off, so it is :func:`local_user`; sign-in replaces this
    body with the signed-in person and the roles granted to them."""
    return local_user()


def require(user: User, action: str) -> None:
    """Refuse ``action`` unless ``user`` may do it: call before any write, whatever the page shows."""
    if not user.can(action):
        raise NotAllowed(user.name, action)
