"""The limits a document must keep and the one-line refusal of one that does not.

Every reader refuses through :func:`refusal`, so a broken or hostile file never gives a traceback:
only an :class:`~pmkg.errors.InputError` naming the file and the reason.
"""

from __future__ import annotations

import os
import re

from pmkg.errors import InputError


def max_bytes_from_env() -> int:
    """The size limit: PMKG_MAX_BYTES if set to a positive number of bytes, else 25 MB."""
    value = os.environ.get("PMKG_MAX_BYTES", "")
    return int(value) if value.isdigit() and int(value) > 0 else 25 * 1024 * 1024


MAX_BYTES: int = max_bytes_from_env()
"""Largest file accepted (bytes); ``PMKG_MAX_BYTES`` overrides the default of 25 MB."""

MAX_UNZIPPED_FACTOR = 8
"""A DOCX may inflate to at most this many times MAX_BYTES (its XML is verbose, bombs are not)."""

MAX_ZIP_MEMBERS = 5000


def refusal(name: str, reason: str) -> InputError:
    """The error for a refused file; control characters in the name are escaped to keep it one line."""
    printable = re.sub(r"[\x00-\x1f\x7f\u2028\u2029]", lambda m: repr(m.group())[1:-1], name)
    return InputError(printable, reason)


def too_large(name: str) -> InputError:
    """The error for a file over the size limit, saying how to raise it."""
    return refusal(
        name, f"file is larger than the limit of {size(MAX_BYTES)} (set PMKG_MAX_BYTES to change it)"
    )


def size(n: int) -> str:
    """``25 MB`` or ``1000 bytes``: a limit as a person reads it."""
    return f"{n // (1024 * 1024)} MB" if n >= 1024 * 1024 else f"{n} bytes"
