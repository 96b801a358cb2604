from casus.ingest import nlp


def test_sentences_do_not_split_inside_quotes_or_after_abbreviations():
    text = "M. Lavrov a parlé. « L'Arménie reste. Elle paie. » Then Mr. Smith left."
    assert [text[s:e] for s, e in nlp.split_sentences(text)] == [
        "M. Lavrov a parlé.",
        "« L'Arménie reste. Elle paie. »",
        "Then Mr. Smith left.",
    ]


def test_simple_tokens_split_french_elisions_with_offsets():
    toks = nlp.simple_tokens("qu’il a rejoint l'OTAN", offset=10)
    assert [(t.text, t.start) for t in toks] == [
        ("qu’", 10),
        ("il", 13),
        ("a", 16),
        ("rejoint", 18),
        ("l'", 26),
        ("OTAN", 28),
    ]


def test_french_pipeline_gives_lemmas_and_conditional_mood():
    (sent,) = nlp.parse("fr", [(0, "L'Iran pourrait rejoindre l'organisation.")])
    pourrait = next(t for t in sent.tokens if t.text == "pourrait")
    assert pourrait.lemma == "pouvoir" and pourrait.has("Mood=Cnd")


def test_russian_pipeline_lemmatizes_with_pymorphy3_and_finds_persons():
    (sent,) = nlp.parse("ru", [(5, "Никол Пашинян заморозил участие Армении в ОДКБ.")])
    assert [t.lemma for t in sent.tokens][2:5] == ["заморозить", "участие", "армения"]
    assert [(s, e) for s, e in sent.persons] == [(5, 18)]


def test_english_pipeline_uses_lookup_lemmas():
    (sent,) = nlp.parse("en", [(0, "Armenia froze its participation and sent troops.")])
    assert [t.lemma for t in sent.tokens][:2] == ["armenia", "freeze"] and "send" in [t.lemma for t in sent.tokens]


def test_an_overlong_sentence_is_cut_at_spaces_into_bounded_pieces():
    text = "L'Arménie " * 1000 + "a gelé sa participation."
    spans = nlp.split_sentences(text, max_chars=500)
    assert all(e - s <= 500 for s, e in spans)
    assert "".join(text[s:e] + " " for s, e in spans).split() == text.split()  # nothing lost
    assert all(text[s] != " " and text[e - 1] != " " for s, e in spans)


def test_a_run_of_dots_is_one_boundary_and_ordinary_sentences_keep_their_bounds():
    text = "Moscou a répondu" + "." * 1500 + " Erevan attend."
    assert [text[s:e] for s, e in nlp.split_sentences(text)] == ["Moscou a répondu" + "." * 1500, "Erevan attend."]
    text = "Erevan a gelé sa participation… puis rien. Et ensuite"
    assert [text[s:e] for s, e in nlp.split_sentences(text)] == [
        "Erevan a gelé sa participation… puis rien.",
        "Et ensuite",
    ]


def test_a_sentence_end_that_lost_its_space_still_ends_the_sentence():
    # News.Az, 2024-11-28 (development set 4, en4-11): "Uzbekistan.The leadership" as published
    from casus.ingest.nlp import split_sentences

    text = (
        "The summit is attended by the presidents of Belarus and Uzbekistan.The leadership of Armenia, a CSTO member "
        "state, refused to take part in the summit. Tokayev welcomed them, News.Az reports."
    )
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "The summit is attended by the presidents of Belarus and Uzbekistan.",
        "The leadership of Armenia, a CSTO member state, refused to take part in the summit.",
        "Tokayev welcomed them, News.Az reports.",
    ]
