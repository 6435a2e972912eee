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


def invented_database(folder: Path, files: dict, extractor, title: str = "Title of {name}") -> Path:
    """A database built from invented documents: `files` maps a file name to (publisher, kind,
    published, text) or (publisher, kind, published, title, text); each is written with front
    matter into `folder/corpus` and built into `folder/db/claims.db`."""
    from claims.build.build import build
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, (publisher, kind, published, *rest) in files.items():
        heading, text = rest if len(rest) == 2 else (title.format(name=name), rest[0])
        (corpus / name).write_text(f"---\npublisher: {publisher}\nkind: {kind}\npublished: {published}\n---\n"
                                   f"{heading}\n{text}\n", "utf-8")
    db_path = folder / "db" / "claims.db"
    db_path.parent.mkdir()
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    return db_path


def check_claim(db_path: Path, extractor, text: str, **options) -> dict:
    """The one claim `text` makes, checked against the database at `db_path` (`options` go to
    check_text: `today`)."""
    import sqlite_utils

    from claims.query.check import check_text
    [claim] = check_text(sqlite_utils.Database(db_path), extractor, text, **options)["claims"]
    return claim
