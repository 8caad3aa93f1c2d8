"""All raw WordprocessingML that govreport writes, in one place.

python-docx gives us the package (parts, relationships); this module builds the XML it does
not cover: East Asian fonts in all four slots, styles, the document grid, PAGE fields,
the 版头, the 版记 in its text box, the 附件's data table, and the parts of a report written
from the cached skeleton (the body and the document properties). Children are inserted in the order the schema requires (CT_PPr, CT_RPr,
CT_SectPr), because Word refuses, or "repairs", documents that get the order wrong.

The string builders need nothing else; only the functions that edit the skeleton's element
trees load python-docx's oxml layer, so writing a report from a cached skeleton does not.
"""
from __future__ import annotations

import datetime as dt
import re

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f'xmlns:w="{W_NS}"'


def qn(tag: str) -> str:
    """Clark name of a w: tag ("w:rFonts" -> "{...main}rFonts")."""
    return "{%s}%s" % (W_NS, tag.split(":", 1)[1])


def parse_xml(xml: str):
    from docx.oxml import parse_xml as parse      # python-docx's element classes
    return parse(xml)


# Schema order of the children we use (ECMA-376 Part 1, 17.3.1.26 / 17.3.2.28 / 17.6.17).
PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
             "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
             "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
             "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
             "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
             "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
             "sectPr", "pPrChange")
RPR_ORDER = ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike",
             "dstrike", "outline", "shadow", "emboss", "imprint", "noProof", "snapToGrid",
             "vanish", "webHidden", "color", "spacing", "w", "kern", "position", "sz", "szCs",
             "highlight", "u", "effect", "bdr", "shd", "fitText", "vertAlign", "rtl", "cs", "em",
             "lang", "eastAsianLayout", "specVanish", "oMath")
SECTPR_ORDER = ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz",
                "pgMar", "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt",
                "vAlign", "noEndnote", "titlePg", "textDirection", "bidi", "rtlGutter",
                "docGrid", "printerSettings", "sectPrChange")
THEME_FONT_ATTRS = ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme")


