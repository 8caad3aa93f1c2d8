"""Normalisation of pasted Chinese text: what changes and what must stay."""
import pytest

from govreport.text.normalize import normalise, remove_illegal


@pytest.mark.parametrize("source,expected", [
    ("强化组织领导,筑牢法治建设根基", "强化组织领导，筑牢法治建设根基"),
    ("主要表现在以下几个方面;", "主要表现在以下几个方面；"),
    ("县委全面依法治县委员会:", "县委全面依法治县委员会："),
    ("是否继续?", "是否继续？"),
    ("成效明显!", "成效明显！"),
    ("《法治政府建设实施纲要(2021—2025年)》", "《法治政府建设实施纲要（2021—2025年）》"),
    ('推动政府行为从"被动公开"转向"主动对话"', "推动政府行为从“被动公开”转向“主动对话”"),
    ("发挥'细毛工作室'作用", "发挥‘细毛工作室’作用"),
    ("全镇共建立人民调解委员会25个, 配备调解员87名", "全镇共建立人民调解委员会25个，配备调解员87名"),
    ("取得实效.", "取得实效。"),
])
def test_half_width_punctuation_in_chinese_text_becomes_full_width(source, expected):
    assert normalise(source).text == expected


@pytest.mark.parametrize("text", [
    "发放宣传资料1,234份",
    "办结率高达93.84%",
    "共受理12345政务服务便民热线3408件",
    "2025年3月25日",
    "上午9:30召开会议",
    "访问 www.xxs.gov.cn 查看",
    "Word and WPS",
    "“1+6+N”基层社会治理工作体系",
    "“12·4”国家宪法日",
    "1.8万余份",
])
def test_numbers_dates_and_latin_words_are_untouched(text):
    result = normalise(text)
    assert result.text == text
    assert not result.changes


def test_changes_are_counted_for_the_findings():
    result = normalise("一是,二是,三是(见附件)")
    assert result.changes["半角逗号"] == 2
    assert result.changes["半角括号"] == 2
    assert "半角逗号2处" in result.describe()


def test_characters_illegal_in_xml_are_removed_and_counted():
    text, n = remove_illegal("网页\x00复\x0b制\x1f的\ufeff文\u200b字\ud800")
    assert text == "网页复制的文字"
    assert n == 6
    assert normalise("A\x07B").removed == 1


def test_tabs_and_newlines_are_kept():
    assert remove_illegal("a\tb\nc\r")[0] == "a\tb\nc\r"
