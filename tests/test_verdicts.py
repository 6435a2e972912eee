"""Matching by meaning (issue 21) and bounded, cleaned queries (issue 22 row 6): a claim's
figure matches a statistic only when both measure the same series and their values agree
within rounding; one headline verdict per claim; the site's JSON is the CLI's; a check as
ClaimReview; the time limit and the caps answer with a message."""
import asyncio
import json
from datetime import date

import pytest
import sqlite_utils
from click.testing import CliRunner

from claims.cli import cli
from conftest import invented_database

pytestmark = pytest.mark.usefixtures("shared_extractor")

# invented documents holding the traps of issue 21: the same numbers measuring other things
FILES = {
    "unison_crcs.txt": ("UNISON", "union", "2015-03-01",
                        "The rest of the probation service was allocated to 21 newly created community "
                        "rehabilitation companies in 2014."),
    "hmpps_appointments.txt": ("HM Prison and Probation Service", "statistics", "2020-11-12",
                               "In the year to 30 September 2020 there was a 38.4% rise in appointments of "
                               "probation officers."),
    "committee_vacancies.txt": ("Justice Committee", "committee", "2021-04-23",
                                "As of 8 December 2020, there were 464 probation officer vacancies."),
    "hmpps_2022.txt": ("HM Prison and Probation Service", "statistics", "2022-11-10",
                       "On 30 September 2022 there were 4,371 band 4 probation officers in post."),
    "hmpps_2023.txt": ("HM Prison and Probation Service", "statistics", "2023-08-10",
                       "The number of band 4 probation officers in post was 4,418 on 30 June 2023."),
    "blog_repeat.txt": ("On Probation blog", "blog", "2022-12-01",
                        "On 30 September 2022 there were about 4,400 band 4 probation officers in post."),
}


@pytest.fixture(scope="module")
def db_path(tmp_path_factory, extractor):
    return invented_database(tmp_path_factory.mktemp("verdicts"), FILES, extractor)


def check(db_path, extractor, text):
    from claims.query.check import check_text
    return check_text(sqlite_utils.Database(db_path), extractor, text, today=date(2026, 12, 7))["claims"]


def test_the_same_number_counting_other_things_is_not_found_and_listed_apart(db_path, extractor):
    [claim] = check(db_path, extractor, "There are 21 probation officer vacancies in Kent.")
    assert claim["verdict"] == "not_found" and claim["origin"] is None and claim["statements"] == []
    [other] = claim["other_measures"]
    assert (other["mention"], other["source"]) == ("21", "UNISON")
    assert other["series"].startswith("Other: community rehabilitation companies")


def test_a_share_of_leavers_is_no_rounding_of_a_rise_in_appointments(db_path, extractor):
    [claim] = check(db_path, extractor, "37% of new probation officers quit.")
    assert claim["verdicts"] == ["not_found"]
    assert "38.4%" not in [r["mention"] for r in claim["other_measures"] + claim["statements"]]


def test_a_claim_whose_metric_is_unread_matches_nothing(db_path, extractor):
    [claim] = check(db_path, extractor, "It was 464.")
    assert not claim["readable"] and claim["verdict"] == "not_found"
    assert [r["mention"] for r in claim["other_measures"]] == ["464"]
    assert "could not be read" in claim["reasons"][0]["text"]


def test_a_wrong_figure_shows_what_the_corpus_states_for_its_series_and_period(db_path, extractor):
    [claim] = check(db_path, extractor, "There were 500 probation officer vacancies in December 2020.")
    assert claim["verdict"] == "not_found"
    assert [r["mention"] for r in claim["same_series_in_period"]] == ["464"]
    # said without whose vacancies, it matches nothing, and the period's vacancies are shown
    [vague] = check(db_path, extractor, "500 vacancies in December 2020")
    assert not vague["readable"] and vague["verdict"] == "not_found"
    assert [r["mention"] for r in vague["same_series_in_period"]] == ["464"]


def test_a_season_is_the_claims_period(db_path, extractor):
    [claim] = check(db_path, extractor, "There were about 4,400 band 4 probation officers in autumn 2022.")
    assert claim["period"] == "2022-09..2022-11"
    assert (claim["verdict"], claim["origin"]["mention"], claim["origin"]["period"]) == ("rounded", "4,371", "2022-09-30")