# Characters XML 1.0 cannot hold (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/FFFF).
# The compiler removes them and tells the clerk; here they are dropped again so that no
# caller can make the writer produce a document Word refuses to open.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def esc(text: str) -> str:
    return (_NOT_XML.sub("", text).replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def _ordered(children: dict[str, str], order: tuple[str, ...]) -> str:
    return "".join(children[name] for name in order if name in children)


def set_child(parent, child, order: tuple[str, ...]) -> None:
    """Replace parent's child of the same tag, or insert it at its schema position."""
    tag = child.tag
    local = tag.split("}")[1]
    old = parent.find(tag)
    if old is not None:
        parent.replace(old, child)
        return
    rank = order.index(local)
    for i, existing in enumerate(parent):
        name = existing.tag.split("}")[1] if "}" in existing.tag else existing.tag
        if name in order and order.index(name) > rank:
            parent.insert(i, child)
            return
    parent.append(child)


# --- run and paragraph properties ---------------------------------------------------------

def rfonts(east_asia: str, latin: str | None = None) -> str:
    """All four font slots, plus the eastAsia hint so quotes and dashes use the Chinese font."""
    lat = esc(latin or east_asia)
    ea = esc(east_asia)
    return (f'<w:rFonts w:ascii="{lat}" w:hAnsi="{lat}" w:eastAsia="{ea}" w:cs="{ea}" '
            f'w:hint="eastAsia"/>')


def rpr_xml(*, font: str | None = None, latin: str | None = None, size_pt: float | None = None,
            bold: bool | None = None, spacing: int | None = None, color: str | None = None,
            style_id: str | None = None, lang: bool = False) -> str:
    c: dict[str, str] = {}
    if style_id:
        c["rStyle"] = f'<w:rStyle w:val="{style_id}"/>'
    if font:
        c["rFonts"] = rfonts(font, latin)
    if bold is not None:
        v = "1" if bold else "0"
        c["b"] = f'<w:b w:val="{v}"/>'
        c["bCs"] = f'<w:bCs w:val="{v}"/>'
    if color:
        c["color"] = f'<w:color w:val="{color}"/>'
    if spacing is not None:
        c["spacing"] = f'<w:spacing w:val="{spacing}"/>'
    if size_pt is not None:
        hp = round(size_pt * 2)
        c["sz"] = f'<w:sz w:val="{hp}"/>'
        c["szCs"] = f'<w:szCs w:val="{hp}"/>'
    if lang:
        c["color"] = '<w:color w:val="000000"/>'
        c["lang"] = '<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>'
    return _ordered(c, RPR_ORDER)


def ppr_xml(*, style_id: str | None = None, keep_next: bool = False, widow: bool | None = None,
            jc: str | None = None, first_line: int | None = None,
            first_line_chars: int | None = None, left: int | None = None,
            right: int | None = None, line: int | None = None, line_rule: str = "exact",
            before: int | None = None,
            snap_to_grid: bool | None = None, outline: int | None = None,
            chinese_breaking: bool = False, border_bottom: tuple[int, str] | None = None,
            border_top: tuple[int, str] | None = None, tabs: list[tuple[str, int]] | None = None,
            page_break_before: bool = False) -> str:
    c: dict[str, str] = {}
    if style_id:
        c["pStyle"] = f'<w:pStyle w:val="{style_id}"/>'
    if keep_next:
        c["keepNext"] = "<w:keepNext/>"
    if page_break_before:
        c["pageBreakBefore"] = "<w:pageBreakBefore/>"
    if widow is not None:
        c["widowControl"] = f'<w:widowControl w:val="{1 if widow else 0}"/>'
    if border_top or border_bottom:
        inner = ""
        if border_top:
            inner += (f'<w:top w:val="single" w:sz="{border_top[0]}" w:space="1" '
                      f'w:color="{border_top[1]}"/>')
        if border_bottom:
            inner += (f'<w:bottom w:val="single" w:sz="{border_bottom[0]}" w:space="1" '
                      f'w:color="{border_bottom[1]}"/>')
        c["pBdr"] = f"<w:pBdr>{inner}</w:pBdr>"
    if tabs:
        c["tabs"] = "<w:tabs>" + "".join(
            f'<w:tab w:val="{kind}" w:pos="{pos}"/>' for kind, pos in tabs) + "</w:tabs>"
    if chinese_breaking:
        # Chinese line breaking: no 。，、 at a line start. LibreOffice reads a missing
        # overflowPunct the other way round, so write every value explicitly.
        c["kinsoku"] = '<w:kinsoku w:val="1"/>'
        c["wordWrap"] = '<w:wordWrap w:val="1"/>'
        c["overflowPunct"] = '<w:overflowPunct w:val="1"/>'
        c["topLinePunct"] = '<w:topLinePunct w:val="0"/>'
        c["autoSpaceDE"] = '<w:autoSpaceDE w:val="0"/>'
        c["autoSpaceDN"] = '<w:autoSpaceDN w:val="0"/>'
    if snap_to_grid is not None:
        c["snapToGrid"] = f'<w:snapToGrid w:val="{1 if snap_to_grid else 0}"/>'
    if line is not None:
        c["spacing"] = (f'<w:spacing w:before="{before or 0}" w:after="0" w:line="{line}" '
                        f'w:lineRule="{line_rule}"/>')
    ind = []
    if left is not None:
        ind.append(f'w:left="{left}"')
    if right is not None:
        ind.append(f'w:right="{right}"')
    if first_line_chars is not None:
        ind.append(f'w:firstLineChars="{first_line_chars * 100}"')
    if first_line is not None:
        ind.append(f'w:firstLine="{first_line}"')
    if ind:
        c["ind"] = f'<w:ind {" ".join(ind)}/>'
    if jc:
        c["jc"] = f'<w:jc w:val="{jc}"/>'
    if outline is not None:
        c["outlineLvl"] = f'<w:outlineLvl w:val="{outline}"/>'
    return _ordered(c, PPR_ORDER)


# --- styles -------------------------------------------------------------------------------

def strip_theme_fonts(root) -> None:
    """Remove theme font references: they make Chinese text fall back to MS Mincho."""
    for rf in root.iter(qn("w:rFonts")):
        for attr in THEME_FONT_ATTRS:
            key = qn(f"w:{attr}")
            if key in rf.attrib:
                del rf.attrib[key]


def strip_text_colors(root) -> None:
    """Text is black (GB/T 9704 5.2.4): drop the template's coloured heading/table styles."""
    for color in list(root.iter(qn("w:color"))):
        color.getparent().remove(color)


def set_doc_defaults(styles_el, run_props: str, para_props: str) -> None:
    old = styles_el.find(qn("w:docDefaults"))
    new = parse_xml(f"<w:docDefaults {W}><w:rPrDefault><w:rPr>{run_props}</w:rPr>"
                    f"</w:rPrDefault><w:pPrDefault><w:pPr>{para_props}</w:pPr></w:pPrDefault>"
                    f"</w:docDefaults>")
    if old is not None:
        styles_el.replace(old, new)
    else:
        styles_el.insert(0, new)


def put_styles(styles_el, xmls: list[str]) -> None:
    """Add styles, replacing those with the same styleId (parsed in one go: it is faster)."""
    existing = {old.get(qn("w:styleId")): old for old in styles_el.findall(qn("w:style"))}
    for new in list(parse_xml(f"<w:styles {W}>{''.join(xmls)}</w:styles>")):
        old = existing.get(new.get(qn("w:styleId")))
        if old is not None:
            styles_el.replace(old, new)
        else:
            styles_el.append(new)


def paragraph_style_xml(style_id: str, name: str, ppr: str, rpr: str, *,
                        based_on: str | None = "Normal", next_style: str | None = "Normal",
                        link: str | None = None, default: bool = False,
                        ui_priority: int = 1) -> str:
    parts = [f'<w:name w:val="{esc(name)}"/>']
    if based_on:
        parts.append(f'<w:basedOn w:val="{based_on}"/>')
    if next_style:
        parts.append(f'<w:next w:val="{next_style}"/>')
    if link:
        parts.append(f'<w:link w:val="{link}"/>')
    parts.append(f'<w:uiPriority w:val="{ui_priority}"/><w:qFormat/>')
    parts.append(f"<w:pPr>{ppr}</w:pPr><w:rPr>{rpr}</w:rPr>")
    dflt = ' w:default="1"' if default else ""
    return (f'<w:style {W} w:type="paragraph"{dflt} w:styleId="{style_id}">'
            + "".join(parts) + "</w:style>")


def character_style_xml(style_id: str, name: str, rpr: str, link: str | None = None) -> str:
    lk = f'<w:link w:val="{link}"/>' if link else ""
    return (f'<w:style {W} w:type="character" w:customStyle="1" w:styleId="{style_id}">'
            f'<w:name w:val="{esc(name)}"/><w:basedOn w:val="DefaultParagraphFont"/>{lk}'
            f'<w:uiPriority w:val="1"/><w:qFormat/><w:rPr>{rpr}</w:rPr></w:style>')


# --- body content -------------------------------------------------------------------------

def run_xml(text: str, rpr: str = "") -> str:
    pr = f"<w:rPr>{rpr}</w:rPr>" if rpr else ""
    return f'<w:r>{pr}<w:t xml:space="preserve">{esc(text)}</w:t></w:r>'


def paragraph_runs_xml(ppr: str, runs_xml: str) -> str:
    """A paragraph from its properties and its runs, both as XML."""
    return f"<w:p {W}><w:pPr>{ppr}</w:pPr>{runs_xml}</w:p>"


def paragraph_xml(ppr: str, runs: list[tuple[str, str]], tail: str = "") -> str:
    """runs: (text, run properties xml); tail: more runs as XML (an anchored drawing)."""
    return paragraph_runs_xml(ppr, "".join(run_xml(t, r) for t, r in runs if t) + tail)


TINY_LINE = 20       # twips: the height of tiny_paragraph_xml()


def tiny_paragraph_ppr() -> str:
    return (f'<w:spacing w:before="0" w:after="0" w:line="{TINY_LINE}" w:lineRule="exact"/>'
            '<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>')


def tiny_paragraph_xml() -> str:
    """An empty 1 pt paragraph, for where the schema wants a paragraph after a table (the end
    of a text box or a table cell, or the document) but the page should not show one."""
    return paragraph_runs_xml(tiny_paragraph_ppr(), "")


def tab_run() -> str:
    return "<w:r><w:tab/></w:r>"


def split_at_body_end(document_xml: str) -> tuple[str, str]:
    """A document.xml with an empty body, cut where block content goes: before the body's
    final sectPr, which must stay its last child (17.2.2)."""
    at = document_xml.rfind("<w:sectPr")
    if at < 0:
        at = document_xml.rindex("</w:body>")
    return document_xml[:at], document_xml[at:]


_CORE_NS = ('xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"')


def core_properties_xml(title: str, creator: str, description: str, when: dt.datetime) -> str:
    """docProps/core.xml: what Word and Explorer show as 标题, 作者, 创建/修改时间."""
    stamp = when.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f"<cp:coreProperties {_CORE_NS}><dc:title>{esc(title)}</dc:title>"
            f"<dc:creator>{esc(creator)}</dc:creator>"
            f"<dc:description>{esc(description)}</dc:description><cp:revision>1</cp:revision>"
            f'<dcterms:created xsi:type="dcterms:W3CDTF">{stamp}</dcterms:created>'
            f'<dcterms:modified xsi:type="dcterms:W3CDTF">{stamp}</dcterms:modified>'
            "</cp:coreProperties>")


