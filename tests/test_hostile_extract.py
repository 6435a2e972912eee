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
