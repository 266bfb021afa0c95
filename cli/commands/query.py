"""``pmkg query [NAME --param k=v ...]`` and ``pmkg analytics gexf|graphml --out FILE``.

``pmkg query`` lists the prebuilt questions of ``queries/``; with a name it answers one. Parameters
that name an entity take its id or its name (looked up with the full-text search). ``pmkg analytics``
writes the projected network for Gephi. Both read the same question files as the app
(``graph.questions``), so nothing about a question is defined here.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from pmkg.cli.commands.cypher import parse_param, plain, table, write_rows
from pmkg.errors import PmkgError
from pmkg.graph import connection, gephi, projection
from pmkg.graph.questions import Answer, Question, load_questions, run_question

EXPORT_FORMATS = {"gexf": gephi.write_gexf, "graphml": gephi.write_graphml}


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser(
        "query",
        help="list the prebuilt questions, or answer one",
        description="Without NAME: list the prebuilt questions (queries/*.cypher). With NAME: answer it. "
        "Entity parameters take an id (person:soren-brunak) or a name (Søren Brunak).",
    )
    parser.add_argument("name", nargs="?", help="the question to answer (see the list)")
    parser.add_argument(
        "--param", "-p", action="append", default=[], metavar="NAME=VALUE", help="a parameter of the question"
    )
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table")
    parser.add_argument("--lang", choices=["da", "en"], default="da", help="language of titles (default da)")
    parser.set_defaults(func=run)

    export = sub.add_parser(
        "analytics",
        help="export the network for Gephi (GEXF or GraphML)",
        description="Project the graph into a network (people, organisations, initiatives, meetings, "
        "agreements, themes; documents left out) and write it for Gephi.",
    )
    export.add_argument("format", choices=sorted(EXPORT_FORMATS))
    export.add_argument("--out", "-o", type=Path, required=True, help="the file to write")
    export.add_argument(
        "--label",
        action="append",
        choices=projection.NETWORK_LABELS + ("Document", "Figure", "Deadline"),
        help="node labels to include (repeat; default: the network labels)",
    )
    export.set_defaults(func=run_export)


def question_list(questions: dict[str, Question], lang: str) -> tuple[list[str], list[list[Any]]]:
    """Rows for the list: name, title, parameters (required ones marked with *), result kind."""
    rows = []
    for q in questions.values():
        params = ", ".join(f"{p.name}{'*' if p.required else ''}:{p.type}" for p in q.params)
        kind = f"{q.result} (analytic)" if q.analytic else q.result
        rows.append([q.name, q.title(lang), params, kind])
    return ["name", "title", "parameters (* required)", "result"], rows


def answer_rows(frame: pd.DataFrame) -> tuple[list[str], list[list[Any]]]:
    """Column names and rows of plain values (pandas' missing values as None)."""
    cleaned = frame.astype(object).where(frame.notna(), None)
    return [str(c) for c in frame.columns], [
        [plain(v) for v in row] for row in cleaned.itertuples(index=False)
    ]


def text(value: Any) -> str:
    """A cell as a spreadsheet or a terminal wants it: empty for missing, lists joined with '; ',
    whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(text(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def one_line(value: Any) -> str:
    """Quotes keep the line breaks of the minutes; a terminal table shows them on one line."""
    return " ".join(text(value).split())


def answer_json(answer: Answer) -> dict[str, Any]:
    """The answer as one JSON object: the question, its bound parameters, the rows and the graph."""
    keys, rows = answer_rows(answer.frame)
    return {
        "question": answer.question.name,
        "params": answer.params,
        "rows": [dict(zip(keys, row, strict=True)) for row in rows],
        "graph": plain(answer.graph),
    }


def run(args: argparse.Namespace) -> int:
    questions = load_questions()
    if not args.name:
        if args.param:
            raise PmkgError("--param needs a question NAME; run `pmkg query` to list them")
        print(table(*question_list(questions, args.lang)))
        return 0
    question = questions.get(args.name)
    if question is None:
        raise PmkgError(f"no question named '{args.name}'; run `pmkg query` to list them")
    params = dict(parse_param(p) for p in args.param)
    with connection.driver() as drv:
        answer = run_question(drv, question, params)
    if args.format == "json":
        json.dump(answer_json(answer), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        keys, rows = answer_rows(answer.frame)
        cell = one_line if args.format == "table" else text
        write_rows(keys, [[cell(v) for v in row] for row in rows], args.format)
    return 0


def run_export(args: argparse.Namespace) -> int:
    with connection.driver() as drv:
        network = projection.project(drv, labels=args.label)
    try:
        path = EXPORT_FORMATS[args.format](network, args.out)
    except OSError as exc:
        raise PmkgError(f"cannot write {args.out}: {exc.strerror or exc}") from exc
    print(f"{network.number_of_nodes()} nodes, {network.number_of_edges()} edges written to {path}")
    return 0
