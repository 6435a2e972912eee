"""The site's one configuration: metadata.yml, settings.json, templates/ and plugins/ at the
project's root. `claims serve` and the tests both take it from here, so what is tested is what
is served."""
from __future__ import annotations

import json
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
METADATA = ROOT / "metadata.yml"
SETTINGS = ROOT / "settings.json"
TEMPLATES = ROOT / "templates"
PLUGINS = ROOT / "plugins"


def settings() -> dict:
    return json.loads(SETTINGS.read_text("utf-8"))


def serve_arguments(metadata: Path = METADATA) -> list[str]:
    """The `datasette serve` options for the site."""
    args = ["--metadata", str(metadata), "--plugins-dir", str(PLUGINS), "--template-dir", str(TEMPLATES)]
    for name, value in settings().items():
        args += ["--setting", name, "on" if value is True else "off" if value is False else str(value)]
    return args


def datasette(*db_paths: Path):
    """The site as a Datasette object, for Datasette's test client."""
    from datasette.app import Datasette
    return Datasette([str(p) for p in db_paths], metadata=yaml.safe_load(METADATA.read_text("utf-8")),
                     plugins_dir=str(PLUGINS), template_dir=str(TEMPLATES), settings=settings())