def app_properties_xml(application: str) -> str:
    """docProps/app.xml; Word and WPS fill in the statistics (pages, words) when they save."""
    return ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>' + esc(application) + "</Application>"
            "<DocSecurity>0</DocSecurity></Properties>")


def page_field_runs(rpr: str, cached: str = "1") -> str:
    """A PAGE field with its separate part and a cached result (WPS shows nothing without)."""
    pr = f"<w:rPr>{rpr}</w:rPr>"
    return (f'<w:r>{pr}<w:fldChar w:fldCharType="begin"/></w:r>'
            f'<w:r>{pr}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
            f'<w:r>{pr}<w:fldChar w:fldCharType="separate"/></w:r>'
            f'<w:r>{pr}<w:t>{cached}</w:t></w:r>'
            f'<w:r>{pr}<w:fldChar w:fldCharType="end"/></w:r>')


def page_number_paragraph_xml(ppr: str, rpr: str, dash: str, gap: str) -> str:
    return paragraph_runs_xml(ppr, run_xml(f"{dash}{gap}", rpr) + page_field_runs(rpr)
                              + run_xml(f"{gap}{dash}", rpr))


def replace_story(story_el, paragraph_xmls: list[str]) -> None:
    """Replace all content of a header/footer part's root element."""
    for child in list(story_el):
        story_el.remove(child)
    for xml in paragraph_xmls:
        story_el.append(parse_xml(xml))


