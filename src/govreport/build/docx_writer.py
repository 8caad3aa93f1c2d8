"""Write a compiled report as a GB/T 9704-2012 .docx built from named styles.

python-docx builds a skeleton once per layout and font profile: an empty document with our
styles, page setup and page-number footers. Every report is that skeleton's parts with the
body and the core properties written in, so a build needs neither python-docx nor an XML
parse (about a third of a process's start-up).
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import io
import json
import os
import zipfile
from pathlib import Path

from govreport import __version__
from govreport.base import paths
from govreport.build import wordml as wml
from govreport.base.atomic import write_bytes_atomic
from govreport.base.errors import InputError
from govreport.model.document import Appendix, Para, ReportDocument, Table
from govreport.build.layout import FontProfile, Layout, load_layout, mm_to_twips
from govreport.text.title import em_width

# Logical style (a key of [styles] in the layout file) -> styleId. Body text is Word's built-in Normal style, which
# Chinese Word and WPS show as 正文, so a paragraph the clerk adds is already body text.
STYLE_IDS = {
    "body": "Normal", "title": "GwTitle", "recipient": "GwRecipient", "h1": "GwHeading1",
    "h2": "GwHeading2", "h3": "GwHeading3", "h4": "GwHeading4", "attachment": "GwAttachment",
    "signature": "GwSignature", "date": "GwDate", "note": "GwNote", "footer": "GwPageNumber",
}
CHAR_STYLE_IDS = {f"h{n}": f"GwHeading{n}Char" for n in range(1, 5)}


class _Ctx:
    """The layout and font profile a document is written with."""

    def __init__(self, layout: Layout, profile: FontProfile):
        self.layout = layout
        self.profile = profile

    @property
    def line(self) -> int:
        return self.layout.grid["line_pitch_twips"]

    def chars(self, n: float) -> int:
        return self.layout.chars(n)


def _style_props(ctx: _Ctx, key: str) -> tuple[str, str]:
    s = ctx.layout.styles[key]
    prof = ctx.profile
    bold = s.get("bold")
    if key == "title" and prof.title_bold:
        bold = True
    first = s.get("first_line_chars")
    ppr = wml.ppr_xml(
        keep_next=bool(s.get("keep_next")),
        jc=s.get("align"),
        first_line_chars=first,
        first_line=ctx.chars(first) if first is not None else None,
        # the footer line is as tall as its 4号 text: a grid-high footer would push the
        # footer up into the text block and cost the page a line
        line=ctx.line if key != "footer" else round(s["size_pt"] * 20 * 1.2),
        snap_to_grid=s.get("snap_to_grid"),
        outline=s.get("outline_level"),
        chinese_breaking=(key == "body"),
        # 撑满版心 (5.2.3): widow/orphan control would end most pages at 21 lines
        widow=False if key == "body" else None,
    )
    rpr = wml.rpr_xml(font=prof.font(s["font"]), latin=prof.latin, size_pt=s["size_pt"],
                      bold=bold)
    return ppr, rpr


def _install_styles(doc, ctx: _Ctx) -> None:
    styles_el = doc.styles.element
    prof = ctx.profile
    # body text: the document defaults and Normal, condensed so 28 characters fit a line
    body_rpr = wml.rpr_xml(font=prof.font("body"), latin=prof.latin,
                           size_pt=ctx.layout.styles["body"]["size_pt"],
                           spacing=ctx.layout.grid["char_spacing_twips"], lang=True)
    wml.strip_theme_fonts(styles_el)
    wml.strip_text_colors(styles_el)
    wml.set_doc_defaults(styles_el, body_rpr,
                         wml.ppr_xml(line=ctx.line, chinese_breaking=True, widow=False))
    xmls = []
    for key, sid in STYLE_IDS.items():
        ppr, rpr = _style_props(ctx, key)
        name = ctx.layout.styles[key]["name"]
        if key == "body":
            xml = wml.paragraph_style_xml("Normal", "Normal", ppr, body_rpr, based_on=None,
                                          next_style=None, default=True, ui_priority=0)
        else:
            link = CHAR_STYLE_IDS.get(key)
            xml = wml.paragraph_style_xml(sid, name, ppr, rpr, link=link,
                                          next_style="Normal" if key != "footer" else sid)
        xmls.append(xml)
    for key, cid in CHAR_STYLE_IDS.items():
        s = ctx.layout.styles[key]
        rpr = wml.rpr_xml(font=prof.font(s["font"]), latin=prof.latin, bold=s.get("bold"))
        xmls.append(wml.character_style_xml(cid, s["name"] + "字符", rpr, link=STYLE_IDS[key]))
    wml.put_styles(styles_el, xmls)


def _setup_section(doc, ctx: _Ctx) -> None:
    from docx.shared import Twips
    p = ctx.layout.page
    sec = doc.sections[0]
    sec.page_width = Twips(mm_to_twips(p["width_mm"]))
    sec.page_height = Twips(mm_to_twips(p["height_mm"]))
    sec.top_margin = Twips(mm_to_twips(p["top_mm"]))
    sec.bottom_margin = Twips(mm_to_twips(p["bottom_mm"]))
    sec.left_margin = Twips(mm_to_twips(p["left_mm"]))
    sec.right_margin = Twips(mm_to_twips(p["right_mm"]))
    sec.gutter = Twips(0)
    sec.header_distance = Twips(mm_to_twips(15))
    sec.footer_distance = Twips(mm_to_twips(ctx.layout["footer"]["distance_mm"]))
    sect_pr = sec._sectPr
    wml.set_doc_grid(sect_pr, ctx.line)
    wml.set_page_number_format(sect_pr)
    doc.settings.odd_and_even_pages_header_footer = True
    wml.chinese_typography_settings(doc.settings.element)
    # 7.5: odd pages right, even pages left, one character in from the edge
    f = ctx.layout["footer"]
    indent = round(f["indent_chars"] * f["size_pt"] * 20)
    rpr = wml.rpr_xml(font=ctx.profile.font(f["font"]), size_pt=f["size_pt"])
    odd = wml.ppr_xml(style_id=STYLE_IDS["footer"], jc="right", right=indent, first_line=0)
    even = wml.ppr_xml(style_id=STYLE_IDS["footer"], jc="left", left=indent, first_line=0)
    sec.footer.is_linked_to_previous = False
    sec.even_page_footer.is_linked_to_previous = False
    wml.replace_story(sec.footer._element,
                      [wml.page_number_paragraph_xml(odd, rpr, f["dash"], f["gap"])])
    wml.replace_story(sec.even_page_footer._element,
                      [wml.page_number_paragraph_xml(even, rpr, f["dash"], f["gap"])])
    # empty headers, so Word/WPS do not inherit anything on even pages
    sec.header.is_linked_to_previous = False
    sec.even_page_header.is_linked_to_previous = False


class _Body:
    """Collects the body's block-level XML, in document order."""

    def __init__(self, ctx: _Ctx):
        self.ctx = ctx
        self.parts: list[str] = []

    def para(self, style: str, runs: list[tuple[str, str]], tail: str = "", **ppr) -> None:
        sid = STYLE_IDS[style]
        pstyle = None if sid == "Normal" else sid
        self.parts.append(wml.paragraph_xml(wml.ppr_xml(style_id=pstyle, **ppr), runs, tail))

    def raw_block(self, xml: str) -> None:
        """A table, or a paragraph built elsewhere."""
        self.parts.append(xml)

    def raw(self, ppr_xml: str, runs_xml: str) -> None:
        """A paragraph with its own properties and runs (版头 and 版记 lines)."""
        self.parts.append(wml.paragraph_runs_xml(ppr_xml, runs_xml))

    def blank(self, n: int = 1, keep_next: bool = False) -> None:
        """空N行: empty body paragraphs of the grid line height."""
        for _ in range(n):
            self.para("body", [], keep_next=keep_next)


