"""Default wording: jinja2 in a sandbox, figures filled, gaps visible, never a crash."""
import pytest

from govreport import wording
from govreport.model.figures import Figure, resolve
from govreport.model.findings import ERROR, WARNING


def ctx_with(pack, **values):
    base = {}
    for k, v in values.items():
        if isinstance(v, tuple):
            base[k] = Figure(k, v[0], previous=v[1], source="表!D1")
        else:
            base[k] = Figure(k, v, source="表!D1")
    return wording.Context("翻江镇", 2024, pack.indicators, resolve(pack.indicators, base))


def test_a_present_figure_is_rendered_as_its_value(pack):
    text, log = wording.render("调处矛盾纠纷{{ disputes_handled }}起", ctx_with(pack, disputes_handled=128))
    assert text == "调处矛盾纠纷128起"
    assert log.findings == []
    assert log.used == ["disputes_handled"]


def test_a_missing_figure_renders_as_a_marked_gap_and_is_reported(pack):
    text, log = wording.render("开展法治宣传活动{{ publicity_events }}场次", ctx_with(pack),
                               section="achievements", block=3)
    assert text == "开展法治宣传活动【缺：法治宣传活动场次】场次"
    [f] = log.findings
    assert (f.level, f.code, f.section, f.block) == (WARNING, "figure-missing", "achievements", 3)
    assert "法治宣传活动场次" in f.message
    assert f.indicator == "publicity_events" and f.field is None


@pytest.mark.parametrize("source,values,expected", [
    ("{{ leaflets | approx }}份", {"leaflets": 5320}, "5300余份"),
    ("{{ leaflets | approx }}份", {"leaflets": 18300}, "1.8万余份"),
    ("{{ hotline_satisfaction }}", {"hotline_satisfaction": 93.84}, "93.84%"),
    ("{{ hotline_satisfaction | pct(1) }}", {"hotline_satisfaction": 93.84}, "93.8%"),
    ("{{ hotline_satisfaction | at_least }}", {"hotline_satisfaction": 96.3}, "95%以上"),
    ("{{ disputes_handled | yoy }}", {"disputes_handled": (128, 110)}, "同比增长16.4%"),
    ("{{ disputes_handled | yoy }}", {"disputes_handled": (100, 128)}, "同比下降21.9%"),
    ("{{ disputes_handled | yoy }}", {"disputes_handled": (128, 128)}, "与上年持平"),
    ("{{ disputes_handled.previous }}", {"disputes_handled": (128, 110)}, "110"),
    ("{{ 3 | cn }}", {}, "三"),
    ("{{ 2 | ordinal }}", {}, "二是"),
    ("{{ 1 | quarter }}", {}, "第一季度"),
    ("{{ year }}年{{ unit_name }}，全{{ unit_kind }}", {}, "2024年翻江镇，全镇"),
    ("{{ next_year }}年", {}, "2025年"),
])
def test_filters_phrase_figures_the_way_reports_do(pack, source, values, expected):
    text, log = wording.render(source, ctx_with(pack, **values))
    assert text == expected
    assert log.findings == []


@pytest.mark.parametrize("source,expected_gap", [
    ("{{ leaflets | approx }}", "【缺：发放宣传资料份数】"),
    ("{{ leaflets | pct }}", "【缺：发放宣传资料份数】"),
    ("{{ leaflets | yoy }}", "【缺：发放宣传资料份数】"),
])
def test_filters_on_a_missing_figure_give_the_gap(pack, source, expected_gap):
    text, log = wording.render(source, ctx_with(pack))
    assert text == expected_gap
    assert log.findings[0].code == "figure-missing"


def test_year_on_year_without_last_years_value_names_the_missing_previous(pack):
    text, log = wording.render("{{ leaflets | yoy }}", ctx_with(pack, leaflets=100))
    assert text == "【缺：发放宣传资料份数（上年）】"


def test_year_on_year_from_zero_is_a_gap_not_a_crash(pack):
    text, log = wording.render("{{ leaflets | yoy }}", ctx_with(pack, leaflets=(100, 0)))
    assert text.startswith("【缺：") and "上年为0" in text


def test_an_unknown_name_is_a_gap_and_an_error(pack):
    text, log = wording.render("共{{ no_such_figure }}件", ctx_with(pack))
    assert text == "共【缺：no_such_figure】件"
    assert log.findings[0].level == ERROR
    assert log.findings[0].code == "unknown-reference"


@pytest.mark.parametrize("source", [
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "{{ disputes_handled._fig.__class__.__init__.__globals__ }}",
    "{{ disputes_handled._fig }}",
])
def test_the_sandbox_refuses_python_internals(pack, source):
    text, log = wording.render(source, ctx_with(pack, disputes_handled=1))
    assert "class" not in text.replace(source, "") and "Figure(" not in text
    assert any(f.level == ERROR for f in log.findings)


@pytest.mark.parametrize("source", ["共{{ disputes_handled 件", "{% if %}", "{{ 1/0 }}"])
def test_broken_markup_is_a_finding_and_the_text_is_kept(pack, source):
    text, log = wording.render(source, ctx_with(pack, disputes_handled=1))
    assert text == source
    assert log.findings and log.findings[0].level == ERROR


def test_plain_text_passes_through_untouched(pack):
    src = "调处矛盾纠纷128起，12345热线办结率93.84%"
    assert wording.render(src, ctx_with(pack))[0] == src


def test_every_name_in_the_default_wording_is_a_known_indicator_or_variable(pack):
    allowed = set(pack.indicators.items) | {"unit_name", "unit_kind", "unit_organ", "year", "next_year",
                                             "last_year"}
    sources = [s.default_text for s in pack.sections] + [s.heading for s in pack.sections]
    sources += [pack.title, pack.signature, pack.closing]
    for src in sources:
        unknown = wording.referenced_names(src) - allowed
        assert not unknown, f"unknown names {unknown} in: {src[:40]}"