def test_one_verdict_per_claim_with_origin_repeats_and_newest(db_path, extractor):
    [claim] = check(db_path, extractor, "There were about 4,400 band 4 probation officers in post in September 2022.")
    # rounded (the official figure is 4,371), and not superseded: the claim is about September 2022
    assert (claim["verdict"], claim["verdicts"]) == ("rounded", ["rounded"])
    origin = claim["origin"]
    assert (origin["mention"], origin["source"], origin["period"]) == ("4,371", "HMPPS", "2022-09-30")
    assert origin["sentence"][slice(*origin["highlight"])] == "4,371"
    # the blog's "about 4,400" repeats it; the 2023 figure is another period, and the newest
    assert [(r["mention"], r["source"], r["same_period"]) for r in claim["statements"]] == [
        ("4,400", "On Probation blog", True), ("4,418", "HMPPS", False)]
    assert claim["statements"][0]["agreement"] == "rounded: 4,400 for 4,371"
    assert (claim["newest"]["mention"], claim["newest"]["period"]) == ("4,418", "2023-06-30")
    # said of now, it is read against the newest figure it agrees with: 4,418, rounded
    [now] = check(db_path, extractor, "There are about 4,400 band 4 probation officers in post.")
    assert (now["verdicts"], now["origin"]["mention"], now["newest"]) == (["rounded"], "4,418", None)
    # an old figure said of now is superseded, and that heads the verdicts
    [old] = check(db_path, extractor, "There are 4,371 band 4 probation officers in post.")
    assert old["verdicts"] == ["superseded", "matches"]
    assert old["reasons"][0]["text"] == "A newer figure of the same series: 4,418 for 2023-06-30 (HMPPS)."


def test_misattribution_heads_the_verdicts(db_path, extractor):
    [claim] = check(db_path, extractor, "According to Napo, there were 464 probation officer vacancies in "
                                        "December 2020.")
    assert claim["verdicts"] == ["misattributed", "matches"]
    assert [r["verdict"] for r in claim["reasons"]] == ["misattributed", "matches"]
    # naming the ministry HMPPS is part of is no misattribution of HMPPS's figure
    [claim] = check(db_path, extractor, "According to the Ministry of Justice, there were 4,371 band 4 probation "
                                        "officers in post in September 2022.")
    assert claim["named_source"] == "MoJ" and claim["verdicts"] == ["matches"]


def test_trace_with_words_keeps_to_the_series_and_says_no(db_path, extractor):
    from claims.query.trace import trace
    db = sqlite_utils.Database(db_path)
    found = trace(db, "21 probation officer vacancies", extractor=extractor)
    assert found["exact"] == [] and found["rounded"] == []
    assert found["message"] == "No figure in the corpus matches '21 probation officer vacancies'."
    assert [r["mention"] for r in found["nearest"]][:1] == ["21"]
    assert found["nearest"][0]["why_not"].startswith("the same number, measuring something else")


def test_a_bare_number_is_traced_in_every_series_but_a_looser_figure_is_not_its_rounding(db_path):
    from claims.query.trace import trace
    db = sqlite_utils.Database(db_path)
    found = trace(db, "464")
    assert [r["mention"] for r in found["exact"]] == ["464"] and found["exact"][0]["is_origin"]
    # "about 4,400" could stand for 4,371, but a bare 4,371 says nothing of what it measures
    found = trace(db, "4,371")
    assert [r["mention"] for r in found["exact"]] == ["4,371"] and found["rounded"] == []
    assert [r["mention"] for r in found["nearest"]] == ["4,400"]


@pytest.mark.parametrize("text", ["２１％ of probation officers", "2\u200b1% of probation officers",
                                  "\u202e21% of probation officers"])
def test_full_width_digits_and_invisible_characters_are_read_as_written(text):
    from claims.query.claim_reader import clean_query
    assert clean_query(text) == "21% of probation officers"


def test_a_paste_past_the_caps_is_refused_never_cut(db_path, extractor):
    from claims.query.claim_reader import MAX_CLAIM_CHARS, MAX_FIGURES, ClaimRefused
    with pytest.raises(ClaimRefused, match=f"at most {MAX_CLAIM_CHARS:,}"):
        check(db_path, extractor, "x" * (MAX_CLAIM_CHARS + 1))
    with pytest.raises(ClaimRefused, match=f"at most {MAX_FIGURES} figures"):
        check(db_path, extractor, " ".join(["1%"] * (MAX_FIGURES + 1)))
    # the same figure pasted twice is checked once
    assert len(check(db_path, extractor, "464 probation officer vacancies. 464 probation officer vacancies.")) == 1


