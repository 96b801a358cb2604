"""An accession document signed: the ``signature`` step of the acceding state's accession (issue #10, set 11).

"NATO Allies signed Finland's Accession Protocol" is Finland's step (set 11's decision 120), though the Allies
sign it; a document told signed in the passive ("Le mémorandum … avait été signé") needs no signer named, and
"son adhésion" is the state named before; the organization may be the article's own when the sentence names none.
"""

import datetime as dt

from casus.kb.events import EventType as T

D = dt.date


def signatures(analysis):
    return [e for e in analysis.events if e.type is T.ACCESSION and e.stage == "signature"]


def test_allies_signing_a_candidates_protocol_is_the_candidates_signature(read):
    # en11-01, its first and third sentences
    a = read(
        "On Tuesday, Finland became NATO’s 31st member, a historic realignment of Europe’s defenses that drew an "
        "angry warning of “countermeasures” from the Kremlin. On 5 July 2022, NATO Allies signed Finland’s "
        "Accession Protocol, following which all 30 national parliaments voted to ratify the country’s membership.",
        "en",
        "2023-04-05",
    )
    (ev,) = signatures(a)
    assert (ev.actors, ev.organization, ev.modality.value, ev.when.start) == (
        ("FIN",),
        "nato",
        "asserted",
        D(2022, 7, 5),
    )
    plain = [e for e in a.events if e.type is T.ACCESSION and e.stage is None]
    assert [e.when.start for e in plain] == [D(2023, 4, 4)]  # the accession itself stays beside its step


def test_a_memorandum_told_signed_in_the_passive_is_the_possessors_signature(read):
    # fr11-09, its second paragraph: no signer named, "son adhésion" is Iran's, the organization the article's
    a = read(
        "L’Iran est devenu le neuvième membre à part entière de l’OCS. Le mémorandum d’obligations sur son adhésion "
        "avait été signé en septembre 2022 lors du sommet de Samarcande.",
        "fr",
        "2023-07-04",
    )
    (ev,) = signatures(a)
    assert (ev.actors, ev.organization, ev.when.start, ev.when.end) == (("IRN",), "sco", D(2022, 9, 1), D(2022, 9, 30))


def test_a_protocol_of_accession_signed_in_the_passive_is_the_named_states_signature(read):
    # the passive of en11-01's third sentence, in Russian ("протокол о вступлении", as ru6's ratifications)
    a = read(
        "Финляндия стала 31-м членом НАТО. Протокол о вступлении Финляндии был подписан 5 июля 2022 года.",
        "ru",
        "2023-04-05",
    )
    (ev,) = signatures(a)
    assert (ev.actors, ev.organization, ev.when.start) == (("FIN",), "nato", D(2022, 7, 5))


def test_a_protocol_on_something_else_signed_is_no_accession_step(read):
    a = read(
        "Finland became NATO's 31st member on Tuesday. Russia and Belarus signed a protocol on military "
        "cooperation on 5 July 2022.",
        "en",
        "2023-04-05",
    )
    assert signatures(a) == []
