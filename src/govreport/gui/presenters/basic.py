"""基本信息 page: the report's fields, its title and which font profile to use."""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from govreport.gui.presenters.base import PagePresenter

if TYPE_CHECKING:
    from govreport.build.fontcheck import FontReport

FIELDS = ("unit", "year", "title", "recipient", "signature", "date", "variant", "fonts",
          "doc_number", "issuer", "note", "issuing_office", "cc", "printed_by", "printed_on",
          "data_appendix")


class BasicPresenter(PagePresenter):
    def __init__(self, wizard):
        super().__init__(wizard)
        self.font_report: "FontReport | None" = None    # this PC's fonts, once checked
        self.font_check_failed = False
        self.fonts_open = False          # a new draft whose font profile nobody chose

    def reset(self) -> None:
        self.fonts_open = False

    def get_field(self, name: str):
        if name == "date":
            return self.draft.date_value()
        if name == "printed_on":       # None: the 成文日期
            return dt.date.fromisoformat(self.draft.printed_on) if self.draft.printed_on else None
        return getattr(self.draft, name)

    def set_field(self, name: str, value) -> None:
        if name not in FIELDS:
            raise KeyError(name)
        d = self.draft
        if name in ("date", "printed_on"):
            value = value.isoformat() if isinstance(value, dt.date) else value
        if name == "title":
            value = (value or "").strip() or None
            if value == self.computed_title():
                value = None
        if isinstance(value, str):
            # pasted from a web page: characters Word cannot hold go at once, not in every
            # place the field shows up (the unit is in the title, 署名, 版头 …)
            from govreport.text.normalize import remove_illegal
            value = remove_illegal(value)[0]
        if name in ("unit", "issuing_office", "cc", "printed_by"):
            value = value.strip()
        if name == "fonts":
            self.fonts_open = False
        if getattr(d, name) == value:
            return
        old_year = d.year
        setattr(d, name, value)
        if name == "year":
            self._move_date(old_year, value)
        self.changed()
        if name in ("unit", "year"):
            self.view.figures_changed()      # tokens such as 〖单位名称：…〗 show the new value

    def _move_date(self, old_year: int, new_year: int) -> None:
        """A 成文日期 in the season after the old report year moves with the report year
        (2025-01-20 for 2024 becomes 2026-01-20 for 2025); a date the clerk set elsewhere stays."""
        d = self.draft
        if not d.date:
            return
        date = dt.date.fromisoformat(d.date)
        if date.year != old_year + 1:
            return
        try:
            d.date = date.replace(year=new_year + 1).isoformat()
        except ValueError:                          # 29 February
            d.date = date.replace(year=new_year + 1, day=28).isoformat()

    def computed_title(self) -> str:
        return self.render(self.pack.title)

    def title(self) -> str:
        return self.draft.title or self.computed_title()

    def title_lines(self) -> list[str]:
        from govreport.build.compose import title_lines_of
        return title_lines_of(self.draft, self.title())

    def set_title_lines(self, text: str) -> str | None:
        """'清溪镇2024年 / 法治政府建设年度报告': the clerk's own title break; returns an error."""
        lines = [p.strip() for p in text.replace("／", "/").split("/") if p.strip()]
        if not lines:
            value = None
        elif "".join(lines) != self.title():
            return "分行后的文字与标题不一致，请只加“/”分行，不要改动文字"
        else:
            value = lines
        if value is not None and value == self._computed_lines():
            value = None
        if self.draft.title_lines != value:
            self.draft.title_lines = value
            self.changed()
        return None

    def _computed_lines(self) -> list[str]:
        saved, self.draft.title_lines = self.draft.title_lines, None
        try:
            return self.title_lines()
        finally:
            self.draft.title_lines = saved

    def default_signature(self) -> str:
        return self.render(self.pack.signature)

    def default_frame(self) -> dict[str, str]:
        """What the 上报件's 发文机关标志 and 印发机关 say when left empty."""
        from govreport.build.compose import default_issuing_office, default_printed_by
        unit = self.draft.unit or "本单位"
        return {"issuing_office": default_issuing_office(unit),
                "printed_by": default_printed_by(unit)}

    def validate_basic(self, today: dt.date | None = None) -> dict[str, str]:
        from govreport.text.dates import YEAR_MIN
        today = today or dt.date.today()
        d = self.draft
        errors = {}
        if not d.unit.strip():
            errors["unit"] = "请填写单位名称，例如“清溪镇”"
        if d.year > today.year:
            errors["year"] = f"报告年度不能晚于今年（{today.year}年）"
        elif d.year < YEAR_MIN:
            errors["year"] = "报告年度有误"
        return errors

    def basic_hints(self, today: dt.date | None = None) -> dict[str, str]:
        today = today or dt.date.today()
        hints = {}
        if self.draft.year == today.year:
            hints["year"] = f"{today.year}年尚未结束，年度报告通常在次年初报告上一年度"
        if self.draft.date_value().year < self.draft.year:
            hints["date"] = "成文日期早于报告年度，请核对"
        return hints

    @staticmethod
    def font_profiles() -> list[tuple[str, str]]:
        from govreport.build.layout import load_layout
        layout = load_layout()
        return [(pid, layout.profile(pid).label) for pid in layout.profile_ids()]

    @staticmethod
    def valid_profile(pid: str) -> str:
        from govreport.build.layout import load_layout
        return pid if pid in load_layout().profile_ids() else ""

    # --- which font profile this PC can show (govreport.build.fontcheck) -------------------------
    def check_fonts(self) -> None:
        """Look for the fonts of every profile, off the UI thread (it may run fc-list and read
        font files). On the first run the recommended profile becomes the remembered choice."""
        def job():
            from govreport.build import fontcheck
            return fontcheck.check_fonts()

        self.runner.run(job, self._fonts_checked, self._font_check_failed)

    def _fonts_checked(self, report: "FontReport") -> None:
        self.font_report = report
        self.font_check_failed = False
        pid = self.valid_profile(report.recommended)
        if pid and not self.settings["font_profile"]:
            self.settings["font_profile"] = pid
            if self.fonts_open and self.draft is not None:
                self.draft.fonts = pid
                self.changed()
        self.fonts_open = False
        self.view.fonts_checked()

    def _font_check_failed(self, exc: BaseException) -> None:
        # Not worth a message box: the clerk can still choose; the note says it was not checked.
        from govreport.gui import crash
        crash.log_exception(exc)
        self.font_check_failed = True
        self.fonts_open = False
        self.view.fonts_checked()

    def font_choices(self) -> list[tuple[str, str, str]]:
        """(profile id, text for the list, tooltip): each profile marked with what this PC has."""
        out = []
        report = self.font_report
        for pid, label in self.font_profiles():
            prof = next((p for p in report.profiles if p.id == pid), None) if report else None
            if prof is None:
                out.append((pid, label, ""))
                continue
            missing = prof.missing
            head = "推荐：" if pid == report.recommended else ""
            if not missing:
                status = f"（{head}本机已安装）"
                tip = "本机已安装：" + "、".join(prof.present)
            else:
                shown = "、".join(missing[:2]) + (f" 等{len(missing)}种" if len(missing) > 2 else "")
                status = f"（{head.replace('：', '；')}本机缺少：{shown}）"
                tip = "本机缺少：" + "、".join(missing)
                if prof.present:
                    tip += "\n本机已安装：" + "、".join(prof.present)
            out.append((pid, label + status, tip))
        return out

    def font_note(self) -> str:
        """The note under the font profile list: the check's advice, with profiles by name."""
        if self.font_check_failed:
            return "未能检查本机安装的字体。请按报告要在哪台电脑上打开和打印来选择字体方案。"
        if self.font_report is None:
            return "正在检查本机安装的字体……"
        text = self.font_report.explanation
        for pid, label in self.font_profiles():
            text = text.replace(f"“{pid}”", f"“{label.split('（')[0]}”")
        return text

    def choose_fonts(self, pid: str) -> None:
        """The clerk picked a font profile: the draft takes it and later reports start with it."""
        self.set_field("fonts", pid)
        if self.valid_profile(pid):
            self.settings["font_profile"] = pid
