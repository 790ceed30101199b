"""Currencies as English writes them: ISO 4217 codes, names (singular and plural) and symbols.

The table is read from the CLDR data that ``babel`` ships (every current ISO 4217 currency, about 300),
once, lazily. Bare names shared by several currencies ("dollars", "rupees", "pounds", "francs") mean,
in English news, the currency of the largest economy that uses them unless a country is named
(``BARE_NAME_DEFAULTS``): "$" is the US dollar unless written "A$", "C$", "HK$".
"""

from __future__ import annotations

import functools
import re

#: A bare currency word shared by several currencies: the one English news means by it.
BARE_NAME_DEFAULTS = {
    "dollar": "USD", "pound": "GBP", "rupee": "INR", "franc": "CHF", "peso": "MXN", "dinar": "KWD",
    "krona": "SEK", "krone": "NOK", "shilling": "KES", "riyal": "SAR", "rial": "IRR", "lira": "TRY",
    "real": "BRL", "yuan": "CNY", "renminbi": "CNY", "rand": "ZAR", "ruble": "RUB", "rouble": "RUB",
    "euro": "EUR", "yen": "JPY", "won": "KRW", "dirham": "AED", "naira": "NGN", "rupiah": "IDR",
    "ringgit": "MYR", "baht": "THB", "dong": "VND", "zloty": "PLN", "forint": "HUF", "hryvnia": "UAH",
    "tenge": "KZT", "shekel": "ILS", "taka": "BDT", "cedi": "GHS", "kwacha": "ZMW", "birr": "ETB",
}
#: Bare words that are also common English words: a currency only after a number with a country
#: name before them ("South Korean won"), never alone ("won 3 seats", "real 5%").
AMBIGUOUS_WORDS = frozenset({"won", "real", "rand", "dong", "mark", "pula", "lek", "lei", "som", "sol"})
#: Symbols English news uses for one currency (CLDR's own "$" is ambiguous: the US dollar here).
SYMBOLS = {"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
           "₪": "ILS", "₴": "UAH", "₦": "NGN", "₱": "PHP", "฿": "THB", "₫": "VND", "₸": "KZT", "₡": "CRC",
           "A$": "AUD", "C$": "CAD", "HK$": "HKD", "NZ$": "NZD", "S$": "SGD", "R$": "BRL", "US$": "USD"}


@functools.lru_cache(maxsize=1)
def currency_names() -> dict[str, str]:
    """Lower-case name -> ISO code: "japanese yen", "yen", "indian rupees", "rupees", "usd", "euros"..."""
    names: dict[str, str] = {}
    try:
        from babel import Locale
        from babel.numbers import get_currency_name
    except ImportError:  # pragma: no cover - babel is a dependency
        Locale = None  # type: ignore[assignment,misc]  # noqa: N806
    if Locale is not None:
        for code, name in Locale("en").currencies.items():
            if len(code) != 3 or not code.isalpha():
                continue
            names.setdefault(code.lower(), code)
            for form in {name, get_currency_name(code, count=2, locale="en")}:
                form = re.sub(r"\s*\(.*?\)", "", form).lower().strip()
                if form:
                    names.setdefault(form, code)
    for word, code in BARE_NAME_DEFAULTS.items():
        if word in AMBIGUOUS_WORDS:
            continue
        names[word] = code
        names[word + ("es" if word.endswith("s") else "s")] = code
    names["bucks"] = "USD"
    return names


def currency_code(words: str) -> str | None:
    """The ISO code of a currency name or symbol as written ("rupees" -> "INR", "¥" -> "JPY"), or None."""
    w = words.strip()
    if w in SYMBOLS:
        return SYMBOLS[w]
    return currency_names().get(" ".join(w.lower().split()))


__all__ = ["AMBIGUOUS_WORDS", "BARE_NAME_DEFAULTS", "SYMBOLS", "currency_code", "currency_names"]
