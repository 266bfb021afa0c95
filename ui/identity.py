"""Who is using pmkg, and what they may do: the one place every author and every permission comes from.

Without sign-in (a laptop: no ``[auth]`` in the app's secrets) the user is the local one: ``PMKG_USER``
if set, else the operating-system account, with every role (whoever can run pmkg on this machine can
already change its database). With sign-in (OpenID Connect, ``ui/signin.py``) :func:`current_user` is
the signed-in person with the roles :func:`user_from_claims` reads from their identity provider's
claims, and nobody signed in has no role at all. Every write in the app (corrections, uploads,
removals) calls :func:`require` on the server side before it touches the graph. Hiding a button is a
courtesy; :func:`require` is the check.

The CLI takes its author from :func:`local_user` (Streamlit is imported only when the app asks).
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
    "contact": frozenset({"editor", "admin"}),  # exports and briefings with e-mail addresses
    "admin": frozenset({"admin"}),
}
USER_ENV = "PMKG_USER"
_VERBS = {"view": "see", "edit": "change", "contact": "export contact details from", "admin": "administer"}


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


# Who has a role by default: the claim ``roles`` holding pmkg's own role names. ``[roles]`` in the
# app's secrets changes both (README, "Running pmkg for a team").
DEFAULT_ROLE_CLAIM = "roles"
ANONYMOUS = User(name="anonymous", roles=frozenset())
# The claims that name a person in the history of what they change, most stable first.
NAME_CLAIMS = ("email", "preferred_username", "sub")


def claim_values(claims: Mapping[str, object], path: str) -> set[str]:
    """The values of claim ``path`` (dotted when nested: ``realm_access.roles``), as a set of strings."""
    value: object = claims
    for part in path.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return set()
        value = value[part]
    if isinstance(value, str):
        return {value}
    if isinstance(value, list | tuple):
        return {str(item) for item in value}
    return set()


def user_from_claims(claims: Mapping[str, object], config: Mapping[str, object] | None = None) -> User:
    """The signed-in person from their identity token's claims and the ``[roles]`` configuration.

    ``config`` has ``claim`` (the claim listing the person's roles or groups, default ``roles``) and, for
    each pmkg role, the claim values that grant it (default: the role's own name), e.g.
    ``{"claim": "groups", "editor": ["/pmkg/editors"]}``. Values that grant no pmkg role are ignored.
    """
    config = config or {}
    held = claim_values(claims, str(config.get("claim") or DEFAULT_ROLE_CLAIM))
    roles = set()
    for role in ROLES:
        granting = config.get(role, [role])
        granting = [granting] if isinstance(granting, str) else granting
        if held & {str(value) for value in granting}:  # type: ignore[union-attr]
            roles.add(role)
    name = next((str(claims[c]) for c in NAME_CLAIMS if str(claims.get(c) or "").strip()), "")
    if not name:
        raise NotAllowed("an unnamed user", "view")
    return User(name=name, roles=frozenset(roles))


def current_user() -> User:
    """The user of this request: the signed-in person when sign-in is configured (:data:`ANONYMOUS`,
    with no role, before they sign in), else :func:`local_user`."""
    from pmkg.ui import signin  # Streamlit: only the app calls this

    return signin.user()


def require(user: User, action: str) -> None:
    """Refuse ``action`` unless ``user`` may do it: call before any write, whatever the page shows."""
    if not user.can(action):
        raise NotAllowed(user.name, action)
