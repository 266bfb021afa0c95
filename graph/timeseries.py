"""Series over time for the plots page, from the prebuilt questions: attendance per body per meeting,
themes per period, and an initiative's network growing meeting by meeting (its profile as of each
meeting that mentions it)."""

from __future__ import annotations

import neo4j
import pandas as pd

from pmkg.graph.questions import load_questions, run_question

# Profile kinds counted as an initiative's network (who and what it is linked with).
NETWORK_KINDS = {
    "participant": "organisations",
    "funded by": "organisations",
    "person": "people",
    "theme": "themes",
}
MAX_MEETINGS = 40


def _ask(driver: neo4j.Driver, name: str, **params: object) -> pd.DataFrame:
    return run_question(driver, load_questions()[name], params).frame


def attendance(driver: neo4j.Driver, as_of: str | None = None) -> pd.DataFrame:
    """Present and absent per meeting (date, body), oldest first; meetings after ``as_of`` left out."""
    frame = _ask(driver, "meetings", limit=5000)[["date", "body", "meeting", "present", "absent"]]
    frame = frame.dropna(subset=["date"])
    frame["body"] = frame["body"].fillna(frame["meeting"])
    if as_of:
        frame = frame[frame["date"] <= as_of]
    return frame.sort_values(["date", "body"], ignore_index=True)


def themes(driver: neo4j.Driver, per: str = "quarter", as_of: str | None = None) -> pd.DataFrame:
    """Points per theme per period (the themes-over-time question); periods after ``as_of`` left out."""
    frame = _ask(driver, "themes_over_time", per=per)
    if as_of and not frame.empty:
        frame = frame[frame["period"].astype(str) <= _period_of(as_of, per)]
    return frame.reset_index(drop=True)


def _period_of(day: str, per: str) -> str:
    if per == "year":
        return day[:4]
    if per == "month":
        return day[:7]
    return f"{day[:4]}-Q{(int(day[5:7]) + 2) // 3}"


def initiative_growth(driver: neo4j.Driver, initiative: str, as_of: str | None = None) -> pd.DataFrame:
    """For each meeting whose minutes mention the initiative (oldest first, up to ``as_of``): how many
    organisations, people and themes the graph linked to it as of that meeting."""
    profile = _ask(driver, "initiative_profile", initiative=initiative, as_of=as_of, limit=MAX_MEETINGS)
    dates = sorted({d for d in profile.loc[profile["kind"] == "meeting", "date"].dropna()})
    rows = []
    for day in dates:
        then = _ask(driver, "initiative_profile", initiative=initiative, as_of=day, limit=1000)
        counts = {name: 0 for name in NETWORK_KINDS.values()}
        for kind, group in then.groupby("kind"):
            if kind in NETWORK_KINDS:
                counts[NETWORK_KINDS[str(kind)]] += group["id"].nunique()
        rows.append({"date": day, **counts})
    return pd.DataFrame(rows, columns=["date", *dict.fromkeys(NETWORK_KINDS.values())])


def long_form(frame: pd.DataFrame, x: str, columns: list[str], series: str = "series") -> pd.DataFrame:
    """Wide columns as one row per (x, series): what a line chart with one line per series reads."""
    return frame.melt(id_vars=[x], value_vars=columns, var_name=series, value_name="value")
