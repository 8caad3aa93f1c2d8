"""The app icon (resources/icons/govreport.svg; PNG beside it for platforms without SVG)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QIcon


def icon_dir() -> Path:
    from govreport import paths
    return paths.resources_dir() / "icons"


def app_icon() -> QIcon:
    folder = icon_dir()
    icon = QIcon()
    for name in ("govreport-16.png", "govreport-32.png", "govreport-48.png", "govreport-256.png"):
        if (folder / name).exists():
            icon.addFile(str(folder / name))
    if icon.isNull() and (folder / "govreport.svg").exists():
        icon = QIcon(str(folder / "govreport.svg"))
    return icon
