"""Every modal question the wizard asks goes through here (one place for tests to answer)."""
from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
# Qt classes are imported inside the functions: nothing here is needed for the first page.


# A detail longer than this many lines is shown in a scrolling box: a message box grows with
# its text, and the import's summary (40+ lines) put its buttons below a 768-pixel screen.
LONG_DETAIL_LINES = 12


def ask(parent: QWidget | None, title: str, text: str, buttons: list[tuple[str, str]],
        default: str | None = None, icon: str = "question", detail: str = "") -> str | None:
    """Ask with our own Chinese buttons [(key, label)]; returns the key, None if dismissed."""
    if detail.count("\n") >= LONG_DETAIL_LINES:
        dlg, keys = long_dialog(parent, title, text, buttons, default, detail)
        dlg.exec()
        return keys.get(dlg.clicked)
    from PySide6.QtWidgets import QMessageBox
    icons = {"question": QMessageBox.Question, "warning": QMessageBox.Warning,
             "error": QMessageBox.Critical, "info": QMessageBox.Information}
    box = QMessageBox(parent)
    box.setIcon(icons[icon])
    box.setWindowTitle(title)
    box.setText(text)
    if detail:
        box.setInformativeText(detail)
    keys = {}
    for key, label in buttons:
        role = QMessageBox.RejectRole if key == "cancel" else QMessageBox.AcceptRole
        if key in ("discard", "no"):
            role = QMessageBox.DestructiveRole if key == "discard" else QMessageBox.NoRole
        b = box.addButton(label, role)
        keys[b] = key
        if key == default:
            box.setDefaultButton(b)
        if key == "cancel":
            box.setEscapeButton(b)
    box.exec()
    return keys.get(box.clickedButton())


def long_dialog(parent: QWidget | None, title: str, text: str, buttons: list[tuple[str, str]],
                default: str | None, detail: str):
    """(dialog, {button: key}): the text, the detail in a read-only box that scrolls, and the
    buttons, the whole no taller than two thirds of the screen."""
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QPlainTextEdit,
                                   QVBoxLayout)
    dlg = QDialog(parent)
    dlg.setWindowTitle(title)
    dlg.clicked = None
    lay = QVBoxLayout(dlg)
    label = QLabel(text)
    label.setWordWrap(True)
    lay.addWidget(label)
    box = QPlainTextEdit(detail)
    box.setReadOnly(True)
    lay.addWidget(box, 1)
    bar = QDialogButtonBox()
    keys = {}
    for key, caption in buttons:
        role = QDialogButtonBox.RejectRole if key == "cancel" else QDialogButtonBox.AcceptRole
        b = bar.addButton(caption, role)
        keys[b] = key
        b.clicked.connect(lambda _=False, b=b: (setattr(dlg, "clicked", b), dlg.done(0)))
        if key == default:
            b.setDefault(True)
    lay.addWidget(bar)
    screen = (parent.screen() if parent is not None else QGuiApplication.primaryScreen())
    area = screen.availableGeometry()
    dlg.resize(min(760, area.width() * 9 // 10), min(560, area.height() * 2 // 3))
    return dlg, keys


def info(parent: QWidget | None, title: str, text: str) -> None:
    ask(parent, title, text, [("ok", "确定")], "ok", icon="info")


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    ask(parent, title, text, [("ok", "确定")], "ok", icon="error", detail=detail)


def file_dialog(parent: QWidget | None, title: str, start: Path | str, filters: str,
                save: bool):
    """A file dialog in Chinese throughout. The system's own dialog (Windows, a Linux desktop
    with a platform theme) is in the system's language; Qt's own, used elsewhere, leaves
    "Look in" and "Files of type" untranslated in its zh_CN catalogue, so they are set here."""
    from PySide6.QtWidgets import QFileDialog
    dlg = QFileDialog(parent, title, str(start), filters)
    dlg.setAcceptMode(QFileDialog.AcceptSave if save else QFileDialog.AcceptOpen)
    dlg.setFileMode(QFileDialog.AnyFile if save else QFileDialog.ExistingFile)
    for label, text in ((QFileDialog.LookIn, "查找范围："), (QFileDialog.FileName, "文件名："),
                        (QFileDialog.FileType, "文件类型："),
                        (QFileDialog.Accept, "保存" if save else "打开"),
                        (QFileDialog.Reject, "取消")):
        dlg.setLabelText(label, text)
    if save:
        dlg.selectFile(str(start))
    return dlg


def _chosen(dlg) -> Path | None:
    if not dlg.exec():
        return None
    files = dlg.selectedFiles()
    return Path(files[0]) if files else None


def open_file(parent: QWidget | None, title: str, folder: Path | str, filters: str) -> Path | None:
    return _chosen(file_dialog(parent, title, folder, filters, save=False))


def save_file(parent: QWidget | None, title: str, suggested: Path | str,
              filters: str) -> Path | None:
    return _chosen(file_dialog(parent, title, suggested, filters, save=True))


def text_input(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    from PySide6.QtWidgets import QInputDialog
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def multiline_input(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    from PySide6.QtWidgets import QInputDialog
    value, ok = QInputDialog.getMultiLineText(parent, title, label, text)
    return value if ok else None


def open_path(path: Path | str) -> bool:
    """Open a file or folder with the system's program (Word/WPS, the file manager)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
