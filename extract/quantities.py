"""The quantity grammar: every written form of a number, built from the number lexicon. A
Quantity is a candidate number in a text; a statistic is a quantity the pipeline keeps and
describes; a figure (claims/build/figures.py) is one fact that several statistics state.

`find_quantities` returns candidate quantities with their value, range, unit and comparator; the
spaCy component in extract/pipeline.py filters them with the parse (labels, list numbers,
"one" as a pronoun) and describes them (period, metric, subject, source)."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import alternation, load_lexicon
from .spans import TakenRanges


@dataclass
class Quantity:
    start: int
    end: int
    text: str
    value: float
    value_high: float | None
    unit: str
    comparator: str = "="
    form: str = "number"  # which grammar rule read it
    is_word: bool = False  # written in words ("seven"), not digits

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end


# the power of ten of scientific notation, after a number's digits
POWER_OF_TEN = r"[eE][+-]?\d+(?![\w.])|\s?[x×]\s?10\s?(?:\^\s?[-−]?\d+|[-−]\d+|⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]+)"
SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻−", "0123456789--")
# a figure is a finite number of sane size: a 400-digit number or "£1e999" is not one
LARGEST_VALUE = 1e15

# words one of which a duration holds ("years", "a fortnight", "the past decade")
TIME_WORDS = ["second", "minute", "hour", "day", "week", "fortnight", "month", "year", "decade"]


@lru_cache(maxsize=1)
def grammar() -> dict:
    lex = load_lexicon("numbers")
    units = alternation(lex["units_words"])
    tens = alternation(lex["tens_words"])
    mult = alternation(lex["multipliers"])
    simple = rf"(?:(?:{tens})(?:[- ](?:{units}))?|{units})"
    # "two hundred and fifty", "twenty-eight thousand six hundred and forty-two", "a hundred and two"
    word_num = (rf"(?:(?:{simple}|a)[- ](?:{mult})(?:,?[- ](?:and )?{simple}(?:[- ](?:{mult}))?)*"
                rf"(?: and {simple})?|{simple}|a dozen|dozen)")
    # "1.3e6", "1.3x10^6", "1.3 × 10⁶": a power of ten after the digits belongs to the number
    # (read whole, "£1e999" is no figure rather than £1)
    digits = rf"(?:10\^[-−]?\d+|\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?|(?<!\S)\.\d+)(?:{POWER_OF_TEN})?"
    # "two and a half years", "1 and a half"
    # "2 1/2", "2½": a whole number and a fraction, before a unit
    mixed = r"\d+(?:\s[1-9]/[2-9]|\s?[½¼¾⅓⅔])(?![\d/])"
    num = rf"(?:(?:{mixed}|{digits}|{word_num})(?:[- ]and[- ]a[- ]half)?)"
    percent = alternation(lex["percent_words"])
    scale = alternation(lex["money_scales"])
    letter_scale = alternation(lex["money_letter_scales"])
    time_unit = alternation(lex["time_units"])
    fractions = alternation(lex["fractions"])
    decades = alternation(lex["decade_words"])
    durations = alternation(lex["duration_phrases"])
    vulgar = "".join(lex["vulgar_fractions"])
    vague = alternation(lex["vague_magnitudes"])
    special = alternation(lex["special_numbers"])
    physical = alternation(lex["physical_units"])
    foreign = alternation(lex["foreign_currency_signs"])
    # a figure does not start inside a word, a code or another number; a dash before it is a
    # sign only after a space ("-1.3%"), not inside "10-20" or "COVID-19"
    # nor after "^" (an exponent: "m^2"), "±" or "+/-" (a tolerance), or "+" glued to a code ("J1149.5+6663")
    b = r"(?<![\w£$€.,/^±])(?<![\w.,/][-‐–+])(?<!\+/-)(?<!\+/- )(?<!± )"
    # a superscript digit after a number is a footnote marker ("3,550¹"), not part of it
    e = r"(?!(?![¹²³⁰⁴-⁹])[\w/])"
    multiplied = alternation(lex["multiplied_words"])
    none_phrases = alternation(lex["none_phrases"])
    article_after = alternation(lex["article_duration_after"])
    article_units = alternation(lex["article_durations"])
    pairs = lex["imperial_pairs"]
    big_units = alternation(w for pair in pairs for w in pair[0])
    small_units = alternation(w for pair in pairs for w in pair[1])
    tens = alternation(lex["tens_words"])
    metre_cues = alternation(lex["metre_cues_after"])
    odds_after = alternation(lex["odds_after"])
    percent_alt = alternation(lex["percent_words"])
    rules = [
        # "odds of 5-1", "3 to 1 odds": one figure, the ratio
        ("odds", rf"\bodds (?:of |at )?(?:about |around )?(?P<a>\d+)\s?(?:[-–/]|to)\s?(?P<b>\d+)(?![\w.,%])"
                 rf"|{b}(?P<a2>\d+)\s?(?:[-–/]|to)\s?(?P<b2>\d+)(?= (?:{odds_after})\b)"),
        # "a ratio of 3:1": one figure (one digit after the colon: no time of day)
        ("ratio_colon", rf"{b}(?P<a>\d{{1,3}}):(?P<b>\d)(?![\d:])"),
        # "United beat City 4-3", "a 52-48 vote": a result, no figure (read to block its numbers)
        ("score", rf"{b}(?P<n>{num})\s?[-–]\s?(?P<h>\d{{1,3}})(?![\w/%£$€]|[.,]\d|[-–]\d|\s?(?:{percent_alt})(?![A-Za-z]))"),
        # "5ft 10in", "7lb 6oz": one height or weight
        ("imperial_pair", rf"{b}(?P<n>{num})\s?(?P<u1>{big_units})\.?\s?(?P<h>\d+(?:\.\d+)?)\s?(?P<u2>{small_units})\b"),
        # "35°C", "-3C", "highs of 28C"
        ("temperature", rf"{b}(?P<n>{num})\s?(?:(?P<deg>°|º)\s?(?-i:[CF])?|(?P<cf>(?-i:[CF])))(?![\w°])"),
        # "the 100m final", "a tower 310m tall": metres, not millions
        ("metres", rf"{b}(?P<n>{num})m (?=(?:{metre_cues})\b)"),
        # "a 40-something accountant", "twentysomethings": a decade of ages
        ("something", rf"{b}(?P<n>\d0|{tens})[- ]?(?:{alternation(lex['something_words'])})\b"),
        # "a man in his 30s", "in their early twenties": an age in a decade of years
        ("age_decade", rf"\bin (?:{alternation(lex['age_decade_before'])}) (?:early |mid-?|late )?(?P<n>\d0['’]?s|{decades})\b"),
        # "a six-figure salary": the numbers of that many digits
        ("figure_size", rf"{b}(?P<n>{units}|\d{{1,2}})[- ](?:{alternation(lex['figure_sizes'])})\b"),
        # "a threefold rise", "rose tenfold", "2x more": how many times over
        ("fold", rf"{b}(?P<n>{num})[-‐ ]?(?:{alternation(lex['fold_words'])})\b|{b}(?P<nx>{digits})x(?![\w×^])"),
        # "between $5bn and $6bn", "between £3772 and £1405": a range of money, its ends in either order
        ("money_between", rf"\bbetween (?P<cur>£|{foreign})\s?(?P<n>{digits})(?:\s?(?P<scale>{scale})\b)? and "
                          rf"(?:£|{foreign})?\s?(?P<h>{digits})(?:\s?(?P<scale2>{scale})\b)?"),
        ("foreign_money", rf"(?<![\w.,])(?:{foreign})\s?(?P<n>{digits})(?:\s?(?P<scale>{scale})\b|(?P<letter>{letter_scale})\b)?"
                          rf"(?:\s?(?:[-–]|to)\s?(?P<cur2>{foreign})?(?P<h>{digits})(?:\s?(?P<scale2>{scale})\b)?)?"),
        ("pence", rf"{b}(?P<n>\d+(?:\.\d+)?)p(?![\w£$€%])"),
        ("pence_word", rf"{b}(?P<n>{num}) pence\b"),
        # "between 44 and 50 mg", "5-10 miles", "44 mg to 50 mg": a range of a measure
        ("physical_between", rf"\bbetween (?P<n>{num})\s?(?:{physical})? (?:and|to) (?P<h>{num})\s?(?:{physical})\b"),
        ("physical_range", rf"{b}(?P<n>{num})(?:\s?(?:{physical}))?\s?(?:[-–]|to)\s?(?P<h>{num})\s?(?:{physical})\b"),
        ("physical", rf"{b}(?P<n>{num})\s?(?P<scale>{scale})?[\s‐-]?(?:{physical})\b"),
        # "a quarter of a million people"
        ("fraction_of_scale", rf"(?i:\b(?P<f>{fractions}) of an? (?P<scale>million|billion|thousand)\b)"),
        ("money_words", rf"{b}(?P<n>half|{word_num}|{digits}) an? (?P<scale>billion|million) pounds\b"),
        # "half a million homes", "half a dozen": half of the scale
        ("half_scale", rf"\b(?P<half>half) an? (?P<scale>million|billion|thousand|dozen)\b(?! pounds\b)"),
        ("money", rf"(?<![\w.,])£\s?(?P<n>{digits})(?:\s?(?P<scale>{scale})\b|(?P<letter>{letter_scale})\b)?(?:\s?(?:[-–]|to)\s?(?P<cur2>£)?(?P<h>{digits})(?:\s?(?P<scale2>{scale})\b)?)?"),
        ("percent_between", rf"\bbetween (?P<n>{num})\s?(?:{percent})? and (?P<h>{num})\s?(?:{percent})(?![A-Za-z])"),
        ("percent_range", rf"{b}(?P<n>{num})(?:\s?–\s?|(?<=\d)-(?=\d)|%[-–](?=\d)| to )(?P<h>{num})\s?(?:{percent})(?![A-Za-z])(?P<plus>\+)?"),
        ("percent", rf"{b}(?P<n>{num}|{special})\s?(?:{percent})(?![A-Za-z])(?P<plus>\+)?"),
        ("ratio_out_of", rf"{b}(?P<a>{num}) out of (?P<b>{num}){e}"),
        ("ratio_in", rf"{b}(?P<a>{num}) in (?:every )?(?P<b>{num}){e}(?! (?:{time_unit})s?\b)"),
        ("duration_between", rf"\bbetween (?P<n>{num})(?: (?P<tu1>{time_unit})s?)? and (?P<h>{num}) (?P<tu>{time_unit})s?\b"),
        ("duration_range", rf"{b}(?P<n>{num})\s?(?:[-–]|to|or)\s?(?P<h>{num})[ -](?P<tu>{time_unit})s?\b"),
        ("duration_phrase", rf"(?i:\b(?:{durations})\b)"),
        # "over a year", "within a year of release": the article is the number (the words
        # before it say that it is a length of time, not a rate: "£30,000 a year")
        ("article_duration", rf"\b(?:{article_after}) (?P<a>an? (?P<tu>{article_units}))\b(?! (?:ago|earlier|later|on|before)\b)"),
        ("duration", rf"{b}(?P<n>{num})[ -](?P<tu>{time_unit})s?\b"),
        ("times", rf"\b(?:twice|thrice)\b|{b}(?P<n>{num}) times\b"),
        # "the number has doubled", "halved": a change of how many times over
        # (not the idiom "doubled down")
        ("multiplied", rf"\b(?P<m>{multiplied})\b(?! down\b)"),
        # "not one prisoner": none (not "it is not a single problem")
        ("none", rf"(?<!\bis )(?<!\bwas )(?<!\bare )(?<!\bwere )(?<!\bbe )(?<!['’]s )"
                 rf"\b(?P<z>{none_phrases})\b(?= [A-Za-z])(?! (?:of|but|only|just|or|and)\b)"),
        # "5 to 10 million users", "between 2 and 3m": a range before one scale word
        ("scaled_range", rf"(?:\bbetween )?{b}(?P<n>{digits})\s?(?:[-–]|to|and|or)\s?(?P<h>{digits})\s?(?P<scale>{scale})(?![\w£$€%])"),
        ("between", rf"\bbetween (?P<n>{num}) and (?P<h>{num}){e}"),
        ("range_or", rf"{b}(?P<n>{num}) (?:or|to) (?P<h>{num}){e}(?! (?:or|to)\b)"),
        ("range_dash", rf"{b}(?P<n>{digits})\s?[–-]\s?(?P<h>{digits}){e}"),
        ("decade_count", rf"\binto the (?P<dw>{decades})\b"),
        ("vague", rf"\b(?P<v>{vague})\b"),
        # "one and a half million": a mixed number before a scale word
        ("scaled_words", rf"{b}(?P<n>(?:{digits}|{word_num}|a) and a half)\s(?P<scale>million|billion|thousand)\b"),
        # "1⁄32", "⅔", and a small fraction written with a slash ("3/4", never "24/7" or a date)
        ("vulgar", rf"(?P<a>\d+)\s?⁄\s?(?P<b>\d+)|(?<!\d)(?P<v>[{vulgar}])|(?<![\d/.,])(?<!\d\s)(?P<sa>[1-9])/(?P<sb>[2-9])(?![\d/])"),
        # "the first half of the year" is a period, not a share
        ("fraction", rf"(?i:(?<!first )(?<!second )(?<!latter )(?<!former )\b(?:{fractions})\b)(?![-‐]\w)"),
        # "3.5 million people", "4.3M", "25k": a scale word or suffix after digits
        ("scaled", rf"{b}(?P<n>{digits})\s?(?P<scale>{scale})(?![\w£$€])"),
        ("number", rf"{b}(?P<n>{num}){e}"),
    ]
    # a rule is tried only on text holding its trigger: most rules need a word that most
    # passages lack ("between", "pence", a unit), and a scan for a word is far cheaper than one
    # for a pattern that starts with every way of writing a number
    # a rule opens with a number when its pattern starts with the boundary and a group of `num`
    # (or of `num` and the special number words, "teen%")
    number_first = re.compile(rf"{re.escape(b)}\(\?P<\w+>{re.escape(num)}(?:\)|\|{re.escape(special)}\))")
    # triggers are lower-case words looked up with `in` (a C-speed scan), or a pattern
    vulgar_chars = ["⁄", "/", *lex["vulgar_fractions"]]
    triggers = {
        "foreign_money": ["$", "€", "¥"], "pence": re.compile(r"\dp\b"), "pence_word": ["pence"],
        "physical": [str(u) for u in lex["physical_units"]],
        "fraction_of_scale": ["million", "billion", "thousand"], "money_words": ["pounds"],
        "money_between": ["between"], "money": ["£"], "scaled_range": re.compile(rf"\d\s?(?:{scale})", re.I), "percent_range": [*map(str.lower, lex["percent_words"]), "teen"],
        "percent": [*map(str.lower, lex["percent_words"]), "teen"], "ratio_out_of": ["out of"],
        "ratio_in": [" in "], "duration_between": ["between"],
        "duration_range": TIME_WORDS, "duration_phrase": TIME_WORDS, "duration": TIME_WORDS,
        "times": ["times", "twice", "thrice"], "between": ["between"],
        "multiplied": ["doubl", "tripl", "trebl", "quadrupl", "halv"], "none": ["not "],
        "article_duration": [" a year", " a month"], "range_or": [" or ", " to "],
        "range_dash": re.compile(r"\d\s?[–-]\s?\d"), "decade_count": ["into the"],
        "vague": ["hundreds", "thousands", "millions", "billions", "dozens"], "scaled_words": ["and a half", "and-a-half"],
        "vulgar": vulgar_chars, "fraction": ["half", "third", "quarter", "fifth", "sixth", "eighth", "tenth"],
        "scaled": re.compile(rf"\d\s?(?:{scale})", re.I),
        "odds": ["odds", "favourite", "favorite", "outsider", "-1 shot", " to 1 shot"],
        "score": re.compile(r"\d\s?[-–]\s?\d"),
        "ratio_colon": re.compile(r"\d:\d(?![\d:])"),
        "imperial_pair": [str(w) for pair in pairs for w in pair[0]],
        "temperature": re.compile(r"\d\s?(?:[°º]|[CF]\b)"),
        "metres": re.compile(r"\dm "),
        "age_decade": re.compile(r"\bin (?:his|her|their|my|your|our) ", re.I),
        "figure_size": ["-figure", "-digit", " figure sum", " figure salar"],
        "fold": re.compile(r"fold\b|\dx\b", re.I),
        "something": ["0-something", "0 something", "0something", "ty-something", "tysomething", "ty something"],
        "percent_between": ["between"],
        "physical_between": ["between"],
        "physical_range": [str(u) for u in lex["physical_units"]],
        "half_scale": ["half a"],
    }
    flags = re.I
    return {
        "rules": [(name, re.compile(rx, flags), triggers.get(name), number_first.match(rx) is not None)
                  for name, rx in rules],
        # where any number starts: rules that open with a number are tried there only
        "number_start": re.compile(rf"{b}(?:{num}|{special})", flags),
        "lex": lex,
    }


def parse_number(text: str) -> float | None:
    """The value of a number written in digits or words: "3,550", "Forty-two", "Five hundred"."""
    lex = grammar()["lex"]
    t = text.strip().lower().replace(",", "")
    mixed = re.fullmatch(r"(\d+)(?:\s([1-9])/([2-9])|\s?([½¼¾⅓⅔]))", t)
    if mixed:
        whole = float(mixed.group(1))
        if mixed.group(4):
            return whole + {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}[mixed.group(4)]
        return whole + int(mixed.group(2)) / int(mixed.group(3))
    t = t.replace("-and-a-half", " and a half")
    if t.endswith(" and a half"):
        whole = 1.0 if t[:-len(" and a half")] == "a" else parse_number(t[:-len(" and a half")])
        return None if whole is None else whole + 0.5
    try:
        return float(t)
    except ValueError:
        pass
    scientific = re.fullmatch(r"(?:([\d.]+)\s?[x×]\s?)?10\s?\^?\s?([-−⁻]?[\d⁰¹²³⁴⁵⁶⁷⁸⁹]+)", t)
    if scientific and scientific.group(1) is None and "^" not in t:
        scientific = None  # "10" alone is ten, not a power
    if scientific:
        # built as a float literal: a huge exponent reads as infinity, never an overflow error
        return float(f"{scientific.group(1) or 1}e{scientific.group(2).translate(SUPERSCRIPTS)}")
    if t in lex["special_numbers"]:
        return float(lex["special_numbers"][t][0])
    if t in ("a dozen",):
        return 12.0
    total = 0.0
    current = 0.0
    for word in re.split(r"[- ]+", t):
        if word in lex["units_words"]:
            current += lex["units_words"][word]
        elif word in lex["tens_words"]:
            current += lex["tens_words"][word]
        elif word in lex["multipliers"]:
            current = max(current, 1) * lex["multipliers"][word]
            if lex["multipliers"][word] >= 1000:
                total += current
                current = 0
        elif word in ("a", "and"):
            continue
        else:
            return None
    return total + current


def _is_word(text: str) -> bool:
    return not any(ch.isdigit() for ch in text)


def _unit_of_time(word: str) -> tuple[str, float]:
    lex = grammar()["lex"]
    word = word.lower().rstrip("s")
    return lex["time_units"].get(word, "other"), lex["time_unit_factor"].get(word, 1)


def _clean(value: float | None) -> float | None:
    """The value without float noise: four decimals, or six significant digits for a value
    below 0.01 ("9.83e-3" is 0.00983, not 0.0098)."""
    if value is None:
        return None
    if value != 0 and abs(value) < 0.01:
        return float(f"{value:.6g}")
    return float(round(value, 4))


def _money_scale(g: dict) -> float:
    """The scale word ("bn", "million") or glued letter ("$2.17T") after an amount."""
    lex = grammar()["lex"]
    if g.get("letter"):
        return lex["money_letter_scales"][g["letter"].lower()]
    return lex["money_scales"].get((g.get("scale") or "").lower(), 1)


def _build(name: str, m: re.Match) -> Quantity | None:
    lex = grammar()["lex"]
    text = m.group()
    s, e = m.start(), m.end()
    g = m.groupdict()
    if name in SPECIAL_BUILDERS:
        return SPECIAL_BUILDERS[name](name, m)
    if name == "money_words":
        n = 0.5 if g["n"].lower() == "half" else parse_number(g["n"])
        return Quantity(s, e, text, n * lex["money_scales"][g["scale"].lower()], None, "gbp", form=name)
    if name in ("money", "money_between", "foreign_money", "scaled_range"):
        unit = "gbp" if name == "money" or (name == "money_between" and g["cur"] == "£") else \
            "count" if name == "scaled_range" else "other"
        value, high = parse_number(g["n"]), None
        if value is None:
            return None
        scale = _money_scale(g)
        if g.get("h"):
            # "£3-4m", "$5-10 million": a scale after the high end alone is both ends'
            scale2 = lex["money_scales"].get((g.get("scale2") or "").lower())
            if scale2 is None:
                scale2 = scale
            elif not g.get("scale") and not g.get("letter"):
                scale = scale2
            high = parse_number(g["h"]) * scale2
            if name == "scaled_range" and high <= value * scale:
                return None  # a count range is written low to high
            # a range of money is its low end and its high end, however it is written
            value, high = min(value * scale, high), max(value * scale, high)
            return Quantity(s, e, text, value, high, unit, form=name)
        return Quantity(s, e, text, value * scale, None, unit, form=name)
    if name in ("percent", "percent_range", "percent_between"):
        if g["n"].lower() == "teen":
            lo, hi = lex["special_numbers"]["teen"]
            return Quantity(s, e, text, lo, hi, "percent", form=name, is_word=True)
        value = parse_number(g["n"])
        high = parse_number(g["h"]) if g.get("h") else None
        if value is None or (high is not None and high <= value):
            return None
        fig = Quantity(s, e, text, value, high, "percent", form=name, is_word=_is_word(g["n"]))
        if g.get("plus"):
            fig.comparator = ">"
            fig.end -= 1
            fig.text = fig.text[:-1]
        return fig
    if name in ("ratio_out_of", "ratio_in"):
        a, bb = parse_number(g["a"]), parse_number(g["b"])
        if not a or not bb or a > bb:
            return None
        if name == "ratio_out_of" and bb not in lex["share_bases"]:
            return None  # a part and its whole: the two numbers are read as counts
        return Quantity(s, e, text, round(100 * a / bb, 1), None, "percent", form=name,
                      is_word=_is_word(g["a"]))
    if name in ("duration_range", "duration_between"):
        unit, factor = _unit_of_time(g["tu"])
        lo, hi = parse_number(g["n"]), parse_number(g["h"])
        if lo is None or hi is None:
            return None
        if g.get("tu1") and g["tu1"].lower().rstrip("s") != g["tu"].lower().rstrip("s"):
            # "between 15 months and two years": both ends in the smaller unit
            unit1, factor1 = _unit_of_time(g["tu1"])
            if unit1 == "months" and unit == "years":
                hi, unit, factor = hi * 12, "months", 1
        if hi <= lo:
            return None  # "twenty-one years" is not the range 20-1
        return Quantity(s, e, text, lo * factor, hi * factor, unit, form=name, is_word=_is_word(g["n"]))
    if name == "article_duration":
        value, unit = lex["article_durations"][g["tu"].lower()]
        return Quantity(m.start("a"), e, g["a"], value, None, unit, form=name, is_word=True)
    if name == "multiplied":
        return Quantity(s, e, text, lex["multiplied_words"][text.lower()], None, "times", form=name, is_word=True)
    if name == "none":
        return Quantity(s, e, text, 0, None, "count", form=name, is_word=True)
    if name == "duration_phrase":
        value, high, unit = lex["duration_phrases"][text.lower()]
        return Quantity(s, e, text, value, high, unit, form=name, is_word=True)
    if name == "duration":
        unit, factor = _unit_of_time(g["tu"])
        value = parse_number(g["n"])
        if value is None:
            return None
        return Quantity(s, e, text, value * factor, None, unit, form=name, is_word=_is_word(g["n"]))
    if name == "times":
        low = text.lower()
        value = 2 if low == "twice" else 3 if low == "thrice" else parse_number(g["n"])
        if value is None:
            return None
        return Quantity(s, e, text, value, None, "times", form=name, is_word=_is_word(text))
    if name in ("between", "range_or", "range_dash", "physical_between", "physical_range"):
        lo, hi = parse_number(g["n"]), parse_number(g["h"])
        if lo is None or hi is None or hi <= lo:
            return None
        unit = "other" if name.startswith("physical") else "count"
        return Quantity(s, e, text, lo, hi, unit, form=name, is_word=_is_word(g["n"]))
    if name == "decade_count":
        lo = lex["decade_words"][g["dw"].lower()]
        start = m.start("dw")
        return Quantity(start, e, g["dw"], lo, lo + 9, "count", form=name, is_word=True)
    if name == "fraction":
        return Quantity(s, e, text, lex["fractions"][text.lower().replace("‐", "-")], None, "percent",
                      form=name, is_word=True)
    if name == "fraction_of_scale":
        share = lex["fractions"][g["f"].lower().replace("‐", "-")]
        return Quantity(s, e, text, round(share / 100 * lex["money_scales"][g["scale"].lower()], -1), None,
                      "count", form=name, is_word=True)
    if name in ("pence", "pence_word"):
        value = parse_number(g["n"])
        return Quantity(s, e, text, value / 100, None, "gbp", form=name,
                      is_word=_is_word(g["n"])) if value is not None else None
    if name == "physical":
        # other currencies and physical units are out of scope: kept, never as a count
        value = parse_number(g["n"])
        factor = _money_scale(g)
        return Quantity(s, e, text, value * factor, None, "other", form=name) if value is not None else None
    if name == "vague":
        lo, hi = lex["vague_magnitudes"][g["v"].lower()]
        unit = "gbp" if VAGUE_OF_POUNDS.match(m.string, e) else "count"  # "billions of pounds"
        return Quantity(s, e, text, lo, hi, unit, form=name, is_word=True)
    if name == "vulgar":
        if g.get("v"):
            return Quantity(s, e, text, lex["vulgar_fractions"][g["v"]], None, "percent", form=name, is_word=True)
        if g.get("sa"):
            a, bb = int(g["sa"]), int(g["sb"])
            return Quantity(s, e, text, round(100 * a / bb, 1), None, "percent", form=name) if a < bb else None
        a, bb = parse_number(g["a"]), parse_number(g["b"])
        return Quantity(s, e, text, 100 * a / bb, None, "percent", form=name) if bb else None
    if name in ("scaled", "scaled_words"):
        value = parse_number(g["n"])
        factor = lex["money_scales"].get(g["scale"].lower())
        if value is None or factor is None:
            return None
        return Quantity(s, e, text, value * factor, None, "count", form=name, is_word=_is_word(g["n"]))
    if name == "number":
        value = parse_number(g["n"])
        if value is None:
            return None
        return Quantity(s, e, text, value, None, "count", form=name, is_word=_is_word(text))
    return None


VAGUE_OF_POUNDS = re.compile(r"\s+of\s+pounds\b", re.I)


def _odds(name: str, m: re.Match) -> Quantity | None:
    """"odds of 5-1", "3 to 1 odds", "a 3:1 ratio": the ratio, one figure."""
    g = m.groupdict()
    a, bb = (g["a"], g["b"]) if g["a"] else (g["a2"], g["b2"])
    start = m.start("a") if g["a"] else m.start("a2")
    if int(bb) == 0:
        return None
    return Quantity(start, m.end(), m.string[start:m.end()], int(a) / int(bb), None, "other", form=name)


# the word before a pair, past names and an article ("beat City 4-3", "lost 1-2", "a 1-3 defeat")
SCORE_WORD_BEFORE = re.compile(r"\b([A-Za-z]+)\s+(?:[A-Z][\w'’]*\s+)*(?:[Aa]n?\s+|[Tt]he\s+)?$")
WORD_AFTER = re.compile(r"\s+([A-Za-z][A-Za-z-]*)")


def _score(name: str, m: re.Match) -> Quantity | None:
    """A result or a split of votes ("United beat City 4-3", "a 52-48 vote", "drew 1-1"): a
    pair written high to low is never a range; one written low to high is a result only beside a
    word of results ("lost 1-2", "a 1-3 defeat"). Read to block its numbers: no figure."""
    lex = grammar()["lex"]
    g = m.groupdict()
    if not g["n"].isdigit() or len(g["n"]) > 3:
        return None
    low, high = int(g["n"]), int(g["h"])
    text = m.string
    after = WORD_AFTER.match(text, m.end())
    next_word = after.group(1).lower() if after else ""
    if next_word.rstrip("s") in lex["time_units"] or next_word in lex["physical_units"] \
            or next_word in lex["money_scales"]:
        return None  # "2-3 years", "5-10 miles": a range of a unit
    if high > low:
        before = SCORE_WORD_BEFORE.search(text, max(0, m.start() - 40), m.start())
        if not ((before and before.group(1).lower() in lex["score_words_before"])
                or next_word in lex["score_words_after"]):
            return None
    return Quantity(m.start(), m.end(), m.group(), low, high, "count", form=name)


def _imperial_pair(name: str, m: re.Match) -> Quantity | None:
    """"5ft 10in", "7lb 6oz", "1hr 45min": one figure in the larger unit (5ft 10in is 5.8333 ft)."""
    big, small = m.group("u1").lower(), m.group("u2").lower()
    for bigs, smalls, per, unit in grammar()["lex"]["imperial_pairs"]:
        if big in bigs and small in smalls:
            whole, part = parse_number(m.group("n")), float(m.group("h"))
            if whole is None or part >= per:
                return None
            return Quantity(m.start(), m.end(), m.group(), whole + part / per, None, unit, form=name)
    return None


def _temperature(name: str, m: re.Match) -> Quantity | None:
    """"35°C", "-3C", "highs of 28C": a temperature. A bare C or F is one only after a sign or
    near a word of weather ("Section 5C" is a label)."""
    value = parse_number(m.group("n"))
    if value is None:
        return None
    if m.group("cf"):
        text = m.string
        signed = NEGATIVE_BEFORE.search(text, max(0, m.start() - 6), m.start())
        words = set(re.findall(r"[a-z]+", text[max(0, m.start() - 60):m.start()].lower()))
        if not signed and not words & set(grammar()["lex"]["temperature_cues"]):
            return None
    return Quantity(m.start(), m.end(), m.group(), value, None, "other", form=name)


def _metres(name: str, m: re.Match) -> Quantity | None:
    value = parse_number(m.group("n"))
    end = m.end() - 1  # the space before the cue word is no part of it
    return Quantity(m.start(), end, m.string[m.start():end], value, None, "other", form=name) \
        if value is not None else None


def _something(name: str, m: re.Match) -> Quantity | None:
    """"a 40-something accountant": the decade's ten ages, 40-49."""
    low = parse_number(m.group("n"))
    return Quantity(m.start(), m.end(), m.group(), low, low + 9, "count", form=name,
                    is_word=_is_word(m.group("n"))) if low else None