def _runs(p: Para) -> list[tuple[str, str]]:
    return [(r.text, wml.rpr_xml(style_id=CHAR_STYLE_IDS[r.style]) if r.style else "")
            for r in p.runs]


def _signature_indents(ctx: _Ctx, signature: str, date_text: str) -> tuple[float, float]:
    """Right indents in characters for 署名 and 成文日期 without a seal (7.3.5.2)."""
    sig_cfg = ctx.layout["signature"]
    ws, wd = em_width(signature), em_width(date_text)
    right = sig_cfg["right_chars"]
    shift = sig_cfg["date_shift_chars"]
    if wd > ws:
        # 成文日期长于署名：日期右空二字，署名右空相应增加
        return wd + right + shift - ws, right
    return right, right + ws - wd - shift


def _seal_indents(ctx: _Ctx, signature: str, date_text: str) -> tuple[float, float]:
    """With a seal (7.3.5.1): date 右空四字, signature centred on the date."""
    date_right = ctx.layout["seal"]["date_right_chars"]
    ws, wd = em_width(signature), em_width(date_text)
    return date_right + (wd - ws) / 2, date_right


def _write_header(body: _Body, doc: ReportDocument, ctx: _Ctx) -> None:
    """版头 of the 上报件: red 发文机关标志, 发文字号 and 签发人 on one line, the red rule."""
    h = ctx.layout["header"]
    prof = ctx.profile
    mark_rpr = wml.rpr_xml(font=prof.font(h["mark_font"]), size_pt=h["mark_size_pt"],
                           color=h["mark_color"], spacing=0)
    # the mark's top edge 35mm below the top of the 版心; the glyph sits about
    # mark_glyph_offset_pt below the top of its exact-height line
    before = mm_to_twips(h["mark_top_mm"]) - round(h["mark_glyph_offset_pt"] * 20)
    body.para("title", [(doc.issuing_office, mark_rpr)], snap_to_grid=False,
              line=round(h["mark_size_pt"] * 20 * 1.3), line_rule="exact", before=before)
    body.blank(h["blank_lines_after_mark"])
    width = ctx.layout.text_width_twips
    one = ctx.chars(1)
    label_rpr = wml.rpr_xml(font=prof.font(h["issuer_label_font"]))
    name_rpr = wml.rpr_xml(font=prof.font(h["issuer_name_font"]))
    runs_xml = wml.run_xml(doc.doc_number)
    if doc.issuer:
        runs_xml += (wml.tab_run() + wml.run_xml("签发人：", label_rpr)
                     + wml.run_xml(doc.issuer, name_rpr))
    # 发文字号居左空一字，签发人居右空一字; the red rule 4mm below as a bottom border
    ppr = wml.ppr_xml(left=one, right=one, first_line=0, jc="left",
                      tabs=[("right", width - one)],
                      border_bottom=(h["rule_width_eighths"], h["rule_color"]))
    body.raw(ppr, runs_xml)
    body.blank(h["blank_lines_before_title"])


