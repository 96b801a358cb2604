"""Which organization or pact: conventions read from the knowledge base (casus.ingest.pacts)."""

import datetime as dt

from casus.ingest.pacts import founders
from casus.kb.events import EventType as T

D = dt.date


def foundings(analysis):
    return [e for e in analysis.events if e.type is T.FOUNDING]


def test_founders_are_the_states_of_the_first_day(kb):
    assert founders(kb, "aukus") == ("AUS", "GBR", "USA")
    assert founders(kb, "us-philippines-1951") == ("PHL", "USA")
    assert founders(kb, "no-such-pact") == ()


def test_a_founding_told_without_its_parties_is_theirs_fr(read):
    # fr5-07 (onemedia.fr, 5 December 2025): the second sentence, which dates it, names no party of AUKUS
    a = read(
        "Le pacte Aukus est présenté comme un moyen de contenir l’influence chinoise dans le Pacifique. "
        "Ce pacte, signé en 2021 sous l’administration Biden, visait à contrer l’influence chinoise "
        "dans le Pacifique.",
        "fr",
        "2025-12-05",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start) == ("aukus", {"AUS", "GBR", "USA"}, D(2021, 1, 1))


def test_a_founding_told_without_its_parties_is_theirs_en(read):
    # en5-15 (TASS, 1 September 2025)
    (ev,) = foundings(read("The SCO was founded on June 15, 2001, in Shanghai.", "en", "2025-09-01"))
    assert ev.organization == "sco" and {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"} <= set(ev.actors)


def test_a_founding_told_without_its_parties_is_theirs_ru(read):
    # heldout4 ru (an SCO article of 2025): "Напомним, ШОС, основанная в 2001 году, объединяет …"
    a = read("Напомним, ШОС, основанная в 2001 году, объединяет под собой Россию, Индию и Китай.", "ru", "2025-07-04")
    (ev,) = foundings(a)
    assert ev.organization == "sco" and {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB"} <= set(ev.actors)


def pacts_named(analysis):
    return {m.ref for m in analysis.mentions if m.kind == "organization"}


def test_a_treaty_with_a_state_is_the_pact_of_the_state_named_before_en(read):
    # en5-03 (JURIST, 21 June 2024)
    a = read(
        "The Philippines announced Friday that it does not intend to invoke its mutual defense treaty with the US "
        "following an incident captured on video.",
        "en",
        "2024-06-21",
    )
    assert "us-philippines-1951" in pacts_named(a)
    assert any(e.type is T.INVOCATION and e.organization == "us-philippines-1951" for e in a.events)


def test_a_treaty_between_two_states_is_their_pact_fr(read):
    # fr5-11 (vietnam.vn, 26 February 2025): the 2024 treaty, not the Union State treaty of 1999
    a = read(
        "Le 26 février, le Sénat russe a ratifié le traité de garantie de sécurité entre le Bélarus et la Russie "
        "dans le cadre de l'État de l'Union.",
        "fr",
        "2025-02-26",
    )
    assert "union-state-security-2024" in pacts_named(a)


def test_a_treaty_between_two_states_signed_on_its_day_is_its_founding_ru(read):
    # heldout4 ru (an article on North Korean troops in Kursk, 2025)
    a = read(
        "Договор между Северной Кореей и Россией был подписан в июне 2024 года "
        "и вступил в силу в декабре того же года.",
        "ru",
        "2025-04-28",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start) == ("russia-dprk-2024", {"RUS", "PRK"}, D(2024, 6, 1))


def test_a_compound_adjective_of_two_states_names_their_pact_fr(read):
    # fr5-11: "russo-biélorusse"; signed on the knowledge base's day, so its founding
    a = read(
        "Le traité de sécurité russo-biélorusse a été signé par les deux parties à Minsk le 6 décembre 2024.",
        "fr",
        "2025-02-26",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start) == (
        "union-state-security-2024",
        {"RUS", "BLR"},
        D(2024, 12, 6),
    )


def test_an_agreement_needs_a_word_of_defence_and_an_unknown_pact_stays_unknown(read):
    a = read("Japan signed a trade agreement with the United States on Monday.", "en", "2025-09-08")
    assert "us-japan-1960" not in pacts_named(a)
    a = read("Russia and the United States signed a treaty between Russia and the United States.", "en", "2025-09-08")
    assert not foundings(a)


def test_a_pact_named_in_full_and_signed_on_its_day_far_after_its_name_en(read):
    # en5-08 (Report.az, 15 June 2022)
    a = read(
        "Today is the first anniversary of the Shusha Declaration on allied relations between the Republic of "
        "Azerbaijan and the Republic of Turkey is a declaration on allied relations signed between Azerbaijan and "
        "Turkey on June 15, 2021, Report informs.",
        "en",
        "2022-06-15",
    )
    (ev,) = foundings(a)
    assert (ev.organization, set(ev.actors), ev.when.start) == ("shusha-2021", {"AZE", "TUR"}, D(2021, 6, 15))


def test_a_pact_named_in_full_and_signed_on_its_day_far_after_its_name_fr(read):
    # fr5-14 (Jeunes Express, 15 June 2024)
    a = read(
        "La « Déclaration de Choucha sur les relations alliées entre la République de Turquie et la République "
        "d'Azerbaïdjan », de son nom complet, a été signée par les présidents Recep Tayyip Erdoğan et Ilham Aliyev "
        "le 15 juin 2021 à Choucha, la capitale culturelle de l'Azerbaïdjan.",
        "fr",
        "2024-06-15",
    )
    (ev,) = foundings(a)
    assert (ev.organization, ev.when.start) == ("shusha-2021", D(2021, 6, 15))


def test_the_parties_exchanging_ratifications_of_their_own_pact_do_not_join_it_ru(read):
    # ru5-05 (Rossiyskaya Gazeta / "Soyuz", 13 March 2025)
    a = read(
        "Как ранее уже информировал «СОЮЗ», сегодня в Кремле по итогам переговоров на высшем уровне лидеры "
        "Союзного государства Владимир Путин и Александр Лукашенко подписали протокол об обмене грамотами о "
        "ратификации Договора о гарантиях безопасности в рамках Союзного государства.",
        "ru",
        "2025-03-13",
    )
    assert not [e for e in a.events if e.type in (T.ACCESSION, T.APPLICATION, T.FOUNDING)]


def test_a_party_signing_its_own_pact_on_its_day_founds_it(kb):
    from dataclasses import replace

    from casus.ingest.entities import gazetteer
    from casus.ingest.model import ExtractedEvent, Modality, Precision, When
    from casus.ingest.pacts import with_founders

    day = When(D(2024, 12, 6), D(2024, 12, 6), Precision.DAY, "6 December 2024")
    signed = ExtractedEvent(
        type=T.ACCESSION,
        organization="union-state-security-2024",
        actors=("RUS", "BLR"),
        when=day,
        modality=Modality.ASSERTED,
        stage="signature",
        evidence=(),
    )
    later = replace(signed, actors=("BLR",), stage="ratification")
    third = replace(signed, organization="rio-1947", actors=("BHS",), stage=None)
    (founded, joined) = with_founders([signed, later, third], gazetteer(kb))
    assert (founded.type, founded.stage, set(founded.actors)) == (T.FOUNDING, None, {"RUS", "BLR"})
    assert joined is third  # the Bahamas joined the Rio Treaty in 1982: not a founding party
