"""Template packs: report kinds as data (sections, guidance, default wording, indicators)."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from govreport.datafiles import load_toml
from govreport import paths
from govreport.errors import InputError
from govreport.indicators import IndicatorSet, load_indicators

DEFAULT_PACK = "fazhi-township"


@dataclass(frozen=True)
class SectionSpec:
    id: str
    heading: str          # jinja text; "" for the unnumbered preamble
    required: bool
    numbered: bool
    guidance: str
    default_text: str     # jinja wording, one block per line
    short: str = ""       # short name for messages: 导语, 举措成效 ...
    length_min: int | None = None
    length_max: int | None = None
    in_new_draft: bool = True


@dataclass
class TemplatePack:
    id: str
    name: str
    root: Path
    title: str
    signature: str
    closing: str
    sections: list[SectionSpec]
    indicators: IndicatorSet
    snippets: dict[str, list[str]] = field(default_factory=dict)
    length_min: int | None = None
    length_max: int | None = None
    appendix_title: str = "{{ year }}年度法治政府建设主要数据统计表"   # 附件：主要数据统计表

    def section(self, sid: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.id == sid), None)

    def section_ids(self) -> list[str]:
        return [s.id for s in self.sections]


def pack_file(root: Path | None, name: str) -> Path:
    """A data file (checks.toml, stale_phrases.toml …) of the pack in folder root, else the
    default pack's: a pack need not repeat the files it shares."""
    if root is not None and (Path(root) / name).is_file():
        return Path(root) / name
    return paths.templates_dir() / DEFAULT_PACK / name


def available_packs() -> list[str]:
    root = paths.templates_dir()
    return sorted(p.name for p in root.iterdir() if (p / "pack.toml").is_file())


@cache
def load_pack(pack_id: str = DEFAULT_PACK) -> TemplatePack:
    root = paths.templates_dir() / pack_id
    if not (root / "pack.toml").is_file():
        have = "、".join(available_packs()) or "无"
        raise InputError(f"找不到模板“{pack_id}”（可用的模板：{have}）")
    data = load_toml(root / "pack.toml")
    sections = []
    for raw in data.get("section", []):
        text_path = root / "sections" / f"{raw['id']}.txt"
        default = text_path.read_text(encoding="utf-8").strip() if text_path.exists() else ""
        sections.append(SectionSpec(
            id=raw["id"], heading=raw.get("heading", ""), required=bool(raw.get("required")),
            numbered=bool(raw.get("numbered", True)), guidance=raw.get("guidance", "").strip(),
            default_text=default, short=raw.get("short", raw["id"]), length_min=raw.get("length_min"),
            length_max=raw.get("length_max"),
            in_new_draft=bool(raw.get("in_new_draft", raw.get("required", False))),
        ))
    snippets: dict[str, list[str]] = {}
    if (root / "snippets.toml").exists():
        snippets = {k: list(v) for k, v in load_toml(root / "snippets.toml").items()}
    return TemplatePack(
        id=data.get("id", pack_id), name=data.get("name", pack_id), root=root,
        title=data.get("title", "{{ unit_name }}{{ year }}年法治政府建设年度报告"),
        signature=data.get("signature", "{{ unit_name }}人民政府"),
        closing=data.get("closing", ""), sections=sections,
        appendix_title=data.get("appendix_title", "{{ year }}年度法治政府建设主要数据统计表"),
        indicators=load_indicators(root / "indicators.toml"), snippets=snippets,
        length_min=data.get("length_min"), length_max=data.get("length_max"),
    )


def section_short_name(section_id: str | None, pack_id: str = DEFAULT_PACK) -> str:
    """How messages name a section: 导语, 举措成效 ...; 全文 when no section applies."""
    if not section_id:
        return "全文"
    try:
        spec = load_pack(pack_id).section(section_id)
    except InputError:
        spec = None
    return spec.short if spec else section_id
