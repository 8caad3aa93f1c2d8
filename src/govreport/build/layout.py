"""Layout numbers (GB/T 9704-2012) and font profiles, read from templates/layout/*.toml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from govreport.base.datafiles import load_toml
from govreport.base import paths
from govreport.base.errors import InputError

TWIPS_PER_MM = 1440 / 25.4
TWIPS_PER_PT = 20


def mm_to_twips(mm: float) -> int:
    return round(mm * TWIPS_PER_MM)


@dataclass(frozen=True)
class FontProfile:
    id: str
    label: str
    fonts: dict[str, str]          # role -> East Asian font name
    latin: str | None = None       # ASCII/digit font, when it differs
    title_bold: bool = False

    def font(self, role: str) -> str:
        return self.fonts.get(role) or self.fonts["body"]


@dataclass
class Layout:
    data: dict
    path: Path

    def __getitem__(self, key: str) -> dict:
        return self.data[key]

    @property
    def page(self) -> dict:
        return self.data["page"]

    @property
    def grid(self) -> dict:
        return self.data["grid"]

    @property
    def styles(self) -> dict[str, dict]:
        return self.data["styles"]

    @property
    def text_width_twips(self) -> int:
        p = self.page
        return mm_to_twips(p["width_mm"] - p["left_mm"] - p["right_mm"])

    @property
    def char_twips(self) -> float:
        """One 字 of body text: the text width shared by the characters of a full line."""
        return self.text_width_twips / self.grid["chars"]

    def chars(self, n: float) -> int:
        return round(n * self.char_twips)

    def profile_ids(self) -> list[str]:
        return list(self.data["fonts"]["profiles"])

    def profile(self, pid: str | None = None) -> FontProfile:
        profiles = self.data["fonts"]["profiles"]
        pid = pid or self.data["fonts"]["default"]
        if pid not in profiles:
            raise InputError(f"没有名为“{pid}”的字体方案（可选：{'、'.join(profiles)}）")
        raw = dict(profiles[pid])
        label = raw.pop("label", pid)
        latin = raw.pop("latin", None)
        title_bold = bool(raw.pop("title_bold", False))
        return FontProfile(pid, label, raw, latin, title_bold)


@cache
def load_layout(name: str = "gbt9704") -> Layout:
    path = paths.templates_dir() / "layout" / f"{name}.toml"
    data = load_toml(path)
    problem = _layout_problem(data)
    if problem:
        raise InputError(f"排版数据文件“{path.name}”中{problem}，请改正，或换回软件自带的原文件",
                         path=path)
    return Layout(data, path)


# Every table the writer reads, with the numbers it needs; a key named like a measure
# (…_mm, …_pt, …_chars …) anywhere must be a number.
_REQUIRED = {
    "page": ("width_mm", "height_mm", "top_mm", "left_mm", "bottom_mm", "right_mm"),
    "grid": ("lines", "chars", "line_pitch_twips", "char_spacing_twips"),
    "footer": ("size_pt", "indent_chars", "distance_mm"),
    "title": ("single_line_max_em", "line_max_em"),
    "signature": (), "seal": (), "header": (), "colophon": ("size_pt", "indent_chars"),
    "appendix": ("table_size_pt", "row_height_pt", "number_chars", "unit_chars", "value_chars"),
}
_MEASURES = ("_mm", "_pt", "_chars", "_twips", "_eighths", "_em", "_lines", "lines", "chars")


def _layout_problem(data: dict, where: str = "") -> str | None:
    if not where:
        for table, keys in _REQUIRED.items():
            if not isinstance(data.get(table), dict):
                return f"缺少 [{table}] 一节"
            missing = [k for k in keys if k not in data[table]]
            if missing:
                return f"[{table}] 缺少 {'、'.join(missing)}"
        styles = data.get("styles")
        if not isinstance(styles, dict) or not styles:
            return "缺少 [styles] 各节"
        for key, style in styles.items():
            if not isinstance(style, dict) or "size_pt" not in style or "font" not in style:
                return f"[styles.{key}] 应有 font 和 size_pt"
        fonts = data.get("fonts")
        if not isinstance(fonts, dict) or not isinstance(fonts.get("profiles"), dict) \
                or fonts.get("default") not in fonts["profiles"]:
            return "[fonts] 应有 default 和对应的 [fonts.profiles.…]"
    for key, value in data.items():
        name = f"{where}.{key}" if where else key
        if isinstance(value, dict):
            problem = _layout_problem(value, name)
            if problem:
                return problem
        elif key.endswith(_MEASURES) and (isinstance(value, bool)
                                          or not isinstance(value, (int, float))):
            table, _, leaf = name.rpartition(".")
            return f"[{table}] 的 {leaf} 应为数字，现为“{value}”"
    return None
