"""Which language an article is in: English, French or Russian.

Cyrillic script decides Russian at once; between English and French, lingua (restricted to those languages,
low-accuracy mode: n-grams up to trigrams, fast and reliable on article-length text) decides.

References:
    Stahl, P. M. lingua-py: the most accurate natural language detection library for Python.
    https://github.com/pemistahl/lingua-py
"""

from __future__ import annotations

import functools
import re
from typing import Any

from casus.errors import InvalidInputError, MissingExtraError

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-zÀ-ÿ]")


@functools.cache
def _detector() -> Any:
    try:
        from lingua import Language, LanguageDetectorBuilder
    except ImportError:
        raise MissingExtraError("ingest", "lingua") from None
    return LanguageDetectorBuilder.from_languages(Language.ENGLISH, Language.FRENCH).with_low_accuracy_mode().build()


def detect_language(text: str) -> str:
    """``en``, ``fr`` or ``ru`` for a text.

    >>> detect_language("Армения заморозила участие в ОДКБ.")
    'ru'

    Raises:
        InvalidInputError: The text has no letters to judge by.
    """
    sample = text[:4000]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    if cyrillic + latin == 0:
        raise InvalidInputError("cannot tell the language of a text without letters; pass --lang en|fr|ru")
    if cyrillic > latin:
        return "ru"
    found = _detector().detect_language_of(sample)
    if found is None:
        return "en"
    return str(found.iso_code_639_1.name).lower()
