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


def interrupted(exc: BaseException) -> bool:
    """Whether ``exc`` is a Ctrl-C, or an error raised while cleaning up after one.

    A Ctrl-C that lands inside the Neo4j driver's socket read leaves its buffer half-filled; the
    driver's own clean-up then fails on it (``BufferError``, a broken connection) and that error,
    not the interrupt, reaches here. The interrupt is still in its chain, and it is what the user did.
    """
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, KeyboardInterrupt):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False
