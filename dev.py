#!/usr/bin/env python3
"""One-file bootstrap: the README's two commands.

    python3 dev.py              set up .venv if needed, then open the wizard
    python3 dev.py test         set up .venv with test tools, run the whole test suite
    python3 dev.py bench        set up .venv with test and benchmark tools, run benchmarks/run.py
    python3 dev.py ARGS...      set up, then run `govreport ARGS...` (e.g. build --demo)

Only the standard library is used here, so it runs on a fresh Python 3.11.
The venv is rebuilt when pyproject.toml changes (a hash stamp in .venv).
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
STAMP = VENV / "govreport-setup.stamp"


def venv_python() -> Path:
    if os.name == "nt":
        return VENV / "Scripts" / "python.exe"
    return VENV / "bin" / "python"


def wanted_stamp(extra: str) -> str:
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    return f"{digest}:{extra}"


def ensure_venv(extra: str) -> Path:
    """Create .venv and install the project (editable) with the given extra(s), e.g. "dev,bench"."""
    if sys.version_info < (3, 11):
        sys.exit("需要 Python 3.11 或更高版本 (Python 3.11+ is required).")
    py = venv_python()
    stamp = wanted_stamp(extra)
    have = STAMP.read_text(encoding="utf-8").split("\n") if STAMP.exists() else []
    if py.exists() and stamp in have:
        return py
    if not py.exists():
        print("[dev] creating .venv ...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print(f"[dev] installing govreport[{extra}] into .venv (first run takes a few minutes) ...",
          flush=True)
    subprocess.check_call([str(py), "-m", "pip", "install", "--disable-pip-version-check",
                           "-q", "-e", f"{ROOT}[{extra}]"])
    # An install of several extras satisfies each of them; dev includes everything gui has.
    extras = {extra, *extra.split(",")}
    if "dev" in extras:
        extras.add("gui")
    STAMP.write_text("\n".join(wanted_stamp(e) for e in sorted(extras)) + "\n", encoding="utf-8")
    return py


def main(argv: list[str]) -> int:
    if argv[:1] == ["test"]:
        py = ensure_venv("dev")
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(py), "-m", "pytest", *argv[1:]], cwd=ROOT, env=env)
    if argv[:1] == ["bench"]:
        py = ensure_venv("dev,bench")
        env = dict(os.environ)
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        return subprocess.call([str(py), str(ROOT / "benchmarks" / "run.py"), *argv[1:]],
                               cwd=ROOT, env=env)
    py = ensure_venv("gui")
    return subprocess.call([str(py), "-m", "govreport", *argv], cwd=os.getcwd())


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
