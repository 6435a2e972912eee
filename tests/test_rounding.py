"""One rule for "the same figure, rounded" (claims/query/rounding.py), and trace, check and
conflicts all keeping to it."""
import pytest
import sqlite_utils

from claims.query.conflicts import beyond_rounding, find_conflicts
from claims.query.rounding import agree, claim_interval, direction, holds, rounding_tolerance


@pytest.mark.parametrize("mention,value,unit,comparator,expected", [
    ("21%", 21, "percent", "=", 0.5),
    ("20%", 20, "percent", "=", 0.5),  # a share is written to the point
    ("120%", 120, "percent", "=", 5),  # past 100%, a round number: at most 5% either side
    ("118%", 118, "percent", "=", 0.59),  # to the point (0.5% of the value, the least any figure has)
    ("4,400", 4400, "count", "=", 50),  # to the hundred, as written
    ("4,418", 4418, "count", "=", 22.09),
    ("about 4,400", 4400, "count", "~", 100),  # "about": one unit of the last written digit
    ("about 20,500", 20500, "count", "~", 102.5),  # never under 0.5% of the value, for two statements
    ("about 21%", 21, "percent", "~", 1),
    ("about 500", 500, "count", "~", 50),
    ("600", 600, "count", "=", 30),  # a round count: at most 5% either side
    ("1,000", 1000, "count", "=", 50),
    ("£1bn", 1e9, "gbp", "=", 5e7),
    ("3.5 million", 3.5e6, "count", "=", 5e4),
    ("25k", 25000, "count", "=", 500),
    ("one in five", 20, "percent", "=", 2.5),
    ("about 600", 600, "count", "~", 60),
    ("7", 7, "count", "=", 0.5),
])
def test_what_a_written_figure_stands_for(mention, value, unit, comparator, expected):
    assert rounding_tolerance(mention, value, unit, comparator) == pytest.approx(expected)


@pytest.mark.parametrize("a,b,same", [
    (("one in five", 20, "percent"), ("21%", 21, "percent"), True),
    (("21%", 21, "percent"), ("21.3%", 21.3, "percent"), True),
    (("600", 600, "count"), ("613", 613, "count"), True),
    (("20%", 20, "percent"), ("24%", 24, "percent"), False),
    (("3,550", 3550, "count"), ("3,650", 3650, "count"), False),
    (("£1bn", 1e9, "gbp"), ("£1.04bn", 1.04e9, "gbp"), True),
])
def test_agree_is_symmetric_and_conflicts_are_its_opposite(a, b, same):
    tol_a, tol_b = rounding_tolerance(a[0], a[1], a[2]), rounding_tolerance(b[0], b[1], b[2])
    assert agree(a[1], tol_a, b[1], tol_b) is same
    assert agree(b[1], tol_b, a[1], tol_a) is same
    assert beyond_rounding(a[1], a[0], b[1], b[0], a[2]) is not same


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, extractor):
    folder = tmp_path_factory.mktemp("rounding")
    corpus = folder / "corpus"
    corpus.mkdir()
    for name, publisher, kind, text in [
            ("hmpps.txt", "HM Prison and Probation Service", "statistics",
             "There were 613 probation officer vacancies in 2024. The vacancy rate was 20.6% in 2024."),
            ("blog.txt", "On Probation blog", "blog", "There were 600 probation officer vacancies in 2024."),
            ("napo.txt", "Napo", "union", "There were 700 probation officer vacancies in 2024.")]:
        (corpus / name).write_text(f"---\npublisher: {publisher}\nkind: {kind}\npublished: 2025-01-10\n---\n"
                                   f"Title\n{text}\n", "utf-8")
    from claims.build.build import build
    build(corpus, folder / "claims.db", extractor=extractor, echo=lambda line: None)
    return folder / "claims.db"


def test_trace_check_and_conflicts_read_rounding_alike(db_path, extractor):
    from claims.query.check import check_text
    from claims.query.trace import trace
    db = sqlite_utils.Database(db_path)
    # trace: "600" finds the 613 it rounds, never the 700
    found = trace(db, "600 vacancies")
    assert sorted(r["mention"] for r in found["exact"] + found["rounded"]) == ["600", "613"]
    # check finds what trace finds
    [claim] = check_text(db, extractor, "There were 600 probation officer vacancies in 2024.")["claims"]
    assert sorted(m["mention"] for m in [claim["origin"], *claim["statements"]]) == ["600", "613"]
    # a claim rounds a statement when the claim's interval holds the statement's value: "630"
    # is more precise than the blog's "600", which cannot be where it came from
    [claim] = check_text(db, extractor, "There were 630 probation officer vacancies in 2024.")["claims"]
    assert claim["verdict"] == "not_found"
    # "about 620" is 610-630: the official 613 (Napo's 700 conflicts with it), never the blog's 600
    [claim] = check_text(db, extractor, "There were about 620 probation officer vacancies in 2024.")["claims"]
    assert "rounded" in claim["verdicts"] and [m["mention"] for m in [claim["origin"], *claim["statements"]]] == ["613"]
    # conflicts: 600 and 613 agree; 700 conflicts with both
    pairs = {frozenset((c["value_a"], c["value_b"])) for c in find_conflicts(db)}
    assert pairs == {frozenset((613.0, 700.0)), frozenset((600.0, 700.0))}


