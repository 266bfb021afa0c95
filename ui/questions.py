"""Questions: the prebuilt questions of ``queries/``, with pickers filled from the graph.

The answer is shown as the question's file says (table, graph or chart) and can be switched
to the other views it supports; it downloads as CSV, Excel and RDF. A reader without the contact
permission is shown, and downloads, the answer without its contact details (``graph.contact``).
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import altair as alt
import neo4j
import pandas as pd
import streamlit as st

from pmkg.graph import questions as qs
from pmkg.graph import subgraph
from pmkg.graph.contact import CONTACT, shown_to
from pmkg.graph.rdf import FORMATS, ExportOptions, rows_to_dataset, serialize
from pmkg.ui import asof, data, links, tables
from pmkg.ui.codes import choice_name
from pmkg.ui.downloads import answer_docx_button
from pmkg.ui.graph_view import MAX_ELEMENTS, GraphData, cap, from_rows
from pmkg.ui.i18n import current_language, has, rows_caption, t
from pmkg.ui.identity import current_user
from pmkg.ui.link_details import bind_link, follow_click, show_clicked
from pmkg.ui.picker import entity_picker
from pmkg.ui.plots import chart_height, series_colour
from pmkg.ui.widgets import fresh_event, readable, show_graph

GRAPH_KEY = "question_graph"
FROM_DATE = "on"  # the parameter of questions that look ahead from a date (upcoming meetings and deadlines)


def param_input(driver: neo4j.Driver, question: qs.Question, param: qs.Param, lang: str) -> Any:
    """One picker per parameter: a choice list from the graph, a date, a number or free text; each in the
    link under the parameter's own name (``?question=near&entity=person:soren-brunak&radius=2``)."""
    key = f"q_{question.name}_{param.name}"
    label = param.label(lang)
    options = qs.choices(driver, param) if (param.is_entity or param.choices_cypher) else []
    if options:
        names = {o["id"]: o["name"] for o in options}
        links.bind(key, param.name, choices=names)
        index = list(names).index(param.default) if param.default in names else None
        if param.is_entity:  # found as the search box finds ("Soren" -> Søren Brunak)
            return entity_picker(driver, label, names, key, index=index)
        shown = {i: choice_name(param.name, i, name, lang) for i, name in names.items()}  # not "quarter"
        return st.selectbox(
            label, list(shown), index=index, format_func=shown.__getitem__, placeholder=t("q.pick"), key=key
        )
    if param.type == "int":
        links.bind(key, param.name, links.INT, check=lambda v: in_range(v, param), resend=False)
        value = int(param.default) if param.default is not None else (param.minimum or 0)
        return st.number_input(
            label,
            min_value=param.minimum,
            max_value=param.maximum,
            value=links.start(key, value),
            step=1,
            key=key,
        )
    if param.type == "date":
        links.bind(key, param.name, links.DATE, resend=False)
        if param.default is None:
            value = None
        elif param.default == "today":
            value = dt.date.today()
        else:
            value = dt.date.fromisoformat(param.default)
        return st.date_input(label, value=links.start(key, value), format="YYYY-MM-DD", key=key)
    links.bind(key, param.name, resend=False)
    return st.text_input(label, value=links.start(key, param.default or ""), key=key)


def in_range(value: int, param: qs.Param) -> bool:
    """Whether a linked number fits the picker (a number outside its bounds would stop the page)."""
    above = param.minimum is None or value >= param.minimum
    return above and (param.maximum is None or value <= param.maximum)


def frame_for_download(frame: pd.DataFrame) -> pd.DataFrame:
    """Lists become '; '-joined text so every cell fits a CSV or spreadsheet cell."""
    return frame.apply(lambda col: col.map(lambda v: "; ".join(map(str, v)) if isinstance(v, list) else v))


