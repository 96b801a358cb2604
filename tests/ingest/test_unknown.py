"""Organizations the knowledge base does not know are kept under their names (`casus.ingest.unknown`)."""

from __future__ import annotations

import datetime as dt

from casus.ingest.nlp import simple_tokens
from casus.ingest.unknown import acronym_at, defined_acronyms, name_at


def test_names_and_defined_acronyms() -> None:
    toks = simple_tokens("the Economic Community of West African States (ECOWAS) said")
    assert name_at(toks, 1, "en") == (10, "ECOWAS")
    assert name_at(simple_tokens("l'Alliance des Etats du Sahel, créée"), 1, "fr") == (6, "Alliance des Etats du Sahel")
    ru = simple_tokens("в Шанхайскую организацию сотрудничества (ШОС) вошла")
    assert name_at(ru, 1, "ru") == (7, "ШОС")
    assert defined_acronyms("… (ECOWAS) … (ЭКОВАС) … (AFP 2024)") == frozenset({"ECOWAS", "ЭКОВАС"})
    assert name_at(simple_tokens("President Putin said"), 0, "en") is None


def test_a_bare_acronym_counts_next_to_a_membership_word_only() -> None:
    toks = simple_tokens("Mali left ECOWAS, AFP reported")
    assert acronym_at(toks, 2, frozenset()) == "ECOWAS"
    assert acronym_at(toks, 4, frozenset()) is None  # a news agency


def test_an_unknown_organization_is_never_folded_into_the_main_one(read) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Morocco quits African bloc\n\nMorocco left the Organisation of African Unity (OAU) on Monday. The OAU "
        "regretted the decision. Russia's CSTO allies said nothing."
    )
    events = read(text, "en", "1984-11-13").events
    (withdrawal,) = [e for e in events if e.type.value == "withdrawal"]
    assert withdrawal.organization == "unknown:OAU" and withdrawal.actors == ("MAR",)
    assert withdrawal.when.start == dt.date(1984, 11, 12)  # the Monday before publication
    assert "OAU (unknown organization)" in withdrawal.title


def test_ecowas_is_known_and_never_the_csto(read) -> None:  # type: ignore[no-untyped-def]
    """ECOWAS is in the knowledge base (curated/data/orgs/ecowas.yaml): its withdrawals are its own."""
    text = (
        "Mali quits West African bloc\n\nMali, Burkina Faso and Niger left the Economic Community of West African "
        "States (ECOWAS) on Sunday. ECOWAS regretted the decision. Russia's CSTO allies said nothing."
    )
    events = read(text, "en", "2024-01-29").events
    withdrawals = [e for e in events if e.type.value == "withdrawal"]
    assert {e.organization for e in withdrawals} == {"ecowas"}
    (body,) = [e for e in withdrawals if len(e.actors) == 3]
    assert body.actors == ("MLI", "BFA", "NER") and body.when.start == dt.date(2024, 1, 28)


def test_a_known_organization_named_in_other_words_stays_known(read) -> None:  # type: ignore[no-untyped-def]
    events = read("Швеция вступила в Североатлантический альянс в четверг.", "ru", "2024-03-08").events
    (accession,) = [e for e in events if e.type.value == "accession"]
    assert accession.organization == "nato"


def test_a_russian_name_ends_before_the_verb_after_it() -> None:
    """Lower-case words continue a Russian name only as oblique nouns or adjectives ("тюркских государств")."""
    toks = simple_tokens("Лидеры Организации тюркских государств подписали в Баку новые соглашения")
    assert name_at(toks, 1, "ru") == (4, "Организация тюркских государств")
    toks = simple_tokens("Члены Организации исламского сотрудничества осудили удар")
    assert name_at(toks, 1, "ru") == (4, "Организация исламского сотрудничества")


