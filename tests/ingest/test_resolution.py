"""Treaty names, troop withdrawals, institutions as speakers and roles on the event's date (docs/ingest.md)."""

import datetime as dt
from collections.abc import Callable

import pytest

from casus.ingest.entities import gazetteer
from casus.ingest.model import DEPLOYMENT_END, Analysis, ExtractedEvent, Modality
from casus.ingest.nlp import simple_tokens
from casus.kb.events import EventType as T
from casus.kb.knowledge import KnowledgeBase

D = dt.date
Read = Callable[[str, str, str], Analysis]


def mentions(kb: KnowledgeBase, text: str, lang: str, main_org: str = "csto") -> list[tuple[str, str, str]]:
    found = gazetteer(kb).find(simple_tokens(text), lang, main_org=main_org, on=D(2024, 6, 25), text=text)
    return [(m.text, m.kind, m.ref) for m in found]


def events(
    read: Read, text: str, lang: str, published: str = "2024-06-25", type_: T | None = None
) -> list[ExtractedEvent]:
    return [e for e in read(text, lang, published).events if type_ is None or e.type is type_]


# ------------------------------------------------------------------ treaties
@pytest.mark.parametrize(
    ("text", "lang", "surface", "ref"),
    [
        ("Uzbekistan left the Collective Security Treaty", "en", "Collective Security Treaty", "csto"),
        ("the Tashkent treaty of 1992", "en", "Tashkent treaty", "csto"),
        ("the Rio Treaty", "en", "Rio Treaty", "rio-1947"),
        ("la France et le traité de Washington", "fr", "traité de Washington", "nato"),
        ("le traité de sécurité collective", "fr", "traité de sécurité collective", "csto"),
        ("из Договора о коллективной безопасности", "ru", "Договора о коллективной безопасности", "csto"),
        ("вышли из Ташкентского договора", "ru", "Ташкентского договора", "csto"),
        ("le traité de Lisbonne", "fr", "traité de Lisbonne", "eu"),
    ],
)
def test_treaty_names_resolve_to_their_organization_or_treaty(
    kb: KnowledgeBase, text: str, lang: str, surface: str, ref: str
) -> None:
    assert (surface, "organization", ref) in mentions(kb, text, lang)


# ------------------------------------------------------------------ forces, missions and organs
@pytest.mark.parametrize(
    ("text", "lang", "surface", "ref"),
    [
        # en6-01 (Zitamar, 29 January 2024)
        (
            "In December, the President of Botswana, Dr Mokgweetsi E.K. Masisi, announced that SAMIM should end by"
            " July 2024.",
            "en",
            "SAMIM",
            "sadc",
        ),
        # en6-06 (OneAfrica, 4 January 2024)
        (
            "SAMIDRC, an outcome of the Extraordinary SADC Summit of Heads of State and Government convened in"
            " Namibia on May 8, 2023, replaces the East African Community Regional Force (EACRF)",
            "en",
            "EACRF",
            "eac",
        ),
        ("SAMIDRC, an outcome of the Extraordinary SADC Summit", "en", "SAMIDRC", "sadc"),
        # en6-06 again: the mission's name as the article spells it ("Southern Africa", a common variant)
        (
            "under the mission titled “Southern Africa Development Community Mission in the Democratic Republic"
            " of Congo” (SAMIDRC)",
            "en",
            "Southern Africa Development Community",
            "sadc",
        ),
        # fr6-04 (Wakatsera, 10 December 2023)
        (
            "La force en attente de la Cédéao (FAC) a vu le jour en 2004, sur la base de la « Brigade de"
            " surveillance du cessez-le-feu de la Cédéao », surnommé par son acronyme anglais « Ecomog »",
            "fr",
            "Ecomog",
            "ecowas",
        ),
        # fr6-02 (allAfrica, 14 March 2025)
        ("a mis fin, ce jeudi 13 mars, au mandat de sa mission militaire en RDC, la SAMIDRC", "fr", "SAMIDRC", "sadc"),
        # The Standard (Banjul), on the ECOWAS summit in Abuja extending the mission
        (
            "Ecomig was deployed in The Gambia in January 2017 to restore peace after former President Yahya Jammeh"
            " refused to cede power",
            "en",
            "Ecomig",
            "ecowas",
        ),
        # Somali Dispatch, 31 March 2022
        (
            "The African Union Mission in Somalia (AMISOM) has been in place since 2007, ends today on March 31,"
            " 2022 and is being taken over by the new African Union Mission in Somalia (ATMIS)",
            "en",
            "ATMIS",
            "au",
        ),
        # Nikol Pashinyan, chairman of the CSTO's Collective Security Council, 6 January 2022
        (
            "Совет коллективной безопасности ОДКБ в соответствии со статьей 4 Договора о коллективной безопасности"
            " принял решение о направлении Коллективных миротворческих сил ОДКБ в Республику Казахстан",
            "ru",
            "Коллективных миротворческих сил",
            "csto",
        ),
        (
            "Совет коллективной безопасности ОДКБ принял решение",
            "ru",
            "Совет коллективной безопасности",
            "csto",
        ),
    ],
)
def test_a_force_mission_or_organ_named_alone_is_its_organization(
    kb: KnowledgeBase, text: str, lang: str, surface: str, ref: str
) -> None:
    assert (surface, "organization", ref) in mentions(kb, text, lang, main_org="nato")