def _half_scale(name: str, m: re.Match) -> Quantity | None:
    """"half a million homes": half of the scale, a count ("half a dozen" is 6)."""
    lex = grammar()["lex"]
    scale = m.group("scale").lower()
    whole = 12 if scale == "dozen" else lex["money_scales"][scale]
    return Quantity(m.start(), m.end(), m.group(), whole / 2, None, "count", form=name, is_word=True)


def _age_decade(name: str, m: re.Match) -> Quantity | None:
    """"in his 30s", "in their early twenties": the decade's ten years of age."""
    n = m.group("n").lower().rstrip("s'’")
    low = int(n) if n.isdigit() else grammar()["lex"]["decade_words"][m.group("n").lower()]
    start = m.start("n")
    return Quantity(start, m.end(), m.string[start:m.end()], low, low + 9, "years", form=name,
                    is_word=not n.isdigit())


def _figure_size(name: str, m: re.Match) -> Quantity | None:
    """"a six-figure salary": the numbers of that many digits (100,000-999,999)."""
    digits = parse_number(m.group("n"))
    if not digits or digits < 2 or digits > 12:
        return None
    return Quantity(m.start(), m.end(), m.group(), 10 ** (digits - 1), 10 ** digits - 1, "count",
                    form=name, is_word=True)


