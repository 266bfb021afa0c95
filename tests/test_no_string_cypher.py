"""No Cypher is ever built from data: an AST walk over every Python file and a scan of queries/*.cypher.

A *sink* is a call that sends text to Neo4j: ``<x>.run(q)``, ``<x>.execute_query(q)``, ``Query(q)``, and
every function of the project that passes one of its own parameters straight into a sink (found by
propagation, e.g. ``graph.connection.read``), whose call sites are then checked instead. The query
argument of a sink must be *constant*:

- a string literal, or literal pieces joined with ``+``, or ``a if c else b`` of constants;
- a name bound only to constants (module level, imported from a project module, or local);
- ``labelled(<constant template>, label=...)`` (``graph.schema.labelled`` fills labels and types from
  a whitelist and raises on anything else);
- a question's ``.cypher`` / ``.choices_cypher`` (``graph.questions`` reads them from ``queries/*.cypher``,
  which this test scans too).

f-strings, ``.format``, ``%`` and concatenation with anything else fail. The read-only console,
and the app's expert console, whose purpose is to run the user's query, are the exceptions and say so
with a ``# safe-cypher: <reason>`` comment on (or just above) the call line.
"""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SKIP_DIRS = {".venv", ".git", ".pmkg", "neo4j-server", "node_modules", "build", "dist", "__pycache__"}
SINK_METHODS = {"run": (0, "query"), "execute_query": (0, "query_")}
SINK_FUNCTIONS = {"Query": (0, "text")}
NOT_NEO4J = {"subprocess", "asyncio", "pytest"}  # receivers whose .run is not Cypher
BUILDERS = {"labelled"}
QUERY_FILE_FIELDS = {"cypher", "choices_cypher"}
PRAGMA = "# safe-cypher:"
PRAGMA_FILES = {
    "cli/commands/cypher.py",
    "ui/expert.py",
    "graph/console.py",
}  # a new exception must be added here, deliberately


@dataclass
class Module:
    name: str  # dotted
    path: str  # relative, for messages
    tree: ast.Module
    lines: list[str]
    constants: dict[str, list[ast.expr]] = field(default_factory=dict)  # module-level bindings
    imports: dict[str, tuple[str, str | None]] = field(default_factory=dict)  # local -> (module, name)
    functions: set[str] = field(default_factory=set)


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    code: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: Cypher built from non-constant text: {self.code}"


