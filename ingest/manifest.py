"""The corpus manifest, corpus/sources.yml: publisher, kind, title, URL and licence per file."""
from __future__ import annotations

from pathlib import Path

import yaml

from registry import YAML_LOADER

from .model import IngestError

MANIFEST_NAME = "sources.yml"


def load_manifest(corpus: Path) -> dict[str, dict]:
    path = corpus / MANIFEST_NAME
    if not path.exists():
        return {}
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER) or {}
    except yaml.YAMLError as err:
        raise IngestError(MANIFEST_NAME, f"malformed manifest: {str(err).splitlines()[0]}") from None
    files = data.get("files") if isinstance(data, dict) else None
    if not isinstance(files, dict):
        raise IngestError(MANIFEST_NAME, "malformed manifest: expected a 'files:' mapping")
    return {str(name): dict(entry or {}) for name, entry in files.items()}
