"""Tables as files people open: CSV (UTF-8) and Excel, list cells joined with '; '."""

from __future__ import annotations

import io

import pandas as pd

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def flat(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists become '; '-joined text so every cell fits a CSV or spreadsheet cell."""
    return frame.apply(lambda col: col.map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v))


def csv_bytes(frame: pd.DataFrame) -> bytes:
    return flat(frame).to_csv(index=False).encode("utf-8")


def xlsx_bytes(frame: pd.DataFrame, sheet: str = "pmkg") -> bytes:
    buffer = io.BytesIO()
    flat(frame).to_excel(buffer, index=False, engine="openpyxl", sheet_name=sheet[:31])
    return buffer.getvalue()
