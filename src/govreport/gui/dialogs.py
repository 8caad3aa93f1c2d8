"""Every modal question the wizard asks goes through here (one place for tests to answer)."""
from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget
# Qt classes are imported inside the functions: nothing here is needed for the first page.


def ask(parent: QWidget | None, title: str, text: str, buttons: list[tuple[str, str]],
        default: str | None = None, icon: str = "question", detail: str = "") -> str | None:
    """Ask with our own Chinese buttons [(key, label)]; returns the key, None if dismissed."""
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


def info(parent: QWidget | None, title: str, text: str) -> None:
    ask(parent, title, text, [("ok", "确定")], "ok", icon="info")


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    ask(parent, title, text, [("ok", "确定")], "ok", icon="error", detail=detail)


def open_file(parent: QWidget | None, title: str, folder: Path | str, filters: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog
    name, _ = QFileDialog.getOpenFileName(parent, title, str(folder), filters)
    return Path(name) if name else None


def save_file(parent: QWidget | None, title: str, suggested: Path | str,
              filters: str) -> Path | None:
    from PySide6.QtWidgets import QFileDialog
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), filters)
    return Path(name) if name else None


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
