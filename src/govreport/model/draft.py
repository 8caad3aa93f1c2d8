"""The draft file: one JSON file holding everything the clerk entered.

See docs/draft-format.md. Unknown future versions are refused; older ones are migrated.
"""
from __future__ import annotations

import datetime as dt
import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from govreport.base.atomic import write_text_atomic
from govreport.text.blocks import Block, parse_text
from govreport.text.dates import YEAR_MAX, YEAR_MIN
from govreport.base.errors import InputError
from govreport.model.figures import Figure
from govreport.model.pack import DEFAULT_PACK, TemplatePack, load_pack

FORMAT = "govreport-draft"
SCHEMA_VERSION = 1

VARIANT_PUBLIC = "public"        # 公开件: no 版头, for the website
VARIANT_SUBMITTED = "submitted"  # 上报件: 版头, seal layout, 版记
VARIANTS = (VARIANT_PUBLIC, VARIANT_SUBMITTED)


@dataclass
class SectionDraft:
    id: str
    blocks: list[Block] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(b.to_text() for b in self.blocks)


@dataclass
class Draft:
    unit: str
    year: int
    template: str = DEFAULT_PACK
    title: str | None = None            # None: computed from the pack
    title_lines: list[str] | None = None  # clerk's own title line break
    recipient: str = ""                 # 主送机关, without the colon
    signature: str = ""                 # 发文机关署名; "" means the pack's default
    date: str | None = None             # 成文日期, ISO yyyy-mm-dd
    closing: str | None = None          # e.g. 特此报告。; None means the pack's default
    note: str = ""                      # 附注, e.g. 此件公开发布
    attachments: list[str] = field(default_factory=list)  # 附件名称
    variant: str = VARIANT_PUBLIC
    fonts: str = ""                     # font profile id; "" means the layout's default
    doc_number: str = ""                # 发文字号 (上报件)
    issuer: str = ""                    # 签发人 (上报件)
    issuing_office: str = ""            # 发文机关标志 (上报件); "" -> 单位 + 人民政府
    cc: str = ""                        # 抄送 (上报件)
    printed_by: str = ""                # 印发机关 (上报件)
    printed_on: str | None = None       # 印发日期 ISO (上报件)
    data_appendix: bool = False         # attach the 主要数据统计表 (附件)
    sections: list[SectionDraft] = field(default_factory=list)
    workbook: dict | None = None        # {"path", "sha256", "year"}
    figures: dict[str, Figure] = field(default_factory=dict)     # values used, from the workbook
    overrides: dict[str, Figure] = field(default_factory=dict)   # values the clerk typed
    bindings: dict[str, str] = field(default_factory=dict)       # id -> "普法!D7"
    source_text: str | None = None      # original text of an imported report

    def section(self, sid: str) -> SectionDraft | None:
        return next((s for s in self.sections if s.id == sid), None)

    def section_ids(self) -> list[str]:
        return [s.id for s in self.sections]

    def date_value(self) -> dt.date:
        if self.date:
            return dt.date.fromisoformat(self.date)
        return default_date(self.year)

    def to_dict(self) -> dict:
        return {
            "format": FORMAT,
            "schema_version": SCHEMA_VERSION,
            "template": self.template,
            "unit": self.unit,
            "year": self.year,
            "title": self.title,
            "title_lines": self.title_lines,
            "recipient": self.recipient,
            "signature": self.signature,
            "date": self.date,
            "closing": self.closing,
            "note": self.note,
            "attachments": self.attachments,
            "variant": self.variant,
            "fonts": self.fonts,
            "doc_number": self.doc_number,
            "issuer": self.issuer,
            "issuing_office": self.issuing_office,
            "cc": self.cc,
            "printed_by": self.printed_by,
            "printed_on": self.printed_on,
            "data_appendix": self.data_appendix,
            "sections": [{"id": s.id, "blocks": [b.to_dict() for b in s.blocks]}
                         for s in self.sections],
            "workbook": self.workbook,
            "figures": {k: v.to_dict() for k, v in self.figures.items()},
            "overrides": {k: v.to_dict() for k, v in self.overrides.items()},
            "bindings": self.bindings,
            "source_text": self.source_text,
        }

    @classmethod
    def from_dict(cls, d: dict) -> "Draft":
        def figs(raw: dict | None) -> dict[str, Figure]:
            return {k: Figure.from_dict(k, v) for k, v in (raw or {}).items()}
        return cls(
            unit=d["unit"], year=int(d["year"]), template=d.get("template", DEFAULT_PACK),
            title=d.get("title"), title_lines=d.get("title_lines"),
            recipient=d.get("recipient", ""), signature=d.get("signature", ""),
            date=d.get("date"), closing=d.get("closing"), note=d.get("note", ""),
            attachments=list(d.get("attachments", [])),
            variant=d.get("variant", VARIANT_PUBLIC), fonts=d.get("fonts", ""),
            doc_number=d.get("doc_number", ""), issuer=d.get("issuer", ""),
            issuing_office=d.get("issuing_office", ""), cc=d.get("cc", ""),
            printed_by=d.get("printed_by", ""), printed_on=d.get("printed_on"),
            data_appendix=bool(d.get("data_appendix", False)),
            sections=[SectionDraft(s["id"], [Block.from_dict(b) for b in s.get("blocks", [])])
                      for s in d.get("sections", [])],
            workbook=d.get("workbook"), figures=figs(d.get("figures")),
            overrides=figs(d.get("overrides")), bindings=dict(d.get("bindings", {})),
            source_text=d.get("source_text"),
        )