def test_a_force_withdrawn_is_its_organization_withdrawing(read: Read) -> None:
    # en6-02 (Nation Africa / AFP, 3 December 2023)
    text = (
        "The East African Community Regional Force (EAC-RF) began its withdrawal from the Democratic Republic of"
        " Congo on Sunday morning, an AFP team observed, after Kinshasa did not renew its mandate."
    )
    (ev,) = events(read, text, "en", "2023-12-03", T.DEPLOYMENT)
    assert (ev.organization, ev.actors, ev.phase, str(ev.when.start)) == ("eac", ("eac",), "end", "2023-12-03")


@pytest.mark.parametrize(
    ("text", "lang", "generic"),
    [
        ("Uzbekistan had left the treaty once", "en", True),
        ("Tachkent avait quitté le traité en 1999", "fr", True),
        ("Ташкент уже выходил из договора", "ru", True),
        ("Russia left the INF treaty", "en", False),
        ("le traité de Versailles", "fr", False),
        ("подписали новый договор", "ru", False),
        ("договор о дружбе", "ru", False),
    ],
)
def test_the_treaty_refers_to_the_main_organization_unless_named(
    kb: KnowledgeBase, text: str, lang: str, generic: bool
) -> None:
    found = [m for m in mentions(kb, text, lang) if m[1] == "organization"]
    assert (found == [(found[0][0], "organization", "csto")]) if generic else not found


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Uzbekistan left the Collective Security Treaty in 1999.", "en"),
        ("L'Ouzbékistan a quitté le traité de sécurité collective en 1999.", "fr"),
        ("Узбекистан вышел из Договора о коллективной безопасности в 1999 году.", "ru"),
    ],
)
def test_leaving_the_treaty_is_leaving_the_organization(read: Read, text: str, lang: str) -> None:
    (ev,) = events(read, text, lang, "2012-06-29")
    assert (ev.type, ev.organization, ev.actors) == (T.WITHDRAWAL, "csto", ("UZB",))
    assert (ev.when.start, ev.when.end) == (D(1999, 1, 1), D(1999, 12, 31))


def test_a_treaty_without_organization_keeps_its_treaty_id(read: Read) -> None:
    for text, lang in [
        ("Venezuela denounced the Rio Treaty in 2012.", "en"),
        ("Le Venezuela a dénoncé le traité de Rio en 2012.", "fr"),
        ("Венесуэла денонсировала Договор Рио в 2012 году.", "ru"),
    ]:
        (ev,) = events(read, text, lang, "2019-06-29")  # a withdrawal, not a statement "denouncing" something
        assert (ev.type, ev.organization, ev.actors, ev.when.start) == (
            T.WITHDRAWAL,
            "rio-1947",
            ("VEN",),
            D(2012, 1, 1),
        )
        assert "(Rio Treaty)" in ev.title


def test_states_joined_by_and_act_together(read: Read) -> None:
    (ev,) = events(read, "Азербайджан и Грузия вышли из Ташкентского договора в 1999 году.", "ru", "2012-06-29")
    assert ev.actors == ("AZE", "GEO")


