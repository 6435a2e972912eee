"""The Datasette site, through Datasette's own test client."""
import asyncio
import csv
import io
import re
from pathlib import Path

import pytest
import sqlite_utils
from bs4 import BeautifulSoup
from claims.site import site as claims_site
from claims.build.schema import TABLES



@pytest.fixture(scope="module")
def site(seed_db, tmp_path_factory):
    db_path = tmp_path_factory.mktemp("site") / "claims.db"
    db_path.write_bytes(Path(seed_db).read_bytes())
    # a scraped page with markup in it must show as text
    db = sqlite_utils.Database(db_path)
    db["passages"].insert({"document_id": 1, "ordinal": 999, "kind": "paragraph",
                           "text": "<script>alert('x')</script> 12 staff"})
    db.close()
    # the configuration claims serve uses (claims/site/site.py): what is tested is what is served
    return claims_site.datasette(db_path)


def get(ds, path):
    return asyncio.run(ds.client.get(path))


def test_statistics_facets(site):
    data = get(site, "/claims/statistics.json?_facet=metric&_facet=source&_facet=year&_size=0").json()
    metrics = {f["value"]: f["count"] for f in data["facet_results"]["metric"]["results"]}
    assert metrics["staff_in_post"] >= 20
    sources = {f["value"] for f in data["facet_results"]["source"]["results"]}
    assert {"PAC", "HMIP", "Justice Committee", "UNISON"} <= sources


def test_full_text_search_and_trace_query(site):
    rows = get(site, "/claims/statistics.json?_search=vacancy&_shape=array").json()
    assert any(r["mention"] == "21%" for r in rows)
    rows = get(site, "/claims/trace_figure.json?q=vacancy+rate&_shape=array").json()
    assert any("<mark>vacancy</mark>" in r["snippet"] for r in rows)


def test_metric_timeline(site):
    rows = get(site, "/claims/metric_timeline.json?metric=vacancy_rate&_shape=array").json()
    assert [(r["year"], r["value"]) for r in rows] == [(2021, 14), (2025, 21)]


def test_robots_blocked(site):
    response = get(site, "/robots.txt")
    assert response.status_code == 200 and "Disallow: /" in response.text


def test_document_text_is_escaped(site):
    html = get(site, "/claims/passages?ordinal=999").text
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html
    # the document page builds its own markup around figures: still escaped
    page = get(site, "/claims/documents/1").text
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 12 staff" in page


def statistic_id(seed_db, where, params):
    db = sqlite_utils.Database(seed_db)
    [row] = db.query(f"select s.id from statistics s join passages p on p.id = s.passage_id where {where}", params)
    return row["id"]


def test_statistic_page(site, seed_db):
    # paragraph 126 repeats paragraph 108's 464 vacancies: the page links both
    sid = statistic_id(seed_db, "s.mention = '464' and p.number = 126", [])
    origin = statistic_id(seed_db, "s.mention = '464' and p.number = 108", [])
    response = get(site, f"/claims/statistics/{sid}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.text, "html.parser")
    [mark] = soup.select("blockquote.claim-sentence mark.figure")
    assert mark.get_text() == "464"
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True)
             for dt in soup.select("dl.claim-facts dt")}
    assert facts["Metric"].startswith("vacancies")
    assert facts["Period"] == "2021-04-23 (from the publication date)"
    assert facts["Asserted by"] == "Justice Committee"
    assert facts["Origin"].startswith("Repeats The future of the Probation Service")
    document_link = soup.select_one("dl.claim-facts dd a[href^='/claims/documents/']")["href"]
    assert re.fullmatch(r"/claims/documents/\d+#p-\d+", document_link)
    others = [a["href"] for a in soup.select("ul.appearances a[href^='/claims/statistics/']")]
    assert f"/claims/statistics/{origin}" in others
    origin_page = BeautifulSoup(get(site, f"/claims/statistics/{origin}").text, "html.parser")
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True)
             for dt in origin_page.select("dl.claim-facts dt")}
    assert facts["Period"] == "2020-12-08"
    assert facts["Origin"] == "This is the origin of this figure: its primary source in the corpus."
    # the reader sees which rule decided each attribute, and from which words
    reasons = {dt.get_text(): dt.find_next_sibling("dd").get_text(" ", strip=True)
               for dt in origin_page.select("dl.reasons dt")}
    assert reasons == {"Period": "rule own-clause:before , from “8 December 2020”",
                       "Metric": "rule vacancies.vacancy , from “vacancies”",
                       "Source": "rule publisher , from “Justice Committee”"}