def _fold(name: str, m: re.Match) -> Quantity | None:
    """"a threefold rise", "ten-fold", "2x more effective": a change of how many times over."""
    value = parse_number(m.group("n") or m.group("nx"))
    if not value:
        return None
    return Quantity(m.start(), m.end(), m.group(), value, None, "times", form="multiplied",
                    is_word=_is_word(m.group()))


SPECIAL_BUILDERS = {"odds": _odds, "ratio_colon": _odds, "score": _score, "imperial_pair": _imperial_pair,
                    "temperature": _temperature, "metres": _metres,
                    "something": _something, "half_scale": _half_scale, "age_decade": _age_decade,
                    "figure_size": _figure_size, "fold": _fold}
# forms read only so that their numbers are no figure of their own
BLOCKING_FORMS = {"score"}


@lru_cache(maxsize=1)
def identifier_patterns() -> dict[str, re.Pattern]:
    """Numbers that name or locate rather than count (GUIDELINES: phone numbers; addresses), and
    "zero" in an idiom. Each is tried only where a number starts (or a "+" or "(" just before
    one): a scan of every position for seven patterns cost a third of reading the quantities."""
    lex = grammar()["lex"]
    zero_after = [w[4:] for w in lex["zero_idioms"] if w.startswith("zero")]
    zero_before = [w[:-4] for w in lex["zero_idioms"] if w.endswith("zero")]
    return {
        # "+44 20 7946 0958", "+44 (0)20 7946 0958"; "(555) 123-4567", "555-123-4567",
        # "1-800-555-1234"; "020 7946 0958", "0161 496 0000", "01632 960000"
        "phone": re.compile(r"(?:\+\d{1,3}(?:[ -]?\(0\))?(?:[ -]?\d{1,4}){2,5}|\(\d{3}\) ?\d{3}[-.]\d{4}"
                            r"|(?:1[-. ])?\d{3}[-.]\d{3}[-.]\d{4}|0\d{3,4}[ -]\d{6}|0\d{2,4}(?:[ -]\d{3,4}){1,2})"
                            r"(?![\w%]|[,.]\d)"),
        # "CA 90210", "NY 10001-1234", "zip code 90210": a ZIP code
        "zip_before": re.compile(rf"(?:(?<!\w)(?:{alternation(lex['us_states'])}) |(?i:\b(?:zip|zip code|postcode|post code)\s+))$"),
        "zip": re.compile(r"\d{5}(?:-\d{4})?(?![\w%])"),
        # "1600 Pennsylvania Avenue", "10 Downing Street": a house number
        "house": re.compile(rf"\d{{1,5}}[A-Za-z]?,? (?:[A-Z][a-z]+ ){{1,3}}(?:{alternation(lex['street_words'])})\b"),
        # "2:14:04", "1:05.3": a time on a clock or a watch, all its parts
        "clock": re.compile(r"\d{1,2}(?::\d{2}){1,2}(?:\.\d+)?(?![\d:])"),
        # "call 999", "dial 101": a number to call
        "dial_before": re.compile(rf"(?i:\b(?:{alternation(lex['dial_words'])})\.?\s+(?:on\s+)?)$"),
        "dialled": re.compile(r"\d{3,}(?![\w%]|[.,]\d)"),
        "zero_after": re.compile(rf"(?i:zero(?:{alternation(zero_after)}))\b"),
        "zero_before": re.compile(rf"(?i:\b(?:{alternation(zero_before)}))$"),
    }


