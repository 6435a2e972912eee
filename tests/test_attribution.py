"""Who said it and when (issue 11): restated figures belong to the body whose publication
they come from, documents have reference periods, and dates come from wherever a file gives
them. Built through the CLI where it is end to end."""
import json

import pytest
import sqlite_utils
from click.testing import CliRunner
from pdf_writer import write_pdf
from test_extract import extract

from claims.cli import cli


pytestmark = pytest.mark.usefixtures("shared_extractor")


def build(corpus, db_path):
    result = CliRunner().invoke(cli, ["build", "--corpus", str(corpus), "--db", str(db_path)],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return sqlite_utils.Database(db_path), result.output


@pytest.mark.parametrize("text,mention,source", [
    ("According to the latest HMPPS workforce statistics, there were 3,550 officers in post.", "3,550", "HMPPS"),
    ("Figures from the Ministry of Justice show that 21% of posts are empty.", "21%", "MoJ"),
    ("The NAO found that 14 of the 21 companies were losing money.", "14", "NAO"),
    ("A report by HM Inspectorate of Probation said 60% of officers were over target.", "60%", "HMIP"),
    ("Documents seen by the BBC show 15% of prisons are short of staff.", "15%", "BBC"),
    ("There were 1,745 vacancies across England and Wales (HMPPS, 2024).", "1,745", "HMPPS"),
    ("The MOJ and HMPPS note that 1,000 trainees will be recruited.", "1,000", "HMPPS"),
])
def test_a_restated_figure_is_its_publishers(extractor, text, mention, source):
    _, stats = extract(extractor, text, source="On Probation blog")
    [stat] = [s for s in stats if s.mention == mention]
    assert stat.source == source


def test_a_blogs_own_estimate_stays_the_blogs(extractor):
    _, [stat] = extract(extractor, "I reckon about 400 officers will leave this year.", source="On Probation blog")
    assert stat.source == "On Probation blog"


def test_source_line_and_quoted_press_release(extractor):
    from ingest.model import Document, Passage
    text = "There were 1,200 more trainees than a year before.\nSource: HM Prison and Probation Service"
    doc = Document(text=text, file_start=0, source="Napo", published="2024-05-01",
                   passages=[Passage("paragraph", 0, len(text), source="Napo")])
    [stats] = extractor.extract([doc])
    assert [(s.mention, s.source) for s in stats] == [("1,200", "HMPPS")]


def build_one(tmp_path, name, text):
    """A corpus of one file, built through the CLI."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / name).write_text(text, "utf-8")
    return build(corpus, tmp_path / "claims.db")


def test_news_story_about_a_release_restates_it(tmp_path):
    db, _ = build_one(tmp_path, "story.txt",
        "---\ntitle: Staffing pressures ease\npublisher: Police Oracle\nkind: news\npublished: 2023-05-18\n---\n"
        "Staffing pressures ease\n"
        "Today's HMPPS quarterly workforce figures made for less dismal reading than usual.\n"
        "There were 22,288 prison officers in post on 31 March this year.\n")
    [row] = db.query("select s.source, d.source as publisher from statistics s "
                     "join documents d on d.id = s.document_id where s.mention = '22,288'")
    assert row == {"source": "HMPPS", "publisher": "Police Oracle"}


def test_statistics_release_has_a_reference_period(tmp_path):
    db, _ = build_one(tmp_path, "release.txt",
        "---\ntitle: \"HM Prison and Probation Service workforce quarterly: December 2024\"\n"
        "publisher: \"Ministry of Justice (GOV.UK)\"\nkind: statistics\npublished: 2025-02-20\n---\n"
        "HM Prison and Probation Service workforce quarterly: December 2024\n"
        "There are 4,321 FTE band 4 probation officers in post.\n"
        "This is an increase of 120 FTE since 31 December 2023.\n")
    rows = {r["mention"]: r for r in db.query("select mention, period, year, period_from_publication, "
                                               "source, measure, direction from statistics")}
    assert rows["4,321"] == {"mention": "4,321", "period": "2024-12-31", "year": 2024,
                             "period_from_publication": 0, "source": "HMPPS", "measure": "level",
                             "direction": None}
    assert rows["120"]["period"] == "2023-12-31..2024-12-31"
    assert (rows["120"]["measure"], rows["120"]["direction"]) == ("change", "+")
    [doc] = db.query("select source, publisher, publisher_id from documents")
    assert (doc["source"], doc["publisher"]) == ("MoJ", "Ministry of Justice (GOV.UK)")


def test_partial_date_front_matter_keeps_its_precision(tmp_path):
    db, output = build_one(tmp_path, "note.txt", "---\npublisher: UNISON\nkind: union\npublished: 2015-08\n---\n"
                                                 "Pay\nSome 4,300 probation workers are members.\n")
    assert "error:" not in output
    [row] = db.query("select period, year, period_from_publication from statistics")
    assert row == {"period": "2015-08", "year": 2015, "period_from_publication": 1}


def test_unknown_kind_is_kept_with_one_warning(tmp_path):
    db, output = build_one(tmp_path, "note.txt", "---\npublisher: Howard League for Penal Reform\n"
                                                 "kind: charity group\n---\nTitle\nThere were 86 cases inspected.\n")
    assert output.count("warning: note.txt: front matter: kind 'charity group'") == 1
    [doc] = db.query("select kind, source from documents")
    assert doc == {"kind": "charity group", "source": "Howard League"}


def test_pdf_dated_only_by_its_metadata(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_pdf(corpus / "report.pdf", [["Annual review", "There were 612 probation officer vacancies."]],
              created="20240315093000+00'00'")
    db, _ = build(corpus, tmp_path / "claims.db")
    [doc] = db.query("select published from documents")
    assert doc["published"] == "2024-03-15"
    [stat] = db.query("select period, year from statistics where mention = '612'")
    assert stat == {"period": "2024-03-15", "year": 2024}


def test_organisations_unknown_lists_publishers_not_in_the_registry(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("---\npublisher: Weekly Bugle (Leeds edition)\nkind: news\n---\n"
                                  "Title\nThere were 86 probation staff at the hearing.\n", "utf-8")
    (corpus / "b.txt").write_text("---\npublisher: North Yorkshire UNISON branch\nkind: union\n---\n"
                                  "Title\nThere were 40 members at the meeting.\n", "utf-8")
    build(corpus, tmp_path / "claims.db")
    result = CliRunner().invoke(cli, ["organisations", "--unknown", "--db", str(tmp_path / "claims.db")])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith("Weekly Bugle ")
    assert "(given as: Weekly Bugle (Leeds edition))" in lines[0]
    everything = CliRunner().invoke(cli, ["organisations", "--db", str(tmp_path / "claims.db")]).output
    assert any(line.startswith("UNISON ") for line in everything.splitlines())


def test_a_reproduced_press_release_is_its_bodys(tmp_path):
    db, _ = build_one(tmp_path, "post.txt",
        "---\ntitle: Napo Pay Ballot Announced\npublisher: On Probation blog (Jim Brown)\nkind: blog\n"
        "published: 2025-07\n---\n"
        "Napo the largest trade union in the Probation Service has today served notice of its intention "
        "to ballot its members over pay and workloads, after talks on a claim for a 12% pay increase failed.\n"
        "This has led to 103,000 working days lost due to mental illness in the service.\n")
    rows = {r["mention"]: r["source"] for r in db.query("select mention, source from statistics")}
    assert rows == {"12%": "Napo", "103,000": "Napo"}
    [doc] = db.query("select title, source from documents")
    assert doc == {"title": "Napo Pay Ballot Announced", "source": "On Probation blog"}


def test_it_after_a_named_body_is_that_body(extractor):
    text = ("Staffing is approaching dangerously low levels, the Ministry of Justice has said. "
            "It warned 15% of prisons are expected to have fewer than 80% of the staff they need.")
    _, stats = extract(extractor, text, source="On Probation blog")
    assert {s.mention: s.source for s in stats} == {"15%": "MoJ", "80%": "MoJ"}


def test_figure_source_alone_reads_the_passages_own_speakers(extractor):
    """On `nlp(text)` alone, with no document, figure_source does what it does in a build for
    what the passage itself says; a figure no one is named for has no source."""
    doc = extractor.nlp("The Ministry of Justice said 1,200 officers were recruited. We counted 40 desks.")
    got = {s.text: (s._.source, s._.why["source"]["rule"]) for s in doc.spans["figures"]}
    assert got == {"1,200": ("MoJ", "speaker:said"), "40": (None, "none")}


def test_figure_source_declares_what_it_assigns(extractor):
    summary = extractor.nlp.analyze_pipes()["summary"]["figure_source"]
    assert summary["assigns"] == ["span._.source", "span._.confidence", "span._.why"]
    assert extractor.nlp.analyze_pipes()["problems"]["figure_source"] == []


@pytest.mark.parametrize("text,rule,words", [
    ("According to the latest HMPPS workforce statistics, there were 3,550 officers in post.",
     "citation:according-to", "According to the latest HMPPS workforce statistics"),
    ("HMPPS's latest workforce figures show 3,550 officers in post.",
     "restated:figures-show", "HMPPS's latest workforce figures show"),
    ("The NAO found that 14 of the 21 companies were losing money.", "speaker:found", "The NAO found"),
])
def test_each_source_records_its_rule_and_words(extractor, text, rule, words):
    _, stats = extract(extractor, text, source="On Probation blog")
    reason = json.loads(stats[0].why)["source"]
    assert reason == {"rule": rule, "words": words}


def test_the_publisher_is_a_reason_too(extractor):
    _, [stat] = extract(extractor, "I reckon about 400 officers will leave this year.", source="On Probation blog")
    assert json.loads(stat.why)["source"]["rule"] == "publisher"


def extract_post(extractor, paragraphs, publisher="Acme Blog", kind="blog", first_kind="paragraph"):
    """A post of several paragraphs, published by `publisher`: {mention: (source, rule)}."""
    from ingest.model import Document, Passage
    text = "\n".join(paragraphs)
    passages, at = [], 0
    for n, p in enumerate(paragraphs):
        passages.append(Passage(first_kind if n == 0 else "paragraph", at, at + len(p), source=publisher))
        at += len(p) + 1
    doc = Document(text=text, file_start=0, source=publisher, kind=kind, published="2024-05-01",
                   passages=passages)
    [stats] = extractor.extract([doc])
    return {s.mention: (s.source, json.loads(s.why)["source"]["rule"]) for s in stats}


def test_a_blog_that_restates_a_release_gives_its_figures_to_the_releaser(extractor):
    got = extract_post(extractor, [
        "I had planned a quiet week of 3 posts. But last Thursday's HMPPS workforce figures show things getting worse.",
        "There were 5,120 probation officers in post, down 210 on the year."])
    assert got == {"3": ("Acme Blog", "writer:first-person"),
                   "5,120": ("HMPPS", "restated:figures-show"),
                   "210": ("HMPPS", "restated:figures-show")}


def test_what_a_writer_says_before_naming_the_publication_stays_theirs(extractor):
    got = extract_post(extractor, [
        "After 2 weeks of silence on the subject, the Guardian piece on prisons tells a sorry tale.",
        "Some 300 officers quit in March."])
    assert got == {"2 weeks": ("Acme Blog", "publisher"), "300": ("Guardian", "restated:lead-publication")}


def test_a_lead_saying_a_body_published_a_report_restates_it(extractor):
    got = extract_post(extractor, [
        "Yesterday the Chief Inspector of Probation Jane Roe has published her annual report on the regions.",
        "Inspectors rated 12 delivery units as inadequate."])
    assert got["12"] == ("HMIP", "restated:lead-published")


def test_text_pasted_after_colon_dash_is_its_authors(extractor):
    got = extract_post(extractor, [
        "Nothing to write about for 2 weeks, then this arrived, as reported by the BBC:-",
        "Around 400 officers left the service last year."])
    assert got == {"2 weeks": ("Acme Blog", "reproduced:introduction"),
                   "400": ("BBC", "reproduced:colon-dash")}


def test_a_pasted_tweet_on_restated_statistics_stays_with_the_statistics(extractor):
    got = extract_post(extractor, [
        "The HMPPS quarterly workforce statistics came out on Thursday and a tweet from the BBC caught my eye:-",
        "Sickness is up: 61,000 working days lost in the year."])
    assert got["61,000"] == ("HMPPS", "restated:lead-publication")


@pytest.mark.parametrize("publisher,text,want", [
    # an auditor reporting what the audited body found keeps the finding
    ("NAO", "The Ministry of Justice has hired staff, but in 2023 found it was short of 2,100 officers.",
     ("NAO", "reported-finding:publisher")),
    # what the audited body estimated is its own
    ("NAO", "HMPPS estimated that 2,100 officers were needed.", ("HMPPS", "speaker:estimated")),
    # outside an auditor's text, a body's finding is the body's
    ("Acme Blog", "The Ministry of Justice found that 2,100 officers were needed.", ("MoJ", "speaker:found")),
])
def test_an_auditor_reporting_the_audited_bodys_finding(extractor, publisher, text, want):
    _, [stat] = extract(extractor, text, source=publisher)
    assert (stat.source, json.loads(stat.why)["source"]["rule"]) == want


def test_the_writers_gloss_on_a_cited_figure_stays_the_writers(extractor):
    _, stats = extract(extractor, "Figures from the Ministry of Justice show officers work at 130 per cent of "
                       "capacity – meaning each has about seven days of work in a five-day week.",
                       source="Acme News")
    assert {s.mention: s.source for s in stats} == {"130 per cent": "MoJ", "seven days": "Acme News",
                                                     "five-day": "Acme News"}


def test_an_analysis_of_a_bodys_data_is_the_analysts(extractor):
    _, stats = extract(extractor, "Our analysis of Ministry of Justice data also revealed that 300 people "
                       "were recalled.", source="Acme News")
    assert [(s.mention, s.source) for s in stats] == [("300", "Acme News")]


def test_the_audience_of_a_speaker_does_not_speak(extractor):
    _, stats = extract(extractor, "Speaking before the Justice Committee, the Chief Inspector of Probation "
                       "said 40 inspections were planned.", source="Acme News")
    assert [(s.mention, s.source) for s in stats] == [("40", "HMIP")]


def test_an_early_release_scheme_is_not_a_publication(extractor):
    _, stats = extract(extractor, "The early release scheme enacted by the Tories freed 10,000 prisoners.",
                       source="Acme News")
    assert [(s.mention, s.source) for s in stats] == [("10,000", "Acme News")]


@pytest.mark.parametrize("raw,url,name,in_registry", [
    # a body the registry does not know, on a site under a shared domain, stays itself
    ("Example Ombudsman", "https://www.example.gov.uk/reports/2024", "Example Ombudsman", False),
    ("Example Committee", "https://committees.parliament.uk/committee/9/example/", "Example Committee", False),
    ("Example Musings", "https://examplemusings.blogspot.com/2024/05/", "Example Musings", False),
    # the shared domain's own host is its owner's; a registered body's own site is the body's
    (None, "https://www.gov.uk/", "HM Government", True),
    (None, "https://www.ppo.gov.uk/reports/", "Prisons and Probation Ombudsman", True),
    ("ppo.gov.uk", None, "Prisons and Probation Ombudsman", True),
    (None, "https://commonslibrary.parliament.uk/research-briefings/", "House of Commons Library", True),
    # a joint statement is its first-named body's
    ("Napo, UNISON and GMB joint statement", None, "Napo", True),
])
def test_publisher_resolution(raw, url, name, in_registry):
    from registry import resolve_publisher
    publisher = resolve_publisher(raw, url)
    assert (publisher.name, publisher.organisation.in_registry) == (name, in_registry)


def test_bodies_that_publish_figures_are_known():
    from registry import find_organisations
    text = ("The Prisons and Probation Ombudsman, HMICFRS, the Crown Prosecution Service, the Youth Justice "
            "Board, the Criminal Justice Joint Inspection, the House of Commons Library, Crest Advisory, "
            "the Institute for Government, the Howard League and Revolving Doors")
    assert [o.name for o in find_organisations(text)] == [
        "Prisons and Probation Ombudsman", "HMICFRS", "CPS", "Youth Justice Board",
        "Criminal Justice Joint Inspection", "House of Commons Library", "Crest Advisory",
        "Institute for Government", "Howard League", "Revolving Doors"]


def extract_document(extractor, text, **fields):
    from ingest.model import Document, Passage
    doc = Document(text=text, file_start=0, published="2024-05-01",
                   passages=[Passage("paragraph", 0, len(text), source=fields.get("source"))], **fields)
    [stats] = extractor.extract([doc])
    return [(s.mention, s.source, json.loads(s.why)["source"]["rule"]) for s in stats]


def test_a_commons_library_briefing_is_the_librarys(extractor):
    got = extract_document(extractor, "There were 1,500 probation officer vacancies in March.",
                           source="House of Commons Library", publisher="House of Commons Library",
                           title="Probation staffing (research briefing)")
    assert got == [("1,500", "House of Commons Library", "publisher")]


def test_a_written_answer_speaks_for_the_department(extractor):
    got = extract_document(extractor, "There were 1,500 probation officer vacancies in March.",
                           source="UK Parliament", publisher="UK Parliament written answer",
                           title="Probation: vacancies")
    assert got == [("1,500", "MoJ", "publisher:parliament-answers")]


def test_a_publisher_known_only_by_its_domain_is_the_body_its_lead_names(extractor):
    got = extract_document(extractor, "The Prisons and Probation Ombudsman received 4,800 complaints in the year.",
                           source="example-ombudsman.org.uk", publisher="example-ombudsman.org.uk",
                           title="Annual report")
    assert got == [("4,800", "Prisons and Probation Ombudsman", "publisher:named-in-lead")]


def test_a_pasted_letter_is_its_authors_body_even_unregistered(extractor):
    got = extract_post(extractor, [
        "Here is the letter staff got this morning from J. Roe, chief executive of Acme Rehabilitation CRC:-",
        "We will reduce headcount by 120 posts over the year."])
    assert got["120"] == ("Acme Rehabilitation CRC", "reproduced:colon-dash")


def test_data_from_a_freedom_of_information_request_is_the_bodys(extractor):
    got = extract_post(extractor, [
        "We obtained the data through a Freedom of Information request to the Ministry of Justice. "
        "The data shows officers worked at 118 per cent of capacity."], publisher="Acme News", kind="news")
    assert got["118 per cent"] == ("MoJ", "restated:the-publication")


def test_a_standfirst_set_as_a_title_line_is_the_lead(extractor):
    got = extract_post(extractor, [
        "INSPECTORS have branded probation services in the county inadequate.",
        "The unit got the lowest rating in seven of nine areas."], publisher="Acme News", kind="news",
        first_kind="title")
    assert got == {"seven": ("HMIP", "restated:lead-has-done"), "nine": ("HMIP", "restated:lead-has-done")}


def test_a_release_is_a_publication_an_early_release_scheme_is_not(extractor):
    _, stats = extract(extractor, "The MoJ's latest release shows 3,100 officers in post.", source="Acme News")
    assert [(s.mention, s.source) for s in stats] == [("3,100", "MoJ")]


def test_a_charitys_own_briefing_keeps_its_figures(extractor):
    got = extract_post(extractor, [
        "Figures from the Ministry of Justice show the prison population rose to 88,000 last year.",
        "Our survey of 300 families found most had no contact."], publisher="Acme Trust", kind="charity")
    assert got == {"88,000": ("MoJ", "citation:publication-from"), "300": ("Acme Trust", "publisher")}


@pytest.mark.parametrize("raw,url,name", [
    (None, "https://www.gov.uk/government/organisations/prisons-and-probation-ombudsman/about", "Prisons and Probation Ombudsman"),
    ("GOV.UK", "https://www.gov.uk/government/organisations/hm-prison-and-probation-service", "HMPPS"),
    (None, "https://committees.parliament.uk/committee/102/justice-committee/news/", "Justice Committee"),
    # a name given, though unknown, is kept: the address's path does not replace it
    ("Example Ombudsman", "https://www.gov.uk/government/organisations/ministry-of-justice", "Example Ombudsman"),
])
def test_a_page_on_a_shared_site_is_the_body_its_address_names(raw, url, name):
    from registry import resolve_publisher
    assert resolve_publisher(raw, url).name == name


def test_a_gov_uk_page_is_the_body_its_lead_names(extractor):
    got = extract_document(extractor, "The Youth Justice Board said 2,300 children were in custody.",
                           source="HM Government", publisher="GOV.UK", title="Youth custody data")
    assert got == [("2,300", "Youth Justice Board", "speaker:said")]
    got = extract_document(extractor, "There were 2,300 children in custody in March.",
                           source="HM Government", publisher="GOV.UK", title="Youth Justice Board: custody data")
    assert got == [("2,300", "Youth Justice Board", "publisher:named-in-lead")]


def test_a_bloggers_first_person_remark_on_restated_figures_stays_theirs(extractor):
    got = extract_post(extractor, [
        "Latest Ministry of Justice figures show 12,000 people were recalled last year.",
        "That means about 33 recalls a day, by my reckoning.",
        "Some 4,100 of them were recalled for a further offence."])
    assert got == {"12,000": ("MoJ", "restated:figures-show"), "33": ("Acme Blog", "writer:first-person"),
                   "4,100": ("MoJ", "restated:figures-show")}


def test_a_lead_reporting_a_verdict_in_the_passive_names_its_body(extractor):
    got = extract_post(extractor, [
        "Probation services in the town have been rated inadequate by inspectors.",
        "Only 40 per cent of cases had a sound risk assessment."], publisher="Acme News", kind="news")
    assert got == {"40 per cent": ("HMIP", "restated:lead-judged-by")}


def test_a_sentence_opening_with_and_goes_on_with_the_same_speaker(extractor):
    _, stats = extract(extractor, "The Ministry of Justice warned 15% of prisons are short of staff. And on probation, "
                       "a third of regions have fewer than 80% of the officers they need. Our reporter counted 12 empty desks.",
                       source="Acme News")
    assert {s.mention: s.source for s in stats} == {"15%": "MoJ", "a third": "MoJ", "80%": "MoJ", "12": "Acme News"}


def test_a_quotation_whose_speaker_is_named_after_it_is_the_speakers(extractor):
    _, stats = extract(extractor, "“Staff are carrying 70 cases each,” said Jane Roe, general secretary of Napo. "
                       "“Of the cases we looked at, just 5% were sound,” the inspection report by HM Inspectorate "
                       "of Probation said.", source="Acme News")
    assert {s.mention: (s.source, json.loads(s.why)["source"]["rule"]) for s in stats} == {
        "70": ("Napo", "speaker:quoted-before"), "5%": ("HMIP", "speaker:quoted-before")}


def test_a_shadow_minister_does_not_speak_for_the_department(extractor):
    # published 2026-02-05: the Conservatives were the official opposition
    _, stats = extract(extractor, "Shadow justice secretary Jane Roe said 40% of regions were short of staff.",
                       source="Acme News")
    assert [(s.mention, s.source) for s in stats] == [("40%", "Conservative Party")]


def test_eval_prints_the_rule_that_decided_a_wrong_source(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    sentence = "There were 1,745 probation officer vacancies."
    (corpus / "post.txt").write_text("---\npublisher: Acme Blog\nkind: blog\npublished: 2024-05-01\n---\n"
                                     f"Title\n{sentence}\n", "utf-8")
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"doc": "post.txt", "sentence": sentence, "mention": "1,745", "value": 1745,
                                "value_high": None, "unit": "count", "metric": "vacancies", "year": 2024,
                                "source": "HMPPS", "core": True}) + "\n", "utf-8")
    result = CliRunner().invoke(cli, ["eval", str(gold), "--corpus", str(corpus), "--db", str(tmp_path / "e.db"),
                                      "--show-errors"], catch_exceptions=False)
    lines = result.output.splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  source: post.txt '1,745'"))
    assert lines[at + 1] == "      why: publisher: 'Acme Blog'"