def default_year(today: dt.date | None = None) -> int:
    """Reports are written early in the year after the one they cover."""
    return (today or dt.date.today()).year - 1


def default_date(year: int, today: dt.date | None = None) -> dt.date:
    """Today while it is still reporting season for `year`, otherwise a January date."""
    today = today or dt.date.today()
    if today.year == year + 1 and today.month <= 3:
        return today
    return dt.date(year + 1, 1, 20)


def default_sections(pack: TemplatePack) -> list[SectionDraft]:
    return [SectionDraft(s.id, parse_text(s.default_text))
            for s in pack.sections if s.in_new_draft]


def new_draft(unit: str, year: int, pack: TemplatePack | None = None, *,
              require_unit: bool = True, **fields) -> Draft:
    """A draft with the pack's default wording; `fields` set more of it (recipient, fonts …).
    The wizard starts with no unit name yet (require_unit=False) and asks for it."""
    from govreport.text.normalize import remove_illegal
    pack = pack or load_pack()
    unit = remove_illegal(unit)[0].strip()
    if require_unit and not unit:
        raise InputError("单位名称不能为空")
    fields.setdefault("date", default_date(year).isoformat())
    return Draft(unit=unit, year=year, template=pack.id, sections=default_sections(pack),
                 **fields)


# --- reading and writing ---------------------------------------------------------------

def _migrate_v0(d: dict) -> dict:
    """Version 0 (early prototype): sections as {id: flat text}."""
    d = dict(d)
    secs = d.get("sections") or {}
    if isinstance(secs, dict):
        d["sections"] = [{"id": sid, "blocks": [b.to_dict() for b in parse_text(text)]}
                         for sid, text in secs.items()]
    d["schema_version"] = 1
    return d


MIGRATIONS = {0: _migrate_v0}


def from_json_text(text: str, path: Path | str = "草稿") -> Draft:
    name = Path(path).name
    try:
        d = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"草稿文件“{name}”已损坏或不是草稿（第{exc.lineno}行格式错误）",
                         path=path) from exc
    except RecursionError as exc:                  # brackets nested thousands deep
        raise InputError(f"草稿文件“{name}”已损坏或不是草稿", path=path) from exc
    if not isinstance(d, dict) or d.get("format", FORMAT) != FORMAT or "unit" not in d:
        raise InputError(f"“{name}”不是 govreport 草稿文件", path=path)
    version = d.get("schema_version", 0)
    if not isinstance(version, int):
        raise InputError(f"草稿文件“{name}”的版本号无效", path=path)
    if version > SCHEMA_VERSION:
        raise InputError(
            f"草稿文件“{name}”由更新版本的 govreport 保存（格式版本 {version}，本程序支持到 "
            f"{SCHEMA_VERSION}），请升级 govreport 后再打开", path=path)
    while version < SCHEMA_VERSION:
        d = MIGRATIONS[version](d)
        version = d["schema_version"]
    problem = _shape_problem(d)
    if problem:
        raise InputError(f"草稿文件“{name}”中{problem}，可能被手工改动过；请用向导打开上一次保存的"
                         f"草稿，或用 govreport new 新建", path=path)
    try:
        return Draft.from_dict(d)
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"草稿文件“{name}”内容不完整或格式有误", path=path) from exc


# What a hand-edited draft may get wrong, checked before anything uses it: one line naming
# the field, never a traceback from deep in the build.
_TEXT_FIELDS = {"template": "模板", "recipient": "主送机关", "signature": "署名", "note": "附注",
                "variant": "文件版本", "fonts": "字体方案", "doc_number": "发文字号",
                "issuer": "签发人", "issuing_office": "发文机关标志", "cc": "抄送",
                "printed_by": "印发机关"}