def identifier_spans(text: str, starts: list[int]) -> list[tuple[int, int]]:
    """The spans of identifiers among the numbers that start at `starts`."""
    p = identifier_patterns()
    spans = []
    for start in starts:
        at = start - 1 if start > 0 and text[start - 1] in "+(" else start
        m = p["phone"].match(text, at)
        if m:
            digits = sum(ch.isdigit() for ch in m.group())
            first = m.group()[0]
            if (first == "+" and 8 <= digits <= 15) or (first == "0" and digits in (10, 11)) \
                    or first not in "+0":
                spans.append(m.span())
                continue
        if text[start].isdigit():
            m = p["clock"].match(text, start)
            if m:
                spans.append(m.span())
                continue
            m = p["dialled"].match(text, start)
            if m and p["dial_before"].search(text, max(0, start - 16), start):
                spans.append(m.span())
                continue
            m = p["zip"].match(text, start)
            if m and p["zip_before"].search(text, max(0, start - 12), start):
                spans.append(m.span())
                continue
            m = p["house"].match(text, start)
            if m:
                spans.append((start, start + len(m.group().split()[0].rstrip(","))))
                continue
        elif text[start:start + 4].lower() == "zero":
            m = p["zero_after"].match(text, start)
            if m or p["zero_before"].search(text, max(0, start - 10), start):
                spans.append((start, m.end() if m else start + 4))
    return spans


