from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
GOLD = SHARED / "gold" / "seeds.jsonl"


@pytest.fixture(scope="session")
def extractor():
    from extract import Extractor
    return Extractor()


@pytest.fixture
def shared_extractor(monkeypatch, extractor):
    """Builds run through the CLI use the session's spaCy pipeline, loaded once, not once per
    build: `pytestmark = pytest.mark.usefixtures("shared_extractor")` in a module."""
    monkeypatch.setattr("extract.Extractor", lambda: extractor)


@pytest.fixture(scope="session")
def seed_db(tmp_path_factory, extractor):
    """The seed corpus built once into a database for the whole session."""
    from claims.build.build import build
    db_path = tmp_path_factory.mktemp("seed") / "claims.db"
    build(CORPUS, db_path, extractor=extractor, echo=lambda line: None)
    return db_path


@pytest.fixture(scope="session")
def manifest():
    from ingest.manifest import load_manifest
    return load_manifest(CORPUS)


def ingest_seed(name, manifest):
    from ingest import ingest_file
    return ingest_file(CORPUS / name, name, manifest.get(name))
