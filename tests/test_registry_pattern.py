import re

from registry import _trie_pattern, find_organisations


def test_trie_pattern_prefers_the_longest_word_that_ends_at_a_boundary():
    pattern = re.compile("(" + _trie_pattern(["HMI", "HM Inspectorate of Probation", "HM", "HMPPS"]) + r")(?!\w)")
    found = [m.group(1) for m in pattern.finditer("HM Inspectorate of Probation, HMPPS, HMIx, HMI, HM")]
    assert found == ["HM Inspectorate of Probation", "HMPPS", "HMI", "HM"]


def test_registry_scan_names_each_body_once_with_its_longest_alias():
    mentions = find_organisations("The HM Inspectorate of Probation said HMPPS and the Ministry of Justice agreed.")
    assert [(m.name, m.alias) for m in mentions] == [
        ("HMIP", "HM Inspectorate of Probation"), ("HMPPS", "HMPPS"), ("MoJ", "Ministry of Justice")]
