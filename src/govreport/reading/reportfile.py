"""Reading a report from a file (.docx or .txt) as lines of text, for govreport.reading.

A .docx is read paragraph by paragraph in document order. Heading styles (标题 1-4, Heading 1-4,
an outline level) and the style's name are kept with each line, automatic list numbering
(一、 （一） 1.) is written out in front of the paragraph text as Word shows it, and tables are kept
as text, one line per row with the cells separated by "｜", so nothing in the document is
silently left out. A .txt may be UTF-8, GB18030 (GBK) or UTF-16.

This module only reads: what the lines mean is govreport.reading's (the one reader of a report
written elsewhere, for both the import and the checks). Bad files raise InputError with
one line of Chinese naming the file; whether a file kind is accepted at all (folders, .doc, .pdf)
is the caller's to say, since the commands accept different kinds.
"""
from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from govreport.base.errors import InputError
from govreport.text.numfmt import chinese

TABLE_CELL_SEPARATOR = "｜"
TEXT_SUFFIXES = (".txt", ".text")
DOCX_SUFFIXES = (".docx", ".docm")
OLD_WORD_SUFFIXES = (".doc", ".wps", ".rtf")

_INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
_OLE = b"\xd0\xcf\x11\xe0"          # an OLE compound file: old .doc, or an encrypted .docx


# A soft line break (Shift+Enter) next to Chinese text: Chinese has no spaces, so the two
# sides join directly; between Latin words it stays a space.
_SOFT_BREAK_CJK = re.compile(r"(?<=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])\n"
                             r"|\n(?=[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef])")


def paragraph_text(raw: str) -> str:
    """A .docx paragraph's text (python-docx writes breaks as \\n, tabs as \\t) as one line."""
    return _SOFT_BREAK_CJK.sub("", raw).replace("\n", " ").replace("\t", " ")


_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


_TXBX_CONTENT = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}txbxContent"


def _text_boxes(p) -> list:
    """The contents of the text boxes anchored in a paragraph. Word writes each box twice
    (DrawingML, and a VML copy under mc:Fallback); the copy is skipped."""
    return [box for box in p.iter(_TXBX_CONTENT)
            if not any(a.tag == _MC_FALLBACK for a in box.iterancestors())]


def visible_len(text: str) -> int:
    """Characters that are not blanks: what the import's character accounting counts."""
    return sum(1 for c in text if not (c.isspace() or c in _INVISIBLE))


@dataclass
class SourceLine:
    no: int                     # 1-based line number in Source.text
    text: str
    style_level: int = 0        # heading level from a .docx style or outline level, 0: none
    title_style: bool = False   # a .docx paragraph in the Title style
    table: bool = False         # a table row written out as text
    style: str = ""             # the .docx paragraph style's name (公文标题, 主送机关, Heading 1 ...)

    @property
    def clean(self) -> str:
        return self.text.strip(" \t\u3000\u00a0" + _INVISIBLE)


@dataclass
class Source:
    text: str                   # the text as read; kept in the draft as source_text
    lines: list[SourceLine]
    kind: str                   # "pasted" | "txt" | "docx"
    name: str                   # file name, or 粘贴的文字
    tables: int = 0
    table_rows: int = 0
    notes: list[str] = field(default_factory=list)


def from_text(text: str, kind: str = "pasted", name: str = "粘贴的文字") -> Source:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [SourceLine(i + 1, t) for i, t in enumerate(text.split("\n"))]
    return Source(text, lines, kind, name)


def read_txt(path: Path | str) -> Source:
    """A text file's lines; a Word file, a binary file or an unknown encoding is refused."""
    path = Path(path)
    return from_text(_decode(path, _read_bytes(path)), "txt", path.name)


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(f"找不到文件“{path}”", path=path) from exc
    except OSError as exc:
        raise InputError(f"无法读取“{path}”：{exc.strerror or exc}", path=path) from exc


