"""Colours, fonts and the few style rules of the wizard (sizes in points, so 150% scaling works)."""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtGui import QFont, QGuiApplication

LEVEL_COLORS = {1: "#a01818", 2: "#1d4f91", 3: "#2e6b30", 4: "#6b3d8c"}
BODY_MARK = "#9aa0a6"
GUTTER_BG = "#f4f5f7"
CURRENT_LINE = "#fbf7e6"
TOKEN_FG, TOKEN_BG = "#0b4a8b", "#dcebfb"
MISSING_FG, MISSING_BG = "#a4001d", "#fde0e0"
UNKNOWN_FG, UNKNOWN_BG = "#8a5a00", "#fff1c7"
MARKUP_FG = "#7a2a9a"
ERROR_FG = "#b3261e"
HINT_FG = "#8a5a00"
OK_FG = "#2e6b30"
GUIDANCE_BG = "#f6f1e3"
GUIDANCE_BORDER = "#e2d6b5"
TYPED_BG = "#fff6d6"

UI_FAMILIES = ["Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC",
               "Source Han Sans SC", "WenQuanYi Micro Hei", "Sans Serif"]
EDITOR_FAMILIES = ["FangSong", "仿宋", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC",
                   "Source Han Serif SC", "SimSun", "宋体", "Serif"]

LEVEL_TIPS = {
    1: "一级标题（一、）：各部分的一级序号由程序自动编排，段内请从（一）开始",
    2: "二级标题（（一））：生成时用楷体；同一行中第一个句号之前为标题句",
    3: "三级标题（1.）：生成时用仿宋；同一行中第一个句号之前为标题句",
    4: "四级标题（（1））：生成时用仿宋",
}


def _available(families: list[str]) -> list[str]:
    from PySide6.QtGui import QFontDatabase
    have = set(QFontDatabase.families())
    found = [f for f in families if f in have]
    return found or families[-1:]


def apply_app_font(app: "QGuiApplication") -> None:
    """A CJK-capable UI font of a readable size; Qt scales point sizes with the screen.
    The family list is tried in order by Qt's font matcher (no font database query here)."""
    font = app.font()
    font.setFamilies(UI_FAMILIES[:-1] + [font.family()])
    if font.pointSizeF() < 10:
        font.setPointSizeF(10)
    app.setFont(font)


def editor_font() -> "QFont":
    from PySide6.QtGui import QFont
    font = QFont()
    font.setFamilies(_available(EDITOR_FAMILIES))
    font.setPointSizeF(13)
    font.setStyleHint(QFont.Serif)
    return font


def reading_tip(reading) -> str:
    tip = LEVEL_TIPS.get(reading.level, "标题")
    if reading.run_in:
        tip += "\n本行是“标题句＋正文”：只有标题句用标题字体"
    return tip


STYLESHEET = f"""
QLabel#guidance {{ background: {GUIDANCE_BG}; border: 1px solid {GUIDANCE_BORDER};
    border-radius: 4px; padding: 6px 8px; }}
QLabel#sectionHeading {{ font-weight: bold; }}
QLabel.error, QLabel#error {{ color: {ERROR_FG}; }}
QLabel#hint {{ color: {HINT_FG}; }}
QLabel#welcomeTitle {{ font-weight: bold; }}
QFrame#welcome {{ background: #eef4fb; border: 1px solid #c9dbf0; border-radius: 6px; }}
QToolButton#snippets::menu-indicator {{ image: none; width: 0px; }}
QListWidget#nav {{ border: none; background: transparent; }}
QListWidget#nav::item {{ padding: 4px 6px; }}
QListWidget#nav::item:selected {{ background: #dcebfb; color: #0b2e59; border-radius: 3px; }}
"""
