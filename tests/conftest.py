import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def data_dir() -> Path:
    return DATA


@pytest.fixture(scope="session")
def pack():
    from govreport.model.pack import load_pack
    return load_pack()


@pytest.fixture(scope="session")
def sample_workbook() -> Path:
    from govreport.model.pack import load_pack
    return load_pack().demo_workbook()


@pytest.fixture(scope="session")
def demo_docx(tmp_path_factory) -> Path:
    """The demo report, built once per session."""
    from govreport.app.produce import produce
    from govreport.app.starts import demo_draft
    out = tmp_path_factory.mktemp("demo") / "示例报告.docx"
    produce(demo_draft(), out)
    return out


@pytest.fixture
def test_packs(monkeypatch) -> Path:
    """The test-only packs (tests/data/packs) made findable by id, as a county's own would be."""
    from govreport.model.pack import PACKS_ENV
    folder = DATA / "packs"
    monkeypatch.setenv(PACKS_ENV, str(folder))
    return folder