def test_the_default_wording_cites_at_least_twenty_indicators(pack):
    cited = set()
    for s in pack.sections:
        cited |= wording.referenced_names(s.default_text) & set(pack.indicators.items)
    assert len(cited) >= 20


@pytest.mark.parametrize("unit,kind", [
    ("翻江镇", "镇"), ("邹桥乡", "乡"), ("福城街道", "街道"), ("海城镇人民政府", "镇"),
    ("福城街道办事处", "街道"), ("某单位", "镇"), ("通城县人力资源和社会保障局", "局"),
])
def test_unit_kind_follows_the_name(unit, kind):
    from govreport.text import units
    assert units.unit_kind(unit) == kind


@pytest.mark.parametrize("unit,organ", [
    ("清溪镇", "清溪镇人民政府"), ("清溪镇人民政府", "清溪镇人民政府"), ("邹桥乡", "邹桥乡人民政府"),
    ("福城街道", "福城街道办事处"), ("福城街道办事处", "福城街道办事处"),
    ("通城县人力资源和社会保障局", "通城县人力资源和社会保障局"), ("某单位", "某单位"),
])
def test_the_organ_that_signs_follows_the_kind_of_unit(unit, organ):
    from govreport.text import units
    assert units.organ_name(unit) == organ


def test_a_subdistrict_report_is_signed_by_its_office_by_default(pack):
    from govreport.build import compose
    from govreport.model.draft import new_draft
    draft = new_draft("福城街道", 2024, pack)
    assert compose.compile_draft(draft, pack).document.signature == "福城街道办事处"


SAME_EITHER_WAY = [
    "调处矛盾纠纷{{ disputes_handled }}起", "{{ leaflets | approx }}份", "{{leaflets|approx}}",
    "{{ hotline_satisfaction | pct(1) }}", "{{ hotline_satisfaction | at_least(10) }}",
    "{{ disputes_handled | yoy }}", "{{ disputes_handled.previous }}起", "{{ publicity_events }}场次",
    "{{ no_such_name }}", "{{ year }}年{{ unit_name }}全{{ unit_kind }}", "{{ unit_name | cn }}",
    "{{ publicity_events | yoy }}，{{ leaflets.previous | approx }}",
]


@pytest.mark.parametrize("source", SAME_EITHER_WAY)
def test_simple_references_render_the_same_without_compiling_a_template(pack, source, monkeypatch):
    ctx = ctx_with(pack, disputes_handled=(128, 110), leaflets=(5320, 4800),
                   hotline_satisfaction=96.52)
    fast_text, fast_log = wording.render(source, ctx)
    monkeypatch.setattr(wording, "_render_simple", lambda *a: None)
    slow_text, slow_log = wording.render(source, ctx)
    assert fast_text == slow_text
    assert [(f.level, f.code, f.message) for f in fast_log.findings] == \
        [(f.level, f.code, f.message) for f in slow_log.findings]


def test_renders_in_two_threads_keep_their_own_findings(pack):
    from concurrent.futures import ThreadPoolExecutor
    ctx = ctx_with(pack)

    def work(section):
        logs = [wording.render("{{ no_such_name }}{{ leaflets }}{% if true %}x{% endif %}", ctx,
                               section=section)[1] for _ in range(200)]
        return {f.section for log in logs for f in log.findings}

    with ThreadPoolExecutor(2) as pool:
        a, b = pool.map(work, ["achievements", "plans"])
    assert a == {"achievements"} and b == {"plans"}


@pytest.mark.parametrize("source,words", [
    ("{{ 1 / 0 }}", "除以零"),
    ("{{ range(10 ** 9) | list }}", "数值太大"),
    ('{{ "甲" - 1 }}', "类型不对"),
    ("{{ disputes_handled + }}", "写法有误"),
])
def test_a_broken_reference_is_explained_in_chinese(pack, source, words):
    text, log = wording.render(source, ctx_with(pack))
    [finding] = log.findings
    assert words in finding.message
    assert not any(c.isascii() and c.isalpha() for c in finding.message)   # no English


# --- the reference grammar has one owner -------------------------------------------------------

def test_every_filter_the_grammar_names_has_a_function_and_back():
    from govreport.wording.references import FILTER_LABELS
    from govreport.wording import FILTERS
    assert FILTERS.keys() == FILTER_LABELS.keys()


def test_the_report_variables_are_the_ones_wording_provides(pack):
    from govreport.model.figures import FigureSet
    from govreport.wording.references import REPORT_VARIABLES
    from govreport.wording import Context, RenderLog
    ctx = Context("清溪镇", 2024, pack.indicators, FigureSet({}))
    names = set(ctx.variables(RenderLog()))
    assert names - {i.id for i in pack.indicators} == set(REPORT_VARIABLES)


@pytest.mark.parametrize("source", [
    "{{ cases }}", "{{ cases.previous }}", "{{ cases | approx }}", "{{ cases.previous | pct(1) }}",
    "{{ rate | at_least(5) }}", "{{ rate | plain(1.5) }}",
])
def test_a_reference_written_back_reads_the_same(source):
    from govreport.wording.references import Reference
    ref = Reference.parse(source)
    assert ref is not None
    assert Reference.parse(ref.source) == ref
    assert Reference.parse(source[2:-2]) == ref          # the expression without braces


@pytest.mark.parametrize("source", ["{{ cases | upper }}", "{{ cases + 1 }}", "{{ a.b }}", "{{ 1 }}"])
def test_what_is_not_a_plain_reference_is_not_parsed_as_one(source):
    from govreport.wording.references import Reference
    assert Reference.parse(source) is None
