"""The app icon (resources/icons/govreport.svg; PNG beside it for platforms without SVG)."""
from __future__ import annotations

from pathlib import Path

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon


def icon_dir() -> Path:
    from govreport.base import paths
    return paths.resources_dir() / "icons"


def app_icon() -> "QIcon":
    """The icon, with its sizes given so no file is read until Qt draws it."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QIcon
    folder = icon_dir()
    icon = QIcon()
    for size in (16, 32, 48, 256):
        path = folder / f"govreport-{size}.png"
        if path.exists():
            icon.addFile(str(path), QSize(size, size))
    if icon.isNull() and (folder / "govreport.svg").exists():
        icon = QIcon(str(folder / "govreport.svg"))
    return icon
