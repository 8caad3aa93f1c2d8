"""Where the wizard keeps its files: settings in the user config folder, autosaves and the
error log in the user data folder (platformdirs, looked up at call time so tests can redirect)."""
from __future__ import annotations

from pathlib import Path

APP = "govreport"


def config_dir() -> Path:
    import platformdirs
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def data_dir() -> Path:
    import platformdirs
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def documents_dir() -> Path:
    """Where a new draft or report goes when the clerk has not chosen a folder yet."""
    import platformdirs
    try:
        folder = Path(platformdirs.user_documents_dir())
    except Exception:  # noqa: BLE001 - an odd desktop setup must not stop the wizard
        folder = Path.home()
    return folder if folder.is_dir() else Path.home()


def autosave_dir() -> Path:
    return data_dir() / "autosave"


def log_file() -> Path:
    return data_dir() / "govreport.log"


def settings_file() -> Path:
    return config_dir() / "settings.json"
