"""The draft file: round trip, versions, atomic saving."""
import json
import os

import pytest

from govreport.model import draft as draft_mod
from govreport.app.starts import demo_draft
from govreport.app.session import DraftSession
from govreport.build.compose import compile_draft
from govreport.base.errors import InputError


@pytest.fixture
def demo():
    return demo_draft()


def test_a_new_draft_holds_the_default_wording_as_blocks(pack):
    d = draft_mod.new_draft("翻江镇", 2024, pack)
    assert d.section_ids() == ["preamble", "achievements", "shortcomings", "leadership", "plans"]
    ach = d.section("achievements")
    assert ach.blocks[0].is_heading and ach.blocks[0].number == "（一）"
    assert "{{ " in ach.blocks[0].text    # live figure references, not numbers


def test_save_load_build_gives_the_same_document_text(demo, tmp_path):
    path = tmp_path / "草稿.json"
    draft_mod.save(demo, path)
    again = draft_mod.load(path)
    assert again.to_dict() == demo.to_dict()
    assert compile_draft(again).document.text_lines() == compile_draft(demo).document.text_lines()


def test_the_draft_keeps_figure_values_so_it_reopens_without_the_workbook(demo, tmp_path):
    path = tmp_path / "草稿.json"
    draft_mod.save(demo, path)
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert raw["figures"]["disputes_handled"]["value"] == 128
    assert raw["figures"]["disputes_handled"]["source"].endswith("!D5")
    raw["workbook"]["path"] = str(tmp_path / "moved-away.xlsx")
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    text = "\n".join(compile_draft(draft_mod.load(path)).document.text_lines())
    assert "调处矛盾纠纷128起" in text


def test_a_number_typed_by_hand_stays_as_typed_when_figures_change(demo):
    demo.section("achievements").blocks[0].text += "另调处邻里纠纷17起。"
    demo.figures["disputes_handled"].value = 200
    text = "\n".join(compile_draft(demo).document.text_lines())
    assert "调处邻里纠纷17起" in text and "调处矛盾纠纷200起" in text


