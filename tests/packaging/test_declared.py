"""pyproject.toml declares what the code imports, and the locks hold what pyproject declares.

An import of a package that only arrives as somebody else's dependency works until that
somebody drops it; an import of a test tool from production code works on a developer's
venv and fails in the image. Both are caught here, from the source alone (nothing is imported):
each import is mapped to the installed distributions whose files provide it, and those must
be declared where the importing code is installed.
"""

from __future__ import annotations

import ast
import importlib.metadata as md
import re
import sys
import tomllib
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
PROJECT = "asb-hub"
CODE_DIRS = ("asbhub", "connectors", "contracts", "expectations", "dags")
FIRST_PARTY = {*CODE_DIRS, "tests"}
# What the image installs (requirements.lock); the demo and dev extras are for developers.
PRODUCTION_EXTRAS = ("airflow", "web")
# Code that runs only where an extra is installed: it may import that extra's packages at
# module level. Everywhere else a module-level import must be a core dependency, because
# every command (and Airflow's DAG parser) may load that module.
EXTRA_AREAS = {
    "asbhub/airflow/": ("airflow",),
    "asbhub/airflow_plugin.py": ("airflow",),
    "dags/": ("airflow",),
    "asbhub/web/": ("web",),
    "asbhub/demo/": ("demo", "airflow"),
}
# Test tools the production lock must never contain.
TEST_TOOLS = ("pytest", "hypothesis", "ruff", "mypy", "playwright", "moto")


def normalise(name: str) -> str:
    """PEP 503 form, so "PyYAML", "pyyaml" and "py_yaml" compare equal."""
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_name(requirement: str) -> str:
    match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement.strip())
    assert match, f"unreadable requirement {requirement!r} in pyproject.toml"
    return normalise(match.group(0))


@cache
def pyproject() -> dict[str, Any]:
    project: dict[str, Any] = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return project


def declared(*extras: str) -> frozenset[str]:
    """Distributions declared by core and the given extras, following asb-hub[...] references."""
    optional: dict[str, list[str]] = pyproject()["optional-dependencies"]
    names: set[str] = set()
    pending: list[str] = [*pyproject()["dependencies"]]
    for extra in extras:
        assert extra in optional, f"pyproject.toml has no extra {extra!r}"
        pending.extend(optional[extra])
    seen: set[str] = set(extras)
    while pending:
        requirement = pending.pop()
        name = requirement_name(requirement)
        if name != PROJECT:
            names.add(name)
            continue
        inner = re.search(r"\[([^\]]*)\]", requirement)
        for extra in (e.strip() for e in (inner.group(1) if inner else "").split(",")):
            if extra and extra not in seen:
                seen.add(extra)
                pending.extend(optional[extra])
    return frozenset(names)


def all_extras() -> tuple[str, ...]:
    return tuple(pyproject()["optional-dependencies"])


def module_names(relative: str) -> Iterator[str]:
    """Dotted module names an installed file provides (a.py, a/__init__.py, a.cpython-311.so)."""
    parts = relative.split("/")
    if any(not re.fullmatch(r"[A-Za-z_]\w*", part) for part in parts[:-1]):
        return
    stem = parts[-1].split(".")[0]
    if not parts[-1].endswith((".py", ".so", ".pyd")) or not re.fullmatch(r"[A-Za-z_]\w*", stem):
        return
    yield ".".join(parts[:-1] if stem == "__init__" else [*parts[:-1], stem])
    for depth in range(1, len(parts)):
        yield ".".join(parts[:depth])


@cache
def providers() -> dict[str, frozenset[str]]:
    """Every module an installed distribution provides -> the distributions providing it."""
    found: dict[str, set[str]] = defaultdict(set)
    for dist in md.distributions():
        name = normalise(dist.metadata["Name"])
        for file in dist.files or ():
            for module in module_names(str(file)):
                found[module].add(name)
    return {module: frozenset(names) for module, names in found.items()}


def provided_by(module: str) -> frozenset[str]:
    """The distributions behind the most specific installed part of `module`.

    airflow.sdk comes from apache-airflow-task-sdk, airflow.providers.standard from its
    provider: the longest prefix decides, so a namespace package's other tenants do not count."""
    parts = module.split(".")
    for depth in range(len(parts), 0, -1):
        names = providers().get(".".join(parts[:depth]))
        if names:
            return names
    return frozenset()


@dataclass(frozen=True)
class Import:
    path: str  # relative to the repository root
    line: int
    module: str
    module_level: bool  # runs when the importing module is imported

    def where(self) -> str:
        return f"{self.path}:{self.line}"


