"""The PyInstaller packaging: data found in the bundle, version resource in step with the code.

The build itself is slow (about 20 s) and runs in packaging/build_linux.sh + smoke_test.sh.
"""
import ast
import importlib.util
import sys
from pathlib import Path

import pytest

import govreport
from govreport.base import paths

ROOT = Path(__file__).resolve().parent.parent
PACKAGING = ROOT / "packaging"


def _version_info_module():
    spec = importlib.util.spec_from_file_location("version_info", PACKAGING / "version_info.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _eval_version_file(text: str) -> dict:
    """Evaluate the VSVersionInfo text with stand-in constructors that record their arguments."""
    def record(kind):
        return lambda *args, **kwargs: {"kind": kind, "args": args, **kwargs}
    names = {k: record(k) for k in ("VSVersionInfo", "FixedFileInfo", "StringFileInfo",
                                    "StringTable", "StringStruct", "VarFileInfo", "VarStruct")}
    return eval(compile(text, "version_info.txt", "eval"), {"__builtins__": {}}, names)


def test_frozen_app_finds_templates_and_resources_in_the_bundle(tmp_path, monkeypatch):
    (tmp_path / "templates").mkdir()
    monkeypatch.delenv("GOVREPORT_DATA", raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    paths.data_root.cache_clear()
    try:
        assert paths.data_root() == tmp_path
        assert paths.resources_dir() == tmp_path / "resources"
    finally:
        paths.data_root.cache_clear()


def test_committed_version_file_matches_the_package_version():
    vi = _version_info_module()
    text = (PACKAGING / "version_info.txt").read_text(encoding="utf-8")
    assert text == vi.render(govreport.__version__), "run: python packaging/version_info.py"
    info = _eval_version_file(text)
    fixed = info["ffi"]
    assert fixed["filevers"] == vi.version_tuple(govreport.__version__)
    strings = {s["args"][0]: s["args"][1]
               for s in info["kids"][0]["args"][0][0]["args"][1]}
    assert strings["ProductVersion"] == strings["FileVersion"] == govreport.__version__


@pytest.mark.parametrize("version,expected", [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.0.1rc1", (2, 0, 1, 0)),
    ("10.20.30.40", (10, 20, 30, 0)),
])
def test_windows_file_version_has_four_numbers(version, expected):
    assert _version_info_module().version_tuple(version) == expected


def test_package_version_is_read_from_the_source():
    assert _version_info_module().package_version() == govreport.__version__


def test_spec_is_valid_python_and_bundles_the_data_folders():
    text = (PACKAGING / "govreport.spec").read_text(encoding="utf-8")
    tree = ast.parse(text)
    assert tree.body
    for needle in ('"templates"', '"resources"', 'name="govreport"', 'name="govreport-cli"',
                   "console=False", "console=True", "collect_submodules(\"govreport\")"):
        assert needle in text


def test_changelog_has_an_entry_for_the_current_version():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert f"## [{govreport.__version__}]" in text
