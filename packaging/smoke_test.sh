#!/usr/bin/env bash
# Smoke test of the built one-folder app (default dist/govreport):
#   1. govreport-cli --version prints the package's version;
#   2. govreport-cli build --demo writes a .docx that python-docx opens (exit 0);
#   3. a draft whose wording needs the jinja2 sandbox builds (modules loaded only for such
#      text must be in the bundle too);
#   4. govreport-cli check and import read the demo report back (the report reader, the checks
#      and the stale-phrase table are in the bundle);
#   5. govreport-cli fonts runs (exit 0 or 1: 1 only says no profile is complete here);
#   6. govreport (the wizard) starts offscreen and exits by itself, with no traceback.
# Runs from an empty folder with GOVREPORT_DATA and PYTHONPATH unset, so the app can only use
# what is inside it.
#
#   bash packaging/smoke_test.sh [APP_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
APP=$(cd "${1:-dist/govreport}" && pwd)
PYTHON=${PYTHON:-$ROOT/.venv/bin/python}     # only to open the .docx with python-docx
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
unset GOVREPORT_DATA PYTHONPATH PYTHONHOME
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/home/.config"   # the wizard's settings go here
mkdir -p "$HOME"

fail() { echo "[smoke] FAIL: $*" >&2; exit 1; }
start=$(date +%s)

want=$(sed -n 's/^__version__ = "\(.*\)"/\1/p' "$ROOT/src/govreport/__init__.py")
got=$("$APP/govreport-cli" --version)
[ "$got" = "govreport $want" ] || fail "--version printed '$got', expected 'govreport $want'"
got=$("$APP/govreport" --version)
[ "$got" = "govreport $want" ] || fail "govreport --version printed '$got'"
echo "[smoke] ok: --version: $got"

set +e
"$APP/govreport-cli" build --demo -o "$tmp/示例.docx" > build.log 2>&1
rc=$?
set -e
[ $rc -eq 0 ] || { cat build.log; fail "build --demo exited $rc"; }
"$PYTHON" - "$tmp/示例.docx" <<'PY' || fail "the demo report does not open with python-docx"
import sys
from docx import Document
text = "\n".join(p.text for p in Document(sys.argv[1]).paragraphs)
assert "法治政府建设" in text and len(text) > 2000, text[:200]
PY
echo "[smoke] ok: build --demo -> 示例.docx ($(stat -c %s "$tmp/示例.docx") bytes, opens with python-docx)"

cat > sandbox.json <<'JSON'
{"format": "govreport-draft", "schema_version": 1, "unit": "清溪镇", "year": 2024,
 "sections": [{"id": "preamble", "blocks": [{"type": "paragraph",
   "text": "{% if year > 2020 %}本年度{% endif %}共{{ 3 * 4 }}项工作。"}]}]}
JSON
set +e
"$APP/govreport-cli" build --draft sandbox.json -o "$tmp/沙箱.docx" > sandbox.log 2>&1
rc=$?
set -e
{ [ $rc -le 1 ] && [ -s "$tmp/沙箱.docx" ] && ! grep -q "Traceback" sandbox.log; } \
  || { cat sandbox.log; fail "a draft needing the jinja2 sandbox: exit $rc"; }
"$PYTHON" - "$tmp/沙箱.docx" <<'PY' || fail "the sandboxed wording did not render"
import sys
from docx import Document
assert any(p.text == "本年度共12项工作。" for p in Document(sys.argv[1]).paragraphs)
PY
echo "[smoke] ok: wording through the jinja2 sandbox"

set +e
"$APP/govreport-cli" check "$tmp/示例.docx" > check.log 2>&1
rc=$?
set -e
{ [ $rc -le 1 ] && grep -q "检查：" check.log && ! grep -q "Traceback" check.log; } \
  || { cat check.log; fail "check of the demo report: exit $rc"; }
set +e
"$APP/govreport-cli" import "$tmp/示例.docx" -o "$tmp/去年.json" > import.log 2>&1
rc=$?
set -e
{ [ $rc -le 1 ] && [ -s "$tmp/去年.json" ] && ! grep -q "Traceback" import.log; } \
  || { cat import.log; fail "import of the demo report: exit $rc"; }
echo "[smoke] ok: check and import read the demo report back"

set +e
"$APP/govreport-cli" fonts > fonts.log 2>&1
rc=$?
set -e
{ [ $rc -le 1 ] && grep -q "建议字体方案" fonts.log; } || { cat fonts.log; fail "fonts exited $rc"; }
echo "[smoke] ok: fonts (exit $rc, $(grep 建议字体方案 fonts.log))"

# The wizard: offscreen, asked to quit once its window is shown. Without that switch (an older
# wizard) a timeout is accepted when nothing went wrong before it.
set +e
QT_QPA_PLATFORM=offscreen GOVREPORT_EXIT_AFTER_SHOW=1 timeout 20 "$APP/govreport" > wizard.log 2>&1
rc=$?
set -e
if grep -q "Traceback" wizard.log; then cat wizard.log; fail "the wizard printed a traceback"; fi
if [ -f "$ROOT/src/govreport/gui/app.py" ] && grep -q "未安装图形界面组件" wizard.log; then
  cat wizard.log; fail "the wizard is not in the bundle"
fi
if grep -q "未安装图形界面组件" wizard.log; then
  echo "[smoke] note: no wizard in this build (src/govreport/gui/app.py is not in the source)"
fi
case $rc in
  0) echo "[smoke] ok: wizard started offscreen and exited 0" ;;
  124) echo "[smoke] ok (by timeout): wizard ran 20 s offscreen without a traceback" ;;
  *) cat wizard.log; fail "the wizard exited $rc" ;;
esac
[ -s wizard.log ] && sed 's/^/[smoke]   wizard: /' wizard.log | head -5

echo "[smoke] all passed in $(( $(date +%s) - start )) s"