# ------------------------------------------------------------------ troops vs membership
@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The CSTO troops started leaving Kazakhstan on Thursday.", "en"),
        ("Les troupes de l'OTSC ont commencé jeudi à quitter le Kazakhstan.", "fr"),
        ("Миротворцы ОДКБ в четверг начали покидать Казахстан.", "ru"),
        ("The CSTO withdrew from Kazakhstan on Thursday.", "en"),
        ("L'OTSC a quitté le Kazakhstan jeudi.", "fr"),
    ],
)
def test_troops_leaving_a_country_end_a_deployment(read: Read, text: str, lang: str) -> None:
    # "Миротворцы": the peacekeepers leaving were sent, an undated deployment beside (set 10's decision 94)
    (ev,) = [e for e in events(read, text, lang, "2022-01-14") if e.phase != "start"]
    assert (ev.type, ev.phase, ev.claim) == (T.DEPLOYMENT, "end", DEPLOYMENT_END)
    assert (ev.organization, ev.actors, ev.target, ev.when.start) == ("csto", ("csto",), "KAZ", D(2022, 1, 13))
    assert ev.to_dict()["phase"] == "end" and "deployment end" in ev.title


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Russia will not withdraw its troops from Armenia.", "en"),
        ("Les troupes russes ne quitteront pas l'Arménie.", "fr"),
        ("Россия не будет выводить войска из Армении.", "ru"),
    ],
)
def test_negated_troop_withdrawal(read: Read, text: str, lang: str) -> None:
    (ev,) = events(read, text, lang)
    assert (ev.type, ev.phase, ev.actors, ev.target, ev.modality) == (
        T.DEPLOYMENT,
        "end",
        ("RUS",),
        "ARM",
        Modality.NEGATED,
    )


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Armenian Prime Minister Nikol Pashinyan left Moscow on Thursday, angry at the CSTO.", "en"),
        ("Pachinian a quitté Moscou jeudi sans signer la déclaration de l'OTSC.", "fr"),
        ("Armenia left the CSTO summit in Minsk early.", "en"),
        ("Erevan a retiré ses représentants de l'OTSC.", "fr"),
    ],
)
def test_leaving_a_place_or_a_meeting_is_not_leaving_the_organization(read: Read, text: str, lang: str) -> None:
    assert not events(read, text, lang, type_=T.WITHDRAWAL)
    assert not [e for e in events(read, text, lang, type_=T.DEPLOYMENT) if e.phase == "end"]


def test_deployment_start_and_end_are_different_events(read: Read) -> None:
    start, end = events(read, "The CSTO sent troops to Kazakhstan. The CSTO troops later left Kazakhstan.", "en")
    assert (start.phase, end.phase) == ("start", "end") and start.id != end.id


# ------------------------------------------------------------------ institutions as speakers
@pytest.mark.parametrize(
    ("text", "lang", "surface", "state"),
    [
        ("the foreign ministry in Tashkent said", "en", "foreign ministry in Tashkent", "UZB"),
        ("Russia's foreign ministry said", "en", "Russia's foreign ministry", "RUS"),
        ("The Kazakh government asked", "en", "Kazakh government", "KAZ"),
        ("le ministère des affaires étrangères à Erevan", "fr", "ministère des affaires étrangères à Erevan", "ARM"),
        (
            "le ministère arménien des Affaires étrangères a indiqué",
            "fr",
            "ministère arménien des Affaires étrangères",
            "ARM",
        ),
        ("la diplomatie russe a affirmé", "fr", "diplomatie russe", "RUS"),
        ("МИД в Ереване сообщил", "ru", "МИД в Ереване", "ARM"),
        ("Правительство Казахстана обратилось", "ru", "Правительство Казахстана", "KAZ"),
    ],
)
def test_institutions_stand_for_their_state(kb: KnowledgeBase, text: str, lang: str, surface: str, state: str) -> None:
    assert (surface, "government", state) in mentions(kb, text, lang)