def test_a_future_schema_version_is_refused_in_chinese(demo, tmp_path):
    d = demo.to_dict()
    d["schema_version"] = draft_mod.SCHEMA_VERSION + 1
    path = tmp_path / "新版草稿.json"
    path.write_text(json.dumps(d, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError) as e:
        draft_mod.load(path)
    assert "新版草稿.json" in str(e.value) and "升级" in str(e.value)


def test_a_version_0_draft_with_flat_text_is_migrated(tmp_path):
    path = tmp_path / "old.json"
    path.write_text(json.dumps({"unit": "邹桥乡", "year": 2023, "sections": {
        "achievements": "（一）强化组织领导。明确分工。\n1、强化领导。"}}, ensure_ascii=False),
        encoding="utf-8")
    d = draft_mod.load(path)
    blocks = d.section("achievements").blocks
    assert [b.number for b in blocks] == ["（一）", "1."]
    assert d.to_dict()["schema_version"] == draft_mod.SCHEMA_VERSION


@pytest.mark.parametrize("content,words", [
    (b"", "损坏"), (b"{not json", "损坏"), (b"[1, 2]", "不是"), (b'{"a": 1}', "不是"),
    (b"[" * 100000 + b"]" * 100000, "损坏"),
    ("\u4e2d".encode("gbk"), "UTF-8"),
])
def test_broken_drafts_get_a_one_line_chinese_message(tmp_path, content, words):
    path = tmp_path / "坏草稿.json"
    path.write_bytes(content)
    with pytest.raises(InputError) as e:
        draft_mod.load(path)
    assert "坏草稿.json" in str(e.value) and words in str(e.value)
    assert "\n" not in str(e.value)


@pytest.mark.parametrize("fields,words", [
    ({"unit": 5}, "单位名称（unit）"),
    ({"year": "二〇二四"}, "报告年度（year）"),
    ({"date": "2025-13-45"}, "成文日期（date）“2025-13-45”不是有效日期"),
    ({"printed_on": "昨天"}, "印发日期"),
    ({"note": ["此件公开发布"]}, "附注（note）"),
    ({"recipient": None}, "主送机关（recipient）"),
    ({"template": None}, "模板（template）"),
    ({"sections": "全文"}, "各部分（sections）"),
    ({"sections": [{"id": "preamble", "blocks": [{"text": 5}]}]}, "部分“preamble”的第1段"),
    ({"figures": {"disputes_handled": {"value": "很多"}}}, "数据“disputes_handled”"),
    ({"bindings": {"disputes_handled": 7}}, "bindings"),
    ({"unit": " "}, "单位名称（unit）是空的"),
    ({"year": -5}, "2000 到 2100"),
    ({"variant": "secret"}, "文件版本（variant）"),
    ({"date": 20250101}, "成文日期（date）"),
    ({"sections": [{"id": "preamble", "blocks": [{"type": "heading", "level": 9}]}]}, "第1段"),
    ({"sections": [{"id": "preamble", "blocks": [{"text": None}]}]}, "第1段"),
    ({"sections": [{"id": "preamble", "blocks": []}, {"id": "preamble", "blocks": []}]},
     "出现了两次"),
    ({"figures": {"disputes_handled": {"value": float("nan")}}}, "数据“disputes_handled”"),
    ({"figures": {"disputes_handled": {"value": float("inf")}}}, "数据“disputes_handled”"),
])
def test_a_hand_edited_draft_with_a_wrong_field_names_the_field(demo, tmp_path, fields, words):
    import json
    data = demo.to_dict()
    data.update(fields)
    path = tmp_path / "改过的草稿.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    with pytest.raises(InputError) as e:
        draft_mod.load(path)
    message = str(e.value)
    assert "改过的草稿.json" in message and words in message and "\n" not in message
    assert "Error" not in message and "'" not in message          # no Python text


def test_a_missing_draft_names_the_path(tmp_path):
    with pytest.raises(InputError, match="找不到草稿文件"):
        draft_mod.load(tmp_path / "无.json")


def test_saving_is_atomic_and_keeps_the_old_file_when_writing_fails(demo, tmp_path, monkeypatch):
    path = tmp_path / "草稿.json"
    path.write_text("OLD", encoding="utf-8")

    def boom(*a, **k):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(draft_mod, "to_json_text", lambda d: "x" * 10)
    monkeypatch.setattr(os, "fsync", boom)
    with pytest.raises(InputError):
        draft_mod.save(demo, path)
    assert path.read_text(encoding="utf-8") == "OLD"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["草稿.json"]


def test_default_year_and_date_follow_the_reporting_season():
    import datetime as dt
    assert draft_mod.default_year(dt.date(2026, 11, 23)) == 2025
    assert draft_mod.default_date(2025, dt.date(2026, 2, 3)) == dt.date(2026, 2, 3)
    assert draft_mod.default_date(2024, dt.date(2026, 11, 23)) == dt.date(2025, 1, 20)


def test_an_empty_unit_name_is_refused(pack):
    with pytest.raises(InputError, match="单位名称"):
        draft_mod.new_draft("  ", 2024, pack)


def test_reading_a_workbook_keeps_last_years_values_it_does_not_have(tmp_path, pack):
    from openpyxl import Workbook

    from govreport.model.figures import Figure
    wb = Workbook()
    ws = wb.active
    ws.append(["指标", "本年"])
    ws.append(["调处矛盾纠纷件数", 140])
    path = tmp_path / "只有本年.xlsx"
    wb.save(path)
    d = draft_mod.new_draft("翻江镇", 2025, pack)
    d.figures["disputes_handled"] = Figure("disputes_handled", None, previous=128,
                                           source="去年报告")
    DraftSession(d).apply_workbook(path)
    assert d.figures["disputes_handled"].value == 140
    assert d.figures["disputes_handled"].previous == 128
