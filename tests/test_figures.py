"""Figure clusters (claims/build/figures.py): statements of the same figure are grouped by
series (metric, subject, unit, measure, scope), value and year, never by metric alone."""
import sqlite_utils

from claims.build.build import build

UNION = "---\npublisher: Napo\nkind: union\npublished: 2024-02-01\n---\n{title}\n{text}\n"
STATS = "---\npublisher: HMPPS\nkind: statistics\npublished: 2024-01-15\n---\n{title}\n{text}\n"


def _figures(db_path):
    db = sqlite_utils.Database(db_path)
    return sorted(((r["sentence"][:40], r["subject_id"], r["scope"], r["appearances"], r["origin"])
                  for r in db.query(
                      "select s.sentence, s.subject_id, s.scope, f.appearances, o.source as origin "
                      "from statistics s left join figures f on f.id = s.figure_id "
                      "left join statistics o on o.id = f.origin_statistic_id where s.value = 8300")), key=lambda f: tuple("" if v is None else str(v) for v in f))


def _write(corpus, files):
    for name, (template, title, text) in files.items():
        (corpus / name).write_text(template.format(title=title, text=text), "utf-8")


CORPUS = {
    "hmpps.txt": (STATS, "Workforce statistics", "At 31 December 2023 there were 8,300 probation staff in post."),
    "napo.txt": (UNION, "Staffing", "In December 2023 there were 8,300 probation staff in post, a crisis."),
    # the same number, year and metric, of other people or another place: other figures
    "prisons.txt": (UNION, "Prisons", "In December 2023 there were 8,300 prison staff in post."),
    "wales.txt": (UNION, "Wales", "In December 2023 there were 8,300 probation staff in post in Wales."),
}


def test_statements_of_one_series_are_one_figure_and_other_series_are_not(tmp_path, extractor):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, CORPUS)
    build(corpus, tmp_path / "claims.db", extractor=extractor, echo=lambda line: None)
    assert _figures(tmp_path / "claims.db") == [
        ("At 31 December 2023 there were 8,300 pro", "probation_staff", None, 2, "HMPPS"),
        ("In December 2023 there were 8,300 prison", "prison_staff", None, 1, "Napo"),
        ("In December 2023 there were 8,300 probat", "probation_staff", None, 2, "HMPPS"),
        ("In December 2023 there were 8,300 probat", "probation_staff", "wales", 1, "Napo")]


def test_a_statistic_whose_population_is_unread_is_no_appearance_of_anything(tmp_path, extractor):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, {**CORPUS, "bare.txt": (UNION, "Bare", "In December 2023 the figure was 8,300 in post.")})
    build(corpus, tmp_path / "claims.db", extractor=extractor, echo=lambda line: None)
    bare = [f for f in _figures(tmp_path / "claims.db") if f[0].startswith("In December 2023 the figure")]
    assert bare == [("In December 2023 the figure was 8,300 in", None, None, None, None)]


def test_figures_after_incremental_builds_equal_a_full_build(tmp_path, extractor):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, {k: CORPUS[k] for k in ("hmpps.txt", "prisons.txt")})
    db_path = tmp_path / "claims.db"
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    _write(corpus, {k: CORPUS[k] for k in ("napo.txt", "wales.txt")})
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    # a statement read again as measuring something else leaves its old figure
    _write(corpus, {"napo.txt": (UNION, "Staffing", "In December 2023 there were 8,300 prison staff in post, a crisis.")})
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    (corpus / "hmpps.txt").unlink()
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    full = tmp_path / "full.db"
    build(corpus, full, extractor=extractor, echo=lambda line: None)
    assert _figures(db_path) == _figures(full)
    assert [f[1:4] for f in _figures(full)] == [("prison_staff", None, 2), ("prison_staff", None, 2),
                                               ("probation_staff", "wales", 1)]


def test_a_metrics_main_series_is_the_whole_countrys_before_a_regions(tmp_path, extractor):
    from claims.site.charts import main_series
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    _write(corpus, {
        "regions.txt": (STATS, "Vacancies by region", "The table below shows probation officer vacancies by "
                                                      "region at 30 September 2023:\n\nRegion\n\nVacancies\n\nPS London"
                                                      "\n\n457\n\nPS Wales\n\n12\n\nPS South West\n\n74"),
        "national.txt": (UNION, "Vacancies", "In September 2023 there were 1,650 probation officer vacancies."),
    })
    build(corpus, tmp_path / "claims.db", extractor=extractor, echo=lambda line: None)
    ranked = main_series(sqlite_utils.Database(tmp_path / "claims.db"), "vacancies")
    assert [r["scope"] for r in ranked] == [None, "london", "south_west", "wales"]
