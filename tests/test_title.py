"""Title line breaks: whole words, 梯形/菱形 shape, computed and overridable."""
import pytest

from govreport.model.pack import load_pack
from govreport.text.title import break_title, em_width

WORDS = load_pack().title_words     # the default report kind's own terms


@pytest.mark.parametrize("title,unit,lines", [
    ("清溪镇2024年法治政府建设年度报告", "清溪镇", ["清溪镇2024年", "法治政府建设年度报告"]),
    ("海丰县海城镇2024年法治政府建设年度报告", "海丰县海城镇", ["海丰县海城镇2024年", "法治政府建设年度报告"]),
    ("××镇人民政府关于2025年度法治政府建设情况的报告", "××镇",
     ["××镇人民政府关于2025年度", "法治政府建设情况的报告"]),
    ("中共××镇委员会 ××镇人民政府关于2025年度法治政府建设情况的报告", "",
     ["中共××镇委员会 ××镇人民政府", "关于2025年度法治政府建设情况的报告"]),
    ("关于法治政府建设的报告", "", ["关于法治政府建设的报告"]),
])
def test_titles_break_between_words(title, unit, lines):
    assert break_title(title, unit, words=WORDS) == lines


@pytest.mark.parametrize("title,unit", [
    ("湘乡市翻江镇人民政府关于2024年度法治政府建设工作情况的报告", "湘乡市翻江镇"),
    ("福城街道办事处2025年度法治政府建设年度报告", "福城街道办事处"),
    ("石柱土家族自治县冷水镇人民政府关于2025年度法治政府建设情况的报告", "石柱土家族自治县冷水镇"),
])
def test_no_line_splits_the_unit_a_year_or_a_fixed_term(title, unit):
    lines = break_title(title, unit, words=WORDS)
    assert "".join(lines) == title
    assert len(lines) in (2, 3)
    assert all(em_width(line) <= 20 for line in lines)
    for word in (unit, "法治政府", "人民政府", "报告"):
        if word in title:
            assert any(word in line for line in lines), (word, lines)
    assert not any(line.startswith("的") for line in lines)
    import re
    for year in re.findall(r"\d{4}年度?", title):
        assert any(year in line for line in lines)


def test_the_clerks_own_break_is_kept(pack):
    from govreport.app.starts import demo_draft
    from govreport.build.compose import compile_draft
    d = demo_draft()
    d.title_lines = ["清溪镇2024年法治政府", "建设年度报告"]
    assert compile_draft(d).document.title_lines == ["清溪镇2024年法治政府", "建设年度报告"]
    d.title = "清溪镇2024年度法治政府建设情况报告"     # a changed title drops a stale break
    assert "".join(compile_draft(d).document.title_lines) == d.title
