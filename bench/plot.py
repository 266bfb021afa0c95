"""``python -m bench.plot RESULT.json [--out docs/benchmark-growth.svg]``: the growth curve of a bench run.

Two panels against corpus size (log scale): the load time of the whole corpus, and the 95th-percentile
latency of every prebuilt question (parameters drawn at random), with the 50 ms target drawn in.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, no display

import matplotlib.pyplot as plt  # noqa: E402 - after choosing the backend

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "benchmark-growth.svg"
TARGET_MS = 50


def series(curve: list[dict[str, Any]], key: str) -> dict[str, list[float]]:
    """Per question, its values of ``key`` (e.g. ``query_p95_ms``) at each size of the curve."""
    names = sorted({name for point in curve for name in point.get(key, {})})
    return {name: [point.get(key, {}).get(name, float("nan")) for point in curve] for name in names}


def draw(result: dict[str, Any], out: Path) -> Path:
    """Write the two-panel figure for a bench result to ``out`` (SVG or PNG by its suffix)."""
    curve = sorted(result["curve"], key=lambda p: p["documents"])
    sizes = [p["documents"] for p in curve]
    fig, (load, query) = plt.subplots(1, 2, figsize=(12, 5), constrained_layout=True)

    load.plot(sizes, [p["load_seconds"] for p in curve], marker="o", label="pmkg loader")
    load.set(xscale="log", yscale="log", xlabel="documents", ylabel="seconds", title="Loading the corpus")
    for size, point in zip(sizes, curve, strict=True):
        load.annotate(f"{point['relationships']:,} rels", (size, point["load_seconds"]), fontsize=8)
    load.grid(True, which="both", alpha=0.3)
    load.legend()

    markers = "o^sDv<>pX*"
    query.set_prop_cycle(color=plt.get_cmap("tab20").colors)
    for number, (name, values) in enumerate(series(curve, "query_p95_ms").items()):
        query.plot(sizes, values, marker=markers[number % len(markers)], markersize=4, label=name)
    query.axhline(TARGET_MS, color="red", linestyle="--", linewidth=1, label=f"target {TARGET_MS} ms")
    query.set(xscale="log", yscale="log", xlabel="documents", ylabel="ms (p95)", title="Prebuilt questions")
    query.grid(True, which="both", alpha=0.3)
    query.legend(fontsize=7, loc="upper left", bbox_to_anchor=(1.01, 1))

    machine = result.get("machine", {})
    fig.suptitle(
        f"pmkg growth curve ({machine.get('cpus', '?')} cores, Neo4j {machine.get('neo4j', '?')}, "
        f"{'quick' if result.get('quick') else 'full'} run)"
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out)
    plt.close(fig)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.plot", description=__doc__.splitlines()[0])
    parser.add_argument("result", type=Path, help="the JSON printed by python -m bench")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"SVG or PNG (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    print(draw(json.loads(args.result.read_text(encoding="utf-8")), args.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
