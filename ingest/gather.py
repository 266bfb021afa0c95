"""Which files a folder given to ``pmkg ingest`` / ``pmkg export`` holds, without leaving the folder.

A symbolic link inside a folder (to a file or a folder) whose target lies outside that folder is
skipped unless links are followed on request: a folder of minutes must not pull in ``/etc/passwd``
because someone placed a link there. Skipped links are returned so the summary can list them.
Links that stay inside the folder are harmless and read as usual. Files named on the command line
are read as given: the user chose them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from pmkg.ingest.read import FORMATS


@dataclass
class Gathered:
    """The files to read, in order, and the links left out (with why)."""

    files: list[Path] = field(default_factory=list)
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (link, reason)


def _hidden(name: str) -> bool:
    return name.startswith((".", "~$"))  # hidden files and office lock files (~$report.docx)


def _inside(target: Path, root: Path) -> bool:
    return target == root or target.is_relative_to(root)


def gather(paths: list[str], follow_links: bool = False) -> Gathered:
    """The files to ingest: files as given, folders searched recursively for supported documents.

    Hidden files and office lock files in folders are skipped; so are links leaving their folder
    unless ``follow_links`` (a folder reached twice through links is read once).
    """
    out = Gathered()
    for given in paths:
        top = Path(given)
        if not top.is_dir():
            out.files.append(top)  # a missing or unsupported file fails with its own reason
            continue
        found: list[Path] = []
        _walk(top, top.resolve(), follow_links, found, out.skipped, {top.resolve()})
        out.files.extend(sorted(found))
    out.files = list(dict.fromkeys(out.files))
    return out


def _walk(
    folder: Path,
    root: Path,
    follow: bool,
    found: list[Path],
    skipped: list[tuple[Path, str]],
    seen: set[Path],
) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # an unreadable folder holds nothing we can read
    for entry in entries:
        if _hidden(entry.name):
            continue
        path = Path(entry.path)
        if entry.is_symlink():
            target = path.resolve()
            if not follow and not _inside(target, root):
                skipped.append((path, f"link to {target}, outside {root} (use --follow-links)"))
                continue
        if path.is_dir():
            real = path.resolve()
            if real in seen:
                continue  # a link cycle, or a folder already read through another link
            seen.add(real)
            _walk(path, root, follow, found, skipped, seen)
        elif path.is_file() and path.suffix.lower() in FORMATS:
            found.append(path)