# --- section and settings ------------------------------------------------------------------

def set_doc_grid(sect_pr, line_pitch: int) -> None:
    """'lines' grid: LibreOffice reads linesAndChars with charSpace as two cells per CJK char."""
    grid = parse_xml(f'<w:docGrid {W} w:type="lines" w:linePitch="{line_pitch}"/>')
    set_child(sect_pr, grid, SECTPR_ORDER)


def set_page_number_format(sect_pr, start: int | None = None) -> None:
    attr = f' w:start="{start}"' if start else ""
    set_child(sect_pr, parse_xml(f'<w:pgNumType {W} w:fmt="decimal"{attr}/>'), SECTPR_ORDER)


SETTINGS_ORDER = ("writeProtection", "view", "zoom", "removePersonalInformation",
                  "removeDateAndTime", "doNotDisplayPageBoundaries", "displayBackgroundShape",
                  "printPostScriptOverText", "printFractionalCharacterWidth", "printFormsData",
                  "embedTrueTypeFonts", "embedSystemFonts", "saveSubsetFonts",
                  "saveFormsData", "mirrorMargins", "alignBordersAndEdges",
                  "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter", "gutterAtTop",
                  "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
                  "proofState", "formsDesign", "attachedTemplate", "linkStyles",
                  "stylePaneFormatFilter", "stylePaneSortMethod", "documentType", "mailMerge",
                  "revisionView", "trackRevisions", "doNotTrackMoves", "doNotTrackFormatting",
                  "documentProtection", "autoFormatOverride", "styleLockTheme",
                  "styleLockQFSet", "defaultTabStop", "autoHyphenation",
                  "consecutiveHyphenLimit", "hyphenationZone", "doNotHyphenateCaps",
                  "showEnvelope", "summaryLength", "clickAndTypeStyle",
                  "defaultTableStyle", "evenAndOddHeaders", "bookFoldRevPrinting",
                  "bookFoldPrinting", "bookFoldPrintingSheets",
                  "drawingGridHorizontalSpacing", "drawingGridVerticalSpacing",
                  "displayHorizontalDrawingGridEvery", "displayVerticalDrawingGridEvery",
                  "doNotUseMarginsForDrawingGridOrigin", "drawingGridHorizontalOrigin",
                  "drawingGridVerticalOrigin", "doNotShadeFormData", "noPunctuationKerning",
                  "characterSpacingControl", "printTwoOnOne", "strictFirstAndLastChars",
                  "noLineBreaksAfter", "noLineBreaksBefore", "savePreviewPicture",
                  "doNotValidateAgainstSchema", "saveInvalidXml", "ignoreMixedContent",
                  "alwaysShowPlaceholderText", "doNotDemarcateInvalidXml",
                  "saveXmlDataOnly", "useXSLTWhenSaving", "saveThroughXslt",
                  "showXMLTags", "alwaysMergeEmptyNamespace", "updateFields", "hdrShapeDefaults",
                  "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr",
                  "attachedSchema", "themeFontLang", "clrSchemeMapping",
                  "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                  "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
                  "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")


