"""The design card, kept by tests: the layers (import-linter contracts in pyproject.toml), small
wizard modules, and report kinds as data (no section id, pack id or report name in the code)."""
import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "govreport"
SOURCES = sorted(SRC.rglob("*.py"))


def _lint_imports() -> Path:
    name = "lint-imports.exe" if os.name == "nt" else "lint-imports"
    script = Path(sys.executable).parent / name
    if not script.exists():
        pytest.fail("import-linter is not installed (it is in the dev extra of pyproject.toml)")
    return script


def test_the_import_linter_contracts_are_kept():
    run = subprocess.run([str(_lint_imports()), "--no-cache"], cwd=ROOT, capture_output=True,
                         text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-2000:]
    assert "broken" in run.stdout and " 0 broken" in run.stdout


def test_no_wizard_module_is_over_400_lines():
    big = {p.relative_to(SRC).as_posix(): n for p in (SRC / "gui").rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 400}
    assert not big


def _string_literals(path: Path) -> list[tuple[int, str]]:
    """String constants of a module that are not docstrings."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    return [(n.lineno, n.value) for n in ast.walk(tree)
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in docstrings]


def _literals_containing(words) -> list[str]:
    found = []
    for path in SOURCES:
        for line, text in _string_literals(path):
            if any(w in text for w in words):
                found.append(f"{path.relative_to(SRC)}:{line}: {text[:40]!r}")
    return found


def test_no_section_of_the_default_pack_is_named_in_the_code():
    from govreport.model.pack import load_pack
    ids = set(load_pack().section_ids())
    found = []
    for path in SOURCES:
        for line, text in _string_literals(path):
            if text in ids - {"other"}:      # "other" is also an ordinary word of the code
                found.append(f"{path.relative_to(SRC)}:{line}: {text!r}")
    assert not found


def test_the_default_pack_is_named_once():
    found = _literals_containing(["fazhi-township"])
    assert found == ["model/pack.py:15: 'fazhi-township'"] or (
        len(found) == 1 and found[0].startswith("model/pack.py:")), found


def test_the_report_name_comes_from_the_pack():
    assert not _literals_containing(["法治政府", "法治建设"])
