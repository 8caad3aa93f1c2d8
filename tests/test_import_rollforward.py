"""Year roll-forward: proposed and shown first, applied only when asked; suggestions never."""
import pytest

from govreport.checks.config import load_phrases
from govreport.importer import apply_replacements, core, import_text
from govreport.importer.rollforward import stale_in

TEXT = "\n".join([
    "清溪镇2023年法治政府建设年度报告",
    "中共临江县委、临江县人民政府：",
    "2023年，清溪镇深入贯彻《法治政府建设实施纲要（2021—2025年）》，较2022年有新进展。现将有关情况报告如下：",
    "一、主要举措和成效",
    "截至2023年底，全年调处矛盾纠纷128起。落实《临江县2023年法治建设工作要点》（临法办〔2023〕5号）。",
    "2023年3月15日召开专题会议。2019年起实行法律顾问制度。",
    "二、存在的不足和原因",
    "我镇法治宣传形式单一。",
    "三、2024年工作安排",
    "2024年，我镇将持续推进法治政府建设。",
    "清溪镇人民政府",
    "2024年1月20日",
])


def _changes(result, auto=True):
    return [(p.where, p.old, p.new) for p in result.report.proposals if p.auto == auto]


def test_year_changes_are_listed_but_not_applied_by_default():
    result = import_text(TEXT)
    assert result.report.year == 2024 and not result.report.roll_forward_applied
    assert _changes(result) == [
        ("title", "2023", "2024"),
        ("preamble", "2023", "2024"),
        ("preamble", "2022", "2023"),          # the year before: the comparison moves too
        ("achievements", "2023", "2024"),      # 截至2023年底
        ("plans", "2024", "2025"),             # next year's plans stay next year's
        ("date", "2024-01-20", "2025-01-20"),
    ]
    assert result.draft.title == "清溪镇2023年法治政府建设年度报告"
    assert result.draft.section("plans").blocks[0].text.startswith("2024年")
    assert any(f.code == "import-roll-forward" for f in result.report.findings)


def test_periods_document_numbers_and_older_years_stay_as_written():
    result = import_text(TEXT, roll_forward=True)
    text = "\n".join(s.text for s in result.draft.sections)
    for kept in ("（2021—2025年）", "〔2023〕5号", "2019年起"):
        assert kept in text


def test_document_names_and_exact_dates_are_only_suggested():
    result = import_text(TEXT, roll_forward=True)
    sugg = [(p.where, p.old, p.new, p.reason) for p in result.report.proposals if not p.auto]
    assert ("achievements", "2023", "2024", "文件名称中的年份，请核对今年是否有同名文件") in sugg
    assert ("achievements", "2023", "2024", "具体日期中的年份，请核对事情发生的实际日期") in sugg
    text = "\n".join(s.text for s in result.draft.sections)
    assert "《临江县2023年法治建设工作要点》" in text and "2023年3月15日" in text


def test_roll_forward_applies_the_changes_and_the_draft_keeps_them():
    result = import_text(TEXT, roll_forward=True)
    d = result.draft
    assert result.report.roll_forward_applied
    assert d.title == "清溪镇2024年法治政府建设年度报告"
    assert d.date == "2025-01-20"
    assert d.section("preamble").blocks[0].text.startswith("2024年，清溪镇")
    assert "较2023年有新进展" in d.section("preamble").blocks[0].text
    assert d.section("achievements").blocks[0].text.startswith("截至2024年底")
    assert d.section("plans").blocks[0].text.startswith("2025年，我镇将")
    assert all(p.applied == p.auto for p in result.report.proposals)


def test_the_wizard_can_apply_the_changes_later_and_a_suggestion_on_request():
    result = import_text(TEXT)
    applied = apply_replacements(result.draft, result.report.proposals)
    assert len(applied) == len(_changes(result))
    assert result.draft.title == "清溪镇2024年法治政府建设年度报告"
    # the text moved ("2023" -> "2024" earlier in the same paragraph): found again nearby
    name = next(p for p in result.report.proposals if "文件名称" in p.reason)
    assert apply_replacements(result.draft, [name], include_suggestions=True) == [name]
    assert "《临江县2024年法治建设工作要点》" in result.draft.section("achievements").blocks[0].text
    assert apply_replacements(result.draft, result.report.proposals) == []   # nothing twice


