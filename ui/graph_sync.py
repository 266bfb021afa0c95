"""What the graph component is sent on each rerun: the whole graph once, then only what changed.

Sent every element on every rerun, the component re-applies the data of each one it holds, and each such
change recounts the whole graph for its statistics panel: at 1,000 nodes an expand spent seconds doing so
(issue 20). Here the component gets the elements on its first draw (``elements_sync="initial"``) and
afterwards commands that delete, add or update only the elements that changed since.

Every command since that first draw is passed on every rerun: the component applies each one once per
mount, and they can be replayed (adding an element it holds, or deleting one it lacks, does nothing), so a
component mounted afresh, which asks for and is given the current elements, ends in the same state. Past
``MAX_COMMANDS`` the component is mounted afresh instead (its key takes the next generation), so the list
stays short. The session keeps, per graph, what the browser was sent. Pure apart from the session state.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import streamlit as st
from st_graph_workbench import (
    GraphCommand,
    add_elements_command,
    delete_elements_command,
    upsert_elements_command,
    viewport_command,
)

MAX_COMMANDS = 30

Element = dict[str, Any]


@dataclass
class Sent:
    """What the browser holds of one graph: the mount's generation, its elements and the commands since."""

    generation: int
    held: dict[tuple[str, str], Element]
    commands: list[GraphCommand]


def by_id(elements: dict[str, list[Element]]) -> dict[tuple[str, str], Element]:
    """Each element by its group and id (a node and an edge may share an id)."""
    return {(group, str(e["data"]["id"])): e for group in ("nodes", "edges") for e in elements[group]}


def diff(
    held: dict[tuple[str, str], Element], now: dict[tuple[str, str], Element], prefix: str
) -> list[GraphCommand]:
    """The commands (ids ``prefix:n``) that turn the elements ``held`` into ``now``: removals first, then
    additions (nodes before the edges between them), then changed data (a node's size, a caption), then,
    when elements came or went, a fit of the view to the whole drawing."""
    gone = [key for key in held if key not in now]
    new = [key for key in now if key not in held]
    changed = [key for key in now if key in held and held[key]["data"] != now[key]["data"]]
    commands: list[GraphCommand] = []
    if gone:
        commands.append(
            delete_elements_command(
                f"{prefix}:{len(commands)}",
                node_ids=[i for g, i in gone if g == "nodes"],
                edge_ids=[i for g, i in gone if g == "edges"],
            )
        )
    for keys, make in ((new, add_elements_command), (changed, upsert_elements_command)):
        if keys:
            commands.append(
                make(
                    f"{prefix}:{len(commands)}",
                    nodes=[now[k] for k in keys if k[0] == "nodes"],
                    edges=[now[k] for k in keys if k[0] == "edges"],
                )
            )
    if gone or new:  # the drawing changed its extent: show all of it, as the first draw did
        commands.append(viewport_command(f"{prefix}:{len(commands)}", "fit", padding=30))
    return commands


def changes(key: str, elements: dict[str, list[Element]]) -> tuple[str, list[GraphCommand]]:
    """The component key to draw the graph ``key`` under and the commands to pass it this rerun."""
    state_key = f"{key}:sent"
    sent: Sent | None = st.session_state.get(state_key)
    now = by_id(elements)
    if sent is None or len(sent.commands) >= MAX_COMMANDS:
        generation = sent.generation + 1 if sent else 0
        st.session_state[state_key] = Sent(generation, now, [])
        return f"{key}-{generation}", []
    sent.commands += diff(sent.held, now, f"{sent.generation}:{len(sent.commands)}")
    sent.held = now
    return f"{key}-{sent.generation}", list(sent.commands)