_OPTIONAL_TEXT_FIELDS = {"title": "标题", "closing": "结束语", "source_text": "原报告文字"}
_DATE_FIELDS = {"date": "成文日期", "printed_on": "印发日期"}
_BLOCK_TEXTS = ("text", "title", "number", "type")


def _shape_problem(d: dict) -> str | None:
    """What is wrong with a draft's fields, in Chinese; None when all is well."""
    if not isinstance(d.get("unit"), str):
        return "的单位名称（unit）应为文字"
    if not d["unit"].strip():
        return "的单位名称（unit）是空的"
    if d.get("variant", VARIANT_PUBLIC) not in VARIANTS:
        return f"的文件版本（variant）“{d.get('variant')}”应为 public（公开件）或 submitted（上报件）"
    year = d.get("year")
    if isinstance(year, bool) or not isinstance(year, (int, str)) or not str(year).strip().isdigit() \
            or not YEAR_MIN <= int(year) <= YEAR_MAX:
        return f"的报告年度（year）应为 {YEAR_MIN} 到 {YEAR_MAX} 之间的年份，现为“{year}”"
    for key, label in _TEXT_FIELDS.items():
        if key in d and not isinstance(d[key], str):       # absent: the default
            return f"的{label}（{key}）应为文字"
    for key, label in _OPTIONAL_TEXT_FIELDS.items():
        if d.get(key) is not None and not isinstance(d[key], str):
            return f"的{label}（{key}）应为文字"
    for key, label in _DATE_FIELDS.items():
        value = d.get(key)
        if value:
            try:
                if not isinstance(value, str) or len(value) != 10:
                    raise ValueError(value)
                dt.date.fromisoformat(value)
            except ValueError:
                return f"的{label}（{key}）“{value}”不是有效日期（应写作 2025-01-20）"
    for key in ("title_lines", "attachments"):
        value = d.get(key)
        if value is not None and not (isinstance(value, list)
                                      and all(isinstance(x, str) for x in value)):
            return f"的“{key}”应为文字列表"
    sections = d.get("sections", [])
    if not isinstance(sections, list):
        return "的各部分（sections）应为列表"
    seen: set[str] = set()
    for i, sec in enumerate(sections, 1):
        if not isinstance(sec, dict) or not isinstance(sec.get("id"), str) \
                or not isinstance(sec.get("blocks", []), list):
            return f"第{i}个部分（sections）的格式有误"
        if sec["id"] in seen:
            return f"部分“{sec['id']}”出现了两次"
        seen.add(sec["id"])
        for j, block in enumerate(sec.get("blocks", []), 1):
            if not isinstance(block, dict) or any(
                    k in block and not isinstance(block[k], str) for k in _BLOCK_TEXTS) \
                    or block.get("level", 2) not in (1, 2, 3, 4) \
                    or isinstance(block.get("level"), bool):
                return f"部分“{sec['id']}”的第{j}段格式有误"
    for key in ("figures", "overrides"):
        figures = d.get(key) or {}
        if not isinstance(figures, dict):
            return f"的数据（{key}）格式有误"
        for fid, fig in figures.items():
            if not isinstance(fig, dict) or any(
                    fig.get(k) is not None and (isinstance(fig[k], bool)
                                                or not isinstance(fig[k], (int, float))
                                                or not math.isfinite(fig[k]))
                    for k in ("value", "previous")):
                return f"数据“{fid}”（{key}）的数值应为数字"
    if not isinstance(d.get("data_appendix", False), bool):
        return "的“附主要数据统计表”（data_appendix）应为 true 或 false"
    bindings = d.get("bindings") or {}
    if not isinstance(bindings, dict) or not all(isinstance(v, str) for v in bindings.values()):
        return "的指定单元格（bindings）格式有误"
    if d.get("workbook") is not None and not isinstance(d["workbook"], dict):
        return "的统计表记录（workbook）格式有误"
    return None


def load(path: Path | str) -> Draft:
    path = Path(path)
    if path.is_dir():
        raise InputError(f"“{path}”是一个文件夹，不是草稿文件", path=path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"找不到草稿文件“{path}”", path=path) from exc
    except OSError as exc:
        raise InputError(f"无法读取草稿文件“{path}”：{exc.strerror or exc}", path=path) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"“{path.name}”不是 govreport 草稿文件（不是 UTF-8 文本）",
                         path=path) from exc
    return from_json_text(text, path)


def to_json_text(draft: Draft) -> str:
    return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"


def save(draft: Draft, path: Path | str) -> None:
    write_text_atomic(Path(path), to_json_text(draft))