def test_an_embassy_abroad_is_not_its_host(kb: KnowledgeBase) -> None:
    assert mentions(kb, "The embassy in Moscow said nothing.", "en") == []
    found = mentions(kb, "The US embassy in Moscow said nothing.", "en")
    assert found == [("US embassy in Moscow", "government", "USA")]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Uzbekistan has suspended its CSTO membership, the foreign ministry in Tashkent said on Thursday.", "en"),
        ("L'Ouzbékistan a gelé sa participation à l'OTSC, a indiqué jeudi le ministère des Affaires étrangères.", "fr"),
        ("Узбекистан приостановил членство в ОДКБ, сообщили в четверг в МИД республики.", "ru"),
    ],
)
def test_a_ministry_speaks_for_its_state(read: Read, text: str, lang: str) -> None:
    found = read(text, lang, "2012-06-29").events
    (said,) = [e for e in found if e.type is T.STATEMENT]
    (susp,) = [e for e in found if e.type is T.SUSPENSION]
    assert said.actors == ("UZB",) and said.when.start == D(2012, 6, 28)
    assert (susp.actors, susp.modality) == (("UZB",), Modality.REPORTED)  # its own act, in reported speech


def test_a_role_of_a_ministry_takes_the_place_after_it(read: Read) -> None:
    (ev,) = events(read, "A foreign ministry spokeswoman in Yerevan said Armenia would stay in the CSTO.", "en")
    assert ev.type is T.STATEMENT and ev.actors == ("ARM",)


# ------------------------------------------------------------------ roles on the event's date
@pytest.mark.parametrize(
    ("text", "lang", "person"),
    [
        ("In April 2016, the Armenian prime minister said the CSTO had failed Armenia.", "en", "Hovik Abrahamyan"),
        ("В 2016 году премьер-министр Армении заявил, что ОДКБ не помогла Армении.", "ru", "Hovik Abrahamyan"),
        ("En 2021, le secrétaire général de l'OTSC a déclaré que l'alliance était prête.", "fr", "Stanislav Zas"),
        ("In June 2010, the Russian president said the CSTO would not send troops.", "en", "Dmitry Medvedev"),
        ("The Armenian prime minister said the CSTO had failed Armenia.", "en", "Nikol Pashinyan"),
    ],
)
def test_a_role_is_its_holder_on_the_date_of_the_event(read: Read, text: str, lang: str, person: str) -> None:
    (ev,) = events(read, text, lang, type_=T.STATEMENT)
    assert ev.people == (person,)


def test_a_role_without_a_known_holder_then_names_nobody(read: Read) -> None:
    (ev,) = events(read, "In 1995, the Armenian prime minister said the CSTO mattered.", "en", type_=T.STATEMENT)
    assert ev.actors == ("ARM",) and ev.people == ()


def test_holder_during_a_period_is_the_longest_serving(kb: KnowledgeBase) -> None:
    g = gazetteer(kb)
    assert g.holder_during("ARM", "prime_minister", D(2016, 1, 1), D(2016, 12, 31)) == "Hovik Abrahamyan"
    assert g.holder_during("ARM", "prime_minister", D(2016, 10, 1), D(2016, 10, 31)) == "Karen Karapetyan"
    assert g.holder_during("ARM", "prime_minister", None, D(2024, 6, 25)) == "Nikol Pashinyan"
    assert g.holder_during("ARM", "prime_minister", D(1995, 1, 1), D(1995, 12, 31)) is None


def test_an_ambiguous_surname_is_not_guessed(kb: KnowledgeBase) -> None:
    assert not [m for m in mentions(kb, "Sargsyan said", "en") if m[1] == "person"]
    assert mentions(kb, "Serzh Sargsyan said", "en") == [("Serzh Sargsyan", "person", "Serzh Sargsyan")]


def test_a_deployment_told_without_date_or_destination_is_the_dated_one(read: Read) -> None:
    # en6-02 (Nation Africa / AFP, 3 December 2023): the Kenyan soldiers leaving are the withdrawal the headline
    # and the lead date and place, not a second, undated one.
    text = (
        "East African regional force begins withdrawal from DRC\n\n"
        "The East African Community Regional Force (EAC-RF) began its withdrawal from the Democratic Republic of"
        " Congo on Sunday morning, an AFP team observed, after Kinshasa did not renew its mandate.\n\n"
        "A first group of around 100 Kenyan soldiers from the force - which also includes Ugandan, Burundian and"
        " South Sudanese soldiers - left the region from Goma airport bound for Nairobi, according to an EAC-RF"
        " spokesman on the ground who did not provide more detail on further withdrawals."
    )
    ends = [e for e in events(read, text, "en", "2023-12-03", T.DEPLOYMENT) if e.phase == "end"]
    assert ends and {str(e.when.start) for e in ends} == {"2023-12-03"}
    assert {e.target for e in ends} == {"COD"}
