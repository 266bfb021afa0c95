"""Read a minutes document (txt, md, pdf, docx, html) into its text, or refuse it in one line.

This is the only place that touches raw bytes. Everything downstream points into
``RawDocument.text``, so each reader decides once what "the original text" of a file is.
Any failure is an :class:`~pmkg.errors.InputError` naming the file and the reason: hostile
or broken files must never produce a traceback or unbounded memory use.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pmkg.ingest.read import limits
from pmkg.ingest.read.docx import read_docx
from pmkg.ingest.read.html import read_html
from pmkg.ingest.read.limits import refusal, too_large
from pmkg.ingest.read.pdf import read_pdf
from pmkg.ingest.read.text import read_text

FORMATS = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".pdf": "pdf",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}


@dataclass(frozen=True)
class RawDocument:
    source: str  # the file name without its folder: a changed file of that name replaces its old version
    format: str  # "txt" | "md" | "pdf" | "docx" | "html"
    sha256: str  # of the raw bytes
    text: str  # the decoded text; all provenance offsets point into THIS string
    encoding: str | None = None


def read_document(path: str | Path) -> RawDocument:
    """Read a file from disk; the size limit is checked before anything is loaded."""
    name = str(path)
    if Path(path).is_dir():
        raise refusal(name, "is a folder, not a document (`pmkg ingest` takes folders)")
    fmt = format_of(name)
    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > limits.MAX_BYTES:
                raise too_large(name)
            data = handle.read(limits.MAX_BYTES + 1)  # a file growing or a pipe cannot get past the limit
    except FileNotFoundError:
        raise refusal(name, "no such file") from None
    except PermissionError:
        raise refusal(name, "permission denied") from None
    except OSError as exc:
        raise refusal(name, f"cannot be read ({exc.strerror or exc.__class__.__name__})") from None
    if len(data) > limits.MAX_BYTES:
        raise too_large(name)
    return _read(data, name, fmt)


def read_bytes(data: bytes, name: str) -> RawDocument:
    """Read an upload held in memory; the type comes from the name and is checked against the bytes."""
    fmt = format_of(name)
    if len(data) > limits.MAX_BYTES:
        raise too_large(name)
    return _read(data, name, fmt)


def format_of(name: str) -> str:
    """The document format for a file name, from its extension."""
    suffix = Path(name).suffix.lower()
    if suffix not in FORMATS:
        known = ", ".join(sorted(FORMATS))
        raise refusal(name, f"unsupported file type '{suffix or '(none)'}'; save it as one of {known}")
    return FORMATS[suffix]


READERS: dict[str, Callable[[bytes, str], tuple[str, str | None]]] = {
    "txt": read_text,
    "md": read_text,
    "pdf": read_pdf,
    "docx": read_docx,
    "html": read_html,
}
"""The reader of each format: bytes and the file name in, the text and its encoding out."""


def _read(data: bytes, name: str, fmt: str) -> RawDocument:
    if not data.strip():
        raise refusal(name, "empty file")
    text, encoding = READERS[fmt](data, name)
    if not text.strip():
        raise refusal(name, "no text in the document")
    return RawDocument(
        source=Path(name).name,
        format=fmt,
        sha256=hashlib.sha256(data).hexdigest(),
        text=text,
        encoding=encoding,
    )
