"""The one reader of a report written elsewhere (.docx, .txt or pasted text).

`govreport import` builds its draft from what this reader finds and `govreport check` builds the
text it checks from the same result, so both agree on the title, the 主送机关, the 署名, the
成文日期 and which section every part of the body is:

    reading = read(reportfile.read_txt(path), pack)
    reading.frame.title, reading.frame.date, reading.frame.signature
    for part in reading.parts: part.section, part.heading_text, part.how, part.lines
    reading.year.year, reading.year.source

Modules: reportfile (govreport.reading.reportfile) gives the lines of a file; debris drops web-page
furniture; frame finds the 公文 frame (title, 主送机关, 署名, 成文日期, 结束语, 附注, 附件, the
版头/版记 of a 上报件); report_year decides the year the report is about; parts splits the body at
its level-1 headings and names each part's section by the keywords of the pack's reader.toml
(vocabulary); fates says where every line went.
"""
from govreport.reading.fates import LineFate  # noqa: F401
from govreport.reading.parts import Part, classify  # noqa: F401
from govreport.reading.reader import Reading, read  # noqa: F401
from govreport.reading.vocabulary import Vocabulary, vocabulary_for  # noqa: F401
from govreport.reading.written_dates import parse_date  # noqa: F401
