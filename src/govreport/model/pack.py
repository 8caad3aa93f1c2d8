"""Template packs: report kinds as data (sections, guidance, default wording, indicators)."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from govreport.base.datafiles import load_toml
from govreport.base import paths
from govreport.base.errors import InputError
from govreport.model.indicators import IndicatorSet, load_indicators

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


@dataclass(frozen=True)
class TableCell:
    text: str             # jinja text: a label, or a figure reference such as {{ cases }}
    span: int = 1         # columns this cell covers (a merged header cell)
    rows: int = 1         # rows this cell covers, downwards


@dataclass(frozen=True)
class TableSpec:
    """A table in the body of the report (tables/<id>.toml): its header rows repeat on every
    page; its cells are jinja text, so a cell can hold a figure from the statistics workbook."""
    id: str
    name: str                       # how the wizard and messages call it
    widths: tuple[float, ...]       # relative column widths; the table spans the text block
    aligns: tuple[str, ...]         # per column: left, center, right
    header: tuple[tuple[TableCell, ...], ...]
    rows: tuple[tuple[TableCell, ...], ...]
    caption: str = ""               # jinja text set above the table, centred; "" for none
    size_pt: float | None = None    # the table's font size; None: the layout's ([table] size_pt)


PREVIOUS = "prev."      # prev.<id> in a balance: the figure's 上年 value, as in formulas


@dataclass(frozen=True)
class Balance:
    """A sum a report's tables must satisfy beyond their own totals, per column:
    sum(left) == sum(right) with {col} in the ids replaced by each of `columns`."""
    name: str
    columns: tuple[str, ...]
    column_names: tuple[str, ...]
    left: tuple[str, ...]
    right: tuple[str, ...]

    def per_column(self) -> list[tuple[str, list[str], list[str]]]:
        """(column name, left ids, right ids) for each column."""
        cols = self.columns or ("",)
        names = self.column_names or cols
        return [(name, [i.format(col=c) for i in self.left], [i.format(col=c) for i in self.right])
                for c, name in zip(cols, names)]

    def violations(self, value_of) -> list[tuple[str, list[str], float, list[str], float]]:
        """(column, left ids, left sum, right ids, right sum) of each column whose sums differ;
        value_of(id) gives a figure's value or None (a column with a missing figure is skipped)."""
        out = []
        for column, left, right in self.per_column():
            lv, rv = [value_of(i) for i in left], [value_of(i) for i in right]
            if None in lv or None in rv:
                continue
            if abs(sum(lv) - sum(rv)) > 1e-6:
                out.append((column, left, sum(lv), right, sum(rv)))
        return out

    def messages(self, indicators: IndicatorSet, figures) -> list[tuple[str, str]]:
        """(message, the left side's first indicator) for each column that does not add up.
        An id written prev.<id> is that figure's 上年 value (last year's report or column)."""
        from govreport.text.numfmt import trim

        def value_of(ref: str):
            fid, prev = (ref[5:], True) if ref.startswith(PREVIOUS) else (ref, False)
            f = figures.get(fid)
            return None if f is None else (f.previous if prev else f.value)

        def name(ref: str) -> str:
            fid = ref.removeprefix(PREVIOUS)
            base = indicators[fid].name.split("（")[0] if fid in indicators else fid
            return ("去年" + base) if ref.startswith(PREVIOUS) else base

        def names(ids: list[str]) -> str:
            return "＋".join(name(i) for i in ids)
        return [(f"{self.name}不成立（{column}列）：{names(left)}为{trim(lsum)}，"
                 f"{names(right)}为{trim(rsum)}", left[0])
                for column, left, lsum, right, rsum in self.violations(value_of)]


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
    tables: dict[str, TableSpec] = field(default_factory=dict)
    title_words: tuple[str, ...] = ()      # terms of the report's name a title line keeps whole
    demo: dict = field(default_factory=dict)   # [demo]: unit, year, recipient, date, note, workbook
    balances: tuple[Balance, ...] = ()         # [[balance]]: sums the tables must satisfy
    year_statements: tuple[tuple[str, str], ...] = ()   # (name, regex): must name the report year

    def demo_workbook(self) -> Path | None:
        """The example's statistics workbook (resources/sample/), if the pack has an example."""
        name = self.demo.get("workbook")
        return paths.resources_dir() / "sample" / name if name else None

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


