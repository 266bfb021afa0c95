"""The wheel: a non-editable install finds its question files and knowledge without the checkout.

The wheel is built from a copy of the sources with uv (offline: `make setup` has cached the build
backend), installed without dependencies into a fresh venv, and run with the dev venv's
site-packages on PYTHONPATH for the dependencies only: ``.pth`` files (the editable install of the
checkout) are not read from PYTHONPATH, so ``graph`` can only come from the wheel.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
UV = ["python3", "-m", "uv"]  # as the Makefile runs it

CHECK = """
import json, pmkg.graph.questions as questions, pmkg.ingest.gazetteer as gazetteer
print(json.dumps({"questions": sorted(questions.load_questions()), "folder": str(questions.QUERIES_DIR),
                  "module": questions.__file__,
                  "gazetteer": len(gazetteer.Gazetteer.load().entries)}))
"""


def run(command: list[str], **kwargs: object) -> str:
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False, **kwargs)
    assert done.returncode == 0, f"{' '.join(command)}:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A venv with only the pmkg wheel in it; returns its python."""
    work = tmp_path_factory.mktemp("wheel")
    source = work / "src"
    source.mkdir()
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    for folder in sorted(set(config["tool"]["setuptools"]["package-dir"].values())):
        shutil.copytree(ROOT / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    run([*UV, "build", "--wheel", "--offline", "--quiet", "--out-dir", str(work / "dist"), str(source)])
    (wheel,) = (work / "dist").glob("pmkg-*.whl")
    venv = work / "venv"
    run([*UV, "venv", "--quiet", "--python", sys.executable, str(venv)])
    python = venv / "bin" / "python"
    run([*UV, "pip", "install", "--offline", "--quiet", "--no-deps", "--python", str(python), str(wheel)])
    return python


def test_an_installed_wheel_finds_the_questions_and_the_knowledge(installed: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "PMKG_"))}
    env["PYTHONPATH"] = sysconfig.get_paths()["purelib"]  # the dependencies, not the checkout
    found = json.loads(run([str(installed), "-c", CHECK], cwd=tmp_path, env=env))
    venv = installed.parent.parent
    shipped = sorted(p.stem for p in (ROOT / "queries").glob("*.cypher"))
    assert found["questions"] == shipped and "international_initiatives" in shipped
    assert Path(found["module"]).is_relative_to(venv) and Path(found["folder"]).is_relative_to(venv)
    assert found["gazetteer"] > 100


def test_pmkg_extract_does_not_import_the_store_driver() -> None:
    """Only the chosen command's module is imported: the Neo4j driver alone takes seconds to load."""
    code = (
        "import sys; from pmkg.cli import build_parser; build_parser({argv}); print('neo4j' in sys.modules)"
    )
    assert run([sys.executable, "-c", code.format(argv="['extract', 'x.txt']")]).strip() == "False"
    assert run([sys.executable, "-c", code.format(argv="[]")]).strip() == "True"  # help lists every command
