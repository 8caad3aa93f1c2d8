"""Where each line of a report went: blank, web debris, a field of the 公文 frame, or a part.

Every line of the source gets a fate, so the import can account for every character and the
checks know what is body text; nothing is dropped silently.
"""
from __future__ import annotations

from dataclasses import dataclass

# Where a line of the source went, besides a section id of the pack.
BLANK = "blank"
DEBRIS = "debris"
TITLE = "title"
RECIPIENT = "recipient"
SIGNATURE = "signature"
DATE = "date"
CLOSING = "closing"
NOTE = "note"
HEADER = "header"       # 上报件 版头: 发文机关标志, 发文字号, 签发人
COLOPHON = "colophon"   # 上报件 版记: 抄送, 印发机关和印发日期
ATTACHMENT = "attachment"  # 附件说明 and the attachments after the report
FIELDS = (HEADER, TITLE, RECIPIENT, SIGNATURE, DATE, CLOSING, NOTE, COLOPHON, ATTACHMENT)

DEST_NAMES = {
    BLANK: "空行", DEBRIS: "网页杂项（已删除）", TITLE: "标题", RECIPIENT: "主送机关",
    SIGNATURE: "署名", DATE: "成文日期", CLOSING: "结束语", NOTE: "附注", HEADER: "版头", COLOPHON: "版记",
    ATTACHMENT: "附件（未导入正文）",
}


@dataclass
class LineFate:
    no: int             # 1-based line number in the source text
    text: str
    dest: str           # a section id or one of the constants above
    reason: str = ""    # why: the debris rule, the heading it falls under ...
    chars: int = 0      # visible characters (the accounting unit)