def test_document_page_highlights_every_figure_and_links_footnotes(site, seed_db):
    db = sqlite_utils.Database(seed_db)
    [doc] = db.query("select id from documents where kind = 'committee'")
    count = db.execute("select count(*) from statistics where document_id = ?", [doc["id"]]).fetchone()[0]
    soup = BeautifulSoup(get(site, f"/claims/documents/{doc['id']}").text, "html.parser")
    marks = soup.select(".document-text a.figure-link mark.figure")
    assert len(marks) == count
    assert soup.select_one("a.figure-link")["href"].startswith("/claims/statistics/")
    ref = soup.select_one("sup.footnote-ref a[href='#fn-157']")
    assert ref is not None and ref.get_text() == "157"
    footnote = soup.select_one("ol.footnotes li#fn-157")
    assert " ".join(footnote.get_text(" ").split()) == "157. Q201 [Amy Rees] ↩"
    assert footnote.select_one("a.footnote-back")["href"] == "#fnref-157"
    numbered = soup.select_one(".document-text p.passage .para-number")
    assert numbered.get_text() == "104."


def test_home_page_has_check_box_and_charts(site):
    soup = BeautifulSoup(get(site, "/").text, "html.parser")
    form = soup.select_one("form.check-box")
    assert form["action"] == "/-/check" and form.select_one("textarea[name=q]")
    assert soup.select_one("p.coverage").get_text().startswith("25 documents from ")
    captions = [c.get_text(" ", strip=True) for c in soup.select(".charts figcaption")]
    assert [c.split(" (")[0] for c in captions] == ["Vacancy rate", "Caseload", "Staff in post"]
    assert len(soup.select(".charts svg.timeline")) == 3
    sources = soup.select(".charts p.chart-source")
    # each chart's CSV is the series it draws, not its metric's every statistic
    links = [p.select_one("a[href*='statistics.csv']")["href"] for p in sources]
    assert len(links) == 3 and all("series_id__in=" in link for link in links)
    for link in links:
        rows = list(csv.DictReader(io.StringIO(get(site, link).text)))
        drawn = set(link.split("series_id__in=")[1].split("&")[0].split("%2C"))
        assert rows and {r["series_id"] for r in rows} == drawn and len(drawn) == 1
    # no asset from another host: the site works offline
    for tag in soup.select("script[src], link[href], img[src]"):
        url = tag.get("src") or tag.get("href")
        assert url.startswith("/") or url.startswith("http://localhost/"), url


def test_timeline_chart_points_link_to_statistics(site):
    response = get(site, "/-/timeline/vacancy_rate")
    soup = BeautifulSoup(response.text, "html.parser")
    points = soup.select("svg.timeline a circle.point")
    assert len(points) == 2
    tips = sorted(p.find("title").get_text() for p in points)
    assert tips[0].startswith("14% (14%), 2021, PAC")
    assert get(site, "/-/timeline/no_such_metric").status_code == 404


def test_read_only(site):
    response = asyncio.run(site.client.post("/claims/-/query", json={"sql": "delete from statistics"}))
    assert response.status_code in (403, 404, 405)
    assert get(site, "/claims/statistics.json?_size=0").json()["filtered_table_rows_count"] > 200


def test_statistic_page_shows_exactly_its_sentence(site, seed_db):
    # paragraph 108 holds several sentences; the page quotes the one stating the figure, without
    # the paragraph around it or the footnote marker glued to its end
    sid = statistic_id(seed_db, "s.mention = '464' and p.number = 108", [])
    soup = BeautifulSoup(get(site, f"/claims/statistics/{sid}").text, "html.parser")
    quote = soup.select_one("blockquote.claim-sentence").get_text(" ", strip=True)
    assert quote == "As of 8 December 2020, there were 464 probation officer vacancies."
    db = sqlite_utils.Database(seed_db)
    mismatched = db.execute(
        "select count(*) from statistics s join documents d on d.id = s.document_id "
        "where substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start) != s.sentence "
        "and s.id not in (select s2.id from statistics s2 join footnote_refs r on r.passage_id = s2.passage_id)"
    ).fetchone()[0]
    assert mismatched == 0