def test_a_russian_name_is_kept_in_the_nominative() -> None:
    """Xinhua (ru), 5 February 2023, set 6 (ru6-13): the genitive name is the nominative organization."""
    text = "Об этом говорится в коммюнике Восточноафриканского сообщества /ВАС/, опубликованном в субботу."
    toks = simple_tokens(text)
    assert name_at(toks, 5, "ru") == (7, "Восточноафриканское сообщество")
    assert name_at(simple_tokens("Лидеры Союза государств Сахеля подписали"), 1, "ru") == (4, "Союз государств Сахеля")


def test_a_name_sharing_one_word_with_a_known_one_is_not_it(read) -> None:  # type: ignore[no-untyped-def]
    """The Nation (en), 3 December 2023, set 6 (en6-02); RFI/AllAfrica (fr), 13 March 2025, set 6 (fr6-02).

    "East African Community" shares only "African" with ECOWAS's names: short words and the acronym the
    name defines count, and it is never folded into ECOWAS (whether or not the knowledge base knows it).
    """
    en = (
        "The East African Community (EAC) first deployed troops in the violence-plagued region in November "
        "last year after the resurgence of the M23 rebel group."
    )
    fr = (
        "Le sommet extraordinaire des chefs d'État et de gouvernement de la Communauté de développement de "
        "l'Afrique australe (SADC) a mis fin, ce jeudi 13 mars, au mandat de sa mission militaire en RDC, la "
        "SAMIDRC, et a ordonné le début du retrait progressif de ses troupes de la RDC."
    )
    for text, lang, day, org in ((en, "en", "2023-12-03", "eac"), (fr, "fr", "2025-03-14", "sadc")):
        orgs = {m.ref for m in read(text, lang, day).mentions if m.kind == "organization"}
        assert "ecowas" not in orgs
        assert orgs & {org, f"unknown:{org.upper()}"}


def test_an_unknown_organization_suspends_as_a_known_one(read) -> None:  # type: ignore[no-untyped-def]
    """BBC via Zambian Observer (en), 22 August 2023, and DigitalPress (ru), 23 August 2023, set 6.

    "African Union" shares only "African" with ECOWAS's names and is a union, not a community: never ECOWAS.
    """
    en = "The African Union (AU) has suspended Niger from all its activities following the military coup last month."
    ru = "Африканский союз (АС) приостановил членство Нигера в организации."
    for text, lang, day in ((en, "en", "2023-08-22"), (ru, "ru", "2023-08-23")):
        (suspension,) = [e for e in read(text, lang, day).events if e.type.value == "suspension"]
        assert suspension.organization in ("au", "unknown:African Union", "unknown:Африканский союз")
        assert suspension.actors == (suspension.organization,) and suspension.members == ("NER",)


def test_a_force_named_after_an_unknown_organization_is_that_organization(read) -> None:  # type: ignore[no-untyped-def]
    """The Nation (en), 3 December 2023, set 6 (en6-02): the force is the Community's, later defined as "EAC"."""
    text = (
        "The East African Community Regional Force (EAC-RF) began its withdrawal from the Democratic Republic of "
        "Congo on Sunday morning.\n\nThe East African Community (EAC) first deployed troops in the region in "
        "November last year."
    )
    orgs = {m.ref for m in read(text, "en", "2023-12-03").mentions if m.kind == "organization"}
    assert orgs in ({"eac"}, {"unknown:EAC"})


def test_a_numbered_group_left_once_names_an_organization_everywhere(read) -> None:  # type: ignore[no-untyped-def]
    """Gaborone Herald (en) and PressAfrik (fr), set 6 (en6-13, fr6-09): "G5" is an acronym; used once after a
    membership word ("withdrawal from the G5 Sahel") it names the organization in the whole article."""
    en = (
        "The G5 Sahel, which comprises Burkina Faso, Chad, Mali, Mauritania and Niger, was created in 2014. "
        "Mali's military junta announced its withdrawal from the G5 Sahel in 2022."
    )
    (founding,) = [e for e in read(en, "en", "2023-12-02").events if e.type.value == "founding"]
    assert founding.organization in ("g5-sahel", "unknown:G5") and founding.when.start == dt.date(2014, 1, 1)
    assert set(founding.actors) == {"BFA", "TCD", "MLI", "MRT", "NER"}
    fr = (
        "Après le Mali, le Burkina Faso et du Niger ont aussi annoncé leur retrait du G5 Sahel "
        "à compter du 29 novembre."
    )
    withdrawals = [e for e in read(fr, "fr", "2023-12-02").events if e.type.value == "withdrawal"]
    assert any(e.organization in ("g5-sahel", "unknown:G5") and {"BFA", "NER"} <= set(e.actors) for e in withdrawals)


