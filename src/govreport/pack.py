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

# What a section does in a report, whatever the pack calls it. Code that needs "the part with
# next year's plans" asks the pack for the section of that role (TemplatePack.by_role) instead of
# naming a section id; a pack declares each section's role in pack.toml.
INTRO = "intro"             # the unnumbered opening paragraph(s) before 一、
MEASURES = "measures"       # what was done in the report year, with figures
PROBLEMS = "problems"       # shortcomings and their causes
DUTY = "duty"               # the leaders' own duties
NEXT_YEAR = "next-year"     # plans for the year after the report year
OTHER = "other"             # anything else; where unclassified text goes
ROLES = (INTRO, MEASURES, PROBLEMS, DUTY, NEXT_YEAR, OTHER)


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
    role: str = ""        # one of ROLES, or "" for a section no code treats specially


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
    appendix_title: str = "{{ year }}年度主要数据统计表"   # 附件：主要数据统计表
    report_name: str = "年度报告"          # what the report is called: window titles, file names
    statistics_name: str = "统计表"        # the statistics workbook's name after unit and year
    regulation: str = ""                   # the rule that requires the sections, for messages

    def section(self, sid: str) -> SectionSpec | None:
        return next((s for s in self.sections if s.id == sid), None)

    def by_role(self, role: str) -> SectionSpec | None:
        """The pack's section that plays `role` (one of ROLES), if it has one."""
        return next((s for s in self.sections if s.role == role), None)

    def role_id(self, role: str) -> str | None:
        """The id of the section that plays `role`; None if the pack has no such section."""
        spec = self.by_role(role)
        return spec.id if spec else None

    def role_of(self, sid: str | None) -> str:
        """The role of section `sid` ("" when it has none or is not in the pack)."""
        spec = self.section(sid) if sid else None
        return spec.role if spec else ""

    def output_stem(self, unit: str, year: int | str) -> str:
        """'清溪镇2024年法治政府建设年度报告': the report's file name without suffix."""
        return f"{unit}{year}年{self.report_name}"

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
            role=_role(raw, root),
        ))
    snippets: dict[str, list[str]] = {}
    if (root / "snippets.toml").exists():
        snippets = {k: list(v) for k, v in load_toml(root / "snippets.toml").items()}
    return TemplatePack(
        id=data.get("id", pack_id), name=data.get("name", pack_id), root=root,
        title=data.get("title", "{{ unit_name }}{{ year }}年" + data.get("report_name", "年度报告")),
        signature=data.get("signature", "{{ unit_name }}人民政府"),
        closing=data.get("closing", ""), sections=sections,
        appendix_title=data.get("appendix_title", "{{ year }}年度主要数据统计表"),
        report_name=data.get("report_name", "年度报告"),
        statistics_name=data.get("statistics_name", "统计表"),
        regulation=data.get("regulation", ""),
        indicators=load_indicators(root / "indicators.toml"), snippets=snippets,
        length_min=data.get("length_min"), length_max=data.get("length_max"),
    )


def _role(raw: dict, root: Path) -> str:
    role = raw.get("role", "")
    if role and role not in ROLES:
        raise InputError(f"模板“{root.name}”的部分“{raw['id']}”的 role “{role}”无效"
                         f"（可用：{'、'.join(ROLES)}）")
    return role


def section_short_name(section_id: str | None, pack_id: str = DEFAULT_PACK) -> str:
    """How messages name a section: 导语, 举措成效 ...; 全文 when no section applies."""
    if not section_id:
        return "全文"
    try:
        spec = load_pack(pack_id).section(section_id)
    except InputError:
        spec = None
    return spec.short if spec else section_id