class ImportCollector(ast.NodeVisitor):
    """Absolute imports of one file, noting which run at import time (not in a function body
    nor under `if TYPE_CHECKING:`)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.depth = 0  # functions entered, or TYPE_CHECKING blocks
        self.found: list[Import] = []

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_If(self, node: ast.If) -> None:
        typing_only = "TYPE_CHECKING" in ast.unparse(node.test)
        self.depth += typing_only
        for child in node.body:
            self.visit(child)
        self.depth -= typing_only
        for child in node.orelse:
            self.visit(child)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.add(node, alias.name)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level == 0 and node.module:
            self.add(node, node.module)

    def add(self, node: ast.stmt, module: str) -> None:
        self.found.append(Import(self.path, node.lineno, module, self.depth == 0))


def third_party_imports(*dirs: str) -> list[Import]:
    imports: list[Import] = []
    for top in dirs:
        for path in sorted((ROOT / top).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            collector = ImportCollector(relative)
            collector.visit(ast.parse(path.read_text(), relative))
            imports.extend(
                found
                for found in collector.found
                if (head := found.module.split(".")[0]) not in sys.stdlib_module_names
                and head not in FIRST_PARTY
            )
    return imports


def undeclared(imports: list[Import], allowed: frozenset[str]) -> list[str]:
    """One line per import none of whose providing distributions is in `allowed`."""
    problems = []
    for found in imports:
        names = provided_by(found.module)
        if not names & allowed:
            source = ", ".join(sorted(names)) if names else "no installed distribution"
            problems.append(f"{found.where()}: {found.module} (from {source})")
    return problems


def locked(lock: str) -> frozenset[str]:
    text = (ROOT / lock).read_text()
    return frozenset(normalise(m) for m in re.findall(r"^([A-Za-z0-9][\w.-]*)==", text, re.M))


def test_the_scan_finds_the_imports_it_must_judge() -> None:
    """Guards the guard: a scan that found nothing would pass every check below."""
    modules = {found.module.split(".")[0] for found in third_party_imports(*CODE_DIRS)}
    assert {"airflow", "fastapi", "paramiko", "presidio_analyzer", "moto"} <= modules
    assert provided_by("airflow.sdk") == {"apache-airflow-task-sdk"}
    assert provided_by("yaml") == {"pyyaml"}


def test_every_import_in_the_code_is_declared() -> None:
    problems = undeclared(third_party_imports(*CODE_DIRS), declared(*all_extras()))
    assert not problems, "imported but not declared in pyproject.toml:\n" + "\n".join(problems)


def test_production_code_needs_no_demo_or_dev_package() -> None:
    """The image has core, airflow and web only; the demo's own modules may use the demo extra."""
    imports = [
        found
        for found in third_party_imports(*CODE_DIRS)
        if not found.path.startswith("asbhub/demo/")
    ]
    problems = undeclared(imports, declared(*PRODUCTION_EXTRAS))
    assert not problems, "missing from the production image:\n" + "\n".join(problems)


def test_module_level_imports_outside_an_extras_area_are_core() -> None:
    problems = []
    for found in third_party_imports(*CODE_DIRS):
        if not found.module_level:
            continue
        area = next((a for a in EXTRA_AREAS if found.path.startswith(a)), None)
        problems += undeclared([found], declared(*EXTRA_AREAS.get(area or "", ())))
    assert not problems, "imported at module level but not a core dependency:\n" + "\n".join(
        problems
    )


def test_every_import_in_the_tests_is_in_the_development_install() -> None:
    """tests/ runs on requirements-dev.lock, which holds core and every extra."""
    problems = undeclared(third_party_imports("tests"), declared(*all_extras()))
    assert not problems, "tests import what the dev extra lacks:\n" + "\n".join(problems)


def test_the_production_lock_holds_core_airflow_and_web_and_no_test_tool() -> None:
    pins = locked("requirements.lock")
    assert declared(*PRODUCTION_EXTRAS) - pins == set(), "recompile requirements.lock"
    assert pins & {normalise(tool) for tool in TEST_TOOLS} == set()


def test_the_development_lock_holds_every_extra() -> None:
    pins = locked("requirements-dev.lock")
    assert declared(*all_extras()) - pins == set(), "recompile requirements-dev.lock"
    assert locked("requirements.lock") <= pins, "the tests must run on what the image runs"


def test_presidio_anonymizer_is_declared_where_it_is_used() -> None:
    """The redaction's replacement step is presidio-anonymizer's engine (asbhub/pii/resolve.py)."""
    assert "presidio-anonymizer" in declared(*PRODUCTION_EXTRAS)
    assert "presidio-anonymizer" in locked("requirements.lock")