def find_quantities(text: str, blocked: list[tuple[int, int]] = ()) -> list[Quantity]:
    """Candidate figures in text, longest reading first, none overlapping a blocked span
    (dates, times, footnote markers) or an identifier (phone numbers, ZIP codes, house numbers)."""
    taken = TakenRanges(blocked)
    found: list[Quantity] = []
    lowered = text.lower()
    g = grammar()
    number_starts = [m.start() for m in g["number_start"].finditer(text)]
    for start, end in identifier_spans(text, number_starts):
        taken.add(start, end)
    for name, pattern, trigger, number_first in g["rules"]:
        if number_first and not number_starts:
            continue
        if trigger is not None and not (trigger.search(text) if isinstance(trigger, re.Pattern)
                                        else any(word in lowered for word in trigger)):
            continue
        for m in (_matches_at(pattern, text, number_starts) if number_first else pattern.finditer(text)):
            if taken.overlaps(m.start(), m.end()):
                continue
            fig = _build(name, m)
            if fig is None:
                continue
            if fig.form in BLOCKING_FORMS:
                taken.add(m.start(), m.end())
                continue
            if fig.value_high is not None and name in FROM_SPLIT_FORMS and _after_from(text, m.start()):
                continue  # "rose from 40 to 65": a start and an end, read one by one by later rules
            figs = [fig]
            if fig.value_high is not None and name in MONEY_SPLIT_FORMS and _after_from(text, m.start()):
                figs = _money_ends(name, pattern, m)  # "from £3 to £4.50": each end a figure
            if any(not _sane(f.value) or (f.value_high is not None and not _sane(f.value_high)) for f in figs):
                taken.add(m.start(), m.end())  # no shorter reading of it either ("£1" of "£1e999")
                continue
            for fig in figs:
                _read_sign(text, fig)
                fig.value = _clean(fig.value)
                fig.value_high = _clean(fig.value_high)
                found.append(fig)
            taken.add(m.start(), m.end())
    found.sort(key=lambda f: f.start)
    _share_trailing_units(text, found)
    return found


