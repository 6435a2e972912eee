"""Hostile text for extraction (issue 22): work linear in the figures of a passage, whatever
their layout. Scaling is asserted by counting the function calls extraction makes (cProfile's
count, which does not depend on the machine's speed) for n and 4n figures: linear work gives a
ratio of at most 4, one rescan of the passage per figure 8 to 16."""
import cProfile
import pstats

import pytest

from extract.pipeline import PUNCTUATION_TOKEN, MAX_SHOWN, masked_passage_text
from ingest.model import Document, Passage
from test_extract import extract

SMALL, LARGE = 100, 400
LINEAR_RATIO = 4.5  # 4 for linear work (less with per-passage constants); one rescan per figure 8-16

PASSAGES = {
    # a table flattened to one line: one "sentence" of n figures
    "one-line table": lambda n: " ".join(str(1000 + 7 * i) for i in range(n)),
    "percentages": lambda n: "1% " * n,
    "nested brackets": lambda n: "There were " + " ".join(f"{i + 10} (" for i in range(n)) + ")" * n + ".",
    "one cell a line": lambda n: "\n".join(f"{i + 10}.5" for i in range(n)),
    # a date and a figure per clause: each figure's period is looked up among n dates
    "dated clauses": lambda n: " ".join(f"In {2000 + i % 20} there were {i + 10} officers," for i in range(n)),
    "short sentences": lambda n: " ".join(f"There were {i + 10} officers." for i in range(n)),
}


def calls_to_extract(extractor, text):
    profile = cProfile.Profile()
    profile.enable()
    _, stats = extract(extractor, text)
    profile.disable()
    return pstats.Stats(profile).total_calls, stats


@pytest.mark.parametrize("name", PASSAGES)
def test_extraction_is_linear_in_the_figures_of_a_passage(extractor, name):
    make = PASSAGES[name]
    small, small_stats = calls_to_extract(extractor, make(SMALL))
    large, large_stats = calls_to_extract(extractor, make(LARGE))
    assert len(large_stats) >= 3 * len(small_stats) > 0
    assert large / small < LINEAR_RATIO, f"{name}: {small} calls for {SMALL} figures, {large} for {LARGE}"


def test_a_long_run_of_punctuation_is_cut_into_short_tokens(extractor):
    """spaCy strips a token's closing brackets one at a time, searching the rest each time:
    4,000 of them in one token cost seconds. Cut, the text keeps its length and offsets."""
    text = "There were 5 " + ")" * 4000 + " officers and " + "." * 40 + "45"
    document = Document(text=text, file_start=0, source="PAC", published="2026-02-05",
                        passages=[Passage("paragraph", 0, len(text), source="PAC")])
    masked = masked_passage_text(document, document.passages[0])
    assert len(masked) == len(text)
    assert max(len(t) for t in extractor.nlp.make_doc(masked)) == PUNCTUATION_TOKEN
    assert masked.endswith(".45")  # a leader stays glued to the number after it
    got, _ = extract(extractor, text)
    assert ("5", 5, None, "count", "=") in got


def test_a_sentence_of_many_figures_is_stored_as_the_words_around_each(extractor):
    text = PASSAGES["one-line table"](800)
    _, stats = extract(extractor, text)
    assert len(stats) > 700
    for stat in stats:
        assert len(stat.sentence) <= MAX_SHOWN
        assert stat.sentence == text[stat.sentence_start:stat.sentence_end]
        assert stat.sentence_start <= stat.start < stat.end <= stat.sentence_end
        assert stat.value == float(stat.mention)


# -- a figure is a finite number of sane size (issue 22 row 3) --------------------------

@pytest.mark.parametrize("text", [
    "The budget was " + "9" * 400 + " pounds.",
    "It cost £1e999 in all.",
    "There were 1e400 officers.",
    "Some 4.2x10^500 cases were open.",
])
def test_a_number_too_large_to_be_a_figure_is_no_figure_and_no_part_of_one(extractor, text):
    got, _ = extract(extractor, text)
    assert got == []


def test_scientific_notation_keeps_its_power_of_ten(extractor):
    got, _ = extract(extractor, "About 1.3x10^6 people and 2.5e4 staff were counted.")
    assert got == [("1.3x10^6", 1300000, None, "count", "~"), ("2.5e4", 25000, None, "count", "=")]


# -- invisible and compatibility characters inside a number (issue 22 row 16) -----------

@pytest.mark.parametrize("text,mention,value", [
    ("The vacancy rate was 2\u200b1% last year.", "2\u200b1%", 21),  # zero-width space
    ("The vacancy rate was 2\x001% last year.", "2\x001%", 21),  # NUL
    ("The vacancy rate was \u202e21%\u202c last year.", "21%", 21),  # bidi override around it
    ("The vacancy rate was ２１％ last year.", "２１％", 21),  # full-width digits and sign
    ("The vacancy rate was 2\u00ad1% last year.", "2\u00ad1%", 21),  # soft hyphen
])
def test_a_number_split_by_an_invisible_character_is_read_whole(extractor, text, mention, value):
    got, [stat] = extract(extractor, text)
    assert got == [(mention, value, None, "percent", "=")]
    # offsets are into the stored text, which is unchanged
    assert text[stat.start:stat.end] == mention
    assert stat.sentence == text[stat.sentence_start:stat.sentence_end] == text[:-0 or None].strip()


def test_superscripts_and_fractions_are_not_normalised_into_digits(extractor):
    got, _ = extract(extractor, "There were 3,550¹ officers and 2½ years of training.")
    assert ("3,550", 3550, None, "count", "=") in got
    assert ("2½ years", 2.5, None, "years", "=") in got


def test_reading_text_maps_every_stretch_back_to_the_original():
    from extract.reading import reading_text
    original = "a\u200bb ２１％ \ufeffc\u00a0d"
    reading = reading_text(original)
    assert reading.text == "ab 21% c d"
    assert reading.original_span(0, 2) == (0, 3)  # "a\u200bb"
    assert reading.original_span(3, 6) == (4, 7)  # "２１％"
    assert reading.original_span(7, 8) == (9, 10)  # "c", after the removed BOM
    assert reading.original_span(10, 10) == (len(original), len(original))
    assert reading_text("plain text").changed is False


# -- years outside 1800-2100 are not dates ---------------------------------------------

def test_a_publication_year_out_of_range_dates_nothing():
    from extract.periods import find_dates
    assert [d.period and str(d.period) for d in find_dates("over the next three years", "9999-12-31")] == [None]
    assert [d.period and str(d.period) for d in find_dates("over the next three years", "2024-01-01")] == ["2024..2027"]
    assert [d.period and str(d.period) for d in find_dates("over the next 5000 years", "2024-01-01")] == []