def test_a_check_past_its_time_limit_stops_with_a_message(db_path):
    from claims.query.limits import TimeLimitExceeded, time_limit
    db = sqlite_utils.Database(db_path)
    with pytest.raises(TimeLimitExceeded, match="longer than the 0.01 seconds"):
        with time_limit(db.conn, 0.01):
            db.execute("with recursive n(i) as (select 1 union all select i + 1 from n) select count(*) from n").fetchall()
    # the connection answers again afterwards
    assert db.execute("select 1").fetchone() == (1,)


def site_get(db_path, path):
    from claims.site import site
    return asyncio.run(site.datasette(db_path).client.get(path))


@pytest.mark.parametrize("command,path,query", [
    ("check", "/-/check.json", "According to Napo, there were 464 probation officer vacancies in December 2020."),
    ("check", "/-/check.json", "There are 21 probation officer vacancies in Kent."),
    ("trace", "/-/trace.json", "464"),
    ("trace", "/-/trace.json", "21 probation officer vacancies"),
])
def test_json_endpoints_answer_with_the_clis_json(db_path, command, path, query):
    from urllib.parse import urlencode
    cli_json = json.loads(CliRunner().invoke(cli, [command, query, "--db", str(db_path), "--json"]).output)
    response = site_get(db_path, f"{path}?{urlencode({'q': query})}")
    assert response.status_code == 200
    assert response.json() == cli_json


def test_the_site_answers_a_refused_paste_with_its_message(db_path):
    from claims.query.claim_reader import MAX_FIGURES
    response = site_get(db_path, "/-/check.json?q=" + "+".join(["1%25"] * (MAX_FIGURES + 1)))
    assert response.status_code == 400
    assert response.json()["error"].endswith(f"a check reads at most {MAX_FIGURES} figures. Paste fewer.")
    page = site_get(db_path, "/-/check?q=" + "+".join(["1%25"] * (MAX_FIGURES + 1)))
    assert "Paste fewer." in page.text


def test_the_site_answers_past_its_time_limit_with_a_message(db_path, monkeypatch):
    monkeypatch.setattr("claims.query.limits.CHECK_SECONDS", 0.0)
    response = site_get(db_path, "/-/check.json?q=There+were+464+probation+officer+vacancies+in+December+2020.")
    assert response.status_code == 400
    assert response.json()["error"].startswith("This took longer than the 0 seconds a check may take")


# Google's required and recommended properties for a fact-check (ClaimReview), by schema.org name
CLAIM_REVIEW_REQUIRED = {"@context", "@type", "url", "claimReviewed", "author", "reviewRating", "itemReviewed",
                         "datePublished"}


def test_a_check_as_claimreview(db_path):
    response = site_get(db_path, "/-/check.claimreview?q=According+to+Napo%2C+there+were+464+probation+officer"
                                 "+vacancies+in+December+2020.")
    [review] = response.json()
    assert CLAIM_REVIEW_REQUIRED <= set(review)
    assert (review["@context"], review["@type"]) == ("https://schema.org", "ClaimReview")
    assert review["claimReviewed"] == "According to Napo, there were 464 probation officer vacancies in December 2020."
    assert review["url"].startswith("http") and review["author"]["@type"] == "Organization"
    rating = review["reviewRating"]
    assert (rating["@type"], rating["alternateName"]) == ("Rating", "misattributed")
    assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
    item = review["itemReviewed"]
    assert item["@type"] == "Claim" and item["author"] == {"@type": "Organization", "name": "Napo"}
    assert item["firstAppearance"]["@type"] == "CreativeWork" and item["firstAppearance"]["url"].startswith("http")
    assert item["firstAppearance"] == item["appearance"][0]
    assert item["firstAppearance"]["author"]["name"] == "Justice Committee"


def test_the_check_page_links_its_json_and_every_number_to_its_statistic(db_path):
    from bs4 import BeautifulSoup
    soup = BeautifulSoup(site_get(db_path, "/-/check?q=There+were+about+4%2C400+band+4+probation+officers+in+post"
                                           "+in+September+2022.").text, "html.parser")
    assert soup.select_one(".verdict-headline").get_text() == "Rounded"
    hrefs = [a["href"] for a in soup.select("p.api-links a")]
    assert hrefs[0].startswith("/-/check.json?q=") and hrefs[1].startswith("/-/check.claimreview?q=")
    marks = soup.select("blockquote.claim-sentence a.figure-link mark.figure")
    assert [m.get_text() for m in marks] == ["4,371"]
    assert marks[0].parent["href"].startswith("/claims/statistics/")


