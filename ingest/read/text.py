"""Plain text and Markdown: bytes to text in whatever encoding the file was saved in.

UTF-8 (with or without a BOM), UTF-16/32 with a BOM, UTF-16 without one, cp1252/Latin-1, and UTF-8
with stray cp1252 bytes (a file edited in two editors) are read; binary content is refused.
"""

from __future__ import annotations

import codecs
import re

from pmkg.ingest.read.limits import refusal

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# C0 controls other than tab, newline, vertical tab, form feed and carriage return
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
# any character beyond those cp1252 text in a Nordic or English document plausibly contains
_IMPLAUSIBLE_LEGACY = re.compile(
    "[^\x00-\x7f\u00a0-\u00ff\u20ac\u201a-\u201e\u2013\u2014\u2018-\u2019\u2020-\u2022\u2026]"
)


def decode_text(data: bytes, name: str) -> tuple[str, str]:
    """Decode text bytes: BOM, then UTF-16 without BOM, UTF-8, then cp1252 or Latin-1.

    Nordic letters must come out right. A UTF-8 file with a few stray legacy bytes (a pasted
    word) stays UTF-8, with the stray bytes read as cp1252; a legacy single-byte guess is only
    accepted when every non-ASCII character it yields is one such text plausibly contains,
    otherwise charset-normalizer decides among the other legacy encodings.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return checked(_decode_mostly(data[len(bom) :], encoding, name), encoding, name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return checked(_decode_mostly(data, utf16, name), utf16, name)
    try:
        return checked(data.decode("utf-8"), "utf-8", name)
    except UnicodeDecodeError:
        pass
    if b"\x00" in data:
        raise refusal(name, "binary content, not text")
    if _mostly_utf8(data):
        return checked(data.decode("utf-8", errors=_STRAY_BYTES), "utf-8", name)
    text, encoding = _decode_legacy(data)
    return checked(text, encoding, name)


def _decode_mostly(data: bytes, encoding: str, name: str) -> str:
    """Decode with a declared or detected encoding, tolerating a rare damaged character."""
    text = data.decode(encoding, errors="replace")
    if text.count("\ufffd") > 1 + len(text) // 1000:
        raise refusal(name, f"not valid {encoding} text (corrupt or binary)")
    return text


_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_STRAY_BYTES = "pmkg-stray-cp1252"


def _stray_as_cp1252(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeDecodeError):
        raise error
    stray = error.object[error.start : error.end]
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in stray), error.end


codecs.register_error(_STRAY_BYTES, _stray_as_cp1252)


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed UTF-8 sequences than invalid bytes: UTF-8 with stray legacy bytes."""
    sequences = len(_UTF8_SEQUENCE.findall(data))
    if not sequences:
        return False
    invalid = data.decode("utf-8", errors="replace").count("\ufffd") - data.count(b"\xef\xbf\xbd")
    return sequences >= invalid


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 of Latin-script text has a zero byte in every other position."""
    sample = data[:4096]
    pairs = len(sample) // 2
    if pairs < 2 or len(data) % 2:
        return None
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    if odd_zero >= 0.4 * pairs and even_zero <= 0.05 * pairs:
        return "utf-16-le"
    if even_zero >= 0.4 * pairs and odd_zero <= 0.05 * pairs:
        return "utf-16-be"
    return None


def _decode_legacy(data: bytes) -> tuple[str, str]:
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:  # one of the five bytes cp1252 leaves undefined
        text = None
    if text is not None and not _IMPLAUSIBLE_LEGACY.search(text):
        return text, "cp1252" if re.search(rb"[\x80-\x9f]", data) else "latin-1"
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    if best is not None and best.encoding:
        try:
            return data.decode(best.encoding), best.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    return data.decode("latin-1"), "latin-1"


def checked(text: str, encoding: str, name: str) -> tuple[str, str]:
    """Refuse decoded text that is mostly control characters: binary data with a text name."""
    if "\x00" in text or len(_CONTROL.findall(text[:100_000])) > 0.01 * min(len(text), 100_000) + 1:
        raise refusal(name, "binary content, not text")
    return text, encoding


def read_text(data: bytes, name: str) -> tuple[str, str]:
    refuse_other_formats(data, name)
    return decode_text(data, name)


def refuse_other_formats(data: bytes, name: str) -> None:
    if data.startswith(b"%PDF-"):
        raise refusal(name, "is a PDF, not text (rename it to .pdf)")
    if data.startswith(b"PK\x03\x04"):
        raise refusal(name, "is a zip archive (a Word document?), not text")
