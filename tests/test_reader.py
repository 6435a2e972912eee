"""Bad input gets one clear error naming the file and the reason."""
from pathlib import Path

import pytest

from ingest import IngestError, ingest_file


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name,data,reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file (only white space)"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "unknown format: a PNG image; save it as PDF, HTML or text"),
    ("data.bin", b"\x01\x02\x00\x00\x07 raw words", "binary file (contains NUL bytes)"),
    ("latin1.txt", "Caf\u00e9 staff".encode("latin-1"), "invalid UTF-8 at byte 3"),
    ("report.docx", b"PK\x03\x04 something",
     "unknown format: a ZIP archive (a Word or OpenDocument file?); save it as PDF, HTML or text"),
    ("numbers.txt", b"12 34 56\n78\n", "unknown format: not a blog dump, committee report or article text"),
    ("page.txt", b"<!DOCTYPE html><html><body><p>Hi there friends of probation</p></body></html>",
     "no article found in the HTML page (no part of it has 30 or more words outside menus and banners)"),
    ("open.txt", b"---\ntitle: No end\nThe text.\n", "malformed front matter: no closing '---' line"),
    ("badyaml.txt", b"---\ntitle: [unclosed\n---\nThe text of it all.\n",
     "malformed front matter: while parsing a flow sequence"),
])
def test_bad_input_names_file_and_reason(tmp_path, name, data, reason):
    path = write(tmp_path, name, data)
    with pytest.raises(IngestError) as info:
        ingest_file(path, name)
    assert info.value.path == name
    assert info.value.reason == reason
    assert str(info.value) == f"{name}: {reason}"


def test_front_matter_is_metadata_not_text(tmp_path):
    path = write(tmp_path, "napo.txt", (
        "---\ntitle: Napo mail-out\npublisher: Napo\nkind: union\nurl: https://www.napo.org.uk/\n"
        "published: 2025-06-01\n---\nNapo mail-out\nCaseloads of over 70 are now common.\n").encode())
    source, [doc] = ingest_file(path, "napo.txt")
    assert (doc.title, doc.source, doc.kind, doc.published, doc.url) == (
        "Napo mail-out", "Napo", "union", "2025-06-01", "https://www.napo.org.uk/")
    assert not doc.text.startswith("---")
    assert source.text[doc.file_start:].startswith("Napo mail-out")


def test_undescribed_file_still_ingests(tmp_path):
    path = write(tmp_path, "loose.txt", b"A note\nThere were 464 vacancies in December 2020.\n")
    _, [doc] = ingest_file(path, "loose.txt")
    assert (doc.source, doc.kind, doc.published) == ("unknown", "unknown", None)


@pytest.mark.parametrize("front,published,kind,warning", [
    ("published: 2015-08", "2015-08", "unknown", None),
    ("published: 2015", "2015", "unknown", None),
    ("published: 2015-08-14", "2015-08-14", "unknown", None),
    ("kind: parliament", None, "parliament", None),
    ("kind: pressure group", None, "pressure group",
     "front matter: kind 'pressure group' is not one of audit, blog, charity, comment, committee, "
     "government, inspectorate, news, parliament, statistics, union, unknown; kept as given"),
    ("published: 12/02/2026", None, "unknown",
     "front matter: published '12/02/2026' is not a date (YYYY, YYYY-MM or YYYY-MM-DD); ignored"),
    ("titel: Typo", None, "unknown", "front matter: unknown key(s) titel ignored"),
])
def test_front_matter_as_people_write_it_never_drops_the_document(tmp_path, front, published, kind, warning):
    path = write(tmp_path, "note.txt", f"---\n{front}\n---\nSome words of text here.\n".encode())
    source, [doc] = ingest_file(path, "note.txt")
    assert (doc.published, doc.kind) == (published, kind)
    assert source.warnings == ([warning] if warning else [])


@pytest.mark.parametrize("publisher,url,name,in_registry,reproduces", [
    ("Ministry of Justice / HMPPS (Official Statistics, GOV.UK)", None, "HMPPS", True, None),
    ("Parliament Today (reproducing House of Commons Public Accounts Committee press notice)", None,
     "Parliament Today", True, "PAC"),
    ("North Yorkshire UNISON branch", None, "UNISON", True, None),
    ("House of Commons Justice Committee", None, "Justice Committee", True, None),
    (None, "http://probationmatters.blogspot.com/2017/11/lies.html", "On Probation blog", True, None),
    ("Weekly Bugle (Leeds edition)", None, "Weekly Bugle", False, None),
])
def test_every_publisher_string_resolves_to_an_organisation(tmp_path, publisher, url, name, in_registry,
                                                            reproduces):
    lines = ["---"] + ([f'publisher: "{publisher}"'] if publisher else []) + ([f"url: {url}"] if url else [])
    path = write(tmp_path, "note.txt", ("\n".join(lines + ["---", "A title", "There were 464 probation officer vacancies in all."])
                                        + "\n").encode())
    _, [doc] = ingest_file(path, "note.txt")
    assert (doc.source, doc.publisher_in_registry, doc.reproduces) == (name, in_registry, reproduces)
    assert doc.publisher == publisher
    expected = reproduces or name
    assert {p.source for p in doc.passages} == {expected}


@pytest.mark.parametrize("name,url,published_inferred", [
    # nothing in the text dates it: the year in its address, else in its file name
    ("essex-north-inadequate-2022.txt", None, "2022"),
    ("story.txt", "https://www.gov.uk/government/news/2023/01/probation-pay", "2023"),
    ("staff-in-post-2010-2017.txt", None, "2017"),
    ("story.txt", "https://gazette-news.co.uk/news/20144842.probation-report", None),  # an id, not a year
    ("story.txt", None, None),
])
def test_an_undated_document_takes_the_year_it_is_named_with(tmp_path, name, url, published_inferred):
    path = tmp_path / name
    front = f"url: {url}\n" if url else ""
    path.write_text(f"---\npublisher: Daily Gazette\nkind: news\n{front}---\nInspectors find failings\n"
                    "Only a quarter of the cases inspected were sufficient.\n", "utf-8")
    _, [doc] = ingest_file(path, name)
    assert (doc.published, doc.published_inferred) == (None, published_inferred)


@pytest.mark.parametrize("name,inferred", [
    ("report-2022.txt", "2022"),  # written after March 2019: the name's later year is better evidence
    ("report-2019.txt", "2019-03"),  # the same year: the text's date is more precise
    ("report-2018.txt", "2019-03"),  # a name's year before a date the text mentions is not when it was written
])
def test_the_file_name_year_against_dates_in_the_text(tmp_path, name, inferred):
    path = tmp_path / name
    path.write_text("---\npublisher: Napo\nkind: union\n---\nStaffing crisis\n"
                    "As of March 2019 there were 500 vacancies.\n", "utf-8")
    _, [doc] = ingest_file(path, path.name)
    assert doc.published_inferred == inferred
