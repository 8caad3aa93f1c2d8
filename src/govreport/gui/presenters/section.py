"""The section pages: one per section of the pack; text with live figure references."""
from __future__ import annotations

from typing import TYPE_CHECKING

from govreport.gui.presenters.base import PagePresenter

if TYPE_CHECKING:
    from govreport.gui.records import Choice, SectionStats
    from govreport.gui.reftext import Ref, RefCodec


class SectionPresenter(PagePresenter):
    def __init__(self, wizard):
        super().__init__(wizard)
        self._codec: "RefCodec | None" = None
        self._stash: dict[str, list] = {}        # sections taken out, kept for putting back

    def reset(self) -> None:
        self._codec = None
        self._stash = {}

    def forget_codec(self) -> None:
        """Figures or the unit changed: tokens must show the new values."""
        self._codec = None

    def codec(self) -> "RefCodec":
        if self._codec is None:
            from govreport import wording
            from govreport.gui.reftext import RefCodec

            ctx = self.session.context()

            def render(source: str) -> tuple[str, bool]:
                text, _log = wording.render(source, ctx)
                return text, bool(wording.GAP_RE.search(text))

            self._codec = RefCodec(self.pack.indicators, render)
        return self._codec

    def section_heading(self, sid: str) -> str:
        spec = self.pack.section(sid)
        if not spec.heading:
            return "导语（不编序号）"
        n = 0
        for s in self.pack.sections:
            if s.numbered and self.section_included(s.id):
                n += 1
            if s.id == sid:
                break
        from govreport.text.numfmt import chinese
        number = chinese(n) + "、" if self.section_included(sid) and spec.numbered else ""
        return number + self.render(spec.heading)

    def guidance(self, sid: str) -> str:
        return self.render(self.pack.section(sid).guidance)

    def section_included(self, sid: str) -> bool:
        return self.draft is not None and self.draft.section(sid) is not None

    def set_section_included(self, sid: str, included: bool) -> None:
        from govreport.text.blocks import parse_text
        from govreport.model.draft import SectionDraft
        if included == self.section_included(sid):
            return
        if included:
            blocks = self._stash.pop(sid, None) or parse_text(self.pack.section(sid).default_text)
            order = self.pack.section_ids()
            pos = sum(1 for s in self.draft.sections
                      if s.id in order and order.index(s.id) < order.index(sid))
            self.draft.sections.insert(pos, SectionDraft(sid, blocks))
        else:
            sec = self.draft.section(sid)
            self._stash[sid] = sec.blocks
            self.draft.sections.remove(sec)
        self.changed()

    def section_display(self, sid: str) -> str:
        sec = self.draft.section(sid)
        return self.codec().to_display(sec.text) if sec else ""

    def set_section_display(self, sid: str, text: str) -> bool:
        """The editor's text, saved into the draft as blocks; True if the draft changed."""
        from govreport.text.blocks import parse_text
        sec = self.draft.section(sid)
        if sec is None:
            return False
        blocks = parse_text(self.codec().from_display(text))
        if blocks == sec.blocks:
            return False
        sec.blocks = blocks
        self.changed()
        return True

    def default_display(self, sid: str) -> str:
        return self.codec().to_display(self.pack.section(sid).default_text)

    def choices(self) -> "list[Choice]":
        from govreport.gui.records import Choice
        from govreport.gui.reftext import CONTEXT_LABELS, Ref
        codec = self.codec()
        out = []
        for name, label in CONTEXT_LABELS.items():
            ref = Ref(name)
            value, missing = codec.value(ref)
            out.append(Choice(ref, label, value, missing, "报告信息"))
        for ind in self.pack.indicators:
            ref = Ref(ind.id)
            value, missing = codec.value(ref)
            out.append(Choice(ref, ind.name, value, missing, ind.theme))
        return out

    def token_for(self, ref: "Ref") -> str:
        return self.codec().token_text(ref)

    def snippets(self, sid: str) -> list[str]:
        raw = list(self.pack.snippets.get(sid, [])) + list(self.pack.snippets.get("common", []))
        return [self.codec().to_display(s) for s in raw]

    def section_stats(self, sid: str, display_text: str) -> "SectionStats":
        from govreport.gui.records import SectionStats
        from govreport import wording
        from govreport.gui.reftext import count_chars, read_line
        spec = self.pack.section(sid)
        ctx = self.session.context()
        codec = self.codec()
        chars = 0
        levels: dict[int, int] = {}
        paragraphs = 0
        for line in display_text.split("\n"):
            reading = read_line(line)
            if reading.kind == "heading":
                levels[reading.level] = levels.get(reading.level, 0) + 1
            elif reading.kind == "paragraph":
                paragraphs += 1
            if line.strip():
                chars += count_chars(wording.render(codec.from_display(line), ctx)[0])
        return SectionStats(chars, spec.length_min, spec.length_max, levels, paragraphs)