SHARED_UNIT_GAP = re.compile(r"\s*(?:and|or|to|-|–)\s*")
# a share, a scale or a measure is shared only by the start of "from X to Y" or "X-Y": "63 or
# 1.7%" restates a count as a share
SHARED_MEASURE_GAP = re.compile(r"\s*(?:to|-|–)\s*")
# the range rules whose two ends are a start and an end after "from" ("rose from 40 to 65")
FROM_SPLIT_FORMS = {"percent_range", "duration_range", "scaled_range", "range_or", "range_dash", "physical_range"}
# forms whose unit (and scale) a bare number joined to them shares: "20 and 25 weeks",
# "from 5 to 7 per cent", "from 2 to 3 million", "from 40 to 65 pence"
SHARING_FORMS = {"duration", "percent", "scaled", "pence_word", "physical"}
LEADING_NUMBER = re.compile(r"[-−]?(?:minus\s)?(\d[\d,]*(?:\.\d+)?|[a-z]+(?:[- ][a-z]+)*?)(?=\s?[^\d,.\s-]|\s|$)", re.I)


# the money ranges whose ends, after "from", are a start and an end ("rose from £3 to £4.50")
MONEY_SPLIT_FORMS = {"money", "foreign_money"}


def _money_ends(name: str, pattern: re.Pattern, m: re.Match) -> list[Quantity]:
    """The two ends of a money range, each read as an amount of its own: the start up to its
    scale word, the end from its currency sign (or its digits, in the start's currency). No
    reading of them: no figure."""
    low_end = max(m.end(group) for group in ("n", "scale", "letter") if m.group(group))
    high_start = m.start("cur2") if m.group("cur2") else m.start("h")
    low = _build(name, pattern.match(m.string[:low_end], m.start()))
    if low is None:
        return []
    scale2 = grammar()["lex"]["money_scales"].get((m.group("scale2") or "").lower())
    if scale2 and not m.group("scale") and not m.group("letter"):
        low.value *= scale2  # "from £3 to 4m": a scale after the end alone is both ends'
    if m.group("cur2"):
        high = _build(name, pattern.match(m.string, high_start))
    else:
        # "from £3 to 4.50": the end takes the start's currency
        value = parse_number(m.group("h"))
        high = Quantity(high_start, m.end(), m.string[high_start:m.end()], value * (scale2 or 1), None,
                        low.unit, form=name) if value is not None else None
    return [low, high] if high is not None else []


