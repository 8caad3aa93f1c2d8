"""`govreport` with no arguments: start the wizard; returns the exit code.

Only Qt and the light parts of the core load before the first page is on screen; the rest
(python-docx, openpyxl, jinja2) is imported after, off the UI thread.
Set GOVREPORT_EXIT_AFTER_SHOW=1 to quit as soon as the first page is painted (start-up benchmark).
"""
from __future__ import annotations

import gc
import os
import sys


def load_before_qt() -> None:
    """Import the plain-Python modules the first page needs, and read the settings, before PySide6.

    Once PySide6 is loaded it hooks every import and reads each new module's source file
    (shibokensupport checks it for `from __feature__ import ...`): 0.1-0.5 ms a module, several
    milliseconds for these. None of them imports Qt (tests/test_gui_wizard.py checks).
    """
    import platformdirs  # noqa: F401  (locations.py imports it at call time)

    from govreport.gui import crash, dialogs, presenter, style  # noqa: F401
    from govreport.gui.settings import settings
    settings()


def create_app(argv: list[str] | None = None, *, defer: bool = False):
    """The QApplication, set up; with defer, the window icon and Qt's Chinese translations are
    left to finish_app() (run() calls it once the first page is painted)."""
    from PySide6.QtWidgets import QApplication

    from govreport.gui import style
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("govreport")
    app.setApplicationDisplayName("govreport")      # the pack's report name once it is read
    app.setOrganizationName("govreport")
    style.apply_app_font(app)
    if not defer:
        finish_app(app)
    return app


def finish_app(app) -> None:
    """What the first page can do without: the window icon (naming QIcon alone makes PySide
    build its enums, ~2.5 ms) and Qt's own words in Chinese (none on the first page; the
    wizard's buttons have our own texts, which a later translator leaves alone)."""
    from govreport.gui import icons
    app.setWindowIcon(icons.app_icon())
    _install_chinese_qt_translations(app)


def _install_chinese_qt_translations(app) -> None:
    """Qt's own words (context menus: 撤销/复制/粘贴, calendar, file dialogs) in Chinese."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    QLocale.setDefault(QLocale(QLocale.Chinese, QLocale.China))
    path = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    for name in ("qtbase_zh_CN", "qt_zh_CN"):
        tr = QTranslator(app)
        if tr.load(name, path):
            app.installTranslator(tr)
            break


def run(argv: list[str] | None = None) -> int:
    # No garbage collection until the first page is painted: start-up creates some 20,000
    # long-lived objects (PySide's import, Qt's enums, our modules) and almost no garbage, yet
    # triggers collection after collection (~5 ms). What is alive then is frozen (never scanned
    # again, which also shortens the collection at exit), then collection resumes as usual.
    gc_was_on = gc.isenabled()
    gc.disable()
    try:
        load_before_qt()
        app = create_app(argv, defer=True)
        from PySide6.QtCore import QTimer

        from govreport.gui import crash
        from govreport.gui.window import ReportWizard
        window = ReportWizard()
        if gc_was_on:
            window.first_painted.connect(_resume_gc)
    except BaseException:
        if gc_was_on:
            gc.enable()
        raise
    crash.configure(lambda: window, window.autosave_now)
    previous_hook = crash.install()
    try:
        if os.environ.get("GOVREPORT_EXIT_AFTER_SHOW"):
            window.build_after_paint = False
            window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
        else:
            window.first_painted.connect(lambda: QTimer.singleShot(0, lambda: finish_app(app)))
            window.first_painted.connect(lambda: QTimer.singleShot(0, window.after_show))
        window.show()
        code = app.exec()
    finally:
        _drop_stale_quit(app)
        if gc_was_on and not gc.isenabled():
            gc.enable()
        sys.excepthook = previous_hook
        crash.configure(None, None)
    return int(code or 0)


def _drop_stale_quit(app) -> None:
    """Closing the last window while exec() runs (quit() itself closes the windows first)
    posts a second Quit event, which exec() returns without handling. Handled later by anything
    that processes events in this process (a second run, the tests), it sets Qt's "quit now"
    flag with no loop running: every event loop after that returns at once, so queued signals
    (the workers' results) are never delivered."""
    from PySide6.QtCore import QEvent
    app.removePostedEvents(app, QEvent.Quit)


def _resume_gc() -> None:
    if not gc.isenabled():
        gc.freeze()
        gc.enable()