def test_trace_page_is_built_on_claims_trace(site, seed_db):
    empty = get(site, "/-/trace")
    assert empty.status_code == 200 and BeautifulSoup(empty.text, "html.parser").select_one("form.trace-box")
    soup = BeautifulSoup(get(site, "/-/trace?q=464").text, "html.parser")
    items = soup.select("ol.trace-results li")
    assert len(items) == 2
    assert items[0]["class"] == ["origin"] and "repeats Justice Committee" in items[1].get_text()
    [mark] = items[0].select("mark.figure")
    assert mark.get_text() == "464"
    links = [a["href"] for a in items[0].select("a")]
    assert any(re.fullmatch(r"/claims/documents/\d+#p-\d+", h) for h in links)
    assert any(re.fullmatch(r"/claims/statistics/\d+", h) for h in links)
    # paraphrases work as in the CLI; no match offers the nearest figures
    assert BeautifulSoup(get(site, "/-/trace?q=vacancy+rate+of+21+per+cent").text, "html.parser").select("ol.trace-results li")
    none = BeautifulSoup(get(site, "/-/trace?q=98765").text, "html.parser")
    assert none.select_one("p.no-match") and none.select("ul li a[href^='/claims/statistics/']")


def test_check_page_gives_verdicts_and_origin(site):
    soup = BeautifulSoup(get(site, "/-/check?q=The+probation+officer+vacancy+rate+has+hit+21%25%2C+according+to+the+inspectorate").text,
                         "html.parser")
    assert soup.select_one(".verdict-headline").get_text() == "Misattributed"
    verdicts = [li["class"][1] for li in soup.select("ul.verdicts li")]
    assert verdicts == ["verdict-misattributed", "verdict-matches"]
    assert "PAC" in soup.select_one("p.origin").get_text(" ")


def test_organisation_page(site, seed_db):
    db = sqlite_utils.Database(seed_db)
    [org] = db.query("select id from organisations where name = 'Justice Committee'")
    soup = BeautifulSoup(get(site, f"/claims/organisations/{org['id']}").text, "html.parser")
    assert soup.select_one("h1").get_text().startswith("Justice Committee")
    rows = [[td.get_text(strip=True) for td in tr.select("td")] for tr in soup.select("table.rows-and-columns tbody tr")]
    assert ["vacancies", "2020", "1"] in rows or any(r[0] == "vacancies" for r in rows)
    assert any("The future of the Probation Service" in li.get_text() for li in soup.select("ul li"))


def test_pages_declare_their_language(site):
    assert '<html lang="en">' in get(site, "/").text


def test_trace_query_highlights_links_and_has_a_title(site):
    soup = BeautifulSoup(get(site, "/claims/trace_figure?q=vacancy").text, "html.parser")
    assert soup.title.get_text() == "Trace a figure"
    rows = soup.select("table.rows-and-columns tbody tr")
    assert rows
    for row in rows:
        snippet = row.select_one("td.col-snippet")
        marks = [m.get_text().lower() for m in snippet.select("mark")]
        assert marks and set(marks) <= {"vacancy", "vacancies"}
        assert "<mark>" not in snippet.get_text()
        link = row.select_one("td.col-statistic_id a")
        assert link["href"] == f"/claims/statistics/{link.get_text()}"


def test_statistics_table_shows_a_readers_columns_and_links_to_all(site):
    soup = BeautifulSoup(get(site, "/claims/statistics").text, "html.parser")
    shown = [th["data-column"] for th in soup.select("table.rows-and-columns th[data-column]")]
    assert shown == ["id", "mention", "sentence", "metric", "period", "source", "published", "document_id"]
    all_link = soup.select_one("p.reader-columns a")
    assert all_link.get_text() == "Show all columns" and all_link["href"] == "/claims/statistics?_columns=all"
    everything = BeautifulSoup(get(site, all_link["href"] + "&_sort=year").text, "html.parser")
    assert len(everything.select("table.rows-and-columns th[data-column]")) == len(TABLES["statistics"]["columns"])
    back = everything.select_one("p.reader-columns a")
    assert back["href"] == "/claims/statistics?_sort=year"
    # a column's menu hides one more of the reader's columns; the API always has every column
    hidden = BeautifulSoup(get(site, "/claims/statistics?_nocol=published").text, "html.parser")
    assert "published" not in [th["data-column"] for th in hidden.select("table.rows-and-columns th[data-column]")]
    assert len(hidden.select("table.rows-and-columns th[data-column]")) == 7
    assert len(get(site, "/claims/statistics.json?_shape=array&_size=1").json()[0]) == len(TABLES["statistics"]["columns"])
    # a search keeps its words, non-ASCII ones included, beside the reader's columns
    searched = BeautifulSoup(get(site, "/claims/statistics?_search=caf%C3%A9").text, "html.parser")
    assert searched.select_one("input[name=_search]")["value"] == "café"
    searched = BeautifulSoup(get(site, "/claims/statistics?_search=vacancies").text, "html.parser")
    assert len(searched.select("table.rows-and-columns th[data-column]")) == 8
    assert searched.select("table.rows-and-columns tbody tr")


