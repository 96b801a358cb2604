import pytest

from casus.errors import InvalidInputError
from casus.ingest.language import detect_language


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Armenia has frozen its participation in the Collective Security Treaty Organization.", "en"),
        ("L'Arménie a gelé sa participation à l'Organisation du traité de sécurité collective.", "fr"),
        ("Армения заморозила участие в Организации Договора о коллективной безопасности.", "ru"),
        ("Le rival de l’OTAN dirigé par la Russie est prêt à s’étendre", "fr"),
    ],
)
def test_detects_en_fr_ru(text, lang):
    assert detect_language(text) == lang


def test_text_without_letters_is_refused():
    with pytest.raises(InvalidInputError, match="--lang"):
        detect_language("2024-06-25 05:34")