def _colophon_run(doc: ReportDocument, ctx: _Ctx) -> str:
    """版记 at the bottom of the last page: 抄送, 印发机关和印发日期 between rules (7.4).

    A table in a text box anchored in the last paragraph and standing at the foot of its
    page's text block, so that its last rule lies on the lower edge of the 版心 (7.4.1); body
    text stays above it, and when the last page has no room the 版记 goes to a page of its own
    (docs/layout.md).
    """
    c = ctx.layout["colophon"]
    prof = ctx.profile
    rpr = wml.rpr_xml(font=prof.font(c["font"]), size_pt=c["size_pt"], spacing=0)
    one = round(c["size_pt"] * 20 * c["indent_chars"])
    width = ctx.layout.text_width_twips
    rows = []
    if doc.cc:
        ppr = wml.ppr_xml(left=one, right=one, first_line=0, jc="left", line=ctx.line,
                          snap_to_grid=False)
        rows.append([(ppr, wml.run_xml("抄送：" + doc.cc.strip().rstrip("。.") + "。", rpr))])
    ppr = wml.ppr_xml(left=one, right=one, first_line=0, jc="left", line=ctx.line,
                      snap_to_grid=False, tabs=[("right", width - one)])
    rows.append([(ppr, wml.run_xml(doc.printed_by, rpr) + wml.tab_run()
                  + wml.run_xml(doc.printed_on_text + "印发", rpr))])
    table = wml.colophon_table_xml(rows, width, c["thick_eighths"], c["thin_eighths"], ctx.line)
    # a text box ends in a paragraph: a 1 pt one below the table, inside the box's height
    return wml.bottom_box_run_xml(table + wml.tiny_paragraph_xml(), width,
                                  len(rows) * ctx.line + wml.TINY_LINE, "版记")


