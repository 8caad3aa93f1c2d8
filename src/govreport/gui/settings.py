"""The wizard's settings, each declared once with its type and default (as Picard does).

Stored as JSON in the user config folder. A value of the wrong type or an unreadable file
falls back to the declared default: settings must never stop the wizard from starting.

    from govreport.gui.settings import settings
    settings()["font_profile"] = "windows-builtin"
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from govreport.gui import locations


class Option:
    """One declared setting. A plain class, not a dataclass: this module loads before the first
    page is shown, and `dataclasses` (plus generating the methods) costs milliseconds there."""
    __slots__ = ("name", "type", "default", "doc")

    def __init__(self, name: str, type_: type, default: Any, doc: str):
        self.name, self.type, self.default, self.doc = name, type_, default, doc

    def __repr__(self) -> str:
        return f"Option({self.name!r}, {self.type.__name__}, {self.default!r})"

    def accepts(self, value: Any) -> bool:
        if isinstance(value, bool):
            return self.type is bool
        if self.type is float:
            return isinstance(value, (int, float))
        if self.type is list:
            return isinstance(value, list) and all(isinstance(v, str) for v in value)
        return isinstance(value, self.type)

    def coerce(self, value: Any) -> Any:
        """The value if it has the declared type, else the default."""
        if not self.accepts(value):
            return list(self.default) if self.type is list else self.default
        if self.type is float:
            return float(value)
        return list(value) if self.type is list else value


OPTIONS: dict[str, Option] = {}


def declare(name: str, type_: type, default: Any, doc: str) -> Option:
    if name in OPTIONS:
        raise ValueError(f"setting {name!r} declared twice")
    opt = Option(name, type_, default, doc)
    OPTIONS[name] = opt
    return opt


# --- every setting the wizard reads, in one place -----------------------------------------
declare("font_profile", str, "", "字体方案（空：排版文件的默认方案）")
declare("report_kind", str, "", "新报告的种类（模板编号；空：默认模板）")
declare("default_unit", str, "", "新报告的单位名称")
declare("default_recipient", str, "", "新报告的主送机关")
declare("default_signature", str, "", "新报告的发文机关署名")
declare("default_variant", str, "public", "新报告的版本：public 公开件 / submitted 上报件")
declare("recent_drafts", list, [], "最近打开或保存的草稿（路径，最新的在前）")
declare("last_folder", str, "", "上次选择文件的文件夹")
declare("window_geometry", str, "", "窗口位置和大小（Qt saveGeometry，base64）")
declare("first_run_done", bool, False, "是否已看过首次使用的欢迎说明")
declare("autosave_seconds", float, 3.0, "修改后多少秒自动保存")
declare("write_ledger", bool, False, "生成报告时同时生成数据核对表（.核对表.xlsx）")

RECENT_MAX = 8


class Settings:
    def __init__(self, path: Path):
        self.path = Path(path)
        self._values: dict[str, Any] = {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(raw, dict):
                self._values = raw
        except (OSError, ValueError):
            self._values = {}

    def __getitem__(self, name: str) -> Any:
        opt = OPTIONS[name]
        return opt.coerce(self._values.get(name, opt.default))

    def __setitem__(self, name: str, value: Any) -> None:
        opt = OPTIONS[name]
        if not opt.accepts(value):
            raise TypeError(f"setting {name!r} takes {opt.type.__name__}, not {value!r}")
        if name in self._values and self._values[name] == value:
            return                      # unchanged: no write
        self._values[name] = value
        self.save()

    def reset(self, name: str) -> None:
        self._values.pop(name, None)
        self.save()

    def add_recent(self, path: Path | str) -> None:
        p = str(Path(path))
        items = [x for x in self["recent_drafts"] if x != p]
        self["recent_drafts"] = [p, *items][:RECENT_MAX]

    def remove_recent(self, path: Path | str) -> None:
        p = str(Path(path))
        self["recent_drafts"] = [x for x in self["recent_drafts"] if x != p]

    def save(self) -> None:
        from govreport.base.atomic import write_text_atomic
        known = {k: v for k, v in self._values.items() if k in OPTIONS}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_text_atomic(self.path, json.dumps(known, ensure_ascii=False, indent=2) + "\n")
        except Exception:  # noqa: BLE001 - losing a setting is better than losing the session
            pass


_current: Settings | None = None


def settings() -> Settings:
    """The settings of this process, read from the config folder on first use."""
    global _current
    if _current is None or _current.path != locations.settings_file():
        _current = Settings(locations.settings_file())
    return _current