def _decode(path: Path, raw: bytes) -> str:
    if raw.startswith(b"PK\x03\x04") or raw.startswith(_OLE):
        raise InputError(f"“{path.name}”不是纯文本文件（像是 Word 文档），请把扩展名改为 .docx 或另存为文本",
                         path=path)
    not_text = InputError(f"“{path.name}”不是可识别的文本文件（请另存为 UTF-8 编码的 .txt）", path=path)
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ["utf-16"]
    elif b"\x00" in raw:
        raise not_text             # no 8-bit text encoding has NUL bytes: a binary file
    else:
        # utf-8 first; Windows Notepad in China saves GBK (read as its superset GB18030)
        encodings = ["utf-8-sig", "gb18030"]
    for enc in encodings:
        try:
            text = raw.decode(enc)
        except UnicodeDecodeError:
            continue
        if "\x00" in text:
            raise not_text
        return text
    raise InputError(f"“{path.name}”的文字编码无法识别（请另存为 UTF-8 编码的 .txt）", path=path)


# --- .docx ---------------------------------------------------------------------------------

def read_docx(path: Path | str) -> Source:
    """A Word document's paragraphs and table rows as lines, numbering written out."""
    path = Path(path)
    raw = _read_bytes(path)
    if raw.startswith(_OLE):
        if "EncryptedPackage".encode("utf-16-le") in raw or b"EncryptionInfo" in raw \
                or "EncryptionInfo".encode("utf-16-le") in raw:
            raise InputError(f"“{path.name}”设置了打开密码，请在 Word 或 WPS 中取消密码后重试", path=path)
        raise InputError(f"“{path.name}”实际是旧版 .doc 文件，请在 Word 或 WPS 中另存为 .docx 后重试",
                         path=path)
    if not raw.startswith(b"PK"):
        raise InputError(f"“{path.name}”不是有效的 Word 文档（.docx）", path=path)
    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError as exc:  # pragma: no cover - python-docx is a dependency
        raise InputError("缺少 python-docx 组件，无法读取 .docx 文件") from exc
    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, PackageNotFoundError, KeyError, ValueError, OSError) as exc:
        raise InputError(f"“{path.name}”不是有效的 Word 文档（.docx），可能已损坏", path=path) from exc
    except Exception as exc:  # noqa: BLE001 - lxml and python-docx raise many kinds on bad parts
        raise InputError(f"“{path.name}”无法读取：文件内容已损坏，请在 Word 或 WPS 中打开后另存为 .docx 再试",
                         path=path) from exc
    return _docx_source(document, path.name)


def _docx_source(document, name: str) -> Source:
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    numbering = _Numbering(document)
    lines: list[SourceLine] = []
    tables = rows = 0

    def add(text: str, **kw) -> None:
        lines.append(SourceLine(len(lines) + 1, text, **kw))

    def walk(container) -> None:
        nonlocal tables, rows
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                para = Paragraph(child, document)
                text = paragraph_text(para.text)
                level, is_title = _heading_level(para)
                prefix = numbering.prefix(para)
                if prefix and text.strip():
                    text = prefix + text.lstrip()
                add(text, style_level=level, title_style=is_title,
                    style=(para.style.name if para.style is not None else "") or "")
                for box in _text_boxes(child):   # e.g. a 版记 standing at the page foot
                    walk(box)
            elif child.tag == qn("w:tbl"):
                tables += 1
                for row in Table(child, document).rows:
                    cells: list[str] = []
                    last = None
                    for cell in row.cells:
                        # a cell merged across columns comes once per column: the same cell,
                        # written once (two cells that hold the same number are two cells)
                        if cell._tc is not last:
                            cells.append(" ".join(cell.text.split()))
                        last = cell._tc
                    if any(cells):
                        rows += 1
                        add(TABLE_CELL_SEPARATOR.join(cells), table=True)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    walk(content)

    walk(document.element.body)
    return Source("\n".join(line.text for line in lines), lines, "docx", name,
                  tables=tables, table_rows=rows)


_HEADING_NAME = re.compile(r"(?:heading|标题|gwheading)\s*(\d)", re.I)