def test_a_template_s_placeholders_become_the_new_unit_and_year():
    text = "\n".join(["202x年，xx镇在区委区政府坚强领导下，法治政府建设取得新成效。现报告如下：",
                      "一、主要工作和成效", "研究制定xx镇“三重一大”决策制度。"])
    result = import_text(text, year=2025, unit="清溪镇", roll_forward=True)
    assert result.draft.section("preamble").blocks[0].text.startswith("2025年，清溪镇在区委区政府")
    assert result.draft.section("achievements").blocks[0].text == "研究制定清溪镇“三重一大”决策制度。"


def test_a_neighbours_report_gets_the_new_unit_s_name():
    text = "\n".join(["邹桥乡2023年法治政府建设工作汇报", "2023年，邹桥乡扎实推进法治政府建设。现报告如下：",
                      "一、主要工作及成效", "明确以乡党委书记、乡长负总责，我乡全面推行“三项制度”，推进城乡一体化。",
                      "建设“法治邹桥”。", "邹桥乡人民政府", "2023年12月20日"])
    result = import_text(text, unit="清溪镇", roll_forward=True)
    d = result.draft
    assert d.unit == "清溪镇" and d.signature == "清溪镇人民政府"
    assert d.title == "清溪镇2024年法治政府建设工作汇报"
    assert d.section("preamble").blocks[0].text.startswith("2024年，清溪镇扎实推进")
    assert d.section("achievements").blocks[0].text == \
        "明确以镇党委书记、镇长负总责，我镇全面推行“三项制度”，推进城乡一体化。"
    # the short name is only suggested: 法治邹桥 may be a brand the clerk rewrites anyway
    assert d.section("achievements").blocks[1].text == "建设“法治邹桥”。"
    assert ("achievements", "邹桥", "清溪") in _changes(result, auto=False)


def test_a_title_without_a_year_gets_the_standard_title_as_a_suggestion():
    text = "\n".join(["清溪镇法治政府建设工作报告", "清溪镇扎实推进法治政府建设。现报告如下：",
                      "清溪镇人民政府", "2025年2月1日"])
    result = import_text(text, roll_forward=True)
    title = [p for p in result.report.proposals if p.kind == "title"]
    assert [(p.new, p.auto) for p in title] == [("清溪镇2025年法治政府建设年度报告", False)]
    assert result.draft.title == "清溪镇法治政府建设工作报告"


# --- the stale-phrase table (the checks' own, read by checks.config) ------------------------------

STALE = """
[[phrase]]
id = "nineteenth"
pattern = '十九大和十九届历次全会精神'
superseded_on = 2022-10-22
current = "党的二十大和二十届历次全会精神"
note = "二十大后应以二十大精神为指导"

[[phrase]]
id = "thirteenth-plan"
pattern = '十三五'
basis = "year"
superseded_on = 2020-12-31
note = "“十三五”规划期为2016—2020年"

[[phrase]]
id = "fazhi"
pattern = '法制宣传'
always = true
advice = "把“法制”改为“法治”"

[[too_early]]
id = "thought-early"
expression = '习近平法治思想'
valid_from = 2020-11-16
"""


def _table(tmp_path, monkeypatch, text: str):
    path = tmp_path / "stale_phrases.toml"
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(core, "phrases_path", lambda root: path)
    return path


def _stale(result):
    return [p for p in result.report.proposals if p.kind == "stale"]