def test_not_found_pages_lead_home(site):
    for path in ("/-/nothing", "/claims/nothing", "/nothing/at/all"):
        response = get(site, path)
        assert response.status_code == 404
        soup = BeautifulSoup(response.text, "html.parser")
        assert soup.h1.get_text() == "Page not found"
        assert "Database not found" not in response.text
        assert soup.select_one("header a[href='/']") and soup.select_one("main nav.error-links a[href='/']")
    assert soup.select_one("p.error-message").get_text() == "There is no page at this address."
    assert get(site, "/-/nothing.json").json()["status"] == 404


def test_a_sql_typo_keeps_the_editor(site):
    response = get(site, "/claims?sql=selct+*+from+statistics")
    assert response.status_code == 400
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.select_one("textarea#sql-editor").get_text() == "selct * from statistics"
    assert soup.select_one("form.sql")["action"] == "/claims"


def test_a_right_to_left_override_in_a_query_does_not_reach_the_page(site):
    response = get(site, "/-/trace?q=%E2%80%AE464+vacancies")
    assert response.status_code == 200
    assert "\u202e" not in response.text
    soup = BeautifulSoup(response.text, "html.parser")
    assert soup.select_one("#trace-q")["value"] == "464 vacancies"
    # the query is shown isolated from the page's own text
    [shown] = soup.select("main bdi")
    assert shown.get_text() == "464 vacancies"
    # any text a template prints: the SQL a rejected query echoes
    response = get(site, "/claims?sql=selct+%E2%80%AEmorf+x")
    assert response.status_code == 400 and "\u202e" not in response.text
    assert BeautifulSoup(response.text, "html.parser").select_one("#sql-editor").get_text() == "selct morf x"


def test_trace_copy_quotes_the_query(site):
    soup = BeautifulSoup(get(site, "/-/trace?q=464").text, "html.parser")
    assert soup.select_one("bdi").parent.get_text() == "2 appearances of “464”, earliest first."


def test_every_page_has_a_main_landmark_a_skip_link_and_the_licence_once(site):
    for path in ("/", "/claims/statistics", "/-/trace?q=464", "/claims/statistics/1", "/-/nothing"):
        soup = BeautifulSoup(get(site, path).text, "html.parser")
        assert len(soup.select("main#main")) == 1, path
        skip = soup.select_one("body > a.skip-link")
        assert skip["href"] == "#main" and skip is soup.body.find(True), path
    for path in ("/", "/claims/statistics"):
        assert get(site, path).text.count("data and code Apache-2.0") == 1, path


def test_the_csp_allows_exactly_the_inline_scripts_pages_carry(site):
    import base64
    import hashlib
    for path in ("/", "/claims/statistics", "/claims?sql=select+1", "/claims/trace_figure?q=vacancy",
                 "/claims?sql=selct+1", "/-/nothing"):
        response = get(site, path)
        csp = response.headers["content-security-policy"]
        script_src = next(d for d in csp.split(";") if d.strip().startswith("script-src")).split()
        assert "'unsafe-inline'" not in script_src and "'unsafe-eval'" not in script_src
        soup = BeautifulSoup(response.text, "html.parser")
        for script in soup.select("script:not([src])"):
            digest = base64.b64encode(hashlib.sha256(script.string.encode()).digest()).decode()
            assert f"'sha256-{digest}'" in script_src, (path, script.string[:60])
    # the hashes are Datasette's four (two of its table page's one line), no more
    assert len([s for s in script_src if s.startswith("'sha256-")]) == 4


def test_organisation_counts_are_tap_targets(site, seed_db):
    db = sqlite_utils.Database(seed_db)
    [org] = db.query("select id from organisations where name = 'Justice Committee'")
    soup = BeautifulSoup(get(site, f"/claims/organisations/{org['id']}").text, "html.parser")
    counts = soup.select("table.rows-and-columns td a.count")
    assert counts and all(a.get_text().isdigit() for a in counts)


def test_documents_table_leaves_out_their_text(site):
    soup = BeautifulSoup(get(site, "/claims/documents").text, "html.parser")
    shown = [th["data-column"] for th in soup.select("table.rows-and-columns th[data-column]")]
    assert shown == ["id", "title", "source", "kind", "author", "published", "words", "url", "file"]
    assert "text" in [th["data-column"] for th in BeautifulSoup(
        get(site, "/claims/documents?_columns=all").text, "html.parser").select("th[data-column]")]


def test_a_not_found_address_logs_no_traceback(site, capfd):
    # Datasette printed each 404 with rich and its frames' locals: a second of CPU and tens of KB
    capfd.readouterr()
    for _ in range(3):
        assert get(site, "/-/nothing").status_code == 404
    out, err = capfd.readouterr()
    assert "Traceback" not in out + err and len(out + err) < 1000