def set_setting(settings_el, xml: str) -> None:
    set_child(settings_el, parse_xml(xml), SETTINGS_ORDER)


def chinese_typography_settings(settings_el) -> None:
    """Compress punctuation only (Word's 中文版式 default) and Chinese theme font language."""
    set_setting(settings_el, f'<w:characterSpacingControl {W} w:val="compressPunctuation"/>')
    set_setting(settings_el, f'<w:themeFontLang {W} w:val="en-US" w:eastAsia="zh-CN"/>')


# --- tables and the text box: 版记 (colophon), 附件's data table ----------------------------

def colophon_table_xml(rows: list[list[tuple[str, str]]], width: int, thick: int, thin: int,
                       row_height: int) -> str:
    """A one-column table whose rows are separated by the 版记 rules (7.4.1).

    rows: each row a list of (paragraph properties xml, runs xml). The first and last
    rules are thick, the ones between thin.
    """
    out = [f'<w:tbl {W}><w:tblPr><w:tblW w:w="{width}" w:type="dxa"/><w:jc w:val="center"/>'
           '<w:tblLayout w:type="fixed"/>'
           '<w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/>'
           '</w:tblCellMar></w:tblPr>'
           f'<w:tblGrid><w:gridCol w:w="{width}"/></w:tblGrid>']
    n = len(rows)
    for i, paras in enumerate(rows):
        top = thick if i == 0 else thin
        bottom = thick if i == n - 1 else thin
        borders = (f'<w:tcBorders><w:top w:val="single" w:sz="{top}" w:space="0" '
                   f'w:color="000000"/><w:left w:val="nil"/>'
                   f'<w:bottom w:val="single" w:sz="{bottom}" w:space="0" w:color="000000"/>'
                   f'<w:right w:val="nil"/></w:tcBorders>')
        out.append(f'<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="{row_height}" w:hRule="exact"/></w:trPr>'
                   f'<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>{borders}'
                   f'<w:vAlign w:val="center"/></w:tcPr>')
        for ppr, runs_xml in paras:
            out.append(paragraph_runs_xml(ppr, runs_xml))
        out.append("</w:tc></w:tr>")
    out.append("</w:tbl>")
    return "".join(out)


DATA_TABLE_CELL_MARGIN = 57     # twips (1 mm) left and right of the text in each cell


def data_table_xml(header: list[str], rows: list[list[str]], widths: list[int], aligns: list[str],
                   header_rpr: str, cell_rpr: str, row_height: int, line: int) -> str:
    """A ruled table (0.5 pt lines) with a header row that repeats on each page; rows do not
    split across pages. widths in twips; aligns per column (left, center, right)."""
    def plain(texts: list[str]) -> list[tuple[str, int, int, str | None]]:
        return [(t, i, 1, None) for i, t in enumerate(texts)]
    return ruled_table_xml([plain(header)], [plain(r) for r in rows], widths, aligns,
                           header_rpr, cell_rpr, row_height, line)


