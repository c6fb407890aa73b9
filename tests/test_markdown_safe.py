"""The prose fast path of markdown_safe.to_html gives exactly the HTML that
Python-Markdown and nh3 give, for every text it takes."""

from __future__ import annotations

import random

from conftest import REPO
from spets import markdown_safe as ms
from spets import model as m
from spets.check import check_root


def slow(text: str) -> str:
    """to_html without the fast path."""
    return ms._markdown(text)


def markdown_fields():
    for entry in check_root(REPO).entries:
        for f in entry.kind_def.fields:
            if isinstance(f.item_type, m.Text) and f.item_type.markdown and entry.data.get(f.name):
                value = entry.data[f.name]
                yield from value if isinstance(value, list) else [value]


def test_the_fast_path_agrees_on_every_field_of_the_content():
    texts = list(markdown_fields())
    taken = [t for t in texts if ms._prose(t) is not None]
    assert len(texts) > 200 and len(taken) > len(texts) // 3  # the path is used, and not for everything
    for text in taken:
        assert str(ms._prose(text)) == slow(text), text
    for text in texts:
        assert str(ms.to_html(text)) == slow(text), text


def test_the_fast_path_agrees_on_random_text():
    rng = random.Random(7)
    pieces = ["ord", "Ärende", "ö", "2019", "1.", "-", "+", "=", ">", "#", "*", "_", "[", "]", "(", ")",
              "<b>", "&", "&amp;", "|", "`", "\\", ":", "!", " ", "  ", "\n", "\n\n", "\n\n\n", "\t", "é",
              "\u00a0", "\u2028", ".", ",", "?", "'", '"', "    kod", "~", "%", "http://x.se"]
    taken = 0
    for _ in range(20_000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        fast = ms._prose(text)
        if fast is not None:
            taken += 1
            assert str(fast) == slow(text), repr(text)
    assert taken > 500


def test_on_an_english_page_a_swedish_term_in_italics_is_marked_as_swedish():
    swedish = frozenset({"partneransvarig", "forskning", "för"})
    html = str(ms.to_html("The *partnership manager* (*partneransvarig*) of *Forskning för innovation*.",
                       lang="en", swedish=swedish))
    assert '<em>partnership manager</em>' in html
    assert '<em lang="sv">partneransvarig</em>' in html and '<em lang="sv">Forskning för innovation</em>' in html
    # Only on an English page, where the caller gives the words.
    assert "lang=" not in str(ms.to_html("*partneransvarig*"))


def test_the_swedish_words_are_those_no_english_text_uses_outside_italics():
    from spets import english
    from spets.knowledge import KnowledgeBase
    words = english.swedish_words(KnowledgeBase.of(check_root(REPO).entries))
    assert {"partneransvarig", "avsiktsförklaring", "samverkan"} <= words
    # English words, also those the Swedish texts quote in italics (*embryonic*).
    assert not {"partnership", "manager", "memorandum", "embryonic", "guide"} & words