def parse_modules(sources: dict[str, str], packages: dict[str, str] | None = None) -> dict[str, Module]:
    """Parse ``{relative path: source}`` into modules with their bindings and imports.

    ``packages`` maps a top folder to the package it installs as (``graph`` -> ``pmkg.graph``), so a
    module is named as the code imports it.
    """
    modules = {}
    for path, source in sources.items():
        name = path.removesuffix(".py").replace("/", ".").removesuffix(".__init__")
        top, _, rest = name.partition(".")
        if packages and top in packages:
            name = ".".join(part for part in (packages[top], rest) if part)
        tree = ast.parse(source, filename=path)
        mod = Module(name, path, tree, source.splitlines())
        for node in tree.body:
            targets: list[ast.expr] = []
            if isinstance(node, ast.Assign):
                targets, value = node.targets, node.value
            elif isinstance(node, ast.AnnAssign) and node.value is not None:
                targets, value = [node.target], node.value
            for target in targets:
                if isinstance(target, ast.Name):
                    mod.constants.setdefault(target.id, []).append(value)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                mod.functions.add(node.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                for alias in node.names:
                    mod.imports[alias.asname or alias.name] = (node.module, alias.name)
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    mod.imports[alias.asname or alias.name.split(".")[0]] = (alias.name, None)
        modules[name] = mod
    return modules


class Checker:
    """Finds sinks and checks their query arguments across all modules (see the module docstring)."""

    def __init__(self, modules: dict[str, Module]) -> None:
        self.modules = modules
        # (module, function) -> (position, keyword) of the parameter that reaches a sink
        self.wrappers: dict[tuple[str, str], tuple[int, str]] = {}
        self.violations: list[Violation] = []
        self.pragmas: set[str] = set()

    # -- resolving names ------------------------------------------------------------------------
    def _module_of(self, mod: Module, local: str) -> Module | None:
        """The project module a local name refers to (``from graph import connection``)."""
        if local not in mod.imports:
            return None
        base, name = mod.imports[local]
        return self.modules.get(f"{base}.{name}" if name else base)

    def _callee(self, mod: Module, func: ast.expr) -> tuple[str, str] | None:
        if isinstance(func, ast.Name):
            if func.id in mod.functions:
                return mod.name, func.id
            if func.id in mod.imports and mod.imports[func.id][1]:
                base, name = mod.imports[func.id]
                return base, name  # type: ignore[return-value]
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
            target = self._module_of(mod, func.value.id)
            if target is not None:
                return target.name, func.attr
        return None

    def _imported_constant(self, mod: Module, local: str, seen: set[int]) -> bool:
        base, name = mod.imports[local]
        target = self.modules.get(base)
        if target is None or name is None or name not in target.constants:
            return False
        return all(self.constant(target, v, [], seen) for v in target.constants[name])

    # -- the constant rule ----------------------------------------------------------------------
    def constant(self, mod: Module, expr: ast.expr, scopes: list[ast.AST], seen: set[int]) -> bool:
        """Whether ``expr`` can only evaluate to text written in the code."""
        if id(expr) in seen:
            return True  # a cycle adds no data
        seen = seen | {id(expr)}
        if isinstance(expr, ast.Constant):
            return isinstance(expr.value, str)
        if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
            return self.constant(mod, expr.left, scopes, seen) and self.constant(
                mod, expr.right, scopes, seen
            )
        if isinstance(expr, ast.IfExp):
            return self.constant(mod, expr.body, scopes, seen) and self.constant(
                mod, expr.orelse, scopes, seen
            )
        if isinstance(expr, ast.Name):
            for scope in reversed(scopes):
                bound = local_bindings(scope).get(expr.id)
                if bound is not None:
                    return bool(bound) and all(
                        v is not None and self.constant(mod, v, scopes, seen) for v in bound
                    )
            if expr.id in mod.constants:
                return all(self.constant(mod, v, [], seen) for v in mod.constants[expr.id])
            if expr.id in mod.imports:
                return self._imported_constant(mod, expr.id, seen)
            return False
        if isinstance(expr, ast.Attribute):
            if expr.attr in QUERY_FILE_FIELDS:
                return True
            if isinstance(expr.value, ast.Name):
                target = self._module_of(mod, expr.value.id)
                if target is not None and expr.attr in target.constants:
                    return all(self.constant(target, v, [], seen) for v in target.constants[expr.attr])
            return False
        if isinstance(expr, ast.Subscript):
            return self.constant_items(mod, expr.value, scopes, seen)
        if isinstance(expr, ast.Call):
            name = expr.func.id if isinstance(expr.func, ast.Name) else getattr(expr.func, "attr", None)
            if (name in BUILDERS or name in SINK_FUNCTIONS) and expr.args:
                return self.constant(mod, expr.args[0], scopes, seen)
        return False

    def constant_items(self, mod: Module, expr: ast.expr, scopes: list[ast.AST], seen: set[int]) -> bool:
        """Whether every item of a container (tuple, list, set, dict values) is constant text."""
        if isinstance(expr, ast.Tuple | ast.List | ast.Set):
            return all(self.constant(mod, e, scopes, seen) for e in expr.elts)
        if isinstance(expr, ast.Dict):
            return all(self.constant(mod, v, scopes, seen) for v in expr.values)
        if isinstance(expr, ast.Name) and expr.id in mod.constants:
            return all(self.constant_items(mod, v, [], seen) for v in mod.constants[expr.id])
        return False

    # -- walking --------------------------------------------------------------------------------
    def _query_arg(self, mod: Module, call: ast.Call) -> tuple[ast.expr | None, bool]:
        """(the query argument of ``call``, whether it is a sink at all)."""
        func = call.func
        spec = None
        if isinstance(func, ast.Attribute) and func.attr in SINK_METHODS:
            if not (isinstance(func.value, ast.Name) and func.value.id in NOT_NEO4J):
                spec = SINK_METHODS[func.attr]
        elif isinstance(func, ast.Name | ast.Attribute):
            name = func.id if isinstance(func, ast.Name) else func.attr
            if name in SINK_FUNCTIONS:
                spec = SINK_FUNCTIONS[name]
            callee = self._callee(mod, func)
            if callee in self.wrappers:
                spec = self.wrappers[callee]
        if spec is None:
            return None, False
        position, keyword = spec
        if len(call.args) > position and not any(
            isinstance(a, ast.Starred) for a in call.args[: position + 1]
        ):
            return call.args[position], True
        for kw in call.keywords:
            if kw.arg == keyword:
                return kw.value, True
        return None, True

    def _visit(self, mod: Module, node: ast.AST, scopes: list[ast.AST], report: bool) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            scopes = [*scopes, node]
        if isinstance(node, ast.Call):
            arg, is_sink = self._query_arg(mod, node)
            if is_sink and arg is not None:
                self._check(mod, node, arg, scopes, report)
        for child in ast.iter_child_nodes(node):
            self._visit(mod, child, scopes, report)

    def _check(self, mod: Module, call: ast.Call, arg: ast.expr, scopes: list[ast.AST], report: bool) -> None:
        if isinstance(arg, ast.Name):
            owner = parameter_owner(arg.id, scopes)
            # a parameter of a module-level function is passed through: its callers are checked instead
            if isinstance(owner, ast.FunctionDef | ast.AsyncFunctionDef) and owner in mod.tree.body:
                params = [a.arg for a in owner.args.posonlyargs + owner.args.args]
                position = params.index(arg.id) if arg.id in params else 10_000
                self.wrappers.setdefault((mod.name, owner.name), (position, arg.id))
                return
        if not report or self.constant(mod, arg, scopes, set()):
            return
        line = mod.lines[call.lineno - 1]
        for text in (line, mod.lines[call.lineno - 2] if call.lineno > 1 else ""):
            if PRAGMA in text and text.split(PRAGMA, 1)[1].strip():  # on the call's line or just above
                self.pragmas.add(mod.path)
                return
        self.violations.append(Violation(mod.path, call.lineno, line.strip()))

    def run(self) -> list[Violation]:
        """Propagate wrappers to a fixed point, then report every non-constant query argument."""
        while True:
            known = len(self.wrappers)
            for mod in self.modules.values():
                self._visit(mod, mod.tree, [], report=False)
            if len(self.wrappers) == known:
                break
        for mod in self.modules.values():
            self._visit(mod, mod.tree, [], report=True)
        return self.violations


def local_bindings(scope: ast.AST) -> dict[str, list[ast.expr | None]]:
    """Names bound in a function body (not nested functions); ``None`` marks a non-simple binding."""
    out: dict[str, list[ast.expr | None]] = {}
    if isinstance(scope, ast.Lambda):
        return out

    def walk(node: ast.AST) -> Iterator[ast.AST]:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda | ast.ClassDef):
                continue
            yield child
            yield from walk(child)

    for node in walk(scope):
        if isinstance(node, ast.Assign):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    out.setdefault(target.id, []).append(node.value)
                else:
                    for name in ast.walk(target):
                        if isinstance(name, ast.Name):
                            out.setdefault(name.id, []).append(None)
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            out.setdefault(node.target.id, []).append(node.value)
        elif isinstance(node, ast.For | ast.comprehension) and isinstance(node.target, ast.Name):
            # the loop variable is an item of what it iterates over: constant if all items are
            out.setdefault(node.target.id, []).append(ast.Subscript(value=node.iter, slice=ast.Constant(0)))
        elif isinstance(node, ast.AugAssign | ast.For | ast.With | ast.NamedExpr | ast.comprehension):
            target = getattr(node, "target", None) or getattr(node, "optional_vars", None)
            for item in getattr(node, "items", []):
                if item.optional_vars is not None:
                    target = item.optional_vars
            for name in ast.walk(target) if target is not None else ():
                if isinstance(name, ast.Name):
                    out.setdefault(name.id, []).append(None)
    return out