def _after_from(text: str, start: int) -> bool:
    """Whether a figure opens "from X to Y" as a start and an end: after "from", not after a word
    of ranges ("ranging from", "aged from")."""
    m = re.search(r"(?i:(?:\b([a-z]+)\s+)?from\s+)$", text[max(0, start - 30):start])
    return bool(m) and (m.group(1) or "").lower() not in grammar()["lex"]["range_from_words"]


def _share_trailing_units(text: str, found: list[Quantity]) -> None:
    """"20 and 25 weeks", "from 4 to 2 years", "from 5 to 7 per cent": a bare number joined to a
    length of time, a share, a scaled count or a measure takes its unit and scale (each end stays
    a figure of its own)."""
    for first, second in zip(found, found[1:]):
        gap = SHARED_UNIT_GAP if second.form == "duration" else SHARED_MEASURE_GAP
        if (first.form == "number" and first.unit == "count" and second.form in SHARING_FORMS
                and second.value_high is None and gap.fullmatch(text, first.end, second.start)):
            lead = LEADING_NUMBER.match(second.text)
            number = parse_number(lead.group(1)) if lead else None
            factor = abs(second.value) / number if number else 1
            first.value, first.unit, first.form = _clean(first.value * factor), second.unit, second.form


def _sane(value: float) -> bool:
    return math.isfinite(value) and abs(value) <= LARGEST_VALUE


