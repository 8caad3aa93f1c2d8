"""Figures: derived indicators are computed; their problems are findings, not crashes."""
from govreport.model.figures import SOURCE_FORMULA, Figure, resolve
from govreport.model.indicators import formula_inputs


def figs(**kw):
    return {k: Figure(k, v[0] if isinstance(v, tuple) else v,
                      previous=v[1] if isinstance(v, tuple) else None, source="表!D2")
            for k, v in kw.items()}


def test_a_rate_is_derived_from_its_counts(pack):
    fs = resolve(pack.indicators, figs(disputes_handled=(128, 110), disputes_resolved=(125, 106)))
    rate = fs.get("mediation_success_rate")
    assert rate.value == 97.6562
    assert rate.source == SOURCE_FORMULA
    assert rate.previous and round(rate.previous, 2) == 96.36


def test_year_on_year_change_uses_last_years_value(pack):
    fs = resolve(pack.indicators, figs(disputes_handled=(128, 110)))
    assert round(fs.value("disputes_handled_yoy"), 2) == 16.36


def test_division_by_zero_is_reported_not_raised(pack):
    fs = resolve(pack.indicators, figs(disputes_handled=0, disputes_resolved=0))
    assert fs.value("mediation_success_rate") is None
    assert any(f.code == "figure-division-by-zero" and "调解成功率" in f.message
               for f in fs.findings)


def test_missing_inputs_are_named(pack):
    fs = resolve(pack.indicators, figs(disputes_handled=10))
    assert fs.value("mediation_success_rate") is None
    [f] = [f for f in fs.findings if "调解成功率" in f.message]
    assert "调解成功件数" in f.message and f.indicator == "mediation_success_rate"


def test_a_typed_value_wins_over_the_formula(pack):
    fs = resolve(pack.indicators, figs(disputes_handled=10, disputes_resolved=5),
                 overrides={"mediation_success_rate": Figure("mediation_success_rate", 60)})
    assert fs.value("mediation_success_rate") == 60
    assert fs.get("mediation_success_rate").typed


def test_a_workbook_rate_that_disagrees_with_its_counts_is_flagged(pack):
    base = figs(disputes_handled=10, disputes_resolved=5, mediation_success_rate=80)
    fs = resolve(pack.indicators, base)
    assert fs.value("mediation_success_rate") == 50
    assert any(f.code == "figure-formula-mismatch" for f in fs.findings)


def test_a_given_rate_without_counts_is_kept(pack):
    fs = resolve(pack.indicators, figs(mediation_success_rate=98.5))
    assert fs.value("mediation_success_rate") == 98.5


def test_formula_inputs_tell_this_year_from_last_year():
    assert formula_inputs("(a - prev.a) / prev.a * 100") == ({"a"}, {"a"})
    assert formula_inputs("b / c") == ({"b", "c"}, set())


def test_the_pack_has_at_least_thirty_indicators_with_names_units_and_themes(pack):
    inds = list(pack.indicators)
    assert len(inds) >= 30
    assert all(i.name and i.unit and i.theme for i in inds)
    assert sum(1 for i in inds if i.derived) >= 4
    names = [i.name for i in inds]
    assert len(names) == len(set(names))


def test_missing_last_year_inputs_are_named_as_last_years(pack):
    fs = resolve(pack.indicators, {})
    [f] = [f for f in fs.findings if "调处矛盾纠纷件数同比变化" in f.message]
    assert "调处矛盾纠纷件数、调处矛盾纠纷件数（上年）" in f.message


def test_every_formula_in_the_pack_evaluates(pack):
    from govreport.model.figures import _evaluate
    for ind in pack.indicators:
        if ind.derived:
            cur, prev = ind.inputs()
            value = _evaluate(ind.formula, {i: 3.0 for i in cur}, {i: 2.0 for i in prev})
            assert isinstance(value, float)


def test_a_formula_with_anything_but_arithmetic_is_refused():
    import pytest

    from govreport.model.figures import _evaluate
    for bad in ("__import__('os')", "a ** 2", "a if b else c", "[a][0]", "a.b"):
        with pytest.raises((ValueError, KeyError)):
            _evaluate(bad, {"a": 1.0, "b": 1.0, "c": 1.0}, {})
