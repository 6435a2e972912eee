"""Series: the subject vocabulary (registry/subjects.yml), a figure's series key and the rule
that decides whether a claim's figure and a stored statistic measure the same thing."""
import pytest

from claims.query.series import SeriesKey, compatible, is_readable, same_series, series_key
from registry.subjects import is_part_of, scope_of, subject_label, subject_of


@pytest.mark.parametrize("text, subject", [
    ("PSOs", "probation_services_officers"),
    ("band 3", "probation_services_officers"),
    ("FTE band 3 probation services officers", "probation_services_officers"),
    ("a probation service officer", "probation_services_officers"),
    ("band 4 probation officers", "probation_officers"),
    ("POs", "probation_officers"),
    ("probation officer vacancies", "probation_officers"),
    ("all probation staff", "probation_staff"),
    ("Probation Service FTE staff in post", "probation_staff"),
    # "staff" alone says nothing of whose: never probation staff, so an HMPPS total is not
    ("staff", "staff"),
    ("58,437 FTE staff in post", "staff"),
    ("34,180 FTE staff in PSP", "prison_staff"),
    ("FTE staff in Public Sector Prisons", "prison_staff"),
    ("FTE staff in HMPPS HQ and Area Services", "hmpps_hq_staff"),
    ("HMPPS FTE staff in post", "hmpps_staff"),
    ("decrease in FTE band 3-5 prison officers", "prison_officers"),
    # "band 3" is not inside "band 3 to 5"
    ("3,491 band 3 to 5 officers were appointed", "prison_officers"),
    ("people on probation", "people_on_probation"),
    ("offenders supervised", "people_on_probation"),
    ("caseload population", "people_on_probation"),
    ("cases per officer", "cases_per_officer"),
    ("newly created community rehabilitation companies", "crcs"),
    ("CRCs", "crcs"),
    ("new probation regions", "probation_regions"),
    ("PDUs rated Inadequate", "pdus"),
    ("trainee probation officers (PQiPs) who joined", "trainee_probation_officers"),
    ("senior probation officers", "senior_probation_officers"),
    ("permanent probation posts", "posts"),
    ("one chief officer", "chief_probation_officers"),
])
def test_subject_of_names_the_population_counted(text, subject):
    assert subject_of(text) == subject


@pytest.mark.parametrize("text", ["March", "FTE band", "pos", "the government plans to recruit", "under probation", ""])
def test_words_that_count_nothing_have_no_subject(text):
    # "pos" is not "POs": an acronym matches only as written; the verb "recruit" is not
    # "recruits"; "probation" alone names no population
    assert subject_of(text) is None


def test_parents_make_parts():
    assert is_part_of("probation_officers", "probation_staff")
    assert is_part_of("probation_services_officers", "probation_practitioners")
    assert is_part_of("prison_officers", "hmpps_staff")
    assert not is_part_of("probation_staff", "probation_officers")
    assert not is_part_of("probation_officers", "probation_officers")
    assert not is_part_of("prison_officers", "probation_staff")
    assert subject_label("probation_services_officers") == "band 3 probation services officers"


@pytest.mark.parametrize("sentence, scope", [
    ("There are 21 probation officer vacancies in Kent.", "kent_surrey_sussex/kent"),
    ("vacancies in the PS Kent, Surrey & Sussex region", "kent_surrey_sussex"),
    ("people supervised by probation in England and Wales", "england_and_wales"),
    ("staff in Wales transferred from CRCs", "wales"),
    ("cases inspected at Essex North PDU", "pdu/essex_north"),
    ("the vacancy rate nationally was 12%", "england_and_wales"),
    ("The vacancy rate was 12%.", None),
])
def test_scope_is_where_the_text_says_a_figure_holds(sentence, scope):
    assert scope_of(sentence) == scope


def test_series_key_from_a_statistics_fields():
    key = series_key("staff_in_post", "FTE band 3 probation services officers in post", "count", "level",
                     "There were 3,550 FTE band 3 probation services officers in Wales at March 2023.")
    assert key == SeriesKey("staff_in_post", "probation_services_officers", "count", "level", "wales")
    # a subject id is taken as it is; no sentence, no scope
    assert series_key("staff_in_post", "probation_officers", "count", None) == \
        SeriesKey("staff_in_post", "probation_officers", "count", "level", None)
    assert key.id == series_key("staff_in_post", "PSOs", "count", "level", "in Wales").id
    assert key.label == "Staff in post: band 3 probation services officers (count, Wales)"


PSO_STAFF = series_key("staff_in_post", "PSOs", "count", "level")


