#!/usr/bin/env bash
# Build the one-folder app on Linux: dist/govreport/{govreport,govreport-cli}.
#
#   bash packaging/build_linux.sh              uses .venv/bin/python (made by dev.py when missing;
#                                              PyInstaller is pip-installed into it when missing:
#                                              the `package` extra)
#   PYTHON=/path/to/python bash packaging/build_linux.sh
#
# Work files go to build/pyinstaller, the app to dist/govreport (both git-ignored). Prints the
# build time and the folder size at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
if [ -z "${PYTHON:-}" ] && [ ! -x "$ROOT/.venv/bin/python" ]; then
  echo "[build] no .venv yet: setting it up with dev.py ..."
  python3 "$ROOT/dev.py" --version
fi
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}
if [ ! -x "$PYTHON" ]; then
  echo "[build] $PYTHON not found" >&2
  exit 2
fi
if ! "$PYTHON" -c "import PyInstaller" 2>/dev/null; then
  echo "[build] installing PyInstaller (govreport[package]) ..."
  "$PYTHON" -m pip install --disable-pip-version-check -q -e "$ROOT[gui,package]"
fi
"$PYTHON" -c "import PySide6" 2>/dev/null || {
  echo "[build] PySide6 is missing in $PYTHON: the app would have no wizard" >&2; exit 2; }

start=$(date +%s)
"$PYTHON" -m PyInstaller --noconfirm --clean --log-level WARN \
  --workpath "$ROOT/build/pyinstaller" --distpath "$ROOT/dist" \
  "$ROOT/packaging/govreport.spec"
end=$(date +%s)

APP="$ROOT/dist/govreport"
test -x "$APP/govreport" && test -x "$APP/govreport-cli"
echo "[build] built $APP in $((end - start)) s; size $(du -sh "$APP" | cut -f1)" \
     "($(find "$APP" -type f | wc -l) files)"
