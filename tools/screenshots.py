"""Start the wizard with the demo data and save a PNG of every page into docs/screenshots/.

    .venv/bin/python tools/screenshots.py                 # offscreen, 100 %
    .venv/bin/python tools/screenshots.py --scale 1.5     # as on a 150 % display
    xvfb-run -a .venv/bin/python tools/screenshots.py --platform xcb

Settings and autosaves go to a temporary folder, never the user's own.
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="向导各页截图")
    ap.add_argument("-o", "--out", default=str(ROOT / "docs" / "screenshots"))
    ap.add_argument("--scale", type=float, default=1.0, help="屏幕缩放，例如 1.5")
    ap.add_argument("--platform", default=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    ap.add_argument("--size", default="1100x760", help="窗口大小（逻辑像素）")
    args = ap.parse_args(argv)

    os.environ["QT_QPA_PLATFORM"] = args.platform
    if args.scale != 1.0:
        os.environ["QT_SCALE_FACTOR"] = str(args.scale)
    home = Path(tempfile.mkdtemp(prefix="govreport-shots-"))
    import platformdirs
    platformdirs.user_config_dir = lambda *a, **k: str(home / "config")
    platformdirs.user_data_dir = lambda *a, **k: str(home / "data")
    platformdirs.user_documents_dir = lambda *a, **k: str(home)

    from PySide6.QtWidgets import QApplication

    from govreport.gui import dialogs
    from govreport.gui.app import create_app
    from govreport.gui.window import ID_CHECK, ID_FIGURES, ID_GENERATE, ReportWizard
    app = create_app()
    # never block on a question while taking pictures
    dialogs.ask = lambda *a, **k: None

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if args.scale == 1.0 else f"@{args.scale:g}x"
    w, h = (int(x) for x in args.size.split("x"))
    win = ReportWizard()
    win.resize(w, h)
    win.show()

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end or win.runner_active():
            app.processEvents()
            time.sleep(0.02)
            if time.monotonic() > end + 20:
                break

    def shot(name: str) -> Path:
        settle()
        path = out / f"{name}{suffix}.png"
        win.grab().save(str(path))
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        return path

    settle(0.5)
    shot("01-start")
    win.presenter.start.load_demo()
    win.settings["first_run_done"] = True
    settle(0.5)
    # two slips a clerk might make, so the pages show what they do about them: a figure the
    # workbook lacks (red token, 检查 finding) and a skipped heading number (one-click fix)
    win.presenter.draft.figures.pop("mediators", None)
    short = win.presenter.draft.section("shortcomings")
    if short is not None and len(short.blocks) > 1 and short.blocks[1].is_heading:
        short.blocks[1].number = "（三）"
    win.presenter.changed()
    settle()
    n = 2
    for pid in win.pageIds()[1:]:
        win.goto(pid)
        page = win.currentPage()
        if pid == ID_FIGURES:
            settle(0.5)
        if pid == ID_GENERATE:
            page.path.setText(str(home / "清溪镇2024年法治政府建设年度报告.docx"))
            page.generate()
            settle(1.0)
        if pid == ID_CHECK and page.tree.topLevelItemCount():
            page.tree.setCurrentItem(page.tree.topLevelItem(0))
        key = page.key if page.key != "section" else f"section-{page.section_id}"
        shot(f"{n:02d}-{key}")
        n += 1
    win.presenter.discard_changes()
    win.close()
    QApplication.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
