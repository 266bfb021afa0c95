"""Errors a user can act on: the CLI and the app print them as one line, never a traceback."""


class PmkgError(Exception):
    """A user-facing failure with a one-line message saying what happened and what to do."""


class InputError(PmkgError):
    """A document could not be read: empty, corrupt, encrypted, too large, unsupported."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreUnavailable(PmkgError):
    """Neo4j cannot be reached."""
