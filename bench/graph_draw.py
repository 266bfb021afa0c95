"""Time to first draw and to expand of the app's graph in Debian's headless Chromium.

``python -m bench.graph_draw [--sizes 100 1000] [--runs 3]`` serves ``bench/graph_page.py`` (the app's
``show_graph`` over a seeded graph, no database) on loopback and, for each size, opens it in a fresh
page ``runs`` times. Measured in the page with ``performance.now()`` (milliseconds since navigation
began), polled once per animation frame:

- ``first_draw_ms``: navigation start to the first frame after Cytoscape holds every node (the page's
  Python run, the websocket, the component's mount and its first render);
- ``layout_ms``: navigation start to the first frame after the layout has stopped moving nodes (time to
  still; the app places the nodes itself, so they are still from the first frame they are drawn in);
- ``expand_ms``: the click on *expand* (50 nodes more, as a double click on Explore adds neighbours) to
  the first frame after the new nodes are drawn (Streamlit's rerun and the component's update);
- ``server_layout_ms``: laying the graph out in Python (``ui.graph_layout.layout``), cold, timed in this
  process. The app caches a layout per graph, so it is part of the first draw only on a graph's first
  visit: the first run of each size pays it, the others find it cached (each run's figures go to stderr).

The median of the runs is printed as one JSON object; a benchmark, never a test (no wall-clock assert).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

from playwright.sync_api import Page, sync_playwright

from bench.seeded import seeded_graph
from pmkg.graph.server import free_port
from pmkg.ui.graph_layout import forget_layouts, layout

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
MORE = 50

# Resolves with performance.now() at the first animation frame on which the graph holds `count` nodes
# (and, with `still`, no node moved since the frame before).
_WAIT = """([count, still]) => new Promise(resolve => {
  let last = null;
  const frame = () => {
    const host = Array.from(document.querySelectorAll('div')).find(d => d._cyreg && d._cyreg.cy);
    const cy = host && host._cyreg.cy;
    if (cy && cy.nodes().length >= count) {
      if (!still) return resolve(performance.now());
      const now = cy.nodes().map(n => n.position('x') + n.position('y')).join();
      if (now === last) return resolve(performance.now());
      last = now;
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
})"""


def wait_healthy(url: str, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"streamlit did not answer on {url}")


def one_run(page: Page, url: str, size: int) -> dict[str, float]:
    page.goto(f"{url}/?n={size}&more={MORE}")
    first = page.evaluate(_WAIT, [size, False])
    settled = page.evaluate(_WAIT, [size, True])
    page.wait_for_timeout(500)
    clicked = page.evaluate("() => performance.now()")
    page.get_by_role("button", name="expand").click()
    expanded = page.evaluate(_WAIT, [size + MORE, False])
    return {"first_draw_ms": first, "layout_ms": settled, "expand_ms": expanded - clicked}


def cold_layout_ms(size: int) -> float:
    """Milliseconds to lay out the page's graph of ``size`` nodes in Python, with the layout cache empty."""
    graph = seeded_graph(size)
    forget_layouts()
    start = time.perf_counter()
    layout(graph)
    return round((time.perf_counter() - start) * 1000)


def measure(sizes: list[int], runs: int) -> dict[str, Any]:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / "bench" / "graph_page.py"),
        "--server.address", "127.0.0.1", "--server.port", str(port), "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the page imports bench.seeded
    quiet = subprocess.DEVNULL
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=quiet, stderr=quiet)
    result: dict[str, Any] = {"load_average": os.getloadavg()[0], "runs": runs, "sizes": {}}
    try:
        wait_healthy(url)
        with sync_playwright() as playwright:
            args = ["--headless", "--no-sandbox"]
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=args)
            warm = browser.new_context(viewport={"width": 1400, "height": 1000})
            one_run(warm.new_page(), url, sizes[0])  # the server's first run imports the app: untimed
            warm.close()
            for size in sizes:
                timings = []
                for _ in range(runs):
                    context = browser.new_context(viewport={"width": 1400, "height": 1000})
                    timings.append(one_run(context.new_page(), url, size))
                    context.close()
                    print(f"{size}: {timings[-1]}", file=sys.stderr)
                result["sizes"][size] = {
                    key: round(statistics.median(t[key] for t in timings)) for key in timings[0]
                } | {"server_layout_ms": cold_layout_ms(size)}
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=15)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(json.dumps(measure(args.sizes, args.runs), indent=2))


if __name__ == "__main__":
    main()
