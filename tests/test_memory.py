"""Memory a long document costs (issue 22: a 50 MB file of each format under 1 GB), asserted as
the Python allocations tracemalloc counts, never as a time. The documents are generated here
from the seeds' paragraphs."""
import tracemalloc
from types import SimpleNamespace

import pytest

from claims.build.build import word_count
from claims.tools.bench import _seed_paragraphs, large_file
from extract.pipeline import PassageReadings, masked_passage_text
from extract.reading import reading_text
from ingest import ingest_file

from conftest import CORPUS


def traced_peak(work) -> tuple[object, int]:
    """What `work()` returns and the peak of the Python memory it allocated, in bytes."""
    tracemalloc.start()
    try:
        result = work()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_word_count_is_split_counted_a_stretch_at_a_time(monkeypatch):
    import claims.build.build as build
    text = "Caseloads\u00a0of 70\n\nare\x1ccommon.  A  £35,130 salary\tin 2024/25 " * 7
    for at_once in (1, 3, 10, 1 << 20):
        monkeypatch.setattr(build, "WORDS_AT_ONCE", at_once)
        assert word_count(text) == len(text.split())
    assert word_count("") == 0
    assert word_count(" " * 50) == 0
    assert word_count("x" * 3_000_000) == 1


def test_word_count_of_a_long_text_does_not_hold_its_words():
    text = "There were 464 probation officer vacancies in 2024. " * 80_000  # 4.2 MB, 640,000 words
    count, peak = traced_peak(lambda: word_count(text))
    assert count == 640_000
    # text.split() made a list of every word: 40 MB here; a stretch of 1 MB at a time
    assert peak < 16 * 1024 * 1024, peak


def _document(texts: list[str]):
    passages, start, joined = [], 0, []
    for text in texts:
        passages.append(SimpleNamespace(start=start, end=start + len(text), footnote_refs=[]))
        joined.append(text)
        start += len(text) + 1
    full = "\n".join(joined)
    return SimpleNamespace(passages=passages, passage_text=lambda p: full[p.start:p.end])


def test_passage_readings_are_made_in_order_and_only_the_last_few_kept():
    texts = [f"In {2000 + n % 25} there were {n:,}\u00a0vacancies\u200b." for n in range(300)]
    document = _document(texts)
    readings = PassageReadings(document)
    for i in range(len(texts)):
        reading = readings[i]
        assert reading.text == reading_text(masked_passage_text(document, document.passages[i])).text
        assert readings.texts[max(0, i - 1):i] + readings.texts[i + 1:i + 2] == \
            [reading_text(t).text for t in texts[max(0, i - 1):i] + texts[i + 1:i + 2]]
        assert len(readings.kept) <= PassageReadings.KEEP
    assert len(readings.texts) == 300
    assert readings.texts[-1] == reading_text(texts[-1]).text
    assert readings.texts[0] == reading_text(texts[0]).text  # read again once let go


@pytest.fixture(scope="module")
def long_report(tmp_path_factory):
    """A plain-text report of 150 KB: about 300 sentences with a figure to parse."""
    folder = tmp_path_factory.mktemp("long")
    name, content = large_file("text", _seed_paragraphs(CORPUS), 150_000)
    (folder / name).write_bytes(content)
    return ingest_file(folder / name, name)[1]


def test_extracting_a_long_report_stays_within_a_bound(extractor, long_report):
    found, peak = traced_peak(lambda: extractor.extract(long_report))
    assert sum(len(part) for part in found) > 250
    # the parser's arrays are padded to the longest sentence of its minibatch: 256 sentences
    # at a time peaked at 104 MB on this report, 64 at a time at 42 MB
    assert peak < 70 * 1024 * 1024, peak