def test_conflicts_are_found_through_the_series_index(db_path):
    from claims.query.conflicts import CONFLICTS_SQL, CONFLICTS_WITH_SQL, register_functions
    db = sqlite_utils.Database(db_path)
    register_functions(db.conn)
    for sql, params in ((CONFLICTS_WITH_SQL, {"statistic_id": 1}), (CONFLICTS_SQL, {})):
        plan = " | ".join(row[3] for row in db.execute(f"explain query plan {sql}", params).fetchall())
        assert "SEARCH b USING INDEX idx_statistics_series_id_year (series_id=? AND year=?" in plan, plan
    assert "SEARCH a USING INTEGER PRIMARY KEY (rowid=?)" in " ".join(
        row[3] for row in db.execute(f"explain query plan {CONFLICTS_WITH_SQL}", {"statistic_id": 1}).fetchall())


# invented documents for the series rules of the claim check: whose staff a bare "staff" is,
# the caseload of officers, two counts written to the unit, and the figure a claim quotes
SERIES_FILES = {
    "hmpps_staff.txt": ("HM Prison and Probation Service", "statistics", "2021-05-13",
                        "On 31 March 2021 there were 12,345 FTE staff in the Probation Service. "
                        "On 31 March 2021 there were 5,432 FTE band 2 operational support staff in post."),
    "hmpps_psos.txt": ("HM Prison and Probation Service", "statistics", "2025-08-14",
                       "On 30 June 2025 there were 5,417 FTE band 3 probation services officers in post."),
    "moj_caseload.txt": ("Ministry of Justice", "statistics", "2022-06-09",
                         "As of March 2022 the average caseload of probation officers was 37."),
    "hmpps_leavers_2021.txt": ("HM Prison and Probation Service", "statistics", "2021-11-11",
                               "In the year to 30 September 2021 the leaving rate of band 3-5 prison officers "
                               "was 13.7%."),
    "blog_leavers.txt": ("On Probation blog", "blog", "2023-02-01",
                         "In the year to 31 December 2022 the leaving rate of band 3-5 prison officers "
                         "was about 14%."),
    "hmpps_leavers_2024.txt": ("HM Prison and Probation Service", "statistics", "2024-11-14",
                               "In the year to 30 September 2024 the leaving rate of band 3-5 prison officers "
                               "was 10.2%."),
}


@pytest.fixture(scope="module")
def series_db(tmp_path_factory, extractor):
    return invented_database(tmp_path_factory.mktemp("series_verdicts"), SERIES_FILES, extractor)


def test_a_bare_staff_of_the_probation_service_is_probation_staff(series_db, extractor):
    [claim] = check(series_db, extractor, "The Probation Service had 12,345 staff in March 2021.")
    assert claim["series"] == "Staff in post: all probation staff (count)"
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "12,345")


def test_the_caseload_of_officers_is_cases_per_officer(series_db, extractor):
    [claim] = check(series_db, extractor, "In March 2022 the average caseload of probation officers and PSOs was 37.")
    assert claim["series"].startswith("Caseload: cases per officer")
    assert (claim["verdict"], claim["origin"]["mention"]) == ("matches", "37")


def test_a_count_written_to_the_unit_is_no_rounding_of_another(series_db, extractor):
    # 5,432 is another population's; 5,417 PSOs is within half a per cent but no rounding of it
    [claim] = check(series_db, extractor, "5,432 probation services officers were in post in June 2025.")
    assert claim["verdict"] == "not_found"
    assert [r["mention"] for r in claim["same_series_in_period"]] == ["5,417"]
    assert [r["mention"] for r in claim["other_measures"]] == ["5,432"]
    [rounded] = check(series_db, extractor, "About 5,400 probation services officers were in post in June 2025.")
    assert (rounded["verdict"], rounded["origin"]["mention"]) == ("rounded", "5,417")


def test_a_figure_quoted_as_current_is_read_against_its_exact_statement(series_db, extractor):
    # the blog's newer "about 14%" agrees with 13.7% too; the claim quotes HMPPS's 13.7%
    [claim] = check(series_db, extractor, "The leaving rate of band 3-5 prison officers is 13.7%.")
    assert claim["verdict"] == "superseded"
    assert (claim["origin"]["mention"], claim["origin"]["source"]) == ("13.7%", "HMPPS")
    assert claim["newest"]["mention"] == "10.2%"