def excel_bytes(frame: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    frame_for_download(frame).to_excel(buffer, index=False, engine="openpyxl")
    return buffer.getvalue()


def chart(frame: pd.DataFrame, spec: tuple[str, ...], lang: str) -> alt.Chart:
    """The chart a question asks for: bars of ``y`` per ``x`` (dates in order), coloured by an
    optional ``series`` column (its ``_en`` twin in English when the answer has one)."""
    x, y, *rest = spec
    series = rest[0] if rest else None
    if series and lang == "en" and f"{series}_en" in frame.columns:
        series = f"{series}_en"

    def title(column: str) -> str:
        return t(f"col.{column}") if has(f"col.{column}") else column

    encoding: dict[str, Any] = {
        "x": alt.X(f"{x}:O", title=title(x), sort="ascending"),
        "y": alt.Y(f"{y}:Q", title=title(y)),
        "tooltip": [alt.Tooltip(x, title=title(x)), alt.Tooltip(y, title=title(y))],
    }
    if series:
        encoding["color"] = series_colour(series, title(rest[0]))
        encoding["tooltip"].append(alt.Tooltip(series, title=title(rest[0])))
    height = max(360, chart_height(frame[series].nunique())) if series else 360
    return alt.Chart(frame).mark_bar().encode(**encoding).properties(height=height)


def downloads(driver: neo4j.Driver, answer: qs.Answer) -> None:
    name = answer.question.name
    cols = st.columns(5, vertical_alignment="bottom")
    cols[0].download_button(
        "CSV",
        frame_for_download(answer.frame).to_csv(index=False).encode("utf-8"),
        file_name=f"{name}.csv",
        mime="text/csv",
        icon=":material/download:",
        key="q_csv",
        on_click="ignore",
    )
    cols[1].download_button(
        "Excel",
        excel_bytes(answer.frame),
        file_name=f"{name}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        key="q_xlsx",
        on_click="ignore",
    )
    with cols[4]:
        answer_docx_button(answer, f"{name}.docx")
    if not subgraph.answer_ids(answer):
        return
    # the RDF carries contact details exactly when the screen showed them (editors): the same answer
    options = ExportOptions(include_contact_details=current_user().can(CONTACT))
    fmt = cols[2].selectbox(t("q.rdf_format"), list(FORMATS), key="q_rdf_format")
    extension, media_type = FORMATS[fmt][1], FORMATS[fmt][2]
    cols[3].download_button(
        "RDF",
        lambda: serialize(rows_to_dataset(subgraph.answer_rows(driver, answer), options), fmt),
        file_name=f"{name}.{extension}",
        mime=media_type,
        icon=":material/download:",
        key="q_rdf",
        on_click="ignore",
    )


def _answer(driver: neo4j.Driver, question: qs.Question, values: dict[str, Any]) -> qs.Answer:
    """Run a question once per choice of parameters (graph clicks rerun the page, not the query), and
    keep from it what the signed-in reader may see: the table, graph and every download come from this."""
    cache_key = (question.name, tuple(sorted((k, str(v)) for k, v in values.items())))
    cached = st.session_state.get("q_answer")
    if cached and cached[0] == cache_key:
        answer = cached[1]
    else:
        with st.spinner(t("q.running")):
            answer = qs.run_question(driver, question, values)
        st.session_state.q_answer = (cache_key, answer)
    return shown_to(current_user(), answer)


def show_answer_graph(found: dict[str, Any], name: str) -> GraphData:
    """An answer's graph; returns it as drawn, for the details of the node or link clicked (or the node
    named by the link) in it."""
    graph, truncated = cap(from_rows(found["nodes"], found["edges"]), MAX_ELEMENTS)
    if truncated:
        st.warning(t("explore.capped", n=MAX_ELEMENTS))
    event = fresh_event(show_graph(graph, key=f"{GRAPH_KEY}-{name}", height=560), GRAPH_KEY)
    follow_click(event, "q_node", "q_edge")
    bind_link("q_edge", graph)
    links.bind("q_node", "node", check=graph.nodes.__contains__)
    if st.session_state.get("q_node") not in graph.nodes:
        st.session_state.q_node = None  # a node of another answer
    return graph


def show_answer(driver: neo4j.Driver, answer: qs.Answer) -> None:
    views = ["table"]
    if answer.graph:
        views.append("graph")
    if answer.question.chart:
        views.append("chart")
    preferred = answer.question.result if answer.question.result in views else "table"
    links.bind(f"q_view_{answer.question.name}", "view", choices=views)
    view = st.segmented_control(
        t("q.view"),
        views,
        default=preferred,
        format_func={v: t(f"q.view.{v}") for v in ("table", "graph", "chart")}.__getitem__,
        key=f"q_view_{answer.question.name}",
    )
    st.caption(rows_caption(len(answer.frame)))
    if answer.frame.empty and answer.params.get(FROM_DATE):
        latest = data.latest_meeting_date(driver)
        st.info(t("q.none_from", date=answer.params[FROM_DATE], latest=latest or "–"))
    drawn = None
    if view == "graph" and answer.graph:
        drawn = show_answer_graph(answer.graph, answer.question.name)
    elif view == "chart" and answer.question.chart:
        st.altair_chart(chart(answer.frame, answer.question.chart, current_language()), width="stretch")
    else:
        tables.show(readable(answer.frame), choose_key=f"q_columns_{answer.question.name}")
    links.copy_link()
    if drawn is not None:
        show_clicked(driver, drawn, "q_node", "q_edge")
    downloads(driver, answer)


def render(driver: neo4j.Driver) -> None:
    asof.caption()
    lang = current_language()
    questions = qs.load_questions()
    links.bind("q_name", "question", choices=questions)
    name = st.selectbox(
        t("q.choose"),
        list(questions),
        format_func={n: q.title(lang) for n, q in questions.items()}.__getitem__,
        key="q_name",
    )
    question = questions[name]
    st.caption(question.description(lang))
    values: dict[str, Any] = {}
    if question.params:
        cols = st.columns(min(3, len(question.params)))
        for i, param in enumerate(question.params):
            if param.name == asof.PARAM:  # the sidebar's as-of date answers for every question that takes one
                values[param.name] = asof.current()
                continue
            with cols[i % len(cols)]:
                values[param.name] = param_input(driver, question, param, lang)
    missing = [p.label(lang) for p in question.params if p.required and values.get(p.name) in (None, "")]
    if missing:
        st.info(t("q.missing", names=", ".join(missing)))
        return
    show_answer(driver, _answer(driver, question, values))
