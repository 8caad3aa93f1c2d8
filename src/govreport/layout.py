"""Layout numbers (GB/T 9704-2012) and font profiles, read from templates/layout/*.toml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from govreport.datafiles import load_toml
from govreport import paths
from govreport.errors import InputError

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
    return Layout(load_toml(path), path)