def test_a_force_withdrawing_from_the_democratic_republic_of_congo(read) -> None:  # type: ignore[no-untyped-def]
    """The Nation (en), 3 December 2023, set 6 (en6-02): "Democratic Republic of Congo" (no article) is COD,
    not the Republic of the Congo, and the withdrawing force's organization is the actor."""
    text = (
        "The East African Community Regional Force (EAC-RF) began its withdrawal from the Democratic Republic "
        "of Congo on Sunday morning, an AFP team observed, after Kinshasa did not renew its mandate."
    )
    analysis = read(text, "en", "2023-12-03")
    assert "COG" not in {m.ref for m in analysis.mentions}
    ends = [e for e in analysis.events if e.type.value == "deployment" and e.phase == "end"]
    assert ends and all(e.actors == (e.organization,) for e in ends)


def _orgs(analysis) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return [(m.text, m.ref) for m in analysis.mentions if m.kind == "organization"]


def test_a_name_sharing_words_with_two_known_ones_is_the_one_of_its_head_noun(read) -> None:  # type: ignore[no-untyped-def]
    # en4-09 (Pledge Times / AFP, 6 July 2024): "Sahel" is in the AES's and the G5 Sahel's names; only the AES
    # is an alliance.
    a = read("Burkina Faso, Mali and Niger join forces to form the Sahel Alliance confederation", "en", "2024-07-06")
    assert ("Sahel Alliance", "aes") in _orgs(a)


def test_other_names_of_nato_in_russian(read) -> None:  # type: ignore[no-untyped-def]
    # ru4-08 (72.ru, 30 September 2022)
    text = (
        "По его словам, Украина уже «де-факто» прошла путь в НАТО и доказала совместимость со «стандартами"
        " Североатлантического союза»."
    )
    assert ("Североатлантического союза", "nato") in _orgs(read(text, "ru", "2022-09-30"))


def test_an_acronym_defined_for_a_known_organization_is_that_organization(read) -> None:  # type: ignore[no-untyped-def]
    # fr6-04 (Wakatsera, 10 December 2023)
    text = (
        "La force en attente de la Cédéao (FAC) a vu le jour en 2004, sur la base de la « Brigade de surveillance"
        " du cessez-le-feu de la Cédéao », surnommé par son acronyme anglais « Ecomog », qui a été créée en 1990"
        " pour assurer un retour de la paix pendant la guerre civile au Libéria."
    )
    assert ("FAC", "ecowas") in _orgs(read(text, "fr", "2023-12-10"))


def test_a_news_agency_named_as_often_as_the_alliance_is_not_its_referent(read) -> None:  # type: ignore[no-untyped-def]
    # fr4-13 (WAM, 25 June 2025): "ses alliés" are NATO's, not the agency's.
    text = (
        "LA HAYE, le 25 juin 2025, (WAM) — Les dirigeants de l’OTAN, réunis mercredi à l’occasion d’un sommet de"
        " courte durée aux Pays-Bas, ont approuvé une augmentation significative des dépenses de défense.\n"
        "Dans une déclaration conjointe, les dirigeants ont réaffirmé leur attachement indéfectible au principe de"
        " défense collective, que Trump avait semblé remettre en question plus tôt dans la semaine — un point de"
        " tension qui a suscité un certain soulagement chez ses alliés."
    )
    assert ("alliés", "nato") in _orgs(read(text, "fr", "2025-06-25"))