# A county keeps its own packs in folders named here (separated like PATH); they are searched
# after the packs that ship with the program, so a pack id always means the shipped pack.
PACKS_ENV = "GOVREPORT_PACKS"
# A pack id is a folder name, never a path: a draft names its pack, and a draft must not be
# able to load code-like data from anywhere on the disk or the network.
_PACK_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def pack_folders() -> list[Path]:
    extra = [Path(p) for p in os.environ.get(PACKS_ENV, "").split(os.pathsep) if p.strip()]
    return [paths.templates_dir(), *extra]


def available_packs() -> list[str]:
    found: dict[str, None] = {}
    for folder in pack_folders():
        if folder.is_dir():
            found.update((p.name, None) for p in sorted(folder.iterdir())
                         if (p / "pack.toml").is_file())
    return list(found)


def pack_root(pack_id: str) -> Path:
    """The folder of pack `pack_id`; InputError naming the packs there are when none."""
    if _PACK_ID.match(pack_id or ""):
        for folder in pack_folders():
            if (folder / pack_id / "pack.toml").is_file():
                return folder / pack_id
    have = "、".join(available_packs()) or "无"
    raise InputError(f"找不到模板“{pack_id}”（可用的模板：{have}）")


def load_pack(pack_id: str = DEFAULT_PACK) -> TemplatePack:
    return _load_pack(pack_id, os.environ.get(PACKS_ENV, ""))


@cache
def _load_pack(pack_id: str, _search: str) -> TemplatePack:
    root = pack_root(pack_id)
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
        signature=data.get("signature", "{{ unit_organ }}"),
        closing=data.get("closing", ""), sections=sections,
        appendix_title=data.get("appendix_title", "{{ year }}年度主要数据统计表"),
        report_name=data.get("report_name", "年度报告"),
        statistics_name=data.get("statistics_name", "统计表"),
        regulation=data.get("regulation", ""),
        tables=_tables(root),
        title_words=tuple(data.get("title_words", ())),
        demo=dict(data.get("demo", {})),
        balances=tuple(Balance(b.get("name", ""), tuple(b.get("columns", ())),
                               tuple(b.get("column_names", ())), tuple(b.get("left", ())),
                               tuple(b.get("right", ()))) for b in data.get("balance", [])),
        year_statements=tuple((s.get("name", ""), s["pattern"])
                              for s in data.get("year_statement", [])),
        indicators=load_indicators(root / "indicators.toml"), snippets=snippets,
        length_min=data.get("length_min"), length_max=data.get("length_max"),
    )


def _tables(root: Path) -> dict[str, TableSpec]:
    folder = root / "tables"
    if not folder.is_dir():
        return {}
    return {p.stem: _table(p) for p in sorted(folder.glob("*.toml"))}


def _table(path: Path) -> TableSpec:
    data = load_toml(path)

    def cells(rows: list, where: str) -> tuple[tuple[TableCell, ...], ...]:
        out = []
        for n, row in enumerate(rows, 1):
            line = []
            for cell in row:
                if isinstance(cell, dict):
                    line.append(TableCell(str(cell.get("text", "")), int(cell.get("span", 1)),
                                          int(cell.get("rows", 1))))
                else:
                    line.append(TableCell(str(cell)))
            if sum(c.span for c in line) > len(widths):
                raise InputError(f"表格文件“{path.name}”{where}第{n}行的列数多于 widths 的"
                                 f"{len(widths)}列", path=path)
            out.append(tuple(line))
        return tuple(out)

    widths = tuple(float(w) for w in data.get("widths", []))
    if not widths or min(widths) <= 0:
        raise InputError(f"表格文件“{path.name}”缺少有效的 widths（各列相对宽度）", path=path)
    aligns = tuple(data.get("aligns", ["center"] * len(widths)))
    if len(aligns) != len(widths) or set(aligns) - {"left", "center", "right"}:
        raise InputError(f"表格文件“{path.name}”的 aligns 应为每列一个 left/center/right",
                         path=path)
    return TableSpec(path.stem, data.get("name", path.stem), widths, aligns,
                     cells(data.get("header", []), "表头"), cells(data.get("rows", []), "表体"),
                     data.get("caption", ""), data.get("size_pt"))


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