def _heading_level(para) -> tuple[int, bool]:
    """(heading level 1-4 or 0, is the Title style) from the paragraph's outline level or style."""
    from docx.oxml.ns import qn
    style = para.style
    names = []
    s = style
    while s is not None:
        names.append((s.name or "", s.style_id or ""))
        s = s.base_style
    if any(n.lower() in ("title", "标题") or sid.lower() in ("title", "gwtitle") for n, sid in names):
        return 0, True
    ppr = para._p.pPr
    sources = [ppr] + [st.element.pPr for st in _chain(style)]
    for p in sources:
        if p is None:
            continue
        el = p.find(qn("w:outlineLvl"))
        if el is not None:
            try:
                lvl = int(el.get(qn("w:val"))) + 1
            except (TypeError, ValueError):
                continue
            return (lvl if 1 <= lvl <= 4 else 0), False
    for n, sid in names:
        m = _HEADING_NAME.search(n) or _HEADING_NAME.search(sid)
        if m and 1 <= int(m.group(1)) <= 4:
            return int(m.group(1)), False
    return 0, False


def _chain(style):
    while style is not None:
        yield style
        style = style.base_style


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _format_counter(n: int, fmt: str) -> str | None:
    if fmt in ("decimal", "decimalZero", "decimalFullWidth", "decimalHalfWidth"):
        return str(n)
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographDigital", "japaneseCounting", "taiwaneseCounting",
               "taiwaneseCountingThousand", "koreanCounting"):
        return chinese(n)
    if fmt == "lowerLetter":
        return _LETTERS[(n - 1) % 26]
    if fmt == "upperLetter":
        return _LETTERS[(n - 1) % 26].upper()
    if fmt in ("lowerRoman", "upperRoman"):
        vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        out, k = "", n
        for v, s in vals:
            while k >= v:
                out, k = out + s, k - v
        return out if fmt == "lowerRoman" else out.upper()
    return None   # bullets and exotic formats carry no numbering worth keeping


class _Numbering:
    """Writes out Word's automatic list numbers (一、 （一） 1.) the text itself does not hold."""

    def __init__(self, document):
        from docx.oxml.ns import qn
        self._qn = qn
        self.levels: dict[tuple[str, int], tuple[str, str, int]] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract = {}
        for an in root.findall(qn("w:abstractNum")):
            lv = {}
            for lvl in an.findall(qn("w:lvl")):
                ilvl = int(lvl.get(qn("w:ilvl"), "0"))
                fmt = _val(lvl.find(qn("w:numFmt")), qn) or "decimal"
                text = _val(lvl.find(qn("w:lvlText")), qn) or ""
                start = int(_val(lvl.find(qn("w:start")), qn) or 1)
                lv[ilvl] = (fmt, text, start)
            abstract[an.get(qn("w:abstractNumId"))] = lv
        for num in root.findall(qn("w:num")):
            aid = _val(num.find(qn("w:abstractNumId")), qn)
            for ilvl, spec in abstract.get(aid, {}).items():
                self.levels[(num.get(qn("w:numId")), ilvl)] = spec

    def _num_pr(self, para):
        qn = self._qn
        for ppr in [para._p.pPr] + [st.element.pPr for st in _chain(para.style)]:
            if ppr is None:
                continue
            numpr = ppr.find(qn("w:numPr"))
            if numpr is not None:
                num_id = _val(numpr.find(qn("w:numId")), qn)
                ilvl = int(_val(numpr.find(qn("w:ilvl")), qn) or 0)
                return num_id, ilvl
        return None

    def prefix(self, para) -> str:
        found = self._num_pr(para)
        if not found or found[0] in (None, "0"):
            return ""
        num_id, ilvl = found
        spec = self.levels.get((num_id, ilvl))
        if spec is None:
            return ""
        counters = self.counters.setdefault(num_id, {})
        counters[ilvl] = counters.get(ilvl, spec[2] - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        fmt, text, _start = spec

        def level_text(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            kspec = self.levels.get((num_id, k), spec)
            n = counters.get(k, kspec[2])
            return _format_counter(n, kspec[0]) or ""

        if _format_counter(1, fmt) is None:
            return ""
        return re.sub(r"%(\d)", level_text, text)


def _val(el, qn) -> str | None:
    return None if el is None else el.get(qn("w:val"))
