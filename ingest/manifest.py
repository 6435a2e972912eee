"""The corpus manifest, corpus/sources.yml: publisher, kind, title, URL and licence per file,
each entry read as a file's front matter is (ingest.metadata). A malformed, oversized or
aliased manifest is one error and the files are built without it; an entry that is not a
mapping, or a field that is not one value, is one warning naming the entry."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .metadata import MANIFEST_KEYS, normalise_metadata
from .model import IngestError, one_line
from .user_yaml import YamlRefused, load_user_yaml

MANIFEST_NAME = "sources.yml"
# a few hundred bytes an entry: room for some 50,000 files
MAX_MANIFEST_BYTES = 16 * 1024 * 1024


@dataclass
class Manifest:
    entries: dict[str, dict] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # "sources.yml: <entry>: what was left out"


def read_manifest(corpus: Path) -> Manifest:
    path = corpus / MANIFEST_NAME
    if not path.exists():
        return Manifest()
    size = path.stat().st_size
    if size > MAX_MANIFEST_BYTES:
        raise IngestError(MANIFEST_NAME, f"malformed manifest: too large ({size:,} bytes; "
                                         f"the limit is {MAX_MANIFEST_BYTES:,})")
    try:
        data = load_user_yaml(path.read_text("utf-8"), MAX_MANIFEST_BYTES)
    except UnicodeDecodeError as err:
        raise IngestError(MANIFEST_NAME, f"malformed manifest: invalid UTF-8 at byte {err.start}") from None
    except YamlRefused as err:
        raise IngestError(MANIFEST_NAME, f"malformed manifest: {err}") from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        raise IngestError(MANIFEST_NAME, "malformed manifest: expected a 'files:' mapping")
    manifest = Manifest()
    for name, entry in files.items():
        where = f"{MANIFEST_NAME}: {one_line(str(name))}"
        if entry is None:
            entry = {}
        if not isinstance(entry, dict):
            manifest.warnings.append(f"{where}: expected 'key: value' fields, not {_what(entry)}; "
                                     "entry ignored")
            continue
        fields, warnings = normalise_metadata(entry, where, MANIFEST_KEYS)
        manifest.entries[str(name)] = fields
        manifest.warnings.extend(warnings)
    return manifest


def load_manifest(corpus: Path) -> dict[str, dict]:
    """Each file's fields, by its path relative to the corpus; warnings left out."""
    return read_manifest(corpus).entries


def _what(value) -> str:
    if isinstance(value, str):
        return f"the text {one_line(value, 60)!r}"
    return "a list" if isinstance(value, list) else f"a {type(value).__name__}"
