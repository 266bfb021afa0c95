"""One entry to every output format: a document's bytes in the format asked for, and its file details."""

from __future__ import annotations

from pmkg.errors import PmkgError
from pmkg.reports.model import Report

# format -> (file extension, media type)
FORMATS = {
    "md": ("md", "text/markdown"),
    "docx": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "pdf": ("pdf", "application/pdf"),
}


def render(report: Report, fmt: str) -> bytes:
    """The document as ``fmt`` (md, docx or pdf); each format's module is imported only when used."""
    if fmt == "md":
        from pmkg.reports import markdown

        return markdown.render(report).encode("utf-8")
    if fmt == "docx":
        from pmkg.reports import docx

        return docx.render(report)
    if fmt == "pdf":
        from pmkg.reports import pdf

        return pdf.render(report)
    raise PmkgError(f"unknown format '{fmt}' (formats: {', '.join(FORMATS)})")