def test_stale_phrases_from_the_table_are_suggestions_never_applied(tmp_path, monkeypatch):
    _table(tmp_path, monkeypatch, STALE)
    text = "\n".join(["清溪镇2020年法治政府建设年度报告",
                      "2020年，清溪镇深入贯彻十九大和十九届历次全会精神，学习习近平法治思想。现报告如下：",
                      "一、主要举措和成效", "“十三五”收官，深入开展法制宣传。"])
    for year, expected in [(2021, ["法制宣传", "十三五"]),
                           (2023, ["十九大和十九届历次全会精神", "法制宣传", "十三五"])]:
        result = import_text(text, year=year, roll_forward=True)
        stale = _stale(result)
        assert sorted(p.old for p in stale) == sorted(expected)    # never 习近平法治思想
        assert all(not p.auto and not p.applied for p in stale)
        assert "十九大和十九届历次全会精神" in result.draft.section("preamble").blocks[0].text
    nineteenth = next(p for p in stale if p.old.startswith("十九大"))
    assert nineteenth.new == "党的二十大和二十届历次全会精神"
    assert nineteenth.reason == "二十大后应以二十大精神为指导，可改为“党的二十大和二十届历次全会精神”"
    fazhi = next(p for p in stale if p.old == "法制宣传")
    assert (fazhi.new, fazhi.reason) == ("", "把“法制”改为“法治”")


@pytest.mark.parametrize("entry,stale_from", [
    # by the 成文日期 (early in the year after the report year): stale from the report on 2022
    ("superseded_on = 2022-10-22", 2022),
    ("superseded_on = 2022-12-31", 2022),
    ("superseded_on = 2023-01-01", 2023),
    # by the report year: a period label is stale once the report year is past its end
    ('superseded_on = 2020-12-31\nbasis = "year"', 2021),
    ('superseded_on = 2020-06-30\nbasis = "year"', 2021),
    ("always = true", 2000),
    ("valid_from = 2020-11-16", None),                 # current wording: never replaced
])
def test_the_year_from_which_a_phrase_is_suggested_for_replacement(tmp_path, entry, stale_from):
    path = tmp_path / "stale_phrases.toml"
    path.write_text(f"[[phrase]]\nid = 'x'\npattern = '词'\n{entry}\n", encoding="utf-8")
    (phrase,) = load_phrases(path)
    stale_years = [y for y in range(2000, 2030) if stale_in(phrase, y)]
    assert (stale_years[0] if stale_years else None) == stale_from
    assert stale_years == ([] if stale_from is None else list(range(stale_from, 2030)))


def test_the_packs_own_table_gives_its_replacements():
    text = "\n".join(["清溪镇2020年法治政府建设年度报告",
                      "2020年，清溪镇深入学习贯彻系列重要讲话精神。现报告如下：",
                      "一、主要举措和成效", "深入开展“七五”普法，推进扫黑除恶专项斗争。"])
    stale = {p.old: p.new for p in _stale(import_text(text, year=2021))}
    assert stale == {"系列重要讲话": "习近平新时代中国特色社会主义思想",
                     "“七五”普法": "“八五”普法", "扫黑除恶专项斗争": "常态化扫黑除恶斗争"}


def test_without_a_stale_phrase_table_the_import_still_works(tmp_path, monkeypatch):
    monkeypatch.setattr(core, "phrases_path", lambda root: tmp_path / "无此文件.toml")
    result = import_text("\n".join(["清溪镇2023年法治政府建设年度报告", "深入学习十九大精神，开展法制宣传。"]))
    assert not _stale(result)
    assert any("没有过时提法表" in n for n in result.report.notes)


@pytest.mark.parametrize("text", ["[[phrase]\npattern = ", "[[phrase]]\nid = 'x'\npattern = '(unclosed'\n"])
def test_an_unreadable_stale_table_gives_no_suggestions_and_says_so(tmp_path, monkeypatch, text):
    _table(tmp_path, monkeypatch, text)
    result = import_text("\n".join(["清溪镇2023年法治政府建设年度报告", "深入学习十九大精神，开展法制宣传。"]))
    assert not _stale(result)
    assert any("过时提法表（stale_phrases.toml）无法读取" in n for n in result.report.notes)