def parameter_owner(name: str, scopes: list[ast.AST]) -> ast.AST | None:
    """The innermost enclosing function with a parameter ``name`` not rebound in between, if any."""
    for scope in reversed(scopes):
        if not isinstance(scope, ast.Lambda) and name in local_bindings(scope):
            return None
        args = scope.args  # type: ignore[attr-defined]
        params = {a.arg for a in args.posonlyargs + args.args + args.kwonlyargs}
        if name in params:
            return scope
    return None


def check_sources(
    sources: dict[str, str], packages: dict[str, str] | None = None
) -> tuple[list[Violation], set[str]]:
    """Violations in the given sources and the files that use the pragma."""
    checker = Checker(parse_modules(sources, packages))
    return checker.run(), checker.pragmas


def project_packages() -> dict[str, str]:
    """Top folder -> installed package, from pyproject.toml's package-dir."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return {folder: package for package, folder in config["tool"]["setuptools"]["package-dir"].items()}


def project_sources() -> dict[str, str]:
    sources = {}
    for path in sorted(ROOT.rglob("*.py")):
        rel = path.relative_to(ROOT)
        if SKIP_DIRS & set(rel.parts):
            continue
        sources[rel.as_posix()] = path.read_text(encoding="utf-8")
    return sources


# Python formatting placeholders, string interpolation and dynamic Cypher have no place in a query file.
CYPHER_FILE_SMELLS = re.compile(
    r"(?<![\w.$])\{\s*[A-Za-z_]\w*\s*\}|%\(?\w*\)?s\b|\$\{|apoc\.cypher\.(?:run|doit)", re.IGNORECASE
)


def cypher_file_problems(text: str) -> list[str]:
    """Lines of a .cypher file that look like text meant to be filled in by code."""
    return [line.strip() for line in text.splitlines() if CYPHER_FILE_SMELLS.search(line.split("//", 1)[0])]


# --- the project ---------------------------------------------------------------------------------


def test_project_builds_no_cypher_from_data() -> None:
    sources = project_sources()
    assert {"graph/store.py", "app.py", "tests/test_no_string_cypher.py"} <= set(sources)
    violations, pragmas = check_sources(sources, project_packages())
    assert not violations, "\n".join(map(str, violations))
    assert pragmas <= PRAGMA_FILES


def test_a_call_through_the_installed_package_name_is_followed() -> None:
    """``from pmkg.graph import connection`` in another folder reaches the wrapper in graph/connection.py."""
    sources = project_sources()
    sources["ui/evil.py"] = (
        "from pmkg.graph import connection\n\n"
        "def find(driver, name):\n"
        '    return connection.read(driver, "MATCH (n {name: \'" + name + "\'}) RETURN n")\n'
    )
    violations, _ = check_sources(sources, project_packages())
    assert [v.path for v in violations] == ["ui/evil.py"]


def test_the_walk_finds_the_project_wrappers() -> None:
    checker = Checker(parse_modules(project_sources(), project_packages()))
    checker.run()
    assert ("pmkg.graph.connection", "read") in checker.wrappers
    assert ("pmkg.graph.connection", "write") in checker.wrappers


def test_query_files_have_no_placeholders() -> None:
    files = sorted((ROOT / "queries").glob("*.cypher"))
    assert files
    problems = {f.name: p for f in files if (p := cypher_file_problems(f.read_text(encoding="utf-8")))}
    assert not problems


# --- the checker can fail ------------------------------------------------------------------------

HELPERS = """
from pmkg.graph.schema import labelled
Q = "MATCH (n {id: $id}) RETURN n"
T = "MATCH (n:{label}) RETURN n"
def read(drv, query, params=None):
    return drv.session().execute_read(lambda tx: tx.run(query, params))
