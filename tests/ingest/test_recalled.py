"""Membership changes recalled in a list, and a membership verb dated by its year alone (casus.ingest.recalled)."""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def accessions(analysis):
    return sorted((e.actors, e.when.start) for e in analysis.events if e.type is T.ACCESSION)


def test_states_listed_after_a_dated_accession_each_with_its_year_en(read):
    # en5-15 (TASS, 1 September 2025)
    a = read(
        "The SCO was founded on June 15, 2001, in Shanghai. Initially, it consisted of six countries: Russia, "
        "Kazakhstan, Kyrgyzstan, China, Tajikistan, and Uzbekistan. India and Pakistan joined in 2017, followed by "
        "Iran in 2023 and Belarus in 2024.",
        "en",
        "2025-09-01",
    )
    assert accessions(a) == [
        (("BLR",), D(2024, 1, 1)),
        (("IND", "PAK"), D(2017, 1, 1)),
        (("IRN",), D(2023, 1, 1)),
    ]
    assert {e.organization for e in a.events if e.type is T.ACCESSION} == {"sco"}


def test_a_return_told_by_its_year_alone_joins_the_article_s_organization_fr(read):
    # fr2-02 (second held-out set, French)
    a = read(
        "L'Ouzbékistan a suspendu sa participation à l'OTSC. L'Ouzbékistan l'avait réintégré en 2006 avant de "
        "suspendre de nouveau sa participation en 2012.",
        "fr",
        "2022-10-14",
    )
    assert (("UZB",), D(2006, 1, 1)) in accessions(a)


def test_a_state_told_in_another_clause_is_no_item_of_the_list_ru(read):
    # times.am (28 June 2012, after RIA Novosti): the return in 2006 is Uzbekistan's alone
    a = read(
        "Узбекистан уже выходил из ОДКБ – в 1999 году Ташкент отказался продлить договор, однако в августе 2006 "
        "года Узбекистан восстановил членство в ОДКБ.",
        "ru",
        "2012-06-28",
    )
    assert all(e.actors == ("UZB",) for e in a.events if e.type in (T.ACCESSION, T.WITHDRAWAL))


def test_a_state_with_no_date_of_its_own_ends_the_list_en(read):
    a = read(
        "The SCO was founded in 2001. India and Pakistan joined in 2017, followed by Iran and then Belarus in 2024.",
        "en",
        "2025-09-01",
    )
    assert accessions(a) == [(("IND", "PAK"), D(2017, 1, 1))]