DOCUMENT_PART = "word/document.xml"
CORE_PART = "docProps/core.xml"
APP_PART = "docProps/app.xml"       # python-docx's says "Microsoft Macintosh Word"
# python-docx's default template carries parts a report should not: a preview image of that
# template (Explorer would show it) and a Word 2010 copy of the styles without ours
_DROPPED_RELS = ("/relationships/metadata/thumbnail", "/relationships/stylesWithEffects")


class _Skeleton:
    """A skeleton's parts, ready to be written with a report's body."""

    def __init__(self, parts: tuple[tuple[str, bytes], ...], head: str, tail: str):
        self.parts = parts      # every part of the package, in its zip order
        self.head = head        # document.xml up to where the body goes
        self.tail = tail        # the body's final sectPr to the end

    @classmethod
    def from_package(cls, data: bytes) -> "_Skeleton":
        app = wml.app_properties_xml("govreport").encode("utf-8")
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            parts = tuple((name, app if name == APP_PART else z.read(name))
                          for name in z.namelist())
        head, tail = wml.split_at_body_end(dict(parts)[DOCUMENT_PART].decode("utf-8"))
        return cls(parts, head, tail)

    def package(self, body: list[str], core_xml: str) -> bytes:
        replaced = {DOCUMENT_PART: (self.head + "".join(body) + self.tail).encode("utf-8"),
                    CORE_PART: core_xml.encode("utf-8")}
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
            for name, data in self.parts:
                z.writestr(name, replaced.get(name, data))
        return buf.getvalue()


_SKELETONS: dict[str, _Skeleton] = {}


@functools.cache
def _code_fingerprint() -> bytes:
    """The compiled code of the modules that shape a skeleton (this one, wordml, layout),
    their classes' methods included: a changed writer never reuses an old skeleton. Code
    objects, not source files: a frozen app has no sources."""
    import sys
    import types
    from govreport.build import layout
    h = hashlib.sha256()

    def feed(code: types.CodeType) -> None:
        h.update(code.co_code)
        h.update(repr((code.co_names, code.co_varnames)).encode())
        for const in code.co_consts:
            if isinstance(const, types.CodeType):
                feed(const)
            elif isinstance(const, frozenset):    # its repr's order varies between runs
                h.update(repr(sorted(map(repr, const))).encode())
            else:
                h.update(repr(const).encode())

    def feed_namespace(ns: dict, module: str) -> None:
        for name, obj in sorted(ns.items()):
            if isinstance(obj, (staticmethod, classmethod)):
                obj = obj.__func__
            elif isinstance(obj, property):
                obj = obj.fget
            code = getattr(obj, "__code__", None)
            if code is not None and getattr(obj, "__module__", None) == module:
                h.update(name.encode())
                feed(code)
            elif isinstance(obj, type) and obj.__module__ == module:
                h.update(name.encode())
                feed_namespace(dict(vars(obj)), module)
            elif name.isupper() and isinstance(obj, (dict, tuple, str, int, float)):
                h.update(f"{name}={obj!r}".encode())        # constants such as STYLE_IDS

    for mod in (sys.modules[__name__], wml, layout):
        feed_namespace(dict(vars(mod)), mod.__name__)
    return h.digest()


