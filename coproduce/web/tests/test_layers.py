"""Imports point one way (ADR 0002, ADR 0011): pages and the API → domain apps → lib;
tooling may import anything, and nothing outside tooling imports tooling.

Each package below may import only itself and what its row lists. Test modules (and
the suite's conftest) may import anything, tooling included; the check reads every
other module of the project, imports inside functions too.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]  # the `coproduce` package

DOMAIN = {
    "accounts",
    "care",
    "messaging",
    "voices",
    "firstresponse",
    "network",
    "change",
    "evidence",
    "improvement",
    "privacy",
}
MAY_IMPORT: dict[str, set[str]] = {
    "lib": set(),
    "accounts": {"lib"},
    "care": {"accounts", "lib"},
    # Messaging knows no domain: callers keep the link to why a message was sent.
    "messaging": {"lib"},
    "voices": {"accounts", "care", "messaging", "lib"},
    # The line and the Sanctuary: their own records, screened and flagged like voices.
    "firstresponse": {"accounts", "care", "voices", "messaging", "lib"},
    "network": {"accounts", "lib"},
    "change": {"accounts", "care", "messaging", "voices", "network", "lib"},
    "evidence": {"accounts", "care", "voices", "firstresponse", "network", "change", "lib"},
    # Improvement projects tie the thread together: voices to a tested change, measured
    # on the evidence engine's figures, told back through the change loop.
    "improvement": {
        "accounts",
        "care",
        "voices",
        "network",
        "change",
        "evidence",
        "messaging",
        "lib",
    },
    "privacy": {
        "accounts",
        "care",
        "messaging",
        "voices",
        "firstresponse",
        "network",
        "change",
        "evidence",
        "lib",
    },
    "api": DOMAIN | {"lib"},
    "web": DOMAIN | {"api", "lib", "wsgi"},
    "tooling": DOMAIN | {"api", "web", "lib", "tooling", "conftest"},
    # The project's own top-level modules.
    "settings": set(),
    "wsgi": set(),
    "cli": set(),
    "urls": {"web", "api"},
}


def _package_of(path: Path, root: Path) -> str:
    first = path.relative_to(root).parts[0]
    return first.removesuffix(".py")


def _is_test(path: Path, root: Path) -> bool:
    parts = path.relative_to(root).parts
    return "tests" in parts or path.name == "conftest.py"


def _imported_packages(tree: ast.AST, top: str) -> set[str]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
            if node.module == top:  # `from coproduce import web`
                names = [f"{top}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        found |= {name.split(".")[1] for name in names if name.startswith(f"{top}.")}
    return found


def reversed_imports(root: Path) -> list[str]:
    """Every import across the layers that the table does not allow, as 'file: package'."""
    wrong = []
    for path in sorted(root.rglob("*.py")):
        if _is_test(path, root) or "migrations" in path.relative_to(root).parts:
            continue
        if path.parent == root and path.name == "__init__.py":
            continue
        package = _package_of(path, root)
        allowed = MAY_IMPORT.get(package)
        if allowed is None:
            wrong.append(f"{path.relative_to(root)}: '{package}' has no row in MAY_IMPORT")
            continue
        for imported in sorted(_imported_packages(ast.parse(path.read_text()), root.name)):
            if imported != package and imported not in allowed:
                wrong.append(f"{path.relative_to(root)}: {imported}")
    return wrong


def test_imports_point_one_way_and_nothing_imports_tooling():
    assert reversed_imports(ROOT) == []


def test_the_table_has_no_cycle():
    def reaches(start: str, seen: set[str]) -> set[str]:
        for imported in MAY_IMPORT.get(start, set()) - seen - {start}:
            seen.add(imported)
            reaches(imported, seen)
        return seen

    domain_and_lib = DOMAIN | {"lib"}
    assert [app for app in domain_and_lib if app in reaches(app, set())] == []


def test_the_check_finds_a_reversed_import(tmp_path):
    project = tmp_path / "coproduce"
    for folder in ["lib", "care", "care/tests", "tooling", "web"]:
        (project / folder).mkdir(parents=True)
        (project / folder / "__init__.py").write_text("")
    (project / "lib" / "dates.py").write_text("from coproduce.care.models import Person\n")
    (project / "care" / "services.py").write_text(
        "def seed():\n    from coproduce.tooling.synthetic import demo\n"
    )
    (project / "care" / "views.py").write_text("from coproduce import web\n")
    (project / "care" / "tests" / "test_x.py").write_text("from coproduce.tooling import x\n")
    (project / "web" / "pages.py").write_text("from coproduce.care import services\n")
    (project / "extra.py").write_text("")

    assert reversed_imports(project) == [
        "care/services.py: tooling",
        "care/views.py: web",
        "extra.py: 'extra' has no row in MAY_IMPORT",
        "lib/dates.py: care",
    ]
