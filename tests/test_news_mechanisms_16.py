"""Mechanisms real news needs (issue 10, seventeenth round). Example tests beside Hypothesis
properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from conftest import needs_model
from test_news_mechanisms_11 import SETTINGS
from test_news_mechanisms_13 import _triples

COUNTRIES = [("the U.S.", "USA"), ("Canada", "CAN"), ("the U.K.", "GBR"), ("China", "CHN")]


# A sentence that ends on a country's name, with more story after it: the check for a "-led"
# after the name looked past the sentence's end into words not yet read (a crash on real news,
# "... commitments with the U.S. However, ...").
@needs_model
@SETTINGS
@given(first=st.sampled_from(COUNTRIES), last=st.sampled_from(COUNTRIES),
       after=st.sampled_from(["However, China protested.", "Later, officials said nothing.", "It was cold."]))
def test_a_sentence_ending_on_a_country_then_more_story(bundled_coder, first, last, after):
    end = last[0] if last[0].endswith(".") else last[0] + "."
    text = f"{first[0][0].upper() + first[0][1:]} signed a treaty with {end} {after}"
    _triples(bundled_coder, text)  # no exception
    if first[1] != last[1]:
        assert (first[1], "057", last[1]) in _triples(bundled_coder, text)
