"""Word documents made for tests: things python-docx has no API for."""
from docx.oxml.ns import qn


def chinese_numbered_headings(doc, headings, bodies):
    """Headings numbered by Word (a List Number style made 一、二、…, as Word's 编号 gallery
    does), each followed by a body paragraph."""
    heads = [doc.add_paragraph(t, style="List Number") for t in headings]
    num_id = heads[0].style.element.pPr.numPr.numId.val
    numbering = doc.part.numbering_part.element
    num = next(n for n in numbering.findall(qn("w:num")) if n.get(qn("w:numId")) == str(num_id))
    abstract_id = num.find(qn("w:abstractNumId")).get(qn("w:val"))
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == abstract_id)
    lvl = abstract.find(qn("w:lvl"))
    lvl.find(qn("w:numFmt")).set(qn("w:val"), "chineseCounting")
    lvl.find(qn("w:lvlText")).set(qn("w:val"), "%1、")
    for h, body in zip(heads, bodies):
        h._p.addnext(doc.add_paragraph(body)._p)
