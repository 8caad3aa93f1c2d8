"""The reader's words are one data file per pack (reader.toml), not repeated in the import's or
the checks' settings, and they name only sections and roles the pack has."""
import tomllib

import pytest

from govreport.model.pack import ROLES, available_packs, load_pack, pack_file
from govreport.reading import vocabulary_for


def _toml(pack, name):
    return tomllib.loads(pack_file(pack.root, name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("pack_id", available_packs())
def test_the_readers_section_keywords_and_merges_name_the_packs_sections(pack_id):
    pack = load_pack(pack_id)
    vocab = vocabulary_for(pack)
    ids = set(pack.section_ids())
    assert {s.id for s in vocab.sections} <= ids
    for merge in vocab.merges:
        assert merge.when <= ids and merge.into in merge.when


@pytest.mark.parametrize("pack_id", available_packs())
def test_reading_words_live_only_in_reader_toml(pack_id):
    pack = load_pack(pack_id)
    imports, checks = _toml(pack, "import_rules.toml"), _toml(pack, "checks.toml")
    for table in ("debris", "frame", "section", "merge", "year"):
        assert table not in imports, table
    for table in ("sections", "debris"):
        assert table not in checks, table
    assert set(imports["figures"]["roles"]) <= set(ROLES)


def test_a_pack_without_its_own_reader_toml_uses_the_default_packs(tmp_path):
    from govreport.reading.vocabulary import vocabulary_path
    assert vocabulary_path(tmp_path) == pack_file(None, "reader.toml")
