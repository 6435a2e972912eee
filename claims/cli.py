"""The `claims` command: thin over the library in claims/, ingest/ and extract/."""
from __future__ import annotations

import json
import os
import sqlite3
import sys
import tempfile
from pathlib import Path

import click
import sqlite_utils

from .build.build import BuildError, build, database_problem
from .tools.evaluate import evaluate, format_report, load_gold
from .query.export import iter_statistics, json_line, write_csv
from .site.pages import DATABASE
from .site.site import serve_arguments
from .query.trace import marked, trace

DEFAULT_DB = "build/claims.db"
DEFAULT_CORPUS = "corpus"

db_option = click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
                         default=DEFAULT_DB, show_default=True, help="The SQLite database.")
corpus_option = click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
                             default=DEFAULT_CORPUS, show_default=True, help="The corpus folder.")


class ClaimsGroup(click.Group):
    """Commands whose database cannot be read end with one line, not a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except sqlite3.DatabaseError as err:
            raise click.ClickException(f"the database cannot be read ({err}); rebuild it with "
                                       "'claims build'") from None


@click.group(cls=ClaimsGroup)
@click.version_option()
def cli():
    """Probation Claims: every figure about the Probation Service, when it held, who said it."""


DEFAULT_WORKERS = min(os.cpu_count() or 1, 4)


def run_build(corpus: Path, db_path: Path, strict: bool = False, workers: int = 1) -> None:
    from .build.progress import BuildProgress
    progress = BuildProgress(sys.stderr)
    try:
        report = build(corpus, db_path, echo=lambda line: click.echo(line, err=True), workers=workers,
                       progress=progress)
    except (FileNotFoundError, BuildError) as err:
        raise click.ClickException(str(err)) from None
    finally:
        progress.close()
    echo_report(db_path, report)
    if strict and report.errors:
        sys.exit(1)


def echo_report(db_path: Path, report) -> None:
    click.echo(f"{db_path}: {len(report.read)} files read, {len(report.unchanged)} unchanged, "
               f"{len(report.removed)} removed, {len(report.errors)} with errors; "
               f"{report.documents} documents, {report.statistics} statistics", err=True)


@cli.command(name="build")
@corpus_option
@db_option
@click.option("--strict", is_flag=True, help="Exit non-zero when any file could not be ingested.")
@click.option("--workers", type=click.IntRange(1), default=DEFAULT_WORKERS, show_default=True,
              help="Processes reading and extracting files (used when 8 or more files changed).")
@click.option("--watch", is_flag=True,
              help="Keep running: rebuild each time a corpus file changes, with spaCy loaded once.")
@click.option("--interval", type=click.FloatRange(0.1), default=1.0, show_default=True,
              help="With --watch, seconds between looks at the corpus.")
def build_command(corpus, db_path, strict, workers, watch, interval):
    """Build (or update) the database from the corpus folder."""
    if not watch:
        run_build(corpus, db_path, strict, workers)
        return
    from .build.watch import watch as watch_corpus
    click.echo(f"Watching {corpus} (Ctrl-C to stop)", err=True)
    try:
        watch_corpus(corpus, db_path, echo=lambda line: click.echo(line, err=True), workers=workers,
                     interval=interval, built=lambda report: echo_report(db_path, report))
    except (FileNotFoundError, BuildError) as err:
        raise click.ClickException(str(err)) from None
    except KeyboardInterrupt:
        click.echo("Stopped watching.", err=True)


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
            click.echo(json_line(row))
    else:
        write_csv(rows, sys.stdout)


def score_targets(items: tuple[str, ...], form: str) -> dict[str, float]:
    """`--require NAME=VALUE` options as {name: value}; eval and eval-claims read them alike."""
    targets = {}
    for item in items:
        name, _, value = item.partition("=")
        try:
            targets[name] = float(value)
        except ValueError:
            raise click.BadParameter(f"{item!r} is not {form}", param_hint="--require") from None
    return targets


@cli.command(name="eval")
@click.argument("gold", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@corpus_option
@db_option
@click.option("--show-errors", "--errors", "show_errors", is_flag=True,
              help="List misses, false positives and wrong fields, each wrong field with the rule that decided it.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--require", "minimums", multiple=True, metavar="SCORE=MIN",
              callback=lambda ctx, param, items: score_targets(items, "SCORE=MIN"),
              help="Exit 1 when a score is below its minimum, e.g. --require source_accuracy=0.85 "
                   "(names as in --json).")
def eval_command(gold, corpus, db_path, show_errors, as_json, minimums):
    """Score extraction against a gold file (GUIDELINES.md format)."""
    run_build(corpus, db_path)
    db = sqlite_utils.Database(db_path)
    predictions = list(iter_statistics(db))
    # the rule that decided each attribute (statistics.why), printed beside each wrong field
    whys = dict(db.execute("select id, why from statistics").fetchall())
    for prediction in predictions:
        prediction["why"] = whys.get(prediction["statistic_id"])
    ev = evaluate(load_gold(gold), predictions, corpus)
    scores = ev.as_dict()
    unknown = sorted(set(minimums) - set(scores))
    if unknown:
        raise click.BadParameter(f"unknown score(s) {', '.join(unknown)}; known: {', '.join(scores)}",
                                 param_hint="--require")
    if as_json:
        click.echo(json.dumps(scores, indent=2))
    else:
        click.echo(format_report(ev, show_errors))
    below = [f"{name} {scores[name]:.3f} < {minimum}" for name, minimum in minimums.items()
             if scores[name] < minimum]
    for line in below:
        click.echo(f"below target: {line}", err=True)
    if below:
        sys.exit(1)


@cli.command(name="eval-claims")
@click.argument("claims_file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--corpus", "corpora", type=click.Path(exists=True, file_okay=False, path_type=Path), multiple=True,
              required=True, help="A corpus folder; give it once per folder, one database is built from all.")
@click.option("--db", "db_path", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("build/eval-claims.db"), show_default=True)
@click.option("--show-errors", is_flag=True, help="Each wrong claim: expected and got, with the reasons.")
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--require", "targets", multiple=True, metavar="SCORE=X",
              callback=lambda ctx, param, items: score_targets(items, "SCORE=X"),
              help="Exit 1 when a score misses its target: a minimum, or a maximum for trap_matches.")
def eval_claims_command(claims_file, corpora, db_path, show_errors, as_json, targets):
    """Score claim checking against a claims file (tests/claimsbench/claims.jsonl): the right-verdict
    rate by kind, origin accuracy, and traps called a match."""
    from extract import Extractor

    from .tools.claims_benchmark import below_targets, build_database, format_report as claims_report, load_claims, run
    extractor = Extractor()
    try:
        build_database(list(corpora), db_path, extractor, echo=lambda line: click.echo(line, err=True))
    except (ValueError, BuildError) as err:
        raise click.ClickException(str(err)) from None
    report = run(sqlite_utils.Database(db_path), extractor, load_claims(claims_file))
    scores = report.scores()
    unknown = sorted(set(targets) - set(scores))
    if unknown:
        raise click.BadParameter(f"unknown score(s) {', '.join(unknown)}; known: {', '.join(scores)}",
                                 param_hint="--require")
    click.echo(json.dumps(scores, indent=2) if as_json else claims_report(report, show_errors))
    below = below_targets(scores, targets)
    for line in below:
        click.echo(f"below target: {line}", err=True)
    if below:
        sys.exit(1)


def _where(row: dict) -> str:
    if row["file_start"] is not None:
        return f"{row['file']}:{row['file_start']}"
    return f"{row['file']}, page {row['page']}" if row["page"] else row["file"]


def _needs_reader(query: str) -> bool:
    """A query with words beside its number is read as a claim, to know its series."""
    from .query.trace import parse_query
    parsed = parse_query(query)
    return parsed is not None and bool(parsed[1])


@cli.command(name="trace")
@click.argument("query")
@db_option
@click.option("--json", "as_json", is_flag=True, help="The appearances, by section, as JSON.")
@click.option("--limit", type=click.IntRange(1), default=200, show_default=True,
              help="Show at most this many appearances, earliest first.")
def trace_command(query, db_path, as_json, limit):
    """Every appearance of a figure, earliest first: "21%", "vacancy rate 21%", "464"."""
    if not db_path.exists():
        raise click.ClickException(f"no database at {db_path}: run 'claims build' first")
    from .query.claim_reader import ClaimRefused, clean_query
    extractor = None
    if _needs_reader(clean_query(query)):
        from extract import Extractor
        extractor = Extractor()
    try:
        result = trace(sqlite_utils.Database(db_path), query, limit, extractor)
    except ClaimRefused as err:
        raise click.ClickException(str(err)) from None
    found = result["exact"] or result["rounded"]
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        sys.exit(0 if found else 1)
    for section in ("exact", "rounded"):
        if result[section] and result["rounded"]:
            click.echo(f"-- {'stated exactly' if section == 'exact' else 'rounded'} --")
        for row in result[section]:
            role = "origin" if row["is_origin"] else f"repeats {row['repeats']}" if row["repeats"] else "appearance"
            click.echo(f"{row['published'] or 'undated':<10}  {row['source']}  {row['document_title']}  [{role}]")
            click.echo(f"    {marked(row['sentence'], row['highlight'])}")
            click.echo(f"    {row['metric']}, {row['value']} {row['unit']}, period {row['period']} ({_where(row)})")
            for c in row["citations"]:
                click.echo(f"    footnote {c['number']}: {c['text'] or '(not in this excerpt)'}")
            click.echo("")
    if not found:
        click.echo(result["message"], err=True)
    if result["nearest"]:
        click.echo("Nearest figures, not matches:", err=True)
        for row in result["nearest"]:
            click.echo(f"  {row['mention']:>12}  {row['metric']:<18} {row['year']}  "
                       f"{row['source']}: {row['document_title']} ({row['why_not']})", err=True)
    if not found:
        sys.exit(1)


@cli.command(name="organisations")
@db_option
@click.option("--unknown", is_flag=True, help="Only publishers that are not in the registry.")
def organisations_command(db_path, unknown):
    """Organisations in the database, with how many documents they publish and figures they
    assert. --unknown lists the publishers to add to registry/organisations.yml."""
    if not db_path.exists():
        raise click.ClickException(f"no database at {db_path}: run 'claims build' first")
    db = sqlite_utils.Database(db_path)
    rows = db.query(
        "select o.name, o.kind, o.in_registry, "
        "(select count(*) from documents d where d.publisher_id = o.id) as documents, "
        "(select count(*) from statistics s where s.source_id = o.id) as statistics, "
        "(select group_concat(distinct d.publisher) from documents d where d.publisher_id = o.id) as given "
        "from organisations o " + ("where o.in_registry = 0 " if unknown else "") + "order by o.name")
    for row in rows:
        given = f"  (given as: {row['given']})" if unknown and row["given"] else ""
        click.echo(f"{row['name']:<32} {row['kind']:<13} {row['documents']:>5} documents "
                   f"{row['statistics']:>6} statistics{given}")


@cli.command(name="check")
@click.argument("text")
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the verdicts as JSON.")
def check_command(text, db_path, as_json):
    """Check a claim as quoted: each figure's verdict and reasons, its origin, every other
    statement of it and the newest figure of its series."""
    from extract import Extractor

    from .query.check import check_text
    from .query.claim_reader import ClaimRefused
    if not db_path.exists():
        raise click.ClickException(f"no database at {db_path}: run 'claims build' first")
    try:
        result = check_text(sqlite_utils.Database(db_path), Extractor(), text)
    except ClaimRefused as err:
        raise click.ClickException(str(err)) from None
    if as_json:
        click.echo(json.dumps(result, indent=2, ensure_ascii=False))
        return
    if not result["claims"]:
        click.echo("No figure found in the text.", err=True)
    for claim in result["claims"]:
        click.echo(f"{claim['mention']}: {claim['verdict']}")
        for reason in claim["reasons"]:
            click.echo(f"    {reason['verdict']}: {reason['text']}")
        origin = claim["origin"]
        if origin:
            click.echo(f"    origin: {origin['source']}, {origin['document_title']} ({origin['published'] or 'undated'}), "
                       f"period {origin['period']}: {marked(origin['sentence'], origin['highlight'])}")
        for other in claim["statements"]:
            click.echo(f"    also: {other['source']} ({other['published'] or 'undated'}), {other['agreement']}: "
                       f"{marked(other['sentence'], other['highlight'])}")
        if claim["newest"]:
            newest = claim["newest"]
            click.echo(f"    newest: {newest['mention']} for {newest['period']} ({newest['source']}, "
                       f"{newest['document_title']})")
        for row in claim["same_series_in_period"]:
            click.echo(f"    the corpus for that period: {row['mention']} ({row['source']}): {row['sentence']}")
        for row in claim["other_measures"][:5]:
            click.echo(f"    not a match: {row['mention']} ({row['source']}): {row['why_not']}")
        for row in claim["nearest"]:
            click.echo(f"    nearest, not a match: {row['mention']} {row['metric']} {row['period']} ({row['source']})")


PROJECT_ROOT = Path(__file__).resolve().parent.parent


@cli.command(name="serve")
@db_option
@click.option("--port", type=int, default=8001, show_default=True)
@click.option("--metadata", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              default=PROJECT_ROOT / "metadata.yml", show_default=True)
def serve_command(db_path, port, metadata):
    """Serve the database read-only with Datasette on 127.0.0.1; rebuilds are seen live."""
    if not db_path.exists():
        raise click.ClickException(f"no database at {db_path}: run 'claims build' first")
    problem = database_problem(db_path)
    if problem:
        raise click.ClickException(f"{db_path}: {problem}; rebuild it with 'claims build'")
    if db_path.stem != DATABASE:
        # Datasette names a database after its file; the site's pages and metadata expect "claims"
        link_dir = Path(tempfile.mkdtemp(prefix="claims-serve-"))
        (link_dir / f"{DATABASE}.db").symlink_to(db_path.resolve())
        db_path = link_dir / f"{DATABASE}.db"
    # not immutable: the server reads the last committed build, and a `claims build` that
    # commits while it runs is seen whole by every request that starts after it
    cmd = [sys.executable, "-m", "datasette", "serve", str(db_path), "--host", "127.0.0.1",
           "--port", str(port), *serve_arguments(metadata)]
    click.echo(f"Serving {db_path} at http://127.0.0.1:{port}/", err=True)
    sys.stderr.flush()
    # this process becomes the server, so stopping `claims serve` (Ctrl-C, SIGTERM) stops it
    os.execv(sys.executable, cmd)


@cli.command(name="bench")
@click.option("--seeds", type=click.Path(exists=True, file_okay=False, path_type=Path),
              default=Path("corpus"), show_default=True, help="Documents to recombine.")
@click.option("--work", type=click.Path(file_okay=False, path_type=Path),
              default=Path("build/bench"), show_default=True, help="Where corpora and databases go.")
@click.option("--scales", default="200,2000,20000", show_default=True,
              help="Corpus sizes in documents, comma-separated.")
@click.option("--workers", type=click.IntRange(1), default=DEFAULT_WORKERS, show_default=True)
@click.option("--report", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("docs/benchmarks.md"), show_default=True)
@click.option("--only", type=click.Choice(["files", "extraction"]),
              help="Measure one section and replace it in the report: files, one 50 MB file of each format; "
                   "extraction, words/s against the baselines on the smallest scale's corpus.")
@click.option("--file-mb", type=click.FloatRange(0.1, 50), default=50, show_default=True,
              help="With --only files: the size of each file in MB.")
def bench_command(seeds, work, scales, workers, report, only, file_mb):
    """Generate scaled corpora, time builds, rebuilds, trace and facet pages; write a report."""
    from .tools.bench import (extraction_markdown, files_markdown, markdown, measure_extraction_only, measure_files,
                              replace_section, run)
    work.mkdir(parents=True, exist_ok=True)
    if only == "extraction":
        documents = int(scales.split(",")[0])
        extraction = measure_extraction_only(seeds, work, documents)
        (work / "results-extraction.json").write_text(json.dumps(extraction, indent=2), "utf-8")
        old = report.read_text("utf-8") if report.exists() else "# Benchmarks\n"
        report.write_text(replace_section(old, extraction_markdown(extraction, documents)), "utf-8")
        click.echo(f"ours {extraction['ours_words_per_s']:,.0f} words/s, naive {extraction['naive_words_per_s']:,.0f}: "
                   f"{extraction['ours_words_per_s'] / extraction['naive_words_per_s']:.1f}x; wrote {report}", err=True)
        return
    if only == "files":
        def write(files: dict) -> None:  # after each file: a long run keeps what it measured
            (work / "results-files.json").write_text(json.dumps(files, indent=2), "utf-8")
            old = report.read_text("utf-8") if report.exists() else "# Benchmarks\n"
            report.write_text(replace_section(old, files_markdown(files)), "utf-8")
        measure_files(seeds, work, size=int(file_mb * 1e6), echo=lambda line: click.echo(line, err=True),
                      measured=write)
        click.echo(f"Wrote {report} and {work / 'results-files.json'}", err=True)
        return
    sizes = [int(n) for n in scales.split(",")]
    results = run(seeds, work, sizes, workers, echo=lambda line: click.echo(line, err=True))
    (work / "results.json").write_text(json.dumps(results, indent=2, default=str), "utf-8")
    command = "make bench" if sizes == [200, 2000, 20000] else f"claims bench --scales {scales}"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(markdown(results, command), "utf-8")
    click.echo(f"Wrote {report} and {work / 'results.json'}", err=True)



@cli.command(name="number-suite")
@click.option("--newsquant", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="NewsQuant's formatted test set (JSON), kept outside the repository.")
@click.option("--show-misses", is_flag=True, help="List the sentences whose values were not all read.")
def number_suite_command(newsquant, show_misses):
    """Strict value F1 of the quantity reader on public number suites (claims/tools/number_suite.py)."""
    from claims.tools import number_suite
    suites = {}
    try:
        suites["quantulum3"] = number_suite.quantulum_cases()
    except ModuleNotFoundError:
        click.echo("quantulum3 is not installed: pip install quantulum3", err=True)
    if newsquant:
        suites["NewsQuant"] = number_suite.newsquant_cases(newsquant)
    finder = number_suite.figure_finder()
    for name, cases in suites.items():
        result = number_suite.score(cases, finder)
        click.echo(f"{name:<12} sentences {len(cases):>4}  gold {result.gold:>4}  read {result.predicted:>4}  "
                   f"P {result.precision:.3f}  R {result.recall:.3f}  strict value F1 {result.f1:.3f}")
        if show_misses:
            for line in result.misses:
                click.echo(f"  {line}")


if __name__ == "__main__":
    cli()