@pytest.mark.parametrize("mention,value,unit,comparator", [
    ("600", 600, "count", "="), ("1,000", 1000, "count", "="), ("£1bn", 1e9, "gbp", "="),
    ("3.5 million", 3.5e6, "count", "="), ("25k", 25000, "count", "="), ("one in five", 20, "percent", "="),
    ("a dozen", 12, "count", "="), ("about 600", 600, "count", "~"), ("20%", 20, "percent", "="),
    ("seven", 7, "count", "="), ("£40", 40, "gbp", "="),
])
def test_the_sql_filter_trace_reads_loose_figures_by_is_never_narrower_than_the_rule(mention, value, unit, comparator):
    """`claims trace` reads loosely written figures through a partial index and a first SQL
    bound; both must keep every figure the rule (rounding_tolerance) would let agree."""
    import sqlite3

    from claims.query.rounding import LOOSE_REACH_SQL, LOOSELY_WRITTEN_SQL
    conn = sqlite3.connect(":memory:")
    conn.execute("create table statistics (mention, value, unit, comparator)")
    conn.execute("insert into statistics values (?, ?, ?, ?)", [mention, value, unit, comparator])
    loose, reach = conn.execute(f"select {LOOSELY_WRITTEN_SQL}, {LOOSE_REACH_SQL} from statistics").fetchone()
    assert loose == 1
    assert reach >= rounding_tolerance(mention, value, unit, comparator)


def test_the_loose_figures_index_is_built(db_path):
    from claims.build.schema import LOOSELY_WRITTEN_INDEX
    db = sqlite_utils.Database(db_path)
    assert LOOSELY_WRITTEN_INDEX in {i.name for i in db["statistics"].indexes}


def test_a_rounding_is_a_figure_of_the_same_unit(db_path):
    from claims.query.trace import trace
    db = sqlite_utils.Database(db_path)
    found = trace(db, "a vacancy rate of 21%")
    assert [r["mention"] for r in found["exact"] + found["rounded"]] == ["20.6%"]
    found = trace(db, "21 vacancies")  # 20.6% is no rounding of a count of 21
    assert found["exact"] + found["rounded"] == [] and found["message"]


@pytest.mark.parametrize("mention,value,unit,comparator,before,inside,outside", [
    # written precision: the digits written are what the writer knew
    ("4,400", 4400, "count", "=", "", [4418, 4371], [4458, 4300]),
    ("464", 464, "count", "=", "", [464], [500, 463]),  # a precise figure rounds nothing looser
    ("111.7%", 111.7, "percent", "=", "", [111.7], [118, 112]),
    # "about" widens to one unit of the last written digit either side
    ("about 4,400", 4400, "count", "~", "", [4300, 4458, 4500], [4290, 4510]),
    ("112%", 112, "percent", "~", "about ", [111.7, 112.9], [110, 118]),
    ("20,500", 20500, "count", "~", "Roughly ", [20477], [19850, 20055]),
    ("500", 500, "count", "~", "About ", [464, 536], [440]),
    ("120%", 120, "percent", "~", "around ", [118, 111], [108]),  # a round number past 100%
    # words of direction: the value lies on the side they say
    ("a third", 100 / 3, "percent", "~", "Nearly ", [29, 33], [28, 34]),
    ("1,000", 1000, "count", "~", "fell by nearly ", [988, 1000], [1010, 880]),
    ("3,000", 3000, "count", "<", "Fewer than ", [2888], [3100, 2600]),
    ("600", 600, "count", ">", "more than ", [613, 650], [590, 700]),
    ("75,000", 75000, "count", "~", "almost ", [74600, 75000], [75400]),
    ("1,000", -1000, "count", "~", "a fall of nearly ", [-988, -1000], [-1010, -880]),  # a smaller fall
])
def test_a_claim_stands_for_what_its_writer_rounded(mention, value, unit, comparator, before, inside, outside):
    interval = claim_interval(mention, value, unit, comparator, before)
    assert [v for v in inside if not holds(interval, v)] == []
    assert [v for v in outside if holds(interval, v)] == []


@pytest.mark.parametrize("mention,value,high,unit,inside,outside", [
    ("7-10%", 7, 10, "percent", [6.6, 8, 10.4], [6.4, 10.6]),
    ("between 4,000 and 4,500", 4000, 4500, "count", [4000, 4371, 4500], [3900, 4600]),
])
def test_a_claimed_range_stands_for_every_value_between_its_ends(mention, value, high, unit, inside, outside):
    interval = claim_interval(mention, value, unit, "=", "", high)
    assert [v for v in inside if not holds(interval, v)] == []
    assert [v for v in outside if holds(interval, v)] == []


@pytest.mark.parametrize("comparator,before,side", [
    ("~", "Nearly ", "below"), ("~", "almost ", "below"), ("~", "it came close to ", "below"),
    ("<", "fewer than ", "below"), (">", "over ", "above"), ("~", "just over ", "above"),
    ("~", "about ", None), ("=", "", None), ("~", "an estimated ", None),
])
def test_words_before_a_figure_say_which_side_of_it_the_value_lies(comparator, before, side):
    assert direction(comparator, before) == side


@pytest.mark.parametrize("a,b,conflict", [
    (("40%", 40, "~"), ("34%", 34, "~"), True),  # "around 40%" and "approximately 34%": two figures
    (("40%", 40, "~"), ("39%", 39, "="), False),  # "about 40%" may be 39%
    (("4,400", 4400, "~"), ("4,418", 4418, "="), False),
    (("4,400", 4400, "~"), ("4,600", 4600, "="), True),
])
def test_approximate_statements_conflict_only_beyond_their_written_interval(a, b, conflict):
    assert beyond_rounding(a[1], a[0], b[1], b[0], "percent" if "%" in a[0] else "count", a[2], b[2]) is conflict
    assert beyond_rounding(b[1], b[0], a[1], a[0], "percent" if "%" in a[0] else "count", b[2], a[2]) is conflict
