"""Build the rendered test minutes (DOCX, PDF, HTML) of the ``new`` and ``holdout`` sets from their text.

Run from the checkout:  ``.venv/bin/python -m tests.minutes.src.build [new|holdout ...]``

The text of every rendered document lives in ``sources_new.py`` and ``sources_holdout.py`` (the holdout
set is kept apart: it estimates accuracy on minutes the extractor was not developed on, so whoever
develops the extractor does not read it). Plain-text and Markdown minutes are written directly in the
set's folder. The PDFs use DejaVu fonts and reportlab's invariant mode, so a rebuild gives the same
bytes; a DOCX changes its zip timestamps but not its text. After a rebuild, re-check the gold:
``.venv/bin/python -m tests.minutes.src.check_gold``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from tests.minutes.src import sources_holdout, sources_new
from tests.minutes.src.render import Source, build_docx, build_html, build_pdf, plain_text

MINUTES = Path(__file__).resolve().parent.parent
SOURCES: dict[str, dict[str, Source]] = {"new": sources_new.RENDERED, "holdout": sources_holdout.RENDERED}


def build(path: Path, source: Source) -> None:
    """Render one document in the format its file name asks for."""
    if path.suffix == ".docx":
        build_docx(source.blocks, path)
    elif path.suffix == ".pdf":
        build_pdf(source.blocks, path, source.style)
    elif path.suffix == ".html":
        build_html(source.blocks, path, source.lang)
    else:
        raise ValueError(f"{path.name}: no renderer for {path.suffix}")


def main(argv: list[str]) -> int:
    for set_name in argv or list(SOURCES):
        for name, source in SOURCES[set_name].items():
            build(MINUTES / set_name / name, source)
            print(f"{set_name}/{name}: {len(plain_text(source.blocks))} characters of text")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
