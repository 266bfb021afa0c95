"""Make PDF, DOCX and HTML documents from corpus text, for the reader tests and the fuzzer.

Fixtures are built from the real minutes at test time rather than committed as binaries, so
they show exactly what went into them.
"""

from __future__ import annotations

import io
import textwrap
import zipfile
from html import escape
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


def corpus_text(name: str = "ngc-advisory-board-5.txt") -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def pdf_bytes(
    lines: list[str] | list[str | list[str]],
    *,
    lines_per_page: int = 40,
    header: str | None = None,
    footer: str | None = "Side {page} af {pages}",
    password: str | None = None,
    wrap: int = 0,
) -> bytes:
    """A PDF showing ``lines`` (wrapped at ``wrap`` characters if given), with page furniture; a line
    given as a list is a table row, its cells drawn in columns 170 points apart.

    ``footer`` may use {page} and {pages}; ``password`` encrypts the file with a user password.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = _unicode_font(pdfmetrics, TTFont)
    if wrap:
        lines = [
            part
            for line in lines
            for part in (
                [line]
                if isinstance(line, list)
                else textwrap.wrap(line, wrap, break_on_hyphens=False) or [""]
            )
        ]
    pages = [lines[i : i + lines_per_page] for i in range(0, len(lines), lines_per_page)] or [[]]
    buffer = io.BytesIO()
    encrypt = None
    if password:
        from reportlab.lib.pdfencrypt import StandardEncryption

        encrypt = StandardEncryption(password, ownerPassword=password + "-owner")
    pdf = canvas.Canvas(buffer, pagesize=A4, encrypt=encrypt, invariant=1)
    width, height = A4
    for number, page in enumerate(pages, start=1):
        pdf.setFont(font, 10)
        if header:
            pdf.drawString(50, height - 40, header)
        y = height - 70
        for line in page:
            for column, cell in enumerate(line if isinstance(line, list) else [line]):
                pdf.drawString(50 + 170 * column, y, cell)
            y -= 16
        if footer:
            pdf.drawCentredString(width / 2, 30, footer.format(page=number, pages=len(pages)))
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def _unicode_font(pdfmetrics: object, ttfont: type) -> str:
    """A TrueType font with Danish letters and bullets if the system has one, else Helvetica."""
    for candidate in (
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    ):
        if Path(candidate).exists():
            pdfmetrics.registerFont(ttfont("TestSans", candidate))  # type: ignore[attr-defined]
            return "TestSans"
    return "Helvetica"


def docx_bytes(blocks: list[tuple[str, object]]) -> bytes:
    """A Word document from blocks: ("p", text), ("heading", text), ("bullet", text),
    ("number", text) and ("table", [[cell, ...], ...])."""
    import docx

    document = docx.Document()
    for kind, value in blocks:
        if kind == "p":
            document.add_paragraph(str(value))
        elif kind == "heading":
            document.add_heading(str(value), level=2)
        elif kind == "bullet":
            document.add_paragraph(str(value), style="List Bullet")
        elif kind == "number":
            document.add_paragraph(str(value), style="List Number")
        elif kind == "table":
            rows = list(value)  # type: ignore[call-overload]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            raise ValueError(kind)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bomb_docx(inflated_bytes: int) -> bytes:
    """A small archive shaped like a DOCX whose document part inflates to ``inflated_bytes``."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        with archive.open("word/document.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            written = 0
            while written < inflated_bytes:
                member.write(chunk[: inflated_bytes - written])
                written += len(chunk)
    return buffer.getvalue()


def html_bytes(title: str, lines: list[str], *, charset: str = "utf-8") -> bytes:
    """A web page with the lines as paragraphs, wrapped in navigation, scripts and a footer."""
    body = "\n".join(f"<p>{escape(line)}</p>" for line in lines)
    page = f"""<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>{escape(title)}</title>
<script>document.write("SCRIPT-TEXT")</script><style>p {{ color: red }}</style></head>
<body><nav><a href="/">Forside</a> | <a href="/om">Om os</a></nav>
<header>Sitets overskrift</header>
<main><h1>{escape(title)}</h1>
{body}
<script type="text/javascript">alert("SCRIPT-TEXT")</script>
<noscript>NOSCRIPT-TEXT</noscript>
</main>
<aside>Se også</aside><footer>Kontakt os</footer></body></html>"""
    return page.encode(charset, errors="xmlcharrefreplace")