@pytest.mark.parametrize("claim, stat, allows_parts, expected", [
    # "PSOs" and "band 3 probation services officers" are one subject
    (PSO_STAFF, series_key("staff_in_post", "band 3 probation services officers", "count", "level"), False, True),
    # the trap of issue 21: 21 vacancies is not 21 CRCs (metric other, another subject)
    (series_key("vacancies", "probation officer vacancies", "count", "level", "21 probation officer vacancies in Kent"),
     series_key("other", "newly created community rehabilitation companies", "count", "level"), False, False),
    (series_key("vacancies", "probation officer vacancies", "count", "level"),
     series_key("vacancies", "community rehabilitation companies", "count", "level"), False, False),
    # another population of the same metric
    (PSO_STAFF, series_key("staff_in_post", "prison officers", "count", "level"), False, False),
    # the same people in another unit, or as a change rather than a level
    (PSO_STAFF, series_key("staff_in_post", "PSOs", "percent", "level"), False, False),
    (PSO_STAFF, series_key("staff_in_post", "PSOs", "count", "change"), False, False),
    # a part stands for its whole only when the claim says so
    (series_key("staff_in_post", "probation staff", "count", "level"),
     series_key("staff_in_post", "band 4 probation officers", "count", "level"), False, False),
    (series_key("staff_in_post", "probation staff", "count", "level"),
     series_key("staff_in_post", "band 4 probation officers", "count", "level"), True, True),
    # scopes: equal or one unstated
    (series_key("vacancies", "probation officers", "count", "level", "vacancies in Kent"),
     series_key("vacancies", "probation officers", "count", "level", "vacancies across England and Wales"), False, False),
    (series_key("vacancies", "probation officers", "count", "level", "vacancies in Kent"),
     series_key("vacancies", "probation officers", "count", "level", "vacancies rose"), False, True),
    # a claim that says nothing readable matches nothing
    (series_key("other", "PSOs", "count", "level"), series_key("other", "PSOs", "count", "level"), False, False),
    (series_key(None, "PSOs", "count", "level"), series_key("staff_in_post", "PSOs", "count", "level"), False, False),
    (series_key("staff_in_post", "FTE band", "count", "level"),
     series_key("staff_in_post", "FTE band", "count", "level"), False, False),
    # a metric that names what it counts needs no subject
    (series_key("recall_population", None, "count", "level"),
     series_key("recall_population", "recall prison population", "count", "level"), False, True),
])
def test_compatible_only_when_both_measure_the_same_thing(claim, stat, allows_parts, expected):
    assert compatible(claim, stat, claim_allows_parts=allows_parts) is expected


def test_readable_and_same_series():
    assert not is_readable(series_key("vacancies", None, "count", "level"))
    assert is_readable(series_key("inflation", None, "percent", "level"))
    a = series_key("staff_in_post", "probation staff", "count", "level")
    b = series_key("staff_in_post", "band 4 probation officers", "count", "level")
    assert same_series(a, a) and not same_series(a, b)


def test_claims_read_by_the_pipeline_get_their_series(extractor):
    from claims.query.claim_reader import claim_document
    text = ("There are 21 probation officer vacancies in Kent. The rest of the probation service was "
            "allocated to 21 newly created community rehabilitation companies in 2014.")
    [stats] = extractor.extract([claim_document(text)])
    keys = [series_key(s.metric, s.subject, s.unit, s.measure, s.sentence) for s in stats]
    assert [(k.metric, k.subject, k.scope) for k in keys] == [
        ("vacancies", "probation_officers", "kent_surrey_sussex/kent"), ("other", "crcs", None)]
    assert not compatible(keys[0], keys[1]) and not compatible(keys[1], keys[0])


# -- the series table and statistics.series_id, built and rebuilt -------------------------

def _series_state(path):
    import sqlite_utils
    db = sqlite_utils.Database(path)
    series = {tuple(r[c] for c in ("id", "label", "statistics", "sources", "first_period", "last_period"))
              for r in db.query("select * from series")}
    members = {(r["file"], r["start"], r["series_id"], r["subject_id"], r["scope"])
               for r in db.query("select file, start, series_id, subject_id, scope from statistics")}
    return series, members


