"""Writing systems: which script family each Unicode letter belongs to, and which families each
language is written in (ISO 639-1 codes). Read by the ingest quality gate
(:mod:`synoptic.ingest.quality`) to tell a text in its own script from bytes decoded wrongly.

Japanese writes kanji and kana, Chinese Han characters, Korean Hangul: three families, so that a
text made of all of them at once (what random bytes read as UTF-16 look like) fits no language.
Latin letters (names, brands, loanwords, romanisations) are common in every language's news and
count for every language.
"""

from __future__ import annotations

#: First word of a character's Unicode name -> its script family.
FAMILY_OF_NAME_PREFIX: dict[str, str] = {
    "LATIN": "latin",
    "CYRILLIC": "cyrillic",
    "GREEK": "greek",
    "ARMENIAN": "armenian",
    "GEORGIAN": "georgian",
    "HEBREW": "hebrew",
    "ARABIC": "arabic",
    "SYRIAC": "syriac",
    "THAANA": "thaana",
    "DEVANAGARI": "indic",
    "BENGALI": "indic",
    "GURMUKHI": "indic",
    "GUJARATI": "indic",
    "ORIYA": "indic",
    "TAMIL": "indic",
    "TELUGU": "indic",
    "KANNADA": "indic",
    "MALAYALAM": "indic",
    "SINHALA": "indic",
    "THAI": "thai",
    "LAO": "lao",
    "TIBETAN": "tibetan",
    "MYANMAR": "myanmar",
    "KHMER": "khmer",
    "ETHIOPIC": "ethiopic",
    "CJK": "han",
    "IDEOGRAPHIC": "han",
    "BOPOMOFO": "han",
    "HIRAGANA": "kana",
    "KATAKANA": "kana",
    "HALFWIDTH": "kana",  # HALFWIDTH KATAKANA (halfwidth Hangul is rare in text)
    "HANGUL": "hangul",
}

#: Code point ranges whose letters no language uses in ordinary text, with the family they count
#: as (one no language is written in): CJK Extension A holds 6,582 rare and historic characters, a
#: quarter of the Han block random bytes read as UTF-16 land in, and almost none of a newspaper's.
RARE_RANGES: tuple[tuple[int, int, str], ...] = ((0x3400, 0x4DBF, "rare-han"),)

#: The family every language's texts may carry besides their own.
SHARED_FAMILY = "latin"

#: Families whose languages do not separate words with spaces: their letters are counted as
#: words at CHARS_PER_WORD letters a word.
UNSPACED_FAMILIES = frozenset({"han", "kana", "thai", "lao", "khmer", "myanmar", "tibetan"})
CHARS_PER_WORD = 2  # a Chinese word averages 1.5-2 characters; Japanese and Thai are close

#: Language -> the families its texts are written in (names and loanwords in Latin letters are
#: common everywhere; the gate only asks which family most letters are in).
FAMILIES_OF_LANGUAGE: dict[str, frozenset[str]] = {
    **{code: frozenset({"latin"}) for code in (
        "en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "no", "nb", "nn", "fi", "is", "pl", "cs",
        "sk", "sl", "hr", "bs", "hu", "ro", "ca", "eu", "gl", "et", "lv", "lt", "tr", "az", "sq", "mt",
        "ga", "cy", "id", "ms", "tl", "vi", "sw", "af", "uz", "tk", "ha", "yo", "so", "eo", "la")},
    **{code: frozenset({"cyrillic"}) for code in ("ru", "uk", "be", "bg", "mk", "mn", "ky", "tg")},
    "sr": frozenset({"cyrillic", "latin"}),
    "kk": frozenset({"cyrillic", "latin"}),
    "el": frozenset({"greek"}),
    "hy": frozenset({"armenian"}),
    "ka": frozenset({"georgian"}),
    "he": frozenset({"hebrew"}),
    "yi": frozenset({"hebrew"}),
    **{code: frozenset({"arabic"}) for code in ("ar", "fa", "ur", "ps", "ku", "sd", "ug")},
    **{code: frozenset({"indic"}) for code in ("hi", "mr", "ne", "bn", "pa", "gu", "or", "ta", "te",
                                               "kn", "ml", "si")},
    "th": frozenset({"thai"}),
    "lo": frozenset({"lao"}),
    "my": frozenset({"myanmar"}),
    "km": frozenset({"khmer"}),
    "bo": frozenset({"tibetan"}),
    "am": frozenset({"ethiopic"}),
    "zh": frozenset({"han"}),
    "ja": frozenset({"han", "kana"}),
    "ko": frozenset({"hangul"}),
}