@functools.cache
def _python_docx_stamp() -> str:
    """Which python-docx would build the skeleton (its default template is in it), told
    without importing it: that import is what the cached skeleton saves."""
    import importlib.util
    spec = importlib.util.find_spec("docx")
    origin = spec.origin if spec else None
    try:
        st = os.stat(origin) if origin else None
    except OSError:
        st = None
    return f"{origin}:{st.st_size}:{st.st_mtime_ns}" if st else str(origin)


def _skeleton_key(ctx: _Ctx) -> str:
    h = hashlib.sha256(_code_fingerprint())
    h.update(json.dumps([str(ctx.layout.path), ctx.profile.id, ctx.layout.data,
                         __version__, _python_docx_stamp()],
                        sort_keys=True, ensure_ascii=False).encode())
    return h.hexdigest()[:24]


def _build_skeleton(ctx: _Ctx) -> bytes:
    from docx import Document
    d = Document()
    _install_styles(d, ctx)
    _setup_section(d, ctx)
    body = d.element.body
    for p in body.findall(wml.qn("w:p")):
        body.remove(p)
    for owner in (d.part.package, d.part):
        for rid, rel in list(owner.rels.items()):
            if rel.reltype.endswith(_DROPPED_RELS):
                del owner.rels[rid]
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _skeleton(ctx: _Ctx) -> _Skeleton:
    """The skeleton for this layout and font profile, kept in memory and in the user's
    cache folder (built by python-docx only when neither has it)."""
    key = _skeleton_key(ctx)
    if key in _SKELETONS:
        return _SKELETONS[key]
    folder = paths.cache_dir()
    cached = folder / f"skeleton-{key}.docx" if folder else None
    data = None
    if cached is not None and cached.is_file():
        with contextlib.suppress(OSError):
            data = cached.read_bytes()
    skeleton = None
    if data is not None:
        try:
            skeleton = _Skeleton.from_package(data)
        except Exception:  # noqa: BLE001 - any damage (zip, zlib, text) means: build it again
            skeleton = None
    if skeleton is None:
        data = _build_skeleton(ctx)
        skeleton = _Skeleton.from_package(data)
        if cached is not None:
            with contextlib.suppress(OSError, InputError):
                cached.parent.mkdir(parents=True, exist_ok=True)
                write_bytes_atomic(cached, data)
                old = sorted(cached.parent.glob("skeleton-*.docx"),
                             key=lambda f: f.stat().st_mtime, reverse=True)
                for stale in old[8:]:        # older versions' skeletons
                    stale.unlink()
    _SKELETONS[key] = skeleton
    return skeleton


def _body_xml(doc: ReportDocument, ctx: _Ctx) -> list[str]:
    body = _Body(ctx)
    submitted = doc.variant == "submitted"
    if submitted:
        _write_header(body, doc, ctx)
    for line in doc.title_lines:
        body.para("title", [(line, "")])
    if doc.recipient:
        body.blank(1)
        body.para("recipient", [(doc.recipient, "")])
    elif not submitted:
        body.blank(1)
    last = len(doc.body) - 1
    for i, p in enumerate(doc.body):
        if isinstance(p, Table):
            _write_table(body, p, ctx)
            continue
        # 署名 and 日期 never stand alone on the last page
        body.para(p.style, _runs(p), outline=p.outline, keep_next=i == last)
    if doc.attachments:
        body.blank(1, keep_next=True)
        many = len(doc.attachments) > 1
        for i, name in enumerate(doc.attachments, 1):
            label = f"{i}." if many else ""
            if i == 1:
                body.para("attachment", [("附件：" + label + name, "")], keep_next=True)
            else:
                body.para("attachment", [(label + name, "")], keep_next=True,
                          left=ctx.chars(5), first_line=0, first_line_chars=0)
    if submitted:
        blanks = ctx.layout["seal"]["blank_lines_before"]
        sig_right, date_right = _seal_indents(ctx, doc.signature, doc.date_text)
    else:
        blanks = 1
        sig_right, date_right = _signature_indents(ctx, doc.signature, doc.date_text)
    body.blank(blanks, keep_next=True)
    body.para("signature", [(doc.signature, "")], right=ctx.chars(sig_right))
    colophon = _colophon_run(doc, ctx) if submitted else ""     # in the last paragraph
    here = "" if doc.appendix else colophon
    body.para("date", [(doc.date_text, "")], "" if doc.note else here,
              right=ctx.chars(date_right), keep_next=bool(doc.note))
    if doc.note:
        body.para("note", [(doc.note, "")], here)
    if doc.appendix:
        _write_appendix(body, doc.appendix, ctx, colophon)
    return body.parts