def test_series_table_after_an_incremental_build_equals_a_full_one(tmp_path, extractor):
    from conftest import CORPUS

    from claims.build.build import build
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("001_741b4b0b39277c09.txt", "004_99fb86074057d25d.txt"):
        (corpus / name).write_bytes((CORPUS / name).read_bytes())
    db_path = tmp_path / "claims.db"
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    (corpus / "new.txt").write_text("---\npublisher: Napo\nkind: union\n---\nNew\n"
                                    "There were 77 probation officer vacancies in Wales in 2024.\n", "utf-8")
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    (corpus / "001_741b4b0b39277c09.txt").unlink()
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    full = tmp_path / "full.db"
    build(corpus, full, extractor=extractor, echo=lambda line: None)
    assert _series_state(db_path) == _series_state(full)
    series, members = _series_state(db_path)
    wales = [m for m in members if m[0] == "new.txt"]
    assert [(m[3], m[4]) for m in wales] == [("probation_officers", "wales")]
    [row] = [s for s in series if s[0] == wales[0][2]]
    assert row[1:4] == ("Vacancies: band 4 probation officers (count, Wales)", 1, 1)
    # every series a statistic names is in the table, with its count
    counts = {}
    for m in members:
        if m[2]:
            counts[m[2]] = counts.get(m[2], 0) + 1
    assert {s[0]: s[2] for s in series} == counts


def test_a_new_series_rule_recomputes_the_series_of_statistics_carried_over(tmp_path, extractor, monkeypatch):
    import sqlite_utils
    from conftest import CORPUS

    from claims.build import series_table
    from claims.build.build import build
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_bytes((CORPUS / "004_99fb86074057d25d.txt").read_bytes())
    db_path = tmp_path / "claims.db"
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    db = sqlite_utils.Database(db_path)
    before = dict(db.execute("select id, series_id from statistics").fetchall())
    assert any(before.values())
    db.execute("update statistics set series_id = 'stale', subject_id = null")
    db.conn.commit()
    db.close()
    # an unchanged corpus is not rebuilt; a changed rule is seen by the next build that runs
    (corpus / "b.txt").write_text("---\npublisher: Napo\nkind: union\n---\nNew\n"
                                  "There were 12 PSOs in post in Wales in 2024.\n", "utf-8")
    monkeypatch.setattr(series_table, "series_version", lambda: "a-new-rule")
    build(corpus, db_path, extractor=extractor, echo=lambda line: None)
    db = sqlite_utils.Database(db_path)
    after = dict(db.execute("select id, series_id from statistics where file = 'a.txt'").fetchall())
    assert after == before
    assert db.execute("select value from meta where key = 'series_version'").fetchone()[0] == "a-new-rule"
    assert db.execute("select count(*) from series where id = 'stale'").fetchone()[0] == 0


@pytest.mark.parametrize("metric, subject, sentence, source, expected", [
    # a bare "staff" of a staff metric is the staff of the one body its sentence names
    ("staff_in_post", "staff", "The Probation Service had 12,345 FTE staff at the end of May 2021.", None,
     "probation_staff"),
    ("staff_in_post", "staff", "Roughly 3,000 staff worked in public sector prisons in Wales.", None, "prison_staff"),
    ("leavers", None, "The overall leaving rate across HMPPS stood at 9.9%.", None, "hmpps_staff"),
    # two bodies named: whose staff is not said
    ("staff_in_post", "staff", "HMPPS said the Probation Service had 12,345 staff.", None, "staff"),
    # none named: the staff of the body stating it, when that body has staff of its own
    ("staff_in_post", "staff", "12,345 FTE staff in post", "HMPPS", "hmpps_staff"),
    ("staff_in_post", "staff", "12,345 FTE staff in post", "Napo", "staff"),
    # an unread population is never given the stating body's staff
    ("staff_in_post", None, "12,345", "HMPPS", None),
    # not a staff metric: the body's name says nothing of who is counted
    ("caseload", "staff", "The Probation Service said 40 staff held the cases.", None, "staff"),
])
def test_a_bare_staff_is_the_staff_of_the_body_named(metric, subject, sentence, source, expected):
    assert series_key(metric, subject, "count", "level", sentence, source=source).subject == expected


def test_a_subject_may_name_the_metric_it_is_under():
    # the prisoners of a recall-population figure are those recalled; a "prison population" of
    # recalled prisoners is the recall population
    assert series_key("recall_population", "prisoners", "count").subject == "recalled_prisoners"
    assert series_key("prison_population", "prisoners on recall", "count") == series_key(
        "recall_population", "the number of prisoners", "count")
    assert series_key("prison_population", "prisoners", "count").metric == "prison_population"


@pytest.mark.parametrize("sentence,subject", [
    # a bare "officers" are the officers of the one body the sentence names, when it names no probation
    ("Prisons took on 3,491 new officers over 2024.", "prison_officers"),
    ("Back in 2021 the prison service appointed 5,503 officers.", "prison_officers"),
    ("The probation service recruited 1,000 officers in 2021.", "probation_officers"),
    ("There were 4,000 officers in post.", "probation_officers"),
])
def test_bare_officers_are_the_officers_of_the_body_named(sentence, subject):
    from claims.query.series import series_key
    assert series_key("recruitment", "officers", "count", "level", sentence).subject == subject
