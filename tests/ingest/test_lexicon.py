import pytest

from casus.ingest import lexicon as lx
from casus.kb.events import EventType


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("fr", "L'organisation a envoyé son contingent au Kazakhstan."),
        ("fr", "L’OTSC a été créée en 1992."),
        ("en", "Sweden joined NATO on Thursday."),
        ("en", "Kazakhstan declined to send troops."),
        ("ru", "Армения вышла из ОДКБ."),
        ("ru", "Ереван заморозил участие в организации."),
    ],
)
def test_prefilter_lets_event_sentences_through(lang, sentence):
    assert lx.prefilter(lang).search(lx.fold(sentence))


def test_prefilter_skips_sentences_without_any_trigger():
    assert not lx.prefilter("fr").search(lx.fold("Malgré la forte alliance entre les pays eurasiens."))


def test_every_language_covers_every_extracted_type():
    wanted = {
        EventType.FOUNDING,
        EventType.ACCESSION,
        EventType.APPLICATION,
        EventType.SUSPENSION,
        EventType.WITHDRAWAL,
        EventType.REQUEST_FOR_ASSISTANCE,
        EventType.INVOCATION,
        EventType.DEPLOYMENT,
        EventType.REFUSAL,
        EventType.SUMMIT,
    }
    for lang in ("en", "fr", "ru"):
        assert wanted <= {r.type for r in lx.RULES[lang]}, lang
        assert lx.REPORTING[lang] and lx.CONSIDER[lang] and lx.NEGATION[lang]
