"""The 公文 frame around the body: title, 主送机关, 成文日期, 署名, 结束语, 附注, 附件 and the
版头/版记 of a 上报件.

Found by position and shape, never by guessing inside the body: the title and 主送机关 sit
before the first paragraph, the 署名, 成文日期, 结束语 and 附注 among the last lines.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from govreport.text import blocks
from govreport.reading import debris
from govreport.reading.fates import (ATTACHMENT, CLOSING, COLOPHON, DATE, DEBRIS, HEADER, NOTE,
                                     RECIPIENT, SIGNATURE, TITLE, LineFate)
from govreport.reading.parts import is_level1_heading
from govreport.reading.vocabulary import Vocabulary
from govreport.reading.written_dates import parse_date
from govreport.reading.reportfile import SourceLine, visible_len

NOTE_LINE = re.compile(r"^[（(]\s*此件.{1,20}[）)]$")
_SENTENCE_PUNCT = "。，,；;！？"


def is_paragraph_like(line: SourceLine) -> bool:
    """A line of the body: long, or a sentence, or a level-1 heading."""
    clean = line.clean
    return visible_len(clean) >= 50 or "。" in clean or is_level1_heading(line)


@dataclass
class Frame:
    title: str | None = None
    recipient: str = ""
    signature: str = ""
    date: dt.date | None = None
    closing: str | None = None
    note: str = ""
    issuing_office: str = ""     # 上报件 版头: 发文机关标志, 发文字号, 签发人
    doc_number: str = ""
    issuer: str = ""
    cc: str = ""                 # 上报件 版记: 抄送, 印发机关, 印发日期
    printed_by: str = ""
    printed_on: dt.date | None = None
    attachments: list[str] = field(default_factory=list)   # names in the 附件说明
    data_table: bool = False     # an attachment is the 主要数据统计表
    body: list[int] = field(default_factory=list)   # indices of the body lines, in order

    @property
    def submitted(self) -> bool:
        """The report has a 版头 or 版记: it was the 上报件, not the published text."""
        return bool(self.issuing_office or self.doc_number or self.cc or self.printed_by)


def _has_title_ending(text: str, vocab: Vocabulary) -> bool:
    return _strip_tail(text).endswith(vocab.words("title_endings", ("报告",)))


def _title_words_ok(text: str, vocab: Vocabulary) -> bool:
    return any(w in text for w in vocab.words("title_words")) and _has_title_ending(text, vocab)


def _strip_tail(text: str) -> str:
    return re.sub(r"[（(][^）)]*[）)]$", "", text).strip()


def _title_like(line: SourceLine, vocab: Vocabulary) -> str | None:
    """The line as a title fragment (bullet removed), or None when it cannot be part of one."""
    text = debris.strip_bullet(line.clean)
    if "title_bullet" in vocab.patterns:
        text = vocab.patterns["title_bullet"].sub("", text).strip()
    if not text or len(text) > vocab.limit("title_max_len", 60) or line.table:
        return None
    if any(c in text for c in "。：:；;") or parse_date(text) or blocks.detect(text):
        return None
    return text


def _title_groups(idx: list[int], lines: list[SourceLine], vocab: Vocabulary):
    """(indices, joined title) of every title in the head: one line, or up to 3 lines in a row."""
    groups = []
    k = 0
    while k < len(idx):
        found = None
        for span in (1, 2, 3):
            part = idx[k:k + span]
            if len(part) < span:
                break
            if any(lines[b].no - lines[a].no != 1 for a, b in zip(part, part[1:])):
                break   # the lines of one title are not separated by blank lines
            texts = [_title_like(lines[i], vocab) for i in part]
            if any(t is None for t in texts):
                break
            joined = "".join(texts)
            if len(joined) > vocab.limit("title_max_len", 60):
                break
            styled = [lines[i].title_style for i in part]
            if all(styled) and k + span < len(idx) and lines[idx[k + span]].title_style \
                    and lines[idx[k + span]].no - lines[part[-1]].no == 1:
                continue    # a Title-styled title goes on in the next paragraph
            if _title_words_ok(joined, vocab) or (all(styled) and _has_title_ending(joined, vocab)):
                found = (part, joined)
                break
        if found:
            groups.append(found)
            k += len(found[0])
        else:
            k += 1
    return groups


def _signature_like(text: str, unit: str | None, vocab: Vocabulary) -> bool:
    if len(text) > vocab.limit("signature_max_len", 40) \
            or any(c in text for c in _SENTENCE_PUNCT + "：:"):
        return False
    if blocks.detect(text) or parse_date(text):
        return False
    if unit and unit in text and len(text) <= len(unit) + 12:
        return True
    return text.replace(" ", "").replace("\u3000", "").endswith(vocab.words("signature_endings"))


def find(lines: list[SourceLine], fates: list[LineFate | None], vocab: Vocabulary,
         unit: str | None = None) -> Frame:
    """Mark the frame lines in `fates`; the rest (not blank, not debris) is the body."""
    frame = Frame()
    cand = [i for i, f in enumerate(fates) if f is None]
    if not cand:
        return frame

    def mark(i: int, dest: str, reason: str = "") -> None:
        fates[i] = LineFate(lines[i].no, lines[i].text, dest, reason, visible_len(lines[i].text))

    rx = vocab.patterns

    def match(key: str, text: str):
        return rx[key].match(text) if key in rx else None

    # --- the head: lines before the first paragraph -----------------------------------------
    start = next((k for k, i in enumerate(cand) if is_paragraph_like(lines[i])), len(cand))
    head = cand[:start]
    for i in head:                                   # 版头 of a 上报件
        clean = lines[i].clean
        if (m := match("doc_number", clean)) and not frame.doc_number:
            frame.doc_number = re.sub(r"\s+", "", m.group("number"))
            frame.issuer = (m.group("issuer") or "").strip()
            mark(i, HEADER, "发文字号")
        elif (m := match("issuer", clean)) and not frame.issuer:
            frame.issuer = m.group("issuer").strip()
            mark(i, HEADER, "签发人")
        elif (m := match("issuing_office", clean)) and not frame.issuing_office:
            frame.issuing_office = m.group("office")
            mark(i, HEADER, "发文机关标志")
    head = [i for i in head if fates[i] is None]
    groups = _title_groups(head, lines, vocab)
    title_end = -1
    if groups:
        chosen, frame.title = groups[-1]       # the one nearest the body is the document's own
        for i in chosen:
            mark(i, TITLE)
        for part, _text in groups[:-1]:
            for i in part:
                mark(i, DEBRIS, "网页标题（正文另有标题）")
        title_end = head.index(chosen[-1])
        for i in head[:head.index(chosen[0])]:
            if fates[i] is None and lines[i].title_style and not frame.issuing_office \
                    and _signature_like(lines[i].clean, unit, vocab):
                frame.issuing_office = lines[i].clean     # a red 发文机关标志 without 文件
                mark(i, HEADER, "发文机关标志")
            elif fates[i] is None and len(lines[i].clean) <= vocab.header_line_max \
                    and not any(c in lines[i].clean for c in "。！？"):
                mark(i, DEBRIS, "标题前的网页页头")
    recipient_max = vocab.limit("recipient_max_len", 40)
    for k, i in enumerate(head):
        if fates[i] is not None:
            continue
        clean = debris.strip_bullet(lines[i].clean)
        d = parse_date(clean)
        if d is not None and frame.date is None:
            frame.date = d
            mark(i, DATE, "标题下的日期")
        elif not frame.recipient and k > title_end and clean.endswith(("：", ":")) \
                and len(clean) <= recipient_max and not any(c in clean for c in "。，,；") \
                and not any(w in clean for w in vocab.words("recipient_not")):
            frame.recipient = clean.rstrip("：:").strip()
            mark(i, RECIPIENT)

    # --- the tail: 结束语, 署名, 成文日期, 附注 among the last lines ---------------------------
    rest = [i for i in cand if fates[i] is None]
    while rest:                                      # 版记 of a 上报件, at the very end
        clean = debris.strip_bullet(lines[rest[-1]].clean)
        if (m := match("cc", clean)) and not frame.cc:
            frame.cc = m.group("cc").strip()
            mark(rest.pop(), COLOPHON, "抄送")
        elif (m := match("printed", clean)) and not frame.printed_by:
            frame.printed_by = m.group("by").strip().rstrip("｜").strip()
            frame.printed_on = parse_date(m.group("date"))
            mark(rest.pop(), COLOPHON, "印发机关和印发日期")
        else:
            break
    # attachments after the report: from a line "附件"/"附件2" that follows a dated line
    dated = False
    for k, i in enumerate(rest):
        clean = lines[i].clean
        if dated and match("attachment_label", clean):
            for j in rest[k:]:
                if "data_table_title" in rx and rx["data_table_title"].search(lines[j].clean):
                    frame.data_table = True
                mark(j, ATTACHMENT, "附件内容")
            rest = rest[:k]
            break
        dated = dated or parse_date(debris.strip_bullet(clean)) is not None
    tail_lines = vocab.limit("tail_lines", 4)
    # the 附件说明 between the body (结束语) and the 署名: "附件：1.名称", then "2.名称" ...
    window = rest[-(tail_lines + 12):]
    for k in range(len(window) - 1, -1, -1):
        if m := match("attachment_note", lines[window[k]].clean):
            run, names = [window[k]], [m.group("name")]
            for i in window[k + 1:]:
                if not (n := match("attachment_next", lines[i].clean)):
                    break
                run.append(i)
                names.append(n.group("name"))
            if len(window) - k - len(run) <= tail_lines:     # only 署名, 日期, 附注 follow
                frame.attachments = names
                for i in run:
                    mark(i, ATTACHMENT, "附件说明")
                rest = [i for i in rest if i not in run]
            break
    tail = rest[-tail_lines:] if rest else []
    closings = {c.strip() for c in vocab.words("closings")}
    signature_lines: list[str] = []
    tail_date = None
    for i in reversed(tail):
        clean = debris.strip_bullet(lines[i].clean)
        if NOTE_LINE.match(clean) and not frame.note and not signature_lines and tail_date is None:
            frame.note = clean
            mark(i, NOTE)
        elif parse_date(clean) and tail_date is None and not signature_lines:
            tail_date = parse_date(clean)
            mark(i, DATE, "文末成文日期")
        elif clean in closings and frame.closing is None:
            frame.closing = clean
            mark(i, CLOSING)
        elif _signature_like(clean, unit, vocab) and frame.closing is None \
                and len(signature_lines) < 2:
            signature_lines.insert(0, clean)
            mark(i, SIGNATURE)
        else:
            break
    if tail_date is not None:
        frame.date = tail_date       # the 成文日期 under the 署名 is the formal one
    frame.signature = " ".join(signature_lines)
    frame.body = [i for i in cand if fates[i] is None]
    return frame
