"""Reading structure from numbering: real lines from published reports (tests/data has none of
../shared; the lines are quoted here)."""
import pytest

from govreport.text.blocks import HEADING, PARAGRAPH, Block, parse_line, parse_text, to_text

# (line, level or 0 for body text, normalised number, heading sentence)
REAL_LINES = [
    ("一、工作进展与成效", 1, "一、", "工作进展与成效"),
    ("二、存在的问题与不足", 1, "二、", "存在的问题与不足"),
    ("三、下一步工作计划", 1, "三、", "下一步工作计划"),
    ("(一)强化组织领导,筑牢法治建设根基", 2, "（一）", "强化组织领导,筑牢法治建设根基"),
    ("(二)完善制度建设,规范行政权力运行", 2, "（二）", "完善制度建设,规范行政权力运行"),
    ("(三)推进政务公开,提升政府公信力", 2, "（三）", "推进政务公开,提升政府公信力"),
    ("(一)法治意识有待进一步提高", 2, "（一）", "法治意识有待进一步提高"),
    ("(四)强化矛盾纠纷化解", 2, "（四）", "强化矛盾纠纷化解"),
    ("一、主要做法和成效", 1, "一、", "主要做法和成效"),
    ("(一)强化思想引领,深学笃行习近平法治思想。", 2, "（一）", "强化思想引领,深学笃行习近平法治思想。"),
    ("(二)加强研判分析,践行法治政府建设任务", 2, "（二）", "加强研判分析,践行法治政府建设任务"),
    ("(六)加强队伍建设,提升依法行政水平。", 2, "（六）", "加强队伍建设,提升依法行政水平。"),
    ("二、党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设", 1, "二、",
     "党政主要负责人履行推进法治建设第一责任人职责,加强法治政府建设"),
    ("三、2024年度推进法治政府建设存在的不足和原因", 1, "三、", "2024年度推进法治政府建设存在的不足和原因"),
    ("四、下一年度推进法治政府建设的主要安排", 1, "四、", "下一年度推进法治政府建设的主要安排"),
    ("(一)加强党建引领,持续做好法治政府建设。2025年,继续以《法治政府建设实施纲要(2021—2025年)》为指引",
     2, "（一）", "加强党建引领,持续做好法治政府建设。"),
    ("(三)加强法律引领,推动矛盾纠纷多元化解。进一步完善社会矛盾纠纷全链条多元化调解工作机制", 2, "（三）",
     "加强法律引领,推动矛盾纠纷多元化解。"),
    ("一、2023年法治政府建设主要工作及成效", 1, "一、", "2023年法治政府建设主要工作及成效"),
    ("(一)强化组织领导,健全制度", 2, "（一）", "强化组织领导,健全制度"),
    ("1、强化领导。明确以乡党委书记、乡长负总责", 3, "1.", "强化领导。"),
    ("2、健全工作保障机制。根据人员变动,及时调整领导小组成员", 3, "2.", "健全工作保障机制。"),
    ("4、健全法律顾问参与重大执法决定法制审核机制。对涉及重大、疑难案件的案卷", 3, "4.",
     "健全法律顾问参与重大执法决定法制审核机制。"),
    ("(四)强化行政监督,政务公开透明。", 2, "（四）", "强化行政监督,政务公开透明。"),
    ("二、存在的主要问题", 1, "二、", "存在的主要问题"),
    ("1、学习深度不够。自全县开展依法治理、依法治县活动以来", 3, "1.", "学习深度不够。"),
    ("五、2024年工作安排", 1, "五、", "2024年工作安排"),
    ("(一) 提高工作人员法治意识", 2, "（一）", "提高工作人员法治意识"),
    ("2. 完善政务服务平台，着力打造优质营商环境", 3, "2.", "完善政务服务平台，着力打造优质营商环境"),
    ("一、2020年工作总结", 1, "一、", "2020年工作总结"),
    ("（一）抓组织领导，思想认识到位。始终把法治政府建设工作放在心上、抓在手上、落实在行动上。",
     2, "（一）", "抓组织领导，思想认识到位。"),
    ("（二）抓氛围营造，宣传动员到位。一是抓法律知识学习宣传", 2, "（二）", "抓氛围营造，宣传动员到位。"),
    ("（1）规范执法程序", 4, "（1）", "规范执法程序"),
    ("(2)加强案卷评查。每季度抽查执法案卷", 4, "（2）", "加强案卷评查。"),
    # not headings
    ("一是学深悟透做实习近平法治思想。坚持开展党委理论学习中心组", 0, "", ""),
    ("二是带头学法强化法治理论武装。坚持发挥率先垂范的引领作用", 0, "", ""),
    ("2024年,海城镇国家工作人员参考人数163人,参考率100%,及格率100%。", 0, "", ""),
    ("2025年3月25日", 0, "", ""),
    ("12345热线受理工单1246件", 0, "", ""),
    ("1.8万余份宣传资料已发放", 0, "", ""),
    ("依法治镇宣传工作达到了一定的细化和广度。", 0, "", ""),
    ("“1+6+N”基层社会治理工作体系", 0, "", ""),
]


@pytest.mark.parametrize("line,level,number,title", REAL_LINES)
def test_heading_level_is_read_from_the_numbering(line, level, number, title):
    b = parse_line(line)
    if level == 0:
        assert b.kind == PARAGRAPH
        assert b.text == line
    else:
        assert b.kind == HEADING
        assert (b.level, b.number, b.title) == (level, number, title)
        # nothing is lost: the heading sentence and the run-in text make up the line
        assert b.title + b.text == line[len(line) - len(b.title + b.text):]


def test_there_are_at_least_thirty_real_lines():
    assert len(REAL_LINES) >= 30


def test_a_run_in_heading_keeps_its_sentence_apart_from_the_text():
    b = parse_line("（一）抓组织领导，思想认识到位。始终把法治政府建设工作放在心上。")
    assert b.title == "抓组织领导，思想认识到位。"
    assert b.text == "始终把法治政府建设工作放在心上。"


def test_parse_text_skips_blank_lines_and_full_width_spaces():
    blocks = parse_text("（一）第一条\n\n\u3000\u3000正文段落。\r\n  \n1.细项")
    assert [b.kind for b in blocks] == [HEADING, PARAGRAPH, HEADING]
    assert blocks[1].text == "正文段落。"
    assert blocks[2].number == "1."


def test_blocks_round_trip_through_dicts_and_text():
    text = "（一）标题句。正文。\n普通段落\n1.细项"
    blocks = parse_text(text)
    assert [Block.from_dict(b.to_dict()) for b in blocks] == blocks
    assert to_text(blocks) == text
