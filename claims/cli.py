"""The `claims` command: thin over the library in claims/, ingest/ and extract/."""
from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import click
import sqlite_utils

from .build import build
from .evaluate import evaluate, format_report, load_gold
from .export import EXPORT_FIELDS, iter_statistics

DEFAULT_DB = "build/claims.db"
DEFAULT_CORPUS = "corpus"

db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
                         default=DEFAULT_DB, show_default=True, help="The SQLite database.")
corpus_option = click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
                             default=DEFAULT_CORPUS, show_default=True, help="The corpus folder.")


@click.group()
@click.version_option()
def cli():
    """Probation Claims: every figure about the Probation Service, when it held, who said it."""


def run_build(corpus: Path, db_path: Path, strict: bool = False) -> None:
    try:
        report = build(corpus, db_path, echo=lambda line: click.echo(line, err=True))
    except FileNotFoundError as err:
        raise click.ClickException(str(err))
    click.echo(f"{db_path}: {len(report.read)} files read, {len(report.unchanged)} unchanged, "
               f"{len(report.removed)} removed, {len(report.errors)} with errors; "
               f"{report.documents} documents, {report.statistics} statistics", err=True)
    if strict and report.errors:
        sys.exit(1)


@cli.command(name="build")
@corpus_option
@db_option
@click.option("--strict", is_flag=True, help="Exit non-zero when any file could not be ingested.")
def build_command(corpus, db_path, strict):
    """Build (or update) the database from the corpus folder."""
    run_build(corpus, db_path, strict)


@cli.command(name="export")
@db_option
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv"]), default="jsonl", show_default=True)
def export_command(db_path, fmt):
    """Every statistic, one a line."""
    if not db_path.exists():
        raise click.ClickException(f"no database at {db_path}: run 'claims build' first")
    db = sqlite_utils.Database(db_path)
    rows = iter_statistics(db)
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps({k: row[k] for k in EXPORT_FIELDS}, ensure_ascii=False))
    else:
        writer = csv.DictWriter(sys.stdout, fieldnames=EXPORT_FIELDS, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@corpus_option
@db_option
@click.option("--show-errors", is_flag=True, help="List misses, false positives and wrong fields.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
def eval_command(gold, corpus, db_path, show_errors, as_json):
    """Score extraction against a gold file (GUIDELINES.md format)."""
    run_build(corpus, db_path)
    db = sqlite_utils.Database(db_path)
    ev = evaluate(load_gold(gold), list(iter_statistics(db)), corpus)
    if as_json:
        click.echo(json.dumps(ev.as_dict(), indent=2))
    else:
        click.echo(format_report(ev, show_errors))