def _matches_at(pattern: re.Pattern, text: str, starts: list[int]):
    """The pattern's matches that begin where a number begins, left to right, not overlapping:
    one scan for numbers serves every rule that opens with one."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(text, start)
        if m:
            end = m.end()
            yield m


NEGATIVE_BEFORE = re.compile(r"(?:(?<![\w.,/])[-−]|\bminus\s)$", re.I)


def _read_sign(text: str, fig: Quantity) -> None:
    """"-1.3%", "minus 5": a sign before a figure makes it negative and part of the mention."""
    m = NEGATIVE_BEFORE.search(text, max(0, fig.start - 6), fig.start)
    if not m or fig.unit not in ("percent", "count", "gbp", "other") or fig.value_high is not None:
        return
    fig.start = m.start()
    fig.text = text[fig.start:fig.end]
    fig.value = -fig.value


@lru_cache(maxsize=1)
def comparator_patterns() -> tuple[list[tuple[str, re.Pattern]], list[tuple[str, re.Pattern]]]:
    """One pattern per comparator for the words before a figure (the longest phrase wins) and
    one for the words after it."""
    lex = grammar()["lex"]
    before = [(symbol, re.compile(rf"(?:^|\W)({alternation(phrases)})\s*$"))
              for symbol, phrases in lex["comparators"].items()]
    after = [(symbol, re.compile(rf"\s*(?:{alternation(phrases)})(?:\W|$)|\+" if "+" in phrases
                                 else rf"\s*(?:{alternation(phrases)})(?:\W|$)"))
             for symbol, phrases in lex["comparator_suffixes"].items()]
    return before, after


def comparator_before(text: str, start: int) -> str | None:
    """The comparator that the words just before a figure set ("less than", "over")."""
    before = text[max(0, start - 30):start].lower()
    best = None
    for symbol, pattern in comparator_patterns()[0]:
        m = pattern.search(before)
        if m and (best is None or len(m.group(1)) > len(best[1])):
            best = (symbol, m.group(1))
    return best[0] if best else None


def comparator_after(text: str, end: int) -> str | None:
    after = text[end:end + 15].lower()
    for symbol, pattern in comparator_patterns()[1]:
        if pattern.match(after):
            return symbol
    return None


@lru_cache(maxsize=1)
def _one_patterns() -> dict:
    lex = grammar()["lex"]
    words = lambda key: alternation(str(w) for w in lex[key])
    number = rf"(?:\d[\d,.]*|{alternation([*lex['units_words'], *lex['tens_words']])})"
    return {
        "before": re.compile(rf"(?:^|\W)(?:{words('one_pronoun_before')})\s+$", re.I),
        "before_duration": re.compile(rf"(?:^|\W)(?:{words('one_duration_pronoun_before')})\s+$", re.I),
        # the word (or the hyphen or punctuation) after "one"
        "after": re.compile(r"\s*([A-Za-z][A-Za-z'’]*|[-–,;:.!?)\]\"”]|$)"),
        "idiom": re.compile(rf"\s*(?:,|(?:{alternation(str(w) for w in lex['one_day_idiom_next'] if w != ',')})\b)", re.I),
        "idiom_units": re.compile(rf"\s*(?:{words('one_idiom_units')})\b", re.I),
        "pronoun_after": frozenset(str(w).lower() for w in lex["one_pronoun_after"]),
        # another count in the same list: "ten CRCs and one NPS division", "one shot or two"
        "listed_before": re.compile(rf"\b{number}\b[^.;:!?]{{0,60}}?(?:\band|\bor|,)\s+$", re.I),
        "listed_after": re.compile(rf"(?:\s+[A-Za-z][\w’'-]*){{1,3}}\s+(?:or|and|to)\s+{number}\b", re.I),
    }


def counts_one(text: str, fig: Quantity) -> bool:
    """Whether "one" (or "one week") counts something here: "allowed one day", "closed for one
    week", and "one" in a list of counts before the noun it counts ("ten CRCs and one NPS
    division", "one shot or two"). Elsewhere "one" is far more often a pronoun ("no one", "the
    one that", "one of them", "one must"), an idiom ("on the one hand", "in one place", "one to
    one") or a name ("One HMPPS") than a figure."""
    p = _one_patterns()
    before = text[max(0, fig.start - 80):fig.start]
    if fig.form == "duration":
        if p["before_duration"].search(before[-20:]) or p["idiom_units"].match(text, fig.start + 3):
            return False  # "the one day", "for one minute"
        clause_start = not before.strip() or before.rstrip()[-1:] in ".;:!?\"“(—–"
        return not (clause_start and p["idiom"].match(text, fig.end))
    if p["before"].search(before[-20:]):
        return False
    nxt = p["after"].match(text, fig.end)
    if nxt is None:
        return False
    word = nxt.group(1)
    if not word or not word[0].isalpha() or word.lower() in p["pronoun_after"]:
        return False  # "one." "one-off", "one of": no noun after it
    return bool(p["listed_before"].search(before) or p["listed_after"].match(text, fig.end))
