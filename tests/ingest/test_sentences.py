"""Reported speech, negation, hypotheticals and old events, sentence by sentence."""

import datetime as dt

from casus.ingest.model import Modality
from casus.kb.events import EventType as T


def only(analysis, type_):
    found = [e for e in analysis.events if e.type is type_]
    assert len(found) == 1, [e.title for e in analysis.events]
    return found[0]


def test_reported_claim_of_someone_else_is_only_a_statement(read):
    a = read("Sergei Lavrov said on Monday that Armenia had left the CSTO.", "en")
    assert [e.type for e in a.events] == [T.STATEMENT]
    st = a.events[0]
    assert st.actors == ("RUS",) and st.people == ("Sergey Lavrov",) and st.when.start == dt.date(2024, 6, 24)
    assert st.claim == "Armenia had left the CSTO"


def test_self_report_is_kept_as_reported(read):
    a = read("Армения заморозила участие в ОДКБ, заявил в четверг Никол Пашинян.", "ru", "2024-02-23")
    ev = only(a, T.SUSPENSION)
    assert (ev.actors, ev.modality, ev.when.start) == (("ARM",), Modality.REPORTED, dt.date(2024, 2, 22))


def test_negation_in_three_languages(read):
    for text, lang in [
        ("L'Arménie n'a pas demandé l'aide de l'OTSC.", "fr"),
        ("Armenia did not request help from the CSTO.", "en"),
        ("Армения не просила помощи у ОДКБ.", "ru"),
    ]:
        ev = only(read(text, lang), T.REQUEST_FOR_ASSISTANCE)
        assert ev.modality is Modality.NEGATED and ev.actors == ("ARM",), text
        assert ev.confidence < 0.5


def test_hypotheticals_in_three_languages(read):
    for text, lang in [
        ("L'Iran pourrait rejoindre l'OTSC.", "fr"),
        ("Iran could join the CSTO.", "en"),
        ("Иран может вступить в ОДКБ.", "ru"),
    ]:
        ev = only(read(text, lang), T.ACCESSION)
        assert ev.modality is Modality.HYPOTHETICAL and ev.actors == ("IRN",), text


def test_will_not_is_negated_not_hypothetical(read):
    ev = only(read("Премьер-министр Армении заявил, что Армения не будет выходить из ОДКБ.", "ru"), T.WITHDRAWAL)
    assert ev.modality is Modality.NEGATED


def test_old_events_keep_their_own_dates(read):
    a = read("En 2010, l'organisation avait refusé d'envoyer des troupes au Kirghizistan.", "fr")
    ev = only(a, T.REFUSAL)
    assert (ev.when.start, ev.target) == (dt.date(2010, 1, 1), "KGZ")
    assert not [e for e in a.events if e.type is T.DEPLOYMENT]  # what was refused did not happen


def test_consideration_of_withdrawal(read):
    ev = only(read("Armenia is considering leaving the CSTO.", "en"), T.CONSIDERATION_OF_WITHDRAWAL)
    assert ev.actors == ("ARM",)


def test_questions_assert_nothing(read):
    assert read("Will Serbia join the CSTO?", "en").events == ()


def test_pronoun_speaker_continues_the_same_interview(read):
    a = read(
        "Nikol Pashinyan said on Sunday that Armenia needed allies. He added that the CSTO had failed.",
        "en",
        "2023-09-04",
    )
    st = only(a, T.STATEMENT)
    assert len(st.evidence) == 2 and st.when.start == dt.date(2023, 9, 3)
    assert st.confidence > max(e.confidence for e in st.evidence) - 1e-9