"""

BAD = {
    "f-string": "def f(tx, name):\n    tx.run(f\"MATCH (n {{name: '{name}'}}) RETURN n\")\n",
    "format": "def f(tx, name):\n    tx.run(\"MATCH (n {{name: '{}'}}) RETURN n\".format(name))\n",
    "percent": "def f(tx, name):\n    tx.run(\"MATCH (n {name: '%s'}) RETURN n\" % name)\n",
    "concatenation": 'def f(tx, name):\n    tx.run("MATCH (n {name: \'" + name + "\'}) RETURN n")\n',
    "local variable from data": "def f(tx, name):\n    q = 'MATCH (n:' + name + ')'\n    tx.run(q)\n",
    "augmented": "def f(tx, name):\n    q = 'MATCH (n) '\n    q += name\n    tx.run(q)\n",
    "through a wrapper": "def f(drv, name):\n    read(drv, 'MATCH (n:' + name + ') RETURN n')\n",
    "Query object": "import neo4j\ndef f(tx, name):\n    tx.run(neo4j.Query(f'MATCH (n:{name}) RETURN n'))\n",
    "labelled with a built template": "def f(tx, name):\n    tx.run(labelled(T + name, label='Person'))\n",
    "loop over data": "def f(tx, names):\n    for q in names:\n        tx.run(q)\n",
    "keyword argument": "def f(drv, name):\n    drv.execute_query(query_=f'RETURN {name}')\n",
    "pragma without a reason": "def f(tx, text):\n    tx.run(text.upper())  # safe-cypher:\n",
}
GOOD = {
    "literal": "def f(tx, x):\n    tx.run('MATCH (n {id: $id}) RETURN n', id=x)\n",
    "module constant": "def f(tx, x):\n    tx.run(Q, id=x)\n",
    "wrapper with constant": "def f(drv, x):\n    read(drv, Q, {'id': x})\n",
    "whitelisted label": "def f(tx):\n    tx.run(labelled(T, label='Person'))\n",
    "local constant": "def f(tx, a):\n    q = Q if a else 'RETURN 1'\n    tx.run(q)\n",
    "subprocess": "import subprocess\ndef f(cmd):\n    subprocess.run(cmd)\n",
    "pragma with a reason": "def f(tx, text):\n    tx.run(text)  # safe-cypher: a read-only console\n",
    "loop over constants": "def f(tx):\n    for q in (Q, 'RETURN 1'):\n        tx.run(q)\n",
}


@pytest.mark.parametrize("case", sorted(BAD))
def test_checker_flags_cypher_built_from_data(case: str) -> None:
    violations, _ = check_sources(
        {
            "pkg/helpers.py": HELPERS,
            "pkg/sample.py": "from pkg.helpers import Q, T, labelled, read\n" + BAD[case],
        }
    )
    assert violations and {v.path for v in violations} == {"pkg/sample.py"}, case


@pytest.mark.parametrize("case", sorted(GOOD))
def test_checker_accepts_constant_queries(case: str) -> None:
    violations, _ = check_sources(
        {
            "pkg/helpers.py": HELPERS,
            "pkg/sample.py": "from pkg.helpers import Q, T, labelled, read\n" + GOOD[case],
        }
    )
    assert violations == [], case


def test_cypher_file_check_flags_placeholders() -> None:
    assert cypher_file_problems("MATCH (n:{label}) RETURN n")
    assert cypher_file_problems("MATCH (n) WHERE n.name = '%s' RETURN n")
    assert cypher_file_problems("CALL apoc.cypher.run('MATCH ' + $x, {})")
    assert not cypher_file_problems("MATCH (n {id: $id}) RETURN n {.name, .id}, {} AS empty // {comment}")