def ruled_table_xml(header: list[list[tuple[str, int, int, str | None]]],
                    rows: list[list[tuple[str, int, int, str | None]]], widths: list[int],
                    aligns: list[str], header_rpr: str, cell_rpr: str, row_height: int,
                    line: int) -> str:
    """A ruled table (0.5 pt lines, centred, as wide as the widths) whose header rows repeat
    on each page and whose rows never split across pages.

    Each cell is (text, first grid column, columns spanned, vertical merge: None, "restart" or
    "continue"); header cells are centred, body cells take their column's alignment."""
    def cell(text: str, col: int, span: int, merge: str | None, rpr: str, head: bool) -> str:
        width = sum(widths[col:col + span])
        jc = "center" if head else aligns[col]
        ppr = ppr_xml(jc=jc, first_line=0, first_line_chars=0, line=line, snap_to_grid=False)
        tc_pr = (f'<w:tcW w:w="{width}" w:type="dxa"/>'
                 + (f'<w:gridSpan w:val="{span}"/>' if span > 1 else "")
                 + (f'<w:vMerge w:val="restart"/>' if merge == "restart" else
                    "<w:vMerge/>" if merge == "continue" else "")
                 + '<w:vAlign w:val="center"/>')
        runs = run_xml(text, rpr) if text and merge != "continue" else ""
        return f'<w:tc><w:tcPr>{tc_pr}</w:tcPr>{paragraph_runs_xml(ppr, runs)}</w:tc>'

    def row(cells, rpr: str, head: bool) -> str:
        tr_pr = (f'<w:trPr><w:cantSplit/><w:trHeight w:val="{row_height}" w:hRule="atLeast"/>'
                 + ("<w:tblHeader/>" if head else "") + "</w:trPr>")
        return "<w:tr>" + tr_pr + "".join(cell(*c, rpr, head) for c in cells) + "</w:tr>"

    rule = 'w:val="single" w:sz="4" w:space="0" w:color="000000"'
    borders = "".join(f"<w:{side} {rule}/>" for side in
                      ("top", "left", "bottom", "right", "insideH", "insideV"))
    return (f'<w:tbl {W}><w:tblPr><w:tblW w:w="{sum(widths)}" w:type="dxa"/>'
            f'<w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders>'
            '<w:tblLayout w:type="fixed"/><w:tblCellMar>'
            f'<w:left w:w="{DATA_TABLE_CELL_MARGIN}" w:type="dxa"/>'
            f'<w:right w:w="{DATA_TABLE_CELL_MARGIN}" w:type="dxa"/></w:tblCellMar></w:tblPr>'
            '<w:tblGrid>'
            + "".join(f'<w:gridCol w:w="{w}"/>' for w in widths) + "</w:tblGrid>"
            + "".join(row(r, header_rpr, True) for r in header)
            + "".join(row(r, cell_rpr, False) for r in rows)
            + "</w:tbl>")


EMU_PER_TWIP = 635
_WPS_NS = ('xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
           'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
           'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
           'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"')


def bottom_box_run_xml(content_xml: str, width: int, height: int, name: str,
                       shape_id: int = 1) -> str:
    """A run anchoring a borderless text box (width x height twips) at the foot of the text
    block of its paragraph's page: its lower edge on the lower margin, centred, its content
    bottom-aligned, body text kept above it (top and bottom wrapping). content_xml:
    block-level XML ending in a paragraph, as a text box requires.

    A DrawingML text box inside mc:AlternateContent, as Word 2010 and later write one;
    LibreOffice and WPS read it too (LibreOffice places a floating table inline instead)."""
    cx, cy = width * EMU_PER_TWIP, height * EMU_PER_TWIP
    drawing = (
        f'<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        f'relativeHeight="251659264" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="0">'
        f'<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="margin"><wp:align>center</wp:align></wp:positionH>'
        f'<wp:positionV relativeFrom="margin"><wp:align>bottom</wp:align></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>'
        f'<wp:wrapTopAndBottom/><wp:docPr id="{shape_id}" name="{esc(name)}"/>'
        f'<wp:cNvGraphicFramePr/><a:graphic><a:graphicData '
        f'uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="{cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom>'
        f'<a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{content_xml}</w:txbxContent></wps:txbx>'
        f'<wps:bodyPr rot="0" vert="horz" wrap="square" lIns="0" tIns="0" rIns="0" bIns="0" '
        f'anchor="b" anchorCtr="0"><a:noAutofit/></wps:bodyPr></wps:wsp></a:graphicData>'
        f'</a:graphic></wp:anchor></w:drawing>')
    return (f'<w:r {W} {_WPS_NS}><mc:AlternateContent><mc:Choice Requires="wps">{drawing}'
            f'</mc:Choice></mc:AlternateContent></w:r>')