def _write_table(body: _Body, table: Table, ctx: _Ctx) -> None:
    """A table of the body: its caption centred above it, kept with it; as wide as the text
    block, the columns in the table's proportions."""
    t = ctx.layout["table"]
    prof = ctx.profile
    if table.caption:
        body.raw(wml.ppr_xml(jc="center", first_line=0, first_line_chars=0, keep_next=True,
                             line=ctx.line),
                 wml.run_xml(table.caption, wml.rpr_xml(font=prof.font(t["caption_font"]),
                                                        size_pt=t["caption_size_pt"])))
    full = ctx.layout.text_width_twips
    total = sum(table.widths)
    widths = [int(full * w / total) for w in table.widths]
    widths[-1] += full - sum(widths)
    size = table.size_pt or t["size_pt"]
    placed = [[(c.text, c.column, c.span, c.merge) for c in row] for row in table.grid()]
    n_head = len(table.header)
    body.raw_block(wml.ruled_table_xml(
        placed[:n_head], placed[n_head:], widths, list(table.aligns),
        wml.rpr_xml(font=prof.font(t["header_font"]), size_pt=size),
        wml.rpr_xml(font=prof.font(t["font"]), size_pt=size),
        round(t["row_height_pt"] * 20), round(size * 20 * 1.25)))


def _write_appendix(body: _Body, ap: Appendix, ctx: _Ctx, tail: str) -> None:
    """附件 on a page of its own (8.3): 附件N in 3号黑体 flush left on the first line, the title
    centred on the third, then the table; tail (the 版记, if any) anchors after it."""
    a = ctx.layout["appendix"]
    prof = ctx.profile
    body.raw(wml.ppr_xml(page_break_before=True, first_line=0, first_line_chars=0, line=ctx.line),
             wml.run_xml(ap.label, wml.rpr_xml(font=prof.font(a["label_font"]))))
    body.blank(a["blank_lines_after_label"])
    body.para("title", [(ap.title, "")])
    body.blank(1)
    size = a["table_size_pt"]
    char = size * 20
    margins = 2 * wml.DATA_TABLE_CELL_MARGIN           # a column holds its text and margins
    fixed = [round(a[k] * char) + margins for k in ("number_chars", "unit_chars")]
    value = round(a["value_chars"] * char) + margins
    name = ctx.layout.text_width_twips - sum(fixed) - 2 * value
    body.raw_block(wml.data_table_xml(
        ap.header, ap.rows, [fixed[0], name, fixed[1], value, value],
        ["center", "left", "center", "center", "center"],
        wml.rpr_xml(font=prof.font(a["header_font"]), size_pt=size),
        wml.rpr_xml(font=prof.font(a["table_font"]), size_pt=size),
        round(a["row_height_pt"] * 20), round(size * 20 * 1.25)))
    body.raw_block(wml.paragraph_runs_xml(wml.tiny_paragraph_ppr(), tail))


def to_bytes(doc: ReportDocument, layout: Layout | None = None,
             when: dt.datetime | None = None) -> bytes:
    """The .docx package of the compiled report; when: its creation time (default now)."""
    layout = layout or load_layout()
    ctx = _Ctx(layout, layout.profile(doc.fonts or None))
    core = wml.core_properties_xml(doc.title, doc.signature, "govreport",
                                   when or dt.datetime.now(dt.timezone.utc))
    return _skeleton(ctx).package(_body_xml(doc, ctx), core)


def write_docx(doc: ReportDocument, path: Path | str, layout: Layout | None = None) -> None:
    write_bytes_atomic(Path(path), to_bytes(doc, layout))
